"""One link check of a site: walk its live public pages, check every target once, keep the run."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ..models import BrokenLink, LinkCheckRun, LinkKind
from .extract import Found, is_image_path, links_in
from .fetch import ClusterHosts, ExternalFetcher, InProcessFetcher, Outcome, asset_outcome

logger = logging.getLogger(__name__)

KEEP_RUNS = 5  # runs kept per site; older ones go with their broken links
DEFAULT_MAX_LINKS = 20_000  # distinct internal targets checked in one run
DEFAULT_MAX_EXTERNAL = 500  # distinct external targets asked in one run
DEFAULT_TIMEOUT = 10  # seconds per external request

Progress = Callable[[str, int, int], None]  # (stage "pages" or "links", done, total)


@dataclass
class _Walk:
    """What one run has seen: each page's targets and every target's outcome."""

    site: Site
    hosts: ClusterHosts
    internal: InProcessFetcher
    external: ExternalFetcher | None
    max_links: int
    outcomes: dict[str, Outcome | None] = field(default_factory=dict)
    targets: list[tuple[Page, str, list[Found]]] = field(default_factory=list)
    broken: list[BrokenLink] = field(default_factory=list)
    pages_checked: int = 0
    links_checked: int = 0
    internal_asked: int = 0
    truncated: bool = False


def _pages(site: Site, max_pages: int) -> tuple[list[Page], bool]:
    """The site's live public pages in tree order, at most max_pages; whether more were left."""
    pages = list(
        Page.objects.live()
        .public()
        .descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .specific(defer=True)[: max_pages + 1]
    )
    return pages[:max_pages], len(pages) > max_pages


def _walk_pages(walk: _Walk, pages: list[Page], progress: Progress | None) -> None:
    """Fetch each page through the site's URLs; keep its targets, or record it as unreachable."""
    base = walk.site.root_url + "/"
    for done, page in enumerate(pages, start=1):
        relative = page.get_url(current_site=walk.site)
        if relative:
            url = urljoin(base, relative)
            outcome, final, content = walk.internal.fetch(url, want_content=True)
            walk.outcomes[url] = walk.outcomes[final] = outcome
            walk.pages_checked += 1
            if outcome.ok:
                walk.targets.append((page, url, links_in(content, final)))
            else:
                reason = _("页面无法访问：%s") % outcome.reason
                walk.broken.append(_broken(page, url, url, LinkKind.INTERNAL, outcome, reason))
        if progress is not None:
            progress("pages", done, len(pages))


def _check(walk: _Walk, url: str) -> Outcome | None:
    """A target's outcome (asked once a run); None when it is not checked."""
    if url in walk.outcomes:
        return walk.outcomes[url]
    internal = walk.hosts.is_internal(url)
    outcome = asset_outcome(url, internal)
    if outcome is None and internal:
        if walk.internal_asked >= walk.max_links:
            walk.truncated = True
        else:
            walk.internal_asked += 1
            outcome = walk.internal.fetch(url)[0]
    elif outcome is None and walk.external is not None:
        outcome = walk.external.check(url)
        walk.truncated |= outcome is None and walk.external.exhausted
    walk.outcomes[url] = outcome
    return outcome


def _kind(found: Found, walk: _Walk) -> str:
    """Where a broken target points: an image, a page of the cluster, or another host."""
    internal = walk.hosts.is_internal(found.url)
    asset = asset_outcome(found.url, internal) is not None
    if found.is_image or (asset and is_image_path(found.url)):
        return LinkKind.IMAGE
    return LinkKind.INTERNAL if internal or asset else LinkKind.EXTERNAL


def _broken(page, page_url, target, kind, outcome: Outcome, reason=None) -> BrokenLink:
    """An unsaved broken link row."""
    return BrokenLink(
        page=page,
        page_url=page_url[:2000],
        target_url=target[:2000],
        kind=kind,
        status=outcome.status,
        reason=(reason or outcome.reason)[:200],
    )


def _check_targets(walk: _Walk, progress: Progress | None) -> None:
    """Check every page's targets, each distinct URL once, and keep the broken ones."""
    total = len(walk.targets)
    for done, (page, page_url, targets) in enumerate(walk.targets, start=1):
        for found in targets:
            outcome = _check(walk, found.url)
            if outcome is None:
                continue
            walk.links_checked += 1
            if not outcome.ok:
                walk.broken.append(_broken(page, page_url, found.url, _kind(found, walk), outcome))
        if progress is not None:
            progress("links", done, total)


def _external_fetcher(external: bool) -> ExternalFetcher | None:
    """The fetcher of other hosts, when the run may ask them."""
    if not external:
        return None
    return ExternalFetcher(
        cap=getattr(settings, "REDESIGN_LINKCHECK_MAX_EXTERNAL", DEFAULT_MAX_EXTERNAL),
        timeout=getattr(settings, "REDESIGN_LINKCHECK_TIMEOUT", DEFAULT_TIMEOUT),
        allow_private=getattr(settings, "REDESIGN_LINKCHECK_ALLOW_PRIVATE", False),
    )


def check_site(
    site: Site,
    max_pages: int | None = None,
    external: bool | None = None,
    progress: Progress | None = None,
    save: bool = True,
) -> LinkCheckRun:
    """Check the links and images of a site's live public pages; the run, saved unless asked not.

    The run's `broken_links` attribute lists its BrokenLink rows (unsaved when save is False).
    """
    max_pages = max_pages or settings.REDESIGN_LINKCHECK_MAX_PAGES
    external = settings.REDESIGN_LINKCHECK_EXTERNAL if external is None else external
    run = LinkCheckRun(site=site, external_checked=bool(external))
    if save:
        run.save()
    else:
        run.started_at = timezone.now()
    hosts = ClusterHosts()
    walk = _Walk(
        site=site,
        hosts=hosts,
        internal=InProcessFetcher(hosts),
        external=_external_fetcher(external),
        max_links=getattr(settings, "REDESIGN_LINKCHECK_MAX_LINKS", DEFAULT_MAX_LINKS),
    )
    try:
        pages, walk.truncated = _pages(site, max_pages)
        _walk_pages(walk, pages, progress)
        _check_targets(walk, progress)
    except Exception as err:  # noqa: BLE001 - the run records why it stopped; others go on
        logger.exception("link check of %s stopped", site)
        run.error = f"{type(err).__name__}: {err}"[:2000]
    _fill(run, walk)
    if save:
        with transaction.atomic():
            run.save()
            for link in walk.broken:
                link.run = run
            BrokenLink.objects.bulk_create(walk.broken, batch_size=500)
            prune_runs(site)
    run.broken_links = walk.broken
    return run


def _fill(run: LinkCheckRun, walk: _Walk) -> None:
    """The run's totals from what the walk found."""
    kinds = [link.kind for link in walk.broken]
    run.pages_checked = walk.pages_checked
    run.links_checked = walk.links_checked
    run.broken_internal = kinds.count(LinkKind.INTERNAL)
    run.broken_external = kinds.count(LinkKind.EXTERNAL)
    run.missing_images = kinds.count(LinkKind.IMAGE)
    run.truncated = walk.truncated
    run.finished_at = timezone.now()
    for link in walk.broken:
        link.run = run


def prune_runs(site: Site, keep: int = KEEP_RUNS) -> int:
    """Delete all but the site's latest `keep` runs; how many were deleted."""
    older = LinkCheckRun.objects.filter(site=site).order_by("-started_at", "-pk")[keep:]
    stale = list(older.values_list("pk", flat=True))
    if stale:
        LinkCheckRun.objects.filter(pk__in=stale).delete()
    return len(stale)


def latest_runs(site_ids: Iterable[int]) -> dict[int, LinkCheckRun]:
    """The latest finished run of each site, in one query (sites never checked are absent)."""
    latest = (
        LinkCheckRun.objects.filter(site=OuterRef("site"), finished_at__isnull=False)
        .order_by("-started_at", "-pk")
        .values("pk")[:1]
    )
    runs = LinkCheckRun.objects.filter(
        site_id__in=list(site_ids), finished_at__isnull=False, pk=Subquery(latest)
    )
    return {run.site_id: run for run in runs}
