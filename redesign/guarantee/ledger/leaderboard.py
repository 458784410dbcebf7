"""The 评优 leaderboards of a period: sites and people ranked, candidate 先进单位 and 先进个人.

Sites are ranked on three counts: items published, originality (the share of articles that are
原创 and not flagged as repeating an earlier page) and the median minutes from submission to
first publication. Each count gives a rank (ties share it); the sum of the three ranks orders
the sites, the lowest first. People are ranked by the items they submitted and published.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Site

from redesign.core.models.article import ArticleOrigin

from ..models import NearDuplicate
from .credit import credited_records, person_name, role_counts

TOP = 3  # candidates named per list


@dataclass
class SiteRank:
    """One site's counts for the period and its place."""

    site_id: int
    name: str
    hostname: str
    published: int = 0
    articles: int = 0
    original: int = 0
    flagged: int = 0
    median_minutes: float | None = None
    ranks: dict[str, int] = field(default_factory=dict)
    score: int = 0
    rank: int = 0

    @property
    def originality(self) -> float | None:
        """The share of articles that are 原创 and not flagged as repeating an earlier page."""
        return (self.original - self.flagged) / self.articles if self.articles else None


@dataclass
class PersonRank:
    """One person's items in the period and their place."""

    user_id: int
    name: str
    username: str
    submitted: int = 0
    reviewed: int = 0
    published: int = 0
    rank: int = 0

    @property
    def items(self) -> int:
        """The items they submitted plus those they published."""
        return self.submitted + self.published


@dataclass
class Leaderboard:
    """The period's ranked sites and people, and the candidates named from their tops."""

    start: date
    end: date
    sites: list[SiteRank]
    people: list[PersonRank]
    top: int = TOP

    @property
    def candidate_units(self) -> list[SiteRank]:
        """Candidate 先进单位: the best-ranked sites that published in the period."""
        return [site for site in self.sites if site.published][: self.top]

    @property
    def candidate_people(self) -> list[PersonRank]:
        """Candidate 先进个人: the best-ranked people who submitted or published."""
        return [person for person in self.people if person.items][: self.top]


def competition_ranks(values: list, reverse: bool) -> list[int]:
    """Ranks of the values (1 is best; ties share a rank; None ranks after every value)."""
    known = sorted((v for v in values if v is not None), reverse=reverse)
    first = {}
    for place, value in enumerate(known, start=1):
        first.setdefault(value, place)
    return [first[v] if v is not None else len(known) + 1 for v in values]


def _site_counts(records) -> dict[int, dict]:
    """Items, articles, 原创 and flagged 原创 per site (one query)."""
    original = Q(origin=ArticleOrigin.ORIGINAL)
    flagged = Exists(NearDuplicate.objects.filter(page_id=OuterRef("page_id")))
    rows = (
        records.filter(site_id__isnull=False)
        .order_by()
        .values("site_id")
        .annotate(
            published=Count("pk"),
            articles=Count("pk", filter=~Q(origin="")),
            original=Count("pk", filter=original),
            flagged=Count("pk", filter=original & Q(flagged)),
        )
    )
    return {row.pop("site_id"): row for row in rows}


def _medians(records) -> dict[int, float]:
    """The median minutes from submission to first publication per site (one query)."""
    durations: dict[int, list[float]] = {}
    rows = records.filter(submitted_at__isnull=False, site_id__isnull=False).values_list(
        "site_id", "submitted_at", "first_published_at"
    )
    for site_id, submitted, published in rows.iterator(chunk_size=2000):
        minutes = (published - submitted).total_seconds() / 60
        if minutes >= 0:
            durations.setdefault(site_id, []).append(minutes)
    return {site_id: statistics.median(values) for site_id, values in durations.items()}


def leaderboard(
    start: date, end: date, site_ids: Iterable[int] | None = None, top: int = TOP
) -> Leaderboard:
    """Rank the sites (all, or those given) and their people for the days from start to end."""
    records = credited_records(None, start, end)
    if site_ids is not None:
        site_ids = list(site_ids)
        records = records.filter(site_id__in=site_ids)
    counts, medians = _site_counts(records), _medians(records)
    shown = set(counts) | set(site_ids or ())
    sites = [
        SiteRank(pk, name or hostname, hostname, **counts.get(pk, {}))
        for pk, name, hostname in Site.objects.filter(pk__in=shown)
        .order_by("hostname")
        .values_list("pk", "site_name", "hostname")
    ]
    for site in sites:
        site.median_minutes = medians.get(site.site_id)
    criteria = {
        "published": ([s.published for s in sites], True),
        "originality": ([s.originality for s in sites], True),
        "median": ([s.median_minutes for s in sites], False),
    }
    for key, (values, reverse) in criteria.items():
        for site, place in zip(sites, competition_ranks(values, reverse), strict=True):
            site.ranks[key] = place
    for site in sites:
        site.score = sum(site.ranks.values())
    sites.sort(key=lambda s: (s.score, -s.published, s.hostname))
    for site, place in zip(sites, competition_ranks([s.score for s in sites], False), strict=True):
        site.rank = place

    roles = role_counts(records)
    users = get_user_model().objects.in_bulk(list(roles))
    people = [
        PersonRank(pk, person_name(user), user.get_username(), **roles[pk])
        for pk, user in users.items()
    ]
    people.sort(key=lambda p: (-p.items, -p.submitted, -p.published, p.name, p.user_id))
    keys = [(p.items, p.submitted, p.published) for p in people]
    for person, place in zip(people, competition_ranks(keys, True), strict=True):
        person.rank = place
    return Leaderboard(start, end, sites, people, top)
