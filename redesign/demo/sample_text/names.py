"""Invented personal names, drawn from a name book (surnames and given names)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .words import load_words


@dataclass(frozen=True)
class NameBook:
    """What names are made of: surnames, given names (or characters) and a second one's chance."""

    surnames: Sequence[str]
    given: Sequence[str]
    second_given: float = 0.0


def name_book(key: str) -> NameBook:
    """A name book of data/names.toml: "guangxi" (the demo's counties) or "common"."""
    book = load_words("names")[key]
    return NameBook(book["surnames"], book["given"], book["second_given"])


def person_name(rng: random.Random, book: NameBook) -> str:
    """An invented name: a given name, sometimes a second part, after a surname."""
    given = rng.choice(book.given)
    if book.second_given and rng.random() < book.second_given:
        given += rng.choice(book.given)
    return rng.choice(book.surnames) + given
