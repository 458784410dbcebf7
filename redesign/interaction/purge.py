"""The purge of citizens' personal data once a site's retention period has passed."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Question
from .models.question import OPEN_STATUSES


def purge_due(site, days: int, now=None):
    """The site's closed questions older than the retention period that still hold personal data."""
    now = now or timezone.now()
    return Question.objects.filter(
        site=site, purged_at__isnull=True, submitted_at__lt=now - timedelta(days=days)
    ).exclude(status__in=OPEN_STATUSES)


@transaction.atomic
def purge(questions, now=None) -> int:
    """Clear name, phone, email, address and attachment of the questions; the Q&A stays."""
    now = now or timezone.now()
    count = 0
    for question in questions.select_for_update():
        if question.attachment:
            question.attachment.delete(save=False)
        question.name = question.phone = question.email = ""
        question.ip_address = None
        question.purged_at = now
        question.save(
            update_fields=["name", "phone", "email", "ip_address", "attachment", "purged_at"]
        )
        count += 1
    return count
