"""The block lists page types put in their StreamFields; each call returns fresh blocks."""

from __future__ import annotations

from wagtail.blocks import Block

from .base import (
    AttachmentBlock,
    AttachmentListBlock,
    BannerBlock,
    DataTableBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuickLinksBlock,
    QuoteBlock,
    TwoColumnBlock,
)
from .gov_affairs import (
    GovAffairsFeedBlock,
    NoticeListBlock,
    NoticeTickerBlock,
    PolicyDocumentBlock,
)
from .industries import (
    EnterpriseBlock,
    GalleryBlock,
    IndustryShowcaseBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    ProductBlock,
)
from .navigation import RelatedSitesBlock, ServiceTilesBlock, SpecialTopicsBlock
from .news import FeaturedNewsBlock, NewsFeedBlock, TabbedFeedBlock
from .qa import FAQBlock, HandlingStatsBlock, LatestAnswersBlock

BlockList = list[tuple[str, Block]]


def body_blocks() -> BlockList:
    """Blocks for an article's or a standard page's body."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("image", ImageBlock()),
        ("table", DataTableBlock()),
        ("quote", QuoteBlock()),
        ("attachments", AttachmentListBlock()),
        ("two_columns", TwoColumnBlock()),
        ("policy_document", PolicyDocumentBlock()),
        ("faq", FAQBlock()),
        ("key_figures", KeyFiguresBlock()),
        ("gallery", GalleryBlock()),
        ("quick_links", QuickLinksBlock()),
    ]


def home_blocks() -> BlockList:
    """Blocks for a county home page."""
    return [
        ("banner", BannerBlock()),
        ("featured_news", FeaturedNewsBlock()),
        ("news_feed", NewsFeedBlock()),
        ("tabbed_feed", TabbedFeedBlock()),
        ("gov_affairs_feed", GovAffairsFeedBlock()),
        ("notice_list", NoticeListBlock()),
        ("notice_ticker", NoticeTickerBlock()),
        ("industry_showcase", IndustryShowcaseBlock()),
        ("key_figures", KeyFiguresBlock()),
        ("service_tiles", ServiceTilesBlock()),
        ("special_topics", SpecialTopicsBlock()),
        ("quick_links", QuickLinksBlock()),
        ("faq", FAQBlock()),
        ("latest_answers", LatestAnswersBlock()),
        ("handling_stats", HandlingStatsBlock()),
        ("paragraph", ParagraphBlock()),
        ("two_columns", TwoColumnBlock()),
        ("related_sites", RelatedSitesBlock()),
    ]


def industry_blocks() -> BlockList:
    """Blocks for an industry page: the body blocks plus enterprises and products."""
    blocks = body_blocks()
    names = {name for name, _block in blocks}
    extra = [
        ("enterprise", EnterpriseBlock()),
        ("product", ProductBlock()),
        ("gallery", GalleryBlock()),
    ]
    return blocks + [(name, block) for name, block in extra if name not in names]


def attachment_blocks() -> BlockList:
    """Blocks for an article's attachments field."""
    return [("attachment", AttachmentBlock())]


def figure_blocks() -> BlockList:
    """Blocks for an industry page's figures field."""
    return [("figure", KeyFigureBlock())]
