"""Per-site views outside the page tree: 网站地图, sitemap.xml and the themed 404."""

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


def test_unknown_page_gets_the_themed_404(client, county):
    response = client.get("/no-such-page/", HTTP_HOST="napo.localhost")
    assert response.status_code == 404
    html = response.content.decode()
    assert "那坡县人民政府" in html
