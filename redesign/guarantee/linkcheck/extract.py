"""The links and images of a rendered page: <a>/<area> hrefs, <img> src and srcset, <source>."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml.etree import ParserError

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "about:", "blob:")
IMAGE_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".svg",
    ".bmp",
    ".avif",
    ".ico",
    ".tif",
    ".tiff",
)
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Found:
    """One link or image target on a page: its absolute URL and whether it is shown as an image."""

    url: str
    is_image: bool


def normalize(raw: str | None, base: str) -> str | None:
    """The absolute http(s) URL a link points at, without its fragment; None when it is skipped."""
    raw = (raw or "").strip()
    if not raw or raw.startswith("#") or raw.lower().startswith(SKIPPED_SCHEMES):
        return None
    try:
        absolute, _fragment = urldefrag(urljoin(base, raw))
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:  # a malformed address (a bad port, an unclosed IPv6 bracket)
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    netloc = parts.hostname.lower()
    if port and port != DEFAULT_PORTS[parts.scheme]:
        netloc = f"{netloc}:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def first_srcset_url(srcset: str | None) -> str | None:
    """The first candidate URL of a srcset attribute."""
    first = (srcset or "").split(",")[0].split()
    return first[0] if first else None


def is_image_path(url: str) -> bool:
    """Whether the URL's path names an image file."""
    return urlsplit(url).path.lower().endswith(IMAGE_SUFFIXES)


def links_in(content: bytes, page_url: str) -> list[Found]:
    """The distinct link and image targets of an HTML page, in document order."""
    try:
        document = lxml.html.document_fromstring(content)
    except (ParserError, ValueError):
        return []
    base = page_url
    base_element = document.find(".//base[@href]")
    if base_element is not None:
        base = normalize(base_element.get("href"), page_url) or page_url
    found: dict[Found, None] = {}

    def add(raw: str | None, is_image: bool) -> None:
        url = normalize(raw, base)
        if url is not None:
            found.setdefault(Found(url, is_image))

    for element in document.iter("a", "area", "img", "source"):
        if element.tag in ("a", "area"):
            add(element.get("href"), False)
        else:
            if element.tag == "img":
                add(element.get("src"), True)
            add(first_srcset_url(element.get("srcset")), True)
    return list(found)
