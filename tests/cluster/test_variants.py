"""简/繁: public pages served in Traditional by the switch's cookie or a ?zh=hant link."""

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from redesign.cluster import variants
from redesign.cluster.variants import COOKIE_NAME, cache_key, convert_html

HOST = "napo.localhost"
OTHER_HOST = "jingxi.localhost"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no converted page in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def county_tree(make_county_tree):
    """A tiny 那坡县 tree (napo.localhost): columns with one article each, a plain home."""
    return make_county_tree("napo", "tiny", standard_pages=False, home=False, industries=0)


@pytest.fixture
def full_tree(make_county_tree):
    """A tiny 那坡县 tree with every page type: the home's blocks, an industry, standard pages."""
    return make_county_tree("napo", "tiny")


@pytest.fixture
def article(county_tree):
    """The 要闻 article of the tree."""
    return county_tree.articles["yaowen"][0]


def get(client, url: str, variant: str | None = None, host: str = HOST, **extra):
    """GET a URL on a host, with the 简/繁 cookie set to variant (or no cookie)."""
    client.cookies.pop(COOKIE_NAME, None)
    if variant:
        client.cookies[COOKIE_NAME] = variant
    return client.get(url, HTTP_HOST=host, **extra)


def blocks(text: str, name: str) -> list[str]:
    """Every <name>…</name> element of a page, as written."""
    return re.findall(rf"<{name}\b.*?</{name}>", text, re.S)


def attribute_values(text: str, name: str) -> list[str]:
    """Every value of one attribute in a page, in order: the switch link's left out, the blocks'
    random ids (b-0123456789, new at every render) masked."""
    values = re.findall(rf'\s{name}="([^"]*)"', text)
    return [re.sub(r"\bb-[0-9a-f]{10}\b", "b-uid", v) for v in values if not v.startswith("/_zh/")]


# Real pages in Traditional


def test_article_page_reads_in_traditional(client, article):
    hans = get(client, article.url).content.decode()
    response = get(client, article.url, "hant")
    text = response.content.decode()
    assert response.status_code == 200
    assert "那坡縣人民政府" in text and "那坡县人民政府" not in text
    assert "歡迎訪問" in text and "閱讀輔助" in text
    assert '<html lang="zh-Hant"' in text and 'lang="zh-Hans" class="no-js"' not in text
    assert response["Content-Language"] == "zh-Hant"
    assert "Cookie" in response["Vary"]
    assert int(response["Content-Length"]) == len(response.content)
    title = re.search(r"<title>(.*?)</title>", text).group(1)
    assert "縣" in title and title != re.search(r"<title>(.*?)</title>", hans).group(1)


def test_every_public_page_type_is_converted(client, full_tree):
    pages = [full_tree.result.home, full_tree.column("yaowen"), full_tree.articles["yaowen"][0]]
    pages += [full_tree.industries[0], *full_tree.standard_pages]
    seen = set()
    for page in pages:
        hans = get(client, page.url).content.decode()
        hant = get(client, page.url, "hant").content.decode()
        human = re.sub(r"<(script|style)\b.*?</\1>", "", hant, flags=re.S)
        for simplified, traditional in (("县", "縣"), ("发展", "發展"), ("产业", "產業")):
            if simplified in hans:
                seen.add(simplified)
                assert traditional in hant and simplified not in human, (page.url, simplified)
    assert seen == {"县", "发展", "产业"}


def test_machine_parts_of_a_page_are_untouched(client, full_tree):
    tree = full_tree
    for page in (tree.result.home, tree.column("yaowen"), tree.articles["yaowen"][0]):
        hans = get(client, page.url).content.decode()
        hant = get(client, page.url, "hant").content.decode()
        assert hans != hant
        for name in ("script", "style"):
            assert blocks(hant, name) == blocks(hans, name)
        for name in ("href", "src", "id", "class", "name", "value", "action", "datetime"):
            assert attribute_values(hant, name) == attribute_values(hans, name), name


def test_meta_description_and_site_name_are_converted_but_codes_are_not(client, article):
    text = get(client, article.url, "hant").content.decode()
    assert re.search(r'<meta name="SiteName" content="那坡縣人民政府">', text)
    hans = get(client, article.url).content.decode()
    code = re.search(r'<meta name="SiteIDCode"[^>]*>', hans)
    assert code is None or code.group(0) in text


def test_the_switch_link_offers_the_other_variant(client, article):
    hans = get(client, article.url).content.decode()
    assert f'href="/_zh/hant/?next={article.url.replace("/", "%2F")}"' in hans
    assert 'hreflang="zh-Hant"' in hans and ">繁體</a>" in hans
    hant = get(client, article.url, "hant").content.decode()
    link = re.search(r"<a [^>]*/_zh/hans/[^>]*>([^<]*)</a>", hant)
    assert link and link.group(1) == "简体"  # addressed to Simplified readers, kept Simplified
    assert 'lang="zh-Hans"' in link.group(0) and 'aria-label="切换为简体中文"' in link.group(0)


def test_a_simplified_page_varies_on_the_cookie_and_is_left_alone(client, article):
    response = get(client, article.url)
    assert "Cookie" in response["Vary"] and "那坡县人民政府" in response.content.decode()
    assert response.get("Content-Language") != "zh-Hant"


def test_accept_language_alone_does_not_switch(client, article):
    response = get(client, article.url, HTTP_ACCEPT_LANGUAGE="zh-TW,zh;q=0.9")
    assert "那坡县人民政府" in response.content.decode()


# The no-JS switch


def test_no_js_flow_switches_and_back(client, article):
    page = get(client, article.url).content.decode()
    href = re.search(r'href="(/_zh/hant/\?next=[^"]*)"', page).group(1)
    response = client.get(href.replace("&amp;", "&"), HTTP_HOST=HOST, follow=True)
    assert response.redirect_chain == [(article.url, 302)]
    assert "那坡縣人民政府" in response.content.decode()
    assert client.cookies[COOKIE_NAME].value == "hant"
    back = re.search(r'href="(/_zh/hans/\?next=[^"]*)"', response.content.decode()).group(1)
    response = client.get(back, HTTP_HOST=HOST, follow=True)
    assert "那坡县人民政府" in response.content.decode()
    assert client.cookies[COOKIE_NAME].value == "hans"


def test_switch_sets_a_lasting_cookie_and_is_never_cached(client, db):
    response = client.get("/_zh/hant/", {"next": "/yaowen/?page=2"}, HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"] == "/yaowen/?page=2"
    morsel = response.cookies[COOKIE_NAME]
    assert morsel.value == "hant" and morsel["httponly"] and morsel["samesite"] == "Lax"
    assert int(morsel["max-age"]) >= 300 * 24 * 3600
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/yaowen/",
        "/\\evil.example/",
        "javascript:alert(1)",
        f"http://{OTHER_HOST}/yaowen/",
        "",
    ],
)
def test_switch_refuses_an_off_site_next(client, db, next_url):
    response = client.get("/_zh/hant/", {"next": next_url}, HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.content == b""


def test_switch_to_simplified_drops_the_link_parameter(client, db):
    response = client.get("/_zh/hans/", {"next": "/yaowen/?zh=hant&page=2"}, HTTP_HOST=HOST)
    assert response["Location"] == "/yaowen/?page=2"
    assert response.cookies[COOKIE_NAME].value == "hans"


def test_switch_answers_only_get_and_head(client, db):
    assert client.post("/_zh/hant/", HTTP_HOST=HOST).status_code == 405


# The ?zh=hant link


def test_a_shared_link_renders_traditional_and_keeps_a_new_reader_there(client, article):
    response = get(client, f"{article.url}?zh=hant")
    assert "那坡縣人民政府" in response.content.decode()
    assert response.cookies[COOKIE_NAME].value == "hant"


def test_a_shared_link_never_undoes_a_choice(client, article):
    response = get(client, f"{article.url}?zh=hant", "hans")
    assert "那坡縣人民政府" in response.content.decode()
    assert COOKIE_NAME not in response.cookies
    assert "那坡县人民政府" in get(client, f"{article.url}?zh=hans", "hant").content.decode()


# The cache


def test_a_page_is_converted_once(client, article):
    with mock.patch.object(variants, "convert_html", wraps=variants.convert_html) as spy:
        first = get(client, article.url, "hant").content
        second = get(client, article.url, "hant").content
    assert spy.call_count == 1 and first == second
    source = spy.call_args.args[0].encode()
    assert cache.get(cache_key(source, "utf-8")) == first


def test_another_reader_of_the_same_page_gets_the_cached_conversion(client, article):
    get(client, article.url, "hant")
    other = type(client)()
    other.cookies[COOKIE_NAME] = "hant"
    with mock.patch.object(variants, "convert_texts") as opencc_call:
        response = other.get(article.url, HTTP_HOST=HOST)
    assert opencc_call.call_count == 0 and "那坡縣" in response.content.decode()


def test_a_cache_outage_still_serves_the_converted_page(client, article):
    broken = mock.Mock(**{"get.side_effect": ConnectionError, "set.side_effect": ConnectionError})
    with mock.patch.object(variants, "cache", broken):
        response = get(client, article.url, "hant")
    assert response.status_code == 200 and "那坡縣" in response.content.decode()
    assert broken.get.called and broken.set.called


def test_a_failed_conversion_serves_the_original(client, article, caplog):
    with mock.patch.object(variants, "convert_html", side_effect=RuntimeError("opencc")):
        response = get(client, article.url, "hant")
    text = response.content.decode()
    assert response.status_code == 200 and '<html lang="zh-Hans"' in text and "那坡县" in text
    assert response.get("Content-Language") != "zh-Hant"
    assert int(response["Content-Length"]) == len(response.content)
    assert "could not be converted" in caplog.text


# Pages that are never converted


def test_admin_pages_are_never_converted(client, county_tree):
    user = get_user_model().objects.create_superuser("zh_admin", password="x-pass-123456")
    client.force_login(user)
    with mock.patch.object(variants, "convert_html", wraps=variants.convert_html) as spy:
        for url in ("/admin/", f"/admin/pages/{county_tree.result.home.pk}/"):
            response = get(client, url, "hant")
            assert response.status_code == 200
            assert response.get("Content-Language") != "zh-Hant"
            assert 'lang="zh-Hant"' not in response.content.decode()[:400]
        preview = get(client, f"/admin/pages/{county_tree.result.home.pk}/view_draft/", "hant")
        assert "那坡县" in preview.content.decode()
    assert spy.call_count == 0


def test_staff_submission_pages_are_never_converted(client, county_tree):
    response = get(client, "/tougao/login/", "hant")
    assert response.status_code == 200 and response.get("Content-Language") != "zh-Hant"
    assert '<html lang="zh-Hant"' not in response.content.decode()


def test_a_not_found_page_is_left_alone(client, county_tree):
    response = get(client, "/no-such-page/", "hant")
    assert response.status_code == 404 and response.get("Content-Language") != "zh-Hant"


def test_the_message_board_form_keeps_what_a_citizen_types(client, county_tree):
    response = get(client, "/hudong/ask/", "hant")
    text = response.content.decode()
    assert response.status_code == 200 and '<html lang="zh-Hant"' in text
    hans = get(client, "/hudong/ask/").content.decode()
    assert blocks(text, "textarea") == blocks(hans, "textarea")


# Across sites


def test_the_switch_and_the_cache_keep_sites_apart(client, make_county_tree):
    a = make_county_tree("napo", "tiny", standard_pages=False, home=False)
    b = make_county_tree("jingxi", "tiny", standard_pages=False, home=False)
    a_page, b_page = a.articles["yaowen"][0], b.articles["yaowen"][0]
    response = client.get(
        "/_zh/hant/", {"next": f"http://{OTHER_HOST}{b_page.url}"}, HTTP_HOST=HOST
    )
    assert response["Location"] == "/" and response.content == b""
    a_text = get(client, a_page.url, "hant").content.decode()
    b_text = get(client, b_page.url, "hant", host=OTHER_HOST).content.decode()
    assert "那坡縣" in a_text and "靖西" not in a_text
    assert "靖西市" in b_text and "那坡" not in b_text
    a_source = get(client, a_page.url).content
    b_source = get(client, b_page.url, host=OTHER_HOST).content
    assert cache_key(a_source, "utf-8") != cache_key(b_source, "utf-8")


# The converter on its own


def test_convert_html_touches_only_human_text():
    source = (
        '<!DOCTYPE html><html lang="zh-Hans"><head><title>县政府</title>'
        '<meta name="description" content="发展县域经济"><meta name="PubDate" content="县">'
        "<style>.县{color:red}</style><script>var s='县发展';</script></head>"
        '<body><!-- 县 --><a href="/县/发展/?q=县" id="县" class="县" title="发展">县发展</a>'
        '<img src="县.png" alt="县城风光" data-x="县">'
        '<input name="q" value="县" placeholder="搜索县">'
        '<textarea name="c" placeholder="请输入">我县发展很快</textarea><pre>县志</pre>'
        '<code>县</code><p translate="no">县<b>县</b></p><p>后<b>县</b></p>'
        '<span lang="zh-Hans">简体</span></body></html>'
    )
    result = convert_html(source)
    assert result == (
        '<!DOCTYPE html><html lang="zh-Hant"><head><title>縣政府</title>'
        '<meta name="description" content="發展縣域經濟"><meta name="PubDate" content="县">'
        "<style>.县{color:red}</style><script>var s='县发展';</script></head>"
        '<body><!-- 县 --><a href="/县/发展/?q=县" id="县" class="县" title="發展">縣發展</a>'
        '<img src="县.png" alt="縣城風光" data-x="县">'
        '<input name="q" value="县" placeholder="搜索縣">'
        '<textarea name="c" placeholder="請輸入">我县发展很快</textarea><pre>縣誌</pre>'
        '<code>县</code><p translate="no">县<b>县</b></p><p>後<b>縣</b></p>'
        '<span lang="zh-Hans">简体</span></body></html>'
    )


def test_convert_html_adds_a_missing_lang_and_survives_broken_markup():
    assert convert_html("<html><p>县").startswith('<html lang="zh-Hant"><p>縣')
    assert convert_html("<p title='县'>县 < 乡 <script>县") == "<p title='縣'>縣 < 鄉 <script>县"
