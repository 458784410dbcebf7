"""The 山水新貌 (xiandai) theme: its own layout renders, with the furniture the rules require."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redesign.cluster.models import SiteIdentity
from redesign.cluster.themes import available_themes, get_theme
from redesign.core.models import IndustryPage
from tests.conftest import add_article, column_of, make_image
from tests.themes.helpers import get, ids, wear_theme

pytestmark = pytest.mark.django_db

THEME = "xiandai"


@pytest.fixture
def site(county):
    """The county site wearing the xiandai theme, with its footer furniture filled in."""
    return wear_theme(county, THEME)


@pytest.fixture
def industry(site) -> IndustryPage:
    """A published industry page with a cover picture and one figure."""
    page = IndustryPage(
        title="高山茶叶",
        slug="tea",
        kind=IndustryPage.Kind.SPECIALTY,
        intro="海拔800米以上的生态茶园。",
        cover_image=make_image(title="茶园", colour="#3a7161"),
        figures=[
            {
                "type": "figure",
                "value": {"value": "12.6", "unit": "万亩", "label": "茶园面积", "note": ""},
            }
        ],
    )
    column_of(site, "tscy").add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_theme_is_registered_with_a_chinese_label_and_tokens():
    theme = available_themes()[THEME]
    assert theme.label == "山水新貌"
    assert "特色产业" in theme.description
    assert get_theme(THEME).tokens["color-primary"].startswith("#")
    assert "color-scrim" in theme.tokens


def test_home_page_has_the_hero_with_the_site_name_and_the_only_search_box(client, site):
    html = get(client, "/")
    assert "/static/themes/xiandai/css/theme.css" in html
    assert "/static/themes/default/css/site.css" in html
    hero = html[html.index('class="xd-hero"') : html.index('class="xd-entries"')]
    assert '<h1 class="xd-hero__title">那坡县人民政府</h1>' in hero
    assert 'role="search"' in hero and 'id="site-search-q"' in hero and 'name="q"' in hero
    assert "/static/themes/xiandai/img/landscape.svg" in hero  # no banner picture yet
    assert html.count('id="site-search-q"') == 1
    assert len(ids(html)) == len(set(ids(html)))
    # the furniture is the default theme's, untouched
    assert 'class="skip-link" href="#main"' in html
    assert 'class="topbar"' in html and "data-a11y-toolbar" in html
    assert 'role="contentinfo"' in html and "4510260001" in html and "网站地图" in html
    assert '<html lang="zh-Hans"' in html


def test_home_page_uses_the_sites_banner_picture_as_a_responsive_hero(client, site):
    SiteIdentity.objects.filter(site=site.site).update(banner_image=make_image(title="横幅"))
    hero = get(client, "/").split('class="xd-hero"', 1)[1].split('class="xd-entries"', 1)[0]
    assert "<picture>" in hero and 'type="image/webp"' in hero and 'sizes="100vw"' in hero
    assert 'class="xd-hero__image"' in hero and 'alt=""' in hero


def test_home_blocks_go_to_bands_once_each_industries_as_picture_cards(client, site, industry):
    home = site.home
    home.body = [
        {"type": "paragraph", "value": "<p>结尾说明</p>"},
        {
            "type": "industry_showcase",
            "value": {
                "heading": "特色产业",
                "cards": [
                    {
                        "image": industry.cover_image_id,
                        "alt": "茶园示意图",
                        "title": "高山茶叶",
                        "summary": "生态茶园",
                        "figures": [],
                        "page": industry.pk,
                        "external_url": "",
                    }
                ],
            },
        },
        {"type": "news_feed", "value": {"heading": "那坡要闻", "columns": [], "count": 5}},
    ]
    home.save_revision().publish()
    html = get(client, "/")
    industries = html.index('class="xd-band xd-band--industries"')
    news = html.index('class="xd-band xd-band--news"')
    more = html.index('class="xd-band xd-band--more"')
    assert industries < news < more
    assert html.count("结尾说明") == 1 and html.index("结尾说明") > more
    card = html[html.index('class="b-industry-card xd-icard xd-icard--image"') :]
    assert '<a class="b-industry-card__link xd-icard__link" href="/tscy/tea/">' in card
    assert 'type="image/webp"' in card and 'alt="茶园示意图"' in card
    assert 'href="#xd-industries"' in html and 'id="xd-industries"' in html


def test_header_of_inner_pages_carries_the_search_box_and_the_navigation(client, site):
    html = get(client, "/yaowen/")
    header = html[html.index('class="site-header xd-header"') : html.index("</header>")]
    assert 'role="search"' in header and 'id="site-search-q"' in header
    assert 'aria-label="主导航"' in header
    assert html.count('aria-label="主导航"') == 1


def test_column_page_lists_articles_as_cards_with_date_badges(client, site):
    column = column_of(site, "yaowen")
    add_article(column, "县委常委会召开会议", slug="changwei")
    html = get(client, "/yaowen/")
    assert '<ul class="xd-cards">' in html
    assert 'class="xd-card__date"' in html and 'class="xd-card__day"' in html
    assert '<a class="xd-card__link" href="/yaowen/changwei/">县委常委会召开会议</a>' in html
    assert 'class="container xd-chips" aria-label="栏目导航"' in html


def test_column_cards_cost_no_query_per_article(client, site):
    column = column_of(site, "yaowen")
    add_article(column, "第一篇", slug="a1")
    get(client, "/yaowen/")
    with CaptureQueriesContext(connection) as one:
        get(client, "/yaowen/")
    for i in range(8):
        add_article(column, f"第{i + 2}篇", slug=f"a{i + 2}")
    get(client, "/yaowen/")
    with CaptureQueriesContext(connection) as nine:
        get(client, "/yaowen/")
    assert len(nine) == len(one)


def test_industry_column_shows_its_industry_pages_as_picture_cards(client, site, industry):
    html = get(client, "/tscy/")
    assert 'class="xd-subcards xd-subcards--industries"' in html
    assert '<a class="xd-subcard__link" href="/tscy/tea/">高山茶叶</a>' in html
    assert "本栏目暂无内容" not in html


def test_industry_page_has_a_picture_hero_and_a_figures_band(client, site, industry):
    html = get(client, "/tscy/tea/")
    hero = html[html.index('class="xd-ihero"') : html.index('class="xd-figures"')]
    assert '<h1 class="xd-ihero__title">高山茶叶</h1>' in hero
    assert "<picture>" in hero and 'class="xd-ihero__image"' in hero
    assert 'aria-label="关键数据"' in html and "茶园面积" in html


def test_article_page_keeps_the_default_sheet_in_the_theme(client, site):
    add_article(column_of(site, "yaowen"), "县委常委会召开会议", slug="changwei")
    html = get(client, "/yaowen/changwei/")
    assert "/static/themes/xiandai/css/theme.css" in html
    assert '<h1 class="article__title">县委常委会召开会议</h1>' in html
    assert len(ids(html)) == len(set(ids(html)))
