"""The 中国红 (hongse) theme: its own 党政 layout renders, with the furniture the rules require."""

import re
from pathlib import Path

import pytest

from redesign.cluster.models import contrast_ratio
from redesign.cluster.themes import BASE_THEME, available_themes, get_theme
from redesign.core.models import ColumnPage
from tests.conftest import add_article, column_of
from tests.themes.helpers import get, ids, wear_theme

pytestmark = pytest.mark.django_db

THEME = "hongse"
# Literal colours theme.css may use outside var(): white text on red, the 高对比度 palette, print.
LITERAL_COLOURS = {"#fff", "#000", "#ffe600", "#c00"}


@pytest.fixture
def site(county):
    """The county site wearing the hongse theme, with its footer furniture filled in."""
    return wear_theme(county, THEME)


def test_the_theme_is_registered_and_its_text_colours_meet_gb_t_37668():
    theme = available_themes()[THEME]
    assert theme.label == "中国红"
    tokens = {**get_theme(BASE_THEME).tokens, **theme.tokens}
    assert contrast_ratio("#ffffff", tokens["color-primary"]) >= 4.5
    assert contrast_ratio("#ffffff", tokens["color-primary-dark"]) >= 4.5
    assert contrast_ratio("#ffffff", tokens["color-accent"]) >= 4.5
    assert contrast_ratio(tokens["color-gold-text"], tokens["color-primary"]) >= 4.5
    assert contrast_ratio(tokens["color-primary"], tokens["color-surface"]) >= 4.5
    assert contrast_ratio(tokens["color-muted"], tokens["color-surface"]) >= 4.5
    assert contrast_ratio(tokens["color-primary-dark"], tokens["color-primary-light"]) >= 4.5
    assert contrast_ratio(tokens["color-footer-text"], tokens["color-footer"]) >= 4.5


def test_the_stylesheet_reads_its_colours_through_the_tokens():
    css = (available_themes()[THEME].path / "static" / "css" / "theme.css").read_text()
    outside_var = re.sub(r"var\([^()]*\)", "", css)
    assert set(re.findall(r"#[0-9a-fA-F]{3,6}\b", outside_var)) <= LITERAL_COLOURS


def test_home_page_has_the_centred_masthead_and_keeps_the_furniture(client, site):
    html = get(client, "/")
    assert "/static/themes/hongse/css/theme.css" in html
    assert "/static/themes/default/css/site.css" in html
    masthead = html[html.index('class="site-header hs-masthead"') : html.index("</header>")]
    assert '<span class="site-brand__name hs-masthead__name">那坡县人民政府</span>' in masthead
    assert 'class="hs-rule" aria-hidden="true"' in masthead
    assert 'role="search"' in masthead and 'name="q"' in masthead
    assert html.count('id="site-search-q"') == 1
    assert len(ids(html)) == len(set(ids(html)))
    assert 'class="skip-link" href="#main"' in html
    assert 'class="topbar"' in html and "data-a11y-toolbar" in html
    assert html.index('class="topbar"') < html.index('class="site-header hs-masthead"')
    assert 'role="contentinfo"' in html and "4510260001" in html and "网站地图" in html
    assert '<html lang="zh-Hans"' in html
    assert 'class="theme-hongse template-home hs-home' in html


def test_home_blocks_become_a_headline_strip_title_bar_boxes_and_bands(client, site):
    column = column_of(site, "yaowen")
    lead = add_article(column, "县委常委会召开会议", slug="changwei", summary="会议研究部署工作。")
    second = add_article(column, "全县秋收工作推进", slug="qiushou", days_ago=2)
    home = site.home
    home.body = [
        {
            "type": "featured_news",
            "value": {"heading": "头条", "articles": [lead.pk, second.pk], "style": "carousel"},
        },
        {"type": "news_feed", "value": {"heading": "要闻", "columns": [column.pk], "count": 5}},
        {"type": "paragraph", "value": "<p>结尾说明</p>"},
    ]
    home.save_revision().publish()
    html = get(client, "/")
    strip = html[html.index('class="hs-toutiao__lead"') : html.index("</article>")]
    assert '<h3 class="hs-toutiao__title">' in strip and "县委常委会召开会议" in strip
    assert "会议研究部署工作。" in strip
    cards = html[html.index('class="b-featured-news__list hs-toutiao__cards"') :]
    assert "全县秋收工作推进" in cards.split("</ul>", 1)[0]
    assert "县委常委会召开会议" not in cards.split("</ul>", 1)[0]
    assert 'class="home-block home-block--featured_news hs-cell hs-cell--full"' in html
    assert 'class="home-block home-block--news_feed hs-cell hs-cell--box"' in html
    assert 'class="home-block home-block--paragraph hs-cell hs-cell--full"' in html
    assert html.count("结尾说明") == 1


def test_column_page_has_a_sidebar_of_sibling_columns_with_this_one_marked(client, site):
    add_article(column_of(site, "yaowen"), "县委常委会召开会议", slug="changwei")
    html = get(client, "/yaowen/")
    sidebar = html[html.index('<aside class="hs-sidebar"') : html.index("</aside>")]
    assert 'aria-labelledby="hs-sidebar-title"' in sidebar
    assert 'href="/yaowen/" aria-current="page">要闻</a>' in sidebar
    assert 'href="/tzgg/"' in sidebar
    assert '<h1 class="hs-column__title">要闻</h1>' in html
    assert 'href="/yaowen/changwei/">县委常委会召开会议</a>' in html
    assert len(ids(html)) == len(set(ids(html)))


def test_a_sub_column_lists_its_siblings_under_its_parents_name(client, site):
    parent = column_of(site, "zwdt")
    for slug, title in (("xzdt", "乡镇动态"), ("bmdt", "部门动态")):
        child = ColumnPage(title=title, slug=slug, show_in_menus=True)
        parent.add_child(instance=child)
        child.save_revision().publish()
    html = get(client, f"{parent.relative_url(site.site)}xzdt/")
    sidebar = html[html.index('<aside class="hs-sidebar"') : html.index("</aside>")]
    assert f'id="hs-sidebar-title">{parent.title}</h2>' in sidebar
    assert 'aria-current="page">乡镇动态</a>' in sidebar and ">部门动态</a>" in sidebar


def test_article_page_opens_with_a_red_head_over_the_default_article(client, site):
    column = column_of(site, "yaowen")
    add_article(
        column,
        "关于做好秋冬季防火工作的通知",
        slug="fanghuo",
        document_number="那政办发〔2026〕12号",
    )
    add_article(column, "县委常委会召开会议", slug="changwei")
    notice = get(client, "/yaowen/fanghuo/")
    head = notice[notice.index('class="hs-redhead"') : notice.index('class="article"')]
    assert '<p class="hs-redhead__issuer">那坡县人民政府办公室</p>' in head
    assert '<p class="hs-redhead__sub">那政办发〔2026〕12号</p>' in head
    assert head.index("hs-redhead") < notice.index('<h1 class="article__title">')
    news = get(client, "/yaowen/changwei/")
    assert '<p class="hs-redhead__sub">要闻</p>' in news
    assert 'class="theme-hongse template-article hs-article' in news
    assert len(ids(news)) == len(set(ids(news)))


def test_the_theme_overrides_only_what_it_redraws():
    templates = available_themes()[THEME].template_dir
    found = sorted(str(p.relative_to(templates)) for p in Path(templates).rglob("*.html"))
    assert found == [
        "base.html",
        "blocks/news/featured_news.html",
        "core/article_page.html",
        "core/column_page.html",
        "core/home_page.html",
        "includes/site_header.html",
    ]
