"""Fixtures for the block tests: two small county sites built directly in the page tree."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from redesign.core.models import ColumnPage, IndustryPage
from tests.blocks.helpers import CountySite, build_site


@pytest.fixture(autouse=True)
def _clear_cache():
    """Forget cached site root paths and renditions between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def napo(db) -> CountySite:
    """那坡县人民政府 with its columns."""
    return build_site("那坡县人民政府", "napo", "napo.localhost")


@pytest.fixture
def jingxi(db) -> CountySite:
    """靖西市人民政府, a second site of the cluster."""
    return build_site("靖西市人民政府", "jingxi", "jingxi.localhost")


@pytest.fixture
def industry_page(napo: CountySite) -> IndustryPage:
    """A 特色产业 page under the napo site."""
    column = napo.home.add_child(
        instance=ColumnPage(title="特色产业", slug="chanye", column_type="industry")
    )
    return column.add_child(instance=IndustryPage(title="高山茶叶", slug="tea"))
