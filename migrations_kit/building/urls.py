"""What a legacy file address names: its file type and file name (used by the walker and assets)."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

ATTACHMENT_EXTENSIONS = frozenset(
    "doc docx xls xlsx pdf wps et rar zip 7z ppt pptx txt ofd".split()
)
"""File types whose links become entries of an attachments block."""
IMAGE_EXTENSIONS = frozenset("jpg jpeg png gif bmp webp tif tiff".split())
"""File types whose links point at a (larger) image."""


def _extension(name: str) -> str:
    """Return the lower-case extension of a file name, or an empty string."""
    name = name.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def url_extension(url: str) -> str:
    """Return the lower-case file extension of a URL's path, or of a file named in its query."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    known = ATTACHMENT_EXTENSIONS | IMAGE_EXTENSIONS
    path_ext = _extension(unquote(parts.path))
    if path_ext in known:
        return path_ext
    for _key, value in parse_qsl(parts.query):
        if _extension(value) in known:
            return _extension(value)
    return path_ext


def url_filename(url: str) -> str:
    """Return the unquoted last path segment of a URL."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    return unquote(path).rstrip("/").rsplit("/", 1)[-1]
