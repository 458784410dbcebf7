"""What the guarantee reads: the 3-month veto counts, the reply figures, and the site's health."""

from datetime import timedelta

from django.utils import timezone

from redesign.core.workdays import local_today
from redesign.guarantee.health import Status, site_health
from redesign.interaction.interface import overdue_counts, reply_stats

from .conftest import make_question


def test_overdue_counts_only_valid_open_questions_over_ninety_days(board, other_board):
    """Open and older than 90 days counts; answered, refused and younger ones do not."""
    today = local_today()
    make_question(board, days_ago=95)
    make_question(board, days_ago=91, status="assigned")
    make_question(board, days_ago=120, status="answered", answered_at=timezone.now())
    make_question(board, days_ago=120, status="rejected")
    make_question(board, days_ago=80, status="accepted")  # 11 days before it goes over
    make_question(other_board, days_ago=10)
    counts = overdue_counts([board.site.pk, other_board.site.pk], today)
    assert counts[board.site.pk] == (2, 11)
    assert counts[other_board.site.pk] == (0, 81)


def test_no_open_question_means_no_clock(board):
    """Nothing owed: zero over the line, no days left to count."""
    make_question(board, days_ago=30, status="published", answered_at=timezone.now())
    assert overdue_counts([board.site.pk], local_today()) == {board.site.pk: (0, None)}


def test_the_ninetieth_day_is_still_inside_the_line(board):
    """Exactly 90 days: not yet over; it goes over tomorrow."""
    make_question(board, days_ago=90)
    assert overdue_counts([board.site.pk], local_today()) == {board.site.pk: (0, 1)}


def test_reply_stats(board):
    """Received, answered, on time and the median over a period; refused ones left out."""
    now = timezone.now()
    make_question(board, days_ago=10, status="published", answered_at=now - timedelta(days=8))
    make_question(board, days_ago=10, status="answered", answered_at=now - timedelta(days=6))
    late = make_question(board, days_ago=20, status="withheld", answered_at=now)
    make_question(board, days_ago=5)
    make_question(board, days_ago=5, status="rejected")
    make_question(board, days_ago=60, status="published", answered_at=now)  # before the period
    stats = reply_stats([board.site.pk], local_today() - timedelta(days=30), local_today())
    figures = stats[board.site.pk]
    assert (figures.received, figures.answered) == (4, 3)
    assert figures.on_time == 2  # the 20-day one missed its 7-day deadline
    assert figures.median_days == 4.0
    assert figures.reply_rate == 0.75
    assert late.answered_on_time is False


def test_the_guarantee_marks_a_site_red_for_an_overdue_question(board):
    """The health report's 留言超期未回复 veto is read through the interface."""
    make_question(board, days_ago=100)
    report = site_health(local_today(), site_ids=[board.site.pk])[0]
    veto = next(v for v in report.veto_counts if v.key == "unanswered_questions")
    assert veto.count == 1
    assert report.status == Status.RED
    assert "unanswered_questions" in {v.key for v in report.veto_risks}


def test_published_answers_fill_the_interaction_column(board):
    """互动 is blank with no public answer; one published answer fills it."""
    from redesign.core.column_types import ColumnType

    def interaction_column():
        report = site_health(local_today(), site_ids=[board.site.pk])[0]
        return next(c for c in report.columns if c.column_type == ColumnType.INTERACTION)

    assert interaction_column().blank
    make_question(board, days_ago=3, status="answered", answered_at=timezone.now())
    assert interaction_column().blank  # answered, not yet public
    make_question(board, days_ago=3, status="published", answered_at=timezone.now())
    assert not interaction_column().blank
