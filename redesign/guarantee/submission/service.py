"""What the 投稿 pages do: find the columns a user may file in, create the draft, tell its state."""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.storage import Storage
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Site, WorkflowState, get_default_page_content_type

from redesign.core.column_types import ColumnType
from redesign.core.models import ArticlePage, ColumnPage

from .forms import CheckedDocument, CheckedImage

logger = logging.getLogger(__name__)

PARAGRAPH_BLOCK = "paragraph"  # blocks.streams.body_blocks: ParagraphBlock
IMAGE_BLOCK = "image"  # blocks.streams.body_blocks: ImageBlock
ATTACHMENT_BLOCK = "attachment"  # blocks.streams.attachment_blocks: AttachmentBlock


def news_columns(site: Site, user: AbstractBaseUser) -> list[ColumnPage]:
    """The site's live news columns (要闻, 动态) under which the user may add an article."""
    columns = (
        ColumnPage.objects.descendant_of(site.root_page)
        .live()
        .filter(column_type=ColumnType.NEWS)
        .order_by("path")
    )
    return [
        column
        for column in columns
        if ArticlePage.can_create_at(column) and column.permissions_for_user(user).can_add_subpage()
    ]


def site_collection(site: Site) -> Collection | None:
    """The collection holding the site's images and documents, as the cluster's hook says."""
    for fn in hooks.get_hooks("site_collection"):
        collection = fn(site)
        if collection is not None:
            return collection
    return None


def admin_edit_url(page: Page) -> str:
    """The absolute address of the page's edit view in the admin (which may be on another host)."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page.pk])


def free_slug(page: ArticlePage, column: ColumnPage) -> str:
    """A slug no child of the column has: from the title, else the article's dated fallback.

    Drafts are saved with Wagtail's minimal clean, which leaves a Chinese title's slug empty
    (ASCII-only slugs), so the slug is chosen here before the page is added.
    """
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    base = slugify(page.title, allow_unicode=allow_unicode) or page.fallback_slug_base()
    taken = set(column.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def paragraphs(text: str) -> list[tuple[str, str]]:
    """Each non-blank line of plain text as an escaped paragraph block."""
    lines = (line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return [(PARAGRAPH_BLOCK, format_html("<p>{}</p>", line)) for line in lines if line]


@dataclass(frozen=True)
class Submission:
    """What the form sent, checked: the article's fields and the files to store."""

    title: str
    text: str
    origin: str
    origin_source: str
    column: ColumnPage
    photos: list[CheckedImage]
    attachments: list[CheckedDocument]


class StoredFiles:
    """The files written while a submission is created, deleted again if it fails."""

    def __init__(self) -> None:
        """Nothing written yet."""
        self.files: list[tuple[Storage, str]] = []

    def add(self, field_file) -> None:
        """Remember a stored file (a FieldFile) to delete on failure."""
        if field_file and field_file.name:
            self.files.append((field_file.storage, field_file.name))

    def delete_all(self) -> None:
        """Delete every remembered file; a file that will not go is logged, not raised."""
        for storage, name in self.files:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("Could not delete %s after a failed submission", name)
        self.files.clear()


def _store_images(submission, user, collection, stored: StoredFiles) -> list:
    """The photos as Wagtail images in the site's collection."""
    image_model = get_image_model()
    images = []
    for number, photo in enumerate(submission.photos, start=1):
        photo.upload.name = photo.name
        image = image_model(
            title=f"{submission.title}（图{number}）"[:255],
            file=photo.upload,
            collection=collection,
            uploaded_by_user=user,
        )
        image._set_image_file_metadata()
        image.save()
        stored.add(image.file)
        images.append(image)
    return images


def _store_documents(submission, user, collection, stored: StoredFiles) -> list:
    """The attachments as Wagtail documents in the site's collection."""
    document_model = get_document_model()
    documents = []
    for attachment in submission.attachments:
        attachment.upload.name = attachment.name
        document = document_model(
            title=attachment.title[:255],
            file=attachment.upload,
            collection=collection,
            uploaded_by_user=user,
        )
        document._set_document_file_metadata()
        document.save()
        stored.add(document.file)
        documents.append(document)
    return documents


def create_submission(
    submission: Submission, user: AbstractBaseUser, site: Site
) -> tuple[ArticlePage, WorkflowState | None]:
    """Create the draft article with its media and submit it to the site's workflow.

    Everything happens in one transaction; if anything fails, the rows are rolled back and the
    files already written are deleted before the error goes on.
    """
    stored = StoredFiles()
    try:
        with transaction.atomic():
            collection = site_collection(site)
            images = _store_images(submission, user, collection, stored)
            documents = _store_documents(submission, user, collection, stored)
            body = paragraphs(submission.text)
            body += [
                (IMAGE_BLOCK, {"image": image, "alt": image.title, "caption": "", "credit": ""})
                for image in images
            ]
            page = ArticlePage(
                title=submission.title,
                owner=user,
                live=False,
                origin=submission.origin,
                origin_source=submission.origin_source,
                cover_image=images[0] if images else None,
                body=body,
                attachments=[
                    (ATTACHMENT_BLOCK, {"document": document, "title": document.title})
                    for document in documents
                ],
            )
            page.slug = free_slug(page, submission.column)
            submission.column.add_child(instance=page)
            page.save_revision(user=user, log_action=False)
            log(instance=page, action="wagtail.create", user=user, content_changed=True)
            workflow = page.get_workflow()
            state = workflow.start(page, user) if workflow is not None else None
    except BaseException:
        stored.delete_all()
        raise
    return page, state


@dataclass(frozen=True)
class SubmissionRow:
    """One of the user's submissions as the list shows it."""

    page: ArticlePage
    state: str  # draft, in_review, needs_changes, approved, published
    label: str
    comment: str
    submitted_at: datetime | None
    edit_url: str


def _task_label(task_name: str, site: Site) -> str:
    """The task's name without the site's name in front: 那坡县人民政府 审核 → 审核."""
    return task_name.removeprefix(site.site_name or "").strip() or task_name


def _row(page: ArticlePage, state: WorkflowState | None, site: Site) -> SubmissionRow:
    """A submission's state, from its page and its latest workflow state."""
    edit_url = admin_edit_url(page)
    submitted = state.created_at if state is not None else None
    if page.live:
        return SubmissionRow(page, "published", _("已发布"), "", submitted, edit_url)
    if state is None or state.status == WorkflowState.STATUS_CANCELLED:
        return SubmissionRow(page, "draft", _("草稿（未提交）"), "", submitted, edit_url)
    task_state = state.current_task_state
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = task_state.comment if task_state is not None else ""
        return SubmissionRow(page, "needs_changes", _("已退回"), comment, submitted, edit_url)
    if state.status == WorkflowState.STATUS_IN_PROGRESS and task_state is not None:
        label = _("待%(task)s") % {"task": _task_label(task_state.task.name, site)}
        return SubmissionRow(page, "in_review", label, "", submitted, edit_url)
    return SubmissionRow(page, "approved", _("已通过"), "", submitted, edit_url)


def submissions_of(user: AbstractBaseUser, site: Site, limit: int = 50) -> list[SubmissionRow]:
    """The user's own articles in the site, newest first, each with its workflow state."""
    pages = list(
        ArticlePage.objects.descendant_of(site.root_page)
        .filter(owner=user)
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )
    if not pages:
        return []
    states = (
        WorkflowState.objects.filter(
            base_content_type=get_default_page_content_type(),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task")
        .order_by("created_at", "pk")
    )
    latest = {state.object_id: state for state in states}
    return [_row(page, latest.get(str(page.pk)), site) for page in pages]
