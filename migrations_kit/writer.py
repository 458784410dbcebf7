"""Write one legacy page: create or update its Wagtail page by legacy key, never over a person."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, PageLogEntry, Revision

from redesign.core.models import ArticleOrigin, ArticlePage, StandardPage

from .extract.text import without_note
from .issues import Issue
from .models import ImportRun, LegacyRecord, RunObject, key_digest
from .pagesave import ParentCache, create_page, slug_taken

SHANGHAI = ZoneInfo("Asia/Shanghai")
ARTICLE = "article"
STATIC = "static"
KIND_LABELS = {
    ARTICLE: "文章",
    STATIC: "普通页面",
    "column": "栏目列表页",
    "home": "旧站首页",
    "alias": "自动跳转页",
}
"""What each kind of legacy file became, as the report names it."""


@dataclass
class PageContent:
    """What the importer writes for one legacy page (already mapped and built)."""

    key: str
    url: str
    source_path: str
    page_type: str
    parent_id: int
    title: str
    publish_date: str | None = None
    source: str = ""
    author: str = ""
    body: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    content_hash: str = ""
    text_hash: str = ""
    issues: list[Issue] = field(default_factory=list)
    pending_links: list[str] = field(default_factory=list)
    gov_info: dict[str, str] = field(default_factory=dict)
    """索引号, 文号, 发布机构, 成文日期 as extracted (ArticlePage fields of the same names)."""
    reprint: bool = False
    """The 来源 is another outlet (转载, with the 来源 as 原文出处)."""


@dataclass
class Outcome:
    """The fate of one source file in this run."""

    status: str
    page_id: int | None = None
    reason: str = ""
    created: bool = False


def content_hash(data: dict[str, Any]) -> str:
    """The sha256 of the extracted content (stable JSON)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shown_date(value: str | None) -> datetime | None:
    """A legacy YYYY-MM-DD date as Asia/Shanghai midnight (None when absent or invalid)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


def legacy_slug(url: str) -> str:
    """A readable ASCII slug from the legacy file name: t20100326_1003, content-jsp-id-1201."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    name = segments[-1] if segments else "index"
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem.lower() in {"index", "default", "main"} and len(segments) > 1:
        stem = segments[-2]
    if parts.query:
        stem = f"{name}-{parts.query}"
    slug = slugify(re.sub(r"[^A-Za-z0-9_-]+", "-", stem))[:60].strip("-")
    return slug or "page"


def record_for(site_id: int, key: str) -> LegacyRecord | None:
    """The id map row of a legacy key, if any."""
    return LegacyRecord.objects.filter(site_id=site_id, key_hash=key_digest(key)).first()


def save_record(
    site_id: int,
    run: ImportRun,
    key: str,
    status: str,
    *,
    source_path: str = "",
    kind: str = "",
    reason: str = "",
    page_id: int | None = None,
    content_hash: str | None = None,
    text_hash: str | None = None,
    revision_id: int | None = None,
    existing: LegacyRecord | None = None,
    pending_links: list[str] | None = None,
    issues: list[Issue] | None = None,
    look_up: bool = True,
) -> LegacyRecord:
    """Create or update the id map row of a legacy key (look_up=False: existing is all there is)."""
    if existing is None and look_up:
        existing = record_for(site_id, key)
    record = existing or LegacyRecord(site_id=site_id, legacy_key=key)
    record.status = status
    record.run = run
    record.reason = reason[:2000]
    record.source_path = source_path or record.source_path
    record.kind = kind or record.kind
    if page_id is not None:
        record.page_id = page_id
    if content_hash is not None:
        record.content_hash = content_hash
    if text_hash is not None:
        record.text_hash = text_hash
    if revision_id is not None:
        record.revision_id = revision_id
    if pending_links is not None:
        record.pending_links = pending_links
    if issues is not None:
        record.issues = [issue.as_dict() for issue in issues]
    record.save()
    return record


def edited_by_person(page_id: int, importer_revision_id: int | None) -> bool:
    """True when someone saved a revision of the page after the importer's last revision."""
    revisions = Revision.page_revisions.filter(object_id=str(page_id)).exclude(user=None)
    if importer_revision_id is not None:
        revisions = revisions.filter(pk__gt=importer_revision_id)
    return revisions.exists()


def _apply(page: Page, content: PageContent) -> None:
    """Copy the imported fields onto a page object."""
    page.title = content.title[:255]
    page.body = content.body
    if isinstance(page, ArticlePage):
        page.publish_date = shown_date(content.publish_date)
        page.source = content.source[:100]
        page.author = content.author[:100]
        page.origin = ArticleOrigin.REPRINT if content.reprint else ArticleOrigin.ORIGINAL
        page.origin_source = content.source[:200] if content.reprint else ""
        info = content.gov_info
        page.index_number = info.get("index_number", "")[:100]
        page.document_number = info.get("document_number", "")[:100]
        page.issuing_body = info.get("issuing_body", "")[:100]
        written = info.get("written_date")
        page.written_date = date.fromisoformat(written) if written else None
        page.attachments = content.attachments
        page.is_imported = True
        page.legacy_url = content.url[:2000]
        page.content_hash = content.content_hash


_OUTLET = re.compile(
    r"(?:报|报社|网|网站|新闻|社|电视台|广播电台|电台|客户端|公众号|杂志|周刊|频道)$"
)


def is_outlet(source: str, own_names: Iterable[str] = ()) -> bool:
    """Tell whether a 来源 names a newspaper, agency, broadcaster or another website (转载).

    A 来源 naming the site itself (青山县人民政府网 on 青山县人民政府's site) is its own work.
    """
    name = without_note(source)
    if not name or any(own and own in name for own in own_names):
        return False
    return bool(_OUTLET.search(name))


def _new_page(content: PageContent, parent: Page, publish: bool) -> Page:
    """An unsaved page of the right type with a slug unique among its siblings."""
    page: Page = ArticlePage() if content.page_type == ARTICLE else StandardPage()
    page.live = publish
    _apply(page, content)
    slug = legacy_slug(content.url)
    if slug_taken(parent, slug):
        slug = f"{slug}-{key_digest(content.key)[:6]}"
    page.slug = slug
    return page


def _check_rules(page: Page) -> None:
    """Refuse what the page type refuses (a future shown date, a reprint without its source)."""
    errors = page.publication_errors() if isinstance(page, ArticlePage) else {}
    if errors:
        raise ValidationError(errors)


def _save(page: Page, publish: bool) -> Revision:
    """Save a revision (and publish it) as the importer (no user)."""
    revision = page.save_revision(user=None, log_action=True)
    if publish:
        revision.publish(skip_permission_checks=True)
    return revision


def _kind_changed(record: LegacyRecord, content: PageContent) -> bool:
    """True when the legacy key was last written as another kind (a list page, a static page)."""
    return bool(record.kind) and record.kind != content.page_type


def _kind_change_reason(record: LegacyRecord, content: PageContent) -> str:
    """Why a file whose kind changed since the last run was left as it was."""
    before = KIND_LABELS.get(record.kind, record.kind)
    now = KIND_LABELS.get(content.page_type, content.page_type)
    return f"旧站页面类型变了（上次是{before}，这次读作{now}），新页面未覆盖原页面，请人工核对"


def write_page(
    site_id: int,
    run: ImportRun,
    content: PageContent,
    publish: bool = True,
    build: Any = None,
    parents: ParentCache | None = None,
    known: LegacyRecord | None | Literal["lookup"] = "lookup",
) -> Outcome:
    """Create or update the page of one legacy file in its own transaction; return its fate.

    known: the id map row the caller has just read for this key (None: there is none).
    """
    with transaction.atomic():
        record = record_for(site_id, content.key) if known == "lookup" else known
        if record is not None and record.page_id is None and record.revision_id is not None:
            save_record(
                site_id, run, content.key, LegacyRecord.Status.SKIPPED, existing=record,
                reason="导入的页面已被删除，未重新导入",
            )  # fmt: skip
            return Outcome(LegacyRecord.Status.SKIPPED, reason="导入的页面已被删除，未重新导入")
        if record is not None and record.page_id and _kind_changed(record, content):
            reason = _kind_change_reason(record, content)
            save_record(
                site_id, run, content.key, LegacyRecord.Status.CONFLICT, existing=record,
                reason=reason, look_up=False,
            )  # fmt: skip
            return Outcome(LegacyRecord.Status.CONFLICT, record.page_id, reason)
        if record is not None and record.page_id and record.content_hash == content.content_hash:
            save_record(
                site_id, run, content.key, LegacyRecord.Status.UNCHANGED, existing=record,
                reason=record.reason if record.status == LegacyRecord.Status.CONFLICT else "",
            )  # fmt: skip
            return Outcome(LegacyRecord.Status.UNCHANGED, record.page_id)
        if record is not None and record.page_id and record.status == LegacyRecord.Status.DUPLICATE:
            # The page belongs to the twin's legacy key: a copy never overwrites it.
            save_record(
                site_id, run, content.key, LegacyRecord.Status.DUPLICATE, existing=record,
                content_hash=content.content_hash, text_hash=content.text_hash,
                reason=record.reason, look_up=False,
            )  # fmt: skip
            return Outcome(LegacyRecord.Status.DUPLICATE, record.page_id, record.reason)
        if record is None or not record.page_id:
            twin = (
                LegacyRecord.objects.filter(
                    site_id=site_id, text_hash=content.text_hash, page__isnull=False
                )
                .exclude(kind="column")
                .first()
            )
            if twin is not None:
                reason = f"与 {twin.legacy_key} 内容相同"
                save_record(
                    site_id, run, content.key, LegacyRecord.Status.DUPLICATE,
                    source_path=content.source_path, kind=content.page_type, reason=reason,
                    page_id=twin.page_id, content_hash=content.content_hash,
                    text_hash=content.text_hash, existing=record, look_up=False,
                )  # fmt: skip
                return Outcome(LegacyRecord.Status.DUPLICATE, twin.page_id, reason)
        if build is not None:
            build(content)
        if record is None or not record.page_id:
            return _create(site_id, run, content, publish, record, parents)
        return _update(site_id, run, content, publish, record)


def _create(
    site_id: int,
    run: ImportRun,
    content: PageContent,
    publish: bool,
    record: LegacyRecord | None,
    parents: ParentCache | None = None,
) -> Outcome:
    """Add a new page under its column and record it as created by this run."""
    parents = parents or ParentCache()
    parent = parents.get(content.parent_id)
    page = _new_page(content, parent, publish)
    _check_rules(page)
    revision = create_page(parent, page, publish, parents)
    RunObject.objects.create(
        run=run, kind=RunObject.Kind.PAGE, object_id=page.pk, legacy_key=content.key[:2000]
    )
    save_record(
        site_id, run, content.key, LegacyRecord.Status.IMPORTED,
        source_path=content.source_path, kind=content.page_type, page_id=page.pk,
        content_hash=content.content_hash,
        text_hash=content.text_hash, revision_id=revision.pk, existing=record,
        reason="; ".join(map(str, content.issues)), pending_links=content.pending_links,
        issues=content.issues, look_up=False,
    )  # fmt: skip
    return Outcome(LegacyRecord.Status.IMPORTED, page.pk, created=True)


def _update(
    site_id: int, run: ImportRun, content: PageContent, publish: bool, record: LegacyRecord
) -> Outcome:
    """Update the page of a changed legacy file, or leave a draft when a person edited it."""
    page = Page.objects.get(pk=record.page_id).specific
    expected = ArticlePage if content.page_type == ARTICLE else StandardPage
    if not isinstance(page, expected):
        # an id map row older than its kind column: the page type still decides
        found, wanted = page._meta.verbose_name, expected._meta.verbose_name
        reason = f"旧站页面对应的新页面是「{found}」，不是{wanted}，未覆盖"
        save_record(
            site_id, run, content.key, LegacyRecord.Status.CONFLICT, existing=record,
            reason=reason, look_up=False,
        )  # fmt: skip
        return Outcome(LegacyRecord.Status.CONFLICT, page.pk, reason)
    if edited_by_person(page.pk, record.revision_id):
        _apply(page, content)
        page.save_revision(user=None, log_action=True)
        reason = "页面已被编辑修改，新内容仅保存为草稿修订，线上保留编辑的版本"
        save_record(
            site_id, run, content.key, LegacyRecord.Status.CONFLICT, existing=record,
            content_hash=content.content_hash,
        text_hash=content.text_hash, reason=reason, issues=content.issues,
        )  # fmt: skip
        return Outcome(LegacyRecord.Status.CONFLICT, page.pk, reason)
    _apply(page, content)
    _check_rules(page)
    revision = _save(page, publish and page.live or publish)
    save_record(
        site_id, run, content.key, LegacyRecord.Status.UPDATED, existing=record,
        content_hash=content.content_hash,
        text_hash=content.text_hash, revision_id=revision.pk,
        reason="; ".join(map(str, content.issues)), pending_links=content.pending_links,
        issues=content.issues,
    )  # fmt: skip
    return Outcome(LegacyRecord.Status.UPDATED, page.pk)


def move_to_column(page_id: int, parent: Page) -> tuple[bool, str]:
    """Move an imported page under the column a changed mapping names: (moved, why not).

    A page a person has moved keeps its place; so does one the new column cannot hold or whose
    address (slug) the new column already uses.
    """
    page = Page.objects.get(pk=page_id)
    if page.depth == parent.depth + 1 and page.path.startswith(parent.path):
        return False, ""
    moves = PageLogEntry.objects.filter(page_id=page_id, action="wagtail.move")
    if moves.exclude(user=None).exists():
        return False, "页面已被编辑移到别的栏目，保持不动"
    if not page.specific_class.can_exist_under(parent):
        return False, f"新栏目「{parent.title}」不能放这类页面，保持不动"
    if slug_taken(parent, page.slug):
        return False, f"新栏目「{parent.title}」已有同一地址的页面，保持不动"
    page.move(parent, pos="last-child")
    return True, ""


class RecordBuffer:
    """Id map rows of files that create no page (skipped, failed, lists, unchanged), in batches."""

    def __init__(self, site_id: int, run: ImportRun, size: int = 200) -> None:
        """Collect rows for one site and run."""
        self.site_id = site_id
        self.run = run
        self.size = size
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, key: str, **fields: Any) -> None:
        """Queue one row (the last one for a key wins); flush when the batch is full."""
        key = key.replace("\x00", "")
        fields = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in fields.items()}
        self.rows[key_digest(key)] = {"legacy_key": key, **fields}
        if len(self.rows) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Write the queued rows in one transaction."""
        if not self.rows:
            return
        rows, self.rows = self.rows, {}
        with transaction.atomic():
            existing = {
                r.key_hash: r
                for r in LegacyRecord.objects.filter(site_id=self.site_id, key_hash__in=rows)
            }
            changed, new = [], []
            for digest, row in rows.items():
                record = existing.get(digest) or LegacyRecord(
                    site_id=self.site_id, legacy_key=row["legacy_key"], key_hash=digest
                )
                record.status = row["status"]
                record.run = self.run
                record.reason = row.get("reason", "")[:2000]
                record.source_path = row.get("source_path") or record.source_path
                record.kind = row.get("kind") or record.kind
                if row.get("page_id"):
                    record.page_id = row["page_id"]
                (changed if record.pk else new).append(record)
            fields = ["status", "run", "reason", "source_path", "kind", "page", "updated_at"]
            LegacyRecord.objects.bulk_update(changed, fields)
            LegacyRecord.objects.bulk_create(new)
