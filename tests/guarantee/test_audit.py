"""The publication audit: real times kept for every item, forged or altered shown dates flagged."""

from datetime import UTC, timedelta

import pytest

from redesign.core.models import ArticlePage
from redesign.guarantee.audit import record_publication
from redesign.guarantee.models import DateFlag, ItemKind, ItemRecord
from tests.conftest import add_article, column_of


@pytest.mark.django_db
def test_publishing_records_the_real_moment_kind_and_shown_date(county):
    article = add_article(column_of(county, "yaowen"), "县委召开常委会", days_ago=0.5)
    record = ItemRecord.objects.get(page=article)
    assert record.site == county.site
    assert (record.kind, record.column_type, record.origin) == (
        ItemKind.DYNAMIC,
        "news",
        "original",
    )
    assert record.first_published_at == article.first_published_at
    assert record.shown_date == record.shown_date_at_publish == article.publish_date
    assert record.date_flag == DateFlag.NONE
    notice = add_article(column_of(county, "tzgg"), "停水通知")
    assert ItemRecord.objects.get(page=notice).kind == ItemKind.STATIC


@pytest.mark.django_db
def test_a_shown_date_later_than_the_first_publication_is_flagged(county):
    # The page model refuses such a date on every save; a write past it (a direct database
    # edit, an old import) is still caught when the record is built.
    article = add_article(column_of(county, "yaowen"), "提前写好日期的稿件", days_ago=0)
    ItemRecord.objects.filter(page=article).delete()
    ArticlePage.objects.filter(pk=article.pk).update(
        publish_date=article.first_published_at + timedelta(days=2)
    )
    record_publication(ArticlePage.objects.get(pk=article.pk))
    assert ItemRecord.objects.get(page=article).date_flag == DateFlag.FUTURE


@pytest.mark.django_db
def test_changing_the_shown_date_after_publication_is_flagged_with_its_history(county):
    article = add_article(column_of(county, "yaowen"), "改过日期的稿件", days_ago=1)
    first = article.publish_date
    article.publish_date = first - timedelta(days=30)
    article.save_revision().publish()
    record = ItemRecord.objects.get(page=article)
    assert record.date_flag == DateFlag.CHANGED
    assert record.shown_date == article.publish_date and record.shown_date_at_publish == first
    assert record.first_published_at == article.first_published_at  # the real time stays
    (change,) = record.date_history
    assert change["from"] == first.astimezone(UTC).isoformat()
    assert change["to"] == article.publish_date.astimezone(UTC).isoformat()


@pytest.mark.django_db
def test_republishing_without_a_date_change_flags_nothing(county):
    article = add_article(column_of(county, "yaowen"), "只改了标题")
    article.title = "只改了标题（更正）"
    article.save_revision().publish()
    record = ItemRecord.objects.get(page=article)
    assert record.date_flag == DateFlag.NONE and record.date_history == []


@pytest.mark.django_db
def test_a_workflow_item_records_who_submitted_reviewed_and_published(county, staff):
    column = column_of(county, "yaowen")
    article = ArticlePage(title="信息员投稿", owner=staff["informant"])
    column.add_child(instance=article)
    article.save_revision(user=staff["informant"])
    state = article.get_workflow().start(article, staff["informant"])
    state.current_task_state.task.specific.on_action(
        state.current_task_state, staff["reviewer"], "approve"
    )
    state.refresh_from_db()
    state.current_task_state.task.specific.on_action(
        state.current_task_state, staff["maintainer"], "approve"
    )
    record = ItemRecord.objects.get(page=article)
    assert record.submitted_by == staff["informant"]
    assert record.reviewed_by == staff["reviewer"]
    assert record.published_by == staff["maintainer"]
    assert record.submitted_at == state.created_at
    assert 0 <= record.minutes_to_publish < 1


@pytest.mark.django_db
def test_an_imported_legacy_page_gets_no_publication_record(county):
    article = add_article(
        column_of(county, "yaowen"), "旧站导入的稿件", is_imported=True, legacy_url="http://old/1"
    )
    assert not ItemRecord.objects.filter(page=article).exists()
