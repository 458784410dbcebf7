"""Deadlines in working days: the statutory calendar, the cluster's and the site's overrides."""

from datetime import date, timedelta

from redesign.core.models import CalendarKind
from redesign.core.workdays import WorkingCalendar, calendar_for, load_overrides

# Far enough ahead for 15 working days across the longest holiday (Spring Festival, National Day).
LOOKAHEAD_DAYS = 60


def site_calendar(site_id: int, start: date, end: date) -> WorkingCalendar:
    """The site's statutory working calendar between two dates, overrides loaded once."""
    overrides = load_overrides([site_id], start, end)
    return calendar_for(CalendarKind.STATUTORY, site_id, overrides)


def add_working_days(start: date, days: int, calendar: WorkingCalendar) -> date:
    """The day the deadline falls on: the days-th working day after the start day."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def working_days_between(start: date, end: date, calendar: WorkingCalendar) -> int:
    """Working days after the start up to and including the end (0 when the end is not later)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


def due_date(site_id: int, submitted: date, reply_days: int) -> date:
    """The reply deadline of a question submitted on a day."""
    calendar = site_calendar(site_id, submitted, submitted + timedelta(days=LOOKAHEAD_DAYS))
    return add_working_days(submitted, reply_days, calendar)
