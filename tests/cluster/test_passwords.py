"""Passwords: the admin's user forms refuse short and common passwords such as admin12345."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from redesign.settings import base

STRONG = "南宁-county-editor-2024-quiet-river"  # noqa: S105


@pytest.fixture
def admin_client(client, db):
    """A client logged in as a cluster administrator."""
    user = get_user_model().objects.create_superuser(username="cluster_admin", password=STRONG)
    client.force_login(user)
    return client


def _new_user(password: str) -> dict:
    return {
        "username": "napo_informant",
        "email": "informant@napo.example.gov.cn",
        "first_name": "信息员",
        "last_name": "那坡",
        "password1": password,
        "password2": password,
    }


def test_the_suite_runs_with_the_base_password_rules(settings):
    assert settings.AUTH_PASSWORD_VALIDATORS == base.AUTH_PASSWORD_VALIDATORS


@pytest.mark.parametrize("password", ["admin12345", "password1234", "12345678901234"])
def test_the_create_user_form_refuses_weak_passwords(admin_client, password):
    response = admin_client.post(reverse("wagtailusers_users:add"), _new_user(password))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "password2" in errors
    assert not get_user_model().objects.filter(username="napo_informant").exists()


def test_the_create_user_form_accepts_a_long_uncommon_password(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), _new_user(STRONG))
    assert response.status_code == 302
    user = get_user_model().objects.get(username="napo_informant")
    assert user.check_password(STRONG)


def test_admin12345_is_too_short_and_too_common():
    with pytest.raises(ValidationError) as caught:
        validate_password("admin12345")
    codes = {error.code for error in caught.value.error_list}
    assert "password_too_short" in codes
    with pytest.raises(ValidationError) as caught:
        validate_password("password1234")
    assert {error.code for error in caught.value.error_list} == {"password_too_common"}
