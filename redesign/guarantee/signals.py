"""Signal receivers: publication keeps the item records (and the findings that read live text)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .audit import record_publication


@receiver(page_published, dispatch_uid="guarantee_record_publication")
def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """Record the item's real times when a page goes live."""
    record_publication(instance)
