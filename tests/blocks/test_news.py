"""News feeds: newest articles of chosen columns or of the current site, few queries."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blocks.news import FeaturedNewsBlock, NewsFeedBlock, TabbedFeedBlock
from tests.blocks.helpers import add_article, make_image


def titles(html: str, element: str) -> list[str]:
    """The link texts of the feed items in rendered HTML, in order."""
    return re.findall(rf'class="{element}"[^>]*>([^<]+)</a>', html)


def news_feed_value(columns=(), count=8, show_images=False, heading="要闻动态"):
    """A NewsFeedBlock value as the editor saves it."""
    block = NewsFeedBlock()
    return block, block.to_python(
        {
            "heading": heading,
            "columns": [column.pk for column in columns],
            "count": count,
            "show_images": show_images,
            "show_dates": True,
        }
    )


def test_news_feed_lists_newest_articles_of_chosen_columns(napo):
    """Only the chosen columns, newest first, cut to the count, with YYYY-MM-DD dates."""
    news, notices = napo.columns["yaowen"], napo.columns["tongzhi"]
    add_article(news, "县政府召开第12次常务会议", days_ago=5)
    add_article(news, "全县春耕生产工作推进会召开", days_ago=1)
    add_article(news, "我县举办2024年就业招聘会", days_ago=3)
    add_article(news, "县领导调研乡村振兴工作", days_ago=9)
    add_article(notices, "关于清明节放假的通知", days_ago=0.5)
    add_article(news, "未发布的草稿", days_ago=0.1, publish=False)

    block, value = news_feed_value([news], count=3)
    html = block.render(value, context={"page": napo.home})

    assert titles(html, "b-news-feed__link") == [
        "全县春耕生产工作推进会召开",
        "我县举办2024年就业招聘会",
        "县政府召开第12次常务会议",
    ]
    newest = timezone.localtime(timezone.now() - timezone.timedelta(days=1)).date()
    assert (
        f'<time class="b-news-feed__date" datetime="{newest:%Y-%m-%d}">{newest:%Y-%m-%d}</time>'
        in html
    )
    assert f'href="{news.url}"' in html  # 更多 goes to the first column
    assert 'aria-label="更多要闻动态"' in html


def test_news_feed_merges_several_columns(napo):
    """Articles of all chosen columns are merged by date."""
    news, departments = napo.columns["yaowen"], napo.columns["bumen"]
    add_article(news, "要闻一", days_ago=4)
    add_article(departments, "部门动态一", days_ago=2)
    add_article(news, "要闻二", days_ago=1)

    block, value = news_feed_value([news, departments])
    html = block.render(value, context={"page": napo.home})

    assert titles(html, "b-news-feed__link") == ["要闻二", "部门动态一", "要闻一"]


def test_whole_site_feed_excludes_other_sites(napo, jingxi):
    """With no column chosen the feed lists the current site only."""
    add_article(napo.columns["yaowen"], "那坡县新闻", days_ago=2)
    add_article(napo.columns["tongzhi"], "那坡县通知", days_ago=3)
    add_article(jingxi.columns["yaowen"], "靖西市新闻", days_ago=1)

    block, value = news_feed_value()
    article = napo.columns["yaowen"].get_children().first()
    html = block.render(value, context={"page": article})

    assert titles(html, "b-news-feed__link") == ["那坡县新闻", "那坡县通知"]
    assert "b-news-feed__more" not in html


def test_whole_site_feed_uses_the_request_site_without_a_page(napo, jingxi, rf):
    """Without a page in the context the request's site decides."""
    add_article(napo.columns["yaowen"], "那坡县新闻", days_ago=2)
    add_article(jingxi.columns["yaowen"], "靖西市新闻", days_ago=1)

    block, value = news_feed_value()
    request = rf.get("/", HTTP_HOST="jingxi.localhost")
    html = block.render(value, context={"request": request})

    assert titles(html, "b-news-feed__link") == ["靖西市新闻"]


def test_feed_falls_back_to_first_publication_date(napo):
    """An article without a publish date shows and sorts by its first publication."""
    news = napo.columns["yaowen"]
    add_article(news, "有日期的文章", days_ago=3)
    undated = add_article(news, "无日期的文章", publish_date=None)

    block, value = news_feed_value([news])
    html = block.render(value, context={"page": napo.home})

    shown = timezone.localtime(undated.first_published_at).date()
    assert titles(html, "b-news-feed__link")[0] == "无日期的文章"
    assert f'datetime="{shown:%Y-%m-%d}"' in html


def test_news_feed_with_images_shows_thumbnails(napo):
    """Cover images render as decorative thumbnails."""
    add_article(napo.columns["yaowen"], "图片新闻", cover_image=make_image())

    block, value = news_feed_value([napo.columns["yaowen"]], show_images=True)
    html = block.render(value, context={"page": napo.home})

    image_tag = re.search(r'<img[^>]*class="b-news-feed__image"[^>]*>', html).group(0)
    assert 'alt=""' in image_tag
    assert "fill-320x200" in image_tag


def test_news_feed_empty(napo):
    """An empty feed says so."""
    block, value = news_feed_value([napo.columns["yaowen"]])
    assert "暂无文章" in block.render(value, context={"page": napo.home})


@pytest.mark.parametrize("show_images", [False, True])
def test_feed_queries_do_not_grow_with_articles(napo, show_images):
    """Rendering a feed costs the same queries for 3 and for 30 articles."""
    small, large = napo.columns["yaowen"], napo.columns["bumen"]
    for number in range(3):
        add_article(small, f"小栏目文章{number}", days_ago=number + 1, cover_image=make_image())
    for number in range(30):
        add_article(large, f"大栏目文章{number}", days_ago=number + 1, cover_image=make_image())

    block = NewsFeedBlock()
    small_value = news_feed_value([small], count=30, show_images=show_images)[1]
    large_value = news_feed_value([large], count=30, show_images=show_images)[1]
    context = {"page": napo.home}
    # Warm up: site root paths and renditions are made once, not per render.
    block.render(small_value, context=context)
    block.render(large_value, context=context)

    expected = 2 if show_images else 1  # the articles, plus one renditions prefetch
    with CaptureQueriesContext(connection) as small_queries:
        small_html = block.render(small_value, context=context)
    with CaptureQueriesContext(connection) as large_queries:
        large_html = block.render(large_value, context=context)

    assert len(titles(small_html, "b-news-feed__link")) == 3
    assert len(titles(large_html, "b-news-feed__link")) == 30
    assert len(small_queries) == len(large_queries) == expected


def test_feed_query_count_is_fixed(napo, django_assert_num_queries):
    """A whole-site feed without images is a single query."""
    for number in range(5):
        add_article(napo.columns["yaowen"], f"文章{number}", days_ago=number + 1)
    block, value = news_feed_value(count=30)
    block.render(value, context={"page": napo.home})
    with django_assert_num_queries(1):
        block.render(value, context={"page": napo.home})


def test_featured_news_keeps_the_chosen_order_and_skips_unpublished(napo):
    """Featured articles show in the editor's order; unpublished ones drop out."""
    news = napo.columns["yaowen"]
    first = add_article(news, "头条：县第十六次党代会开幕", days_ago=5, cover_image=make_image())
    second = add_article(news, "全县重点项目集中开工", days_ago=1, summary="共32个项目集中开工。")
    hidden = add_article(news, "撤下的文章", days_ago=2)
    hidden.unpublish()

    block = FeaturedNewsBlock()
    value = block.to_python(
        {"heading": "头条", "articles": [first.pk, hidden.pk, second.pk], "style": "carousel"}
    )
    html = block.render(value, context={"page": napo.home})

    assert titles(html, "b-featured-news__link") == [
        "头条：县第十六次党代会开幕",
        "全县重点项目集中开工",
    ]
    assert "共32个项目集中开工。" in html
    assert 'aria-roledescription="轮播"' in html
    assert 'class="b-featured-news__image"' in html


def test_tabbed_feed_renders_accessible_tabs(napo):
    """Tabs carry tablist/tab roles, aria-selected and aria-controls; panels list their column."""
    add_article(napo.columns["yaowen"], "要闻文章", days_ago=1)
    add_article(napo.columns["bumen"], "部门文章", days_ago=2)

    block = TabbedFeedBlock()
    value = block.to_python(
        {
            "heading": "新闻中心",
            "tabs": [
                {"label": "要闻", "column": napo.columns["yaowen"].pk},
                {"label": "部门动态", "column": napo.columns["bumen"].pk},
            ],
            "count": 6,
            "show_dates": True,
        }
    )
    html = block.render(value, context={"page": napo.home})

    assert 'role="tablist"' in html
    assert html.count('role="tab"') == 2
    assert 'aria-selected="true"' in html and 'aria-selected="false"' in html
    tab_ids = re.findall(r'aria-controls="([^"]+)"', html)
    for panel_id in tab_ids:
        assert f'id="{panel_id}"' in html
    # Without JavaScript the tab buttons are hidden and every panel shows, headed.
    assert re.search(r'role="tablist"[^>]*hidden', html)
    assert "hidden" not in re.findall(r'<div class="b-tabbed-feed__panel"[^>]*>', html)[0]
    panels = html.split('class="b-tabbed-feed__panel"')[1:]
    assert "要闻文章" in panels[0] and "部门文章" not in panels[0]
    assert "部门文章" in panels[1]
    assert "/static/blocks/js/tabs.js" in html


def test_tabs_script_is_shipped():
    """The tab script handles arrow keys and aria-selected."""
    from django.contrib.staticfiles import finders

    path = finders.find("blocks/js/tabs.js")
    assert path
    script = open(path, encoding="utf-8").read()
    assert "ArrowRight" in script and "ArrowLeft" in script and "aria-selected" in script


def test_home_page_stream_renders_feeds(napo):
    """Feed blocks stored in a HomePage body survive the JSON round trip and render."""
    add_article(napo.columns["yaowen"], "县委常委会召开会议", days_ago=1)
    add_article(napo.columns["tongzhi"], "关于开展防汛演练的通知", days_ago=1)
    home = napo.home
    home.body = [
        (
            "news_feed",
            {
                "heading": "要闻",
                "columns": [napo.columns["yaowen"]],
                "count": 8,
                "show_dates": True,
            },
        ),
        ("notice_list", {"heading": "通知公告", "columns": [], "count": 5, "mark_new": True}),
    ]
    home.save_revision().publish()
    home.refresh_from_db()

    html = home.body.render_as_block(context={"page": home})

    assert "县委常委会召开会议" in html
    assert "关于开展防汛演练的通知" in html
    assert html.index("县委常委会召开会议") < html.index("关于开展防汛演练的通知")
