"""Walk a sanitized, flattened body once and collect its typed items in order."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.etree
from lxml.html import HtmlElement

from ..issues import Issue, IssueCode
from .captions import TAG_LEVELS, attach_caption, heading_item, heading_level, is_attachment_label
from .items import Attachment, AttachmentsMarker, Heading, ImageItem, Item, RichText, TableItem
from .layout import squash
from .sanitize import HEADINGS
from .tables import read_table
from .text import BLANKS, good_alt, small_int, tidy, truncate
from .urls import ATTACHMENT_EXTENSIONS, IMAGE_EXTENSIONS, url_extension, url_filename

TITLE_MAX = 200
"""AttachmentBlock's title limit."""
ICON_MAX = 24
"""Images declared no larger than this (both sides, in pixels) are icons or spacers and skipped."""

_BLOCK_TAGS = frozenset(
    {"p", "div", "center", "blockquote", "li", "ul", "ol", "caption", "tr", "td", "th"}
    | {"thead", "tbody", "tfoot"}
    | HEADINGS
)
_WS = re.compile(r"[ \t\r\n\f\v]+")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_SCRIPTABLE = frozenset("0123456789+-=()")
_SUP = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")

Closer = Callable[[], object]
"""What to do at an element's end to undo what its start did."""


@dataclass
class WalkedBody:
    """What a walk found: items in body order, the attachment links, and problems."""

    items: list[Item]
    attachments: list[Attachment]
    issues: list[Issue]


@dataclass
class _Line:
    """The line being collected: its HTML, its text, and what its characters look like."""

    html: list[str]
    text: list[str] = field(default_factory=list)
    chars: int = 0
    bold: int = 0
    align: str | None = None
    attachments: list[str] = field(default_factory=list)
    """Titles of the attachment links on the line."""


@dataclass
class _OpenList:
    """A ul/ol being walked: whether an li is open and whether it holds text yet."""

    tag: str
    li_open: bool = False
    filled: bool = False


@dataclass
class _Capture:
    """The text of an attachment link being walked, which becomes the attachment's title."""

    url: str
    texts: list[str] = field(default_factory=list)


@dataclass
class _Format:
    """An inline format in force: its opening and closing tags, and whether it is bold."""

    opening: str
    closing: str
    bold: bool


def _is_icon(el: HtmlElement) -> bool:
    """Whether an img declares itself icon-sized (both sides at most ICON_MAX)."""
    width = small_int(el.get("width"), 0, 100_000) if el.get("width") else 0
    height = small_int(el.get("height"), 0, 100_000) if el.get("height") else 0
    return 0 < width <= ICON_MAX and 0 < height <= ICON_MAX


def _alt_of(el: HtmlElement) -> str:
    """An img's descriptive alt text, else its title, else an empty string."""
    return good_alt(el.get("alt")) or good_alt(el.get("title"))


class Walker:
    """One pass over a body: element starts and ends become lines, items and attachments."""

    def __init__(self, page_url: str) -> None:
        """Start an empty walk for the page at page_url."""
        self.page_url = page_url.split("#", 1)[0]
        self.items: list[Item] = []
        self.attachments: list[Attachment] = []
        self.issues: list[Issue] = []
        self.fmt: list[_Format] = []
        self.align: list[str | None] = [None]
        self.lists: list[_OpenList] = []
        self.heading: str | None = None
        self.capture: _Capture | None = None
        self.image_link: list[str] = []
        self.sup = 0
        self.sub = 0
        self.last_image: ImageItem | None = None
        self.marker_placed = False
        self.marker_pending = False
        self._reset_line()

    def walk(self, root: HtmlElement) -> WalkedBody:
        """Walk root's content and return what it holds."""
        events = lxml.etree.iterwalk(root, events=("start", "end"))
        pending: list[list[Closer]] = []
        for event, el in events:
            if event == "start":
                pending.append(self._start(el, events))
                self._add_text(el.text if isinstance(el.tag, str) else None)
            else:
                for closer in reversed(pending.pop()):
                    closer()
                if el is not root:
                    self._add_text(el.tail)
        self._flush()
        if self.attachments and not self.marker_placed:
            self._place_marker()
        return WalkedBody(self.items, self.attachments, self.issues)

    # lines -------------------------------------------------------------------------------

    def _reset_line(self) -> None:
        """Start a new line, reopening formatting still in force."""
        self.line = _Line(html=[f.opening for f in self.fmt])

    def _script(self, text: str) -> str:
        """Write digits and signs inside sup/sub as superscript/subscript characters."""
        if (self.sup or self.sub) and set(text.strip()) <= _SCRIPTABLE:
            return text.translate(_SUP if self.sup else _SUB)
        return text

    def _add_text(self, text: str | None) -> None:
        """Add a run of text to the current line."""
        if not text:
            return
        text = _WS.sub(" ", text)
        if self.capture is not None:
            self.capture.texts.append(text)
        line = self.line
        if not line.chars:
            text = text.lstrip(BLANKS)
            if not text:
                return
            line.align = self.align[-1]
        text = self._script(text)
        chars = len(text) - sum(1 for ch in text if ch in BLANKS)
        line.html.append(htmllib.escape(text, quote=False))
        line.text.append(text)
        line.chars += chars
        if self.heading or any(f.bold for f in self.fmt):
            line.bold += chars

    def _flush(self) -> None:
        """End the current line and turn it into a paragraph, heading, caption or list text."""
        text = "".join(self.line.text).strip(BLANKS)
        if text:
            body = "".join(self.line.html) + "".join(f.closing for f in reversed(self.fmt))
            self._place_line(text, tidy(body).rstrip(BLANKS))
        self._reset_line()
        if self.marker_pending:
            self._place_marker()

    def _place_line(self, text: str, body: str) -> None:
        """Decide what a finished line becomes."""
        line = self.line
        if line.attachments and is_attachment_label(text, line.attachments):
            return
        if self.lists:
            self._list_text(body)
            return
        if self.heading:
            self._emit(heading_item(text, body, TAG_LEVELS[self.heading]))
            return
        all_bold = line.bold >= line.chars
        centred = line.align == "center"
        image = self.last_image
        if image is not None and attach_caption(image, text, centred, all_bold):
            return
        level = heading_level(text, all_bold, centred)
        self._emit(heading_item(text, body, level) if level else RichText(f"<p>{body}</p>"))

    def _list_text(self, body: str) -> None:
        """Add a line to the open list item, a line break apart from the one before."""
        top = self.lists[-1]
        if top.filled:
            self._emit(RichText("<br/>"))
        self._emit(RichText(body))
        top.filled = True

    # items -------------------------------------------------------------------------------

    def _emit(self, item: Item) -> None:
        """Append an item, keeping list markup balanced around non-text items."""
        if not isinstance(item, RichText) and self.lists:
            self._close_lists()
            self.items.append(item)
            self._reopen_lists()
        else:
            self.items.append(item)
        if not isinstance(item, ImageItem):
            self.last_image = None

    def _markup(self, html: str) -> None:
        """Append list markup (it does not end a caption's chance)."""
        self.items.append(RichText(html))

    def _close_lists(self) -> None:
        """Close every open list item and list."""
        for open_list in reversed(self.lists):
            self._markup(("</li>" if open_list.li_open else "") + f"</{open_list.tag}>")

    def _reopen_lists(self) -> None:
        """Reopen the lists closed by _close_lists."""
        for open_list in self.lists:
            self._markup(f"<{open_list.tag}>" + ("<li>" if open_list.li_open else ""))
            open_list.filled = False

    def _place_marker(self) -> None:
        """Put the attachments block here (once)."""
        self.marker_pending = False
        if not self.marker_placed:
            self.marker_placed = True
            self._emit(AttachmentsMarker())

    def _add_attachment(self, url: str, title: str) -> None:
        """Record a link to a downloadable file."""
        title = truncate(squash(title) or url_filename(url) or url, TITLE_MAX)
        for known in self.attachments:
            if known.url == url:
                if not known.title or known.title == url_filename(url):
                    known.title = title
                return
        self.attachments.append(Attachment(url, title))
        if not self.marker_placed:
            self.marker_pending = True

    # element starts ----------------------------------------------------------------------

    def _start(self, el: HtmlElement, events: lxml.etree.iterwalk) -> list[Closer]:
        """Handle an element's start; return what to do at its end."""
        tag = el.tag
        if not isinstance(tag, str):
            return []
        if tag == "table":
            self._flush()
            self._table(el)
            events.skip_subtree()
            return []
        if tag in ("img", "br", "hr"):
            self._void(el)
            return []
        style = el.get("style") or ""
        closers = self._start_block(el, style) if tag in _BLOCK_TAGS else []
        closers.extend(self._start_inline(el, style))
        return closers

    def _void(self, el: HtmlElement) -> None:
        """Handle an element without content: an image, a line break or a rule."""
        if el.tag == "img":
            self._image(el)
            return
        self._flush()
        if el.tag == "hr" and not self.lists:
            self._emit(RichText("<hr/>"))

    def _start_block(self, el: HtmlElement, style: str) -> list[Closer]:
        """Start a block: a new line, its alignment, and a list, list item or heading."""
        self._flush()
        tag = el.tag
        align = (el.get("align") or "").lower() or None
        if tag == "center" or _CENTER_STYLE.search(style):
            align = "center"
        self.align.append(align or self.align[-1])
        closers: list[Closer] = [self._end_block]
        if tag in ("ul", "ol"):
            self._open_list(tag)
            closers.append(self._end_list)
        elif tag == "li" and self.lists:
            self._open_item()
            closers.append(self._flush)
        elif tag in HEADINGS and self.heading is None:
            self.heading = tag
            closers.append(self._end_heading)
        return closers

    def _start_inline(self, el: HtmlElement, style: str) -> list[Closer]:
        """Start an inline element: bold, italic, a link, a superscript or a subscript."""
        tag = el.tag
        if tag in ("b", "strong") or _BOLD_STYLE.search(style):
            return [self._open_format("<b>", "</b>", True)]
        if tag in ("i", "em"):
            return [self._open_format("<i>", "</i>", False)]
        if tag == "a":
            return self._start_link(el)
        if tag == "sup":
            self.sup += 1
            return [self._end_sup]
        if tag == "sub":
            self.sub += 1
            return [self._end_sub]
        return []

    def _open_format(self, opening: str, closing: str, bold: bool) -> Closer:
        """Open an inline format; return its closer."""
        self.fmt.append(_Format(opening, closing, bold))
        self.line.html.append(opening)
        return self._close_format

    def _open_list(self, tag: str) -> None:
        """Open a ul/ol, inside an li of the enclosing list if it is nested."""
        if self.lists and not self.lists[-1].li_open:
            self._markup("<li>")
            self.lists[-1].li_open = True
        self._markup(f"<{tag}>")
        self.lists.append(_OpenList(tag))

    def _open_item(self) -> None:
        """Open an li in the innermost list, closing the one before."""
        top = self.lists[-1]
        if top.li_open:
            self._markup("</li>")
        self._markup("<li>")
        top.li_open = True
        top.filled = False

    def _start_link(self, el: HtmlElement) -> list[Closer]:
        """Start a link: an attachment, a link to an image, an in-page anchor or a plain link."""
        href = (el.get("href") or "").strip()
        if not href:
            return []
        ext = url_extension(href)
        if ext in ATTACHMENT_EXTENSIONS and self.capture is None:
            self.capture = _Capture(href)
            return [self._end_capture]
        closers: list[Closer] = []
        if ext in IMAGE_EXTENSIONS:
            self.image_link.append(href)
            closers.append(self.image_link.pop)
        if href.startswith("#") or href.split("#", 1)[0] == self.page_url:
            return closers
        if self.capture is None:
            closers.append(self._open_format(f'<a href="{htmllib.escape(href)}">', "</a>", False))
        return closers

    def _image(self, el: HtmlElement) -> None:
        """Turn an img into an image item, skipping icons and images inside attachment links."""
        src = (el.get("src") or "").strip()
        if self.capture is not None:
            return
        if not src:
            self.issues.append(Issue(IssueCode.IMAGE_NO_SOURCE, detail="图片缺少有效地址，已跳过"))
            return
        if _is_icon(el):
            return
        large = self.image_link[-1] if self.image_link else None
        self._flush()
        self._emit(ImageItem(src=src, large=large if large != src else None, alt=_alt_of(el)))
        last = self.items[-1]
        self.last_image = last if isinstance(last, ImageItem) else None

    def _table(self, el: HtmlElement) -> None:
        """Turn a data table into a table item; its files and images follow it."""
        last = self.items[-1] if self.items else None
        parts = read_table(el, last.text if isinstance(last, Heading) else "")
        for href, text in parts.files:
            self._add_attachment(href, text)
        for href in parts.flattened:
            detail = f"表格中的链接已转为文字 {href}"
            self.issues.append(Issue(IssueCode.TABLE_LINK_FLATTENED, href, detail))
        if parts.value is None:
            return
        self._emit(TableItem(parts.value))
        for image in parts.images:
            self._emit(image)
        if self.marker_pending:
            self._place_marker()

    # element ends ------------------------------------------------------------------------

    def _close_format(self) -> None:
        """Close the innermost inline format."""
        self.line.html.append(self.fmt.pop().closing)

    def _end_capture(self) -> None:
        """End an attachment link: its text is the attachment's title."""
        capture = self.capture
        assert capture is not None  # noqa: S101
        self.capture = None
        title = squash("".join(capture.texts))
        if title:
            self.line.attachments.append(title)
        self._add_attachment(capture.url, title)

    def _end_sup(self) -> None:
        """Leave a superscript."""
        self.sup -= 1

    def _end_sub(self) -> None:
        """Leave a subscript."""
        self.sub -= 1

    def _end_heading(self) -> None:
        """End a heading element."""
        self._flush()
        self.heading = None

    def _end_list(self) -> None:
        """End a ul/ol, closing its last li."""
        self._flush()
        top = self.lists.pop()
        self._markup(("</li>" if top.li_open else "") + f"</{top.tag}>")

    def _end_block(self) -> None:
        """End a block element and its alignment."""
        self._flush()
        self.align.pop()


def walk_body(root: HtmlElement, page_url: str) -> WalkedBody:
    """Walk a sanitized, flattened body into typed items, attachment links and issues."""
    return Walker(page_url).walk(root)
