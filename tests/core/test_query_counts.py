"""A home page with four feed blocks renders in a fixed number of queries, whatever the volume."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler

from redesign.core.models import ArticlePage
from tests.conftest import column_of, make_image

QUERY_BUDGET = 25


@contextmanager
def _no_search_indexing():
    """Skip per-save search indexing, which only costs time here (O(n) per save on PostgreSQL)."""
    post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    try:
        yield
    finally:
        post_save.connect(post_save_signal_handler, sender=ArticlePage)


def _bulk_articles(column, n: int, start: int = 0, image=None) -> None:
    """Add n live articles quickly (no revisions: only the rendered output matters here)."""
    now = timezone.now()
    with _no_search_indexing():
        _add_articles(column, range(start, start + n), now, image)


def _add_articles(column, numbers, now, image) -> None:
    """Add the numbered articles under the column."""
    for i in numbers:
        column.add_child(
            instance=ArticlePage(
                title=f"{column.title}第{i}篇",
                slug=f"a{i}",
                publish_date=now - timedelta(hours=i + 1),
                first_published_at=now - timedelta(hours=i + 1),
                source="县融媒体中心",
                issuing_body="县人民政府办公室",
                cover_image=image,
                live=True,
            )
        )
        column.refresh_from_db(fields=["numchild"])


@pytest.fixture
def feed_home(county):
    """The county home with four feed blocks, one of them with images."""
    yaowen, zwdt, tzgg = (column_of(county, s) for s in ("yaowen", "zwdt", "tzgg"))
    home = county.home
    home.body = [
        ("news_feed", {"heading": "要闻", "columns": [yaowen], "count": 8,
                       "show_images": True, "show_dates": True}),
        ("tabbed_feed", {"heading": "", "count": 6, "show_dates": True, "tabs": [
            {"label": "要闻", "column": yaowen},
            {"label": "政务动态", "column": zwdt},
            {"label": "通知公告", "column": tzgg},
        ]}),
        ("gov_affairs_feed", {"heading": "政务动态", "columns": [], "count": 8,
                              "show_issuing_body": True}),
        ("notice_list", {"heading": "通知公告", "columns": [tzgg], "count": 8,
                         "mark_new": True}),
    ]  # fmt: skip
    home.save_revision().publish()
    return county, (yaowen, zwdt, tzgg)


def _render_home(client) -> tuple[int, str]:
    client.get("/", HTTP_HOST="napo.localhost")  # warm caches shared across requests
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_home_query_count_is_within_budget_and_constant(client, feed_home):
    county, columns = feed_home
    image = make_image(county.collection)
    for column in columns:
        _bulk_articles(column, 10, image=image)
    small, html = _render_home(client)
    assert "要闻第0篇" in html and "通知公告第0篇" in html
    assert 'href="/yaowen/a0/"' in html  # feed links are root-relative on the own site
    assert small <= QUERY_BUDGET, small

    for column in columns:
        _bulk_articles(column, 490, start=10, image=image)
    large, html = _render_home(client)
    assert "要闻第0篇" in html
    assert "要闻第400篇" not in html
    assert large == small


def _industry(column, number: int, image) -> None:
    """Add one live industry page with a cover picture under the column."""
    from redesign.core.models import IndustryPage

    column.add_child(
        instance=IndustryPage(
            title=f"特色产业{number}", slug=f"cy{number}", intro="简介", cover_image=image
        )
    )
    column.refresh_from_db(fields=["numchild"])


@pytest.mark.parametrize("theme", ["default", "hongse", "xiandai"])
def test_an_industry_column_lists_its_pages_in_fixed_queries(county, client, theme):
    """A 特色产业 column shows each industry page with its picture; more pages, no more queries."""
    from redesign.cluster.models import SiteIdentity

    SiteIdentity.objects.filter(site=county.site).update(theme=theme)
    column = column_of(county, "tscy")
    url = column.relative_url(county.site)
    for number in range(2):
        _industry(column, number, make_image())
    client.get(url, HTTP_HOST="napo.localhost")  # renditions are made once
    with CaptureQueriesContext(connection) as few:
        html = client.get(url, HTTP_HOST="napo.localhost").content.decode()
    assert "特色产业0" in html and "特色产业1" in html and "本栏目暂无内容" not in html
    assert html.count("format-webp") >= 2
    for number in range(2, 8):
        _industry(column, number, make_image())
    client.get(url, HTTP_HOST="napo.localhost")
    with CaptureQueriesContext(connection) as many:
        html = client.get(url, HTTP_HOST="napo.localhost").content.decode()
    assert "特色产业7" in html
    assert len(many) == len(few), [q["sql"] for q in many][-12:]
