"""The style guide at /_styleguide/: every block in the chosen theme, for the site's editors."""

import pytest
from django.urls import reverse

from redesign.cluster.themekit.catalogue import block_catalogue, page_types
from tests.cluster.conftest import editor_of
from tests.conftest import add_article, column_of

HOST = "napo.localhost"


@pytest.fixture
def editor(county, client):
    """A logged-in informant of 那坡县."""
    user = editor_of(county, "informant", "napo_informant")
    client.force_login(user)
    return user


def test_route_is_named_styleguide():
    assert reverse("styleguide") == "/_styleguide/"


def test_editor_sees_every_block_with_its_label_and_template(client, county, editor):
    response = client.get("/_styleguide/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    for entry in block_catalogue():
        assert f'data-block="{entry.name}"' in html, entry.name
        assert entry.template in html
        assert entry.label in html
    assert "渲染出错" not in html
    for page_type in page_types():
        assert page_type.template in html
    # the site's own furniture around it
    assert "data-a11y-toolbar" in html
    assert "那坡县人民政府" in html
    assert "themes/hongse/css/theme.css" not in html


def test_theme_parameter_chooses_the_theme(client, county, editor):
    html = client.get("/_styleguide/?theme=hongse", HTTP_HOST=HOST).content.decode()
    assert "themes/hongse/css/theme.css" in html
    assert "--color-primary:#b3161d;" in html
    assert '<option value="hongse" selected>' in html


def test_unknown_theme_is_404(client, county, editor):
    response = client.get("/_styleguide/?theme=nope", HTTP_HOST=HOST)
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


def test_a_live_page_of_the_site_is_shown_in_the_chosen_theme(client, county, editor):
    article = add_article(column_of(county, "yaowen"), "县委常委会召开会议", slug="changwei")
    html = client.get("/_styleguide/", HTTP_HOST=HOST).content.decode()
    assert f"page_id={article.pk}" in html
    response = client.get(f"/_styleguide/?theme=hongse&page_id={article.pk}", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert "县委常委会召开会议" in page
    assert "themes/hongse/css/theme.css" in page
    # the public still sees the site's own theme
    public = client.get(article.url, HTTP_HOST=HOST).content.decode()
    assert "themes/hongse/css/theme.css" not in public


def test_anonymous_visitors_are_sent_to_the_login(client, county):
    response = client.get("/_styleguide/", HTTP_HOST=HOST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert response["Cache-Control"] == "private, no-store"


def test_a_user_without_page_permissions_is_refused(client, county, django_user_model):
    user = django_user_model.objects.create_user(username="visitor", password="x-pass-123456")
    client.force_login(user)
    response = client.get("/_styleguide/", HTTP_HOST=HOST)
    assert response.status_code == 403
    assert response["Cache-Control"] == "private, no-store"


def test_queries_do_not_grow_with_the_blocks(client, county, editor, django_assert_max_num_queries):
    with django_assert_max_num_queries(60):
        client.get("/_styleguide/", HTTP_HOST=HOST)
