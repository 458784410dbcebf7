"""Login throttling on the admin's login form: lockouts by username and by IP, and unlocking."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.utils import timezone

from redesign.cluster import throttle
from redesign.core.clients import client_ip

PASSWORD = "a-long-editor-passphrase-2024"  # noqa: S105
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    """An admin user with a good password."""
    user = get_user_model().objects.create_user(username="napo_editor", password=PASSWORD)
    user.user_permissions.add(*_admin_access())
    return user


@pytest.fixture
def superuser(db):
    """A cluster administrator."""
    return get_user_model().objects.create_superuser(username="cluster_admin", password=PASSWORD)


def _admin_access():
    """The permission to use the Wagtail admin at all."""
    return Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _login(client, username: str, password: str, ip: str = "10.0.0.1"):
    """Post the Wagtail admin's login form from an address."""
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_after_too_many_wrong_ones_is_refused(client, editor, settings):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        assert _login(client, "napo_editor", "wrong-password").status_code == 200
    response = _login(client, "napo_editor", "wrong-password")
    assert response.status_code == 429
    response = _login(client, "napo_editor", PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    page = response.content.decode()
    assert "登录失败次数过多" in page
    assert f"连续 {limit} 次登录失败" in page
    assert f"锁定 {settings.AXES_COOLOFF_TIME.seconds // 60} 分钟" in page


def test_a_few_typos_do_not_lock_anyone_out(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "napo_editor", "wrong-password")
    response = _login(client, "napo_editor", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_a_username_is_locked_whatever_address_the_guesses_come_from(client, editor, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "napo_editor", "wrong-password", ip=f"10.0.1.{i + 1}")
    assert _login(client, "napo_editor", PASSWORD, ip="10.0.2.1").status_code == 429
    assert not _logged_in(client)


def test_an_address_is_locked_whatever_usernames_it_tries(client, editor, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"guess{i}", "wrong-password", ip="10.0.3.1")
    assert _login(client, "napo_editor", PASSWORD, ip="10.0.3.1").status_code == 429
    assert not _logged_in(client)
    assert _login(client, "napo_editor", PASSWORD, ip="10.0.3.2").status_code == 302
    assert _logged_in(client)


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "napo_editor", "wrong-password")
    assert _login(client, "napo_editor", PASSWORD).status_code == 429
    past = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=past)
    assert _login(client, "napo_editor", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_forwarded_for_is_only_believed_behind_a_trusted_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR="203.0.113.66, 198.51.100.7"
    )
    settings.TRUST_PROXY = False
    assert client_ip(request) == "192.0.2.9"
    settings.TRUST_PROXY = True
    settings.TRUST_PROXY_HOPS = 1
    assert client_ip(request) == "198.51.100.7"
    settings.TRUST_PROXY_HOPS = 2
    assert client_ip(request) == "203.0.113.66"
    settings.TRUST_PROXY_HOPS = 3
    assert client_ip(request) == "192.0.2.9"


def test_behind_a_proxy_each_client_address_counts_on_its_own(client, editor, settings):
    settings.TRUST_PROXY = True
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": f"guess{i}", "password": "wrong"},
            REMOTE_ADDR="10.9.9.9",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    response = client.post(
        LOGIN,
        {"username": "napo_editor", "password": PASSWORD},
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="203.0.113.6",
    )
    assert response.status_code == 302


def test_the_lockouts_page_lists_locked_usernames_and_addresses(client, editor, superuser):
    for i in range(5):
        _login(client, "napo_editor", "wrong-password", ip=f"10.0.4.{i + 1}")
    for i in range(5):
        _login(client, f"guess{i}", "wrong-password", ip="10.0.5.1")
    _login(client, "jingxi_editor", "wrong-password", ip="10.0.6.1")
    client.force_login(superuser)
    response = client.get("/admin/lockouts/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "登录锁定" in page
    assert "napo_editor" in page
    assert "10.0.5.1" in page
    assert "jingxi_editor" not in page  # one failure locks nobody
    assert [lock.value for lock in throttle.lockouts("username")] == ["napo_editor"]
    assert [lock.value for lock in throttle.lockouts("ip_address")] == ["10.0.5.1"]


def test_a_cluster_administrator_unlocks_a_username(client, editor, superuser):
    for _ in range(5):
        _login(client, "napo_editor", "wrong-password", ip="10.0.7.1")
    client.force_login(superuser)
    response = client.post(
        "/admin/lockouts/unlock/", {"kind": "username", "value": "napo_editor"}, follow=True
    )
    assert response.status_code == 200
    assert "已解锁账号 napo_editor" in response.content.decode()
    assert throttle.lockouts("username") == []
    client.logout()
    assert _login(client, "napo_editor", PASSWORD, ip="10.0.7.1").status_code == 302


def test_a_cluster_administrator_unlocks_an_address(client, editor, superuser):
    for i in range(5):
        _login(client, f"guess{i}", "wrong-password", ip="10.0.8.1")
    client.force_login(superuser)
    client.post("/admin/lockouts/unlock/", {"kind": "ip_address", "value": "10.0.8.1"})
    assert throttle.lockouts("ip_address") == []
    assert not AccessAttempt.objects.filter(ip_address="10.0.8.1").exists()


def test_unlocking_nothing_clears_nothing(client, editor, superuser):
    for _ in range(5):
        _login(client, "napo_editor", "wrong-password")
    client.force_login(superuser)
    response = client.post("/admin/lockouts/unlock/", {"kind": "username", "value": ""})
    assert response.status_code == 302
    assert client.post("/admin/lockouts/unlock/", {"kind": "everything"}).status_code == 302
    assert [lock.value for lock in throttle.lockouts("username")] == ["napo_editor"]
    assert client.get("/admin/lockouts/unlock/").status_code == 405


def test_county_editors_cannot_see_or_clear_lockouts(client, editor):
    for _ in range(5):
        _login(client, "someone", "wrong-password", ip="10.0.9.1")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    response = client.post("/admin/lockouts/unlock/", {"kind": "username", "value": "someone"})
    assert response.status_code in (302, 403)
    assert [lock.value for lock in throttle.lockouts("username")] == ["someone"]
    assert "/admin/lockouts/" not in client.get("/admin/").content.decode()


def test_the_settings_menu_offers_the_lockouts_page_to_administrators(client, superuser):
    client.force_login(superuser)
    assert "/admin/lockouts/" in client.get("/admin/").content.decode()
