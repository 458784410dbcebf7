"""Working days: the statutory Chinese calendar (chinesecalendar) with the admin's overrides."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
from django.conf import settings
from django.utils import timezone

from .models import CalendarDay, CalendarKind


def local_zone() -> ZoneInfo:
    """The cluster's time zone (Asia/Shanghai): the day a quota counts is a day there."""
    return ZoneInfo(settings.TIME_ZONE)


def local_today() -> date:
    """Today in the cluster's time zone."""
    return timezone.localtime(timezone.now(), local_zone()).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The aware moments at which a local day starts and the next one starts."""
    zone = local_zone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


class WorkingCalendar:
    """Answers whether a day is worked, for one site, from overrides loaded once."""

    def __init__(self, kind: str, overrides: dict[date, bool] | None = None):
        self.kind = kind
        self.overrides = overrides or {}

    def is_working_day(self, day: date) -> bool:
        """Overrides first; then the statutory calendar, or weekdays for years it does not know."""
        if self.kind == CalendarKind.EVERY_DAY:
            return True
        if day in self.overrides:
            return self.overrides[day]
        if self.kind == CalendarKind.STATUTORY:
            try:
                return chinese_calendar.is_workday(day)
            except NotImplementedError:  # a year the package has no data for yet
                pass
        return day.weekday() < 5

    def working_days(self, days: Iterable[date]) -> list[date]:
        """The worked days among the given ones."""
        return [day for day in days if self.is_working_day(day)]


def load_overrides(site_ids: Iterable[int], start: date, end: date) -> dict[int | None, dict]:
    """Calendar overrides between two dates (inclusive): cluster-wide under None, else by site."""
    found: dict[int | None, dict] = {None: {}}
    rows = CalendarDay.objects.filter(date__gte=start, date__lte=end).values_list(
        "site_id", "date", "is_working_day"
    )
    wanted = set(site_ids)
    for site_id, day, working in rows:
        if site_id is None or site_id in wanted:
            found.setdefault(site_id, {})[day] = working
    return found


def calendar_for(kind: str, site_id: int, overrides: dict[int | None, dict]) -> WorkingCalendar:
    """A site's calendar: the cluster's overrides, then the site's own on top."""
    merged = {**overrides.get(None, {}), **overrides.get(site_id, {})}
    return WorkingCalendar(kind, merged)
