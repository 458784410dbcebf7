"""Fixtures of the real-browser tests: one Chromium per session, a live server, a county site.

The pages are written once per module and committed, so the live server's own connection sees
them on PostgreSQL as on SQLite; the module's teardown puts the database back as it found it
(flush, then reload the snapshot taken before, as Django's serialized rollback does).

pytest-django's `live_server` fixture is not used as such: any test that names it is made a
`transactional_db` test, whose flush after every test would rebuild the county for each one.
The server is the same object (pytest_django.live_server_helper.LiveServer), started once per
session here.

Without Chromium (or Playwright) the tests fail when $CI is set; elsewhere they are skipped, with
one red line in the terminal summary when this conftest is loaded by the reporting process, and a
PytestWarning in the warnings summary always (pytest-xdist's controller does not load it).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest

from .support import NOT_RUN, BrowserSession, CountySite, chromium_path, theme_names

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytest_django.live_server_helper import LiveServer

THEMES = theme_names()


def _in_ci() -> bool:
    """Whether $CI says this is a CI run."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _unavailable(reason: str) -> None:
    """Fail (in CI) or skip loudly (elsewhere): the browser tests cannot run."""
    message = f"{NOT_RUN}: {reason}"
    if _in_ci():
        pytest.fail(f"{message} (CI is set, so this is a failure)", pytrace=False)
    warnings.warn(pytest.PytestWarning(message), stacklevel=2)
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say in one line, at the end of the run, that the browser tests were skipped and why."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        text = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        if NOT_RUN in text:
            reason = text[text.index(NOT_RUN) :]
            reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_sep("!", f"{reason} ({count} skipped)", red=True, bold=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[BrowserSession]:
    """Debian's Chromium driven by Playwright, headless, for the whole session."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError as err:
        _unavailable(f"playwright is not installed ({err}); run make install-test")
    path = chromium_path()
    if path is None:
        _unavailable("no Chromium found: install Debian's chromium or set REDESIGN_CHROMIUM")
    try:
        session = BrowserSession(path)
    except Exception as err:  # noqa: BLE001 - whatever stops the launch is the reason shown
        _unavailable(f"Chromium at {path} did not start: {str(err).splitlines()[0]}")
    yield session
    session.close()


@pytest.fixture(scope="session")
def browser_server(
    request: pytest.FixtureRequest, django_db_setup: None, browser: BrowserSession
) -> Iterator[LiveServer]:
    """A live server on the test database, with static and media files, for the session."""
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture
def _media_root() -> None:
    """Keep the test settings' MEDIA_ROOT: the module's pictures were written there."""


def _snapshot() -> str:
    """The whole test database as Django's serialized rollback keeps it."""
    from django.db import connection

    return connection.creation.serialize_db_to_string()


def _restore(snapshot: str) -> None:
    """Empty the test database and load the snapshot back, then forget cached site lookups."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    call_command(
        "flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True
    )
    connection.creation.deserialize_db_from_string(snapshot)
    cache.clear()


def _build_county(host: str, port: int) -> CountySite:
    """那坡县 from the demo builder at host:port, with its message board and published answers."""
    from django.contrib.auth import get_user_model

    from redesign.demo.factories import build_county_tree
    from redesign.demo.questions import build_board
    from redesign.interaction.models import Question

    tree = build_county_tree("napo", "tiny", hostname=host, port=port)
    staff = {}
    for role in ("reviewer", "maintainer"):
        user = get_user_model().objects.create_user(
            username=f"browser_{role}", password="x-pass-123456", email=f"{role}@example.org"
        )
        user.groups.add(tree.result.groups[role])
        staff[role] = user
    build_board(tree.profile, tree.site, staff["reviewer"], staff["maintainer"])
    answered = Question.objects.filter(site=tree.site).published().order_by("-answered_at")
    site = tree.site
    paths = {
        "home": "/",
        "column": tree.column("yaowen").relative_url(site),
        "article": tree.articles["yaowen"][0].relative_url(site),
        "industry": tree.industries[0].relative_url(site),
        "standard": tree.standard_pages[0].relative_url(site),
        "qa": "/hudong/",
        "qa_detail": f"/hudong/{answered.first().pk}/",
    }
    from redesign.cluster.models import SiteIdentity

    identity = SiteIdentity.for_site(site)
    return CountySite(f"http://{host}:{port}", identity.display_name, site.pk, paths)


@pytest.fixture(scope="module")
def county_site(
    browser: BrowserSession, browser_server: LiveServer, django_db_blocker: Any
) -> Iterator[CountySite]:
    """A county site on the live server, written once for the module and removed after it."""
    with django_db_blocker.unblock():
        snapshot = _snapshot()
        try:
            site = _build_county(browser_server.thread.host, browser_server.thread.port)
        except BaseException:
            _restore(snapshot)
            raise
    yield site
    with django_db_blocker.unblock():
        _restore(snapshot)


@pytest.fixture(scope="module", params=THEMES)
def themed_site(
    request: pytest.FixtureRequest, county_site: CountySite, django_db_blocker: Any
) -> CountySite:
    """The county site wearing one theme of site_templates/ (each in turn), in its own colours.

    The demo county's colour overrides are cleared, so the theme's own design tokens show.
    """
    from redesign.cluster.models import SiteIdentity
    from redesign.cluster.themes import BASE_THEME, get_theme

    with django_db_blocker.unblock():
        updated = SiteIdentity.objects.filter(site_id=county_site.site_id).update(
            theme=request.param, primary_color="", accent_color=""
        )
    assert updated == 1, "the county site has no 站点信息 to carry its theme"
    tokens = {**get_theme(BASE_THEME).tokens, **get_theme(request.param).tokens}
    return replace(county_site, theme=request.param, primary_color=tokens["color-primary"])
