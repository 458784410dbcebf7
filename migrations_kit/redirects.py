"""Second pass: internal legacy links become page links, every legacy URL gets a 301 redirect."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from .issues import Issue, IssueCode
from .models import ImportRun, LegacyRecord, RunObject, key_digest
from .urls import INDEX_NAMES, file_kind, host_of, normalize_url, path_and_query
from .writer import edited_by_person

OLD_PATH_MAX = 255
_BATCH = 500


class LinkResolver:
    """Resolve absolute legacy URLs to ("page", id) or ("document", id) through the id map."""

    def __init__(self, site_id: int, legacy_host: str, run: ImportRun, store: Any = None) -> None:
        """Cache page ids by legacy key; misses are looked up in the id map."""
        self.site_id = site_id
        self.legacy_host = legacy_host
        self.run = run
        self.store = store
        self.pages: dict[str, int] = {}
        self._images = 0
        self._documents = 0

    def remember(self, key: str, page_id: int) -> None:
        """Note the page of a legacy key written in this run."""
        self.pages[key] = page_id

    def __call__(self, url: str) -> tuple[str, int] | None:
        """The internal link for a legacy URL, or None (other hosts are never resolved)."""
        try:
            key = normalize_url(url)
        except ValueError:
            return None
        if urlsplit(key).scheme not in ("http", "https") or host_of(key) != self.legacy_host:
            return None
        if file_kind(key) == "document" and self.store is not None:
            document = self.store.document(key, "")
            return ("document", document.pk) if document is not None else None
        for candidate in self._candidates(key):
            page_id = self.pages.get(candidate)
            if page_id is None:
                page_id = (
                    LegacyRecord.objects.filter(
                        site_id=self.site_id, key_hash=key_digest(candidate), page__isnull=False
                    )
                    .values_list("page_id", flat=True)
                    .first()
                )
            if page_id is not None:
                return ("page", page_id)
        return None

    @staticmethod
    def _candidates(key: str) -> list[str]:
        """The key, and for a folder URL its index pages."""
        if key.endswith("/"):
            return [key, *(key + name for name in INDEX_NAMES)]
        return [key]

    def track_assets(self, store: Any) -> None:
        """Record the images and documents the store created since the last call."""
        self.store = store
        rows = [
            RunObject(run=self.run, kind=RunObject.Kind.IMAGE, object_id=pk)
            for pk in store.created_images[self._images :]
        ] + [
            RunObject(run=self.run, kind=RunObject.Kind.DOCUMENT, object_id=pk)
            for pk in store.created_documents[self._documents :]
        ]
        self._images = len(store.created_images)
        self._documents = len(store.created_documents)
        if rows:
            RunObject.objects.bulk_create(rows)

    def forget_since(self, store: Any, images: int, documents: int) -> None:
        """After a rolled-back page: drop assets created inside it from the store's caches."""
        lost_images = set(store.created_images[images:])
        lost_documents = set(store.created_documents[documents:])
        del store.created_images[images:]
        del store.created_documents[documents:]
        for cache, lost in ((getattr(store, "_images", {}), lost_images),
                            (getattr(store, "_documents", {}), lost_documents)):  # fmt: skip
            for url in [u for u, obj in cache.items() if obj is not None and obj.pk in lost]:
                del cache[url]
        self._images = min(self._images, images)
        self._documents = min(self._documents, documents)


def redirect_paths(legacy_key: str) -> list[str]:
    """The Redirect old_paths of a legacy URL (an index page also answers for its folder)."""
    if "://" not in legacy_key:
        return []
    path = Redirect.normalise_path(path_and_query(legacy_key))
    paths = [path] if path not in ("", "/") else []
    parts = urlsplit(legacy_key)
    name = parts.path.rsplit("/", 1)[-1].lower()
    if not parts.query and name in INDEX_NAMES:
        folder = Redirect.normalise_path(parts.path[: -len(name)] or "/")
        if folder not in ("", "/"):
            paths.append(folder)
    return paths


def ensure_redirects(site: Site, run: ImportRun) -> list[Issue]:
    """A permanent site redirect for every mapped legacy URL; never duplicated; returns issues."""
    existing = {
        old_path: (pk, page_id)
        for pk, old_path, page_id in Redirect.objects.filter(site=site).values_list(
            "pk", "old_path", "redirect_page_id"
        )
    }
    ours = set(
        RunObject.objects.filter(run__site=site, kind=RunObject.Kind.REDIRECT).values_list(
            "object_id", flat=True
        )
    )
    issues: list[Issue] = []
    pending: list[Redirect] = []
    drafts = _draft_parents(site)
    records = (
        LegacyRecord.objects.filter(site=site, page__isnull=False)
        .values_list("legacy_key", "page_id")
        .iterator(chunk_size=2000)
    )
    for legacy_key, page_id in records:
        page_id = drafts.get(page_id, page_id)  # a draft's old URL goes to its column meanwhile
        for old_path in redirect_paths(legacy_key):
            if len(old_path) > OLD_PATH_MAX:
                issues.append(
                    Issue(IssueCode.REDIRECT_TOO_LONG, legacy_key, "旧地址过长，无法建立重定向")
                )
                continue
            found = existing.get(old_path)
            if found is None:
                pending.append(
                    Redirect(
                        old_path=old_path, site=site, redirect_page_id=page_id, is_permanent=True
                    )
                )
                existing[old_path] = (0, page_id)
            elif found[1] != page_id and found[0] in ours:
                Redirect.objects.filter(pk=found[0]).update(redirect_page_id=page_id)
                existing[old_path] = (found[0], page_id)
            elif found[1] != page_id and found[0]:
                issues.append(
                    Issue(
                        IssueCode.REDIRECT_KEPT_MANUAL, legacy_key, "已有人工设置的重定向，未覆盖"
                    )
                )
        if len(pending) >= _BATCH:
            _create_redirects(pending, run)
            pending = []
    _create_redirects(pending, run)
    return issues


def _draft_parents(site: Site) -> dict[int, int]:
    """Imported pages not yet live (an empty article kept as a draft) → their column's id."""
    drafts = dict(
        Page.objects.filter(
            pk__in=LegacyRecord.objects.filter(site=site, page__isnull=False).values("page_id"),
            live=False,
        ).values_list("pk", "path")
    )
    if not drafts:
        return {}
    parents = dict(
        Page.objects.filter(
            path__in={path[: -Page.steplen] for path in drafts.values()}
        ).values_list("path", "pk")
    )
    return {pk: parents[path[: -Page.steplen]] for pk, path in drafts.items()}


def follow_publish(page: Page) -> int:
    """Point the old URLs of a page published after its import at it (they went to its column)."""
    keys = list(LegacyRecord.objects.filter(page_id=page.pk).values_list("legacy_key", "site_id"))
    if not keys:
        return 0
    parent_id = page.get_parent().pk
    paths = [(site_id, path) for key, site_id in keys for path in redirect_paths(key)]
    changed = 0
    for site_id, path in paths:
        changed += Redirect.objects.filter(
            site_id=site_id, old_path=path, redirect_page_id=parent_id
        ).update(redirect_page_id=page.pk)
    return changed


def _create_redirects(redirects: list[Redirect], run: ImportRun) -> None:
    """Bulk-create redirects and note them as created by the run."""
    if not redirects:
        return
    with transaction.atomic():
        created = Redirect.objects.bulk_create(redirects)
        RunObject.objects.bulk_create(
            RunObject(run=run, kind=RunObject.Kind.REDIRECT, object_id=r.pk, legacy_key=r.old_path)
            for r in created
        )


def rewrite_pending_links(site: Site, run: ImportRun, resolver: LinkResolver) -> Iterator[Issue]:
    """Resolve the links left pending in this run's pages; yield the legacy broken links."""
    resolver.pages.clear()
    records = (
        LegacyRecord.objects.filter(site=site, run=run, page__isnull=False)
        .filter(status__in=[LegacyRecord.Status.IMPORTED, LegacyRecord.Status.UPDATED])
        .exclude(pending_links=[])
        .only("pk", "page_id", "revision_id", "pending_links", "legacy_key")
    )
    for record in records.iterator(chunk_size=500):
        with transaction.atomic():
            page = Page.objects.get(pk=record.page_id).specific
            if edited_by_person(page.pk, record.revision_id):
                continue
            stream, count, unresolved = _rewrite(page, resolver)
            if count:
                page.body = stream
                revision = page.save_revision(user=None)
                if page.live:
                    revision.publish(skip_permission_checks=True)
                record.revision_id = revision.pk
            still = [u for u in unresolved if host_of(u) == resolver.legacy_host]
            record.pending_links = still
            record.save(update_fields=["revision", "pending_links", "updated_at"])
        for link in still:
            if file_kind(link) == "page":
                yield Issue(
                    IssueCode.LINK_BROKEN,
                    record.legacy_key,
                    f"旧站内部链接指向不存在的页面 {link}",
                )


def _rewrite(page: Page, resolver: LinkResolver) -> tuple[list[dict], int, list[str]]:
    """Rewrite the links of a page body."""
    from .building.links import rewrite_links

    return rewrite_links(list(page.body.raw_data), resolver)


def second_pass(site: Site, run: ImportRun, resolver: LinkResolver, store: Any) -> Iterator[Issue]:
    """Rewrite pending links, then make the redirects; yield issues for the report."""
    resolver.store = store
    yield from rewrite_pending_links(site, run, resolver)
    yield from ensure_redirects(site, run)
