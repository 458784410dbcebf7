"""Per-site views outside the page tree: 网站地图, sitemap.xml and the plain search page."""

from tests.conftest import add_article, column_of


def test_html_site_map_lists_every_column_of_the_own_site_only(client, county, other_county):
    response = client.get("/sitemap/", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("要闻", "政务动态", "通知公告", "政策文件", "概况信息", "互动交流", "特色产业"):
        assert title in html
    assert "/hudong/" in html
    assert "靖西市人民政府" not in html


def test_sitemap_xml_is_per_site(client, county, other_county):
    add_article(column_of(county, "yaowen"), "那坡新闻", slug="napo-news")
    add_article(column_of(other_county, "yaowen"), "靖西新闻", slug="jingxi-news")
    response = client.get("/sitemap.xml", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "http://napo.localhost/yaowen/napo-news/" in xml
    assert "jingxi" not in xml


def test_search_finds_own_site_pages_by_chinese_title(client, county, other_county):
    add_article(column_of(county, "yaowen"), "那坡县召开防汛工作会议", slug="fangxun")
    add_article(column_of(other_county, "yaowen"), "靖西市召开防汛工作会议", slug="fangxun")
    response = client.get("/search/", {"q": "防汛"}, HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert "那坡县召开防汛工作会议" in html
    assert "靖西市召开防汛工作会议" not in html


def test_search_with_empty_or_huge_query_is_harmless(client, county):
    assert client.get("/search/", HTTP_HOST="napo.localhost").status_code == 200
    response = client.get("/search/", {"q": "县" * 5000, "page": "x"}, HTTP_HOST="napo.localhost")
    assert response.status_code == 200


def test_unknown_page_gets_the_themed_404(client, county):
    response = client.get("/no-such-page/", HTTP_HOST="napo.localhost")
    assert response.status_code == 404
    html = response.content.decode()
    assert "那坡县人民政府" in html
