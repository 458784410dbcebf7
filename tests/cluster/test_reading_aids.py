"""适老化 reading aids: the cookie's format, each button's effect, the toolbar without scripts."""

import pytest
from django.test import Client

from redesign.cluster.reading_aids import COOKIE_NAME, MAX_STEP, ReadingAids


def test_the_cookie_value_round_trips_and_malformed_values_mean_none():
    aids = ReadingAids(step=3, contrast=True, spacing=False, cursor=True)
    assert aids.serialize() == "s3c1l0k1"
    assert ReadingAids.parse("s3c1l0k1") == aids
    for bad in ("", "s9c1l0k1", "s1c1l0", "s1c1l0k1;x", "<script>", None):
        assert ReadingAids.parse(bad).is_default


def test_each_button_changes_one_thing():
    plain = ReadingAids()
    assert plain.after("font-up").step == 1
    assert plain.after("font-down") == plain
    top = ReadingAids(step=MAX_STEP)
    assert top.after("font-up") == top
    assert (
        plain.after("large-text").large and not plain.after("large-text").after("large-text").step
    )
    assert plain.after("high-contrast").contrast
    assert plain.after("line-spacing").spacing and not plain.after("line-spacing").contrast
    assert plain.after("large-cursor").cursor
    busy = ReadingAids(step=2, contrast=True, spacing=True, cursor=True)
    assert busy.after("reset").is_default
    assert busy.after("nonsense") == busy
    assert busy.classes == "is-large-text is-high-contrast is-wide-spacing is-large-cursor"


@pytest.mark.django_db
def test_the_toolbar_works_without_javascript(county_tree):
    host = county_tree.site.hostname
    client = Client()
    plain = client.get("/", HTTP_HOST=host).content.decode()
    assert 'action="/_a11y/"' in plain and 'name="do" value="line-spacing"' in plain
    assert "is-wide-spacing" not in plain and "data-a11y-toolbar hidden" not in plain

    for action in ("font-up", "font-up", "line-spacing", "large-cursor", "high-contrast"):
        response = client.get("/_a11y/", {"do": action, "next": "/"}, HTTP_HOST=host)
        assert response.status_code == 302 and response["Location"] == "/"
    assert client.cookies[COOKIE_NAME].value == "s2c1l1k1"

    html = client.get("/", HTTP_HOST=host).content.decode()
    assert 'class="no-js is-large-text is-high-contrast is-wide-spacing is-large-cursor"' in html
    assert 'data-font-step="2"' in html
    assert 'data-a11y="large-text" aria-pressed="true"' in html
    assert 'data-a11y="line-spacing" aria-pressed="true"' in html

    reset = client.get("/_a11y/", {"do": "reset", "next": "/"}, HTTP_HOST=host)
    assert reset.cookies[COOKIE_NAME].value == ""
    assert "is-high-contrast" not in client.get("/", HTTP_HOST=host).content.decode()


@pytest.mark.django_db
def test_the_return_address_stays_on_the_site(county_tree):
    response = Client().get(
        "/_a11y/",
        {"do": "font-up", "next": "//evil.example/x"},
        HTTP_HOST=county_tree.site.hostname,
    )
    assert response.status_code == 302 and response["Location"] == "/"
