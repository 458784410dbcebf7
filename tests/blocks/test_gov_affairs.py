"""政务动态, 通知公告 and policy documents."""

from __future__ import annotations

import datetime
import re

from blocks.gov_affairs import (
    GovAffairsFeedBlock,
    NoticeListBlock,
    NoticeTickerBlock,
    PolicyDocumentBlock,
)
from tests.blocks.helpers import add_article, make_document


def link_texts(html: str, element: str) -> list[str]:
    """The link texts of the items of a rendered feed, in order."""
    return re.findall(rf'class="{element}"[^>]*>([^<]+)</a>', html)


def test_gov_affairs_feed_shows_issuing_body_and_date(napo):
    """Each item shows its 发布机构 (else its source) and a YYYY-MM-DD date."""
    news = napo.columns["yaowen"]
    add_article(news, "县政府党组召开专题会议", days_ago=2, issuing_body="县人民政府办公室")
    add_article(news, "县财政局公开2024年部门预算", days_ago=3, source="县财政局")

    block = GovAffairsFeedBlock()
    value = block.to_python({"heading": "政务动态", "columns": [news.pk], "count": 5})
    html = block.render(value, context={"page": napo.home})

    assert link_texts(html, "b-gov-affairs-feed__link") == [
        "县政府党组召开专题会议",
        "县财政局公开2024年部门预算",
    ]
    assert "县人民政府办公室" in html and "县财政局</span>" in html
    assert re.search(r'<time class="b-gov-affairs-feed__date" datetime="\d{4}-\d{2}-\d{2}">', html)


def test_gov_affairs_feed_without_columns_takes_news_and_open_gov_columns(napo, jingxi):
    """No columns chosen: only this site's news and 政务公开 columns count."""
    add_article(napo.columns["yaowen"], "要闻动态文章", days_ago=1)
    add_article(napo.columns["zwgk"], "政务公开文章", days_ago=2)
    add_article(napo.columns["tongzhi"], "通知文章", days_ago=0.5)
    add_article(napo.columns["zhengce"], "政策文件文章", days_ago=0.5)
    add_article(jingxi.columns["yaowen"], "靖西要闻", days_ago=0.2)

    block = GovAffairsFeedBlock()
    value = block.to_python({"heading": "政务动态", "columns": [], "count": 8})
    html = block.render(value, context={"page": napo.home})

    assert link_texts(html, "b-gov-affairs-feed__link") == ["要闻动态文章", "政务公开文章"]


def test_typed_feed_is_one_query(napo, django_assert_num_queries):
    """The column-type restriction is a subquery, not a query per column."""
    add_article(napo.columns["tongzhi"], "通知一", days_ago=1)
    block = NoticeListBlock()
    value = block.to_python({"heading": "通知公告", "columns": [], "count": 8, "mark_new": True})
    block.render(value, context={"page": napo.home})
    with django_assert_num_queries(1):
        block.render(value, context={"page": napo.home})


def test_notice_list_marks_new_notices(napo):
    """Notices of the last 3 days get a 新 mark; only notice columns are listed by default."""
    notices = napo.columns["tongzhi"]
    add_article(notices, "关于开展安全生产大检查的通知", days_ago=1)
    add_article(notices, "关于2023年度考核结果的公示", days_ago=10)
    add_article(napo.columns["yaowen"], "要闻不在通知里", days_ago=1)

    block = NoticeListBlock()
    value = block.to_python({"heading": "通知公告", "columns": [], "count": 8, "mark_new": True})
    html = block.render(value, context={"page": napo.home})

    assert link_texts(html, "b-notice-list__link") == [
        "关于开展安全生产大检查的通知",
        "关于2023年度考核结果的公示",
    ]
    items = html.split('<li class="b-notice-list__item')[1:]
    assert "b-notice-list__new" in items[0]
    assert "b-notice-list__new" not in items[1]

    value = block.to_python({"heading": "通知公告", "columns": [], "count": 8, "mark_new": False})
    assert "b-notice-list__new" not in block.render(value, context={"page": napo.home})


def test_notice_ticker_scrolls_without_javascript(napo):
    """The ticker repeats its list for a seamless loop, hides the copy, and links its CSS."""
    add_article(napo.columns["tongzhi"], "关于停水的通知", days_ago=1)
    add_article(napo.columns["tongzhi"], "关于征集民生实事项目的公告", days_ago=2)

    block = NoticeTickerBlock()
    value = block.to_python(
        {"label": "通知公告", "columns": [napo.columns["tongzhi"].pk], "count": 5, "duration": 40}
    )
    html = block.render(value, context={"page": napo.home})

    assert 'style="--b-ticker-duration: 40s"' in html
    assert "<script" not in html
    assert html.count("关于停水的通知") == 2
    copy = html.split("b-notice-ticker__list--copy")[1]
    assert 'aria-hidden="true"' in copy.split(">")[0]
    assert 'tabindex="-1"' in copy
    assert "/static/blocks/css/notice_ticker.css" in html


def test_ticker_css_respects_reduced_motion_and_pauses():
    """The shipped CSS stops the animation for reduced motion and pauses on hover and focus."""
    from django.contrib.staticfiles import finders

    css = open(finders.find("blocks/css/notice_ticker.css"), encoding="utf-8").read()
    assert "prefers-reduced-motion: reduce" in css
    assert ":hover" in css and ":focus-within" in css
    assert "animation-play-state: paused" in css


def test_policy_document_renders_metadata_and_attachments(db):
    """文号, 发布机构, dates as <time>, 索引号 and the attachment download."""
    document = make_document("民生实事项目清单", "list.pdf")
    block = PolicyDocumentBlock()
    value = block.to_python(
        {
            "title": "县人民政府关于印发《2024年重点民生实事项目》的通知",
            "document_number": "县政发〔2024〕3号",
            "issuing_body": "县人民政府办公室",
            "written_date": "2024-02-18",
            "publish_date": "2024-02-20",
            "index_number": "11451000MB0000000X/2024-00012",
            "summary": "确定10个方面28项民生实事项目。",
            "attachments": [{"document": document.pk, "title": ""}],
        }
    )
    assert value.has_attachments
    html = block.render(value)

    assert "县政发〔2024〕3号" in html
    assert '<dt class="b-policy-document__meta-label">发布机构</dt>' in html
    assert '<time datetime="2024-02-18">2024-02-18</time>' in html
    assert '<time datetime="2024-02-20">2024-02-20</time>' in html
    assert "11451000MB0000000X/2024-00012" in html
    assert f'href="{document.url}"' in html
    assert "民生实事项目清单" in html and "PDF" in html


def test_policy_document_without_attachments(db):
    """Empty metadata rows and the attachment section are left out."""
    block = PolicyDocumentBlock()
    value = block.to_python({"title": "关于调整议事协调机构的通知", "attachments": []})
    assert not value.has_attachments
    html = block.render(value)
    assert "b-policy-document__attachments" not in html
    assert "文号" not in html
    assert value.metadata == []
    assert isinstance(block.get_preview_value()["written_date"], datetime.date)
