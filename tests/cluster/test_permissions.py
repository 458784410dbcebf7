"""Permission isolation: an editor of one county site cannot touch another's pages or media."""

import pytest

from tests.cluster.conftest import editor_of as _editor
from tests.cluster.conftest import only_in


@pytest.mark.parametrize("role", ["informant", "reviewer", "maintainer"])
def test_editor_cannot_edit_or_view_drafts_of_another_site(client, two_sites, role):
    client.force_login(_editor(two_sites["a"]["result"], role, f"a_{role}"))
    b = two_sites["b"]
    assert client.get(f"/admin/pages/{b['article'].pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{b['draft'].pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{b['draft'].pk}/view_draft/").status_code in (302, 403)
    response = client.get(f"/admin/pages/{b['column'].pk}/")
    assert response.status_code in (302, 403) or "b 草稿文章" not in response.content.decode()
    assert client.get(f"/admin/pages/add/core/articlepage/{b['column'].pk}/").status_code in (
        302,
        403,
    )


def test_maintainer_publishes_own_site_but_not_the_other(client, two_sites):
    client.force_login(_editor(two_sites["a"]["result"], "maintainer", "a_maint"))
    a, b = two_sites["a"], two_sites["b"]
    assert client.get(f"/admin/pages/{a['draft'].pk}/edit/").status_code == 200
    response = client.post(f"/admin/pages/{b['draft'].pk}/edit/", {"action-publish": "publish"})
    assert response.status_code in (302, 403)
    b["draft"].refresh_from_db()
    assert not b["draft"].live
    assert client.post(f"/admin/pages/{b['article'].pk}/unpublish/").status_code in (302, 403)
    b["article"].refresh_from_db()
    assert b["article"].live


def test_editor_sees_only_own_site_in_the_explorer(client, two_sites):
    client.force_login(_editor(two_sites["a"]["result"], "maintainer", "a_maint"))
    home_b = two_sites["b"]["result"].home
    assert client.get(f"/admin/pages/{home_b.pk}/").status_code in (302, 403)
    response = client.get(f"/admin/pages/{two_sites['a']['column'].pk}/")
    assert response.status_code == 200
    assert "a 草稿文章" in response.content.decode()


@pytest.mark.parametrize("role", ["informant", "maintainer"])
def test_choosers_offer_only_own_site_media(client, two_sites, role):
    client.force_login(_editor(two_sites["a"]["result"], role, f"a_{role}"))
    for media, url in (
        ("images", "/admin/images/chooser/"),
        ("documents", "/admin/documents/chooser/"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        html = response.json()["html"]
        own, others = only_in(two_sites, "a", media), only_in(two_sites, "b", media)
        assert own and others
        assert any(title in html for title in own), media
        assert not any(title in html for title in others), media
    b_image = two_sites["b"]["images"][0]
    assert client.get(f"/admin/images/chooser/{b_image.pk}/").status_code in (302, 403, 404)


def test_maintainer_edits_only_the_own_site_identity(client, county, other_county):
    client.force_login(_editor(county, "maintainer", "a_maint"))
    assert client.get(f"/admin/settings/cluster/siteidentity/{county.site.pk}/").status_code == 200
    other = client.get(f"/admin/settings/cluster/siteidentity/{other_county.site.pk}/")
    assert other.status_code in (302, 403)


def test_informant_cannot_edit_site_identity(client, county):
    client.force_login(_editor(county, "informant", "a_informant"))
    response = client.get(f"/admin/settings/cluster/siteidentity/{county.site.pk}/")
    assert response.status_code in (302, 403)
