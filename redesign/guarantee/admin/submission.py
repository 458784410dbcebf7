"""投稿 in the admin: users without change permission at a page (informants) file news only.

An informant's groups hold add_page on the site's home, which Wagtail reads as "may add any
page type anywhere in the site". Here a user who may not change the parent may create only an
article, and only under a news column (要闻, 动态); other create views answer 403 with a Chinese
message naming the columns they may use, and the listing's "add child page" button is hidden
where they could add nothing. Publishing stays out of reach: informants hold no publish_page.
"""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from redesign.core.column_types import ColumnType
from redesign.core.models import ArticlePage, ColumnPage


def files_news_only(user, parent: Page) -> bool:
    """Whether the user lacks change permission at the parent, and so may file news only."""
    if not user.is_active or user.is_superuser:
        return False
    tester = parent.permissions_for_user(user)
    return "change" not in getattr(tester, "permissions", set())


def is_news_column(page: Page) -> bool:
    """Whether the page is a column of the news type (要闻, 动态, 政务动态)."""
    specific = page.specific_deferred
    return isinstance(specific, ColumnPage) and specific.column_type == ColumnType.NEWS


def may_create(user, parent: Page, page_class: type) -> bool:
    """Whether the user may create a page of the class under the parent, by this rule."""
    if not files_news_only(user, parent):
        return True
    return issubclass(page_class, ArticlePage) and is_news_column(parent)


def _news_columns_near(parent: Page, user) -> list[ColumnPage]:
    """The news columns of the parent's site the user may add to (for the refusal's links)."""
    site = parent.get_site()
    if site is None:
        return []
    columns = ColumnPage.objects.descendant_of(site.root_page).filter(column_type=ColumnType.NEWS)
    return [c for c in columns.order_by("path") if c.permissions_for_user(user).can_add_subpage()]


@hooks.register("before_create_page")
def refuse_pages_informants_may_not_create(
    request: HttpRequest, parent_page: Page, page_class: type
) -> HttpResponse | None:
    """403 with a Chinese message when an informant creates anything but a news article."""
    if may_create(request.user, parent_page, page_class):
        return None
    return TemplateResponse(
        request,
        "guarantee/submission/admin_forbidden.html",
        {
            "header_title": _("不能在此处创建页面"),
            "page_title": _("不能在此处创建页面"),
            "header_icon": "warning",
            "message": _(
                "您是信息员，只能在新闻、动态类栏目中添加文章；其他栏目和页面请联系审核或维护人员。"
            ),
            "parent_page": parent_page,
            "columns": _news_columns_near(parent_page, request.user),
        },
        status=403,
    )


@hooks.register("construct_page_listing_buttons")
def hide_add_child_where_informants_add_nothing(buttons, page, user, context=None) -> None:
    """Drop "add child page" from a listing row where the user could create nothing."""
    if not files_news_only(user, page) or is_news_column(page):
        return
    add_url = reverse("wagtailadmin_pages:add_subpage", args=[page.pk])

    def keep(button) -> bool:
        """Whether the button is not the row's add-child link."""
        return (getattr(button, "url", "") or "").split("?")[0] != add_url

    buttons[:] = [button for button in buttons if keep(button)]
    for button in buttons:
        nested = getattr(button, "dropdown_buttons", None)
        if isinstance(nested, list):
            nested[:] = [item for item in nested if keep(item)]
