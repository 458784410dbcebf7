"""The column plan: old columns with no twin in the new site become new columns, mirroring paths.

An old column that maps to none of the new site's columns (人事信息, 办事指南, 国旗下讲话) becomes
a ColumnPage of its own, titled with its old name, typed by the rules of ``column_rules``, under
the new place of its old parent (政务公开 > 人事信息) or a default parent (办事服务). The mapping
file can rename it, give its slug, type and parent, merge it into another column or refuse it.
Each new column is remembered by its old path (LegacyColumn), so a second run finds it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin
from wagtail.models import Page

from redesign.core.column_types import ColumnType
from redesign.core.models import ColumnPage

from .column_rules import default_parent, infer_type
from .models import ImportRun, LegacyColumn, RunObject
from .pagesave import slug_taken
from .writer import edited_by_person

RULE_KEYS = frozenset({"create", "into", "title", "slug", "parent", "type"})
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
RESERVED_SLUGS = frozenset(
    {"admin", "search", "hudong", "tougao", "documents", "captcha", "static", "media", "sitemap"}
)
"""Top-level addresses the site's own routes answer: a new column never takes them."""
SEP = " > "


class PlanError(Exception):
    """A mapping file entry for a column cannot be used (one line for the command)."""


@dataclass(frozen=True)
class Rule:
    """What the mapping file says of one old column (or old URL prefix)."""

    into: str = ""
    """An existing column's slug (or a new one's, declared by another entry): merge into it."""
    create: bool | None = None
    """True: make it a new column; False: never (its pages go by type, else 待整理)."""
    title: str = ""
    slug: str = ""
    parent: str = ""
    """The slug of the column (existing or new) the new column goes under."""
    column_type: str = ""


def _type_value(value: str) -> str:
    """A column type from its value (personnel) or its Chinese label (人事)."""
    for choice, label in ColumnType.choices:
        if value in (choice, str(label)):
            return choice
    names = "、".join(f"{choice}（{label}）" for choice, label in ColumnType.choices)
    raise PlanError(f"栏目类型「{value}」不存在，可用：{names}")


def parse_rule(key: str, value: Any) -> Rule:
    """A Rule from one mapping entry: a slug string, or a table of create/into/title/slug/..."""
    if isinstance(value, str):
        return Rule(into=value.strip())
    if not isinstance(value, dict):
        raise PlanError(f"「{key}」的值应为新栏目 slug 或表（create、title、slug、parent、type）")
    unknown = sorted(set(value) - RULE_KEYS)
    if unknown:
        raise PlanError(f"「{key}」有不认识的项：{'、'.join(unknown)}")
    create = value.get("create")
    if create is not None and not isinstance(create, bool):
        raise PlanError(f"「{key}」的 create 应为 true 或 false")
    texts = {}
    for name in ("into", "title", "slug", "parent", "type"):
        item = value.get(name, "")
        if not isinstance(item, str):
            raise PlanError(f"「{key}」的 {name} 应为文字")
        texts[name] = item.strip()
    if texts["into"] and create:
        raise PlanError(f"「{key}」不能既合并到 {texts['into']} 又新建栏目")
    if texts["slug"] and not SLUG_RE.match(texts["slug"]):
        raise PlanError(f"「{key}」的 slug「{texts['slug']}」只能用小写字母、数字、- 和 _")
    return Rule(
        into=texts["into"],
        create=create if create is not None else (True if not texts["into"] else None),
        title=texts["title"][:255],
        slug=texts["slug"],
        parent=texts["parent"],
        column_type=_type_value(texts["type"]) if texts["type"] else "",
    )


def column_slug(title: str) -> str:
    """An ASCII slug for a new column: the pinyin initials of its title (人事信息 → rsxx)."""
    parts = lazy_pinyin(title, style=Style.FIRST_LETTER, errors="default")
    slug = slugify("".join(parts).replace(" ", "-"))[:40].strip("-")
    return slug or "lanmu"


@dataclass
class NewColumn:
    """One column of the plan that the import made (or found from an earlier run)."""

    old_path: str
    page_id: int
    title: str
    slug: str
    column_type: str
    parent_slug: str
    parent_title: str
    parent_is_home: bool
    created: bool
    """Made by this run (False: made by an earlier run, found by its old path)."""


class ColumnPlanner:
    """Finds or makes the new column of an old column path, parents first."""

    def __init__(
        self,
        home: Page,
        site_id: int,
        run: ImportRun | None,
        existing: dict[str, Page],
        declared: dict[str, Rule],
        locate: Callable[[tuple[str, ...]], Page | None] = lambda path: None,
    ) -> None:
        """Remember the new site's pages by slug and the mapping file's column entries."""
        self.home = home
        self.site_id = site_id
        self.run = run
        self.existing = existing
        self.declared = declared
        self.locate = locate
        """The site column an old column's own name maps to by type (专题专栏 → 政务动态)."""
        self.declared_slugs = {rule.slug: path for path, rule in declared.items() if rule.slug}
        self.columns: dict[str, NewColumn] = {}
        self.refused: set[str] = set()
        """Old paths whose new column a person deleted: never made again."""
        self._known = {
            row.old_path: row.page_id
            for row in LegacyColumn.objects.filter(site_id=site_id).only("old_path", "page_id")
        }

    def page_of_slug(self, slug: str) -> Page | None:
        """A page by slug: the site's own, or a new column the mapping file declares."""
        if slug in self.existing:
            return self.existing[slug]
        path = self.declared_slugs.get(slug)
        if path is None:
            return None
        made = self.column_for(tuple(path.split(SEP)))
        return None if made is None else Page.objects.get(pk=made.page_id)

    def exists(self, path: tuple[str, ...]) -> bool:
        """Tell whether the old path already has its new column (this run's or an earlier one's)."""
        key = SEP.join(path)
        return key in self.columns or key in self.refused or key in self._known

    def column_for(self, path: tuple[str, ...], rule: Rule | None = None) -> NewColumn | None:
        """The new column of an old path, made on first use (None: a person deleted it)."""
        key = SEP.join(path)
        if key in self.columns:
            return self.columns[key]
        if key in self.refused:
            return None
        rule = rule or self.declared.get(key) or Rule(create=True)
        known = self._known.get(key, 0)
        if known is None:
            self.refused.add(key)
            return None
        page = ColumnPage.objects.filter(pk=known).first() if known else None
        parent = page.get_parent() if page is not None else self._parent(path, rule)
        created = False
        if page is None:
            title = rule.title or path[-1]
            page = ColumnPage.objects.child_of(parent).filter(title=title).first()
            if page is None:
                page = self._make(parent, path, rule)
                created = True
            LegacyColumn.objects.update_or_create(
                site_id=self.site_id, old_path=key, defaults={"page": page, "run": self.run}
            )
            self._known[key] = page.pk
        elif rule.title and page.title != rule.title and not edited_by_person(page.pk, None):
            page.title = rule.title
            page.save_revision(log_action=True).publish()
        column = NewColumn(
            old_path=key,
            page_id=page.pk,
            title=page.title,
            slug=page.slug,
            column_type=page.specific.column_type,
            parent_slug=parent.slug,
            parent_title=parent.title,
            parent_is_home=parent.pk == self.home.pk,
            created=created,
        )
        self.columns[key] = column
        return column

    def _parent(self, path: tuple[str, ...], rule: Rule) -> Page:
        """The page a new column goes under: the rule's, its old parent's new place, or home."""
        if rule.parent:
            parent = self.page_of_slug(rule.parent)
            if parent is None:
                old = SEP.join(path)
                raise PlanError(f"映射文件中新栏目「{old}」的上级「{rule.parent}」不存在")
            return parent
        if len(path) > 1:
            return self.place_of(path[:-1])
        under = default_parent(path[-1])
        if under is not None:
            made = self.column_for((under,))
            if made is not None:
                return Page.objects.get(pk=made.page_id)
        return self.home

    def place_of(self, path: tuple[str, ...]) -> Page:
        """Where an old parent column is in the new site: a rule, a column of its name, or new."""
        rule = self.declared.get(SEP.join(path))
        if rule is not None and rule.into:
            page = self.page_of_slug(rule.into)
            if page is not None:
                return page
        for page in self.existing.values():
            if isinstance(page, ColumnPage) and page.title == path[-1]:
                return page
        located = self.locate(path)
        if located is not None:
            return located
        if rule is not None and rule.create is False:
            return self.home
        made = self.column_for(path, rule)
        return self.home if made is None else Page.objects.get(pk=made.page_id)

    def _make(self, parent: Page, path: tuple[str, ...], rule: Rule) -> ColumnPage:
        """Add and publish the new column under parent (a slug free among its siblings)."""
        title = rule.title or path[-1]
        base = rule.slug or column_slug(title)
        slug, n = base, 1
        while slug_taken(parent, slug) or (parent.pk == self.home.pk and slug in RESERVED_SLUGS):
            n += 1
            slug = f"{base}-{n}"
        page = ColumnPage(
            title=title,
            slug=slug,
            column_type=rule.column_type or infer_type(path),
            show_in_menus=True,  # the old site's navigation showed it (sub-columns are listed)
        )
        parent.add_child(instance=page)
        page.save_revision(log_action=True).publish()
        if self.run is not None:
            RunObject.objects.create(
                run=self.run, kind=RunObject.Kind.PAGE, object_id=page.pk, legacy_key=SEP.join(path)
            )
        return page

    def plan(self) -> list[NewColumn]:
        """The new columns of this run's plan, in old path order."""
        return [self.columns[key] for key in sorted(self.columns)]
