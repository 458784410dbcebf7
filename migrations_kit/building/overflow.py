"""A body past the block cap: the items after it and a capped page's unparsed rest, as rich text."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator

from ..extract.oversize import raw_text_end
from .items import Attachment, AttachmentsMarker, Heading, ImageItem, Item, RichText, TableItem
from .sanitize import clean_fragment
from .tables import DEFAULT_TABLE_CAPTION
from .text import BLANKS
from .urls import url_filename

MAX_BLOCKS = 2_000
"""A body is at most this many blocks: what comes after goes on as rich text in the last ones."""
REST_CHUNK = 256 * 1024
"""A capped page's rest is sanitized, and kept as rich-text blocks, in pieces of about this many
characters: nh3 builds a tree of what it cleans (of a 6 MB rest at once, 260 MB), and search
indexing strips a rich-text value's tags at about thirty times its size (of one 5 MB block,
170 MB; of 22 blocks of 256 KB, one at a time, a few MB)."""
IMAGE_LINK = "图片"
"""The text of a link that stands for an image past the cap, when it has no caption or alt."""

_PIECE_START = re.compile(r"<(?:p|div|br|h[1-6]|center|blockquote|table)\b", re.I)
"""Where a rest may be cut into pieces (not inside a row or list item where it can be helped)."""
_HAS_TEXT = re.compile(rf"(?:^|>)[{BLANKS}]*[^<{BLANKS}]")
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b(src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _anchor(url: str, text: str) -> str:
    """A link."""
    return f'<a href="{htmllib.escape(url)}">{htmllib.escape(text, quote=False)}</a>'


def _link(url: str, text: str) -> str:
    """A paragraph holding one link."""
    return f"<p>{_anchor(url, text)}</p>"


def _table_html(value: dict) -> str:
    """A table block's value as an HTML table (and its caption as a paragraph)."""
    caption = value.get("caption") or ""
    lead = (
        f"<p>{htmllib.escape(caption, quote=False)}</p>" if caption != DEFAULT_TABLE_CAPTION else ""
    )
    rows = []
    for row in value.get("table", {}).get("data", []):
        cells = "".join(f"<td>{htmllib.escape(cell or '', quote=False)}</td>" for cell in row)
        rows.append(f"<tr>{cells}</tr>")
    return f"{lead}<table><tbody>{''.join(rows)}</tbody></table>"


def item_html(item: Item, attachments: list[Attachment]) -> str:
    """An item past the cap as rich text: headings, tables as markup; images, files as links."""
    if isinstance(item, RichText):
        return item.html
    if isinstance(item, Heading):
        return f"<{item.level}>{htmllib.escape(item.text, quote=False)}</{item.level}>"
    if isinstance(item, TableItem):
        return _table_html(item.value)
    if isinstance(item, ImageItem):
        text = item.caption or item.alt or url_filename(item.src)
        return _link(item.large or item.src, f"{IMAGE_LINK}：{text}" if text else IMAGE_LINK)
    if isinstance(item, AttachmentsMarker):
        return "".join(_link(a.url, a.title) for a in attachments)
    return ""


def _image_as_link(match: re.Match[str]) -> str:
    """An <img> of raw HTML as a link to the image (rich text holds no legacy image files)."""
    attrs: dict[str, str] = {}
    for name, double, single, bare in _ATTR.findall(match.group(0)):
        attrs.setdefault(name.lower(), htmllib.unescape(double or single or bare).strip())
    src = attrs.get("src", "")
    if not src:
        return ""
    text = attrs.get("alt") or attrs.get("title") or url_filename(src)
    return _anchor(src, f"{IMAGE_LINK}：{text}" if text else IMAGE_LINK)


def _pieces(html: str, size: int) -> Iterator[str]:
    """html in pieces of about size characters, each cut before a block start tag."""
    start = pos = 0
    while len(html) - pos > size:
        found = _PIECE_START.search(html, pos + size)
        if found is None:
            break
        inside = raw_text_end(html, found.start())
        if inside is not None:  # not in a script, style or comment: move past it
            pos = inside - size
            continue
        yield html[start : found.start()]
        start = pos = found.start()
    yield html[start:]


def clean_rest(html: str, base_url: str, size: int | None = None) -> list[str]:
    """A capped page's unparsed rest, sanitized as rich text piece by piece (images as links)."""
    pieces = _pieces(html, REST_CHUNK if size is None else size)
    cleaned = (clean_fragment(_IMG.sub(_image_as_link, piece), base_url) for piece in pieces)
    return [piece for piece in cleaned if _HAS_TEXT.search(piece)]
