"""栏目更新情况: each column's freshness in the admin listing, confined to the user's sites."""

import pytest
from django.urls import reverse

from tests.conftest import add_article, column_of


@pytest.mark.django_db
def test_the_listing_shows_each_columns_days_against_its_interval(client, county, staff):
    add_article(column_of(county, "yaowen"), "近期要闻", days_ago=3)
    add_article(column_of(county, "tzgg"), "很久以前的通知", days_ago=200)
    client.force_login(staff["maintainer"])
    html = client.get(reverse("column_freshness:index")).content.decode()
    assert "3 天 / 14 天（还剩 11 天）" in html
    assert "200 天 / 183 天（已过期）" in html
    assert "无注明日期的稿件（视为未更新）" in html  # 政策文件 has nothing yet
    assert "不限更新周期（不得空白）" in html  # 特色产业 and 互动 have no interval


@pytest.mark.django_db
def test_the_listing_sorts_the_longest_unupdated_first_by_default(client, county, staff):
    add_article(column_of(county, "yaowen"), "近期要闻", days_ago=3)
    add_article(column_of(county, "tzgg"), "很久以前的通知", days_ago=200)
    client.force_login(staff["maintainer"])
    html = client.get(reverse("column_freshness:index")).content.decode()
    assert html.index("200 天") < html.index("3 天 / 14 天")


@pytest.mark.django_db
def test_an_editor_sees_only_their_own_sites_columns(client, county, other_county, staff):
    add_article(column_of(other_county, "yaowen"), "靖西要闻", days_ago=5)
    client.force_login(staff["informant"])
    html = client.get(reverse("column_freshness:index")).content.decode()
    assert "那坡县人民政府" in html
    assert "靖西市人民政府" not in html and "5 天 / 14 天" not in html
