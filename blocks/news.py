"""News blocks: article feeds, featured news and tabbed feeds."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import SectionMixin
from .feeds import ColumnFeedMixin, article_queryset, feed_items, live_articles, with_cover_images

FEATURED_STYLES = [("hero", _("头条大图")), ("carousel", _("轮播"))]


class FeedValue(blocks.StructValue):
    """A feed's settings, with the link to its first column."""

    @property
    def chosen_columns(self) -> list[Any]:
        """The chosen columns that still exist."""
        return [column for column in self.get("columns") or [] if column is not None]

    @property
    def more_url(self) -> str:
        """The URL of the first chosen column, for the 更多 link."""
        columns = self.chosen_columns
        return columns[0].url or "" if columns else ""


def column_list_block() -> blocks.ListBlock:
    """Return a fresh list of column choosers; empty means the whole site."""
    return blocks.ListBlock(
        blocks.PageChooserBlock(page_type="core.ColumnPage", label=_("栏目")),
        label=_("栏目"),
        help_text=_("不选则显示全站最新文章。"),
    )


def count_block(default: int = 8) -> blocks.IntegerBlock:
    """Return a fresh block for the number of items shown (1 to 30)."""
    return blocks.IntegerBlock(label=_("显示条数"), default=default, min_value=1, max_value=30)


class NewsFeedBlock(ColumnFeedMixin, SectionMixin, blocks.StructBlock):
    """The newest articles of chosen columns, or of the whole site."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("要闻"))
    columns = column_list_block()
    count = count_block()
    show_images = blocks.BooleanBlock(label=_("显示图片"), required=False, default=False)
    show_dates = blocks.BooleanBlock(label=_("显示日期"), required=False, default=True)

    class Meta:
        icon = "list-ul"
        template = "blocks/news/news_feed.html"
        label = _("要闻列表")
        description = _("自动列出所选栏目（或全站）的最新文章。")
        value_class = FeedValue
        preview_value = {
            "heading": "要闻",
            "columns": [],
            "count": 8,
            "show_images": False,
            "show_dates": True,
        }

    def feed_images(self, value: Any) -> bool:
        """Whether the editor chose to show cover images."""
        return bool(value.get("show_images"))


class FeaturedNewsBlock(SectionMixin, blocks.StructBlock):
    """Chosen articles shown as a hero or a carousel."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, required=False)
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="core.ArticlePage", label=_("文章")),
        label=_("文章"),
        min_num=1,
        max_num=8,
    )
    style = blocks.ChoiceBlock(
        choices=FEATURED_STYLES, default="hero", label=_("展示方式"), required=True
    )

    class Meta:
        icon = "image"
        template = "blocks/news/featured_news.html"
        label = _("头条新闻")
        description = _("以大图或轮播展示精选文章。")
        preview_value = {"heading": "头条", "articles": [], "style": "hero"}

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """Add the chosen live, public articles, in the chosen order, as ``items``."""
        context = super().get_context(value, parent_context=parent_context)
        ids = [article.pk for article in value.get("articles") or [] if article is not None]
        items = []
        if ids:
            queryset = with_cover_images(live_articles().filter(pk__in=ids))
            by_id = {article.pk: article for article in queryset}
            items = feed_items(
                (by_id[pk] for pk in dict.fromkeys(ids) if pk in by_id),
                request=context.get("request"),
            )
        context["items"] = items
        return context


class FeedTabValue(blocks.StructValue):
    """One tab of a tabbed feed."""

    @property
    def more_url(self) -> str:
        """The URL of the tab's column."""
        column = self.get("column")
        return column.url or "" if column is not None else ""


class FeedTabBlock(blocks.StructBlock):
    """A tab: a label and the column it lists."""

    label = blocks.CharBlock(label=_("标签"), max_length=20)
    column = blocks.PageChooserBlock(page_type="core.ColumnPage", label=_("栏目"))

    class Meta:
        icon = "folder-open-1"
        template = "blocks/news/feed_tab.html"
        label = _("标签页")
        description = _("标签页的名称和它列出的栏目。")
        value_class = FeedTabValue
        preview_value = {"label": "部门动态", "column": None}


class TabbedFeedBlock(SectionMixin, blocks.StructBlock):
    """Several column feeds in accessible tabs."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, required=False)
    tabs = blocks.ListBlock(FeedTabBlock(), label=_("标签页"), min_num=1, max_num=6)
    count = count_block(default=6)
    show_dates = blocks.BooleanBlock(label=_("显示日期"), required=False, default=True)

    class Meta:
        icon = "folder-open-inverse"
        template = "blocks/news/tabbed_feed.html"
        label = _("标签页列表")
        description = _("用标签页切换多个栏目的最新文章，如“要闻 / 部门动态 / 乡镇动态”。")
        preview_value = {
            "heading": "",
            "tabs": [
                {"label": "要闻", "column": None},
                {"label": "部门动态", "column": None},
                {"label": "乡镇动态", "column": None},
            ],
            "count": 6,
            "show_dates": True,
        }

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """Add ``panels``: one (tab, items) pair per tab, one query per tab."""
        context = super().get_context(value, parent_context=parent_context)
        count = value.get("count") or 6
        panels = []
        for tab in value.get("tabs") or []:
            column = tab.get("column")
            columns = [column] if column is not None else []
            items = feed_items(
                article_queryset(columns, parent_context)[:count],
                request=context.get("request"),
            )
            panels.append({"tab": tab, "items": items})
        context["panels"] = panels
        return context
