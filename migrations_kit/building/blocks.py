"""Turn a legacy article body into raw StreamField data for ArticlePage.body."""

from __future__ import annotations

import html as htmllib
import re
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from .layout import flatten_layout_tables, row_cells, squash, table_rows
from .sanitize import HEADINGS, prepare_fragment

if TYPE_CHECKING:
    from .assets import AssetResolver

ATTACHMENT_EXTENSIONS = frozenset(
    "doc docx xls xlsx pdf wps et rar zip 7z ppt pptx txt ofd".split()
)
"""File types whose links become entries of an attachments block."""
IMAGE_EXTENSIONS = frozenset("jpg jpeg png gif bmp webp tif tiff".split())

HEADING_MAX = 40
"""A bold line longer than this stays a paragraph."""
CAPTION_MAX = 250
ALT_MAX = 200
CREDIT_MAX = 120
TITLE_MAX = 200
HEADING_TEXT_MAX = 120
ICON_MAX = 24
"""Images declared no larger than this (both sides, in pixels) are icons or spacers and skipped."""
DEFAULT_ALT = "正文配图"
DEFAULT_TABLE_CAPTION = "数据表格"
ATTACHMENTS_HEADING = "附件"

_BLOCK_TAGS = frozenset(
    {"p", "div", "center", "blockquote", "li", "ul", "ol", "caption", "tr", "td", "th"}
    | {"thead", "tbody", "tfoot"}
    | HEADINGS
)
_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_BLANKS = " \t\r\n\f\v\u3000\xa0"
_WS = re.compile(r"[ \t\r\n\f\v]+")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_END_PUNCT = tuple("。！？；，、,.;!?：:")
_H2_ORDINAL = re.compile(
    r"^(第[一二三四五六七八九十百零〇\d]+[章节部篇]|[一二三四五六七八九十]+、)"
)
_H3_ORDINAL = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_H4_ORDINAL = re.compile(r"^(\d{1,2}[、.．]\D|[（(]\d{1,2}[）)])")
_CAPTION = re.compile(
    r"^[（(【\[]?\s*(图为|图片为|图[:：]|图\s*\d|[上下左右]图|图片来源|图片[:：]|摄影|供图|图源)"
)
_CREDIT = re.compile(
    r"[（(【\[]\s*(?:图片来源|来源|摄影|供图|图源|摄)\s*[:：]?\s*([^）)】\]]{1,110})[）)】\]]"
)
_CREDIT_LINE = re.compile(r"^(?:图片来源|摄影|供图|图源)\s*[:：]\s*(.{1,110})$")
_CAPTION_PREFIX = re.compile(r"^(图为|图片为|图[:：]|图片[:：]|[上下左右]图[:：为]?)\s*")
_ATTACHMENT_LABEL = re.compile(
    r"^((相关)?附件(下载)?|(点击)?下载)?\s*[\d一二三四五六七八九十]*\s*[:：]?[\s\d.、．:：，,；;]*$"
)
_FILENAME = re.compile(r"^[\w\-. ()]+\.(jpe?g|png|gif|bmp|webp|tiff?)$", re.IGNORECASE)
_GENERIC_ALT = frozenset(
    {"图片", "图像", "image", "img", "pic", "photo", "点击查看大图", "点击放大", "缩略图", "无标题"}
)
_EMPTY_PAIR = re.compile(
    r"<(b|i|li|ul|ol|p)>([ \t\r\n\u3000\xa0]*)</\1>|<a href=\"[^\"]*\">([ \t\r\n\u3000\xa0]*)</a>"
)
_HREF = re.compile(r'<a href="([^"]*)">')
_ANY_WS = re.compile(r"\s+")
_TAGS = re.compile(r"<[^>]*>")
_SCRIPTABLE = frozenset("0123456789+-=()")
_SUP = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
_FLAT_TAGS = re.compile(
    r"</?(?:table|thead|tbody|tfoot|tr|td|th|caption|div|center|span|blockquote|ul|ol|li)\b[^>]*>",
    re.IGNORECASE,
)


@dataclass
class BuiltBody:
    """Raw StreamField data for ArticlePage.body plus what it used and what went wrong."""

    stream: list[dict]
    images: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)


@dataclass
class _Image:
    """An image found in the body, resolved to a Wagtail image at the end."""

    src: str
    large: str | None
    alt: str
    caption: str = ""
    credit: str = ""


@dataclass
class _Attachment:
    """A link to a downloadable file."""

    url: str
    title: str


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


def _truncate(text: str, limit: int) -> str:
    """Cut text to limit characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tidy(html: str) -> str:
    """Remove empty formatting, links, list items and paragraphs."""
    previous = None
    while previous != html:
        previous = html
        html = _EMPTY_PAIR.sub(lambda m: m.group(2) or m.group(3) or "", html)
        html = html.replace("</b><b>", "").replace("</i><i>", "")
    return html


def _good_alt(text: str | None) -> str:
    """Return text if it describes an image, else an empty string."""
    text = squash(text or "")
    if len(text) < 2 or text.lower() in _GENERIC_ALT or _FILENAME.match(text):
        return ""
    return text


def _int(value: str | None, default: int, limit: int) -> int:
    """Parse a small positive integer attribute."""
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return max(1, min(number, limit))


class _Builder:
    """Walk a sanitized, flattened body once and collect block items in order."""

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url.split("#", 1)[0]
        self.items: list[tuple[str, Any]] = []
        self.attachments: list[_Attachment] = []
        self.issues: list[str] = []
        self.fmt: list[tuple[str, str, bool]] = []
        self.align: list[str | None] = [None]
        self.lists: list[str] = []
        self.li_open: list[bool] = []
        self.li_filled: list[bool] = []
        self.heading: str | None = None
        self.capture: list[str] | None = None
        self.capture_url = ""
        self.image_link: list[str] = []
        self.sup = 0
        self.sub = 0
        self.last_image: _Image | None = None
        self.marker_placed = False
        self.marker_pending = False
        self._reset_line()

    # line handling -------------------------------------------------------------------------

    def _reset_line(self) -> None:
        """Start a new line, reopening formatting still in force."""
        self.line: list[str] = [opening for opening, _close, _bold in self.fmt]
        self.line_text: list[str] = []
        self.line_chars = 0
        self.line_bold = 0
        self.line_align: str | None = None
        self.line_attachments: list[str] = []

    def add_text(self, text: str | None) -> None:
        """Add a run of text to the current line."""
        if not text:
            return
        text = _WS.sub(" ", text)
        if self.capture is not None:
            self.capture.append(text)
        if not self.line_chars:
            text = text.lstrip(_BLANKS)
            if not text:
                return
        if (self.sup or self.sub) and set(text.strip()) <= _SCRIPTABLE:
            text = text.translate(_SUP if self.sup else _SUB)
        chars = len(text) - sum(1 for ch in text if ch in _BLANKS)
        if not self.line_chars:
            self.line_align = self.align[-1]
        self.line.append(htmllib.escape(text, quote=False))
        self.line_text.append(text)
        self.line_chars += chars
        if self.heading or any(bold for _open, _close, bold in self.fmt):
            self.line_bold += chars

    def flush(self) -> None:
        """End the current line and turn it into a paragraph, heading, caption or list text."""
        text = "".join(self.line_text).strip(_BLANKS)
        if text:
            body = "".join(self.line) + "".join(close for _o, close, _b in reversed(self.fmt))
            self._place_line(text, _tidy(body).rstrip(_BLANKS))
        self._reset_line()
        if self.marker_pending:
            self._place_marker()

    def _place_line(self, text: str, body: str) -> None:
        """Decide what a finished line becomes."""
        if self.line_attachments:
            rest = text
            for title in self.line_attachments:
                rest = rest.replace(title, "", 1)
            if _ATTACHMENT_LABEL.match(squash(rest)):
                return
        all_bold = self.line_bold >= self.line_chars
        if self.lists:
            if self.li_filled and self.li_filled[-1]:
                self.emit("rt", "<br/>")
            self.emit("rt", body)
            if self.li_filled:
                self.li_filled[-1] = True
            return
        if self.heading:
            self._heading(text, body, _LEVELS[self.heading])
            return
        if self.last_image is not None and self._caption(text, all_bold):
            return
        level = self._heading_level(text, all_bold)
        if level:
            self._heading(text, body, level)
        else:
            self.emit("rt", f"<p>{body}</p>")

    def _heading_level(self, text: str, all_bold: bool) -> str | None:
        """Return the heading level of a short bold line, or None for ordinary text."""
        if not all_bold or len(text) > HEADING_MAX or text.endswith(_END_PUNCT):
            return None
        if _H3_ORDINAL.match(text):
            return "h3"
        if _H2_ORDINAL.match(text) or self.line_align == "center":
            return "h2"
        if _H4_ORDINAL.match(text):
            return "h4"
        return None

    def _heading(self, text: str, body: str, level: str) -> None:
        """Emit a heading block, or a bold paragraph when the text does not fit one."""
        text = squash(text)
        if len(text) > HEADING_TEXT_MAX or "<a " in body:
            self.emit("rt", f"<p><b>{body}</b></p>")
        else:
            self.emit("heading", {"text": text, "level": level})

    def _caption(self, text: str, all_bold: bool) -> bool:
        """Attach a caption or credit line to the image just before it; return whether it did."""
        image = self.last_image
        assert image is not None  # noqa: S101
        text = squash(text)
        credit_line = _CREDIT_LINE.match(text)
        if image.caption or image.credit:
            if credit_line and not image.credit:
                image.credit = _truncate(credit_line.group(1).strip(), CREDIT_MAX)
                return True
            return False
        if len(text) > CAPTION_MAX:
            return False
        centred = self.line_align == "center" and not all_bold and len(text) <= 80
        if not (_CAPTION.match(text) or credit_line or centred):
            return False
        if credit_line:
            image.credit = _truncate(credit_line.group(1).strip(), CREDIT_MAX)
            return True
        credit = _CREDIT.search(text)
        if credit:
            image.credit = _truncate(credit.group(1).strip(), CREDIT_MAX)
            text = squash(text[: credit.start()] + text[credit.end() :])
        image.caption = text
        described = squash(_CAPTION_PREFIX.sub("", text))
        if not image.alt and described:
            image.alt = _truncate(described, ALT_MAX)
        return True

    # items -------------------------------------------------------------------------------

    def emit(self, kind: str, payload: Any) -> None:
        """Append an item, keeping list markup balanced around non-text items."""
        if kind != "rt" and self.lists:
            self._close_lists()
            self.items.append((kind, payload))
            self._reopen_lists()
        else:
            self.items.append((kind, payload))
        if kind != "image":
            self.last_image = None

    def _close_lists(self) -> None:
        """Close every open list item and list."""
        for tag, li in zip(reversed(self.lists), reversed(self.li_open), strict=True):
            self.items.append(("rt", ("</li>" if li else "") + f"</{tag}>"))

    def _reopen_lists(self) -> None:
        """Reopen the lists closed by _close_lists."""
        for index, (tag, li) in enumerate(zip(self.lists, self.li_open, strict=True)):
            self.items.append(("rt", f"<{tag}>" + ("<li>" if li else "")))
            self.li_filled[index] = False

    def _place_marker(self) -> None:
        """Put the attachments block here (once)."""
        self.marker_pending = False
        if not self.marker_placed:
            self.marker_placed = True
            self.emit("attachments", None)

    def add_attachment(self, url: str, title: str) -> None:
        """Record a link to a downloadable file."""
        title = _truncate(squash(title) or url_filename(url) or url, TITLE_MAX)
        for known in self.attachments:
            if known.url == url:
                if not known.title or known.title == url_filename(url):
                    known.title = title
                return
        self.attachments.append(_Attachment(url, title))
        if not self.marker_placed:
            self.marker_pending = True

    # elements ----------------------------------------------------------------------------

    def start(self, el: HtmlElement, walker: Any) -> list[str]:
        """Handle an element's start; return the actions to undo at its end."""
        tag = el.tag
        if not isinstance(tag, str):
            return []
        if tag == "table":
            self.flush()
            self.table(el)
            walker.skip_subtree()
            return []
        if tag == "img":
            self.image(el)
            return []
        if tag == "br":
            self.flush()
            return []
        if tag == "hr":
            self.flush()
            if not self.lists:
                self.emit("rt", "<hr/>")
            return []
        actions: list[str] = []
        style = el.get("style") or ""
        if tag in _BLOCK_TAGS:
            self.flush()
            align = (el.get("align") or "").lower() or None
            if tag == "center" or _CENTER_STYLE.search(style):
                align = "center"
            self.align.append(align or self.align[-1])
            actions.append("block")
            if tag in ("ul", "ol"):
                if self.lists and not self.li_open[-1]:
                    self.items.append(("rt", "<li>"))
                    self.li_open[-1] = True
                self.items.append(("rt", f"<{tag}>"))
                self.lists.append(tag)
                self.li_open.append(False)
                self.li_filled.append(False)
                actions.append("list")
            elif tag == "li" and self.lists:
                if self.li_open[-1]:
                    self.items.append(("rt", "</li>"))
                self.items.append(("rt", "<li>"))
                self.li_open[-1] = True
                self.li_filled[-1] = False
                actions.append("li")
            elif tag in HEADINGS and self.heading is None:
                self.heading = tag
                actions.append("heading")
        if tag in ("b", "strong") or _BOLD_STYLE.search(style):
            self._open("<b>", "</b>", True)
            actions.append("fmt")
        elif tag in ("i", "em"):
            self._open("<i>", "</i>", False)
            actions.append("fmt")
        elif tag == "a":
            actions.extend(self._link(el))
        elif tag == "sup":
            self.sup += 1
            actions.append("sup")
        elif tag == "sub":
            self.sub += 1
            actions.append("sub")
        return actions

    def end(self, actions: list[str]) -> None:
        """Undo an element's actions at its end, innermost first."""
        for action in reversed(actions):
            if action == "fmt":
                self.line.append(self.fmt.pop()[1])
            elif action == "attachment":
                assert self.capture is not None  # noqa: S101
                title = squash("".join(self.capture))
                self.capture = None
                if title:
                    self.line_attachments.append(title)
                self.add_attachment(self.capture_url, title)
            elif action == "image_link":
                self.image_link.pop()
            elif action == "sup":
                self.sup -= 1
            elif action == "sub":
                self.sub -= 1
            elif action == "heading":
                self.flush()
                self.heading = None
            elif action == "li":
                self.flush()
            elif action == "list":
                self.flush()
                tag = self.lists.pop()
                li = self.li_open.pop()
                self.li_filled.pop()
                self.items.append(("rt", ("</li>" if li else "") + f"</{tag}>"))
            elif action == "block":
                self.flush()
                self.align.pop()

    def _open(self, opening: str, closing: str, bold: bool) -> None:
        """Open an inline format."""
        self.fmt.append((opening, closing, bold))
        self.line.append(opening)

    def _link(self, el: HtmlElement) -> list[str]:
        """Handle a link: an attachment, a link to an image, an in-page anchor or a plain link."""
        href = (el.get("href") or "").strip()
        if not href:
            return []
        ext = url_extension(href)
        if ext in ATTACHMENT_EXTENSIONS and self.capture is None:
            self.capture = []
            self.capture_url = href
            return ["attachment"]
        actions = []
        if ext in IMAGE_EXTENSIONS:
            self.image_link.append(href)
            actions.append("image_link")
        if href.startswith("#") or href.split("#", 1)[0] == self.page_url:
            return actions
        if self.capture is None:
            self._open(f'<a href="{htmllib.escape(href)}">', "</a>", False)
            actions.append("fmt")
        return actions

    def image(self, el: HtmlElement) -> None:
        """Turn an img into an image item, skipping icons and images inside attachment links."""
        src = (el.get("src") or "").strip()
        if self.capture is not None:
            return
        if not src:
            self.issues.append("图片缺少有效地址，已跳过")
            return
        width = _int(el.get("width"), 0, 100_000) if el.get("width") else 0
        height = _int(el.get("height"), 0, 100_000) if el.get("height") else 0
        if width and height and width <= ICON_MAX and height <= ICON_MAX:
            return
        alt = _good_alt(el.get("alt")) or _good_alt(el.get("title"))
        large = self.image_link[-1] if self.image_link else None
        self.flush()
        self.emit("image", _Image(src=src, large=large if large != src else None, alt=alt))
        self.last_image = self.items[-1][1] if self.items[-1][0] == "image" else None

    # tables ------------------------------------------------------------------------------

    def table(self, table: HtmlElement) -> None:
        """Turn a data table into a table item; its files and images follow it."""
        rows = table_rows(table)
        grid: dict[tuple[int, int], str] = {}
        covered: set[tuple[int, int]] = set()
        merges: list[dict[str, int]] = []
        bold_first_row: list[bool] = []
        images: list[_Image] = []
        width = 0
        for r, row in enumerate(rows):
            c = 0
            for cell in row_cells(row):
                while (r, c) in covered:
                    c += 1
                rowspan = _int(cell.get("rowspan"), 1, max(1, len(rows) - r))
                colspan = _int(cell.get("colspan"), 1, 100)
                text = _cell_text(cell)
                grid[(r, c)] = text
                for dr in range(rowspan):
                    for dc in range(colspan):
                        covered.add((r + dr, c + dc))
                if rowspan > 1 or colspan > 1:
                    merges.append({"row": r, "col": c, "rowspan": rowspan, "colspan": colspan})
                if r == 0 and text:
                    bold = "".join(squash(b.text_content()) for b in cell.iter("b", "strong"))
                    bold_first_row.append(bold.replace(" ", "") == text.replace(" ", ""))
                self._cell_extras(cell, images)
                c += colspan
                width = max(width, c)
        if not grid:
            return
        data = [
            [grid.get((r, c)) if (r, c) in grid else None for c in range(width)]
            for r in range(len(rows))
        ]
        first_cells = [row_cells(row) for row in rows]
        in_head = any(child.tag == "thead" for child in table)
        row_header = in_head or bool(first_cells[0]) and all(c.tag == "th" for c in first_cells[0])
        col_header = len(rows) > 1 and all(
            cells and cells[0].tag == "th" for cells in first_cells[1:]
        )
        if not row_header and not any(c.tag == "th" for cells in first_cells for c in cells):
            row_header = bool(bold_first_row) and all(bold_first_row)
        choice = {(True, True): "both", (True, False): "row", (False, True): "col"}.get(
            (row_header, col_header), "neither"
        )
        caption_el = next((child for child in table if child.tag == "caption"), None)
        caption = squash(caption_el.text_content()) if caption_el is not None else ""
        if not caption and self.items and self.items[-1][0] == "heading":
            caption = self.items[-1][1]["text"]
        value = {
            "caption": _truncate(caption or DEFAULT_TABLE_CAPTION, 200),
            "table": {
                "data": data,
                "cell": [],
                "mergeCells": merges,
                "first_row_is_table_header": row_header,
                "first_col_is_header": col_header,
                "table_header_choice": choice,
                "table_caption": "",
            },
            "source": "",
        }
        self.emit("table", value)
        for image in images:
            self.emit("image", image)
        if self.marker_pending:
            self._place_marker()

    def _cell_extras(self, cell: HtmlElement, images: list[_Image]) -> None:
        """Collect a data cell's attachment links and images; report links that become text."""
        for link in cell.iter("a"):
            href = (link.get("href") or "").strip()
            if not href or href.startswith("#"):
                continue
            if url_extension(href) in ATTACHMENT_EXTENSIONS:
                self.add_attachment(href, link.text_content())
            else:
                self.issues.append(f"表格中的链接已转为文字 {href}")
        for img in cell.iter("img"):
            src = (img.get("src") or "").strip()
            if src:
                alt = _good_alt(img.get("alt")) or _good_alt(img.get("title"))
                images.append(_Image(src=src, large=None, alt=alt))


def _cell_text(cell: HtmlElement) -> str:
    """Return a cell's text, one line per paragraph or line break."""
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(cell, events=("start", "end")):
        if event == "start":
            if el is not cell and el.tag in ("p", "div", "br", "li", "tr", "center"):
                parts.append("\n")
            parts.append(el.text or "")
        elif el is not cell:
            parts.append(el.tail or "")
    lines = (squash(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _visible(text: str) -> int:
    """Count the non-blank characters of a text."""
    return len(text) - sum(len(run) for run in _ANY_WS.findall(text))


def _parse(prepared: str, issues: list[str]) -> HtmlElement:
    """Parse sanitized HTML; fall back to flat text blocks when nesting is too deep for lxml."""
    root = lxml.html.fragment_fromstring(prepared, create_parent="div", parser=_PARSER)
    expected = _visible(htmllib.unescape(_TAGS.sub("", prepared)))
    if expected and _visible(root.text_content()) < expected * 0.95:
        issues.append("正文嵌套过深，已按段落导入，表格与列表结构未保留")
        flat = _FLAT_TAGS.sub("<br>", prepared)
        root = lxml.html.fragment_fromstring(flat, create_parent="div", parser=_PARSER)
    return root


def _block_id(page_url: str, *parts: int) -> str:
    """Return a stable block id, so rebuilding the same page gives the same stream."""
    key = f"{page_url}#block-" + "-".join(str(part) for part in parts)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, key))


def build_body(body_html: str, page_url: str, assets: AssetResolver) -> BuiltBody:
    """Build ArticlePage.body stream data from a legacy body fragment."""
    result = BuiltBody(stream=[])
    prepared = prepare_fragment(body_html or "", page_url)
    if not prepared.strip():
        return result
    root = _parse(prepared, result.issues)
    flatten_layout_tables(root)
    builder = _Builder(page_url)
    builder.issues = result.issues
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    pending: list[list[str]] = []
    for event, el in walker:
        if event == "start":
            pending.append(builder.start(el, walker))
            builder.add_text(el.text if isinstance(el.tag, str) else None)
        else:
            builder.end(pending.pop())
            if el is not root:
                builder.add_text(el.tail)
    builder.flush()
    if builder.attachments and not builder.marker_placed:
        builder._place_marker()
    _assemble(builder, page_url, assets, result)
    return result


def _resolve_image(image: _Image, assets: AssetResolver) -> Any:
    """Fetch an image, preferring the full-size file a thumbnail links to."""
    alt = image.alt or image.caption
    if image.large:
        found = assets.image(image.large, alt)
        if found is not None:
            return found
    return assets.image(image.src, alt)


def _assemble(builder: _Builder, page_url: str, assets: AssetResolver, result: BuiltBody) -> None:
    """Resolve assets and merge the collected items into stream blocks."""
    blocks: list[tuple[str, Any]] = []
    text: list[str] = []

    def add(kind: str, value: Any) -> None:
        """Queue rich text, or close the pending paragraph and append a block."""
        if kind == "rt":
            text.append(value)
            return
        if text:
            html = _tidy("".join(text))
            text.clear()
            if _TAGS.sub("", html).strip(_BLANKS) or "<hr/>" in html:
                blocks.append(("paragraph", html))
        if kind != "flush":
            blocks.append((kind, value))

    for kind, payload in builder.items:
        if kind == "image":
            found = _resolve_image(payload, assets)
            if found is None:
                if payload.caption:
                    add("rt", f"<p>{htmllib.escape(payload.caption, quote=False)}</p>")
                continue
            if not payload.alt:
                result.issues.append(f"图片缺少替代文本 {payload.src}")
            alt = payload.alt or DEFAULT_ALT
            result.images.append(found.pk)
            add(
                "image",
                {
                    "image": found.pk,
                    "alt": _truncate(alt, ALT_MAX),
                    "caption": _truncate(payload.caption, CAPTION_MAX),
                    "credit": payload.credit,
                },
            )
        elif kind == "attachments":
            entries, failed = [], []
            for attachment in builder.attachments:
                document = assets.document(attachment.url, attachment.title)
                if document is None:
                    failed.append(attachment)
                    continue
                result.documents.append(document.pk)
                entries.append({"document": document.pk, "title": attachment.title})
            if entries:
                add("attachments", {"heading": ATTACHMENTS_HEADING, "attachments": entries})
            for attachment in failed:
                href = htmllib.escape(attachment.url)
                title = htmllib.escape(attachment.title, quote=False)
                add("rt", f'<p><a href="{href}">{title}</a></p>')
        else:
            add(kind, payload)
    add("flush", None)

    for index, (kind, value) in enumerate(blocks):
        if kind == "attachments":
            value["attachments"] = [
                {"type": "item", "value": entry, "id": _block_id(page_url, index, number)}
                for number, entry in enumerate(value["attachments"])
            ]
        result.stream.append({"type": kind, "value": value, "id": _block_id(page_url, index)})
        if kind == "paragraph":
            for href in _HREF.findall(value):
                url = htmllib.unescape(href)
                if url.startswith(("http://", "https://")):
                    result.links.append(url)
    result.links = list(dict.fromkeys(result.links))
    result.images = list(dict.fromkeys(result.images))
    result.documents = list(dict.fromkeys(result.documents))
