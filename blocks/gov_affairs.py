"""Government affairs blocks: 政务动态 feed, 通知公告 list and ticker, policy documents."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import AttachmentBlock, SectionMixin
from .column_types import ColumnType
from .feeds import ColumnFeedMixin
from .news import FeedValue, column_list_block, count_block

# The column types a feed lists when the editor chooses no column.
GOV_AFFAIRS_COLUMN_TYPES: tuple[str, ...] = (ColumnType.NEWS, ColumnType.OPEN_GOV)
NOTICE_COLUMN_TYPES: tuple[str, ...] = (ColumnType.NOTICE,)


class GovAffairsFeedBlock(ColumnFeedMixin, SectionMixin, blocks.StructBlock):
    """政务动态: the newest government news with date and issuing body."""

    feed_column_types = GOV_AFFAIRS_COLUMN_TYPES

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("政务动态"))
    columns = column_list_block()
    count = count_block()
    show_issuing_body = blocks.BooleanBlock(label=_("显示发布机构"), required=False, default=True)

    class Meta:
        icon = "list-ul"
        template = "blocks/gov_affairs/gov_affairs_feed.html"
        label = _("政务动态")
        description = _("列出政务动态，显示日期和发布机构；不选栏目则取全站动态和政务公开栏目。")
        value_class = FeedValue
        preview_value = {
            "heading": "政务动态",
            "columns": [],
            "count": 8,
            "show_issuing_body": True,
        }


class NoticeListBlock(ColumnFeedMixin, SectionMixin, blocks.StructBlock):
    """通知公告: a list of notice titles and dates, newest marked."""

    feed_column_types = NOTICE_COLUMN_TYPES

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("通知公告"))
    columns = column_list_block()
    count = count_block()
    mark_new = blocks.BooleanBlock(
        label=_("标记新通知"),
        required=False,
        default=True,
        help_text=_("3 天内发布的通知显示“新”标记。"),
    )

    class Meta:
        icon = "warning"
        template = "blocks/gov_affairs/notice_list.html"
        label = _("通知公告")
        description = _("列出通知公告的标题和日期；不选栏目则取全站通知公告栏目。")
        value_class = FeedValue
        preview_value = {"heading": "通知公告", "columns": [], "count": 8, "mark_new": True}


class NoticeTickerBlock(ColumnFeedMixin, SectionMixin, blocks.StructBlock):
    """通知公告 ticker: a scrolling strip of the newest notices, no JavaScript."""

    feed_column_types = NOTICE_COLUMN_TYPES

    label = blocks.CharBlock(label=_("标签"), max_length=10, default=_("通知公告"))
    columns = column_list_block()
    count = count_block(default=5)
    duration = blocks.IntegerBlock(
        label=_("滚动一周的秒数"), default=30, min_value=10, max_value=120
    )

    class Meta:
        icon = "arrow-right-full"
        template = "blocks/gov_affairs/notice_ticker.html"
        label = _("通知滚动条")
        description = _("横向滚动显示最新通知；鼠标悬停或键盘聚焦时暂停，尊重“减少动态效果”设置。")
        value_class = FeedValue
        preview_value = {"label": "通知公告", "columns": [], "count": 5, "duration": 30}


class PolicyDocumentValue(blocks.StructValue):
    """A policy document's metadata."""

    @property
    def has_attachments(self) -> bool:
        """Whether any attachment has a document."""
        return any(item.get("document") is not None for item in self.get("attachments") or [])

    @property
    def metadata(self) -> list[tuple[str, Any, str]]:
        """The filled-in metadata rows as (label, value, kind) triples, kind being text or date."""
        rows = [
            (_("索引号"), self.get("index_number"), "text"),
            (_("发布机构"), self.get("issuing_body"), "text"),
            (_("文号"), self.get("document_number"), "text"),
            (_("成文日期"), self.get("written_date"), "date"),
            (_("发布日期"), self.get("publish_date"), "date"),
        ]
        return [row for row in rows if row[1]]


class PolicyDocumentBlock(SectionMixin, blocks.StructBlock):
    """A policy document (政策文件) with 文号, 发布机构, dates, 索引号 and attachments."""

    title = blocks.CharBlock(label=_("文件标题"), max_length=200)
    document_number = blocks.CharBlock(label=_("文号"), max_length=80, required=False)
    issuing_body = blocks.CharBlock(label=_("发布机构"), max_length=120, required=False)
    written_date = blocks.DateBlock(label=_("成文日期"), required=False)
    publish_date = blocks.DateBlock(label=_("发布日期"), required=False)
    index_number = blocks.CharBlock(label=_("索引号"), max_length=80, required=False)
    summary = blocks.TextBlock(label=_("内容摘要"), required=False)
    attachments = blocks.ListBlock(AttachmentBlock(), label=_("附件"))

    class Meta:
        icon = "doc-full"
        template = "blocks/gov_affairs/policy_document.html"
        label = _("政策文件")
        description = _("政策文件的标题、文号、发布机构、日期、索引号、摘要和附件。")
        value_class = PolicyDocumentValue
        preview_value = {
            "title": "县人民政府关于印发《2024年重点民生实事项目》的通知",
            "document_number": "县政发〔2024〕3号",
            "issuing_body": "县人民政府办公室",
            "written_date": datetime.date(2024, 2, 18),
            "publish_date": datetime.date(2024, 2, 20),
            "index_number": "11451000MB0000000X/2024-00012",
            "summary": "确定教育、医疗、养老、交通等10个方面28项民生实事项目。",
            "attachments": [],
        }
