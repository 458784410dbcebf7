"""Pages, the page chooser, reports and workflows in the admin show an editor only their sites."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import resolve, reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.users.views.groups import get_permission_panel_classes

from redesign.cluster.isolation.replace import MARK
from redesign.core.models import ArticlePage
from redesign.core.scope import scope_for
from tests.cluster.conftest import editor_of

REFUSED = (302, 403, 404)


def body(response) -> str:
    """The answer as text, with a JSON modal's HTML and JSON escapes undone."""
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return text


@pytest.fixture
def sites(busy_sites):
    """busy_sites, as a and b."""
    return busy_sites["a"], busy_sites["b"]


@pytest.fixture
def login(client, sites):
    """Log in a new editor of site A in the given role; returns the user."""

    def log_in(role: str = "maintainer"):
        user = editor_of(sites[0].result, role, f"a_{role}_tester")
        client.force_login(user)
        return user

    return log_in


@pytest.fixture
def superuser(client, db):
    """A logged-in cluster administrator."""
    user = get_user_model().objects.create_superuser("cluster_admin", password="x-pass-123456")
    client.force_login(user)
    return user


# The page chooser


def test_chooser_root_lists_only_the_own_home(client, sites, login):
    a, b = sites
    login("informant")
    text = body(client.get("/admin/choose-page/"))
    assert a.result.site.site_name in text
    assert b.result.site.site_name not in text and b.result.site.hostname not in text


@pytest.mark.parametrize("role", ["informant", "reviewer", "maintainer"])
def test_chooser_refuses_browsing_another_sites_pages(client, sites, login, role):
    a, b = sites
    login(role)
    for page in (b.pages["home"], b.pages["column"]):
        response = client.get(f"/admin/choose-page/{page.pk}/")
        assert response.status_code in REFUSED
        assert b.pages["home"].title not in body(response)
        assert page.title not in body(response) or page.title == a.pages["column"].title
    own = body(client.get(f"/admin/choose-page/{a.pages['column'].pk}/"))
    assert a.pages["draft"].title in own and a.pages["private"].title in own


def test_chooser_search_finds_only_own_pages(client, sites, login):
    a, b = sites
    login()
    other = body(client.get("/admin/choose-page/search/", {"q": b.pages["draft"].title}))
    assert b.pages["draft"].title not in other
    own = body(client.get("/admin/choose-page/search/", {"q": a.pages["draft"].title}))
    assert a.pages["draft"].title in own


def test_chooser_of_a_page_type_starts_in_the_own_site(client, sites, login):
    a, b = sites
    login()
    text = body(client.get("/admin/choose-page/", {"page_type": "core.articlepage"}))
    assert b.pages["draft"].title not in text and b.result.site.site_name not in text
    assert a.result.site.site_name in text


def test_chosen_pages_are_only_own_pages(client, sites, login):
    a, b = sites
    login()
    ids = [a.pages["draft"].pk, b.pages["draft"].pk]
    result = client.get("/admin/choose-page/chosen-multiple/", {"id": ids}).json()["result"]
    assert [page["id"] for page in result] == [a.pages["draft"].pk]


def test_external_link_becomes_a_page_link_only_in_the_own_site(client, sites, login):
    a, b = sites
    login()

    def submit(page):
        data = {"external-link-chooser-url": page.full_url, "external-link-chooser-link_text": ""}
        return client.post("/admin/choose-external-link/", data).json()

    other = submit(b.pages["article"])
    assert other["step"] == "external_link_chosen" and "id" not in other["result"]
    assert b.pages["article"].title not in json.dumps(other, ensure_ascii=False)
    own = submit(a.pages["article"])
    assert own["step"] == "external_link_chosen" and own["result"]["id"] == a.pages["article"].pk


def test_superuser_chooser_sees_every_site(client, sites, superuser):
    a, b = sites
    text = body(client.get("/admin/choose-page/"))
    assert a.result.site.site_name in text and b.result.site.site_name in text
    assert b.pages["draft"].title in body(client.get(f"/admin/choose-page/{b.pages['column'].pk}/"))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("wagtailadmin_choose_page", []),
        ("wagtailadmin_choose_page_child", [1]),
        ("wagtailadmin_reports:locked_pages_results", []),
        ("wagtailadmin_reports:page_types_usage", []),
        ("wagtailforms:index", []),
        ("wagtailadmin_workflows:task_chosen", [1]),
    ],
)
def test_wagtail_urls_are_served_by_the_confined_views(name, args):
    assert getattr(resolve(reverse(name, args=args)).func, MARK, False)


# Reports


def options_text(response) -> str:
    """The report's page, filters included."""
    return body(response)


def test_locked_pages_report_rows_and_people(client, sites, login):
    a, b = sites
    login("maintainer")
    text = options_text(client.get("/admin/reports/locked/"))
    assert a.pages["article"].title in text
    assert b.pages["article"].title not in text
    assert a.staff["reviewer"].get_username() in text
    assert b.staff["reviewer"].get_username() not in text
    refused = client.get("/admin/reports/locked/", {"locked_by": b.staff["reviewer"].pk})
    assert b.pages["article"].title not in options_text(refused)


def test_workflow_reports_offer_own_workflows_tasks_and_people(client, sites, login):
    a, b = sites
    login("reviewer")
    workflows = options_text(client.get("/admin/reports/workflow/"))
    assert a.pages["in_review"].title in workflows and b.pages["in_review"].title not in workflows
    assert a.objects["workflow"].name in workflows
    assert b.objects["workflow"].name not in workflows
    assert a.staff["informant"].get_username() in workflows
    assert b.staff["informant"].get_username() not in workflows
    tasks = options_text(client.get("/admin/reports/workflow_tasks/"))
    assert a.objects["task"].name in tasks
    assert b.objects["task"].name not in tasks and b.objects["workflow"].name not in tasks


def test_site_history_offers_own_people(client, sites, login):
    a, b = sites
    login("maintainer")
    text = options_text(client.get("/admin/reports/site-history/"))
    assert a.staff["maintainer"].first_name in text
    assert not any(user.first_name in text for user in b.staff.values())


def test_page_types_usage_counts_and_names_own_pages_only(client, sites, login):
    a, b = sites
    login("maintainer")
    text = options_text(client.get("/admin/reports/page-types-usage/"))
    assert b.pages["published"].title not in text and b.result.site.site_name not in text
    assert a.pages["published"].title in text
    response = client.get("/admin/reports/page-types-usage/")
    counts = {row.model: row.count for row in response.context["object_list"]}
    assert counts["articlepage"] == ArticlePage.objects.descendant_of(a.pages["home"]).count()


def test_page_types_usage_offers_the_sites_of_an_editor_of_two(client, sites):
    a, b = sites
    user = editor_of(a.result, "maintainer", "two_sites_editor")
    user.groups.add(b.result.groups["maintainer"])
    client.force_login(user)
    text = options_text(client.get("/admin/reports/page-types-usage/"))
    assert a.result.site.site_name in text and b.result.site.site_name in text


def test_superuser_reports_show_every_site(client, sites, superuser):
    a, b = sites
    locked = options_text(client.get("/admin/reports/locked/"))
    assert a.pages["article"].title in locked and b.pages["article"].title in locked
    workflows = options_text(client.get("/admin/reports/workflow/"))
    assert b.objects["workflow"].name in workflows
    usage = options_text(client.get("/admin/reports/page-types-usage/"))
    assert b.result.site.site_name in usage


# Page listings, page views and workflows


@pytest.mark.parametrize(
    "url",
    ["/admin/pages/{column}/", "/admin/pages/usage/core/articlepage/", "/admin/forms/"],
)
def test_listing_filters_offer_own_people_and_site(client, sites, login, url):
    a, b = sites
    login("maintainer")
    text = body(client.get(url.format(column=a.pages["column"].pk)))
    assert a.staff["informant"].first_name in text
    assert not any(user.first_name in text for user in b.staff.values())
    assert b.result.site.site_name not in text


def test_workflow_cancellation_of_another_sites_page_is_refused(client, sites, login):
    a, b = sites
    login("maintainer")
    other = client.get(f"/admin/pages/workflow/confirm_cancellation/{b.pages['in_review'].pk}/")
    assert other.status_code in REFUSED
    assert b.objects["workflow"].name not in body(other)
    own = client.get(f"/admin/pages/workflow/confirm_cancellation/{a.pages['in_review'].pk}/")
    assert own.status_code == 200 and a.objects["task"].name in body(own)


def test_workflow_action_on_another_sites_page_names_nothing(client, sites, login):
    a, b = sites
    login("reviewer")
    page, task_state = b.pages["revised"], b.objects["task_state"]
    response = client.get(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    assert response.status_code in REFUSED
    after = body(client.get("/admin/"))
    assert page.title not in after and page.draft_title not in after


def test_moving_an_own_page_under_another_sites_page_is_refused(client, sites, login):
    a, b = sites
    login("maintainer")
    page, column = a.pages["draft"], b.pages["column"]
    response = client.get(f"/admin/pages/{page.pk}/move/{column.pk}/confirm/")
    assert response.status_code in REFUSED
    assert column.title not in body(response) or column.title == a.pages["column"].title
    assert b.result.site.site_name not in body(response)


def test_privacy_offers_the_own_sites_groups(client, sites, login):
    a, b = sites
    login("maintainer")
    text = body(client.get(f"/admin/pages/{a.pages['draft'].pk}/privacy/"))
    assert a.result.groups["reviewer"].name in text
    assert not any(group.name in text for group in b.result.groups.values())


def test_page_bulk_actions_ignore_another_sites_pages(client, sites, login):
    a, b = sites
    login("maintainer")
    ids = {"id": [a.pages["draft"].pk, b.pages["draft"].pk, b.pages["article"].pk]}
    text = body(client.get("/admin/bulk/wagtailcore/page/delete/", ids))
    assert a.pages["draft"].title in text
    assert b.pages["draft"].title not in text and b.pages["article"].title not in text
    client.post("/admin/bulk/wagtailcore/page/unpublish/?" + f"id={b.pages['article'].pk}")
    b.pages["article"].refresh_from_db()
    assert b.pages["article"].live


def test_task_chooser_is_for_workflow_editors_only(client, sites, login):
    a, b = sites
    login("maintainer")
    assert client.get("/admin/workflows/task_chooser/").status_code in REFUSED
    assert client.get(f"/admin/workflows/task_chooser/{b.objects['task'].pk}/").status_code in (
        REFUSED
    )


def test_superuser_task_chooser_lists_every_task(client, sites, superuser):
    a, b = sites
    text = body(client.get("/admin/workflows/task_chooser/"))
    assert a.objects["task"].name in text and b.objects["task"].name in text


def test_superuser_still_works_on_another_sites_page(client, sites, superuser):
    a, b = sites
    page = b.pages["in_review"]
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    cancel = client.get(f"/admin/pages/workflow/confirm_cancellation/{page.pk}/")
    assert cancel.status_code == 200 and b.objects["task"].name in body(cancel)


# The scope


def test_scope_is_computed_once_per_request(sites, django_assert_max_num_queries):
    a, b = sites
    user = get_user_model().objects.get(pk=a.staff["reviewer"].pk)
    root = Page.get_first_root_node()
    with django_assert_max_num_queries(2):
        scope = scope_for(user)
    with django_assert_max_num_queries(0):
        assert scope_for(user) is scope
        assert scope.contains(a.pages["draft"]) and not scope.contains(b.pages["draft"])
        assert scope.sees(root) and not scope.sees(b.pages["home"])
    assert list(scope.sites) == [a.result.site]
    assert set(scope.users) == set(a.staff.values())
    assert set(scope.workflows) == {a.objects["workflow"]}


# The group edit form


def group_form_data(name: str, page: Page, codenames=("change_page",)) -> dict:
    """A new group's form: no permissions in any panel but one page permission row."""
    data = {"name": name}
    for panel_class in get_permission_panel_classes():
        panel = panel_class(instance=Group())
        if hasattr(panel, "management_form"):
            data.update(
                {
                    f"{panel.prefix}-TOTAL_FORMS": "0",
                    f"{panel.prefix}-INITIAL_FORMS": "0",
                    f"{panel.prefix}-MIN_NUM_FORMS": "0",
                    f"{panel.prefix}-MAX_NUM_FORMS": "1000",
                }
            )
    data.update(
        {
            "page_permissions-TOTAL_FORMS": "1",
            "page_permissions-0-page": str(page.pk),
            "page_permissions-0-permissions": list(codenames),
        }
    )
    return data


def test_group_form_refuses_page_permissions_on_the_tree_root(client, sites, superuser):
    root = Page.get_first_root_node()
    response = client.post("/admin/groups/new/", group_form_data("全区编辑", root))
    assert response.status_code == 200
    assert "不能在" in response.content.decode() and "不属于任何一个县级站点" in (
        response.content.decode()
    )
    assert not Group.objects.filter(name="全区编辑").exists()
    assert not GroupPagePermission.objects.filter(page=root).exists()


def test_group_form_accepts_page_permissions_in_a_site(client, sites, superuser):
    a, _ = sites
    response = client.post("/admin/groups/new/", group_form_data("那坡县 通讯员", a.pages["home"]))
    assert response.status_code == 302
    group = Group.objects.get(name="那坡县 通讯员")
    assert GroupPagePermission.objects.filter(group=group, page=a.pages["home"]).exists()


def test_group_form_refuses_the_tree_root_when_editing_too(client, sites, superuser):
    a, _ = sites
    group = a.result.groups["reviewer"]
    data = group_form_data(group.name, Page.get_first_root_node())
    response = client.post(f"/admin/groups/edit/{group.pk}/", data)
    assert response.status_code == 200 and "不属于任何一个县级站点" in response.content.decode()
    assert GroupPagePermission.objects.filter(group=group, page=a.pages["home"]).exists()


@pytest.mark.parametrize("view", ["copy", "move"])
def test_copy_or_move_under_another_sites_page_names_nothing(client, sites, login, view):
    a, b = sites
    login("maintainer")
    page, other = a.pages["draft"], b.pages["private"]
    data = {"new_title": "复制", "new_slug": "fuzhi", "new_parent_page": str(other.pk)}
    response = client.post(f"/admin/pages/{page.pk}/{view}/", data)
    assert response.status_code in REFUSED
    assert other.title not in body(response)
    assert not Page.objects.filter(slug="fuzhi").exists()
    page.refresh_from_db()
    assert page.get_parent().pk == a.pages["column"].pk
