"""The health engine's queries: each reads one table for every site at once."""

from datetime import date, timedelta

from django.db.models import Count, Max, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, Site

from redesign.core.models import ArticlePage, ColumnPage, IndustryPage, StandardPage
from redesign.core.workdays import day_bounds

from ..models import ContentPolicy, DateFlag, ItemRecord

SITE_ROOT_DEPTH = 2
ROOT_PATH_LENGTH = Page.steplen * SITE_ROOT_DEPTH


def sites(hostnames: list[str] | None = None, site_ids: list[int] | None = None) -> list[Site]:
    """The cluster's sites (or those named by hostname or id) with their home pages."""
    queryset = Site.objects.select_related("root_page").order_by("hostname", "port")
    if hostnames is not None:
        queryset = queryset.filter(hostname__in=hostnames)
    if site_ids is not None:
        queryset = queryset.filter(pk__in=site_ids)
    return list(queryset)


def policies(site_ids: list[int]) -> dict[int, ContentPolicy]:
    """Each site's content policy; a site without one gets the defaults (unsaved)."""
    found = {p.site_id: p for p in ContentPolicy.objects.filter(site_id__in=site_ids)}
    return {pk: found.get(pk) or ContentPolicy(site_id=pk) for pk in site_ids}


def under(roots: list[str] | None, field: str = "path") -> Q:
    """A filter to the pages under the given site roots (everything when roots is None)."""
    if roots is None:
        return Q()
    found = Q(pk__in=[])
    for root in roots:
        found |= Q(**{f"{field}__startswith": root})
    return found


def columns(roots: list[str] | None = None) -> list[dict]:
    """Every live column of the cluster (or under the given site roots)."""
    return list(
        ColumnPage.objects.live()
        .filter(under(roots), depth__gt=SITE_ROOT_DEPTH)
        .values("pk", "title", "path", "depth", "url_path", "column_type")
        .order_by("path")
    )


def article_groups(day: date, roots: list[str] | None = None) -> list[dict]:
    """Live articles grouped by their parent: newest shown date and counts per window."""
    start, end = day_bounds(day)
    week = start - timedelta(days=6)
    published = "first_published_at"
    return list(
        ArticlePage.objects.live()
        .filter(under(roots))
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .values("parent_path")
        .annotate(
            latest=Max("publish_date", filter=Q(publish_date__lt=end)),
            items=Count("pk"),
            on_day=Count("pk", filter=Q(**{f"{published}__gte": start, f"{published}__lt": end})),
            in_week=Count("pk", filter=Q(**{f"{published}__gte": week, f"{published}__lt": end})),
        )
        .order_by()
    )


def static_pages(roots: list[str] | None = None) -> list[dict]:
    """Live standard and industry pages: their paths and last publication."""
    rows = []
    for model in (StandardPage, IndustryPage):
        rows += model.objects.live().filter(under(roots)).values("path", "last_published_at")
    return rows


def forged_dates() -> dict[str, int]:
    """Live items whose shown date is flagged, by site root path."""
    return _count_by_root(
        ItemRecord.objects.filter(page__live=True).exclude(date_flag=DateFlag.NONE), "page__path"
    )


def _count_by_root(queryset, path_field: str, counted: str = "pk") -> dict[str, int]:
    """Distinct values of a field counted by the site root path of a page path field."""
    rows = (
        queryset.annotate(root=Substr(path_field, 1, ROOT_PATH_LENGTH))
        .values("root")
        .annotate(n=Count(counted, distinct=True))
        .order_by()
    )
    return {row["root"]: row["n"] for row in rows}
