"""Import a legacy site, streaming: per file extract → map → build → write, then redirects."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Collection, Site

from .extract import CAPPED_FLAG, ExtractedPage, extract_page
from .extract.dates import BODY_GUESS
from .indexing import deferred_indexing, index_pages, index_references
from .issues import Issue, IssueCode
from .mapping import HOLDING_SLUG, ColumnMapper, Target, old_columns
from .models import ImportRun, LegacyRecord, RunObject, key_digest
from .pagesave import ParentCache
from .redirects import LinkResolver, second_pass
from .report import STATUS_ORDER, Fate, ReportWriter
from .signals import importing
from .sources import Source, SourceItem
from .triage import (
    Decision,
    Route,
    after_extraction,
    before_reading,
    empty_body_issue,
    is_empty_body,
    page_text,
    unreadable,
)
from .urls import host_of
from .writer import (
    ARTICLE,
    STATIC,
    Outcome,
    PageContent,
    RecordBuffer,
    content_hash,
    is_outlet,
    move_to_column,
    record_for,
    write_page,
)

# Called after a run with the site and the ids of the pages it wrote: apps that read page text
# (a wording check, text fingerprints) do their work in bulk there, not once per page.
IMPORTED_HOOK = "legacy_pages_imported"

Status = LegacyRecord.Status
ProgressCallback = Callable[[int, Fate], None]
STATIC_TITLE_MAX = 8
"""A page titled this short with a standard-page word (联系我们, 领导分工) is that static page."""
CUT_AFTER_BODY = (
    "页面过长，标签过多，只读取了前一部分："
    "正文在此之前已结束，其后的部分未读取（若有附件链接，请核对）"
)
"""The issue of a page cut at the extraction's tag cap after its body had ended."""


class DryRunRollback(Exception):
    """Raised at the end of a dry run to roll back everything it wrote."""


@dataclass
class ImportOptions:
    """What import_legacy was asked to do."""

    publish: bool = True
    dry_run: bool = False
    limit: int | None = None
    mapping: dict[str, str] | None = None
    report_dir: str | None = None
    date_policy: str = "guess"
    """guess: a date read from the body text is taken (and reported as guessed); strict: such a
    page is imported without a shown date and listed under 无日期."""
    new_columns: bool = True
    """An old column with no twin in the new site becomes a new column (False: 待整理)."""
    publish_empty: bool = False
    """Publish articles whose body is empty on the old site (default: drafts, listed 正文为空)."""
    own_names: tuple[str, ...] = ()
    """Names the new site goes by beyond its site name and home title (全称, 简称, 主办单位):
    a 来源 naming one of them is the site's own work. The command gathers them."""


@dataclass
class ImportResult:
    """The outcome of one run."""

    run_id: int | None
    counts: dict[str, int]
    files: int
    seconds: float
    holding: int = 0
    no_date: int = 0
    guessed_dates: int = 0
    date_sources: dict[str, int] = field(default_factory=dict)
    """How many articles took their date from each kind of evidence (printed, script, ...)."""
    broken_links: int = 0
    missing_assets: int = 0
    source_damaged: str | None = None
    """Why the source itself is damaged (the import took what it could read)."""
    report_paths: list[str] = field(default_factory=list)
    columns: list[dict[str, Any]] = field(default_factory=list)
    """The column plan: old column → new column with page counts."""
    new_columns: list[dict[str, Any]] = field(default_factory=list)
    """The columns made for old columns with no twin (old path, title, slug, type, parent)."""
    empty_bodies: int = 0
    placed: int = 0
    """Articles and static pages written or found (the base of the 待整理 share)."""
    article_urls: int = 0
    """Old article URLs the site's id map knows (this run's and earlier runs')."""
    live_articles: int = 0
    """Of those, the ones whose page is live (an old visitor's link reaches a published page)."""


def own_names(site: Site, home: Any, extra: Iterable[str] = ()) -> list[str]:
    """The names the new site goes by (a 来源 naming one of them is the site's own work)."""
    names = [site.site_name, home.title, *extra]
    return list(dict.fromkeys(n.strip() for n in names if n and len(n.strip()) >= 2))


def site_collection(site: Site) -> Collection:
    """The site's collection (named after the site), or the root collection."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=site.site_name).first() or root


def _asset_store(collection: Collection, fetch: Callable[[str], bytes | None], dry_run: bool):
    """The building kit's asset store for this run."""
    from .building.assets import WagtailAssetStore

    return WagtailAssetStore(collection, fetch, dry_run=dry_run)


class Importer:
    """One run over one source into one site."""

    def __init__(self, site: Site, source: Source, options: ImportOptions) -> None:
        """Remember the site, the source and the options."""
        self.site = site
        self.source = source
        self.options = options
        self.home = site.root_page.specific
        self.legacy_host = source.host

    def run(self, progress: ProgressCallback | None = None) -> ImportResult:
        """Import everything; a dry run rolls back all writes at the end."""
        started = time.monotonic()
        report = ReportWriter(self.options.report_dir)
        result: ImportResult | None = None
        try:
            with (
                importing(),
                deferred_indexing(),
                transaction.atomic() if self.options.dry_run else nullcontext(),
            ):
                result = self._run(report, progress, started)
                if self.options.dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except Exception as err:
            self._interrupted(report, err)
            raise
        finally:
            self.source.close()
        assert result is not None  # noqa: S101 - set before any DryRunRollback
        result.report_paths = report.finish(result)
        return result

    def _interrupted(self, report: ReportWriter, error: Exception) -> None:
        """A run that dies still says so: its status is 中断 and its report holds what was read."""
        run = getattr(self, "run_obj", None)
        if run is not None and run.pk and not self.options.dry_run:
            try:
                ImportRun.objects.filter(pk=run.pk).update(
                    status=ImportRun.Status.FAILED, finished_at=timezone.now()
                )
            except DatabaseError:
                pass  # the database itself failed: the next run marks this one 中断
        report.interrupt(error)

    def _run(self, report: ReportWriter, progress: ProgressCallback | None, started: float):
        """The body of a run: first pass over the files, then the second pass."""
        # a run still "running" when the next one starts was killed: say so in its status
        ImportRun.objects.filter(
            site=self.site, status=ImportRun.Status.RUNNING, dry_run=False
        ).update(status=ImportRun.Status.FAILED)
        self.run_obj = ImportRun.objects.create(
            site=self.site,
            source=str(getattr(self.source, "description", ""))[:2000],
            dry_run=self.options.dry_run,
            options={
                "publish": self.options.publish,
                "limit": self.options.limit,
                "new_columns": self.options.new_columns,
                "publish_empty": self.options.publish_empty,
            },
        )
        self.mapper = ColumnMapper(
            self.home,
            self.options.mapping,
            None if self.options.dry_run else self.run_obj,
            new_columns=self.options.new_columns,
        )
        self.store = _asset_store(
            site_collection(self.site), self.source.fetch, self.options.dry_run
        )
        self.resolver = LinkResolver(self.site.pk, self.legacy_host, self.run_obj, self.store)
        self.buffer = RecordBuffer(self.site.pk, self.run_obj)
        self.parents = ParentCache()
        self.aliases: list[tuple[str, str]] = []
        self.held_back: list[SourceItem] = []
        """Pages with no old column yet: placed after the pass, when every list page is known."""
        self.held_lists: list[tuple[SourceItem, str, list[str]]] = []
        """List pages (item, title, crumbs): placed when the articles have made their columns."""
        self.finishing = False
        self.own_names = own_names(self.site, self.home, self.options.own_names)
        self.mapper.own_names = set(self.own_names)
        report.start(self.run_obj, self.site, self.source)
        report.note_targets({k: v for k, v in self.mapper.by_slug.items() if k != HOLDING_SLUG})
        files = 0
        for item in self.source:
            if self.options.limit is not None and files >= self.options.limit:
                break
            files += 1
            fate = self.process(item)
            if fate is None:
                continue  # held back until every list page has been read
            report.add(fate)
            if progress:
                progress(report.total, fate)
        self.finishing = True
        for item in self.held_back:
            fate = self.process(item)
            report.add(fate)
            if progress:
                progress(report.total, fate)
        for item, title, crumbs in self.held_lists:
            fate = self._list_fate(item, title, crumbs)
            report.add(fate)
            if progress:
                progress(report.total, fate)
        self.buffer.flush()
        self._resolve_aliases()
        for issue in second_pass(self.site, self.run_obj, self.resolver, self.store):
            report.add_link_issue(issue)
        if not self.options.dry_run:
            self._index()
        self.run_obj.status = ImportRun.Status.FINISHED
        self.run_obj.finished_at = timezone.now()
        counts = {status: report.counts.get(status, 0) for status in STATUS_ORDER}
        new_columns = [asdict(column) for column in self.mapper.planner.plan()]
        report.note_new_columns(new_columns)
        articles = LegacyRecord.objects.filter(site=self.site, kind=ARTICLE).exclude(
            status__in=[Status.SKIPPED, Status.FAILED]
        )
        reach = {
            "article_urls": articles.count(),
            "live_articles": articles.filter(page__live=True).count(),
        }
        report.note_reach(**reach)
        self.run_obj.counts = counts
        self.run_obj.save()
        return ImportResult(
            run_id=None if self.options.dry_run else self.run_obj.pk,
            counts=counts,
            files=files,
            seconds=time.monotonic() - started,
            holding=len(report.holding),
            no_date=len(report.no_date),
            guessed_dates=len(report.guessed_dates),
            date_sources=dict(report.date_sources),
            broken_links=len(report.broken_links),
            missing_assets=len(report.missing_assets),
            columns=report.column_plan(),
            new_columns=new_columns,
            empty_bodies=len(report.empty_bodies),
            placed=report.placed,
            **reach,
            source_damaged=self.source.damaged,
        )

    def _resolve_aliases(self) -> None:
        """Point each refresh stub at the new page of the address it sent visitors to."""
        for key, target in self.aliases:
            found = self.resolver(target)
            if found is not None and found[0] == "page":
                LegacyRecord.objects.filter(site=self.site, key_hash=key_digest(key)).update(
                    page_id=found[1]
                )

    def _index(self) -> None:
        """Index this run's pages for search and Wagtail's reference index (deferred till now)."""
        page_ids = list(
            LegacyRecord.objects.filter(
                run=self.run_obj, kind__in=[ARTICLE, STATIC], page__isnull=False
            )
            .values_list("page_id", flat=True)
            .distinct()
        )
        index_pages(page_ids)
        created: dict[str, list[int]] = {kind: [] for kind in RunObject.Kind.values}
        for kind, object_id in self.run_obj.created.values_list("kind", "object_id"):
            created[kind].append(object_id)
        index_references(
            {*page_ids, *created[RunObject.Kind.PAGE]},
            created[RunObject.Kind.IMAGE],
            created[RunObject.Kind.DOCUMENT],
        )
        # the apps that read page text (wording checks, fingerprints) do theirs in bulk too
        for fn in hooks.get_hooks(IMPORTED_HOOK):
            fn(self.site, page_ids)

    # -- one file -------------------------------------------------------------------------

    def _fate(self, item: SourceItem, status: str, reason: str = "", **extra: Any) -> Fate:
        """Queue a fate for the id map and return it for the report."""
        self.buffer.add(
            item.key, status=status, source_path=item.path, kind=extra.get("kind", ""),
            reason=reason, page_id=extra.get("page_id"),
        )  # fmt: skip
        return Fate(item.path, item.url, status, reason, **extra)

    def process(self, item: SourceItem) -> Fate | None:
        """Decide, extract, map, build and write one source file (None: held back); never raises."""
        images, documents = len(self.store.created_images), len(self.store.created_documents)
        try:
            return self._process(item)
        except Exception as err:  # noqa: BLE001 - one bad file must not stop the run
            text = str(err).strip()
            message = f"{type(err).__name__}: {text.splitlines()[0] if text else ''}"
            written = self._written_page(item)
            if written is None:
                self.resolver.forget_since(self.store, images, documents)
            # a page already written this run stays in the id map, so no run duplicates it
            return self._fate(item, Status.FAILED, f"处理出错 {message}", page_id=written)

    def _written_page(self, item: SourceItem) -> int | None:
        """The page this run wrote for an item before failing on it, if any."""
        try:
            known = record_for(self.site.pk, item.key)
        except Exception:  # noqa: BLE001 - the database itself may be what failed
            return None
        if known is not None and known.page_id and known.run_id == self.run_obj.pk:
            return known.page_id
        return None

    def _process(self, item: SourceItem) -> Fate | None:
        """The steps of process(): triage, then the list or content page it turned out to be."""
        decision = before_reading(item)
        if decision is not None:
            return self._stopped(item, decision)
        raw, truncated = item.read()
        if truncated:
            return self._fate(item, Status.SKIPPED, "页面过大，未导入")
        record = extract_page(raw, item.url, item.url)
        if record.error:
            return self._stopped(item, unreadable(record))
        crumbs = old_columns(page_text(raw, record.encoding))
        decision = after_extraction(item, raw, record, crumbs, self.legacy_host)
        title = record.title or ""
        if decision.route == Route.ALIAS:
            self.aliases.append((item.key, decision.target))
            return self._fate(item, Status.COLUMN, decision.reason, kind="alias", title=title)
        if decision.route == Route.HOME:
            return self._fate(
                item, Status.COLUMN, decision.reason, page_id=self.home.pk, kind="home",
                title=title, column=self.home.title,
            )  # fmt: skip
        if decision.route == Route.LIST:
            return self._list(item, record, crumbs)
        if decision.route == Route.CONTENT:
            return self._article(item, record, crumbs)
        return self._stopped(item, decision)

    def _stopped(self, item: SourceItem, decision: Decision) -> Fate:
        """The fate of a file that goes no further (skipped or failed, with why)."""
        return self._fate(item, decision.status, decision.reason, kind=decision.kind)

    def _list(self, item: SourceItem, record: ExtractedPage, crumbs: list[str]) -> Fate | None:
        """An old column or list page: learn its column's name now, redirect it at the end."""
        self.mapper.learn_list(item.url, record.title, crumbs)
        names = crumbs or ([record.title] if record.title else [])
        self.mapper.learn_items([i["href"] for i in record.list_items if i["href"]], names)
        self.held_lists.append((item, record.title or "", crumbs))
        return None

    def _list_fate(self, item: SourceItem, title: str, crumbs: list[str]) -> Fate:
        """Redirect a list page to its new column: one the articles have, never an empty new one.

        A list page whose old column holds no article (a site map, a search page, a nav page)
        makes no column: it goes to the column of its type, else to the home page.
        """
        try:
            target = self.mapper.for_list(item.url, crumbs, title, make=False)
            if target.new and not target.page_id:
                target = self.mapper.for_list(item.url, crumbs, title, new_columns=False)
        except Exception as err:  # noqa: BLE001 - one bad file must not stop the run
            return self._fate(item, Status.FAILED, f"处理出错 {type(err).__name__}: {err}")
        page_id = self.home.pk if target.holding else target.page_id
        column = self.home.title if target.holding else target.title
        reason = f"栏目列表页 → {column}（{target.how}）"
        return self._fate(
            item, Status.COLUMN, reason, page_id=page_id, kind="column",
            title=title, column=column, old_column=target.old_column,
            column_slug="" if target.holding else target.slug,
        )  # fmt: skip

    def _article(self, item: SourceItem, record: ExtractedPage, crumbs: list[str]) -> Fate | None:
        """An article (ArticlePage) or a static page (StandardPage); None when held back."""
        target: Target | None = None
        page_type = ARTICLE
        if self.options.date_policy == "strict" and record.date_source == BODY_GUESS:
            record.publish_date = record.date_source = None  # no guessed date is ever shown
        if not record.publish_date:
            target = self.mapper.for_static(item.url, crumbs, record.title)
            page_type = STATIC if target else ARTICLE
        if target is None:
            target = self.mapper.for_article(item.url, crumbs, record.title, make=False)
            page_type = STATIC if target.static else ARTICLE
            if target.holding and not self.finishing:
                # a list page read later may still name this page's column (大汉 /art/ vs /col/)
                self.held_back.append(item)
                return None
            title = (record.title or "").strip()
            if (target.holding or target.new) and len(title) <= STATIC_TITLE_MAX:
                # a dated page titled 联系我们 or 领导分工 is still the site's 机构/负责人 page
                static = self.mapper.for_static(item.url, crumbs, title)
                if static is not None and not static.holding:
                    target, page_type = static, STATIC
            if target.new and not target.page_id:
                target = self.mapper.for_article(item.url, crumbs, record.title)
        empty = is_empty_body(record)
        content = PageContent(
            key=item.key,
            url=item.url,
            source_path=item.path,
            page_type=page_type,
            parent_id=target.page_id,
            title=record.title or "",
            publish_date=record.publish_date,
            source=record.source or "",
            author=record.author or "",
            gov_info=record.gov_info,
            reprint=is_outlet(record.source or "", self.own_names),
        )
        hashed = {
            "type": page_type,
            "title": record.title,
            "date": record.publish_date,
            "source": record.source,
            "author": record.author,
            "body": record.body_html or record.body_text,
            "images": record.images,
            "attachments": record.attachments,
        }
        if record.gov_info:  # only pages that have some: the others keep their earlier hash
            hashed["gov_info"] = record.gov_info
        if empty:  # a later run with --publish-empty publishes it
            hashed["publish_empty"] = self.options.publish_empty
        text = {"title": record.title, "date": record.publish_date, "text": record.body_text}
        if record.body_rest_html:  # a capped page's text goes on past the parsed part
            hashed["body_rest"] = text["rest"] = record.body_rest_html
        content.content_hash = content_hash(hashed)
        content.text_hash = content_hash(text)
        known = record_for(self.site.pk, content.key)
        if known and known.page_id and known.content_hash == content.content_hash:
            self.resolver.remember(content.key, known.page_id)
            same = Status.DUPLICATE if known.status == Status.DUPLICATE else Status.UNCHANGED
            keep = known.reason if known.status in (Status.CONFLICT, Status.DUPLICATE) else ""
            if same == Status.UNCHANGED and known.status != Status.CONFLICT:
                moved, why = self._rehome(known.page_id, target)
                if moved:
                    same, keep = Status.UPDATED, f"栏目调整：移到「{target.title}」"
                else:
                    keep = keep or why
            return self._fate(
                item, same, keep, page_id=known.page_id, kind=page_type,
                title=content.title, date=content.publish_date or "", column=target.title,
                date_source=record.date_source or "",
                old_column=target.old_column, holding=target.holding, page_type=page_type,
                column_slug=target.slug, issues=[Issue.from_dict(d) for d in known.issues],
            )  # fmt: skip
        outcome = write_page(
            self.site.pk,
            self.run_obj,
            content,
            publish=self.options.publish and (self.options.publish_empty or not empty),
            build=lambda c: self._build(c, record, empty),
            parents=self.parents,
            known=known,
        )
        return self._written(item, record, content, target, outcome)

    def _build(self, content: PageContent, record: ExtractedPage, empty: bool = False) -> None:
        """Build the body blocks and attachments, and rewrite links already resolvable."""
        from .building.blocks import build_body
        from .building.links import rewrite_links
        from .building.trim import trim_page_furniture
        from .building.validation import check_stream

        issues_before = len(self.store.issues)
        if empty:  # what the extraction fell back to is the page's furniture, not its text
            built = build_body("", content.url, self.store, "")
        else:
            built = build_body(record.body_html, content.url, self.store, record.body_rest_html)
        built.stream = trim_page_furniture(built.stream, record.title)
        stream, _count, unresolved = rewrite_links(built.stream, self.resolver)
        check_stream(stream)  # a body the page type would refuse is never written
        content.body = stream
        attachments = []
        for attachment in record.attachments:
            url = attachment.get("href") or ""
            if not url or host_of(url) != self.legacy_host:
                continue
            document = self.store.document(url, attachment.get("title") or "")
            if document is not None and document.pk not in built.documents:
                value = {"document": document.pk, "title": (attachment.get("title") or "")[:200]}
                attachments.append({"type": "attachment", "value": value})
                built.documents.append(document.pk)
        content.attachments = attachments
        content.issues = [*built.issues, *self.store.issues[issues_before:]]
        if CAPPED_FLAG in record.flags and not record.body_rest_html:
            content.issues.append(Issue(IssueCode.BODY_TOO_LONG, detail=CUT_AFTER_BODY))
        if empty:
            content.issues.append(empty_body_issue(record, self.options.publish_empty))
        content.pending_links = [
            link for link in unresolved if "://" in link and host_of(link) == self.legacy_host
        ]
        self.resolver.track_assets(self.store)

    def _rehome(self, page_id: int, target: Target) -> tuple[bool, str]:
        """Move an unchanged page whose column the mapping now places elsewhere."""
        if self.options.dry_run:
            return False, ""
        with transaction.atomic():
            return move_to_column(page_id, self.parents.get(target.page_id))

    def _written(
        self,
        item: SourceItem,
        record: ExtractedPage,
        content: PageContent,
        target: Target,
        outcome: Outcome,
    ) -> Fate:
        """The report line of a written page (and its pending links in the id map)."""
        if outcome.page_id:
            self.resolver.remember(content.key, outcome.page_id)
        return Fate(
            item.path,
            item.url,
            outcome.status,
            outcome.reason or (target.how if target.holding else ""),
            page_id=outcome.page_id,
            title=content.title,
            date=content.publish_date or "",
            date_source=(record.date_source or "") if content.publish_date else "",
            column=target.title,
            old_column=target.old_column,
            holding=target.holding,
            page_type=content.page_type,
            issues=content.issues,
            column_slug=target.slug,
        )
