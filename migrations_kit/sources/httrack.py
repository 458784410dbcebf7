"""HTTrack projects: the tool's own folders, and the original URLs its cache keeps."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

TOOL_DIRS = frozenset({"hts-cache"})
"""Folders mirroring tools add beside the host folders (HTTrack)."""

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
