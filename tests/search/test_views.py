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


def test_search_uses_the_index_for_spaced_words_and_paginates(client, county):
    column = column_of(county, "yaowen")
    for i in range(17):
        add_article(column, f"Napo tourism report {i}", slug=f"tourism-{i}")
    add_article(column, "无关文章", slug="other")
    first = client.get("/search/", {"q": "tourism"}, HTTP_HOST="napo.localhost")
    assert first.status_code == 200
    html = first.content.decode()
    assert html.count("Napo tourism report") == 15
    assert "无关文章" not in html
    second = client.get("/search/", {"q": "tourism", "page": 2}, HTTP_HOST="napo.localhost")
    assert second.content.decode().count("Napo tourism report") == 2


def test_a_query_in_traditional_characters_finds_the_simplified_page(client, county):
    add_article(column_of(county, "yaowen"), "那坡县召开防汛工作会议", slug="fangxun")
    response = client.get("/search/", {"q": "防汛工作會議"}, HTTP_HOST="napo.localhost")
    html = response.content.decode()
    assert "那坡县召开防汛工作会议" in html
    assert 'value="防汛工作會議"' in html  # the box keeps what the reader typed
