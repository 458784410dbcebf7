"""Signal handlers of the migration kit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from wagtail.models import Page

_importing: ContextVar[bool] = ContextVar("legacy_importing", default=False)


@contextmanager
def importing() -> Iterator[None]:
    """While a run writes pages: its own publishes need no redirect follow-up (it makes them)."""
    token = _importing.set(True)
    try:
        yield
    finally:
        _importing.reset(token)


def imported_page_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    """When an imported page kept as a draft is published, its old URLs lead to it."""
    if _importing.get() or not getattr(instance, "is_imported", False):
        return
    from .redirects import follow_publish

    follow_publish(instance)
