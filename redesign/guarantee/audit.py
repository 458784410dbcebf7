"""Keep each item's trail of real times when it is published: the record the ledger reads."""

from datetime import UTC

from django.utils import timezone
from wagtail.models import Page, PageLogEntry, WorkflowState

from redesign.core.models import ArticlePage, ColumnPage, IndustryPage, StandardPage

from .models import DateFlag, ItemKind, ItemRecord
from .rules import kind_for_column_type

# A shown date this far past the first publication is a forged one (clock skew and the
# editor's own minute-precision field stay inside it).
DATE_TOLERANCE = timezone.timedelta(minutes=5)


def column_of(page: Page) -> ColumnPage | None:
    """The nearest column above the page, if any."""
    return (
        ColumnPage.objects.filter(
            path__in=[page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
        )
        .order_by("-depth")
        .only("column_type", "path", "depth")
        .first()
    )


def item_kind(page: Page) -> tuple[str, str]:
    """The quota kind and column type of a published page; other pages are not items."""
    if isinstance(page, ArticlePage):
        column = column_of(page)
        column_type = column.column_type if column else ""
        return kind_for_column_type(column_type), column_type
    if isinstance(page, StandardPage | IndustryPage):
        return ItemKind.STATIC, ""
    return ItemKind.OTHER, ""


def _utc(moment) -> str | None:
    """A moment as an ISO 8601 string in UTC, for the history kept as JSON."""
    return moment.astimezone(UTC).isoformat() if moment else None


def _publisher(page: Page):
    """The user of the page's latest publish log entry."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.user if entry else None


def _fill_submission(record: ItemRecord, page: Page) -> None:
    """Who submitted and who first reviewed, from the page's latest workflow."""
    # the latest workflow of the page, whatever its end: one cancelled by a direct publication
    # was still the informant's submission
    state = (
        WorkflowState.objects.for_instance(page)
        .select_related("requested_by")
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None:
        record.submitted_by = page.owner
        return
    record.submitted_at = state.created_at
    record.submitted_by = state.requested_by or page.owner
    review = (
        state.task_states.filter(status="approved")
        .select_related("finished_by")
        .order_by("finished_at", "pk")
        .first()
    )
    if review is not None:
        record.reviewed_at = review.finished_at
        record.reviewed_by = review.finished_by


def record_publication(page: Page) -> ItemRecord | None:
    """Create or update the page's record at publication; flag a forged or altered shown date."""
    page = page.specific
    if getattr(page, "is_imported", False):
        return None  # a legacy page's real times are unknown: the import is not its publication
    kind, column_type = item_kind(page)
    if kind == ItemKind.OTHER and not isinstance(page, ArticlePage):
        return None
    shown = getattr(page, "publish_date", None)
    record = ItemRecord.objects.filter(page=page).first()
    if record is None:
        first = page.first_published_at or timezone.now()
        record = ItemRecord(
            page=page,
            site=page.get_site(),
            first_published_at=first,
            shown_date_at_publish=shown,
            shown_date=shown,
            published_by=_publisher(page),
        )
        _fill_submission(record, page)
        if shown and shown > first + DATE_TOLERANCE:
            record.date_flag = DateFlag.FUTURE
    elif shown != record.shown_date:
        publisher = _publisher(page)
        record.date_history = [
            *record.date_history,
            {
                "at": _utc(timezone.now()),
                "from": _utc(record.shown_date),
                "to": _utc(shown),
                "by": publisher.get_username() if publisher else None,
            },
        ]
        record.shown_date = shown
        if record.shown_date_at_publish is not None or shown is not None:
            record.date_flag = record.date_flag or DateFlag.CHANGED
    record.kind = kind
    record.column_type = column_type
    record.origin = getattr(page, "origin", "")
    record.save()
    return record


def record_publisher(page_id: int, user) -> None:
    """Credit the first publication to the user of its publish log entry (written after it)."""
    if user is not None:
        ItemRecord.objects.filter(page_id=page_id, published_by__isnull=True).update(
            published_by=user
        )
