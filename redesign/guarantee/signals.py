"""Signal receivers: publication keeps the item records (and the findings that read live text)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from .audit import record_publication, record_publisher


@receiver(page_published, dispatch_uid="guarantee_record_publication")
def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """Record the item's real times when a page goes live."""
    record_publication(instance)


@receiver(post_save, sender=PageLogEntry, dispatch_uid="guarantee_record_publisher")
def on_publish_logged(sender, instance, created=False, **kwargs) -> None:
    """Wagtail logs a publication after its signal: the log entry names who published."""
    if created and instance.action == "wagtail.publish":
        record_publisher(instance.page_id, instance.user)
