"""The shape of a generated site: its profile, columns, page budget and article index."""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .patterns import DATE_FREE, URL_FOLDER, URL_NONE, PatternPlan
from .text import County, TextMaker, Theme, make_county

ENCODINGS = ("gbk", "gb2312", "utf-8")
MIN_PAGES = 40
MAX_PAGES = 200_000
# Share of pages (per mille) whose meta tag lies about the bytes, and that declare no charset.
LYING_META_PER_MILLE = 30
NO_META_PER_MILLE = 20
# Breadcrumb separators as they sit in the HTML source; the odd ones are the "odd_crumbs" pattern.
ODD_SEPARATORS = (" &raquo; ", " >> ", " → ", " -&gt; ")
TOPIC_COLUMNS = (
    ("cwgz", "创文工作"),
    ("cwzl", "创卫工作"),
    ("tpgj", "脱贫攻坚"),
    ("pajs", "平安建设"),
)
SMALL_SITE = 100  # pages; smaller sites have no department page (the budget needs the room)


def rng_for(*parts: object) -> random.Random:
    """Return a Random seeded from the parts; str seeds hash with SHA-512, so runs agree."""
    # Test data only, not security: S311 does not apply.
    return random.Random("|".join(str(part) for part in parts))  # noqa: S311


def per_mille(*parts: object) -> int:
    """Return a stable number in 0..999 for the parts (for deterministic fractions)."""
    return zlib.crc32("|".join(str(part) for part in parts).encode()) % 1000


@dataclass(frozen=True)
class Section:
    """A top-level channel with child columns (新闻中心, 政务公开, 专题专栏)."""

    path: str
    name: str
    crumb_separator: str | None = None  # a section built on another template prints its own


@dataclass(frozen=True)
class Column:
    """A column (栏目) whose items are listed on paginated index pages."""

    path: str
    name: str
    genre: str  # news, photo, notice, policy, personnel, plan, finance, guide
    weight: float
    section: Section | None
    twin: bool = True  # the new site starts with a column (or page) this one maps to

    @property
    def crumb_separator(self) -> str | None:
        """Return the breadcrumb separator of the column's section, if it has its own."""
        return self.section.crumb_separator if self.section is not None else None

    @property
    def crumbs(self) -> list[str]:
        """Return the breadcrumb names below 首页 (the old column path)."""
        return [name for name, _ in self.trail]

    @property
    def trail(self) -> list[tuple[str, str]]:
        """Return the (name, index path) breadcrumb trail below the home page."""
        trail = []
        if self.section is not None:
            trail.append((self.section.name, f"{self.section.path}/index.htm"))
        trail.append((self.name, f"{self.path}/index.htm"))
        return trail


def make_columns(rng: random.Random) -> tuple[tuple[Section, ...], tuple[Column, ...]]:
    """Return the sections and columns of a site; folder names and labels vary by site."""
    news = Section("xwzx", "新闻中心")
    gov = Section("zwgk", rng.choice(("政务公开", "政府信息公开")))
    top_level_notices = rng.random() < 0.4
    columns = [
        Column("xwzx/gzdt", rng.choice(("工作动态", "政务动态", "本县要闻")), "news", 0.30, news),
        Column("xwzx/xzdt", rng.choice(("乡镇动态", "乡镇信息")), "news", 0.14, news),
        Column("xwzx/bmdt", rng.choice(("部门动态", "部门信息")), "news", 0.12, news),
        Column("xwzx/tpxw", "图片新闻", "photo", 0.06, news),
        Column(
            "tzgg" if top_level_notices else "zwgk/tzgg",
            "通知公告",
            "notice",
            0.13,
            None if top_level_notices else gov,
        ),
        Column(
            "zcwj" if top_level_notices else "zwgk/zcwj",
            rng.choice(("政策文件", "政府文件")),
            "policy",
            0.09,
            None if top_level_notices else gov,
        ),
        Column("zwgk/rsxx", "人事信息", "personnel", 0.06, gov, twin=False),
        Column("zwgk/ghjh", "规划计划", "plan", 0.05, gov, twin=False),
        Column(
            "zwgk/czxx", rng.choice(("财政信息", "财政预决算")), "finance", 0.05, gov, twin=False
        ),
    ]
    # Columns with no twin on the new site; the two later sections came on other templates.
    service = Section(
        "bsfw", rng.choice(("办事服务", "网上办事", "便民服务")), rng.choice(ODD_SEPARATORS[1:])
    )
    topics = Section("ztzl", "专题专栏", ODD_SEPARATORS[0])
    staff_path, staff_name = rng.choice((("gwygl", "公务员管理"), ("zyzc", "专业职称")))
    topic_path, topic_name = rng.choice(TOPIC_COLUMNS)
    columns += [
        Column(f"zwgk/{staff_path}", staff_name, "personnel", 0.03, gov, twin=False),
        Column("bsfw/bszn", "办事指南", "guide", 0.04, service, twin=False),
        Column(f"ztzl/{topic_path}", topic_name, "news", 0.03, topics, twin=False),
    ]
    return (news, gov, service, topics), tuple(columns)


@dataclass(frozen=True)
class Profile:
    """Site-wide choices: layout, markup habits, date range and the county itself."""

    seed: int
    host: str
    encoding: str
    declared_charset: str
    county: County
    site_name: str
    title_separator: str
    layout: str  # "table" or "frame"
    body_style: str  # "trs", "zoom_td", "fontzoom"
    paragraph_style: str  # "indent_css", "fullwidth", "br"
    meta_style: int
    pager_style: str  # "js" (TRS createPageHTML) or "links"
    list_date_style: int
    crumb_separator: str
    page_size: int
    start: date
    days: int


def make_profile(seed: int, host: str, encoding: str) -> Profile:
    """Draw the site-wide choices for a seed."""
    rng = rng_for(seed, "profile")
    county = make_county(rng)
    if encoding == "utf-8":
        declared = rng.choice(("utf-8", "UTF-8"))
    elif encoding == "gb2312":
        declared = "gb2312"
    else:
        declared = rng.choice(("gb2312", "gb2312", "gbk", "GBK"))
    end = date(rng.randint(2010, 2016), rng.randint(1, 12), rng.randint(1, 28))
    years = rng.randint(3, 5)
    start = end.replace(year=end.year - years)
    return Profile(
        seed=seed,
        host=host,
        encoding=encoding,
        declared_charset=declared,
        county=county,
        site_name=rng.choice(
            (f"{county.name}人民政府", f"{county.name}政府门户网站", f"中国{county.short}")
        ),
        title_separator=rng.choice(("_", " - ", "--", "|")),
        layout="frame" if rng.random() < 0.3 else "table",
        body_style=rng.choice(("trs", "trs", "zoom_td", "fontzoom")),
        paragraph_style=rng.choice(("indent_css", "fullwidth", "fullwidth", "br")),
        meta_style=rng.randrange(5),
        pager_style=rng.choice(("js", "links")),
        list_date_style=rng.randrange(3),
        crumb_separator=rng.choice((" &gt; ", " &gt;&gt; ", " > ", " → ", " &raquo; ", " -&gt; ")),
        page_size=20,
        start=start,
        days=(end - start).days,
    )


@dataclass(frozen=True)
class StaticPlan:
    """How many department and leader pages a site of this size has."""

    departments: int
    leaders: int

    @property
    def pages(self) -> int:
        """Return the number of static pages: overview, two indexes, departments, leaders."""
        return 3 + self.departments + self.leaders


def static_plan(pages: int, county: County) -> StaticPlan:
    """Scale the static pages with the site size."""
    return StaticPlan(
        departments=max(0 if pages < SMALL_SITE else 1, min(len(county.departments), pages // 400)),
        leaders=max(1, min(len(county.leaders), pages // 1000)),
    )


def allocate(total: int, columns: tuple[Column, ...], page_size: int) -> list[int]:
    """Split articles over the columns: one each, the rest by weight, a paginated first column."""
    count = len(columns)
    counts = [1] * count
    rest = total - count
    shares = [rest * column.weight / sum(c.weight for c in columns) for column in columns]
    for position, share in enumerate(shares):
        counts[position] += int(share)
    leftover = total - sum(counts)
    order = sorted(range(count), key=lambda p: (-(shares[p] - int(shares[p])), p))
    for position in order[:leftover]:
        counts[position] += 1
    target = min(total - (count - 1), page_size + page_size // 2)
    while counts[0] < target:
        donor = max(range(1, count), key=lambda p: (counts[p], -p))
        if counts[donor] <= 1:
            break
        counts[donor] -= 1
        counts[0] += 1
    return counts


def list_pages(counts: list[int], page_size: int) -> int:
    """Return the number of list pages the columns need."""
    return sum(max(1, math.ceil(count / page_size)) for count in counts)


@dataclass(frozen=True)
class Budget:
    """The page budget solved so the HTML file count equals the requested pages."""

    fixed: int
    statics: StaticPlan
    counts: tuple[int, ...]
    lists: int
    duplicates: int

    @property
    def articles(self) -> int:
        """Return the number of distinct articles."""
        return sum(self.counts)


def fixed_pages(profile: Profile, statics: StaticPlan, sections: int) -> int:
    """Return the pages that do not depend on the article count."""
    home = 3 if profile.layout == "frame" else 1
    others = 3  # search, site map, 互动交流 form page
    return home + sections + statics.pages + others


def solve_budget(
    pages: int, profile: Profile, columns: tuple[Column, ...], sections: int
) -> Budget:
    """Find article, list-page and duplicate counts adding up to exactly `pages`."""
    statics = static_plan(pages, profile.county)
    fixed = fixed_pages(profile, statics, sections)
    remaining = pages - fixed
    articles = remaining - len(columns)
    while articles >= len(columns):
        counts = allocate(articles, columns, profile.page_size)
        duplicates = remaining - articles - list_pages(counts, profile.page_size)
        if duplicates >= max(1, articles // 40):
            return Budget(
                fixed, statics, tuple(counts), list_pages(counts, profile.page_size), duplicates
            )
        articles -= 1
    raise ValueError(f"a site needs at least {MIN_PAGES} pages, got {pages}")


@dataclass(frozen=True)
class ArticleRef:
    """What lists and neighbours need to know about an article, recomputable on demand."""

    column: Column
    index: int
    gid: int
    legacy_id: int
    theme: Theme  # what the title (and later the body) is about
    day: date
    title: str
    path: str
    duplicate: str | None  # None, "wget" (content.jsp@id=N.html) or "copy" (a plain copy)
    patterns: tuple[tuple[str, str], ...] = ()  # (pattern, variant) pairs, see patterns.py

    def variant(self, pattern: str) -> str | None:
        """Return the variant of a pattern this article shows, or None."""
        return next((variant for name, variant in self.patterns if name == pattern), None)

    @property
    def list_date(self) -> str | None:
        """Return the date lists print beside the title (None for a date-free article)."""
        return None if self.variant(DATE_FREE) else f"{self.day:%Y-%m-%d}"

    @property
    def url_date(self) -> str | None:
        """Return the date the article's URL carries, if any."""
        return None if self.variant(DATE_FREE) == URL_NONE else f"{self.day:%Y-%m-%d}"

    @property
    def duplicate_path(self) -> str | None:
        """Return where the duplicate copy lives, if the article has one."""
        if self.duplicate == "wget":
            return f"content.jsp@id={self.legacy_id}.html"
        if self.duplicate == "copy":
            return f"{self.path.rsplit('/', 1)[0]}/{self.legacy_id}.html"
        return None

    @property
    def duplicate_url(self) -> str | None:
        """Return the original URL path of the duplicate copy."""
        if self.duplicate == "wget":
            return f"/content.jsp?id={self.legacy_id}"
        return f"/{self.duplicate_path}" if self.duplicate else None


class SitePlan:
    """Everything needed to produce any page of the site without holding the site in memory."""

    def __init__(self, seed: int, pages: int, encoding: str, host: str) -> None:
        """Draw the profile and solve the page budget."""
        if encoding not in ENCODINGS:
            raise ValueError(f"encoding must be one of {', '.join(ENCODINGS)}, got {encoding!r}")
        if pages < MIN_PAGES:
            raise ValueError(f"a site needs at least {MIN_PAGES} pages, got {pages}")
        if pages > MAX_PAGES:
            raise ValueError(f"at most {MAX_PAGES} pages, got {pages}")
        self.seed = seed
        self.pages = pages
        self.profile = make_profile(seed, host, encoding)
        self.sections, self.columns = make_columns(rng_for(seed, "columns"))
        self.budget = solve_budget(pages, self.profile, self.columns, len(self.sections))
        self.counts = self.budget.counts
        self.patterns = PatternPlan(seed, [column.genre for column in self.columns], self.counts)
        offsets = []
        eligible_offsets = []
        total = eligible = 0
        for count in self.counts:
            offsets.append(total)
            eligible_offsets.append(eligible if count >= 2 else -1)
            total += count
            eligible += count if count >= 2 else 0
        self.offsets = tuple(offsets)
        self.eligible_offsets = tuple(eligible_offsets)
        self.eligible = eligible
        self.dup_multiplier = next(
            prime for prime in (7919, 7927, 7933, 7937) if eligible % prime != 0
        )
        self.dup_shift = rng_for(seed, "dups").randrange(max(1, eligible))
        self.article = lru_cache(maxsize=512)(self._article)

    @property
    def latest_day(self) -> date:
        """Return the newest publish date on the site."""
        return max(self.latest(position, 1)[0].day for position in range(len(self.columns)))

    def column_index(self, column: Column) -> int:
        """Return the position of a column."""
        return self.columns.index(column)

    def duplicate_kind(self, column_index: int, index: int) -> str | None:
        """Pick which articles get a duplicate URL: exactly `budget.duplicates` over the site."""
        offset = self.eligible_offsets[column_index]
        if offset < 0:
            return None
        position = offset + index
        slot = (position * self.dup_multiplier + self.dup_shift) % self.eligible
        if slot >= self.budget.duplicates:
            return None
        return "copy" if slot % 3 == 2 else "wget"

    def _article(self, column_index: int, index: int) -> ArticleRef:
        """Compute an article's list-level facts; index 0 is the oldest in its column."""
        column = self.columns[column_index]
        count = self.counts[column_index]
        rng = rng_for(self.seed, "article", column.path, index)
        profile = self.profile
        offset = math.floor((index + rng.random()) * profile.days / count)
        day = profile.start + timedelta(days=min(offset, profile.days))
        gid = self.offsets[column_index] + index
        legacy_id = 1000 + gid * 4 + rng.randrange(4)
        theme = TextMaker(profile.county, rng).theme_for()
        title = TextMaker(profile.county, rng, theme).title(column.genre, day)
        month = f"{day.year}{day.month:02d}"
        patterns = self.patterns.article(column_index, index)
        url_shape = next((variant for name, variant in patterns if name == DATE_FREE), None)
        if url_shape == URL_FOLDER:
            path = f"{column.path}/{day:%Y-%m}/{day:%d}/{legacy_id}.htm"
        elif url_shape == URL_NONE:
            path = f"{column.path}/content_{legacy_id}.htm"
        else:
            path = f"{column.path}/{month}/t{day:%Y%m%d}_{legacy_id}.htm"
        return ArticleRef(
            column=column,
            index=index,
            gid=gid,
            legacy_id=legacy_id,
            theme=theme,
            day=day,
            title=title,
            path=path,
            duplicate=self.duplicate_kind(column_index, index),
            patterns=patterns,
        )

    def latest(self, column_index: int, limit: int) -> list[ArticleRef]:
        """Return the newest articles of a column, newest first."""
        count = self.counts[column_index]
        return [
            self.article(column_index, i) for i in range(count - 1, max(-1, count - 1 - limit), -1)
        ]

    def list_page_count(self, column_index: int) -> int:
        """Return how many list pages a column has."""
        return max(1, math.ceil(self.counts[column_index] / self.profile.page_size))
