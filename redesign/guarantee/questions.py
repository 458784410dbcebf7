"""The seam to public interaction: the 90-day veto counts, and the answers that fill 互动."""

from datetime import date

from django.apps import apps


def unanswered_counts(site_ids: list[int], day: date) -> dict[int, tuple[int, int | None]] | None:
    """Per site: valid questions unanswered over 90 days and the days before the next one is;
    None while the interaction app is not installed (the count is then absent, not zero)."""
    if not apps.is_installed("redesign.interaction"):
        return None
    from redesign.interaction.interface import overdue_counts

    return overdue_counts(site_ids, day)


def published_counts(site_ids: list[int]) -> dict[int, int] | None:
    """Per site: answered questions the public can read (they fill the 互动 column); None while
    the interaction app is not installed."""
    if not apps.is_installed("redesign.interaction"):
        return None
    from redesign.interaction.interface import published_counts as counts

    return counts(site_ids)
