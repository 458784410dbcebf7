"""Fixtures of the guarantee tests: a site's staff by role, with names and mail addresses."""

import pytest
from django.contrib.auth import get_user_model


def staff_of(result, key: str) -> dict:
    """One user per role of a provisioned site: informant, reviewer, maintainer."""
    users = {}
    for role in ("informant", "reviewer", "maintainer"):
        user = get_user_model().objects.create_user(
            username=f"{key}_{role}",
            password="x-pass-123456",
            email=f"{key}_{role}@example.cn",
            first_name=f"{key}{role}",
        )
        user.groups.add(result.groups[role])
        users[role] = user
    return users


@pytest.fixture
def staff(county):
    """The staff of 那坡县 (napo.localhost) by role."""
    return staff_of(county, "napo")


@pytest.fixture
def other_staff(other_county):
    """The staff of 靖西市 (jingxi.localhost) by role."""
    return staff_of(other_county, "jingxi")
