"""Assemble each site's health from the engine's queries: a fixed number for the whole cluster."""

from collections import defaultdict
from datetime import date, timedelta

from wagtail.models import Page

from redesign.core.column_types import FRESHNESS_RULES, ColumnType
from redesign.core.workdays import calendar_for, day_bounds, load_overrides, local_today, local_zone

from .. import questions
from ..linkcheck import latest_runs
from ..models import ItemKind
from ..originality import originality_by_site
from ..rules import STALE_GROUP_TYPES, VETO_RULES, kind_for_column_type
from ..wording import serious_findings_count_by_site
from . import queries
from .report import ColumnState, QuotaCount, SiteHealth, Status, VetoCount


class _SiteTally:
    """Running totals of one site while the cluster's rows are read."""

    def __init__(self):
        self.on_day = defaultdict(int)
        self.in_week = defaultdict(int)
        self.latest = None

    def quota(self, kind: str, minimum: int, week_days: int, target: int | None = None):
        """The site's items of one kind on the day and over the week against the minimum."""
        return QuotaCount(
            self.on_day[kind],
            minimum,
            minimum if target is None else target,
            self.in_week[kind],
            minimum * week_days,
        )


def _later(a, b):
    """The later of two moments, either of which may be missing."""
    if a is None:
        return b
    return a if b is None or a >= b else b


def site_health(
    day: date | None = None,
    hostnames: list[str] | None = None,
    site_ids: list[int] | None = None,
) -> list[SiteHealth]:
    """The health of every site (or those named by hostname or id) on a day, today by default."""
    day = day or local_today()
    zone = local_zone()
    sites = queries.sites(hostnames, site_ids)
    if not sites:
        return []
    ids = [site.pk for site in sites]
    roots = {site.root_page.path: site for site in sites}
    root_length = queries.ROOT_PATH_LENGTH
    policies = queries.policies(ids)
    overrides = load_overrides(ids, day - timedelta(days=6), day)

    # the whole cluster is read without a filter; a few named sites through the path index
    scope = None if hostnames is None and site_ids is None else list(roots)
    columns = {c["path"]: c for c in queries.columns(scope) if c["path"][:root_length] in roots}
    latest: dict[str, object] = {}
    items: dict[str, int] = defaultdict(int)
    tallies = {path: _SiteTally() for path in roots}

    def column_paths(path: str) -> list[str]:
        """The columns at or above a path, nearest first."""
        found = []
        while len(path) > root_length:
            if path in columns:
                found.append(path)
            path = path[: -Page.steplen]
        return found

    def kind_at(above: list[str]) -> str:
        """The quota kind of an item under its nearest column."""
        return kind_for_column_type(columns[above[0]]["column_type"]) if above else ItemKind.OTHER

    for row in queries.article_groups(day, scope):
        tally = tallies.get(row["parent_path"][:root_length])
        if tally is None:
            continue
        above = column_paths(row["parent_path"])
        for path in above:
            items[path] += row["items"]
            latest[path] = _later(latest.get(path), row["latest"])
        kind = kind_at(above)
        tally.on_day[kind] += row["on_day"]
        tally.in_week[kind] += row["in_week"]
        tally.latest = _later(tally.latest, row["latest"])

    end = day_bounds(day)[1]
    for row in queries.static_pages(scope):
        tally = tallies.get(row["path"][:root_length])
        moment = row["last_published_at"]
        if tally is None or moment is None or moment >= end:
            continue
        for path in column_paths(row["path"][: -Page.steplen]):
            items[path] += 1
            latest[path] = _later(latest.get(path), moment)
        tally.latest = _later(tally.latest, moment)
        local = moment.astimezone(zone).date()
        if local == day:
            tally.on_day[ItemKind.STATIC] += 1
        if day - timedelta(days=6) <= local <= day:
            tally.in_week[ItemKind.STATIC] += 1

    forged = queries.forged_dates()
    wording = serious_findings_count_by_site(ids)
    originality = originality_by_site(ids, day)
    link_checks = latest_runs(ids)
    unanswered = questions.unanswered_counts(ids, day)
    answered = questions.published_counts(ids) or {}  # a 互动 column is filled by its answers

    def age(moment) -> int | None:
        """Whole local days from a moment to the day."""
        return None if moment is None else (day - moment.astimezone(zone).date()).days

    reports = []
    for site in sites:
        root = site.root_page.path
        policy, tally = policies[site.pk], tallies[root]
        calendar = calendar_for(policy.calendar, site.pk, overrides)
        week_days = len(calendar.working_days(day - timedelta(days=n) for n in range(7)))
        states = [
            ColumnState(
                page_id=c["pk"],
                title=c["title"],
                url_path=c["url_path"],
                column_type=c["column_type"],
                max_age_days=FRESHNESS_RULES[c["column_type"]].max_age_days,
                days_since=age(latest.get(path)),
                item_count=items.get(path, 0)
                + (answered.get(site.pk, 0) if c["column_type"] == ColumnType.INTERACTION else 0),
            )
            for path, c in columns.items()
            if path.startswith(root)
        ]
        home_age = age(_later(tally.latest, site.root_page.last_published_at))
        health = SiteHealth(
            site_id=site.pk,
            hostname=site.hostname,
            site_name=site.site_name or site.hostname,
            day=day,
            working_day=calendar.is_working_day(day),
            dynamic=tally.quota(
                ItemKind.DYNAMIC, policy.dynamic_daily_min, week_days, policy.dynamic_daily_target
            ),
            static=tally.quota(ItemKind.STATIC, policy.static_daily_min, week_days),
            columns=states,
            home_age_days=home_age,
            home_max_age_days=policy.home_max_age_days,
            veto_counts=[],
            originality=originality.get(site.pk, {}),
            links=_links(link_checks.get(site.pk)),
            warning_days=policy.warning_days,
        )
        health.veto_counts = _veto_counts(
            health,
            forged.get(root, 0),
            wording.get(site.pk, 0),
            None if unanswered is None else unanswered.get(site.pk, (0, None)),
        )
        health.status = _status(health)
        reports.append(health)
    return reports


def _days_to_threshold(states: list[ColumnState], threshold: int) -> int | None:
    """Days until the count of stale columns among these reaches the threshold, if nothing
    is published (0 when it has); None when too few columns could go stale."""
    stale = sum(1 for s in states if s.stale)
    needed = threshold - stale
    if needed <= 0:
        return 0
    fresh = sorted(s.days_left for s in states if s.days_left is not None)
    return fresh[needed - 1] + 1 if len(fresh) >= needed else None


def _veto_counts(
    health: SiteHealth, forged: int, wording: int, unanswered: tuple[int, int | None] | None
) -> list[VetoCount]:
    """The 19号 counts of one site against their thresholds."""
    states = health.columns
    ruled = [s for s in states if s.max_age_days is not None]
    stale_group = [s for s in ruled if s.column_type in STALE_GROUP_TYPES]

    def count(key: str, value: int, days_left: int | None = None) -> VetoCount:
        """One count with its rule's label, threshold and basis."""
        rule = VETO_RULES[key]
        left = None if value >= rule.threshold else days_left
        return VetoCount(key, str(rule.label), value, rule.threshold, left, str(rule.basis))

    home_age = health.home_age_days
    home_stale = home_age is None or home_age > health.home_max_age_days
    counts = [
        count(
            "stale_columns",
            sum(1 for s in stale_group if s.stale),
            _days_to_threshold(stale_group, VETO_RULES["stale_columns"].threshold),
        ),
        count(
            "should_update",
            sum(1 for s in ruled if s.stale),
            _days_to_threshold(ruled, VETO_RULES["should_update"].threshold),
        ),
        count("blank_columns", len(health.blank_columns)),
        count(
            "home_stale",
            int(home_stale),
            None if home_stale else health.home_max_age_days - home_age + 1,
        ),
        count("forged_dates", forged),
        count("wording", wording),
    ]
    if unanswered is not None:
        overdue, days_left = unanswered
        counts.append(count("unanswered_questions", overdue, days_left))
    return counts


def _status(health: SiteHealth) -> str:
    """Red while a veto risk stands; amber for a missed quota or a threshold under warning."""
    if health.veto_risks:
        return Status.RED
    soonest = health.soonest
    if health.quota_missed or (soonest is not None and soonest.days_left < health.warning_days):
        return Status.AMBER
    return Status.GREEN


def _links(run) -> dict:
    """The latest link check's counts, or nothing when none has run."""
    if run is None:
        return {}
    return {
        "checked_at": run.started_at.isoformat(),
        "pages": run.pages_checked,
        "broken_internal": run.broken_internal,
        "broken_external": run.broken_external,
        "missing_images": run.missing_images,
    }
