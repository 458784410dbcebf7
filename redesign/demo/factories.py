"""Realistic county trees for tests, built by the demo builder.

One call provisions a county site with `create_county_site` (columns, collection, groups) and
fills it the way the demo cluster is filled: identity settings, generated Chinese articles with
covers, tables and attachments, industry pages with figures, enterprises, products and a gallery,
the standard pages (概况信息, 机构职能, 负责人信息) and a home page using every home block::

    tree = build_county_tree("napo", size="small")
    tree.articles["yaowen"][0]   # the newest 要闻 (source, author, maybe a cover)
    tree.column("zcwj")          # the 政策文件 column
    tree.industries[0]           # an IndustryPage

`size` is one of SIZES ("tiny", "small", "medium", "full") or a mapping of article counts by
column slug (yaowen, zwdt, tzgg, zcwj). Content is deterministic for a seed and a `now`;
pictures are drawn at a quarter of the demo's size unless `scale` says otherwise.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from wagtail.models import Site

from redesign.cluster.provisioning import ProvisioningResult, create_county_site
from redesign.core.models import ArticlePage, ColumnPage, HomePage, IndustryPage, StandardPage

from .content import SEED, ContentGenerator
from .content.generator import DEFAULT_COUNTS
from .county_site import (
    build_county_home,
    build_county_standard_pages,
    set_county_column_intros,
    set_county_identity,
)
from .profiles import COUNTIES, County
from .site_builder import SiteBuilder

__all__ = ["SIZES", "CountyTree", "build_county_tree", "county_profile"]

SIZES: dict[str, dict[str, int]] = {
    "tiny": {"yaowen": 1, "zwdt": 1, "tzgg": 1, "zcwj": 1},
    "small": {"yaowen": 4, "zwdt": 3, "tzgg": 2, "zcwj": 2},
    "medium": {"yaowen": 25, "zwdt": 8, "tzgg": 5, "zcwj": 3},
    "full": dict(DEFAULT_COUNTS),
}


@dataclass
class CountyTree:
    """A county site built for a test: what was provisioned and the pages that fill it."""

    profile: County
    result: ProvisioningResult
    builder: SiteBuilder
    articles: dict[str, list[ArticlePage]] = field(default_factory=dict)
    industries: list[IndustryPage] = field(default_factory=list)
    standard_pages: list[StandardPage] = field(default_factory=list)

    @property
    def site(self) -> Site:
        """The Wagtail site."""
        return self.result.site

    @property
    def home(self) -> HomePage:
        """The site's home page."""
        return self.result.home

    @property
    def collection(self) -> Any:
        """The site's image and document collection."""
        return self.result.collection

    @property
    def host(self) -> str:
        """The Host header that reaches the site (hostname, with the port unless it is 80)."""
        site = self.site
        return site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"

    def column(self, slug: str) -> ColumnPage:
        """One of the site's standard columns, by slug."""
        return ColumnPage.objects.child_of(self.home).get(slug=slug)

    def all_articles(self) -> list[ArticlePage]:
        """Every article built, newest first within each column."""
        return [page for pages in self.articles.values() for page in pages]


def county_profile(county: County | str) -> County:
    """A demo county profile, given itself or its key (napo, jingxi, debao)."""
    if isinstance(county, County):
        return county
    for profile in COUNTIES:
        if profile.key == county:
            return profile
    keys = ", ".join(profile.key for profile in COUNTIES)
    raise ValueError(f"no demo county {county!r}; the demo counties are {keys}")


def build_county_tree(
    county: County | str = "napo",
    size: str | Mapping[str, int] = "small",
    *,
    industries: int = 1,
    standard_pages: bool = True,
    home: bool = True,
    hostname: str | None = None,
    port: int = 80,
    owner: Any = None,
    now: datetime.datetime | None = None,
    seed: int = SEED,
    scale: float = 0.25,
) -> CountyTree:
    """Provision one demo county and fill it with generated pages at the chosen size."""
    profile = county_profile(county)
    counts = dict(SIZES[size]) if isinstance(size, str) else dict(size)
    unknown = set(counts) - set(DEFAULT_COUNTS)
    if unknown:
        raise ValueError(f"article counts are by column {sorted(DEFAULT_COUNTS)}, got {unknown}")
    moment = timezone.localtime(now or timezone.now())
    result = create_county_site(profile.full_name, hostname or profile.hostname, port)
    builder = SiteBuilder(
        result,
        owner,
        random.Random(f"{seed}-images-{profile.key}"),  # noqa: S311 - pictures, not security
        moment,
        profile.key,
        profile.primary_color,
        profile.accent_color,
        profile.palette,
        scale=scale,
        cover_count=3,
    )
    gen = ContentGenerator(profile, moment, seed)
    banner = set_county_identity(builder, profile)
    set_county_column_intros(builder, profile)
    tree = CountyTree(profile, result, builder)
    tree.articles = builder.add_articles(gen.articles(counts))
    tree.industries = [
        builder.add_industry(profile, industry) for industry in profile.industries[:industries]
    ]
    if standard_pages:
        build_county_standard_pages(builder, profile, gen)
        tree.standard_pages = list(StandardPage.objects.child_of(result.home).live())
    if home:
        build_county_home(builder, profile, gen, tree.articles, tree.industries, banner, port)
    return tree
