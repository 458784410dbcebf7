"""Where legacy files come from: a mirror folder, a WARC file, or a polite same-host crawl."""

from __future__ import annotations

from pathlib import Path

from .base import (
    ASSET_LIMIT,
    DEFAULT_HOST,
    PAGE_LIMIT,
    FileKind,
    Loader,
    Source,
    SourceError,
    SourceItem,
)
from .crawl import CrawlSource
from .folder import GUESS_MIN_HITS, GUESS_SAMPLE, FolderSource, guess_own_url
from .httrack import httrack_urls
from .warc import WarcSource

__all__ = [
    "ASSET_LIMIT",
    "DEFAULT_HOST",
    "GUESS_MIN_HITS",
    "GUESS_SAMPLE",
    "PAGE_LIMIT",
    "CrawlSource",
    "FileKind",
    "FolderSource",
    "Loader",
    "Source",
    "SourceError",
    "SourceItem",
    "WarcSource",
    "guess_own_url",
    "httrack_urls",
    "open_source",
]


def open_source(
    source: str,
    base_url: str | None = None,
    max_pages: int = 5000,
    delay: float = 0.5,
) -> Source:
    """Open a folder, a .warc/.warc.gz file, or an http(s) start URL."""
    if source.startswith(("http://", "https://")):
        return CrawlSource(source, max_pages=max_pages, delay=delay)
    path = Path(source)
    if not path.exists():
        raise SourceError(f"源不存在: {source}")
    if path.is_dir():
        return FolderSource(path, base_url)
    if path.name.endswith((".warc", ".warc.gz")):
        return WarcSource(path, base_url)
    raise SourceError(f"无法识别的源（应为目录、.warc/.warc.gz 文件或 http(s) 地址）: {source}")
