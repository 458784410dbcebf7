"""Per-site views outside the page tree: 网站地图, sitemap.xml and the themed 404."""

import pytest
from wagtail.models import PageViewRestriction

from redesign.cluster.provisioning import STANDARD_COLUMNS
from redesign.core.models import ColumnPage
from tests.conftest import add_article, column_of

from .helpers import site_map_links


def add_column(parent, title: str, slug: str) -> ColumnPage:
    """Add a published column shown in menus."""
    column = parent.add_child(instance=ColumnPage(title=title, slug=slug, show_in_menus=True))
    column.save_revision().publish()
    return column


def site_map(client, host: str = "napo.localhost") -> str:
    """The HTML of the 网站地图 of the given site."""
    response = client.get("/sitemap/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_html_site_map_lists_every_column_of_the_own_site_only(client, county, other_county):
    add_column(county.home, "那坡专栏", "napo-only")
    add_column(other_county.home, "靖西专栏", "jingxi-only")

    links = site_map_links(site_map(client))

    standard = [(f"/{spec.slug}/", spec.title) for spec in STANDARD_COLUMNS]
    assert links == [("/", "首页"), *standard, ("/napo-only/", "那坡专栏")]


def test_html_site_map_lists_second_level_pages_in_menus_and_leaves_out_hidden_ones(client, county):
    yaowen = column_of(county, "yaowen")
    add_column(yaowen, "乡镇动态", "xzdt")
    add_article(yaowen, "县情专页", slug="xqzy", show_in_menus=True)
    add_article(yaowen, "一条普通新闻", slug="news")
    PageViewRestriction.objects.create(
        page=column_of(county, "hudong"), restriction_type=PageViewRestriction.LOGIN
    )
    add_column(add_column(yaowen, "第三层栏目", "third"), "第四层栏目", "fourth")

    links = site_map_links(site_map(client))

    assert ("/yaowen/xzdt/", "乡镇动态") in links
    assert ("/yaowen/xqzy/", "县情专页") in links
    assert ("/yaowen/third/", "第三层栏目") in links
    hrefs = {href for href, _title in links}
    assert "/yaowen/news/" not in hrefs  # articles are not in menus
    assert "/hudong/" not in hrefs  # behind a login
    assert "/yaowen/third/fourth/" not in hrefs  # two levels deep only


def test_html_site_map_of_a_site_without_columns_says_so(client, county):
    for page in county.home.get_children():
        page.unpublish()

    html = site_map(client)

    assert "本站暂无栏目。" in html
    with pytest.raises(AssertionError, match="lists no pages"):
        site_map_links(html)


def test_sitemap_xml_is_per_site(client, county, other_county):
    add_article(column_of(county, "yaowen"), "那坡新闻", slug="napo-news")
    add_article(column_of(other_county, "yaowen"), "靖西新闻", slug="jingxi-news")
    response = client.get("/sitemap.xml", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "http://napo.localhost/yaowen/napo-news/" in xml
    assert "jingxi" not in xml


def test_unknown_page_gets_the_themed_404(client, county):
    response = client.get("/no-such-page/", HTTP_HOST="napo.localhost")
    assert response.status_code == 404
    html = response.content.decode()
    assert "那坡县人民政府" in html
