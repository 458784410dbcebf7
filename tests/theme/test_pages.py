"""The default theme renders every page type with the furniture the national rules require."""

import re

import pytest
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from redesign.cluster.models import SiteIdentity
from redesign.cluster.themes import get_theme
from redesign.core.models import StandardPage
from tests.conftest import add_article, column_of, make_image
from tests.core.helpers import site_map_links

from .conftest import HOST

pytestmark = pytest.mark.django_db


def get(client, url: str, **params):
    """GET a URL of the county site."""
    return client.get(url, params, HTTP_HOST=HOST)


def test_home_page_renders_with_theme_css_and_skip_link(client, identity):
    response = get(client, "/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans"' in html
    assert 'name="viewport"' in html
    assert "--color-primary:#0b4ea2;" in html
    assert "/static/themes/default/css/site.css" in html
    assert "/static/themes/default/js/a11y.js" in html
    assert 'href="#main"' in html and "跳到主要内容" in html
    assert 'id="main"' in html
    assert "<title>那坡县人民政府" in html


def test_home_page_shows_the_default_banner_when_the_body_has_none(client, identity):
    html = get(client, "/").content.decode()
    assert "site-banner" in html
    assert "/static/themes/default/img/banner.svg" in html


def test_home_page_wraps_each_block_by_type(client, county, news):
    home = county.home
    home.body = [
        {"type": "news_feed", "value": {"heading": "那坡要闻", "columns": [], "count": 5}},
        {"type": "paragraph", "value": "<p>欢迎访问</p>"},
    ]
    home.save_revision().publish()
    html = get(client, "/").content.decode()
    assert "home-block home-block--news_feed" in html
    assert "home-block home-block--paragraph" in html
    assert "县委常委会召开会议" in html


def test_home_page_feeds_show_public_articles_and_hide_restricted_ones(client, identity, county):
    yaowen, tzgg = column_of(county, "yaowen"), column_of(county, "tzgg")
    shown = add_article(yaowen, "公开的要闻", slug="open", cover_image=make_image())
    add_article(tzgg, "公开的通知", slug="open-notice")
    secret = add_article(yaowen, "密码保护的要闻", slug="secret", summary="不应出现的摘要")
    members = add_article(tzgg, "登录可见的通知", slug="members")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="mima"
    )
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    home = county.home
    home.body = [
        ("featured_news", {"heading": "头条", "articles": [secret, shown], "style": "hero"}),
        ("news_feed", {"heading": "要闻", "columns": [], "count": 8, "show_images": True}),
        ("tabbed_feed", {"heading": "", "count": 6, "tabs": [
            {"label": "要闻", "column": yaowen}, {"label": "通知公告", "column": tzgg},
        ]}),
        ("gov_affairs_feed", {"heading": "政务动态", "columns": [], "count": 8}),
        ("notice_list", {"heading": "通知公告", "columns": [], "count": 8}),
        ("notice_ticker", {"label": "通知公告", "columns": [tzgg], "count": 5}),
    ]  # fmt: skip
    home.save_revision().publish()

    response = get(client, "/")

    assert response.status_code == 200
    html = response.content.decode()
    for block in ("featured_news", "news_feed", "tabbed_feed", "gov_affairs_feed", "notice_list"):
        assert f"home-block--{block}" in html, block
    assert "公开的要闻" in html and "公开的通知" in html
    assert 'href="/yaowen/open/"' in html
    for hidden in ("密码保护的要闻", "不应出现的摘要", "登录可见的通知", "/yaowen/secret/"):
        assert hidden not in html, hidden


def test_footer_carries_the_site_identity(client, identity):
    html = get(client, "/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    for text in (
        "4510260001",
        "桂ICP备05001234号",
        "桂公网安备45102602000123号",
        "那坡县人民政府办公室",
        "那坡县融媒体中心",
        "533900",
        "0776-6821234",
        "党政机关",
        "网站地图",
        "找错",
    ):
        assert text in footer, text
    assert 'href="https://beian.miit.gov.cn/"' in footer
    assert 'href="https://example.org/conac/verify"' in footer
    assert 'href="/sitemap/"' in footer
    assert "zfwzgl.www.gov.cn" in footer and "site_code=4510260001" in footer
    assert "/static/themes/default/img/conac.svg" in footer


def test_navigation_marks_the_current_column(client, identity, news):
    html = get(client, "/yaowen/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index("site-nav"))]
    assert re.search(r'href="/yaowen/" aria-current="page">要闻<', nav)
    assert "<details" in nav and "<summary" in nav

    html = get(client, "/yaowen/changwei/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index("site-nav"))]
    assert re.search(r'href="/yaowen/" aria-current="true">要闻<', nav)


def test_column_page_lists_articles_and_paginates(client, county):
    column = column_of(county, "yaowen")
    for n in range(23):
        add_article(column, f"第{n}条新闻", days_ago=n + 1, slug=f"n{n}")
    response = get(client, "/yaowen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "第0条新闻" in html
    assert "第22条新闻" not in html
    assert 'aria-label="分页"' in html
    assert 'href="?page=2"' in html
    assert 'aria-current="page"' in html

    page2 = get(client, "/yaowen/", page=2)
    assert page2.status_code == 200
    html2 = page2.content.decode()
    assert "第22条新闻" in html2
    assert "第0条新闻" not in html2
    assert re.search(r"\d{4}-\d{2}-\d{2}</time>", html2)


def test_column_page_number_out_of_range_or_not_a_number(client, county, settings):
    settings.REDESIGN_COLUMN_PAGE_SIZE = 2
    column = column_of(county, "yaowen")
    for n in range(5):
        add_article(column, f"第{n}条新闻", days_ago=n + 1, slug=f"n{n}")
    first = get(client, "/yaowen/", page="abc").content.decode()
    assert "第0条新闻" in first and "第2条新闻" not in first
    last = get(client, "/yaowen/", page=99).content.decode()
    assert "第4条新闻" in last and "第0条新闻" not in last
    assert "共 5 条，第 3/3 页" in last


def test_column_page_shows_document_numbers(client, document_article):
    html = get(client, "/zcwj/").content.decode()
    assert "那政发〔2024〕12号" in html


def test_article_page_shows_meta_line(client, identity, news):
    column, article = news
    html = get(client, "/yaowen/changwei/").content.decode()
    assert "<h1" in html and "县委常委会召开会议" in html
    assert "发布日期" in html
    assert article.display_date.astimezone().strftime("%Y-%m-%d") in html
    assert "来源：县融媒体中心" in html
    assert "作者：韦明" in html
    assert "原创" in html
    assert "公文信息" not in html
    assert "上一篇" in html and "下一篇" in html


def test_article_page_shows_reprint_source(client, county):
    add_article(
        column_of(county, "yaowen"),
        "转载的文章",
        slug="reprint",
        origin="reprint",
        origin_source="广西日报",
    )
    html = get(client, "/yaowen/reprint/").content.decode()
    assert "转载" in html and "广西日报" in html


def test_article_page_shows_document_table_and_attachments(client, document_article):
    html = get(client, "/zcwj/minying/").content.decode()
    assert "公文信息" in html
    for text in ("索引号", "发布机构", "成文日期", "文号", "那政发〔2024〕12号", "2024-03-01"):
        assert text in html, text
    assert "附件1：申报表" in html
    assert "PDF" in html
    assert "2.0 KB" in html or "2.0\xa0KB" in html


def test_article_page_links_previous_and_next(client, county):
    column = column_of(county, "yaowen")
    add_article(column, "较早的文章", days_ago=3, slug="older")
    add_article(column, "中间的文章", days_ago=2, slug="middle")
    add_article(column, "较新的文章", days_ago=1, slug="newer")
    html = get(client, "/yaowen/middle/").content.decode()
    assert 'href="/yaowen/older/" rel="prev"' in html
    assert 'href="/yaowen/newer/" rel="next"' in html


def test_standard_page_renders(client, county):
    page = StandardPage.objects.child_of(county.home).get(slug="gkxx")
    page.intro = "那坡县位于广西西部。"
    page.body = [{"type": "paragraph", "value": "<p>全县总面积2231平方公里。</p>"}]
    page.save_revision().publish()
    response = get(client, "/gkxx/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "那坡县位于广西西部。" in html and "全县总面积2231平方公里。" in html
    assert 'aria-label="当前位置"' in html


def test_industry_page_renders(client, industry):
    response = get(client, "/tscy/tea/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "高山茶叶" in html and "特色产业" in html
    assert "12.6" in html and "茶园面积" in html


def test_site_map_renders_the_tree(client, identity, county, news):
    _column, article = news
    article.show_in_menus = True
    article.save_revision().publish()
    response = get(client, "/sitemap/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "网站地图" in html
    links = site_map_links(html)
    columns = list(county.home.get_children().live().in_menu())
    assert len(columns) == 9
    assert links[0] == ("/", "首页")
    for column in columns:
        assert (column.url, column.title) in links
    assert '<h2 class="site-map__title"><a href="/yaowen/">要闻</a></h2>' in html
    children = html[html.index('<ul class="site-map__children">') :]
    assert '<li><a href="/yaowen/changwei/">县委常委会召开会议</a></li>' in children


def test_search_page_renders_results_and_empty_state(client, identity, news):
    response = get(client, "/search/", q="常委会")
    assert response.status_code == 200
    html = response.content.decode()
    assert "县委常委会召开会议" in html
    assert 'href="/yaowen/changwei/"' in html
    assert "文章" in html

    html = get(client, "/search/", q="没有这样的内容").content.decode()
    assert "没有找到" in html

    assert get(client, "/search/").status_code == 200


def test_404_is_themed(client, identity):
    response = get(client, "/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "找不到页面" in html
    assert 'class="site-footer"' in html
    assert 'href="/sitemap/"' in html and 'action="/search/"' in html


def test_500_template_stands_alone():
    source = (get_theme("default").template_dir / "500.html").read_text(encoding="utf-8")
    assert "{% extends" not in source and "{% static" not in source and "request" not in source
    html = engines["django"].from_string(source).render({})
    assert "服务器开小差了" in html
    assert 'href="/"' in html


def test_pages_render_without_a_site_identity_row(client, county):
    SiteIdentity.objects.filter(site=county.site).delete()
    assert get(client, "/").status_code == 200
    assert get(client, "/sitemap/").status_code == 200


def test_home_page_skips_the_default_banner_when_the_body_has_one(client, county):
    image = make_image(title="横幅")
    home = county.home
    home.body = [
        {
            "type": "banner",
            "value": {"image": image.pk, "alt": "", "title": "山水那坡", "subtitle": ""},
        }
    ]
    home.save_revision().publish()
    html = get(client, "/").content.decode()
    assert "home-block--banner" in html and "山水那坡" in html
    assert "img/banner.svg" not in html


def test_search_snippet_shows_rich_text_as_plain_text(client, county):
    column = column_of(county, "yaowen")
    column.intro = "<p>本栏目发布<b>那坡</b>要闻。</p>"
    column.save_revision().publish()
    html = get(client, "/search/", q="要闻").content.decode()
    assert "本栏目发布那坡要闻。" in html
    assert "&lt;p&gt;" not in html


def test_column_page_queries_do_not_grow_with_the_articles_shown(client, county):
    column = column_of(county, "yaowen")
    add_article(column, "第一条", days_ago=1, slug="a0")
    get(client, "/yaowen/")  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as few:
        get(client, "/yaowen/")
    for n in range(1, 15):
        add_article(column, f"第{n}条", days_ago=n + 1, slug=f"a{n}")
    with CaptureQueriesContext(connection) as many:
        get(client, "/yaowen/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_home_grid_pairs_feed_blocks_and_widens_the_odd_one(client, county):
    feed = {"heading": "要闻", "columns": [], "count": 3}
    home = county.home
    home.body = [
        {"type": "news_feed", "value": feed},
        {"type": "news_feed", "value": feed},
        {"type": "notice_list", "value": {"heading": "通知公告", "columns": [], "count": 3}},
        {"type": "paragraph", "value": "<p>欢迎</p>"},
        {"type": "news_feed", "value": feed},
    ]
    home.save_revision().publish()
    html = get(client, "/").content.decode()
    classes = re.findall(r'class="home-block home-block--\w+ ([^"]+)"', html)
    assert classes == [
        "home-block--half home-block--start",
        "home-block--half home-block--end",
        "home-block--half home-block--start",
        "home-block--full",
        "home-block--half home-block--start",
    ]


def test_a_date_without_a_time_shows_no_midnight(client, county):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    article = add_article(column_of(county, "yaowen"), "旧站导入的文章", slug="legacy")
    midnight = datetime(2015, 3, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    type(article).objects.filter(pk=article.pk).update(publish_date=midnight)
    html = get(client, "/yaowen/legacy/").content.decode()
    assert re.search(r"<time[^>]*>2015-03-05</time>", html)
    assert not re.search(r"<time[^>]*>2015-03-05 00:00</time>", html)
