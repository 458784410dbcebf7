"""The style guide (/_styleguide/) across sites: an editor of county A finds nothing of county B."""

import pytest

from tests.cluster.conftest import editor_of

ROLES = ("informant", "reviewer", "maintainer")


def host(sites, key: str) -> str:
    """The hostname of one of two_sites."""
    return sites[key]["result"].site.hostname


@pytest.mark.parametrize("role", ROLES)
def test_an_editor_of_a_is_refused_on_b_and_sees_only_a_on_a(client, two_sites, role):
    user = editor_of(two_sites["a"]["result"], role, f"a_{role}_sg")
    client.force_login(user)
    refused = client.get("/_styleguide/", HTTP_HOST=host(two_sites, "b"))
    assert refused.status_code == 403
    assert refused["Cache-Control"] == "private, no-store"
    b = two_sites["b"]
    assert b["result"].site.site_name.encode() not in refused.content

    own = client.get("/_styleguide/", HTTP_HOST=host(two_sites, "a"))
    assert own.status_code == 200
    html = own.content.decode()
    assert two_sites["a"]["result"].site.site_name in html
    for marker in (b["result"].site.site_name, b["article"].title, b["draft"].title):
        assert marker not in html
    assert f"page_id={b['article'].pk}" not in html


@pytest.mark.parametrize("key", ["article", "draft", "column"])
def test_b_pages_cannot_be_shown_through_a_style_guide(client, two_sites, key):
    client.force_login(editor_of(two_sites["a"]["result"], "maintainer", "a_maint_sg"))
    page = two_sites["b"][key]
    response = client.get(
        f"/_styleguide/?theme=hongse&page_id={page.pk}", HTTP_HOST=host(two_sites, "a")
    )
    assert response.status_code == 404
    assert page.title.encode() not in response.content
    assert response["Cache-Control"] == "private, no-store"


def test_a_draft_of_a_is_not_shown_either(client, two_sites):
    client.force_login(editor_of(two_sites["a"]["result"], "maintainer", "a_maint_sg2"))
    draft = two_sites["a"]["draft"]
    response = client.get(f"/_styleguide/?page_id={draft.pk}", HTTP_HOST=host(two_sites, "a"))
    assert response.status_code == 404


def test_anonymous_visitors_get_the_login_on_both_sites(client, two_sites):
    for key in ("a", "b"):
        response = client.get("/_styleguide/", HTTP_HOST=host(two_sites, key))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
