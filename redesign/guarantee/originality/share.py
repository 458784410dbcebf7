"""Each site's 原创 share over 30 days, the 30 days before, and its flagged articles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Site

from redesign.core.models import ArticlePage
from redesign.core.models.article import ArticleOrigin
from redesign.core.workdays import day_bounds

from ..models import NearDuplicate

WINDOW = timedelta(days=30)


def _ratio(part: int, whole: int) -> float | None:
    """A share, or None when there is nothing to share."""
    return part / whole if whole else None


def _counts_by_root(roots: Sequence[str], end: datetime) -> dict[str, dict]:
    """The 30-day and previous 30-day article counts under each site root of one path length."""
    start, previous = end - WINDOW, end - 2 * WINDOW
    current = Q(first_published_at__gte=start)
    original = Q(origin=ArticleOrigin.ORIGINAL)
    flagged = Exists(NearDuplicate.objects.filter(page_id=OuterRef("pk")))
    rows = (
        ArticlePage.objects.filter(
            live=True,
            is_imported=False,
            first_published_at__gte=previous,
            first_published_at__lt=end,
        )
        .annotate(root=Substr("path", 1, len(roots[0])))
        .filter(root__in=roots)
        .order_by()
        .values("root")
        .annotate(
            total=Count("pk", filter=current),
            original=Count("pk", filter=current & original),
            flagged=Count("pk", filter=current & original & Q(flagged)),
            prev_total=Count("pk", filter=~current),
            prev_original=Count("pk", filter=~current & original),
        )
    )
    return {row.pop("root"): row for row in rows}


def originality_by_site(site_ids: Iterable[int], day: date) -> dict[int, dict]:
    """Each site's 原创 share of the 30 days to the day's end, and of the 30 days before.

    One query for the sites' roots and one per length of root path (site roots are depth-2
    pages, so one in practice), whatever the number of sites. Per site: ratio_30d and
    ratio_prev_30d (None without articles), trend (their difference), original, total,
    flagged (原创 articles found to repeat earlier pages), prev_original, prev_total. Legacy
    imported pages are not daily updates and are not counted.
    """
    site_ids = list(site_ids)
    if not site_ids:
        return {}
    roots = dict(Site.objects.filter(pk__in=site_ids).values_list("pk", "root_page__path"))
    by_length: dict[int, list[str]] = {}
    for path in roots.values():
        by_length.setdefault(len(path), []).append(path)
    end = day_bounds(day)[1]  # the next local midnight
    counts: dict[str, dict] = {}
    for paths in by_length.values():
        counts.update(_counts_by_root(paths, end))
    result = {}
    for site_id, path in roots.items():
        row = counts.get(path, {})
        total, original = row.get("total", 0), row.get("original", 0)
        prev_total, prev_original = row.get("prev_total", 0), row.get("prev_original", 0)
        ratio, prev_ratio = _ratio(original, total), _ratio(prev_original, prev_total)
        result[site_id] = {
            "ratio_30d": ratio,
            "ratio_prev_30d": prev_ratio,
            "ratio_previous_30d": prev_ratio,  # the name the health report reads
            "trend": ratio - prev_ratio if ratio is not None and prev_ratio is not None else None,
            "original": original,
            "total": total,
            "flagged": row.get("flagged", 0),
            "prev_original": prev_original,
            "prev_total": prev_total,
        }
    return result
