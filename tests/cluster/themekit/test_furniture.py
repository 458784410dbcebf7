"""The furniture checks on small pages: each passes when complete, fails without its part."""

import pytest

from redesign.cluster.themekit import furniture
from redesign.cluster.themekit.catalogue import block_catalogue, families

EXPECTED = furniture.Expected(
    identity_code="4510990001",
    icp_number="桂ICP备12345678号-1",
    police_number="桂公网安备45109902000001号",
    conac_url="https://bszs.conac.cn/x",
    error_report_url="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4510990001",
    site_map_url="/sitemap/",
    search_url="/search/",
    media_url="/media/",
)

PARTS = {
    "lang": ('<html lang="zh-Hans">', "<html>"),
    "skip_link": ('<a href="#main">跳到主要内容</a>', ""),
    "identity_code": ("<p>政府网站标识码 4510990001</p>", ""),
    "icp": ("<p>桂ICP备12345678号-1</p>", ""),
    "police": ("<p>桂公网安备45109902000001号</p>", ""),
    "conac": (
        '<a href="https://bszs.conac.cn/x">'
        '<img src="c.svg" alt="党政机关" width="1" height="1"></a>',
        "",
    ),
    "site_map": ('<a href="/sitemap/">网站地图</a>', ""),
    "error_report": (f'<a href="{EXPECTED.error_report_url}">找错</a>', ""),
    "search": ('<form action="/search/"><input name="q"></form>', '<form action="/x/"></form>'),
    "a11y_toolbar": ("<div data-a11y-toolbar></div>", ""),
    "img_alt": (
        '<img src="a.png" alt="" width="1" height="1">',
        '<img src="a.png" width="1" height="1">',
    ),
    "img_size": (
        '<picture><source type="image/webp" srcset="/media/b.webp 1w">'
        '<img src="/media/b.jpg" alt="" width="1" height="1"></picture>',
        '<img src="/media/b.jpg" alt="" width="1" height="1">',
    ),
    "unique_ids": ('<p id="x"></p>', '<p id="x"></p><p id="x"></p>'),
}


def page(without: str = "") -> str:
    """A page with every part, or with one part replaced by its broken form."""
    parts = {key: (bad if key == without else good) for key, (good, bad) in PARTS.items()}
    opening = parts.pop("lang")
    return f'{opening}<body>{"".join(parts.values())}<main id="main"></main></body></html>'


def test_every_check_is_exercised_here():
    assert {check.key for check in furniture.CHECKS} == set(PARTS)


def test_a_complete_page_passes_every_check():
    results = furniture.check_page(page(), EXPECTED)
    assert {key: r.ok for key, r in results.items()} == dict.fromkeys(PARTS, True)


@pytest.mark.parametrize("key", sorted(PARTS))
def test_each_check_fails_without_its_part(key):
    results = furniture.check_page(page(without=key), EXPECTED)
    assert not results[key].ok and results[key].detail
    assert all(r.ok for other, r in results.items() if other != key)


def test_the_identity_code_in_a_meta_is_enough():
    html = page(without="identity_code").replace(
        "<body>", '<head><meta name="SiteIDCode" content="4510990001"></head><body>'
    )
    assert furniture.check_page(html, EXPECTED)["identity_code"].ok


def test_an_image_without_its_size_fails():
    html = page().replace("<main", '<img src="/static/x.svg" alt=""><main')
    result = furniture.check_page(html, EXPECTED)["img_size"]
    assert not result.ok and "/static/x.svg" in result.detail


def test_text_in_a_script_does_not_count():
    html = page(without="icp").replace("<body>", "<body><script>'桂ICP备12345678号-1'</script>")
    assert not furniture.check_page(html, EXPECTED)["icp"].ok


def test_the_catalogue_has_every_block_once_with_a_template():
    entries = block_catalogue()
    names = [entry.name for entry in entries]
    assert len(names) == len(set(names))
    assert all(entry.template.startswith("blocks/") for entry in entries)
    assert {"NewsFeedBlock", "ParagraphBlock", "FeedTabBlock"} <= set(names)
    assert sum(len(group) for _k, _l, group in families()) == len(entries)
