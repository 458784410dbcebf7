"""Informants in the admin: they create articles under news columns only, and never publish."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from redesign.core.models import ArticlePage
from tests.conftest import column_of

NAPO = "napo.localhost"


def admin_client(user) -> Client:
    """A client logged in to the admin as the user."""
    client = Client()
    client.force_login(user)
    return client


def create_url(model: str, parent: Page) -> str:
    """The admin's create view of a core page type under the parent."""
    return reverse("wagtailadmin_pages:add", args=["core", model, parent.pk])


def article_post(title: str, **extra) -> dict:
    """The admin form's post for an article with an empty body."""
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", "test-article"),
            "origin": "original",
            "body": streamfield([]),
            "attachments": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_informant_creates_articles_under_news_columns(county, staff):
    """要闻 and 政务动态 open the article form for an informant."""
    client = admin_client(staff["informant"])
    for slug in ("yaowen", "zwdt"):
        response = client.get(create_url("articlepage", column_of(county, slug)), HTTP_HOST=NAPO)
        assert response.status_code == 200, slug


@pytest.mark.parametrize(
    ("model", "parent_slug"),
    [
        ("articlepage", "tzgg"),  # a notice column
        ("articlepage", "zcwj"),  # a policy-document column
        ("columnpage", "yaowen"),  # a sub-column under news
        ("standardpage", "yaowen"),
        ("standardpage", None),  # a static page under the home
    ],
)
def test_informant_is_refused_everything_else(county, staff, model, parent_slug):
    """Other page types and other columns answer 403 with a Chinese message; POST makes nothing."""
    parent = column_of(county, parent_slug) if parent_slug else county.home
    client = admin_client(staff["informant"])
    url = create_url(model, parent)
    response = client.get(url, HTTP_HOST=NAPO)
    assert response.status_code == 403
    html = response.content.decode()
    assert "只能在新闻、动态类栏目中添加文章" in html
    assert create_url("articlepage", column_of(county, "yaowen")) in html
    before = Page.objects.count()
    posted = client.post(url, article_post("不应创建"), HTTP_HOST=NAPO)
    assert posted.status_code == 403
    assert Page.objects.count() == before


def test_reviewers_and_maintainers_are_not_restricted(county, staff):
    """Change permission at the parent lifts the rule: notices and static pages open."""
    reviewer, maintainer = admin_client(staff["reviewer"]), admin_client(staff["maintainer"])
    notices = create_url("articlepage", column_of(county, "tzgg"))
    assert reviewer.get(notices, HTTP_HOST=NAPO).status_code == 200
    assert maintainer.get(notices, HTTP_HOST=NAPO).status_code == 200
    static = create_url("standardpage", county.home)
    assert maintainer.get(static, HTTP_HOST=NAPO).status_code == 200


def test_informant_creates_and_submits_from_the_admin(county, staff):
    """The admin's own create form works for an informant and submits to the workflow."""
    column = column_of(county, "yaowen")
    client = admin_client(staff["informant"])
    response = client.post(
        create_url("articlepage", column),
        article_post("后台投稿", slug="houtai", **{"action-submit": "submit"}),
        HTTP_HOST=NAPO,
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(title="后台投稿")
    assert not page.live and page.owner == staff["informant"]
    assert page.current_workflow_state is not None


def test_informant_cannot_publish_their_draft(county, staff):
    """The edit view offers no publish action, and posting action-publish keeps it a draft."""
    column = column_of(county, "yaowen")
    page = ArticlePage(title="我的草稿", slug="draft", owner=staff["informant"], live=False)
    column.add_child(instance=page)
    page.save_revision(user=staff["informant"])
    client = admin_client(staff["informant"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    html = client.get(edit_url, HTTP_HOST=NAPO).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    response = client.post(
        edit_url,
        article_post("我的草稿（改）", slug="draft", **{"action-publish": "publish"}),
        HTTP_HOST=NAPO,
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().as_object().title == "我的草稿（改）"
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def row_menus(user, page: Page) -> str:
    """The "more" dropdown menus of the explorer's rows under the page, as the user sees them."""
    html = (
        admin_client(user)
        .get(reverse("wagtailadmin_explore", args=[page.pk]), HTTP_HOST=NAPO)
        .content.decode()
    )
    return "".join(DROPDOWN.findall(html))


DROPDOWN = re.compile(r'data-w-dropdown-target="content".*?</div>', re.DOTALL)


def test_add_child_button_is_hidden_where_informants_add_nothing(county, staff):
    """The rows' menus offer "add child page" to informants on news columns only."""
    informant_menus = row_menus(staff["informant"], county.home)
    maintainer_menus = row_menus(staff["maintainer"], county.home)
    for slug, shown in (("yaowen", True), ("zwdt", True), ("tzgg", False), ("gkxx", False)):
        child = Page.objects.child_of(county.home).get(slug=slug)
        add_url = reverse("wagtailadmin_pages:add_subpage", args=[child.pk])
        assert (add_url in informant_menus) is shown, slug
        assert add_url in maintainer_menus, slug
