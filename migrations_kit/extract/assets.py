"""Images and attachments (doc, xls, pdf, wps, zip ...) with links resolved to absolute form."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from .text import collapse

ATTACHMENT_EXTENSIONS = frozenset(
    "doc docx xls xlsx pdf wps et dps rar zip 7z ppt pptx txt csv ofd odt ods tif tiff xml".split()
)
_SKIP = re.compile(r"^(javascript:|#|mailto:|data:|about:)", re.IGNORECASE)
_SPACER = re.compile(
    r"(spacer|blank|dot|pixel|space|line|arrow|icon|bullet|clear)\.(gif|png)$", re.I
)


def resolve(src: str, base_url: str | None, file_path: str | None) -> str:
    """Resolve a link against the base URL, else against the file's folder on disk."""
    src = src.strip()
    if urlsplit(src).scheme in ("http", "https", "ftp", "file"):
        return src
    if src.startswith("//"):
        return "http:" + src
    if base_url:
        return urljoin(base_url, src)
    if file_path:
        folder = os.path.dirname(os.path.abspath(file_path))
        path = unquote(urlsplit(src).path)
        if path.startswith("/"):
            return path
        return os.path.normpath(os.path.join(folder, path))
    return src


_EXT_HINT = re.compile(r"\.([A-Za-z0-9]{2,4})(?:$|[?#])")


def attachment_extension(href: str) -> str | None:
    """Return the attachment extension of a link, or None for a page link."""
    hint = _EXT_HINT.search(href)
    if not hint or hint.group(1).lower() not in ATTACHMENT_EXTENSIONS:
        return None
    path = unquote(urlsplit(href).path).lower()
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return ext if ext in ATTACHMENT_EXTENSIONS else None


def extract_images(
    container: lxml.html.HtmlElement | None, base_url: str | None, file_path: str | None
) -> list[dict[str, str]]:
    """Return [{src, alt}] for the images inside the main-text container."""
    if container is None:
        return []
    images = []
    seen = set()
    for img in container.iter("img"):
        src = img.get("src") or img.get("data-src") or img.get("original") or ""
        if not src or _SKIP.match(src.strip()) or _SPACER.search(src):
            continue
        width, height = img.get("width"), img.get("height")
        if width and height and width.isdigit() and height.isdigit():
            if int(width) <= 16 and int(height) <= 16:
                continue
        resolved = resolve(src, base_url, file_path)
        if resolved in seen:
            continue
        seen.add(resolved)
        images.append({"src": resolved, "alt": collapse(img.get("alt") or img.get("title") or "")})
    return images


_SCRIPT_LINK = re.compile(
    r"""<a\s[^<>]*?href\s*=\s*\\?["']?(?P<href>[^"'\\\s<>]+)\\?["']?[^<>]*>(?P<text>.*?)</a>""",
    re.IGNORECASE | re.DOTALL,
)
_SCRIPT_EXTS = r"\.(?:docx?|xlsx?|pptx?|pdf|wps|et|ofd|rar|zip|7z)"
"""Attachment types a script's bare file address is taken for (not txt/xml: scripts load those)."""
_SCRIPT_FILE = re.compile(
    r"""(?<![\w/.])(?P<href>(?:\.{1,2}/|/|https?://)[^"'\s<>|;,()+\\]+?"""
    + _SCRIPT_EXTS
    + r""")(?=["'|;,\s)\\])""",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
_FILE_HINT = re.compile(_SCRIPT_EXTS + r"(?![\w])", re.IGNORECASE)


def _script_attachments(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(href, title) of attachments that page scripts write (TRS: ``var appendix = '<a ...>'``)."""
    found = []
    for script in root.iter("script"):
        code = script.text or ""
        if len(code) > 200_000 or not _FILE_HINT.search(code):
            continue
        for match in _SCRIPT_LINK.finditer(code):
            if attachment_extension(match["href"]):
                found.append((match["href"], collapse(_TAG.sub("", match["text"]))))
        for match in _SCRIPT_FILE.finditer(code):
            found.append((match["href"], ""))
    return found


def extract_attachments(
    root: lxml.html.HtmlElement, base_url: str | None, file_path: str | None
) -> list[dict[str, str]]:
    """Return [{href, title}] for every link to a document or archive on the page.

    Links written by the page's scripts count too: TRS and Hanweb templates often print the
    attachment list with ``document.write`` from a string, and a static mirror keeps only that.
    """
    links = [
        (
            (a.get("href") or "").strip(),
            collapse(a.text_content()) or collapse(a.get("title") or ""),
        )
        for a in root.iter("a")
    ]
    found = []
    seen = set()
    for href, title in [*links, *_script_attachments(root)]:
        if not href or _SKIP.match(href) or not attachment_extension(href):
            continue
        resolved = resolve(href, base_url, file_path)
        if resolved in seen:
            continue
        seen.add(resolved)
        if not title:
            title = os.path.basename(unquote(urlsplit(href).path))
        found.append({"href": resolved, "title": title})
    return found
