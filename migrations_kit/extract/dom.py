"""Parse a decoded page with lxml and flatten it into text lines with per-element statistics."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from .text import FURNITURE, count_punct, nonspace_len

BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p
    pre section summary table tbody thead tfoot tr td th caption ul option legend""".split()
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
DROP_TAGS = frozenset(
    """script style noscript iframe frame frameset object embed template svg canvas select
    textarea button input map audio video head title link meta base applet param""".split()
)
MAX_DEPTH = 400
"""Elements nested deeper than this are flattened into their ancestor's text."""

_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TITLE_HINT = re.compile(r"title|headline|biaoti|(^|[-_\s])(bt|tit|tt|hd)([-_\s]|\d|$)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Line:
    """One run of text between block boundaries, in document order."""

    text: str
    chars: int
    link_chars: int
    punct: int
    owner: int
    heading: bool
    hint: bool

    @property
    def link_density(self) -> float:
        """Share of the line's characters that sit inside links."""
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass(slots=True)
class Node:
    """Statistics of one element: its place and the span of lines it holds."""

    el: lxml.html.HtmlElement
    index: int
    parent: int
    depth: int
    line_start: int
    line_end: int = -1
    block_children: int = 0
    lines_emitted: int = 0
    credit: float = 0.0
    hint: bool = False


@dataclass
class Page:
    """A parsed page: the tree, its <head> facts and the flattened lines."""

    root: lxml.html.HtmlElement
    head_title: str
    metas: dict[str, str]
    base_href: str | None
    lines: list[Line] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    index_of: dict[int, int] = field(default_factory=dict)
    prefix_chars: list[int] = field(default_factory=list)
    prefix_link: list[int] = field(default_factory=list)
    prefix_punct: list[int] = field(default_factory=list)

    def node_of(self, el: lxml.html.HtmlElement) -> Node | None:
        """Return the statistics node of an element, if it was walked."""
        idx = self.index_of.get(id(el))
        return self.nodes[idx] if idx is not None else None

    def span_stats(self, start: int, end: int) -> tuple[int, int, int]:
        """Return (chars, link chars, punctuation) of lines[start:end]."""
        return (
            self.prefix_chars[end] - self.prefix_chars[start],
            self.prefix_link[end] - self.prefix_link[start],
            self.prefix_punct[end] - self.prefix_punct[start],
        )


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
PARSE_DEPTH_LIMIT = 180
"""Tags opened deeper than this are dropped (their text kept) when libxml2 hits its depth cap."""


def limit_depth(text: str, limit: int = PARSE_DEPTH_LIMIT) -> str:
    """Drop start and end tags nested deeper than ``limit``, keeping all text."""
    out: list[str] = []
    depth = 0
    dropped: dict[str, int] = {}
    pos = 0
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        out.append(text[pos : match.start()])
        pos = match.end()
        if name in _VOID or match.group(0).endswith("/>"):
            out.append(match.group(0))
            continue
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                continue
            depth = max(0, depth - 1)
            out.append(match.group(0))
        elif depth >= limit:
            dropped[name] = dropped.get(name, 0) + 1
        else:
            depth += 1
            out.append(match.group(0))
    out.append(text[pos:])
    return "".join(out)


def _parser() -> lxml.html.HTMLParser:
    """Return a lenient parser: recover, no huge tree, no network, no comments."""
    return lxml.html.HTMLParser(
        recover=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        no_network=True,
        default_doctype=False,
    )


_DATASTORE = re.compile(
    r"<script[^>]*text/xml[^>]*>(?P<xml>(?:(?!</script>).)*?<datastore.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
_RECORD = re.compile(
    r"<record[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.IGNORECASE | re.DOTALL
)


def _open_datastores(text: str) -> str:
    """Put the list rows Hanweb (大汉) column pages keep in ``<script type="text/xml">`` inline."""

    def rows(match: re.Match[str]) -> str:
        records = _RECORD.findall(match["xml"])
        return f'<div class="datastore">{"".join(records)}</div>' if records else match[0]

    return _DATASTORE.sub(rows, text)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse HTML leniently; on libxml2's depth cap, flatten the deep tags and parse again."""
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    if "<datastore" in text or "<DATASTORE" in text:
        text = _open_datastores(text)
    parser = _parser()
    root = lxml.html.document_fromstring(text, parser=parser)
    if any("depth" in (err.message or "") for err in parser.error_log):
        parser = _parser()
        root = lxml.html.document_fromstring(limit_depth(text), parser=parser)
    if root is None:
        raise lxml.etree.ParserError("empty document")
    return root


def _head_facts(root: lxml.html.HtmlElement) -> tuple[str, dict[str, str], str | None]:
    """Collect the <title>, meta name/property contents and <base href>."""
    title = ""
    metas: dict[str, str] = {}
    base_href = None
    for el in root.iter("title", "meta", "base"):
        if el.tag == "title":
            if not title:
                title = _SPACE.sub(" ", el.text_content() or "").strip()
        elif el.tag == "meta":
            key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip()
            content = el.get("content")
            if key and content and key.lower() not in metas:
                metas[key.lower()] = content.strip()
        elif base_href is None and el.get("href"):
            base_href = el.get("href").strip()
    return title, metas, base_href


def _class_id(el: lxml.html.HtmlElement) -> str:
    """Return the element's class and id joined, for hint matching."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def build_page(root: lxml.html.HtmlElement) -> Page:
    """Walk the tree once (iteratively, depth-guarded) into lines and element statistics."""
    head_title, metas, base_href = _head_facts(root)
    page = Page(root=root, head_title=head_title, metas=metas, base_href=base_href)
    lines = page.lines
    nodes = page.nodes
    buffer: list[tuple[str, bool]] = []
    block_stack: list[int] = []
    link_depth = 0
    heading_depth = 0
    hint_depth = 0

    def flush(para_owner: int | None = None) -> None:
        if not buffer:
            return
        raw = "".join(piece for piece, _ in buffer)
        text = _SPACE.sub(" ", raw).strip()
        if text:
            chars = nonspace_len(text)
            link_chars = sum(nonspace_len(piece) for piece, in_link in buffer if in_link)
            owner = block_stack[-1] if block_stack else 0
            line = Line(
                text,
                chars,
                min(link_chars, chars),
                count_punct(text),
                owner,
                heading_depth > 0,
                hint_depth > 0,
            )
            lines.append(line)
            owner_node = nodes[owner]
            target = owner
            if para_owner is not None and owner_node.lines_emitted == 0:
                target = owner_node.parent
            owner_node.lines_emitted += 1
            _credit(nodes, target, line)
        buffer.clear()

    stack: list[tuple[lxml.html.HtmlElement, int, bool]] = [(root, 0, False)]
    while stack:
        el, depth, closing = stack.pop()
        if closing:
            idx = page.index_of[id(el)]
            node = nodes[idx]
            tag = el.tag
            if tag in BLOCK_TAGS:
                is_para = node.block_children == 0
                flush(idx if is_para else None)
                block_stack.pop()
            if tag == "a":
                link_depth -= 1
            if tag in HEADING_TAGS:
                heading_depth -= 1
            if node.hint:
                hint_depth -= 1
            node.line_end = len(lines)
            if el.tail:
                buffer.append((el.tail, link_depth > 0))
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in DROP_TAGS or _is_hidden(el):
            if el.tail:
                buffer.append((el.tail, link_depth > 0))
            continue
        if tag == "br" or tag == "hr":
            flush()
            if el.tail:
                buffer.append((el.tail, link_depth > 0))
            continue
        if depth > MAX_DEPTH:
            buffer.append((el.text_content() or "", link_depth > 0))
            if el.tail:
                buffer.append((el.tail, link_depth > 0))
            continue
        parent_idx = block_stack[-1] if block_stack else -1
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush()
            if parent_idx >= 0:
                nodes[parent_idx].block_children += 1
        idx = len(nodes)
        node = Node(
            el,
            idx,
            parent_idx if is_block else _inline_parent(nodes, block_stack),
            depth,
            len(lines),
        )
        nodes.append(node)
        page.index_of[id(el)] = idx
        if is_block:
            block_stack.append(idx)
        if tag == "a":
            link_depth += 1
        if tag in HEADING_TAGS:
            heading_depth += 1
        if _TITLE_HINT.search(_class_id(el)) and tag not in ("body", "html"):
            hint_depth += 1
            node.hint = True
        if el.text:
            buffer.append((el.text, link_depth > 0))
        stack.append((el, depth, True))
        for child in reversed(el):
            stack.append((child, depth + 1, False))
    flush()
    _finish_prefix(page)
    return page


def _inline_parent(nodes: list[Node], block_stack: list[int]) -> int:
    """Return the enclosing block's index for an inline element."""
    return block_stack[-1] if block_stack else -1


def _is_hidden(el: lxml.html.HtmlElement) -> bool:
    """True when an inline style hides the element."""
    style = el.get("style")
    return bool(style and _HIDDEN.search(style)) or el.get("hidden") is not None


def _credit(nodes: list[Node], target: int, line: Line) -> None:
    """Credit a paragraph's score to its container (full) and the container's parent (half)."""
    if target < 0 or line.chars < 8 or line.link_density > 0.5:
        return
    if line.chars < 200 and FURNITURE.search(line.text):
        return
    score = 1.0 + line.punct + min(line.chars / 30.0, 8.0)
    score *= 1.0 - line.link_density
    nodes[target].credit += score
    parent = nodes[target].parent
    if parent >= 0:
        nodes[parent].credit += score / 2.0


def _finish_prefix(page: Page) -> None:
    """Build prefix sums over lines for O(1) span statistics."""
    chars = [0]
    link = [0]
    punct = [0]
    for line in page.lines:
        chars.append(chars[-1] + line.chars)
        link.append(link[-1] + line.link_chars)
        punct.append(punct[-1] + line.punct)
    page.prefix_chars, page.prefix_link, page.prefix_punct = chars, link, punct
