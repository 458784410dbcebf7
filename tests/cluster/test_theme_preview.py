"""Whole-site theme preview: signed links, the preview cookie, the bar and the admin's 主题外观."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from redesign.cluster import theme_preview
from redesign.cluster.models import SiteIdentity


def _maintainer(result, username: str):
    """A maintainer of the provisioned site."""
    user = get_user_model().objects.create_user(username=username, password="x-pass-123456")
    user.groups.add(result.groups["maintainer"])
    return user


def _token(link: str) -> str:
    """The token of a preview link."""
    return parse_qs(urlsplit(link).query)["token"][0]


def _start(client: Client, host: str, token: str):
    """Open a preview link on the host."""
    return client.get("/_theme/preview/", {"token": token, "next": "/"}, HTTP_HOST=host)


@pytest.fixture
def editor(county):
    """A maintainer of 那坡县."""
    return _maintainer(county, "napo-maintainer")


def test_a_preview_link_shows_the_whole_site_in_another_theme_to_its_holder_only(county, editor):
    host = county.site.hostname
    link = theme_preview.preview_link(county.site, "hongse", editor)
    assert link.startswith(f"http://{host}/_theme/preview/?token=")
    visitor, holder = Client(), Client()
    response = _start(holder, host, _token(link))
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.cookies[theme_preview.COOKIE_NAME]["httponly"]

    previewed = holder.get("/", HTTP_HOST=host)
    html = previewed.content.decode()
    assert "themes/hongse/css/theme.css" in html
    assert 'aria-label="主题预览"' in html and "中国红" in html
    assert "no-store" in previewed["Cache-Control"] and "private" in previewed["Cache-Control"]
    assert "Cookie" in previewed["Vary"]

    public = visitor.get("/", HTTP_HOST=host).content.decode()
    assert "themes/hongse/css/theme.css" not in public and "主题预览" not in public
    assert SiteIdentity.for_site(county.site).theme == "default"


def test_the_bar_switches_theme_and_ends_the_preview(county, editor):
    host = county.site.hostname
    holder = Client()
    _start(holder, host, _token(theme_preview.preview_link(county.site, "hongse", editor)))
    switched = holder.get("/_theme/preview/", {"theme": "default", "next": "/"}, HTTP_HOST=host)
    assert switched.status_code == 302
    html = holder.get("/", HTTP_HOST=host).content.decode()
    assert "主题预览" in html and "themes/hongse/css/theme.css" not in html

    unknown = holder.get("/_theme/preview/", {"theme": "nosuch"}, HTTP_HOST=host)
    assert unknown.status_code == 403 and "预览链接无效" in unknown.content.decode()

    ended = holder.get("/_theme/preview/", {"exit": "1", "next": "/"}, HTTP_HOST=host)
    assert ended.status_code == 302 and ended.cookies[theme_preview.COOKIE_NAME].value == ""
    assert "主题预览" not in holder.get("/", HTTP_HOST=host).content.decode()


def test_a_visitor_cannot_change_theme_without_a_link(county):
    response = Client().get("/_theme/preview/", {"theme": "hongse"}, HTTP_HOST="napo.localhost")
    assert response.status_code == 403
    assert theme_preview.COOKIE_NAME not in response.cookies


def test_a_link_works_only_on_its_own_site(county, other_county, editor):
    token = _token(theme_preview.preview_link(county.site, "hongse", editor))
    client = Client()
    refused = _start(client, other_county.site.hostname, token)
    assert refused.status_code == 403 and theme_preview.COOKIE_NAME not in refused.cookies
    # A cookie carried to the other host by hand changes nothing there either.
    client.cookies[theme_preview.COOKIE_NAME] = token
    html = client.get("/", HTTP_HOST=other_county.site.hostname).content.decode()
    assert "themes/hongse/css/theme.css" not in html and "主题预览" not in html


def test_forged_and_expired_links_are_refused(county, editor, monkeypatch):
    token = _token(theme_preview.preview_link(county.site, "hongse", editor))
    assert _start(Client(), "napo.localhost", token[:-2] + "xx").status_code == 403
    monkeypatch.setattr(theme_preview, "PREVIEW_MAX_AGE", -1)
    assert _start(Client(), "napo.localhost", token).status_code == 403


def test_the_preview_ends_when_its_issuer_no_longer_edits_the_site(county, editor):
    host = county.site.hostname
    holder = Client()
    _start(holder, host, _token(theme_preview.preview_link(county.site, "hongse", editor)))
    assert "主题预览" in holder.get("/", HTTP_HOST=host).content.decode()
    editor.groups.clear()
    html = holder.get("/", HTTP_HOST=host).content.decode()
    assert "主题预览" not in html and "themes/hongse/css/theme.css" not in html


def test_next_never_leaves_the_site(county, editor):
    token = _token(theme_preview.preview_link(county.site, "hongse", editor))
    query = {"token": token, "next": "https://evil.example/"}
    response = Client().get("/_theme/preview/", query, HTTP_HOST="napo.localhost")
    assert response.status_code == 302 and response["Location"] == "/"


def test_admin_theme_page_offers_every_theme_of_the_editors_own_site(county, other_county, editor):
    client = Client()
    client.force_login(editor)
    index = client.get("/admin/themes/")
    assert index.status_code == 302 and index["Location"] == f"/admin/themes/{county.site.pk}/"
    page = client.get(index["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    for name in ("default", "hongse"):
        assert f'id="theme-{name}"' in html
    assert "当前使用" in html and "http://napo.localhost/_theme/preview/?token=" in html
    assert 'href="http://napo.localhost/_styleguide/?theme=hongse"' in html
    assert client.get(f"/admin/themes/{other_county.site.pk}/").status_code == 404


def test_admin_theme_index_lists_every_site_for_a_superuser(county, other_county, admin_client):
    html = admin_client.get("/admin/themes/").content.decode()
    assert "napo.localhost" in html and "jingxi.localhost" in html


def test_an_informant_of_one_column_may_preview_only_their_own_site(county, other_county):
    user = get_user_model().objects.create_user(username="informant", password="x-pass-123456")
    user.groups.add(county.groups["informant"])
    assert theme_preview.may_preview(user, county.site)
    assert not theme_preview.may_preview(user, other_county.site)
    assert theme_preview.previewable_sites(user) == [county.site]


def test_previewable_sites_costs_two_queries_however_many_sites(
    county, other_county, editor, django_assert_num_queries
):
    user = get_user_model().objects.get(pk=editor.pk)
    with django_assert_num_queries(2):
        assert theme_preview.previewable_sites(user) == [county.site]
