"""Handling figures from plain rows: received, answered, on time, median days; by month."""

from dataclasses import dataclass
from datetime import date
from statistics import median

from django.utils import timezone

from redesign.core.workdays import local_zone


@dataclass(frozen=True)
class ReplyStats:
    """A site's handling figures over a period: what came in, what was answered, how fast."""

    received: int
    answered: int
    on_time: int
    median_days: float | None

    @property
    def reply_rate(self) -> float | None:
        """Answered over received, 0 to 1; None when nothing came in."""
        return self.answered / self.received if self.received else None

    @property
    def on_time_rate(self) -> float | None:
        """Answered by the deadline over answered, 0 to 1; None when nothing was answered."""
        return self.on_time / self.answered if self.answered else None


@dataclass(frozen=True)
class MonthStats:
    """One month's figures."""

    month: date  # the first day of the month
    stats: ReplyStats


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month `back` months before the day's month."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def stats_of_rows(keys, rows, answered: frozenset) -> dict:
    """ReplyStats per key from (key, status, submitted_at, answered_at, due_date) rows."""
    gathered = {key: {"received": 0, "on_time": 0, "days": []} for key in keys}
    for key, status, submitted_at, answered_at, due in rows:
        entry = gathered.setdefault(key, {"received": 0, "on_time": 0, "days": []})
        entry["received"] += 1
        if status in answered and answered_at is not None:
            answered_on = local_date(answered_at)
            entry["days"].append((answered_on - local_date(submitted_at)).days)
            entry["on_time"] += answered_on <= due
    return {
        key: ReplyStats(
            received=entry["received"],
            answered=len(entry["days"]),
            on_time=entry["on_time"],
            median_days=float(median(entry["days"])) if entry["days"] else None,
        )
        for key, entry in gathered.items()
    }


def local_date(moment) -> date:
    """The local (Asia/Shanghai) day of an aware moment."""
    return timezone.localtime(moment, local_zone()).date()
