"""Page types: creation rules, the forged-date rule, origins, columns and neighbours."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from wagtail.models import Page

from redesign.core.column_types import FRESHNESS_RULES, ColumnType
from redesign.core.models import ArticlePage, ColumnPage, HomePage, IndustryPage, StandardPage
from tests.conftest import add_article, column_of


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, Page, True),
        (HomePage, HomePage, False),
        (HomePage, ColumnPage, False),
        (ColumnPage, HomePage, True),
        (ColumnPage, ColumnPage, True),
        (ColumnPage, Page, False),
        (ColumnPage, ArticlePage, False),
        (ArticlePage, ColumnPage, True),
        (ArticlePage, HomePage, False),
        (ArticlePage, StandardPage, False),
        (ArticlePage, ArticlePage, False),
        (ArticlePage, IndustryPage, True),
        (StandardPage, HomePage, True),
        (StandardPage, StandardPage, True),
        (StandardPage, ArticlePage, False),
        (IndustryPage, ColumnPage, True),
        (IndustryPage, StandardPage, False),
    ],
)
def test_page_tree_rules(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_articles_cannot_be_added_directly_under_a_home(county):
    assert not ArticlePage.can_create_at(county.home)
    assert ArticlePage.can_create_at(column_of(county, "yaowen"))


def test_every_column_type_has_a_freshness_rule():
    assert set(FRESHNESS_RULES) == set(ColumnType.values)
    assert FRESHNESS_RULES[ColumnType.NEWS].max_age_days == 14
    assert FRESHNESS_RULES[ColumnType.NOTICE].max_age_days == 183
    assert FRESHNESS_RULES[ColumnType.POLICY].max_age_days == 183


def test_freshness_rule_texts_are_marked_for_translation():
    for rule in FRESHNESS_RULES.values():
        assert isinstance(rule.basis, Promise)  # gettext_lazy: shown in the reader's language
        assert any("\u4e00" <= char <= "\u9fff" for char in str(rule.basis))
    assert str(FRESHNESS_RULES[ColumnType.NEWS].basis) == "动态、要闻类栏目 2 周未更新"


def test_publish_date_defaults_to_the_publish_moment(county):
    column = column_of(county, "yaowen")
    article = ArticlePage(title="未填日期的文章", live=False)
    column.add_child(instance=article)
    before = timezone.now()
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.publish_date is not None
    assert before - timedelta(seconds=5) <= article.publish_date <= timezone.now()
    assert article.publish_date == article.first_published_at


def test_republishing_keeps_the_first_publish_date(county):
    column = column_of(county, "yaowen")
    article = ArticlePage(title="两次发布", live=False)
    column.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    first = article.publish_date
    article.title = "两次发布（修改）"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.publish_date == first


def test_future_publish_date_is_refused(county):
    column = column_of(county, "yaowen")
    article = ArticlePage(title="伪造日期", publish_date=timezone.now() + timedelta(days=2))
    with pytest.raises(ValidationError) as excinfo:
        column.add_child(instance=article)
    assert "publish_date" in excinfo.value.message_dict
    assert not ArticlePage.objects.filter(title="伪造日期").exists()


def test_scheduled_article_may_show_its_go_live_date(county):
    column = column_of(county, "yaowen")
    go_live = timezone.now() + timedelta(days=3)
    article = ArticlePage(
        title="定时发布", slug="dingshi", publish_date=go_live - timedelta(hours=1),
        go_live_at=go_live, live=False,
    )  # fmt: skip
    column.add_child(instance=article)
    article.clean()
    article.publish_date = go_live + timedelta(hours=1)
    with pytest.raises(ValidationError):
        article.clean()


def test_future_date_is_refused_in_the_admin_form(admin_client, county):
    column = column_of(county, "yaowen")
    future = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post(
        f"/admin/pages/add/core/articlepage/{column.pk}/",
        {
            "title": "表单伪造日期",
            "slug": "biaodan",
            "publish_date": future,
            "origin": "original",
            "body-count": "0",
            "attachments-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 200
    assert "不能晚于实际发布时间" in response.content.decode()
    assert not ArticlePage.objects.filter(title="表单伪造日期").exists()


def test_reprint_needs_its_source(county):
    column = column_of(county, "yaowen")
    with pytest.raises(ValidationError) as excinfo:
        add_article(column, "转载无出处", origin="reprint")
    assert "origin_source" in excinfo.value.message_dict
    article = add_article(column, "转载有出处", origin="reprint", origin_source="广西日报")
    assert article.get_origin_display() == "转载"


def test_neighbours_follow_the_shown_date(county):
    column = column_of(county, "yaowen")
    old = add_article(column, "较早", days_ago=10)
    mid = add_article(column, "居中", days_ago=5)
    new = add_article(column, "最新", days_ago=1)
    add_article(column, "草稿", days_ago=3, publish=False)
    assert mid.neighbours() == (old, new)
    assert old.neighbours()[0] is None
    assert new.neighbours()[1] is None


def test_column_lists_live_articles_newest_first(county):
    column = column_of(county, "yaowen")
    for i in range(5):
        add_article(column, f"文章{i}", days_ago=10 - i)
    add_article(column, "未发布", publish=False)
    titles = list(column.articles().values_list("title", flat=True))
    assert titles == [f"文章{i}" for i in reversed(range(5))]
    other = column_of(county, "tzgg")
    assert not other.articles().exists()


def test_undated_imported_articles_list_last_on_every_database(county):
    column = column_of(county, "zcwj")
    undated = add_article(column, "旧站无日期页面", days_ago=0.5)
    ArticlePage.objects.filter(pk=undated.pk).update(publish_date=None)
    dated = [add_article(column, f"有日期{i}", days_ago=5 - i) for i in range(3)]
    titles = [a.title for a in column.articles()]
    assert titles == [a.title for a in reversed(dated)] + ["旧站无日期页面"]


def test_column_freshness_rule(county):
    assert column_of(county, "tzgg").freshness_rule.max_age_days == 183


def test_drafts_with_chinese_titles_get_distinct_slugs(county):
    # Wagtail checks a draft (live=False) with minimal_clean, not full_clean: both fill the slug
    column = column_of(county, "yaowen")
    for title in ("县政府召开常务会议", "县委召开全会"):
        column.add_child(instance=ArticlePage(title=title, live=False))
    slugs = list(ArticlePage.objects.child_of(column).order_by("pk").values_list("slug", flat=True))
    day = f"{timezone.localdate():%Y%m%d}"
    assert slugs == [day, f"{day}-2"]
