"""Basic content blocks: headings, rich text, images, attachments, tables, quotes and links."""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]

HEADING_LEVELS = [("h2", _("二级标题")), ("h3", _("三级标题")), ("h4", _("四级标题"))]

TABLE_OPTIONS = {
    "minSpareRows": 0,
    "startRows": 4,
    "startCols": 3,
    "colHeaders": False,
    "rowHeaders": False,
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "editor": "text",
    "stretchH": "all",
    "renderer": "text",
    "autoColumnSize": False,
}


def block_uid(prefix: str = "b", parent_context: Any = None) -> str:
    """Return an id for ARIA references inside one rendered block, unique on its page.

    Within a request the ids count up (b-1, b-2, ...), so the same page renders to the same bytes
    each time and caches (the page cache, the 繁體 conversion) can reuse it; outside a request,
    a random id.
    """
    request = parent_context.get("request") if parent_context is not None else None
    if request is None:
        return f"{prefix}-{uuid.uuid4().hex[:10]}"
    count = getattr(request, "_redesign_block_uids", 0) + 1
    request._redesign_block_uids = count
    return f"{prefix}-{count}"


class SectionMixin:
    """Give a block's template a unique ``uid`` for aria-labelledby and aria-controls."""

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """Add ``uid`` to the template context."""
        context = super().get_context(value, parent_context=parent_context)  # type: ignore[misc]
        context["uid"] = block_uid(parent_context=parent_context)
        return context


class ImageAltMixin:
    """Require real alt text (not only blanks) on a struct block whenever its image is chosen."""

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        """Refuse a chosen image without alt text, except in a draft (deferred validation)."""
        value = super().clean(value)  # type: ignore[misc]
        missing = value.get("image") is not None and not (value.get("alt") or "").strip()
        if missing and not self.is_deferred_validation:  # type: ignore[attr-defined]
            raise blocks.StructBlockValidationError(
                block_errors={"alt": ValidationError(_("请填写图片的替代文本。"))}
            )
        return value


class LinkTargetMixin:
    """Check a struct block's ``page`` or ``external_url`` target: one of them, never both."""

    def link_target_required(self, value: blocks.StructValue) -> bool:
        """Whether this value must name a target; by default always."""
        return True

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        """Refuse both targets; refuse none when one is required, except in a draft."""
        value = super().clean(value)  # type: ignore[misc]
        page, url = value.get("page"), value.get("external_url")
        if page is not None and url:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "external_url": ValidationError(_("请只选择站内页面或填写外部网址之一。"))
                }
            )
        missing = page is None and not url and self.link_target_required(value)
        if missing and not self.is_deferred_validation:  # type: ignore[attr-defined]
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("请选择站内页面或填写外部网址。"))}
            )
        return value


class HeadingValue(blocks.StructValue):
    """A heading with a safe tag name."""

    @property
    def tag(self) -> str:
        """The HTML tag: h2, h3 or h4 (h2 if the stored level is unknown)."""
        level = self.get("level")
        return level if level in {"h2", "h3", "h4"} else "h2"


class HeadingBlock(blocks.StructBlock):
    """A section heading of level h2, h3 or h4."""

    text = blocks.CharBlock(label=_("标题文字"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS, default="h2", label=_("标题级别"), required=True
    )

    class Meta:
        icon = "title"
        template = "blocks/base/heading.html"
        value_class = HeadingValue
        label = _("小标题")
        description = _("正文中的分节标题（二级至四级）。")
        preview_value = {"text": "一、工作进展情况", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text with a restricted, accessible set of formatting features."""

    def __init__(self, required: bool = True, features: list[str] | None = None, **kwargs: Any):
        super().__init__(required=required, features=features or PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/base/paragraph.html"
        label = _("正文段落")
        description = _("带格式的正文：小标题、加粗、列表、链接和附件链接。")
        preview_value = (
            "<p>今年以来，我县坚持以人民为中心的发展思想，扎实推进乡村振兴，"
            "全县农村居民人均可支配收入同比增长<b>7.2%</b>。</p>"
            "<ul><li>新建高标准农田2.3万亩</li><li>改造农村公路86公里</li></ul>"
        )


class ImageValue(blocks.StructValue):
    """An image with its required alternative text."""

    @property
    def has_image(self) -> bool:
        """Whether an image is chosen."""
        return self.get("image") is not None


class ImageBlock(ImageAltMixin, blocks.StructBlock):
    """An image with required alt text, an optional caption and credit (来源)."""

    image = ImageChooserBlock(label=_("图片"))
    alt = blocks.CharBlock(
        label=_("替代文本"),
        max_length=200,
        required=True,
        help_text=_("为视障读者描述图片内容，例如“县城新建的滨河公园”。"),
    )
    caption = blocks.CharBlock(label=_("图片说明"), max_length=250, required=False)
    credit = blocks.CharBlock(label=_("来源"), max_length=120, required=False)

    class Meta:
        icon = "image"
        template = "blocks/base/image.html"
        label = _("图片")
        description = _("带替代文本、说明和来源的图片。")
        value_class = ImageValue
        preview_value = {
            "image": None,
            "alt": "县城滨河公园全景",
            "caption": "建成开放的滨河公园",
            "credit": "县融媒体中心",
        }


class AttachmentValue(blocks.StructValue):
    """A document with a display title, file type and size."""

    @property
    def document(self) -> Any:
        """The chosen document, or None."""
        return self.get("document")

    @property
    def display_title(self) -> str:
        """The given title, else the document's title."""
        if self.get("title"):
            return self["title"]
        return self.document.title if self.document is not None else ""

    @property
    def url(self) -> str:
        """The document's download URL."""
        return self.document.url if self.document is not None else ""

    @property
    def extension(self) -> str:
        """The upper-case file extension, e.g. PDF."""
        if self.document is None or not self.document.file:
            return ""
        return os.path.splitext(self.document.file.name)[1].lstrip(".").upper()

    @property
    def size(self) -> int | None:
        """The stored file size in bytes, if known."""
        return getattr(self.document, "file_size", None) if self.document is not None else None


class AttachmentBlock(blocks.StructBlock):
    """A downloadable document with an optional display title."""

    document = DocumentChooserBlock(label=_("文件"))
    title = blocks.CharBlock(
        label=_("显示名称"),
        max_length=200,
        required=False,
        help_text=_("留空则使用文件标题。"),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/base/attachment.html"
        label = _("附件")
        description = _("可下载的文件。")
        value_class = AttachmentValue
        preview_value = {"document": None, "title": "2024年度部门预算公开表.pdf"}


class AttachmentListBlock(SectionMixin, blocks.StructBlock):
    """A headed list of downloadable attachments."""

    heading = blocks.CharBlock(label=_("标题"), max_length=80, default=_("附件"))
    attachments = blocks.ListBlock(AttachmentBlock(), label=_("附件列表"))

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/base/attachment_list.html"
        label = _("附件列表")
        description = _("一组可下载的文件，如通知的附件。")
        preview_value = {
            "heading": "附件",
            "attachments": [
                {"document": None, "title": "1. 申报表.docx"},
                {"document": None, "title": "2. 评分细则.pdf"},
            ],
        }


class DataTableValue(blocks.StructValue):
    """A table with its caption and header rows worked out for the template."""

    @cached_property
    def _table(self) -> dict[str, Any]:
        return self.get("table") or {}

    @property
    def table_caption(self) -> str:
        """The block's caption, else the caption typed in the table editor."""
        return self.get("caption") or self._table.get("table_caption") or ""

    @cached_property
    def _rows(self) -> list[list[str]]:
        rows = self._table.get("data") or []
        return [[("" if cell is None else str(cell)).strip() for cell in row] for row in rows]

    @property
    def _header_choice(self) -> str:
        choice = self._table.get("table_header_choice")
        if choice:
            return choice
        row = bool(self._table.get("first_row_is_table_header"))
        col = bool(self._table.get("first_col_is_header"))
        return {(True, True): "both", (True, False): "row", (False, True): "col"}.get(
            (row, col), "neither"
        )

    @property
    def header_row(self) -> list[str]:
        """The cells of the header row, or an empty list."""
        if self._header_choice in ("row", "both") and self._rows:
            return self._rows[0]
        return []

    @property
    def first_col_is_header(self) -> bool:
        """Whether each body row starts with a row header cell."""
        return self._header_choice in ("col", "both")

    @property
    def body_rows(self) -> list[list[str]]:
        """The rows below the header row."""
        return self._rows[1:] if self.header_row else self._rows


class DataTableBlock(blocks.StructBlock):
    """A data table with a caption, header cells and an optional data source."""

    caption = blocks.CharBlock(
        label=_("表格标题"),
        max_length=200,
        help_text=_("说明表格内容，读屏软件会先读出它。"),
    )
    table = TableBlock(label=_("表格"), table_options=TABLE_OPTIONS)
    source = blocks.CharBlock(label=_("数据来源"), max_length=200, required=False)

    class Meta:
        icon = "table"
        template = "blocks/base/data_table.html"
        label = _("数据表格")
        description = _("带标题和表头的数据表。")
        value_class = DataTableValue
        preview_value = {
            "caption": "2023年主要经济指标",
            "table": {
                "data": [
                    ["指标", "数值", "同比增长"],
                    ["地区生产总值（亿元）", "186.4", "6.1%"],
                    ["一般公共预算收入（亿元）", "9.8", "4.3%"],
                    ["社会消费品零售总额（亿元）", "72.5", "5.6%"],
                ],
                "table_header_choice": "both",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
            },
            "source": "县统计局",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with its attribution."""

    text = blocks.TextBlock(label=_("引文"))
    attribution = blocks.CharBlock(label=_("出处"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/base/quote.html"
        label = _("引文")
        description = _("引用的话语及其出处。")
        preview_value = {
            "text": "绿水青山就是金山银山。",
            "attribution": "习近平",
        }


class LinkValue(blocks.StructValue):
    """A link to a page of the site or to an external address."""

    @property
    def url(self) -> str:
        """The chosen page's URL, else the external URL."""
        page = self.get("page")
        if page is not None:
            return page.url or ""
        return self.get("external_url") or ""

    @property
    def text(self) -> str:
        """The link text: the given title, else the page's title, else the URL."""
        page = self.get("page")
        return self.get("title") or (page.title if page is not None else "") or self.url

    @property
    def is_external(self) -> bool:
        """Whether the link leaves the site."""
        return self.get("page") is None and bool(self.get("external_url"))


class LinkBlock(LinkTargetMixin, blocks.StructBlock):
    """A titled link to a page of the site or to an external URL."""

    title = blocks.CharBlock(label=_("链接文字"), max_length=80, required=False)
    page = blocks.PageChooserBlock(label=_("站内页面"), required=False)
    external_url = blocks.URLBlock(label=_("外部网址"), required=False)

    def __init__(self, local_blocks: Any = None, required: bool = True, **kwargs: Any):
        self._link_required = required
        super().__init__(local_blocks, **kwargs)

    @property
    def required(self) -> bool:
        """Whether a target (page or URL) must be given."""
        return self._link_required

    class Meta:
        icon = "link"
        template = "blocks/base/link.html"
        label = _("链接")
        description = _("指向站内页面或外部网址的链接。")
        value_class = LinkValue
        preview_value = {
            "title": "社保查询",
            "page": None,
            "external_url": "https://example.gov.cn/",
        }

    def link_target_required(self, value: blocks.StructValue) -> bool:
        """A required link, or an optional one given a text, must name its target."""
        return self.required or bool(value.get("title"))


class QuickLinksBlock(SectionMixin, blocks.StructBlock):
    """A headed list of links, e.g. 办事服务 entries."""

    heading = blocks.CharBlock(label=_("标题"), max_length=80, default=_("办事服务"))
    links = blocks.ListBlock(LinkBlock(), label=_("链接"))

    class Meta:
        icon = "list-ul"
        template = "blocks/base/quick_links.html"
        label = _("快捷链接")
        description = _("一组常用链接，如办事服务入口。")
        preview_value = {
            "heading": "办事服务",
            "links": [
                {
                    "title": "社保查询",
                    "page": None,
                    "external_url": "https://example.gov.cn/shebao",
                },
                {"title": "公积金查询", "page": None, "external_url": "https://example.gov.cn/gjj"},
                {"title": "不动产登记", "page": None, "external_url": "https://example.gov.cn/bdc"},
            ],
        }


class ColumnContentBlock(blocks.StreamBlock):
    """The content of one column of a two-column layout."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quick_links = QuickLinksBlock()

    class Meta:
        icon = "doc-empty"
        label = _("栏内容")


class TwoColumnBlock(blocks.StructBlock):
    """Two side-by-side columns of headings, text, images and links."""

    left = ColumnContentBlock(label=_("左栏"))
    right = ColumnContentBlock(label=_("右栏"))

    class Meta:
        icon = "grip"
        template = "blocks/base/two_columns.html"
        label = _("两栏布局")
        description = _("左右并排的两栏内容，窄屏上上下排列。")
        preview_value = {
            "left": [
                {"type": "heading", "value": {"text": "县情概况", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": "<p>全县总面积1860平方公里，辖12个乡镇，户籍人口42万。</p>",
                },
            ],
            "right": [
                {"type": "heading", "value": {"text": "历史沿革", "level": "h2"}},
                {"type": "paragraph", "value": "<p>西汉元狩年间置县，已有两千余年历史。</p>"},
            ],
        }


class BannerBlock(blocks.StructBlock):
    """A wide banner image with a title, subtitle and optional link."""

    image = ImageChooserBlock(label=_("横幅图片"))
    alt = blocks.CharBlock(
        label=_("替代文本"),
        max_length=200,
        required=False,
        help_text=_("图片仅作装饰时可留空。"),
    )
    title = blocks.CharBlock(label=_("标题"), max_length=80)
    subtitle = blocks.CharBlock(label=_("副标题"), max_length=160, required=False)
    link = LinkBlock(label=_("链接"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/base/banner.html"
        label = _("横幅")
        description = _("首页顶部的大图横幅。")
        preview_value = {
            "image": None,
            "alt": "",
            "title": "山水之城 幸福家园",
            "subtitle": "奋力谱写高质量发展新篇章",
            "link": {
                "title": "走进本县",
                "page": None,
                "external_url": "https://example.gov.cn/about",
            },
        }
