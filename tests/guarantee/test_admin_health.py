"""The health in the admin: the dashboard panel of each user's sites and the cluster report."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from redesign.core.models import ArticlePage, CalendarDay, ColumnPage
from redesign.core.workdays import local_today
from tests.conftest import add_article, column_of


def fill(result) -> None:
    """Give every standard column of the site an item published two days ago."""
    for column in ColumnPage.objects.child_of(result.home):
        article = add_article(column, f"{column.title}近期稿件", days_ago=2)
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=article.publish_date)


@pytest.fixture(autouse=True)
def _today_is_worked(db):
    """Today is a working day in these tests, whatever the calendar says."""
    CalendarDay.objects.create(date=local_today(), is_working_day=True)


@pytest.mark.django_db
def test_the_dashboard_shows_the_users_own_site_only(client, county, other_county, staff):
    fill(county)
    client.force_login(staff["informant"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "网站健康与今日更新任务" in html
    assert county.site.site_name in html
    assert other_county.site.site_name not in html
    assert "动态信息 0/2" in html and "今天还需发布" in html


@pytest.mark.django_db
def test_the_dashboard_names_blank_columns_and_countdowns(client, other_county, other_staff):
    client.force_login(other_staff["maintainer"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "已触发：空白栏目（6/5）" in html
    assert "空白栏目：" in html and "特色产业" in html


@pytest.mark.django_db
def test_the_dashboard_lists_the_informants_submissions(client, county, staff):
    column = column_of(county, "yaowen")
    draft = add_article(column, "信息员的投稿", publish=False, owner=staff["informant"])
    draft.get_workflow().start(draft, staff["informant"])
    client.force_login(staff["informant"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "我的投稿" in html and "信息员的投稿" in html and "审核中" in html


@pytest.mark.django_db
def test_the_dashboard_query_count_does_not_grow_with_submissions(
    client, county, staff, django_assert_max_num_queries
):
    column = column_of(county, "yaowen")
    client.force_login(staff["informant"])
    for n in range(2):
        page = add_article(column, f"投稿{n}", publish=False, owner=staff["informant"])
        page.get_workflow().start(page, staff["informant"])
    client.get(reverse("wagtailadmin_home"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("wagtailadmin_home"))
    for n in range(4):
        page = add_article(column, f"更多投稿{n}", publish=False, owner=staff["informant"])
        page.get_workflow().start(page, staff["informant"])
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("wagtailadmin_home"))
    assert len(more) == len(few)


@pytest.mark.django_db
def test_only_administrators_reach_the_cluster_report(client, county, staff):
    client.force_login(staff["maintainer"])
    response = client.get(reverse("guarantee_site_health_report"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def boss(django_user_model):
    """A cluster administrator."""
    return django_user_model.objects.create_superuser("boss", "boss@example.cn", "x-pass-123456")


@pytest.mark.django_db
def test_the_cluster_report_lists_sorts_and_filters_every_site(client, county, other_county, boss):
    fill(county)
    client.force_login(boss)
    url = reverse("guarantee_site_health_report")
    html = client.get(url).content.decode()
    assert html.index("靖西市人民政府") < html.index("那坡县人民政府")  # red first
    html = client.get(url, {"status": "red"}).content.decode()
    assert "靖西市人民政府" in html and "那坡县人民政府" not in html
    html = client.get(url, {"ordering": "-site_name"}).content.decode()
    assert html.index("靖西市人民政府") < html.index("那坡县人民政府")
    html = client.get(url, {"name": "napo"}).content.decode()
    assert "那坡县人民政府" in html and "靖西市人民政府" not in html


@pytest.mark.django_db
def test_the_cluster_report_exports_csv_and_xlsx(client, county, other_county, boss):
    client.force_login(boss)
    url = reverse("guarantee_site_health_report")
    response = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["主机名", "站点", "日期", "状态"]
    assert {row[0] for row in rows[1:]} == {"napo.localhost", "jingxi.localhost"}
    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][0] == "主机名" and len(values) == 3


@pytest.mark.django_db
def test_an_administrator_dashboard_summarises_the_cluster(client, county, other_county, boss):
    client.force_login(boss)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "共 2 个站点" in html and reverse("guarantee_site_health_report") in html
