"""The StreamField block library shared by every county site, one module per family.

Names are re-exported lazily: Django imports this package while it loads the app registry,
before Wagtail's models (which the chooser blocks import) can be imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# The one list of re-exported names, by the family module that defines them.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "base": (
        "AttachmentBlock",
        "AttachmentListBlock",
        "BannerBlock",
        "DataTableBlock",
        "HeadingBlock",
        "ImageBlock",
        "LinkBlock",
        "ParagraphBlock",
        "QuickLinksBlock",
        "QuoteBlock",
        "TwoColumnBlock",
    ),
    "gov_affairs": (
        "GovAffairsFeedBlock",
        "NoticeListBlock",
        "NoticeTickerBlock",
        "PolicyDocumentBlock",
    ),
    "industries": (
        "EnterpriseBlock",
        "GalleryBlock",
        "IndustryShowcaseBlock",
        "KeyFigureBlock",
        "KeyFiguresBlock",
        "ProductBlock",
    ),
    "navigation": ("RelatedSitesBlock", "ServiceTilesBlock", "SpecialTopicsBlock"),
    "news": ("FeaturedNewsBlock", "NewsFeedBlock", "TabbedFeedBlock"),
    "qa": ("FAQBlock", "HandlingStatsBlock", "LatestAnswersBlock"),
    "streams": (
        "attachment_blocks",
        "body_blocks",
        "figure_blocks",
        "home_blocks",
        "industry_blocks",
    ),
}

_EXPORTS: dict[str, str] = {name: module for module, names in _FAMILIES.items() for name in names}

__all__ = sorted(_EXPORTS)


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
