"""Mirror folders (wget, HTTrack, 'save page complete'): walking, the site's root and host."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from ..urls import file_to_url, host_of, normalize_url, url_to_candidates
from .base import (
    ASSET_LIMIT,
    DEFAULT_HOST,
    PAGE_LIMIT,
    FileKind,
    SourceError,
    SourceItem,
    read_capped,
)
from .httrack import TOOL_DIRS, httrack_urls

GUESS_SAMPLE = 1000
"""Pages read to guess a folder's own host when no base URL is given."""
GUESS_MIN_HITS = 3
"""Addresses resolving to the folder's files a guessed host needs at least."""
_ABSOLUTE = re.compile(
    rb"""(?:href|src|action|content)\s*=\s*["']?\s*(https?://[^"'\s<>()]{4,400})""", re.I
)
_HOSTNAME = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$", re.IGNORECASE)


def _walk(top: Path) -> Iterator[Path]:
    """Every file under top (hidden folders left out, links not followed), in a stable order."""
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _is_page_file(path: Path) -> bool:
    """Tell whether a file is named like a page (index.htm, content.jsp@id=1)."""
    return FileKind.of(path.name) is FileKind.PAGE and "." in path.name


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
            data, _ = read_capped(path, 512 * 1024)
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


def _host_folders(top: Path) -> dict[str, Path]:
    """A mirror's per-host folders (wget, HTTrack): sub-folders all named like hosts."""
    entries = list(top.iterdir())
    httrack = any(p.name in TOOL_DIRS for p in entries)
    subdirs = [
        p for p in entries if p.is_dir() and not p.name.startswith(".") and p.name not in TOOL_DIRS
    ]
    if not subdirs or not all(_HOSTNAME.match(p.name) for p in subdirs):
        return {}
    if not httrack and any(p.is_file() and FileKind.of(p.name) is FileKind.PAGE for p in entries):
        return {}
    return {p.name.lower(): p for p in subdirs}


def _pages_in(folder: Path, cap: int = 100_000) -> int:
    """How many page files a folder holds (counted up to cap)."""
    return sum(1 for _ in islice(filter(_is_page_file, _walk(folder)), cap))


class FolderSource:
    """A wget mirror or a 'save page complete' folder; nothing outside it is ever read."""

    page_limit: int = PAGE_LIMIT
    damaged: str | None = None
    """A folder or a crawl is never damaged as a whole (each file reports its own trouble)."""
    """Pages are read up to this many bytes (a longer one is reported as truncated)."""

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
        limit = self.page_limit
        return SourceItem(url, rel_top, size=size, loader=lambda: read_capped(real, limit))

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
        data, truncated = read_capped(path, limit)
        return None if truncated else data

    def close(self) -> None:
        """Nothing to release."""
