"""The 内容保障策略: each site's maintainers edit their own site's policy, and only theirs."""

import pytest

from redesign.guarantee.models import ContentPolicy


def url(result) -> str:
    """The policy's edit view of a provisioned site."""
    return f"/admin/settings/guarantee/contentpolicy/{result.site.pk}/"


def form(**changes) -> dict:
    """A complete policy form with the defaults, changed where asked."""
    data = {
        "dynamic_daily_min": 2,
        "dynamic_daily_target": 3,
        "static_daily_min": 2,
        "home_max_age_days": 14,
        "warning_days": 3,
        "calendar": "statutory",
        "webhook_kind": "",
        "webhook_url": "",
        "webhook_secret": "",
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_a_maintainer_edits_the_sites_policy(client, county, staff):
    client.force_login(staff["maintainer"])
    response = client.post(url(county), form(dynamic_daily_min=3, dynamic_daily_target=4))
    assert response.status_code == 302
    policy = ContentPolicy.objects.get(site=county.site)
    assert (policy.dynamic_daily_min, policy.dynamic_daily_target) == (3, 4)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"dynamic_daily_min": 3, "dynamic_daily_target": 2}, "目标不能低于下限"),
        ({"webhook_kind": "wecom"}, "请填写 Webhook 地址"),
        ({"webhook_kind": "wecom", "webhook_url": "http://robot.example/"}, "https://"),
        ({"home_max_age_days": 30}, "14"),
    ],
)
def test_bad_policies_are_refused_with_a_clear_error(client, county, staff, changes, message):
    client.force_login(staff["maintainer"])
    response = client.post(url(county), form(**changes))
    assert response.status_code == 200 and message in response.content.decode()
    assert not ContentPolicy.objects.filter(site=county.site, dynamic_daily_target=2).exists()


@pytest.mark.django_db
def test_another_sites_maintainer_and_an_informant_cannot_edit_it(
    client, county, other_county, staff, other_staff
):
    for user in (other_staff["maintainer"], staff["informant"], staff["reviewer"]):
        client.force_login(user)
        response = client.post(url(county), form(dynamic_daily_min=9, dynamic_daily_target=9))
        assert response.status_code in (302, 403)
        assert not ContentPolicy.objects.filter(site=county.site, dynamic_daily_min=9).exists()
