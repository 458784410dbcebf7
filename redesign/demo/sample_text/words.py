"""Word lists and sentence templates, read once from data/<name>.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA = Path(__file__).with_name("data")


def frozen(value: Any) -> Any:
    """A parsed TOML value made read-only: lists become tuples, tables read-only mappings."""
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return MappingProxyType({key: frozen(item) for key, item in value.items()})
    return value


@cache
def load_words(name: str) -> MappingProxyType[str, Any]:
    """The word lists of data/<name>.toml, as read-only tuples and mappings."""
    with (DATA / f"{name}.toml").open("rb") as data:
        return frozen(tomllib.load(data))
