"""The admin host: with REDESIGN_ADMIN_HOSTNAME set, /admin/ lives on that host only."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

from redesign.cluster.admin_host import is_admin_path

PASSWORD = "a-long-editor-passphrase-2024"  # noqa: S105


@pytest.fixture
def admin_host(settings):
    """The cluster's admin host is admin.localhost (any port)."""
    settings.REDESIGN_ADMIN_HOSTNAME = "admin.localhost"
    return "admin.localhost"


def test_unset_the_admin_answers_on_every_county_host(client, county):
    response = client.get("/admin/login/", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_get_on_a_county_host_is_redirected_to_the_same_path_on_the_admin_host(
    client, county, admin_host
):
    response = client.get("/admin/pages/?q=%E6%96%B0%E9%97%BB", HTTP_HOST="napo.localhost")
    assert response.status_code == 302
    assert response["Location"] == "http://admin.localhost/admin/pages/?q=%E6%96%B0%E9%97%BB"


def test_the_redirect_keeps_the_port_and_the_scheme(client, county, admin_host):
    response = client.get("/admin/login/", HTTP_HOST="napo.localhost:8011", secure=True)
    assert response.status_code == 302
    assert response["Location"] == "https://admin.localhost:8011/admin/login/"
    response = client.head("/admin", HTTP_HOST="napo.localhost:8011")
    assert response.status_code == 302
    assert response["Location"] == "http://admin.localhost:8011/admin"


def test_the_admin_host_itself_serves_the_admin(client, county, admin_host):
    for host in ("admin.localhost", "admin.localhost:8011", "ADMIN.localhost"):
        response = client.get("/admin/login/", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert 'name="password"' in response.content.decode()


def test_an_admin_host_with_a_port_is_matched_exactly(client, county, settings):
    settings.REDESIGN_ADMIN_HOSTNAME = "admin.localhost:8000"
    assert client.get("/admin/login/", HTTP_HOST="admin.localhost:8000").status_code == 200
    response = client.get("/admin/login/", HTTP_HOST="admin.localhost:9000")
    assert response.status_code == 302
    assert response["Location"] == "http://admin.localhost:8000/admin/login/"


def test_a_login_attempt_on_a_county_host_is_refused_and_not_replayed(client, county, admin_host):
    get_user_model().objects.create_user(username="napo_editor", password=PASSWORD)
    response = client.post(
        "/admin/login/",
        {"username": "napo_editor", "password": PASSWORD},
        HTTP_HOST="napo.localhost",
    )
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session
    assert not AccessAttempt.objects.exists()


def test_a_login_on_the_admin_host_works(client, county, admin_host):
    get_user_model().objects.create_user(username="napo_editor", password=PASSWORD)
    response = client.post(
        "/admin/login/",
        {"username": "napo_editor", "password": PASSWORD},
        HTTP_HOST="admin.localhost",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_public_pages_of_a_county_host_are_untouched(client, county, admin_host):
    response = client.get("/", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    assert "那坡县人民政府" in response.content.decode()


def test_only_admin_paths_are_admin_paths():
    assert is_admin_path("/admin")
    assert is_admin_path("/admin/")
    assert is_admin_path("/admin/pages/3/edit/")
    assert not is_admin_path("/administration/")
    assert not is_admin_path("/adminer")
    assert not is_admin_path("/news/admin/")
