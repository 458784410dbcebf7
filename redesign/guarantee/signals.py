"""Signal receivers: publication keeps the item records (and the findings that read live text)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageLogEntry
from wagtail.signals import (
    page_published,
    page_unpublished,
    task_approved,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from . import notify, wording
from .audit import record_publication, record_publisher
from .models import WordingRule
from .originality import on_article_published


@receiver(page_published, dispatch_uid="guarantee_record_publication")
def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """Record the item's real times when a page goes live."""
    record_publication(instance)


@receiver(page_published, dispatch_uid="guarantee_fingerprint_article")
def on_article_published_receiver(sender, instance, revision=None, **kwargs) -> None:
    """Fingerprint a published article and flag it when it repeats an earlier page as 原创
    (an import fingerprints its pages in bulk afterwards: legacy.py)."""
    if not kwargs.get("legacy_import"):
        on_article_published(instance)


@receiver(post_save, sender=PageLogEntry, dispatch_uid="guarantee_record_publisher")
def on_publish_logged(sender, instance, created=False, **kwargs) -> None:
    """Wagtail logs a publication after its signal: the log entry names who published."""
    if created and instance.action == "wagtail.publish":
        record_publisher(instance.page_id, instance.user)


# Workflow notices (notify.py): every step to the site's group robot, and the mail Wagtail lacks.
task_submitted.connect(notify.on_task_submitted, dispatch_uid="guarantee_notify_task_submitted")
task_approved.connect(notify.on_task_approved, dispatch_uid="guarantee_notify_task_approved")
workflow_approved.connect(
    notify.on_workflow_approved, dispatch_uid="guarantee_notify_workflow_approved"
)
workflow_rejected.connect(
    notify.on_workflow_rejected, dispatch_uid="guarantee_notify_workflow_rejected"
)


# 规范用语 (wording.py): findings of the live version; the compiled rules follow their edits.
page_published.connect(wording.on_page_published, dispatch_uid="guarantee_wording_published")
page_unpublished.connect(wording.on_page_unpublished, dispatch_uid="guarantee_wording_unpublished")
post_save.connect(wording.on_rule_changed, sender=WordingRule, dispatch_uid="guarantee_rule_saved")
post_delete.connect(wording.on_rule_changed, sender=WordingRule, dispatch_uid="guarantee_rule_gone")
