"""Create an imported page cheaply: one insert, one revision, published in place, one log row."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published


class ParentCache:
    """The columns pages are added under, fetched once per run (path, depth, url_path, locale)."""

    def __init__(self) -> None:
        """Start empty."""
        self.pages: dict[int, Page] = {}

    def get(self, page_id: int) -> Page:
        """The parent page of a new page (fetched on first use)."""
        page = self.pages.get(page_id)
        if page is None:
            page = Page.objects.get(pk=page_id)
            self.pages[page_id] = page
        return page


def slug_taken(parent: Page, slug: str) -> bool:
    """True when a child of parent already uses slug (Page.clean's check, one query)."""
    return (
        Page.objects.filter(
            depth=parent.depth + 1,
            path__range=Page._get_children_path_interval(parent.path),
            slug=slug,
        )
        .only("pk")
        .exists()
    )


def _child_path(parent: Page) -> str:
    """The treebeard path of a new last child of parent, from the current last child."""
    last = (
        Page.objects.filter(
            depth=parent.depth + 1, path__range=Page._get_children_path_interval(parent.path)
        )
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    if last is None:
        return Page._get_path(parent.path, parent.depth + 1, 1)
    return Page(path=last, depth=parent.depth + 1)._inc_path()


def _revision_content(page: Page) -> dict:
    """The page's revision data; a new page has no child objects, so none are queried."""
    related = page.__dict__.setdefault("_cluster_related_objects", {})
    for rel in get_all_child_relations(page):
        related.setdefault(rel.get_accessor_name(), [])
    for m2m in get_all_child_m2m_relations(page):
        related.setdefault(m2m.name, [])
    return page.serializable_data()


def create_page(
    parent: Page, page: Page, publish: bool, restore: dict[str, Any] | None = None
) -> Revision:
    """Insert page as parent's last child with a revision, live (or a draft) and logged.

    Does what add_child, save_revision and publish do for a new page with no comments, workflow
    or schedule, without their validation queries: the importer has checked the slug and fields.
    restore: field values to put back after save() filled them in (before the revision is taken).
    """
    now = timezone.now()
    page.depth = parent.depth + 1
    page.path = _child_path(parent)
    page.set_url_path(parent)
    page.locale_id = parent.locale_id
    page.draft_title = page.title
    page.live = publish
    page.expired = False
    page.has_unpublished_changes = not publish
    page.latest_revision_created_at = now
    if publish:
        page.first_published_at = page.last_published_at = now
    page._cached_parent_obj = parent
    page._is_site_root = False
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    page.save(clean=False, log_action=None)
    restore = restore or {}
    for name, value in restore.items():
        setattr(page, name, value)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=None,
        content=_revision_content(page),
        object_str=str(page),
        created_at=now,
    )
    page.latest_revision = revision
    page.live_revision = revision if publish else None
    (type(page) if restore else Page).objects.filter(pk=page.pk).update(
        latest_revision=revision, live_revision=page.live_revision, **restore
    )
    _log(page, revision, publish, now)
    if publish:
        page_published.send(sender=type(page), instance=page, revision=revision)
    return revision


def _log(page: Page, revision: Revision, publish: bool, when: object) -> None:
    """The page history rows Wagtail writes for a create (and publish), in one insert."""
    content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
    actions = ["wagtail.create", *(["wagtail.publish"] if publish else [])]
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=content_type,
            label=page.get_admin_display_title(),
            action=action,
            timestamp=when,
            page_id=page.pk,
            revision=revision,
            content_changed=True,
            data={},
        )
        for action in actions
    )
