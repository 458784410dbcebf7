"""The health engine: quotas by local day and working day, column freshness, the 19号 counts."""

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redesign.core.column_types import ColumnType
from redesign.core.models import ArticlePage, CalendarDay, ColumnPage
from redesign.guarantee.health import Status, site_health
from redesign.guarantee.models import (
    ContentPolicy,
    DateFlag,
    ItemRecord,
    WordingFinding,
    WordingRule,
)
from tests.conftest import add_article, column_of

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 26)  # a Thursday, a working day


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """An aware Shanghai moment on a day."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def put(column, title: str, shown: datetime | None, published: datetime | None = None, **kw):
    """A live article with a chosen shown date and real first publication."""
    article = add_article(column, title, **kw)
    ArticlePage.objects.filter(pk=article.pk).update(
        publish_date=shown,
        first_published_at=published or shown,
        last_published_at=published or shown,
    )
    return article


def health_of(result, day: date = DAY):
    """The report of one provisioned site."""
    (report,) = site_health(day, [result.site.hostname])
    return report


def fill_columns(result, day: date = DAY):
    """Give every standard column a fresh dated item, so nothing is blank or stale."""
    for column in ColumnPage.objects.child_of(result.home):
        put(column, f"{column.title}稿件", at(day - timedelta(days=1)))


def add_column(result, slug: str, column_type: str) -> ColumnPage:
    """A new live column under the site's home."""
    column = ColumnPage(title=f"栏目{slug}", slug=slug, column_type=column_type)
    result.home.add_child(instance=column)
    column.save_revision().publish()
    return column


@pytest.mark.django_db
def test_a_new_site_is_red_for_its_blank_columns(county):
    report = health_of(county)
    assert {c.title for c in report.blank_columns} == {
        "要闻", "政务动态", "通知公告", "政策文件", "互动交流", "特色产业",
    }  # fmt: skip
    assert [v.key for v in report.veto_risks] == ["blank_columns"]
    assert report.status == Status.RED


@pytest.mark.django_db
def test_items_count_on_the_shanghai_day_they_were_published(county):
    fill_columns(county, DAY - timedelta(days=3))
    news = column_of(county, "yaowen")
    put(news, "当日最后一分钟", at(DAY, 23, 59))
    put(news, "次日零点", at(DAY + timedelta(days=1), 0, 0))
    put(news, "当日零点", at(DAY, 0, 0))
    put(news, "前一日最后一分钟", at(DAY - timedelta(days=1), 23, 59))
    report = health_of(county)
    assert report.dynamic.day == 2
    assert health_of(county, DAY + timedelta(days=1)).dynamic.day == 1


@pytest.mark.django_db
def test_quota_counts_dynamic_and_static_kinds(county):
    fill_columns(county, DAY - timedelta(days=3))
    for slug in ("yaowen", "zwdt"):
        put(column_of(county, slug), f"{slug}今日", at(DAY))
    put(column_of(county, "tzgg"), "通知今日", at(DAY))
    report = health_of(county)
    assert (report.dynamic.day, report.static.day) == (2, 1)
    assert report.dynamic.met and not report.static.met
    assert report.quota_missed
    assert report.status == Status.AMBER
    put(column_of(county, "zcwj"), "政策今日", at(DAY))
    report = health_of(county)
    assert report.static.day == 2 and not report.quota_missed
    assert report.status == Status.GREEN


@pytest.mark.django_db
def test_a_standard_page_update_counts_as_a_static_item(county):
    fill_columns(county, DAY - timedelta(days=3))
    page = county.home.get_children().get(slug="gkxx").specific
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(last_published_at=at(DAY, 9))
    assert health_of(county).static.day == 1


@pytest.mark.django_db
def test_the_week_quota_counts_working_days_only(county):
    fill_columns(county, DAY - timedelta(days=10))
    report = health_of(county)
    # 2026-11-20 .. 11-26: Fri, Sat, Sun, Mon, Tue, Wed, Thu → five working days
    assert report.dynamic.week_required == 2 * 5
    assert report.static.week_required == 2 * 5


@pytest.mark.django_db
def test_a_public_holiday_owes_no_quota_and_a_make_up_day_does(county):
    holiday = date(2026, 10, 1)
    assert not chinese_calendar.is_workday(holiday)
    fill_columns(county, holiday - timedelta(days=2))
    report = health_of(county, holiday)
    assert not report.working_day and not report.quota_missed
    make_up = next(
        d
        for d in (date(2026, 1, 1) + timedelta(days=n) for n in range(365))
        if d.weekday() >= 5 and chinese_calendar.is_workday(d)
    )
    fill_columns(county, make_up - timedelta(days=2))
    report = health_of(county, make_up)
    assert report.working_day and report.quota_missed


@pytest.mark.django_db
def test_the_calendar_table_overrides_and_covers_unknown_years(county):
    fill_columns(county, DAY - timedelta(days=2))
    CalendarDay.objects.create(date=DAY, is_working_day=False, note="临时放假")
    assert not health_of(county).working_day
    saturday = date(2027, 2, 20)  # a year the statutory calendar has no data for yet
    assert health_of(county, saturday).working_day is False
    assert health_of(county, saturday + timedelta(days=2)).working_day is True
    CalendarDay.objects.create(date=saturday, is_working_day=True, site=county.site)
    assert health_of(county, saturday).working_day is True


@pytest.mark.django_db
def test_a_site_policy_changes_the_quota_and_calendar(county):
    fill_columns(county, DAY - timedelta(days=2))
    ContentPolicy.objects.create(site=county.site, dynamic_daily_min=0, static_daily_min=0)
    assert health_of(county).status == Status.GREEN
    policy = ContentPolicy.objects.get(site=county.site)
    policy.dynamic_daily_min, policy.calendar = 3, "every_day"
    policy.save()
    assert health_of(county, date(2026, 11, 28)).working_day  # a Saturday
    assert health_of(county).dynamic.minimum == 3


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "max_age"), [("yaowen", 14), ("tzgg", 183), ("zcwj", 183)])
def test_freshness_holds_to_the_last_day_of_its_interval(county, slug, max_age):
    fill_columns(county, DAY)
    column = column_of(county, slug)
    ArticlePage.objects.child_of(column).delete()
    put(column, "边界稿件", at(DAY - timedelta(days=max_age), 8))
    state = next(c for c in health_of(county).columns if c.page_id == column.pk)
    assert (state.days_since, state.stale, state.days_left) == (max_age, False, 0)
    state = next(
        c for c in health_of(county, DAY + timedelta(days=1)).columns if c.page_id == column.pk
    )
    assert (state.days_since, state.stale, state.days_left) == (max_age + 1, True, None)


@pytest.mark.django_db
def test_undated_items_count_as_not_updated(county):
    fill_columns(county)
    column = column_of(county, "tzgg")
    ArticlePage.objects.child_of(column).update(publish_date=None)
    state = next(c for c in health_of(county).columns if c.page_id == column.pk)
    assert state.stale and state.days_since is None and not state.blank


@pytest.mark.django_db
def test_items_in_subcolumns_keep_their_parent_column_fresh(county):
    fill_columns(county)
    parent = add_column(county, "zwgk", ColumnType.OPEN_GOV)
    child = ColumnPage(title="人事任免", slug="rsrm", column_type=ColumnType.PERSONNEL)
    parent.add_child(instance=child)
    child.save_revision().publish()
    put(child, "任免通知", at(DAY - timedelta(days=3)))
    states = {c.page_id: c for c in health_of(county).columns}
    assert states[parent.pk].days_since == 3 and states[child.pk].days_since == 3


@pytest.mark.django_db
def test_five_stale_columns_are_a_veto_and_four_count_down(county):
    fill_columns(county)
    for n in range(3):
        column = add_column(county, f"dt{n}", ColumnType.NEWS)
        put(column, "旧稿", at(DAY - timedelta(days=20)))
    column = add_column(county, "dt3", ColumnType.NEWS)
    put(column, "旧稿", at(DAY - timedelta(days=20)))
    closing = add_column(county, "dt4", ColumnType.NEWS)
    put(closing, "较新稿", at(DAY - timedelta(days=13)))  # fresh for one more day
    report = health_of(county)
    stale = next(v for v in report.veto_counts if v.key == "stale_columns")
    assert (stale.count, stale.at_risk, stale.days_left) == (4, False, 2)
    assert report.status == Status.AMBER  # under the three warning days
    stale = next(
        v
        for v in health_of(county, DAY + timedelta(days=2)).veto_counts
        if v.key == "stale_columns"
    )
    assert (stale.count, stale.at_risk) == (5, True)


@pytest.mark.django_db
def test_ten_columns_that_should_update_are_a_veto(county):
    fill_columns(county)
    for n in range(9):
        column = add_column(county, f"gk{n}", ColumnType.OPEN_GOV)
        put(column, "旧公开信息", at(DAY - timedelta(days=200)))
    should = next(v for v in health_of(county).veto_counts if v.key == "should_update")
    assert (should.count, should.at_risk) == (9, False)
    put(add_column(county, "gk9", ColumnType.PLANNING), "旧规划", at(DAY - timedelta(days=400)))
    report = health_of(county)
    should = next(v for v in report.veto_counts if v.key == "should_update")
    assert (should.count, should.at_risk) == (10, True)
    assert report.status == Status.RED
    assert next(v for v in report.veto_counts if v.key == "stale_columns").count == 0


@pytest.mark.django_db
def test_the_home_page_is_stale_after_fourteen_days(county):
    fill_columns(county, DAY - timedelta(days=13))  # the newest items: 14 days before DAY
    type(county.home).objects.filter(pk=county.home.pk).update(
        last_published_at=at(DAY - timedelta(days=30))
    )
    report = health_of(county)
    assert report.home_age_days == 14
    home = next(v for v in report.veto_counts if v.key == "home_stale")
    assert not home.at_risk and home.days_left == 1
    report = health_of(county, DAY + timedelta(days=1))
    assert report.home_age_days == 15
    assert "home_stale" in [v.key for v in report.veto_risks]


@pytest.mark.django_db
def test_a_forged_date_and_a_wording_error_are_veto_risks(county):
    fill_columns(county)
    article = ArticlePage.objects.child_of(column_of(county, "yaowen")).first()
    ItemRecord.objects.filter(page=article).update(date_flag=DateFlag.CHANGED)
    rule = WordingRule.objects.create(
        correct="社会主义核心价值观", wrong_forms="社会主义核心价值关"
    )
    WordingFinding.objects.create(page=article, rule=rule, wrong_form="社会主义核心价值关")
    keys = [v.key for v in health_of(county).veto_risks]
    assert keys == ["forged_dates", "wording"]
    rule.serious = False
    rule.save()
    assert [v.key for v in health_of(county).veto_risks] == ["forged_dates"]


@pytest.mark.django_db
def test_originality_share_over_thirty_days_and_its_trend(county):
    fill_columns(county, DAY - timedelta(days=40))
    news = column_of(county, "yaowen")
    for n in range(3):
        put(news, f"原创{n}", at(DAY - timedelta(days=2)))
    put(news, "转载", at(DAY - timedelta(days=2)), origin="reprint", origin_source="新华社")
    report = health_of(county)
    assert report.originality["original"] == 3 and report.originality["total"] == 4
    assert report.originality["ratio_30d"] == 0.75
    assert report.originality["ratio_previous_30d"] == 1.0  # the filled columns, 40 days ago
    assert report.originality["trend"] == -0.25


@pytest.mark.django_db
def test_sites_are_judged_apart(county, other_county):
    fill_columns(county)
    reports = {r.hostname: r for r in site_health(DAY)}
    assert reports["napo.localhost"].blank_columns == []
    assert len(reports["jingxi.localhost"].blank_columns) == 6


def _queries(day: date) -> int:
    """Queries one run of the engine makes over the whole cluster."""
    with CaptureQueriesContext(connection) as captured:
        site_health(day)
    return len(captured)


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_sites_or_items(county, other_county):
    fill_columns(county)
    fill_columns(other_county)
    two = _queries(DAY)
    from redesign.cluster.provisioning import create_county_site

    for n in range(3):
        result = create_county_site(name=f"测试{n}县人民政府", hostname=f"t{n}.localhost")
        fill_columns(result)
        put(column_of(result, "yaowen"), "又一篇", at(DAY))
    assert _queries(DAY) == two <= 20


@pytest.mark.django_db
def test_the_command_prints_json_with_the_promised_keys(county, capsys):
    call_command("content_health", "--format", "json", "--date", DAY.isoformat())
    (site,) = json.loads(capsys.readouterr().out)
    assert {"hostname", "status", "veto_risks", "stale_columns", "blank_columns", "quota"} <= set(
        site
    )
    assert site["hostname"] == "napo.localhost" and site["status"] == "red"
    assert site["veto_risks"][0]["key"] == "blank_columns"


@pytest.mark.django_db
def test_the_command_prints_a_table_and_csv(county, capsys):
    call_command("content_health", "--site", "napo.localhost", "--date", DAY.isoformat())
    out = capsys.readouterr().out
    assert "napo.localhost" in out and "红色" in out and "空白栏目：通知公告" in out
    call_command("content_health", "--format", "csv", "--date", DAY.isoformat())
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("hostname,site_name,date,status") and len(lines) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [(["--date", "2026-13-01"], "日期"), (["--site", "nowhere.localhost"], "nowhere.localhost")],
)
def test_the_command_refuses_bad_input(county, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("content_health", *args)


@pytest.mark.django_db
def test_notify_mails_site_staff_and_administrators_of_red_sites(
    county, other_county, staff, other_staff, django_user_model
):
    django_user_model.objects.create_superuser("boss", "boss@example.cn", "x-pass-123456")
    fill_columns(county)
    call_command("content_health", "--notify", "--date", DAY.isoformat(), stdout=None)
    by_subject = {m.subject: m for m in mail.outbox}
    napo = next(m for s, m in by_subject.items() if "那坡县" in s)
    assert sorted(napo.to) == ["napo_maintainer@example.cn", "napo_reviewer@example.cn"]
    jingxi = next(m for s, m in by_subject.items() if "靖西市" in s)
    assert "napo" not in " ".join(jingxi.to)
    admin = next(m for s, m in by_subject.items() if "网群健康" in s)
    assert admin.to == ["boss@example.cn"] and "靖西市" in admin.body and "那坡县" not in admin.body


@pytest.mark.django_db
def test_the_latest_finished_link_check_is_reported(county):
    from django.utils import timezone

    from redesign.guarantee.models import LinkCheckRun

    fill_columns(county)
    LinkCheckRun.objects.create(
        site=county.site, pages_checked=40, broken_internal=3, missing_images=1,
        finished_at=timezone.now(),
    )  # fmt: skip
    LinkCheckRun.objects.create(site=county.site)  # still running: not read
    links = health_of(county).links
    assert (links["pages"], links["broken_internal"], links["missing_images"]) == (40, 3, 1)
