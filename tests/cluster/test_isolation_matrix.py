"""The isolation matrix: an editor of site A requests every admin URL with site B's ids.

Every URL pattern Wagtail (and the apps installed beside it) registers under admin/ is found by
walking the resolver; each parameter is filled with site B's object of the matching kind (see
PARAM_KINDS and ROUTE_PARAM_KINDS); a pattern with a parameter neither map knows fails the test,
so a new app's admin views are covered or force an update here. Every answer must refuse
(a redirect, 400, 403, 404 or 405) or be a 200 whose body names nothing of site B.
"""

import html
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Locale, Page

from redesign.guarantee.models import WordingRule
from tests.cluster.conftest import editor_of, only_in

ROLES = ("informant", "reviewer", "maintainer")
REFUSED = {301, 302, 303, 307, 308, 400, 403, 404, 405}

# Patterns not requested, and why.
NOT_REQUESTED = {
    "admin/logout/": "a GET would end the editor's session and make every later answer a redirect",
    "admin/failwhale/": "raises on purpose to test the 500 page",
    "admin/^.*/$": "the admin's catch-all 404",
}

# A parameter whose name says what it holds, wherever it appears.
PARAM_KINDS = {
    "page_id": "page",
    "page_pk": "page",
    "page_to_move_id": "page",
    "parent_page_id": "parent_page",
    "destination_id": "parent_page",
    "revision_id": "revision",
    "revision_id_a": "revision",
    "revision_id_b": "revision",
    "task_state_id": "task_state",
    "workflow_state_id": "workflow_state",
    "task_id": "task",
    "workflow_pk": "workflow",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "collection_id": "collection",
    "redirect_id": "redirect",
    "session_id": "editing_session",
    "object_id": "page",
    "filter_spec": "filter_spec",
    "action_name": "workflow_action",
    "content_type_app_name": "page_app_label",
    "content_type_model_name": "page_model_name",
    "uidb64": "uidb64",
    "token": "token",
    "translation_source_id": "translation_source",
    "translation_id": "translation",
    "string_segment_id": "string_segment",
    "overridable_segment_id": "overridable_segment",
    "mode": "preview_mode",
    "site_id": "site",
}

# A parameter whose meaning depends on the URL it is in: (route prefix, name) → kind.
ROUTE_PARAM_KINDS = {
    ("admin/api/main/^pages/", "action_name"): "page_api_action",
    ("admin/api/main/^pages/", "pk"): "page",
    ("admin/pages/^", "pk"): "page",
    ("admin/api/main/^images/", "pk"): "image",
    ("admin/api/main/^documents/", "pk"): "document",
    ("admin/collections/", "pk"): "collection",
    ("admin/workflows/tasks/", "pk"): "task",
    ("admin/workflows/", "pk"): "workflow",
    ("admin/workflows/tasks/add/", "app_label"): "task_app_label",
    ("admin/workflows/tasks/add/", "model_name"): "task_model_name",
    ("admin/pages/create/", "app_label"): "page_app_label",
    ("admin/pages/create/", "model_name"): "page_model_name",
    ("admin/tag-autocomplete/", "app_name"): "page_app_label",
    ("admin/tag-autocomplete/", "model_name"): "page_model_name",
    ("admin/editing-sessions/", "app_label"): "base_page_app_label",
    ("admin/editing-sessions/", "model_name"): "base_page_model_name",
    ("admin/settings/", "app_name"): "setting_app_label",
    ("admin/settings/", "model_name"): "setting_model_name",
    ("admin/settings/", "pk"): "site",
    ("admin/localize/submit/snippet/", "app_label"): "snippet_app_label",
    ("admin/localize/submit/snippet/", "model_name"): "snippet_model_name",
    ("admin/localize/submit/snippet/", "pk"): "snippet",
    ("admin/localize/api/snippets/", "app_label"): "snippet_app_label",
    ("admin/localize/api/snippets/", "model_name"): "snippet_model_name",
    ("admin/localize/api/snippets/", "pk"): "snippet",
    ("admin/locales/", "pk"): "locale",
    ("admin/sites/", "pk"): "site",
    ("admin/users/", "pk"): "user",
    ("admin/groups/", "pk"): "group",
    ("admin/images/chooser/", "pk"): "image",
    ("admin/documents/chooser/", "pk"): "document",
    ("admin/snippets/core/calendarday/", "pk"): "calendar_day",
    ("admin/snippets/choose/core/calendarday/", "pk"): "calendar_day",
    ("admin/snippets/guarantee/wordingrule/", "pk"): "wording_rule",
    ("admin/snippets/choose/guarantee/wordingrule/", "pk"): "wording_rule",
    ("admin/guarantee/contracts/", "pk"): "contract",
    ("admin/interaction_questions/", "pk"): "question",
    ("admin/interaction_departments/", "pk"): "department",
    ("admin/images/multiple/", "uploaded_file_id"): "uploaded_image",
    ("admin/documents/multiple/", "uploaded_file_id"): "uploaded_document",
}

# Kinds site B has no object of in this project: they get an id nothing has, so the view's
# own "not found" path is what the matrix requests.
UNKNOWN_KINDS = {
    "snippet": "no snippet models are registered (the admin's snippets index lists none)",
    "translation_source": "no page of site B is translated",
    "translation": "no page of site B is translated",
    "string_segment": "no page of site B is translated",
    "overridable_segment": "no page of site B is translated",
}
MISSING_ID = "987654"

# Bulk actions take their app, model and action from the bulk action registry, the ids from
# ?id= (site B's objects of that model).
BULK_ROUTE = "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/"

# Extra query strings, by route: what a parameterless view reads instead of path parameters.
EXTRA_QUERIES = {
    "admin/choose-page/chosen-multiple/": ["id={page}&id={draft}"],
    "admin/images/chooser/chosen-multiple/": ["id={image}"],
    "admin/documents/chooser/chosen-multiple/": ["id={document}"],
    "admin/choose-page/": ["page_type=core.articlepage", "parent_page_id={column}"],
    "admin/choose-page/search/": ["q={title}", "q={draft_title}"],
    "admin/api/main/^pages/": [
        "child_of={home}",
        "descendant_of={home}",
        "search={title}",
        "for_explorer=1&child_of={column}",
    ],
    "admin/api/main/^pages/find/": ["id={draft}", "html_path=/"],
    "admin/api/main/^images/find/": ["id={image}"],
    "admin/api/main/^documents/find/": ["id={document}"],
    "admin/tag-autocomplete/": ["term=a"],
    "admin/reports/site-history/": ["user={maintainer}"],
    "admin/reports/workflow/": ["requested_by={informant}", "workflow={workflow}"],
    "admin/reports/workflow_tasks/": ["workflow={workflow}", "task={task}"],
    "admin/reports/locked/": ["locked_by={reviewer}"],
    "admin/reports/page-types-usage/": ["site={home_path}"],
    "admin/pages/search/": ["q={title}"],
    "admin/pages/search/results/": ["q={title}"],
}
PLAIN_VARIANTS = ("", "q={title}", "export=csv")


@dataclass(frozen=True)
class AdminRoute:
    """One URL pattern under admin/: its text, the regexes of each level, and its view."""

    route: str
    levels: tuple[str, ...]
    callback: object

    @property
    def params(self) -> list[str]:
        """The names of the pattern's parameters, in order."""
        return [name for level in self.levels for name in re.compile(level).groupindex]

    def build(self, values: dict) -> str:
        """The path with each parameter replaced by its value."""
        path = ""
        for level in self.levels:
            text = re.sub(r"\(\?P<(\w+)>[^()]*\)", lambda m: str(values[m.group(1)]), level)
            path += text.removeprefix("^").removesuffix(r"\Z").removesuffix("$").replace("\\", "")
        return "/" + path


def admin_routes() -> list[AdminRoute]:
    """Every URL pattern under admin/, found by walking the project's resolver."""

    def walk(patterns, route, levels):
        for pattern in patterns:
            text, regex = str(pattern.pattern), pattern.pattern.regex.pattern
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route + text, (*levels, regex))
            elif isinstance(pattern, URLPattern):
                yield AdminRoute(route + text, (*levels, regex), pattern.callback)

    return [r for r in walk(get_resolver().url_patterns, "", ()) if r.route.startswith("admin/")]


def kind_of(route: str, name: str) -> str | None:
    """The kind of object a parameter holds, or None when neither map knows it."""
    matches = [
        (len(prefix), kind)
        for (prefix, param), kind in ROUTE_PARAM_KINDS.items()
        if param == name and route.startswith(prefix)
    ]
    if matches:
        return max(matches)[1]
    return PARAM_KINDS.get(name)


# The pages of site B each page URL is requested with: in review (its task state and workflow
# state go with it), with a title only in its newest revision, and private. Site A's page in
# review comes last: its own pages must not show B either (filter choices, history, usage).
PAGES_REQUESTED = (("b", "in_review"), ("b", "revised"), ("b", "private"), ("a", "in_review"))


def url_values(sites) -> list[dict]:
    """The objects of each kind, as the strings that go into URLs; one dict per page."""
    return [site_values(sites[key], sites[key].pages[page]) for key, page in PAGES_REQUESTED]


def site_values(b, page) -> dict:
    """A site's object of each kind, with page and revision from the given page."""
    user = b.staff["reviewer"]
    task_model = type(b.objects["task"].specific)
    return {
        "page": page.pk,
        "parent_page": b.pages["column"].pk,
        "revision": page.latest_revision_id,
        "task_state": b.objects["task_state"].pk,
        "workflow_state": b.objects["workflow_state"].pk,
        "task": b.objects["task"].pk,
        "workflow": b.objects["workflow"].pk,
        "image": b.images[0].pk,
        "document": b.documents[0].pk,
        "collection": b.result.collection.pk,
        "redirect": b.objects["redirect"].pk,
        "editing_session": b.objects["editing_session"].pk,
        "uploaded_image": b.objects["uploaded_image"].pk,
        "uploaded_document": b.objects["uploaded_document"].pk,
        "site": b.result.site.pk,
        "calendar_day": b.objects["calendar_day"].pk,
        "contract": b.objects["contract"].pk,
        "question": b.objects["question"].pk,
        "department": b.objects["department"].pk,
        "wording_rule": WordingRule.objects.order_by("pk").first().pk,
        "user": user.pk,
        "group": b.result.groups["reviewer"].pk,
        "locale": Locale.get_default().pk,
        "filter_spec": "fill-80x80",
        "page_api_action": "copy",
        "page_app_label": "core",
        "page_model_name": "articlepage",
        "base_page_app_label": "wagtailcore",
        "base_page_model_name": "page",
        "task_app_label": task_model._meta.app_label,
        "task_model_name": task_model._meta.model_name,
        "setting_app_label": "cluster",
        "setting_model_name": "siteidentity",
        "snippet_app_label": "wagtailcore",
        "snippet_model_name": "page",
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "preview_mode": "mobile",
        "workflow_action": "approve",
        **dict.fromkeys(UNKNOWN_KINDS, MISSING_ID),
    }


def query_values(b) -> dict:
    """Site B's ids and titles for the extra query strings."""
    return {
        "page": b.pages["article"].pk,
        "draft": b.pages["draft"].pk,
        "home": b.pages["home"].pk,
        "column": b.pages["column"].pk,
        "home_path": b.pages["home"].path,
        "image": b.images[0].pk,
        "document": b.documents[0].pk,
        "title": searched_part(b.pages["article"].title),
        "draft_title": searched_part(b.pages["draft"].title),
        "maintainer": b.staff["maintainer"].pk,
        "informant": b.staff["informant"].pk,
        "reviewer": b.staff["reviewer"].pk,
        "workflow": b.objects["workflow"].pk,
        "task": b.objects["task"].pk,
        "model_ids": b.objects["model_ids"],
    }


def searched_part(title: str) -> str:
    """What the matrix searches for: the title less its last character, so that a search form
    echoing the query does not count as showing the title."""
    return title[:-1]


def site_markers(sites) -> set[str]:
    """Text that only site B's objects carry: titles, file names, people, groups, the site."""
    a, b = sites["a"], sites["b"]

    def page_texts(work):
        pages = Page.objects.descendant_of(work.pages["home"], inclusive=True)
        return {text for page in pages for text in (page.title, page.draft_title)}

    markers = page_texts(b) - page_texts(a)
    for media in ("images", "documents"):
        markers |= only_in({"a": a.data, "b": b.data}, "b", media)
        markers |= {f.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] for f in getattr(b, media)}
    for user in b.staff.values():
        markers |= {user.get_username(), user.first_name, user.email}
    markers |= {group.name for group in b.result.groups.values()}
    markers |= {b.objects["workflow"].name}
    markers |= {task.name for task in b.objects["workflow"].tasks.all()}
    markers |= {b.result.site.site_name, b.result.site.hostname, b.objects["redirect"].old_path}
    markers |= {b.objects["calendar_day"].note, b.objects["contract"].title}
    markers |= {f"{b.key}-robot.example", f"{b.key}-duankai-lianjie"}
    question = b.objects["question"]
    markers |= {question.subject, question.name, question.phone, question.email, question.code}
    markers |= {str(question.ip_address), b.objects["department"].name, f"{b.key}-liuyan"}
    return {marker for marker in markers if len(marker) >= 2}


def readable(response) -> str:
    """The answer's body with JSON and HTML escapes undone, plus its Location header."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text) + "\n" + response.get("Location", "")


def queued_messages(response) -> list:
    """The messages the request added for the next page (a refusal may name what it refused)."""
    storage = getattr(response.wsgi_request, "_messages", None)
    return list(getattr(storage, "_queued_messages", []))


def urls_for(route: AdminRoute, contexts: list[dict], queries: dict) -> list[str]:
    """The URLs the matrix requests for one pattern."""
    if route.route == BULK_ROUTE:
        return bulk_urls(route, queries)
    params = route.params
    unknown = [name for name in params if kind_of(route.route, name) is None]
    if unknown:
        raise LookupError(f"{route.route}: no kind for {unknown}")
    paths = dict.fromkeys(
        route.build({name: values[kind_of(route.route, name)] for name in params})
        for values in contexts
    )
    variants = EXTRA_QUERIES.get(route.route, [])
    variants = [*PLAIN_VARIANTS, *variants] if not params else ["", *variants]
    return [
        path + ("?" + variant.format(**queries) if variant else "")
        for path in paths
        for variant in variants
    ]


def bulk_urls(route: AdminRoute, queries: dict) -> list[str]:
    """Every registered bulk action, with site B's objects of its model as ?id=."""
    ids = {
        ("wagtailcore", "page"): [queries["page"], queries["draft"]],
        ("wagtailimages", "image"): [queries["image"]],
        ("wagtaildocs", "document"): [queries["document"]],
        ("auth", "user"): [queries["maintainer"]],
        ("guarantee", "wordingrule"): [WordingRule.objects.order_by("pk").first().pk],
        **queries["model_ids"],
    }
    bulk_action_registry._scan_for_bulk_actions()
    urls = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            pks = ids[(app_label, model_name)]
            for action in actions:
                path = route.build(
                    {"app_label": app_label, "model_name": model_name, "action": action}
                )
                urls.append(path + "?" + "&".join(f"id={pk}" for pk in pks))
    return urls


def request_all(client, sites) -> tuple[list[str], int]:
    """GET every admin URL with site B's ids; the leaks found and how many URLs answered 200."""
    b = sites["b"]
    values, queries, markers = url_values(sites), query_values(b), site_markers(sites)
    leaks, answered = [], 0
    for route in admin_routes():
        if route.route in NOT_REQUESTED:
            continue
        for url in urls_for(route, values, queries):
            if resolve(url.split("?")[0]).func is not route.callback:
                leaks.append(f"{url}: built for {route.route} but resolves elsewhere")
                continue
            try:
                response = client.get(url)
            except Exception as err:  # noqa: BLE001 - every failure is reported at once
                leaks.append(f"{url}: raised {type(err).__name__}: {err}")
                continue
            said = " ".join(str(m) for m in queued_messages(response))
            if response.status_code in REFUSED:
                text = response.get("Location", "") + said
                found = sorted(m for m in markers if m in text)
            elif response.status_code in (200, 201, 204):
                answered += 1
                text = readable(response) + said
                found = sorted(m for m in markers if m in text)
            else:
                leaks.append(f"{url}: answered {response.status_code}")
                continue
            if found:
                leaks.append(f"{url} [{response.status_code}] shows {found[:5]}")
    return leaks, answered


@pytest.mark.parametrize("role", ROLES)
def test_editor_of_site_a_finds_nothing_of_site_b(client, busy_sites, role):
    client.force_login(editor_of(busy_sites["a"].result, role, f"matrix_{role}"))
    leaks, answered = request_all(client, busy_sites)
    assert answered > 50
    assert not leaks, "\n".join(leaks)


# What a cluster administrator must see of site B, proving the markers are real.
SUPERUSER_SEES = (
    "/admin/pages/{column}/",
    "/admin/pages/{in_review}/edit/",
    "/admin/pages/workflow/confirm_cancellation/{in_review}/",
    "/admin/choose-page/",
    "/admin/choose-page/{column}/",
    "/admin/choose-page/search/?q={title}",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
    "/admin/api/main/pages/?child_of={column}",
    "/admin/api/main/pages/{in_review}/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/workflows/task_chooser/",
    "/admin/bulk/wagtailcore/page/delete/?id={page}",
    "/admin/reports/broken-links/",
    "/admin/guarantee/contracts/",
    "/admin/snippets/core/calendarday/",
    "/admin/settings/guarantee/contentpolicy/{site}/",
)


def test_superuser_sees_site_b_on_the_main_urls(client, busy_sites):
    b = busy_sites["b"]
    client.force_login(
        get_user_model().objects.create_superuser("matrix_admin", password="x-pass-123456")
    )
    markers = site_markers(busy_sites)
    values = {**query_values(b), "in_review": b.pages["in_review"].pk, "site": b.result.site.pk}
    blind = []
    for url in SUPERUSER_SEES:
        response = client.get(url.format(**values))
        text = readable(response)
        if response.status_code != 200 or not any(marker in text for marker in markers):
            blind.append(f"{url} [{response.status_code}]")
    assert not blind, "\n".join(blind)
