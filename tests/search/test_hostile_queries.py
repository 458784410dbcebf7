"""Hostile search queries: no query string makes an entry point answer 500, on either database."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.chooser import SearchView as PageChooserSearchView
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.generic.chooser import BaseChooseView
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText
from wagtail.search.utils import parse_query_string

from redesign.search.backend import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, clean_query_text
from tests.conftest import add_article, column_of, make_image

HOSTILE_QUERIES = [
    '"',
    '""',
    '"abc',
    'a"b',
    '"" "" ""',
    "*",
    "NEAR(",
    "AND",
    "OR NOT",
    "a AND NOT b",
    "^",
    "-",
    "-防汛",
    ":",
    "{title body}: abc",
    'title:"a',
    "(",
    ")",
    "{}",
    "+ ! | & ~",
    "\x00",
    "a\x00b",
    '\x00"',
    "\x01\x1f\x7f\x85",
    "x" * 10_000,
    "a " * 5_000,
    '"a" ' * 2_500,
    "🔥🏮",
    "'; DROP TABLE wagtailcore_page; --",
    "'",
    "%",
    "_",
    "\\",
    'a\\"b',
    "\t\n\r",
    "\u3000",
    "“防汛”",
    "「」【】（）",
    "\u200b\ufeff\u202e",
    "\ufffd",
    "'a':* & !b",
]
"""Query strings sent to every entry point through the test client (which encodes them as UTF-8)."""

MORE_HOSTILE_QUERIES = [
    'abc"',
    '"tourism',
    "tourism*",
    "NEAR(a b, 2)",
    "NOT",
    "^abc",
    "--",
    "a-b",
    "title:",
    "title:abc",
    "live:true",
    "()",
    "[",
    "<>",
    "@",
    "县" * 10_000,
    "👨‍👩‍👧",
    "' OR '1'='1",
    "''",
    "%%",
    "100%",
    "\\\\",
    "\t",
    "\n",
    "a\tb\nc\r\n",
    "“”",
    "，。！？",
    "\U0010ffff",
    "\uffff",
    "ＡＢＣ１２３",
    "$$",
    "$a$",
    "a:*",
]
"""More hostile strings, sent to the backend directly and to the public search (cheap to render)."""

RAW_QUERY_STRINGS = [
    "q=%00",
    "q=a%00b",
    "q=%22%00%22",
    "q=%ED%A0%80",
    "q=a%ED%A0%80b",
    "q=%FF%FE",
    "q=%C0%AF",
    "q=%E9%98",
    "q=%",
    "q=%2",
    "q=a&q=%22",
    "q",
    "q=%E9%98%B2%E6%B1%9B%00",
]
"""Raw query strings (the `q` name is replaced per entry point): NUL, lone surrogates, bad UTF-8."""

PYTHON_ONLY_QUERIES = ["\ud800", "a\udfffb", "\udc80\ud800", '"\ud800"', "\ud83d"]
"""Lone surrogates as Python strings: no URL can carry these, so they go to the backend directly."""

EXPLICIT_ADMIN_ENTRY_POINTS = [
    "/admin/pages/search/",
    "/admin/pages/search/results/",
    "/admin/choose-page/search/",
    "/admin/images/",
    "/admin/images/results/",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/",
    "/admin/documents/",
    "/admin/documents/results/",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/",
    "/admin/users/",
    "/admin/users/results/",
    "/admin/groups/",
    "/admin/redirects/",
    "/admin/redirects/results/",
    "/admin/forms/",
    "/admin/sites/",
    "/admin/locales/",
    "/admin/workflows/list/",
    "/admin/workflows/task_chooser/",
    "/admin/workflows/task_chooser/results/",
]
"""The admin's search entry points the issue names (discovery misses the routed page views)."""

SEARCHING_VIEWS = (BaseListingView, BaseChooseView, PageChooserSearchView)


def _walk(resolver: URLResolver, prefix: str = ""):
    """(route, pattern) pairs of every URL pattern under a resolver."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def discovered_admin_listings() -> list[str]:
    """Every parameterless admin URL whose view is a listing or chooser (where `q` searches)."""
    found = set()
    for route, entry in _walk(get_resolver()):
        view_class = getattr(entry.callback, "view_class", None)
        if not route.startswith("admin/") or re.search(r"[<^$(\\]", route):
            continue
        if view_class is not None and issubclass(view_class, SEARCHING_VIEWS):
            found.add("/" + route)
    return sorted(found)


ADMIN_LISTINGS = discovered_admin_listings()
"""Discovered admin listings: new snippet or model viewsets join the test on their own."""


def _other_admin_entry_points() -> list[tuple[str, str]]:
    """Admin search entry points discovery cannot see: the explorer and the admin API."""
    return [
        ("/admin/pages/{home}/", "q"),
        ("/admin/pages/{home}/results/", "q"),
        ("/admin/api/main/pages/", "search"),
        ("/admin/api/main/images/", "search"),
        ("/admin/api/main/documents/", "search"),
    ]


ADMIN_ENTRY_POINTS = [
    (path, "q") for path in sorted({*EXPLICIT_ADMIN_ENTRY_POINTS, *ADMIN_LISTINGS})
] + _other_admin_entry_points()


@pytest.fixture
def indexed_content(county):
    """Pages, images and documents with Chinese and English titles, saved (so indexed)."""
    column = column_of(county, "yaowen")
    add_article(column, "那坡县召开防汛工作会议", slug="fangxun")
    add_article(column, "Napo tourism report", slug="tourism")
    make_image(title="防汛现场照片")
    make_image(title="flood scene photo")
    Document.objects.create(title="防汛应急预案", file=ContentFile(b"plan", name="yuan.txt"))
    Document.objects.create(title="flood response plan", file=ContentFile(b"plan", name="en.txt"))
    return county


@pytest.fixture
def superuser_client(client, db):
    """A test client logged in as a superuser that answers errors instead of raising them."""
    user = get_user_model().objects.create_superuser("root", "root@example.com", "x")  # noqa: S106
    client.force_login(user)
    client.raise_request_exception = False
    return client


def _renamed(raw: str, param: str) -> str:
    """A raw query string with its `q` parameters renamed to the entry point's parameter."""
    return "&".join(param + part[1:] if part.startswith("q") else part for part in raw.split("&"))


def _failures(client, path: str, param: str, **extra) -> list[str]:
    """Every hostile query for which the entry point answers 500 or more, described."""
    failures = []
    requests = [({param: query}, repr(query)) for query in HOSTILE_QUERIES]
    requests += [(_renamed(raw, param), raw) for raw in RAW_QUERY_STRINGS]
    for data, label in requests:
        if isinstance(data, str):
            response = client.get(f"{path}?{data}", **extra)
        else:
            response = client.get(path, data, **extra)
        if response.status_code >= 500:
            error = response.exc_info[1] if response.exc_info else None
            failures.append(f"{label[:40]} -> {response.status_code} {error!r:.200}")
    return failures


def test_cleaning_keeps_the_words_and_drops_what_breaks_a_backend():
    assert clean_query_text('“防汛” "tourism\x00report"') == "“防汛” tourism report"
    assert clean_query_text("a\ud800b\tc") == "a b c"
    assert clean_query_text("- * ^ {} flood") == "flood"
    assert clean_query_text('"\x00"') == ""
    assert clean_query_text("县" * 10_000) == "县" * MAX_QUERY_LENGTH
    assert clean_query_text("a " * 5_000) == " ".join(["a"] * MAX_QUERY_WORDS)


def test_discovery_finds_the_generic_listings_and_choosers():
    assert {"/admin/images/", "/admin/documents/chooser/results/", "/admin/users/"} <= set(
        ADMIN_LISTINGS
    )


def test_every_admin_entry_point_exists(superuser_client, indexed_content):
    for path, _param in ADMIN_ENTRY_POINTS:
        url = path.format(home=indexed_content.home.pk)
        assert superuser_client.get(url).status_code < 400, url


@pytest.mark.parametrize(("path", "param"), ADMIN_ENTRY_POINTS)
def test_admin_search_entry_point_never_answers_500(superuser_client, indexed_content, path, param):
    url = path.format(home=indexed_content.home.pk)
    assert _failures(superuser_client, url, param) == []


def test_public_search_renders_for_every_hostile_query(client, indexed_content):
    client.raise_request_exception = False
    requests = [{"q": query} for query in HOSTILE_QUERIES + MORE_HOSTILE_QUERIES]
    requests += [f"?{raw}" for raw in RAW_QUERY_STRINGS]
    requests += [{"q": "防汛", "page": page} for page in ("x", "0", "-1", "\x00", "9" * 40, "1e3")]
    bad = []
    for data in requests:
        if isinstance(data, str):
            response = client.get(f"/search/{data}", HTTP_HOST="napo.localhost")
        else:
            response = client.get("/search/", data, HTTP_HOST="napo.localhost")
        html = response.content.decode(errors="replace")
        if _holds_nul(data):
            # The request guard refuses a NUL anywhere in the URL before the view runs.
            if response.status_code != 400:
                bad.append(f"{str(data)[:40]} -> {response.status_code}, not 400")
        elif response.status_code != 200 or 'name="q"' not in html:
            bad.append(f"{str(data)[:40]} -> {response.status_code}")
    assert bad == []


def _holds_nul(data: dict | str) -> bool:
    """Whether a request's query (a dict, or a raw query string) carries a NUL character."""
    if isinstance(data, str):
        return "%00" in data
    return any("\x00" in str(value) for value in data.values())


@pytest.mark.parametrize("model", [Page, Image])
def test_backend_survives_hostile_strings_and_query_objects(indexed_content, model):
    backend = get_search_backend()
    for text in HOSTILE_QUERIES + MORE_HOSTILE_QUERIES + PYTHON_ONLY_QUERIES:
        queries = [
            text,
            PlainText(text, operator="or"),
            Phrase(text),
            And([PlainText(text), Phrase(text)]),
            Or([PlainText("flood"), Phrase(text)]),
            And([PlainText("flood"), Not(Phrase(text))]),
            Not(Phrase(text)),
            parse_query_string(text)[1],
        ]
        for query in queries:
            for method in (backend.search, backend.autocomplete):
                results = method(query, model)
                assert isinstance(results.count(), int), (text[:40], query)
                assert isinstance(list(results[:5]), list), (text[:40], query)


def test_image_chooser_search_within_a_tag_works(superuser_client, indexed_content):
    flood = Image.objects.get(title="flood scene photo")
    flood.tags.add("汛期")
    other = make_image(title="flood other photo")
    for query in ("flood", '"', "\x00"):
        response = superuser_client.get(
            "/admin/images/chooser/results/", {"q": query, "tag": "汛期"}
        )
        assert response.status_code == (400 if "\x00" in query else 200), query
    html = _titles(
        superuser_client.get("/admin/images/chooser/results/", {"q": "flood", "tag": "汛期"})
    )
    assert flood.title in html
    assert other.title not in html


def test_an_unknown_operator_falls_back_to_the_default(superuser_client, indexed_content):
    results = get_search_backend().search("flood", Image, operator="xor")
    assert [image.title for image in results] == ["flood scene photo"]
    url = "/admin/api/main/images/?search=flood&search_operator=xor"
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["flood scene photo"]


def _titles(response) -> str:
    """The text of an admin response, whether HTML or a chooser's JSON."""
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


def test_ordinary_queries_still_find_what_they_should(client, superuser_client, indexed_content):
    def public(query: str) -> str:
        return client.get("/search/", {"q": query}, HTTP_HOST="napo.localhost").content.decode()

    assert "那坡县召开防汛工作会议" in public("防汛")
    assert "Napo tourism report" in public("tourism")
    assert "Napo tourism report" in public("napo report")
    assert "Napo tourism report" in public('"tourism"')
    assert "那坡县召开防汛工作会议" not in public("tourism")

    def admin(path: str, query: str) -> str:
        return _titles(superuser_client.get(path, {"q": query}))

    assert "那坡县召开防汛工作会议" in admin("/admin/pages/search/", "那坡县")
    assert "Napo tourism report" in admin("/admin/pages/search/", "tourism")
    assert "Napo tourism report" in admin("/admin/pages/search/", '"napo tourism"')
    assert "Napo tourism report" in admin("/admin/choose-page/search/", "touri")
    for path in ("/admin/images/", "/admin/images/chooser/results/"):
        assert "防汛现场照片" in admin(path, "防汛")
        assert "flood scene photo" not in admin(path, "防汛")
        assert "flood scene photo" in admin(path, "flood")
    for path in ("/admin/documents/", "/admin/documents/chooser/results/"):
        assert "防汛应急预案" in admin(path, "防汛")
        assert "flood response plan" in admin(path, "flood plan")
        assert "防汛应急预案" not in admin(path, "flood")
