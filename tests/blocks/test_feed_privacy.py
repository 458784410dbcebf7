"""Every block that lists pages hides articles behind a view restriction (password or login)."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction

from blocks.gov_affairs import GovAffairsFeedBlock, NoticeListBlock, NoticeTickerBlock
from blocks.news import FeaturedNewsBlock, NewsFeedBlock, TabbedFeedBlock
from redesign.core.models import ColumnPage
from tests.blocks.helpers import CountySite, add_article

PUBLIC_TITLE = "公开的文章"
HIDDEN_TITLE = "受限的文章"
HIDDEN_SUMMARY = "受限文章的摘要"
HIDDEN_COVER = "hidden-cover"


def cover_image(name: str) -> Image:
    """A small PNG whose file name (and so its renditions' names) starts with name."""
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), "#2a6fb0").save(buffer, "PNG")
    return Image.objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))


# Each listing block: the column it reads (by slug) and its value as the editor saves it.
FeedCase = tuple[type, str, Callable[[CountySite, list[int]], dict[str, Any]]]

FEED_CASES: dict[str, FeedCase] = {
    "news_feed": (
        NewsFeedBlock,
        "yaowen",
        lambda site, _ids: {
            "heading": "要闻",
            "columns": [site.columns["yaowen"].pk],
            "count": 8,
            "show_images": True,
            "show_dates": True,
        },
    ),
    "news_feed_whole_site": (
        NewsFeedBlock,
        "yaowen",
        lambda _site, _ids: {"heading": "要闻", "columns": [], "count": 8, "show_images": True},
    ),
    "featured_news": (
        FeaturedNewsBlock,
        "yaowen",
        lambda _site, ids: {"heading": "头条", "articles": ids, "style": "carousel"},
    ),
    "tabbed_feed": (
        TabbedFeedBlock,
        "yaowen",
        lambda site, _ids: {
            "heading": "新闻中心",
            "tabs": [{"label": "要闻", "column": site.columns["yaowen"].pk}],
            "count": 6,
            "show_dates": True,
        },
    ),
    "gov_affairs_feed": (
        GovAffairsFeedBlock,
        "zwgk",
        lambda _site, _ids: {"heading": "政务动态", "columns": [], "count": 8},
    ),
    "notice_list": (
        NoticeListBlock,
        "tongzhi",
        lambda _site, _ids: {"heading": "通知公告", "columns": [], "count": 8, "mark_new": True},
    ),
    "notice_ticker": (
        NoticeTickerBlock,
        "tongzhi",
        lambda site, _ids: {
            "label": "通知公告",
            "columns": [site.columns["tongzhi"].pk],
            "count": 5,
            "duration": 30,
        },
    ),
}


def restrict(page: Page, kind: str) -> None:
    """Put a password or login restriction on page."""
    if kind == PageViewRestriction.PASSWORD:
        PageViewRestriction.objects.create(page=page, restriction_type=kind, password="mima")
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=kind)


def render_feed(case: str, site: CountySite, article_ids: list[int]) -> str:
    """Render one listing block on the site's home page."""
    block_class, _slug, make_value = FEED_CASES[case]
    block = block_class()
    value = block.to_python(make_value(site, article_ids))
    return block.render(value, context={"page": site.home})


def add_pair(site: CountySite, slug: str, inside_subcolumn: bool) -> tuple[Page, Page, Page]:
    """A public article and a second one (directly in the column or in a sub-column)."""
    column = site.columns[slug]
    public = add_article(column, PUBLIC_TITLE, days_ago=2, summary="公开文章的摘要")
    parent = column
    if inside_subcolumn:
        parent = column.add_child(instance=ColumnPage(title="内部栏目", slug="neibu"))
    hidden = add_article(
        parent,
        HIDDEN_TITLE,
        days_ago=1,
        summary=HIDDEN_SUMMARY,
        cover_image=cover_image(HIDDEN_COVER),
    )
    return public, hidden, parent


@pytest.mark.parametrize("case", sorted(FEED_CASES))
def test_unrestricted_article_is_listed(napo, case):
    """Control: without a restriction the second article shows, with its cover where shown."""
    public, hidden, _parent = add_pair(napo, FEED_CASES[case][1], inside_subcolumn=False)
    html = render_feed(case, napo, [hidden.pk, public.pk])
    assert PUBLIC_TITLE in html and HIDDEN_TITLE in html


@pytest.mark.parametrize("where", ["article", "ancestor"])
@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
@pytest.mark.parametrize("case", sorted(FEED_CASES))
def test_restricted_article_is_not_listed(napo, case, kind, where):
    """An article under a password or login restriction shows no title, summary or cover."""
    public, hidden, parent = add_pair(
        napo, FEED_CASES[case][1], inside_subcolumn=where == "ancestor"
    )
    restrict(hidden if where == "article" else parent, kind)

    html = render_feed(case, napo, [hidden.pk, public.pk])

    assert PUBLIC_TITLE in html
    assert HIDDEN_TITLE not in html
    assert HIDDEN_SUMMARY not in html
    assert HIDDEN_COVER not in html
    assert hidden.url not in html


@pytest.mark.parametrize("case", ["news_feed_whole_site", "gov_affairs_feed", "notice_list"])
def test_restrictions_add_no_query(napo, jingxi, case, django_assert_num_queries):
    """The restriction filter is a subquery: a feed without images stays a single query."""
    for site in (napo, jingxi):
        for slug in ("yaowen", "tongzhi", "zwgk"):
            _public, hidden, _parent = add_pair(site, slug, inside_subcolumn=False)
            restrict(hidden, PageViewRestriction.LOGIN)
    block_class, _slug, make_value = FEED_CASES[case]
    block = block_class()
    value = make_value(napo, [])
    value["show_images"] = False
    value = block.to_python({k: v for k, v in value.items() if k in block.child_blocks})
    block.render(value, context={"page": napo.home})  # warm the site root paths cache
    with django_assert_num_queries(1):
        html = block.render(value, context={"page": napo.home})
    assert PUBLIC_TITLE in html and HIDDEN_TITLE not in html
