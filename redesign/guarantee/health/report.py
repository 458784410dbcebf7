"""The health report of one site, as plain data the command, the dashboard and mail all read."""

from dataclasses import asdict, dataclass, field
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

STATUS_WORDS = {"red": _("红色"), "amber": _("黄色"), "green": _("绿色")}


class Status(models.TextChoices):
    """A site's state against the inspection: red fails it today, amber soon, green is alive."""

    RED = "red", _("红色：存在单项否决风险")
    AMBER = "amber", _("黄色：未完成更新任务或即将触发否决")
    GREEN = "green", _("绿色：正常")


@dataclass
class ColumnState:
    """A column's freshness: days since its newest dated item against its type's interval."""

    page_id: int
    title: str
    url_path: str
    column_type: str
    max_age_days: int | None
    days_since: int | None  # None: nothing dated was ever filed here
    item_count: int

    @property
    def blank(self) -> bool:
        """A column with nothing in it at all."""
        return self.item_count == 0

    @property
    def stale(self) -> bool:
        """Past its interval, or holding only undated items (undated counts as not updated)."""
        if self.max_age_days is None or self.blank:
            return False
        return self.days_since is None or self.days_since > self.max_age_days

    @property
    def days_left(self) -> int | None:
        """Days it stays fresh without an update (0: today is its last fresh day)."""
        if self.max_age_days is None or self.blank or self.stale:
            return None
        return self.max_age_days - self.days_since


@dataclass
class VetoCount:
    """One 19号 count against its threshold, and the days before it is reached."""

    key: str
    label: str
    count: int
    threshold: int
    days_left: int | None = None  # None: not reached by time alone
    basis: str = ""

    @property
    def at_risk(self) -> bool:
        """Whether the count has reached its threshold."""
        return self.count >= self.threshold


@dataclass
class QuotaCount:
    """Items of one kind published on the day and over the 7 days ending with it."""

    day: int
    minimum: int
    target: int
    week: int
    week_required: int

    @property
    def met(self) -> bool:
        """Whether the day's minimum was reached."""
        return self.day >= self.minimum


@dataclass
class SiteHealth:
    """Everything the engine knows of one site on one day."""

    site_id: int
    hostname: str
    site_name: str
    day: date
    working_day: bool
    dynamic: QuotaCount
    static: QuotaCount
    columns: list[ColumnState]
    home_age_days: int | None
    home_max_age_days: int
    veto_counts: list[VetoCount]
    originality: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    warning_days: int = 3
    status: str = Status.GREEN

    @property
    def status_label(self) -> str:
        """The status in words."""
        return str(Status(self.status).label)

    @property
    def status_word(self) -> str:
        """The status in one word: 红色, 黄色 or 绿色."""
        return str(STATUS_WORDS[self.status])

    @property
    def status_reason(self) -> str:
        """Why the site has its status, in one line."""
        if self.veto_risks:
            return "、".join(str(v.label) for v in self.veto_risks)
        reasons = []
        if self.quota_missed:
            reasons.append(str(_("未完成当日更新任务")))
        soonest = self.soonest
        if soonest is not None and soonest.days_left < self.warning_days:
            reasons.append(
                str(_("距“%(label)s”还有 %(days)s 天"))
                % {"label": soonest.label, "days": soonest.days_left}
            )
        return "；".join(reasons) or str(_("各项正常"))

    @property
    def stale_columns(self) -> list[ColumnState]:
        """Columns past their interval, the longest-stale first."""
        stale = [c for c in self.columns if c.stale]
        return sorted(stale, key=lambda c: -(c.days_since if c.days_since is not None else 10**6))

    @property
    def blank_columns(self) -> list[ColumnState]:
        """Columns with nothing in them."""
        return [c for c in self.columns if c.blank]

    @property
    def veto_risks(self) -> list[VetoCount]:
        """The counts that have reached their thresholds."""
        return [v for v in self.veto_counts if v.at_risk]

    @property
    def quota_missed(self) -> bool:
        """A working day whose dynamic or static minimum was not reached."""
        return self.working_day and not (self.dynamic.met and self.static.met)

    @property
    def soonest(self) -> VetoCount | None:
        """The threshold not yet reached that comes soonest."""
        pending = [v for v in self.veto_counts if not v.at_risk and v.days_left is not None]
        return min(pending, key=lambda v: v.days_left, default=None)

    @property
    def next_columns(self) -> list[ColumnState]:
        """Columns to publish in next: the stale ones, then those closest to going stale."""
        fresh = sorted(
            (c for c in self.columns if c.days_left is not None), key=lambda c: c.days_left
        )
        return [*self.stale_columns, *fresh][:5]

    def as_dict(self) -> dict:
        """The report as JSON-ready data (the --format json object of one site)."""
        columns = [
            {**asdict(c), "days_left": c.days_left, "stale": c.stale, "blank": c.blank}
            for c in self.columns
        ]
        by_id = {c["page_id"]: c for c in columns}
        return {
            "hostname": self.hostname,
            "site_name": self.site_name,
            "date": self.day.isoformat(),
            "status": self.status,
            "working_day": self.working_day,
            "quota": {
                "dynamic": {**asdict(self.dynamic), "met": self.dynamic.met},
                "static": {**asdict(self.static), "met": self.static.met},
                "missed": self.quota_missed,
            },
            "veto_risks": [_veto_dict(v) for v in self.veto_risks],
            "thresholds": [_veto_dict(v) for v in self.veto_counts],
            "stale_columns": [by_id[c.page_id] for c in self.stale_columns],
            "blank_columns": [by_id[c.page_id] for c in self.blank_columns],
            "home": {
                "age_days": self.home_age_days,
                "max_age_days": self.home_max_age_days,
            },
            "originality": self.originality,
            "links": self.links,
            "columns": columns,
        }


def _veto_dict(veto: VetoCount) -> dict:
    """One veto count as JSON-ready data."""
    return {
        **asdict(veto),
        "label": str(veto.label),
        "basis": str(veto.basis),
        "at_risk": veto.at_risk,
    }
