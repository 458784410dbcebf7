"""Where legacy files come from: a mirror folder, a WARC file, or a polite same-host crawl."""

from __future__ import annotations

import os
import re
import struct
import time
import urllib.error
import urllib.request
import zipfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO
from urllib.parse import urljoin, urlsplit

from .decode import MAX_BYTES
from .urls import file_kind, file_to_url, host_of, normalize_url, url_to_candidates

PAGE_LIMIT = 8 * 1024 * 1024
"""Pages bigger than this are not imported (reported as skipped)."""
ASSET_LIMIT = MAX_BYTES
"""Images and attachments bigger than this are not fetched."""
DEFAULT_HOST = "legacy.invalid"
GUESS_SAMPLE = 1000
"""Pages read to guess a folder's own host when no base URL is given."""
GUESS_MIN_HITS = 3
_ABSOLUTE = re.compile(
    rb"""(?:href|src|action|content)\s*=\s*["']?\s*(https?://[^"'\s<>()]{4,400})""", re.I
)
_HOSTNAME = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$", re.IGNORECASE)


class SourceError(Exception):
    """The source cannot be opened at all (one line for the command)."""


@dataclass
class SourceItem:
    """One source file: its legacy URL, where it lives, and how to read it (capped)."""

    url: str
    path: str
    size: int = 0
    content_type: str | None = None
    error: str | None = None
    skip: str | None = None
    loader: Callable[[], tuple[bytes, bool]] | None = None

    @property
    def key(self) -> str:
        """The legacy key: the normalized URL with its query string."""
        return normalize_url(self.url) if "://" in self.url else self.url

    @property
    def kind(self) -> str:
        """page, image, document, static or unknown, by extension or content type."""
        if self.content_type and "html" in self.content_type:
            return "page"
        return file_kind(self.url)

    def read(self) -> tuple[bytes, bool]:
        """Return (bytes, truncated); raises OSError when the file cannot be read."""
        if self.loader is None:
            return b"", False
        return self.loader()


def _read_capped(path: Path, limit: int) -> tuple[bytes, bool]:
    """Read at most limit bytes of a file."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    return (data[:limit], True) if len(data) > limit else (data, False)


def _walk(top: Path) -> Iterator[Path]:
    """Every file under top (hidden folders left out, links not followed), in a stable order."""
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _is_page_file(path: Path) -> bool:
    """Tell whether a file is named like a page (index.htm, content.jsp@id=1)."""
    return file_kind(path.name) == "page" and "." in path.name


def _find(base: Path, candidates: Iterable[str]) -> Path | None:
    """The first candidate file inside base (never one a link or ../ takes outside it)."""
    for candidate in candidates:
        try:
            path = (base / candidate).resolve()
        except (OSError, ValueError):
            continue
        if path.is_relative_to(base) and path.is_file():
            return path
    return None


def _in_folder(top: Path, url: str) -> bool:
    """Tell whether a file for url exists inside top (never looking outside it)."""
    return _find(top, url_to_candidates(url)) is not None


def guess_own_url(top: Path, sample: int = GUESS_SAMPLE) -> tuple[str | None, int]:
    """Guess a mirror's own site URL from absolute links whose files the folder holds.

    Old CMSs write some links and most image addresses absolute (``http://www.xx.gov.cn/...``);
    the host whose addresses resolve to files in the folder is the old site itself. Returns
    (``scheme://host/``, number of such addresses), or (None, 0) when no host clearly leads.
    """
    urls: dict[str, set[str]] = {}
    schemes: dict[str, dict[str, int]] = {}
    for path in islice(filter(_is_page_file, _walk(top)), sample):
        try:
            data, _ = _read_capped(path, 512 * 1024)
        except OSError:
            continue
        for match in _ABSOLUTE.finditer(data):
            url = match.group(1).decode("ascii", "ignore")
            try:
                host = host_of(url)
            except ValueError:
                continue
            if not host or not _HOSTNAME.match(host):
                continue
            seen = urls.setdefault(host, set())
            if len(seen) < 2000:
                seen.add(url)
            scheme = url.split(":", 1)[0].lower()
            counts = schemes.setdefault(host, {})
            counts[scheme] = counts.get(scheme, 0) + 1
    hits = sorted(
        ((sum(_in_folder(top, url) for url in found), host) for host, found in urls.items()),
        reverse=True,
    )
    if not hits or hits[0][0] < GUESS_MIN_HITS:
        return None, 0
    if len(hits) > 1 and hits[0][0] < 2 * hits[1][0]:
        return None, 0
    count, host = hits[0]
    scheme = max(schemes[host], key=schemes[host].get)
    return f"{scheme}://{host}/", count


_TOOL_DIRS = {"hts-cache"}
"""Folders mirroring tools add beside the host folders (HTTrack)."""


def _host_folders(top: Path) -> dict[str, Path]:
    """A mirror's per-host folders (wget, HTTrack): sub-folders all named like hosts."""
    entries = list(top.iterdir())
    httrack = any(p.name in _TOOL_DIRS for p in entries)
    subdirs = [
        p for p in entries if p.is_dir() and not p.name.startswith(".") and p.name not in _TOOL_DIRS
    ]
    if not subdirs or not all(_HOSTNAME.match(p.name) for p in subdirs):
        return {}
    if not httrack and any(p.is_file() and file_kind(p.name) == "page" for p in entries):
        return {}
    return {p.name.lower(): p for p in subdirs}


def _pages_in(folder: Path, cap: int = 100_000) -> int:
    """How many page files a folder holds (counted up to cap)."""
    return sum(1 for _ in islice(filter(_is_page_file, _walk(folder)), cap))


_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
"""A ZIP local file header: signature ... name length, extra length."""


def httrack_urls(top: Path, limit: int = 500_000) -> dict[str, str]:
    """Local file (relative to top) → original URL, from an HTTrack project's hts-cache/new.zip.

    HTTrack renames pages it saves (``content4a1b.html`` for ``content.jsp?id=123``); its cache
    keeps each original URL as a ZIP entry name and the local file as the ``X-Save`` line of the
    entry's local header extra field.
    """
    cache = top / "hts-cache" / "new.zip"
    if not cache.is_file():
        return {}
    found: dict[str, str] = {}
    try:
        with zipfile.ZipFile(cache) as archive, cache.open("rb") as raw:
            for info in archive.infolist()[:limit]:
                raw.seek(info.header_offset)
                header = raw.read(_LOCAL_HEADER.size)
                if len(header) < _LOCAL_HEADER.size:
                    continue
                fields = _LOCAL_HEADER.unpack(header)
                if fields[0] != 0x04034B50:
                    continue
                raw.seek(fields[9], os.SEEK_CUR)
                extra = raw.read(fields[10]).decode("utf-8", "replace")
                saved = _x_save(extra, top)
                if saved and info.filename.startswith(("http://", "https://")):
                    found.setdefault(saved, info.filename)
    except (OSError, zipfile.BadZipFile, ValueError):
        return found
    return found


def _x_save(extra: str, top: Path) -> str | None:
    """The X-Save path of an HTTrack cache entry, relative to the project folder."""
    for line in extra.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() != "x-save":
            continue
        value = value.strip().replace("\\", "/")
        path = Path(value)
        if path.is_absolute():
            try:
                return path.relative_to(top).as_posix()
            except ValueError:
                return None
        return value.removeprefix("./") or None
    return None


class FolderSource:
    """A wget mirror or a 'save page complete' folder; nothing outside it is ever read."""

    def __init__(self, folder: str | os.PathLike[str], base_url: str | None = None) -> None:
        """Find the mirror root (wget's host folder when there is one) and the base URL."""
        top = Path(folder).resolve()
        if not top.is_dir():
            raise SourceError(f"源目录不存在: {folder}")
        self.top = top
        self.root = top
        self.guessed_from = 0
        # wget names a folder after each host it mirrors (several with --span-hosts)
        self.host_dirs = _host_folders(top)
        if base_url is not None:
            wanted = host_of(normalize_url(base_url))
            only = next(iter(self.host_dirs.values())) if len(self.host_dirs) == 1 else top
            self.root = self.host_dirs.get(wanted, only)
        elif self.host_dirs:
            host, self.root = max(self.host_dirs.items(), key=lambda pair: _pages_in(pair[1]))
            base_url = f"http://{host}/"
        else:
            base_url, self.guessed_from = guess_own_url(top)
        self.base_url = normalize_url(base_url or f"http://{DEFAULT_HOST}/")
        self.host = host_of(self.base_url)
        self.description = str(top)
        # HTTrack's cache knows the original URL of every renamed file
        self.original_urls = httrack_urls(top)
        self.local_files = {normalize_url(url): path for path, url in self.original_urls.items()}

    def __iter__(self) -> Iterator[SourceItem]:
        """Every file under the folder, in a stable order, one at a time."""
        for path in _walk(self.top):
            yield self._item(path)

    def _item(self, path: Path) -> SourceItem:
        """The item of one file under the folder."""
        rel_top = path.relative_to(self.top).as_posix()
        if not path.is_relative_to(self.root):
            in_host = any(path.is_relative_to(folder) for folder in self.host_dirs.values())
            why = "其他主机的文件（页面引用时作为图片或附件读取）" if in_host else "镜像工具的文件"
            return SourceItem(f"file:{rel_top}", rel_top, skip=why)
        rel = path.relative_to(self.root).as_posix()
        original = self.original_urls.get(rel_top)
        url = normalize_url(original) if original else file_to_url(rel, self.base_url)
        try:
            real = path.resolve(strict=True)
            size = real.stat().st_size
        except OSError as err:
            return SourceItem(url, rel_top, error=f"无法读取: {err.strerror or err}")
        if not real.is_relative_to(self.top):
            return SourceItem(url, rel_top, skip="符号链接指向源目录之外，未读取")
        if not real.is_file():
            return SourceItem(url, rel_top, skip="不是普通文件")
        return SourceItem(url, rel_top, size=size, loader=lambda: _read_capped(real, PAGE_LIMIT))

    def fetch(self, url: str, limit: int = ASSET_LIMIT) -> bytes | None:
        """The bytes of a URL found inside the folder, or None (never outside it).

        The old site's own files come from its root; another host's (an image server mirrored
        with --span-hosts) from that host's folder when the mirror has one.
        """
        host = host_of(url)
        base = self.root if host == self.host else self.host_dirs.get(host)
        if base is None or (host != self.host and base == self.root):
            return None
        saved = self.local_files.get(normalize_url(url))
        candidates = url_to_candidates(url)
        if saved:
            base, candidates = self.top, [saved, *(f"{host}/{c}" for c in candidates)]
        path = _find(base, candidates)
        if path is None:
            return None
        data, truncated = _read_capped(path, limit)
        return None if truncated else data

    def close(self) -> None:
        """Nothing to release."""


class WarcSource:
    """A .warc or .warc.gz file: response records indexed by offset, read one at a time."""

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
        """Walk the records once, keeping only URLs, offsets and content types."""
        from warcio.archiveiterator import ArchiveIterator

        with self.path.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            try:
                for record in iterator:
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    if not url or status != "200":
                        continue
                    ctype = record.http_headers.get_header("Content-Type")
                    offset = iterator.get_record_offset()
                    key = normalize_url(url)
                    if key not in self.offsets:
                        self.offsets[key] = offset
                        self.order.append((url, offset, ctype))
            except Exception as err:  # noqa: BLE001 - warcio raises many kinds on bad input
                self.broken = f"WARC 记录截断或损坏（偏移 {stream.tell()}）: {err}"

    def _record_bytes(self, offset: int, limit: int) -> tuple[bytes, bool]:
        """Read one record's payload (capped) at an offset."""
        from warcio.archiveiterator import ArchiveIterator

        if self._handle is None:
            self._handle = self.path.open("rb")
        self._handle.seek(offset)
        for record in ArchiveIterator(self._handle):
            data = record.content_stream().read(limit + 1)
            return (data[:limit], True) if len(data) > limit else (data, False)
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
                loader=lambda offset=offset: self._record_bytes(offset, PAGE_LIMIT),
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


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only within the crawled host."""

    def __init__(self, host: str) -> None:
        """Remember the one host requests may go to."""
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        """Refuse a redirect to another host or scheme."""
        if urlsplit(newurl).scheme not in ("http", "https") or host_of(newurl) != self.host:
            raise urllib.error.HTTPError(
                newurl, code, "redirect to another host refused", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_LINK = re.compile(rb"""(?:href|src)\s*=\s*["']?([^"'\s<>]+)""", re.IGNORECASE)
_SCRIPT_PAGE = re.compile(
    rb"""["']((?:\.{1,2}/|/)[^"'\s<>+]{1,300}?\.(?:s?html?|shtm|jsp|aspx?|php)(?:\?[^"'\s<>+]*)?)["']""",
    re.IGNORECASE,
)
"""Page addresses in script strings: TRS list templates write their rows with document.write."""


class CrawlSource:
    """A polite breadth-first crawl of one http(s) host: no other host is ever contacted."""

    user_agent = "redesign-migrations-kit/1.0 (legacy site import)"

    def __init__(
        self,
        start_url: str,
        max_pages: int = 5000,
        delay: float = 0.5,
        timeout: float = 15.0,
    ) -> None:
        """Prepare an opener without proxies that follows same-host redirects only."""
        if urlsplit(start_url).scheme not in ("http", "https"):
            raise SourceError(f"不是 http(s) 地址: {start_url}")
        self.start_url = normalize_url(start_url)
        self.base_url = normalize_url(urljoin(self.start_url, "/"))
        self.host = host_of(self.start_url)
        self.description = self.start_url
        self.max_pages = max_pages
        self.delay = delay
        self.timeout = timeout
        self.requests = 0
        self._last = 0.0
        self._opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), _SameHostRedirects(self.host)
        )

    def _get(self, url: str, limit: int) -> tuple[bytes, bool, str | None]:
        """GET one same-host URL politely, capped at limit bytes."""
        if host_of(url) != self.host or urlsplit(url).scheme not in ("http", "https"):
            raise OSError(f"不抓取其他主机: {url}")
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})  # noqa: S310
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data = response.read(limit + 1)
                ctype = response.headers.get("Content-Type")
        finally:
            self._last = time.monotonic()
            self.requests += 1
        return (data[:limit], True, ctype) if len(data) > limit else (data, False, ctype)

    def __iter__(self) -> Iterator[SourceItem]:
        """Fetch pages breadth-first from the start URL, up to max_pages."""
        queue: deque[str] = deque([self.start_url])
        seen = {self.start_url}
        fetched = 0
        while queue and fetched < self.max_pages:
            url = queue.popleft()
            fetched += 1
            try:
                data, truncated, ctype = self._get(url, PAGE_LIMIT)
            except (OSError, ValueError) as err:
                yield SourceItem(url, url, error=f"抓取失败: {err}")
                continue
            item = SourceItem(url, url, size=len(data), content_type=ctype)
            item.loader = lambda data=data, truncated=truncated: (data, truncated)
            if item.kind == "page":
                for link in self._links(data, url):
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
            yield item

    def _links(self, data: bytes, page_url: str) -> Iterator[str]:
        """Same-host page links of a page (assets are fetched when a page uses them)."""
        head = data[:PAGE_LIMIT]
        for match in [*_LINK.finditer(head), *_SCRIPT_PAGE.finditer(head)]:
            href = match.group(1).decode("latin-1").strip()
            if href.startswith(("javascript:", "mailto:", "#", "data:", "tel:")):
                continue
            try:
                link = normalize_url(urljoin(page_url, href))
            except ValueError:
                continue
            if urlsplit(link).scheme in ("http", "https") and host_of(link) == self.host:
                if file_kind(link) == "page":
                    yield link

    def fetch(self, url: str, limit: int = ASSET_LIMIT) -> bytes | None:
        """GET an asset of the crawled host (None for other hosts and failures)."""
        try:
            data, truncated, _ = self._get(normalize_url(url), limit)
        except (OSError, ValueError):
            return None
        return None if truncated else data

    def close(self) -> None:
        """Nothing to release."""


def open_source(
    source: str,
    base_url: str | None = None,
    max_pages: int = 5000,
    delay: float = 0.5,
) -> FolderSource | WarcSource | CrawlSource:
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
