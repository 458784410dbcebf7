"""Reply deadlines in working days: weekends, statutory holidays, make-up days, overrides."""

from datetime import date

from redesign.core.models import CalendarDay
from redesign.core.workdays import WorkingCalendar
from redesign.interaction.deadlines import add_working_days, due_date, working_days_between

STATUTORY = WorkingCalendar("statutory")


def test_a_friday_question_is_due_the_next_friday():
    """Five working days skip the weekend."""
    assert add_working_days(date(2026, 11, 27), 5, STATUTORY) == date(2026, 12, 4)


def test_a_saturday_question_counts_from_monday():
    """Submitted on a rest day: Monday is the first working day."""
    assert add_working_days(date(2026, 11, 28), 1, STATUTORY) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 28), 5, STATUTORY) == date(2026, 12, 4)


def test_national_day_is_skipped_and_its_make_up_saturday_counts():
    """30 September 2026: 1-7 October are off, Saturday 10 October is worked."""
    assert add_working_days(date(2026, 9, 30), 5, STATUTORY) == date(2026, 10, 13)
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 13), STATUTORY) == 5


def test_mid_autumn_friday_is_a_holiday():
    """25 September 2026 (中秋) is off: a question of the 24th is due a day later."""
    assert add_working_days(date(2026, 9, 24), 1, STATUTORY) == date(2026, 9, 28)


def test_fifteen_days_across_the_spring_festival_of_a_known_year():
    """Submitted before 春节 2026: 15-23 February off, Saturdays 14 and 28 February worked."""
    due = add_working_days(date(2026, 2, 12), 15, STATUTORY)
    assert due == date(2026, 3, 11)


def test_working_days_between_is_zero_backwards():
    """A deadline already passed has no working days left."""
    assert working_days_between(date(2026, 12, 4), date(2026, 12, 1), STATUTORY) == 0


def test_a_year_the_package_does_not_know_falls_back_to_weekdays(db):
    """2031 is beyond chinesecalendar's data: Monday to Friday are worked."""
    assert add_working_days(date(2031, 1, 3), 1, STATUTORY) == date(2031, 1, 6)


def test_overrides_of_the_cluster_and_of_one_site(db, board, other_board):
    """A cluster holiday counts for every site; a site's make-up day for that site alone."""
    CalendarDay.objects.create(date=date(2031, 1, 6), is_working_day=False, note="元旦调整")
    CalendarDay.objects.create(date=date(2031, 1, 4), is_working_day=True, site=board.site)
    # Friday 3 January 2031, one working day
    assert due_date(board.site.pk, date(2031, 1, 3), 1) == date(2031, 1, 4)
    assert due_date(other_board.site.pk, date(2031, 1, 3), 1) == date(2031, 1, 7)
