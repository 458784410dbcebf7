"""Fixtures of the cluster tests: two realistic county trees for the isolation tests."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.conftest import add_article


@pytest.fixture
def two_sites(make_county_tree):
    """Two realistic demo trees (那坡县, 靖西市), each with a draft besides its published pages."""
    data = {}
    for key, county in (("a", "napo"), ("b", "jingxi")):
        tree = make_county_tree(county, "tiny", standard_pages=False, home=False)
        column = tree.column("yaowen")
        data[key] = {
            "result": tree.result,
            "column": column,
            "article": tree.articles["yaowen"][0],
            "draft": add_article(column, f"{key} 草稿文章", publish=False),
            "images": list(get_image_model().objects.filter(collection=tree.collection)),
            "documents": list(get_document_model().objects.filter(collection=tree.collection)),
        }
    return data


def only_in(sites, key: str, media: str) -> set[str]:
    """Titles of one site's images or documents that the other site has no file of."""
    other = "b" if key == "a" else "a"
    return {f.title for f in sites[key][media]} - {f.title for f in sites[other][media]}


def editor_of(result, role: str, username: str):
    """A user in one of a provisioned site's groups (informant, reviewer or maintainer)."""
    user = get_user_model().objects.create_user(username=username, password="x-pass-123456")
    user.groups.add(result.groups[role])
    return user
