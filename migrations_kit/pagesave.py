"""The importer's one fast seam into Wagtail's page tree: add a page as add_child + publish would.

`create_page` writes what `parent.add_child(instance=page)` followed by
`page.save_revision().publish()` (or, for a draft, `save_revision()` alone) writes for a new page
without comments, workflow, schedule or aliases: the same tree fields, the same revision content,
the same log entries (the rows Wagtail's `log()` writes, in one insert), the same `page_published`
and `published` signals. It skips their validation and look-up queries only: the writer has checked
the slug, the shown date and the origin (`ArticlePage.publication_errors`), and this module checks
the parent type. tests/migrations_kit/test_pagesave_contract.py holds it to that, and names what
still differs.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, published


class ParentTypeError(ValueError):
    """A page type that may not live under the given parent (its parent_page_types forbid it)."""


class ParentCache:
    """The columns pages are added under, fetched once per run (path, depth, url_path, locale)."""

    def __init__(self) -> None:
        """Start empty."""
        self.pages: dict[int, Page] = {}
        self.allowed: dict[tuple[type[Page], int], bool] = {}

    def get(self, page_id: int) -> Page:
        """The parent page of a new page (fetched on first use)."""
        page = self.pages.get(page_id)
        if page is None:
            page = Page.objects.get(pk=page_id)
            self.pages[page_id] = page
        return page

    def may_hold(self, parent: Page, page_class: type[Page]) -> bool:
        """Whether parent may hold a page of page_class (its parent and subpage rules, cached)."""
        key = (page_class, parent.pk)
        if key not in self.allowed:
            self.allowed[key] = page_class.can_exist_under(parent)
        return self.allowed[key]


def check_parent(parent: Page, page: Page, parents: ParentCache | None = None) -> None:
    """Refuse a page whose type may not be created under parent, as Wagtail's admin would."""
    page_class = type(page)
    allowed = (parents or ParentCache()).may_hold(parent, page_class)
    if not allowed:
        raise ParentTypeError(
            _("「%(type)s」类型的页面不能放在「%(parent)s」下")
            % {"type": page_class._meta.verbose_name, "parent": parent.title}
        )


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
    parent: Page, page: Page, publish: bool, parents: ParentCache | None = None
) -> Revision:
    """Insert page as parent's last child with its first revision, published (or a draft), logged.

    The page row is written as add_child writes it, the revision is taken of that row as
    save_revision takes it, and one update then sets what save_revision and publish set.
    """
    check_parent(parent, page, parents)
    page.depth = parent.depth + 1
    page.path = _child_path(parent)
    page.numchild = 0
    page.set_url_path(parent)
    page.locale_id = parent.locale_id
    page.draft_title = page.title
    page.live = publish  # as built for add_child: a draft is never inserted live
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = None
    page.latest_revision_created_at = None
    page._cached_parent_obj = parent
    page._is_site_root = False
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    page.save(clean=False, log_action=None)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=None,
        content=_revision_content(page),
        object_str=str(page),
    )
    _finish(page, revision, publish)
    _log(page, revision if publish else None)
    if publish:
        # legacy_import tells receivers that read page text to wait for the importer's bulk
        # pass (the legacy_pages_imported hook) rather than work once per page
        page_published.send(
            sender=page.specific_class, instance=page, revision=revision, legacy_import=True
        )
        published.send(sender=type(page), instance=page, revision=revision, legacy_import=True)
    return revision


def _finish(page: Page, revision: Revision, publish: bool) -> None:
    """Set, in one update, the fields save_revision and then publish leave on the page row."""
    now = timezone.now()
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    page.has_unpublished_changes = not publish
    page.live = publish
    page.expired = False
    page.live_revision = revision if publish else None
    if publish:
        page.first_published_at = page.last_published_at = now
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision,
        latest_revision_created_at=revision.created_at,
        has_unpublished_changes=page.has_unpublished_changes,
        live=publish,
        expired=False,
        live_revision=page.live_revision,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
    )


def _log(page: Page, published_revision: Revision | None) -> None:
    """The history rows log() writes for add_child (wagtail.create) and publish, in one insert.

    Like Wagtail, the create entry names no revision and the publish entry names the published one.
    """
    context = get_active_log_context()
    entry = {
        "content_type": ContentType.objects.get_for_model(page, for_concrete_model=False),
        "label": page.get_admin_display_title(),
        "page_id": page.pk,
        "user": context.user,
        "uuid": context.uuid,
        "content_changed": True,
        "data": {},
    }
    now = timezone.now()
    entries = [PageLogEntry(action="wagtail.create", timestamp=now, revision=None, **entry)]
    if published_revision is not None:
        entries.append(
            PageLogEntry(
                action="wagtail.publish", timestamp=now, revision=published_revision, **entry
            )
        )
    PageLogEntry.objects.bulk_create(entries)
