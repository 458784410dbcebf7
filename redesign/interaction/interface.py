"""What other apps may read of the interaction: the veto clock's counts and the reply figures."""

from datetime import date, timedelta

from django.db.models import Count, Min

from redesign.core.workdays import day_bounds

from .models import Question
from .models.figures import ReplyStats, local_date, stats_of_rows
from .models.question import ANSWERED_STATUSES, VETO_DAYS


def overdue_counts(site_ids: list[int], day: date) -> dict[int, tuple[int, int | None]]:
    """Per site: valid questions unanswered over 90 days on the day, and the days before the
    oldest one still inside the limit goes over (None when no open question is left)."""
    line, _ = day_bounds(day - timedelta(days=VETO_DAYS))  # submitted before this: over 90 days
    open_questions = Question.objects.open().filter(site_id__in=site_ids)
    overdue = dict(
        open_questions.filter(submitted_at__lt=line)
        .values("site_id")
        .annotate(n=Count("pk"))
        .values_list("site_id", "n")
    )
    oldest = dict(
        open_questions.filter(submitted_at__gte=line)
        .values("site_id")
        .annotate(first=Min("submitted_at"))
        .values_list("site_id", "first")
    )
    found = {}
    for site_id in site_ids:
        first = oldest.get(site_id)
        days_left = None
        if first is not None:
            days_left = (local_date(first) + timedelta(days=VETO_DAYS) - day).days + 1
        found[site_id] = (overdue.get(site_id, 0), days_left)
    return found


def published_counts(site_ids: list[int]) -> dict[int, int]:
    """Per site: the answered questions on its public board."""
    rows = (
        Question.objects.published()
        .filter(site_id__in=site_ids)
        .values("site_id")
        .annotate(n=Count("pk"))
        .values_list("site_id", "n")
    )
    return dict(rows)


def reply_stats(site_ids: list[int], start: date, end: date) -> dict[int, ReplyStats]:
    """Per site: the valid questions submitted between two days (inclusive) and their answers."""
    begin, _ = day_bounds(start)
    _, finish = day_bounds(end)
    rows = (
        Question.objects.valid()
        .filter(site_id__in=site_ids, submitted_at__gte=begin, submitted_at__lt=finish)
        .values_list("site_id", "status", "submitted_at", "answered_at", "due_date")
    )
    return stats_of_rows(site_ids, rows, ANSWERED_STATUSES)
