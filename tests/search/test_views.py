"""The plain /search/ page: confined to the request's site, Chinese titles found."""

from tests.conftest import add_article, column_of


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
