"""The StreamField block library shared by every county site, one module per family.

Names are re-exported lazily: Django imports this package while it loads the app registry,
before Wagtail's models (which the chooser blocks import) can be imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "AttachmentBlock": "base",
    "AttachmentListBlock": "base",
    "BannerBlock": "base",
    "DataTableBlock": "base",
    "HeadingBlock": "base",
    "ImageBlock": "base",
    "LinkBlock": "base",
    "ParagraphBlock": "base",
    "QuickLinksBlock": "base",
    "QuoteBlock": "base",
    "TwoColumnBlock": "base",
    "GovAffairsFeedBlock": "gov_affairs",
    "NoticeListBlock": "gov_affairs",
    "NoticeTickerBlock": "gov_affairs",
    "PolicyDocumentBlock": "gov_affairs",
    "EnterpriseBlock": "industries",
    "GalleryBlock": "industries",
    "IndustryShowcaseBlock": "industries",
    "KeyFigureBlock": "industries",
    "KeyFiguresBlock": "industries",
    "ProductBlock": "industries",
    "RelatedSitesBlock": "navigation",
    "ServiceTilesBlock": "navigation",
    "SpecialTopicsBlock": "navigation",
    "FeaturedNewsBlock": "news",
    "NewsFeedBlock": "news",
    "TabbedFeedBlock": "news",
    "FAQBlock": "qa",
    "attachment_blocks": "streams",
    "body_blocks": "streams",
    "figure_blocks": "streams",
    "home_blocks": "streams",
    "industry_blocks": "streams",
}

__all__ = [
    "AttachmentBlock",
    "AttachmentListBlock",
    "BannerBlock",
    "DataTableBlock",
    "EnterpriseBlock",
    "FAQBlock",
    "FeaturedNewsBlock",
    "GalleryBlock",
    "GovAffairsFeedBlock",
    "HeadingBlock",
    "ImageBlock",
    "IndustryShowcaseBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "LinkBlock",
    "NewsFeedBlock",
    "NoticeListBlock",
    "NoticeTickerBlock",
    "ParagraphBlock",
    "PolicyDocumentBlock",
    "ProductBlock",
    "QuickLinksBlock",
    "QuoteBlock",
    "RelatedSitesBlock",
    "ServiceTilesBlock",
    "SpecialTopicsBlock",
    "TabbedFeedBlock",
    "TwoColumnBlock",
    "attachment_blocks",
    "body_blocks",
    "figure_blocks",
    "home_blocks",
    "industry_blocks",
]


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its family module on first use."""
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the module's names, including the lazily re-exported ones."""
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover
    from .base import (
        AttachmentBlock,
        AttachmentListBlock,
        BannerBlock,
        DataTableBlock,
        HeadingBlock,
        ImageBlock,
        LinkBlock,
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
    from .qa import FAQBlock
    from .streams import (
        attachment_blocks,
        body_blocks,
        figure_blocks,
        home_blocks,
        industry_blocks,
    )
