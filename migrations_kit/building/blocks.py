"""Turn a legacy article body into raw StreamField data for ArticlePage.body."""

from __future__ import annotations

import html as htmllib
import re
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import lxml.html
from lxml.html import HtmlElement

from ..issues import Issue, IssueCode
from .captions import ALT_MAX, CAPTION_MAX
from .items import Attachment, AttachmentsMarker, Heading, ImageItem, Item, RichText, TableItem
from .layout import flatten_layout_tables
from .overflow import MAX_BLOCKS, clean_rest, item_html
from .sanitize import prepare_fragment
from .text import BLANKS, TAGS, tidy, truncate
from .walker import walk_body

if TYPE_CHECKING:
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage

DEFAULT_ALT = "正文配图"
"""The alt text of an image the legacy page did not describe (reported as an issue)."""
ATTACHMENTS_HEADING = "附件"
"""The heading of the attachments block."""
TOO_DEEP = "正文嵌套过深，已按段落导入，表格与列表结构未保留"
"""The issue of a body nested too deep for lxml to keep its structure."""

_HREF = re.compile(r'<a href="([^"]*)">')
_ANY_WS = re.compile(r"\s+")
_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
_FLAT_TAGS = re.compile(
    r"</?(?:table|thead|tbody|tfoot|tr|td|th|caption|div|center|span|blockquote|ul|ol|li)\b[^>]*>",
    re.IGNORECASE,
)


class AssetResolver(Protocol):
    """What build_body needs to turn image and file URLs into Wagtail objects."""

    def image(self, url: str, alt: str) -> AbstractImage | None:
        """Return the Wagtail image for url, or None when it cannot be had."""
        ...

    def document(self, url: str, title: str) -> AbstractDocument | None:
        """Return the Wagtail document for url, or None when it cannot be had."""
        ...


@dataclass
class BuiltBody:
    """Raw StreamField data for ArticlePage.body plus what it used and what went wrong."""

    stream: list[dict]
    images: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _visible(text: str) -> int:
    """Count the non-blank characters of a text."""
    return len(text) - sum(len(run) for run in _ANY_WS.findall(text))


def _parse(prepared: str, issues: list[Issue]) -> HtmlElement:
    """Parse sanitized HTML; fall back to flat text blocks when nesting is too deep for lxml."""
    root = lxml.html.fragment_fromstring(prepared, create_parent="div", parser=_PARSER)
    expected = _visible(htmllib.unescape(TAGS.sub("", prepared)))
    if expected and _visible(root.text_content()) < expected * 0.95:
        issues.append(Issue(IssueCode.BODY_TOO_DEEP, detail=TOO_DEEP))
        flat = _FLAT_TAGS.sub("<br>", prepared)
        root = lxml.html.fragment_fromstring(flat, create_parent="div", parser=_PARSER)
    return root


def _block_id(page_url: str, *parts: int) -> str:
    """Return a stable block id, so rebuilding the same page gives the same stream."""
    key = f"{page_url}#block-" + "-".join(str(part) for part in parts)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, key))


class _Assembler:
    """Resolve the walked items' assets and merge them into (block type, value) pairs."""

    def __init__(self, assets: AssetResolver, result: BuiltBody, limit: int = MAX_BLOCKS) -> None:
        """Assemble into result, resolving files through assets, into at most limit blocks."""
        self.assets = assets
        self.result = result
        self.limit = limit
        self.blocks: list[tuple[str, Any]] = []
        self.text: list[str] = []
        self.spilled = 0
        """Items past the cap, written into the final paragraph as rich text."""

    def _full(self) -> bool:
        """Whether one more block would leave no room for the final paragraph."""
        return len(self.blocks) + (1 if self.text else 0) + 1 > self.limit - 1

    def run(self, items: list[Item], attachments: list[Attachment]) -> list[tuple[str, Any]]:
        """Turn every item into blocks, in order; return the blocks."""
        for item in items:
            if isinstance(item, RichText):
                self.text.append(item.html)
            elif self.spilled or self._full():
                self.spilled += 1
                self.text.append(item_html(item, attachments))
            elif isinstance(item, Heading):
                self._block("heading", item.value())
            elif isinstance(item, TableItem):
                self._block("table", item.value)
            elif isinstance(item, ImageItem):
                self._image(item)
            elif isinstance(item, AttachmentsMarker):
                self._attachments(attachments)
        self._close_paragraph()
        return self.blocks

    def _close_paragraph(self) -> None:
        """Turn the queued rich text into a paragraph block, unless it holds nothing."""
        if not self.text:
            return
        html = tidy("".join(self.text))
        self.text.clear()
        if TAGS.sub("", html).strip(BLANKS) or "<hr/>" in html:
            self.blocks.append(("paragraph", html))

    def _block(self, kind: str, value: Any) -> None:
        """Close the pending paragraph and append a block."""
        self._close_paragraph()
        self.blocks.append((kind, value))

    def _resolve_image(self, image: ImageItem) -> Any:
        """Fetch an image, preferring the full-size file a thumbnail links to."""
        alt = image.alt or image.caption
        if image.large:
            found = self.assets.image(image.large, alt)
            if found is not None:
                return found
        return self.assets.image(image.src, alt)

    def _image(self, image: ImageItem) -> None:
        """An image block, or its caption as text when the image cannot be had."""
        found = self._resolve_image(image)
        if found is None:
            if image.caption:
                self.text.append(f"<p>{htmllib.escape(image.caption, quote=False)}</p>")
            return
        if not image.alt:
            detail = f"图片缺少替代文本 {image.src}"
            self.result.issues.append(Issue(IssueCode.IMAGE_NO_ALT, image.src, detail))
        self.result.images.append(found.pk)
        value = {
            "image": found.pk,
            "alt": truncate(image.alt or DEFAULT_ALT, ALT_MAX),
            "caption": truncate(image.caption, CAPTION_MAX),
            "credit": image.credit,
        }
        self._block("image", value)

    def _attachments(self, attachments: list[Attachment]) -> None:
        """The attachments block; files that cannot be had stay links in a paragraph."""
        entries, failed = [], []
        for attachment in attachments:
            document = self.assets.document(attachment.url, attachment.title)
            if document is None:
                failed.append(attachment)
                continue
            self.result.documents.append(document.pk)
            entries.append({"document": document.pk, "title": attachment.title})
        if entries:
            self._block("attachments", {"heading": ATTACHMENTS_HEADING, "attachments": entries})
        for attachment in failed:
            href = htmllib.escape(attachment.url)
            title = htmllib.escape(attachment.title, quote=False)
            self.text.append(f'<p><a href="{href}">{title}</a></p>')


def _paragraph_links(html: str) -> list[str]:
    """The absolute http(s) addresses a paragraph links to."""
    urls = (htmllib.unescape(href) for href in _HREF.findall(html))
    return [url for url in urls if url.startswith(("http://", "https://"))]


def _fill_stream(blocks: list[tuple[str, Any]], page_url: str, result: BuiltBody) -> None:
    """Give the blocks stable ids, put them in the stream and note the links they hold."""
    for index, (kind, value) in enumerate(blocks):
        if kind == "attachments":
            value["attachments"] = [
                {"type": "item", "value": entry, "id": _block_id(page_url, index, number)}
                for number, entry in enumerate(value["attachments"])
            ]
        result.stream.append({"type": kind, "value": value, "id": _block_id(page_url, index)})
        if kind == "paragraph":
            result.links.extend(_paragraph_links(value))
    result.links = list(dict.fromkeys(result.links))
    result.images = list(dict.fromkeys(result.images))
    result.documents = list(dict.fromkeys(result.documents))


def _too_long(spilled: int, rest: list[str]) -> Issue:
    """The issue of a body cut at the block cap or at the extraction's tag cap."""
    parts = []
    if spilled:
        parts.append(
            f"超过{MAX_BLOCKS}块，其后的{spilled}个标题、表格、图片或附件并入最后一个正文块"
        )
    if rest:
        paragraphs = sum(piece.count("</p>") for piece in rest)
        parts.append(
            f"页面标签过多，正文后段（约{paragraphs}段）未逐段分块，按原顺序合为末尾的{len(rest)}个正文块"
        )
    detail = "正文过长：" + "；".join(parts) + "，其中的图片和附件以链接保留，请核对"
    return Issue(IssueCode.BODY_TOO_LONG, detail=detail)


def _fit(pieces: list[str], room: int) -> list[str]:
    """The pieces, the last ones joined so that there are at most room of them."""
    if len(pieces) <= room:
        return pieces
    return [*pieces[: room - 1], "".join(pieces[room - 1 :])]


def build_body(
    body_html: str, page_url: str, assets: AssetResolver, rest_html: str = ""
) -> BuiltBody:
    """Build ArticlePage.body stream data from a legacy body fragment (and a capped page's rest).

    The stream holds at most MAX_BLOCKS blocks: items past the cap and the rest are rich text.
    """
    result = BuiltBody(stream=[])
    prepared = prepare_fragment(body_html or "", page_url)
    rest = _fit(clean_rest(rest_html, page_url), MAX_BLOCKS - 1) if rest_html else []
    blocks: list[tuple[str, Any]] = []
    spilled = 0
    if prepared.strip():
        root = _parse(prepared, result.issues)
        flatten_layout_tables(root)
        walked = walk_body(root, page_url)
        del root
        result.issues.extend(walked.issues)
        assembler = _Assembler(assets, result, MAX_BLOCKS - len(rest))
        blocks = assembler.run(walked.items, walked.attachments)
        spilled = assembler.spilled
    blocks.extend(("paragraph", piece) for piece in rest)
    if spilled or rest:
        result.issues.append(_too_long(spilled, rest))
    _fill_stream(blocks, page_url, result)
    return result
