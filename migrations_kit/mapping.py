"""Map legacy columns (URL folders, breadcrumbs, list pages) to the new site's columns."""

from __future__ import annotations

import html as html_lib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.utils.translation import gettext as _
from wagtail.models import Page

from redesign.core.column_types import ColumnType
from redesign.core.models import ColumnPage, StandardPage

from .column_rules import (
    STATIC_RULES,
    TYPE_RULES,
    is_column_name,
    is_site_crumb,
    is_unit_name,
)
from .column_rules import match_rule as _match
from .columnplan import SEP, ColumnPlanner, NewColumn, PlanError, Rule, parse_rule
from .models import ImportRun, LegacyColumn, RunObject
from .urls import normalize_url

HOLDING_SLUG = "daizhengli"
HOLDING_TITLE = "待整理"

_CRUMB_ANCHOR = re.compile(
    r"(?:当前位置|现在的位置|所在位置|当前的位置|您的位置|位置\s*(?=[:：]))(?:\s*是)?"
)
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|»|>|›|→|⇒|/|－|-{1,2}>|=>|\s-\s)\s*")
_CRUMB_END = re.compile(r"</(?:p|div|td|tr|li|h\d|ul|table|span)>|<br", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,500}>", re.DOTALL)
_NOT_CRUMB = {"首页", "网站首页", "主页", "当前位置", "您的位置", "正文", "内容", "详情", ""}


class MappingError(Exception):
    """The mapping file cannot be used (one line for the command)."""


def breadcrumbs(html: str) -> list[str]:
    """The crumbs after 当前位置, up to the end of the breadcrumb's element (首页 dropped)."""
    match = _CRUMB_ANCHOR.search(html)
    if not match:
        return []
    window = _CRUMB_END.split(html[match.end() : match.end() + 1500], maxsplit=1)[0]
    # entities first (&raquo;, &gt;, &nbsp;, &#8594;): every separator is then one character
    text = html_lib.unescape(_TAG.sub(" ", window)).replace("\xa0", " ")
    crumbs = []
    for part in _CRUMB_SPLIT.split(text):
        part = re.sub(r"\s+", " ", part.strip(" :：\t\r\n\u3000"))
        if part and len(part) <= 30 and part not in _NOT_CRUMB:
            crumbs.append(part)
        if len(crumbs) >= 6:
            break
    return crumbs


_COLUMN_META = re.compile(
    r"<meta\s[^>]*?name\s*=\s*[\"']?columnname[\"']?[^>]*?content\s*=\s*[\"']([^\"'<>]{1,60})"
    r"|<meta\s[^>]*?content\s*=\s*[\"']([^\"'<>]{1,60})[\"'][^>]*?name\s*=\s*[\"']?columnname\b",
    re.IGNORECASE,
)


def old_columns(html: str) -> list[str]:
    """The page's old column path: its breadcrumbs, else the ColumnName <meta> of 政府网站 pages.

    The national page design rules ask every government page for ``<meta name="ColumnName">``;
    newer TRS and Hanweb sites print it even where the breadcrumb is drawn by script.
    """
    crumbs = breadcrumbs(html)
    if crumbs:
        return crumbs
    match = _COLUMN_META.search(html[:20000])
    name = html_lib.unescape(match.group(1) or match.group(2)).strip() if match else ""
    return [name] if name and name not in _NOT_CRUMB else []


def static_slug_for(names: list[str], folders: list[str]) -> str | None:
    """The standard page slug (gkxx, jgzn, fzrxx) a static page belongs under, if any."""
    for name in reversed(names):
        for slug, words, _codes in STATIC_RULES:
            if any(word in name for word in words):
                return slug
    for folder in reversed(folders):
        for slug, _words, codes in STATIC_RULES:
            if folder.lower() in codes:
                return slug
    return None


def places_for(names: list[str], folders: list[str]) -> Iterator[tuple[str, str, int]]:
    """(kind, value, depth) guesses, most specific first: kind "type" or "static".

    Names go from the most specific up; for each, a column type keyword wins over a standard page
    keyword (机构设置 > 科室 > 宣传报道 is news, 机构设置 > 科室 > 办公室 is 机构职能). A name
    that is an office's (政策法规科, 招生办公室) says who, not what: its topic words do not pick
    a column (机构职责 > 各科室 > 政策法规科 is 机构职能). Folder codes come last (depth 0).
    """
    for depth in range(len(names), 0, -1):
        name = names[depth - 1]
        if not is_unit_name(name) and (found := _match(name, TYPE_RULES)):
            yield "type", found, depth
        # a 领导小组 is a working group (an office), not the leadership
        if found := _match(name.replace("领导小组", "小组"), STATIC_RULES):
            yield "static", found, depth
    for folder in reversed(folders):
        for kind, rules in (("type", TYPE_RULES), ("static", STATIC_RULES)):
            for value, _words, codes in rules:
                if folder.lower() in codes:
                    yield kind, value, 0


def load_mapping_file(path: str | Path) -> dict[str, str | Rule]:
    """Read a TOML or YAML file: {old URL path prefix, old column name or path: slug or table}.

    An old column path (``机构设置 > 科室 > 人事科 > 公文通知``) matches that column and its
    ending (``人事科 > 公文通知``); a single name matches wherever it occurs in a page's path. A
    slug merges the old column into that column; a table (``{ create = true, title = "…",
    slug = "…", parent = "…", type = "…" }``) states its new column, ``create = false`` refuses one.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise MappingError(f"无法读取映射文件 {path}: {err}") from err
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        else:
            data = yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise MappingError(f"映射文件格式错误 {path}: {first}") from err
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise MappingError(f"映射文件应为「旧路径或旧栏目名 = 新栏目 slug 或表」的键值对: {path}")
    rules: dict[str, str | Rule] = {}
    for key, value in data.items():
        if not key.strip():
            continue
        try:
            rule = parse_rule(key, value)
        except PlanError as err:
            raise MappingError(f"映射文件 {path}: {err}") from err
        plain = isinstance(value, str)
        rules[key.strip()] = value.strip() if plain else rule
    return rules


@dataclass
class Target:
    """Where a legacy page goes: a column (or standard page) of the new site, and why."""

    page_id: int
    title: str
    how: str
    old_column: str = ""
    holding: bool = False
    static: bool = False
    """The page belongs under a standard page, so it becomes a StandardPage."""
    slug: str = ""
    """The new column's slug: what a mapping file names it by."""
    new: bool = False
    """The column was made by the import for an old column with no twin."""


def _folders(url: str) -> list[str]:
    """The folder names of a URL path (not the file name)."""
    return [part for part in urlsplit(url).path.split("/")[:-1] if part]


def _overlap(a: str, b: str) -> int:
    """Characters two titles share (a crude similarity for choosing among same-type columns)."""
    return len(set(a) & set(b))


class ColumnMapper:
    """Decides the new column for each legacy page; makes new columns and 待整理 on demand."""

    def __init__(
        self,
        home: Page,
        rules: dict[str, str | Rule] | None = None,
        run: ImportRun | None = None,
        *,
        new_columns: bool = True,
    ) -> None:
        """Load the new site's columns and check the mapping file's slugs exist."""
        self.home = home
        self.run = run
        self.columns: list[ColumnPage] = list(
            ColumnPage.objects.descendant_of(home).order_by("path")
        )
        self.standards: list[StandardPage] = list(
            StandardPage.objects.descendant_of(home).filter(depth__lte=home.depth + 2)
        )
        self.by_slug: dict[str, Page] = {}
        for page in [*self.standards, *self.columns]:
            self.by_slug.setdefault(page.slug, page)
        self.prefix_rules: list[tuple[str, Rule]] = []
        self.name_rules: dict[str, Rule] = {}
        parsed = {
            key: parse_rule(key, value) if isinstance(value, str) else value
            for key, value in (rules or {}).items()
        }
        declared = {rule.slug for rule in parsed.values() if rule.create and rule.slug}
        for key, rule in parsed.items():
            for slug in (rule.into, rule.parent):
                if slug and slug not in self.by_slug and slug not in declared:
                    if slug != HOLDING_SLUG or rule.parent == slug:
                        raise MappingError(f"映射文件中的新栏目「{slug}」在站点中不存在")
            if "/" in key or key.isascii():
                self.prefix_rules.append((key.strip("/"), rule))
            else:
                self.name_rules[SEP.join(part.strip() for part in key.split(">"))] = rule
        self.prefix_rules.sort(key=lambda rule: len(rule[0]), reverse=True)
        self.new_columns = new_columns
        site = home.get_site()
        self.made = set(
            LegacyColumn.objects.filter(site=site, page__isnull=False).values_list(
                "page_id", flat=True
            )
        )
        """Columns earlier runs made for old columns: found by old path, never matched by type."""
        self.planner = ColumnPlanner(
            home,
            site.pk if site else 0,
            run,
            self.by_slug,
            {path: rule for path, rule in self.name_rules.items() if rule.create},
            self._column_by_own_name,
        )
        self.learned: dict[str, list[str]] = {}
        """Folder of a list page → that list's old column path."""
        self.listed: dict[str, list[str]] = {}
        """Legacy key of a page a list page lists → that list's old column path."""
        self._holding: ColumnPage | None = None
        self.own_names: set[str] = set()
        """The names the site goes by (a first crumb naming it is the home page)."""

    def learn_list(self, url: str, title: str | None, crumbs: list[str]) -> None:
        """Remember the column path of a list page's folder for articles found later."""
        names = [c for c in crumbs if is_column_name(c)] or ([title] if title else [])
        if len(names) > 1 and is_site_crumb(names[0], self.own_names):
            names = names[1:]
        folder = "/".join(_folders(url))
        if names and folder and folder not in self.learned:
            self.learned[folder] = names

    def learn_items(self, hrefs: list[str], names: list[str]) -> None:
        """Remember that a list page of old column names lists these pages (first list wins)."""
        if not names:
            return
        for href in hrefs:
            if "://" in href:
                self.listed.setdefault(normalize_url(href), names)

    def _names(self, url: str, crumbs: list[str], title: str | None) -> list[str]:
        """Old column names, general to specific: breadcrumbs, listing list page, folder's list."""
        names = [c for c in crumbs if c != (title or "").strip() and is_column_name(c, title or "")]
        if len(names) > 1 and is_site_crumb(names[0], self.own_names):
            names = names[1:]  # the site's name where other sites print 首页
        if names:
            return names
        listed = self.listed.get(normalize_url(url)) if self.listed else None
        if listed:
            return listed
        folders = _folders(url)
        for end in range(len(folders), 0, -1):
            learned = self.learned.get("/".join(folders[:end]))
            if learned:
                return learned
        return []

    def _by_rule(self, url: str, names: list[str]) -> tuple[Rule, str, tuple[str, ...]] | None:
        """The mapping file rule for a page: (rule, a note of which, the old path it names)."""
        path = urlsplit(url).path.lstrip("/")
        for prefix, rule in self.prefix_rules:
            if path.startswith(prefix):
                return rule, f"映射文件: {prefix}", tuple(names) or (prefix,)
        for start in range(len(names) - 1):
            joined = SEP.join(names[start:])
            if joined in self.name_rules:
                return self.name_rules[joined], f"映射文件: {joined}", tuple(names)
        for end in range(len(names), 0, -1):
            if names[end - 1] in self.name_rules:
                name = names[end - 1]
                return self.name_rules[name], f"映射文件: {name}", tuple(names[:end])
        return None

    def _target(self, slug: str, how: str, old: str) -> Target:
        """A target for a slug (待整理 and declared new columns are made when first needed)."""
        if slug == HOLDING_SLUG:
            return self.holding(old, how)
        page = self.planner.page_of_slug(slug)
        if page is None:
            return self.holding(old, f"映射文件中的新栏目「{slug}」已被删除")
        return Target(page.pk, page.title, how, old, slug=page.slug)

    def _new(
        self, path: tuple[str, ...], old: str, how: str, rule: Rule | None = None, make: bool = True
    ) -> Target:
        """The new column of an old path (待整理 when a person deleted the one made before).

        make=False: a column not made yet is not made; the target says so (new, page_id 0).
        """
        if not make and not self.planner.exists(path):
            return Target(0, path[-1], how, old, new=True)
        made: NewColumn | None = self.planner.column_for(path, rule)
        if made is None:
            return self.holding(old, "此前新建的栏目已被删除，未重建")
        return Target(made.page_id, made.title, how, old, slug=made.slug, new=True)

    def for_article(
        self,
        url: str,
        crumbs: list[str],
        title: str | None,
        *,
        make: bool = True,
        new_columns: bool = True,
    ) -> Target:
        """The column (or standard page) an article goes under.

        The most specific old column name that has a home in the new site wins: 机构职责 > 人事科
        finds no personnel column, so it goes under 机构职能. An old column of a type the site
        has no column for (人事信息), or of no known type, becomes a new column under its old
        parent's place; 待整理 only takes pages with no old column at all (or new columns off).
        """
        names = self._names(url, crumbs, title)
        old = SEP.join(names)
        found = self._by_rule(url, names)
        # an old column with no twin may become a new column (unless off, or refused by a rule)
        allowed = self.new_columns and new_columns
        if found:
            rule, how, path = found
            if rule.into:
                return self._target(rule.into, how, old)
            if rule.create and allowed:
                return self._new(path, old, how, rule, make)
            allowed = False
        first_type = None
        for kind, value, depth in places_for(names, _folders(url)):
            target = self._place(kind, value, names[:depth] or names, old)
            if target is not None and kind == "type" and 0 < depth < len(names):
                # a unit's name (部门动态 > 县教育局) says who wrote, not what: it joins the type
                if allowed and not is_unit_name(names[-1]):
                    # 专题专栏 > 创卫工作: the untyped old column comes across under 政务动态
                    return self._new(tuple(names), old, f"新建栏目（上级类型 {value}）", None, make)
            if target is not None:
                return target
            if kind == "type" and depth and allowed:
                # a named column the new site has no twin of comes across, with its old path
                return self._new(tuple(names), old, f"新建栏目（类型 {value}）", None, make)
            first_type = first_type or (value if kind == "type" else None)
        if names and allowed:
            return self._new(tuple(names), old, "新建栏目", None, make)
        why = f"无对应的新栏目（类型 {first_type}）" if first_type else "无法判断栏目"
        return self.holding(old, why)

    def _column_by_own_name(self, path: tuple[str, ...]) -> Page | None:
        """The site column an old column's own name maps to by its type, if the site has one."""
        name = path[-1]
        found = "" if is_unit_name(name) else _match(name, TYPE_RULES)
        target = self._place("type", found, list(path), "") if found else None
        return next((c for c in self.columns if target and c.pk == target.page_id), None)

    def _place(self, kind: str, value: str, names: list[str], old: str) -> Target | None:
        """The standard page or the best column of a type, if the new site has one."""
        if kind == "static":
            page = self.by_slug.get(value)
            if isinstance(page, StandardPage):
                how = f"旧栏目属于: {page.title}"
                return Target(page.pk, page.title, how, old, static=True, slug=page.slug)
            return None
        if value == ColumnType.OTHER:
            return None  # 其他 is no type: two unrelated columns never merge by it
        candidates = [
            c
            for c in self.columns
            if c.column_type == value and c.slug != HOLDING_SLUG and c.pk not in self.made
        ]
        if not candidates:
            return None
        name = names[-1] if names else ""
        best = min(candidates, key=lambda c: (-_overlap(name, c.title), "要闻" in c.title, c.path))
        return Target(best.pk, best.title, f"栏目类型: {value}", old, slug=best.slug)

    def for_static(self, url: str, crumbs: list[str], title: str | None) -> Target | None:
        """The standard page a static page goes under, or None when it is not a static page."""
        names = [*self._names(url, crumbs, title), title or ""]
        old = " > ".join(n for n in names if n)
        rule = self._by_rule(url, names)
        slug = static_slug_for(names, _folders(url))
        if slug is None:
            return None
        if rule and rule[0].into:
            return self._target(rule[0].into, rule[1], old)
        if rule and rule[0].create and self.new_columns:
            return self._new(rule[2], old, rule[1], rule[0])
        if slug in self.by_slug:
            page = self.by_slug[slug]
            return Target(page.pk, page.title, f"静态页面: {page.title}", old, slug=page.slug)
        return self.holding(old, "无对应的静态栏目")

    def for_list(
        self,
        url: str,
        crumbs: list[str],
        title: str | None,
        *,
        make: bool = True,
        new_columns: bool = True,
    ) -> Target:
        """The new column an old list page redirects to (new_columns=False: an existing one)."""
        names = [*crumbs, *([title] if title and not crumbs else [])]
        return self.for_article(url, names, None, make=make, new_columns=new_columns)

    def holding(self, old: str = "", how: str = "") -> Target:
        """The 待整理 column (not in menus), created on demand."""
        if self._holding is None:
            existing = ColumnPage.objects.child_of(self.home).filter(slug=HOLDING_SLUG).first()
            if existing is None:
                existing = ColumnPage(
                    title=_(HOLDING_TITLE),
                    slug=HOLDING_SLUG,
                    column_type=ColumnType.OTHER,
                    show_in_menus=False,
                )
                self.home.add_child(instance=existing)
                existing.save_revision().publish()
                if self.run is not None:
                    RunObject.objects.create(
                        run=self.run, kind=RunObject.Kind.PAGE, object_id=existing.pk
                    )
            self._holding = existing
        holding = self._holding
        return Target(holding.pk, holding.title, how, old, holding=True, slug=HOLDING_SLUG)
