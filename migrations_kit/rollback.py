"""Undo one import run: the pages, images, documents and redirects it created, unless edited."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision

from .models import ImportRun, LegacyColumn, LegacyRecord, RunObject


class RollbackError(Exception):
    """The run cannot be rolled back (one line for the command)."""


@dataclass
class RollbackOutcome:
    """What a rollback removed and what it kept."""

    pages: int = 0
    images: int = 0
    documents: int = 0
    redirects: int = 0
    kept: list[str] = field(default_factory=list)


class _DryRun(Exception):
    """Roll back a dry rollback."""


def _edited(page: Page) -> bool:
    """True when a person saved a revision of the page (the importer saves without a user)."""
    return Revision.page_revisions.filter(object_id=str(page.pk)).exclude(user=None).exists()


def rollback_run(run_id: int, dry_run: bool = False) -> RollbackOutcome:
    """Delete what run_id created, keeping pages a person edited since; mark the run rolled back."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        raise RollbackError(f"导入批次 #{run_id} 不存在")
    if run.status == ImportRun.Status.ROLLED_BACK:
        raise RollbackError(f"导入批次 #{run_id} 已经回滚过")
    outcome = RollbackOutcome()
    try:
        with transaction.atomic():
            _rollback(run, outcome)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return outcome


def _objects(run: ImportRun, kind: str) -> list[int]:
    """Ids of the objects of one kind a run created."""
    return list(run.created.filter(kind=kind).values_list("object_id", flat=True))


def _rollback(run: ImportRun, outcome: RollbackOutcome) -> None:
    """The deletions, inside one transaction."""
    redirect_ids = _objects(run, RunObject.Kind.REDIRECT)
    outcome.redirects = (
        Redirect.objects.filter(pk__in=redirect_ids).delete()[1].get(Redirect._meta.label, 0)
    )
    pages = Page.objects.filter(pk__in=_objects(run, RunObject.Kind.PAGE)).order_by("-path")
    deleted: list[int] = []
    for page in pages:
        if _edited(page):
            outcome.kept.append(f"{page.title}（{page.url_path}）")
            continue
        if page.get_children().exists():
            outcome.kept.append(f"{page.title}（{page.url_path}，其下还有其他页面）")
            continue
        deleted.append(page.pk)
        page.delete()
    outcome.pages = len(deleted)
    LegacyRecord.objects.filter(page_id__in=deleted).delete()
    LegacyRecord.objects.filter(run=run, page__isnull=True).delete()
    LegacyRecord.objects.filter(run=run, status=LegacyRecord.Status.COLUMN).delete()
    # the run's new columns that went: a later run may make them again
    LegacyColumn.objects.filter(run=run, page__isnull=True).delete()
    for kind, model in (
        (RunObject.Kind.IMAGE, get_image_model()),
        (RunObject.Kind.DOCUMENT, get_document_model()),
    ):
        removed = 0
        for obj in model.objects.filter(pk__in=_objects(run, kind)):
            if ReferenceIndex.get_references_to(obj).exists():
                outcome.kept.append(f"{obj.title}（仍被其他页面使用）")
                continue
            obj.delete()
            removed += 1
        if kind == RunObject.Kind.IMAGE:
            outcome.images = removed
        else:
            outcome.documents = removed
    run.status = ImportRun.Status.ROLLED_BACK
    run.save(update_fields=["status"])
