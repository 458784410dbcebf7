"""What every source shares: the Source protocol, the files it yields, their kinds and limits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..decode import MAX_BYTES
from ..urls import file_kind, normalize_url

PAGE_LIMIT = 8 * 1024 * 1024
"""Pages bigger than this are not imported (reported as skipped)."""
ASSET_LIMIT = MAX_BYTES
"""Images and attachments bigger than this are not fetched."""
DEFAULT_HOST = "legacy.invalid"
"""The host of a folder whose own site address is neither given nor guessed."""

Loader = Callable[[], tuple[bytes, bool]]
"""Reads a file's bytes (capped): returns (bytes, truncated)."""


class FileKind(StrEnum):
    """What a source file is, by its extension or content type (decides what the import does)."""

    PAGE = "page"
    IMAGE = "image"
    DOCUMENT = "document"
    STATIC = "static"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, url_or_path: str) -> FileKind:
        """The kind of a URL or file name, by its path's extension."""
        return cls(file_kind(url_or_path))


class SourceError(Exception):
    """The source cannot be opened at all (one line for the command)."""


@dataclass(frozen=True)
class SourceItem:
    """One source file: its legacy URL, where it lives, and how to read it (capped)."""

    url: str
    path: str
    size: int = 0
    content_type: str | None = None
    error: str | None = None
    skip: str | None = None
    loader: Loader | None = None

    @property
    def key(self) -> str:
        """The legacy key: the normalized URL with its query string."""
        return normalize_url(self.url) if "://" in self.url else self.url

    @property
    def kind(self) -> FileKind:
        """The file's kind, by content type (an HTML response is a page) or extension."""
        if self.content_type and "html" in self.content_type:
            return FileKind.PAGE
        return FileKind.of(self.url)

    def read(self) -> tuple[bytes, bool]:
        """Return (bytes, truncated); raises OSError when the file cannot be read."""
        if self.loader is None:
            return b"", False
        return self.loader()


@runtime_checkable
class Source(Protocol):
    """Where legacy files come from: a mirror folder, a WARC file or a crawl of one host."""

    base_url: str
    """The legacy site's own address (``scheme://host/``)."""
    host: str
    """The legacy site's host: links to it are internal."""
    description: str
    """What was opened (a folder, a file or a start URL), for the run and the report."""
    damaged: str | None
    """Why the source itself is damaged (a cut or corrupt archive), or None when it is whole."""

    def __iter__(self) -> Iterator[SourceItem]:
        """Every file of the source, one at a time, in a stable order."""
        ...

    def fetch(self, url: str, limit: int = ASSET_LIMIT) -> bytes | None:
        """The bytes of an asset a page names, or None (missing, too big, not allowed)."""
        ...

    def close(self) -> None:
        """Release what the source holds open."""
        ...


def capped(data: bytes, limit: int) -> tuple[bytes, bool]:
    """Data cut to limit bytes, and whether it was longer (read limit + 1 to tell)."""
    return (data[:limit], True) if len(data) > limit else (data, False)


def read_capped(path: Path, limit: int) -> tuple[bytes, bool]:
    """Read at most limit bytes of a file."""
    with path.open("rb") as handle:
        return capped(handle.read(limit + 1), limit)
