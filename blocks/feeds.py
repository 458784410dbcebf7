"""Query helpers shared by the feed blocks: one query (plus one prefetch) per feed."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

# The feed templates' {% picture %} sizes: each in WebP with a JPEG fallback, at 1x and 2x.
PICTURE_FORMATS = ("webp", "jpeg")
THUMBNAIL_SIZES = ("fill-320x200", "fill-640x400")
HERO_SIZES = ("fill-600x300", "fill-1200x600")


def picture_specs(*sizes: str, formats: Iterable[str] = PICTURE_FORMATS) -> tuple[str, ...]:
    """The rendition filter specs a {% picture %} tag asks for (Wagtail puts the format first)."""
    return tuple(f"format-{fmt}|{size}" for size in sizes for fmt in formats)


# Rendition specs the default feed templates use (every rendition is prefetched, see below).
FEED_RENDITION_SPECS = picture_specs(*THUMBNAIL_SIZES, *HERO_SIZES)

NEW_MARK_DAYS = 3


def article_model() -> Any:
    """Return the ArticlePage model, looked up by name."""
    return apps.get_model("core", "ArticlePage")


def column_model() -> Any:
    """Return the ColumnPage model, looked up by name."""
    return apps.get_model("core", "ColumnPage")


def site_path_prefix(parent_context: Mapping[str, Any] | None) -> str | None:
    """Return the tree path of the current site's root, or None for the whole tree."""
    context = parent_context or {}
    page = context.get("page")
    path = getattr(page, "path", None)
    if path:
        return path[: 2 * Page.steplen]
    request = context.get("request")
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            return site.root_page.path
    return None


def public_only(queryset: QuerySet) -> QuerySet:
    """Drop pages under a view restriction (password, login or groups) on them or an ancestor."""
    # Wagtail's .public() runs one query for the restrictions on every call and then ORs one
    # condition per restriction of the whole cluster; a NOT EXISTS subquery keeps the feed a
    # single query of fixed size.
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return queryset.exclude(Exists(restricted))


def live_articles() -> QuerySet:
    """Live articles every visitor may see, without their StreamFields."""
    return public_only(article_model().objects.live().defer_streamfields())


def with_cover_images(queryset: QuerySet, specs: Iterable[str] | None = None) -> QuerySet:
    """Join the cover image and prefetch its renditions: those of the specs, else all of them.

    Feeds prefetch every rendition of their cover images, because a theme may override a feed's
    template with sizes of its own; a prefetch of the default theme's specs only would cost such
    a theme one query per item. An image has a handful of renditions, so it stays one query.
    """
    rendition_model = get_image_model().get_rendition_model()
    renditions = rendition_model.objects.all()
    if specs is not None:
        renditions = renditions.filter(filter_spec__in=list(specs))
    return queryset.select_related("cover_image").prefetch_related(
        Prefetch("cover_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def order_newest_first(queryset: QuerySet) -> QuerySet:
    """Order articles by their shown date, newest first; undated ones last."""
    return queryset.order_by(
        F("publish_date").desc(nulls_last=True),
        F("first_published_at").desc(nulls_last=True),
        "-pk",
    )


def article_queryset(
    columns: Iterable[Any] = (),
    parent_context: Mapping[str, Any] | None = None,
    column_types: Iterable[str] | None = None,
    images: bool = False,
) -> QuerySet:
    """Return public live articles under the chosen columns, else under the site, newest first."""
    # With no columns chosen and column_types given, only articles below columns of those types
    # count: one EXISTS subquery, so the feed is still a single query.
    queryset = live_articles()
    chosen = [column for column in columns if column is not None]
    if chosen:
        condition = Q()
        for column in chosen:
            condition |= Q(path__startswith=column.path)
        queryset = queryset.filter(condition)
    else:
        prefix = site_path_prefix(parent_context)
        if prefix:
            queryset = queryset.filter(path__startswith=prefix)
        if column_types:
            typed_columns = (
                column_model()
                .objects.filter(column_type__in=list(column_types))
                .filter(StartsWith(OuterRef("path"), F("path")))
            )
            if prefix:
                typed_columns = typed_columns.filter(path__startswith=prefix)
            queryset = queryset.filter(Exists(typed_columns))
    if images:
        queryset = with_cover_images(queryset)
    return order_newest_first(queryset)


def shown_date(article: Any) -> datetime.date | None:
    """Return the date an article shows: its publish date, else its first publication."""
    moment = getattr(article, "publish_date", None) or getattr(article, "first_published_at", None)
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.date()
    return moment


@dataclass(frozen=True)
class FeedItem:
    """One article in a feed, with the date to show and whether it is new."""

    page: Any
    date: datetime.date | None
    is_new: bool = False
    request: Any = None

    @property
    def title(self) -> str:
        """The article's title."""
        return self.page.title

    @property
    def url(self) -> str:
        """The article's URL, root-relative on its own site (cached site root paths, no query)."""
        return self.page.get_url(self.request) or ""


def feed_items(
    articles: Iterable[Any], today: datetime.date | None = None, request: Any = None
) -> list[FeedItem]:
    """Wrap articles as feed items with their shown date, new mark and the rendering request."""
    today = today or timezone.localdate()
    items = []
    for article in articles:
        date = shown_date(article)
        is_new = date is not None and 0 <= (today - date).days < NEW_MARK_DAYS
        items.append(FeedItem(page=article, date=date, is_new=is_new, request=request))
    return items


class ColumnFeedMixin:
    """Give a feed block of chosen columns (or of its site) its newest articles as ``items``."""

    # The column types listed when no column is chosen; None lists every column of the site.
    feed_column_types: tuple[str, ...] | None = None

    def feed_images(self, value: Any) -> bool:
        """Whether the feed shows cover images, so their renditions are prefetched."""
        return False

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """Add the newest articles, cut to the block's count, as ``items``."""
        context = super().get_context(value, parent_context=parent_context)  # type: ignore[misc]
        count = value.get("count") or self.child_blocks["count"].get_default()  # type: ignore[attr-defined]
        articles = article_queryset(
            value.get("columns") or (),
            parent_context,
            column_types=self.feed_column_types,
            images=self.feed_images(value),
        )[:count]
        context["items"] = feed_items(articles, request=context.get("request"))
        return context
