"""Small text helpers the walker, tables and assembly share: blanks, cuts, tidying, alt text."""

from __future__ import annotations

import re

from .layout import squash

BLANKS = " \t\r\n\f\v\u3000\xa0"
"""Characters that count as blank around a line (ASCII, full-width and no-break spaces)."""
TAGS = re.compile(r"<[^>]*>")
"""Any HTML tag, to measure what text a fragment holds."""
_EMPTY_PAIR = re.compile(
    r"<(b|i|li|ul|ol|p)>([ \t\r\n\u3000\xa0]*)</\1>|<a href=\"[^\"]*\">([ \t\r\n\u3000\xa0]*)</a>"
)
_FILENAME = re.compile(r"^[\w\-. ()]+\.(jpe?g|png|gif|bmp|webp|tiff?)$", re.IGNORECASE)
_GENERIC_ALT = frozenset(
    {"图片", "图像", "image", "img", "pic", "photo", "点击查看大图", "点击放大", "缩略图", "无标题"}
)


def truncate(text: str, limit: int) -> str:
    """Cut text to limit characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tidy(html: str) -> str:
    """Remove empty formatting, links, list items and paragraphs."""
    previous = None
    while previous != html:
        previous = html
        html = _EMPTY_PAIR.sub(lambda m: m.group(2) or m.group(3) or "", html)
        html = html.replace("</b><b>", "").replace("</i><i>", "")
    return html


def good_alt(text: str | None) -> str:
    """Return text if it describes an image, else an empty string."""
    text = squash(text or "")
    if len(text) < 2 or text.lower() in _GENERIC_ALT or _FILENAME.match(text):
        return ""
    return text


def small_int(value: str | None, default: int, limit: int) -> int:
    """Parse a small positive integer attribute, clamped to 1..limit."""
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return max(1, min(number, limit))
