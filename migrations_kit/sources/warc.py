"""WARC files: response records indexed by offset, each read only when it is needed."""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urljoin

from ..urls import host_of, normalize_url
from .base import ASSET_LIMIT, DEFAULT_HOST, PAGE_LIMIT, SourceError, SourceItem, capped

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

_GZIP_MAGIC = b"\x1f\x8b"
_TAIL_PEEK = 4096
"""Bytes read after the last whole record to tell blank padding from a cut or foreign tail."""


def _gzip_cut(path: Path) -> str | None:
    """Why a .gz file ends early (warcio stops quietly at a cut member), or None when whole."""
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as err:
        return f"WARC 文件不完整（压缩数据在结尾前中断，最后的记录已丢失）: {err}"
    return None


def _is_gzip(path: Path) -> bool:
    """Whether the file is gzip-compressed (by its first bytes, whatever its name says)."""
    with path.open("rb") as stream:
        return stream.read(2) == _GZIP_MAGIC


def _record_cut(record: ArcWarcRecord, offset: int) -> str | None:
    """Why a record read to its end is incomplete (headers or content cut short), or None."""
    if record.rec_headers.get_header("Content-Length") is None:
        return f"WARC 文件不完整（偏移 {offset} 的记录头不完整，已丢弃）"
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        return f"WARC 文件不完整（偏移 {offset} 的记录 {url} 缺少 {missing} 字节，已丢弃）"
    return None


def _tail_left(path: Path, end: int) -> str | None:
    """Why the bytes after the last whole record are not blank padding, or None."""
    size = path.stat().st_size
    with path.open("rb") as stream:
        stream.seek(end)
        tail = stream.read(_TAIL_PEEK)
    if not tail.strip():
        return None
    return f"WARC 文件不完整（偏移 {end} 之后的 {size - end} 字节读不出完整的记录）"


class WarcSource:
    """A .warc or .warc.gz file: response records indexed by offset, read one at a time."""

    page_limit: int = PAGE_LIMIT
    """Pages are read up to this many bytes (a longer one is reported as truncated)."""

    def __init__(self, path: str | os.PathLike[str], base_url: str | None = None) -> None:
        """Index the response records (URL → offset); a truncated record ends the index."""
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise SourceError(f"WARC 文件不存在: {path}")
        self.description = str(self.path)
        self.offsets: dict[str, int] = {}
        self.order: list[tuple[str, int, str | None]] = []
        self.broken: str | None = None
        self._index()
        pages: Counter[str] = Counter(
            host_of(url) for url, _offset, ctype in self.order if "html" in (ctype or "")
        )
        busiest = pages.most_common(1)[0][0] if pages else None
        first = f"http://{busiest}/" if busiest else (self.order[0][0] if self.order else None)
        self.base_url = normalize_url(base_url or urljoin(first or f"http://{DEFAULT_HOST}/", "/"))
        self.host = host_of(self.base_url)
        self._handle: IO[bytes] | None = None

    def _index(self) -> None:
        """Walk the records once, keeping only URLs, offsets and content types.

        A record cut short (headers or content shorter than its Content-Length) is not indexed
        and ends the walk; so do bytes after the last whole record that are not blank padding.
        """
        from warcio.archiveiterator import ArchiveIterator

        with self.path.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            end = 0
            try:
                for record in iterator:
                    iterator.read_to_end(record)
                    offset = iterator.get_record_offset()
                    self.broken = _record_cut(record, offset)
                    if self.broken:
                        break
                    end = offset + iterator.get_record_length()
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    if not url or status != "200":
                        continue
                    ctype = record.http_headers.get_header("Content-Type")
                    key = normalize_url(url)
                    if key not in self.offsets:
                        self.offsets[key] = offset
                        self.order.append((url, offset, ctype))
            except Exception as err:  # noqa: BLE001 - warcio raises many kinds on bad input
                self.broken = f"WARC 记录截断或损坏（偏移 {stream.tell()}）: {str(err)[:200]}"
        if self.broken is None:
            gzipped = _is_gzip(self.path)
            self.broken = _gzip_cut(self.path) if gzipped else _tail_left(self.path, end)

    @property
    def damaged(self) -> str | None:
        """Why the file is damaged (a cut or corrupt tail), or None."""
        return self.broken

    def _record_bytes(self, offset: int, limit: int) -> tuple[bytes, bool]:
        """Read one record's payload (capped) at an offset."""
        from warcio.archiveiterator import ArchiveIterator

        if self._handle is None:
            self._handle = self.path.open("rb")
        self._handle.seek(offset)
        for record in ArchiveIterator(self._handle):
            return capped(record.content_stream().read(limit + 1), limit)
        raise OSError("WARC 记录为空")

    def __iter__(self) -> Iterator[SourceItem]:
        """Every indexed response, then a line for the truncated tail if any."""
        for url, offset, ctype in self.order:
            if host_of(url) != self.host:
                why = "其他主机的记录（页面引用时作为图片或附件读取）"
                yield SourceItem(url, url, content_type=ctype, skip=why)
                continue
            yield SourceItem(
                url,
                url,
                content_type=ctype,
                loader=lambda offset=offset: self._record_bytes(offset, self.page_limit),
            )
        if self.broken:
            yield SourceItem(f"warc:{self.path.name}#tail", self.path.name, error=self.broken)

    def fetch(self, url: str, limit: int = ASSET_LIMIT) -> bytes | None:
        """The payload of a URL archived in the file (any host: it is read locally), or None."""
        offset = self.offsets.get(normalize_url(url))
        if offset is None:
            return None
        try:
            data, truncated = self._record_bytes(offset, limit)
        except Exception:  # noqa: BLE001 - a damaged record is just missing
            return None
        return None if truncated else data

    def close(self) -> None:
        """Close the payload handle."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
