"""The one seam to public interaction: valid questions unanswered past the 90-day veto line."""

from datetime import date

from django.apps import apps


def unanswered_counts(site_ids: list[int], day: date) -> dict[int, tuple[int, int | None]] | None:
    """Per site: valid questions unanswered over 90 days and the days before the next one is;
    None while the interaction app is not installed (the count is then absent, not zero)."""
    if not apps.is_installed("redesign.interaction"):
        return None
    from redesign.interaction.interface import overdue_counts

    return overdue_counts(site_ids, day)
