"""The group edit form refuses page permissions that would span more than one county site.

Page permissions reach groups through create_county_site, on a site's home page. In the admin's
group form, a page permission on the tree root (or on any page no site is rooted above) would
give the group every county's pages; a permission panel registered with Wagtail's
`register_group_permission_panel` hook reads the page permission rows the form posts and makes
the form invalid, with the reason in Chinese beside the page permissions, before anything is
saved.
"""

from django import forms
from django.contrib.auth.models import Group
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.users.forms import GroupPagePermissionFormSet


def pages_outside_every_site(pages: list[Page]) -> list[Page]:
    """The pages no site's root page is at or above: the tree root, or pages of no site."""
    roots = [site.root_page.path for site in Site.objects.select_related("root_page")]
    return [page for page in pages if not any(page.path.startswith(root) for root in roots)]


class SiteWidePagePermissionGuard:
    """A group permission panel: no page permission on a page outside every county site."""

    media = forms.Media()

    def __init__(self, data=None, files=None, instance: Group | None = None, prefix=None):
        self.data, self.files = data, files
        self.instance = instance if instance is not None else Group()
        self.errors: list[str] = []

    def granted_pages(self) -> list[Page]:
        """The pages the posted page permission rows grant at least one permission on."""
        formset = GroupPagePermissionFormSet(self.data, self.files, instance=self.instance)
        if not formset.is_valid():
            return []  # Wagtail's own page permission panel shows those errors
        return [
            form.cleaned_data["page"]
            for form in formset.forms
            if form not in formset.deleted_forms
            and form.cleaned_data.get("page")
            and form.cleaned_data.get("permissions")
        ]

    def is_valid(self) -> bool:
        """Whether the posted page permissions stay inside single county sites."""
        if self.data is None:
            return True
        self.errors = [
            _(
                "不能在「%(title)s」上授予页面权限：它不属于任何一个县级站点"
                "（页面树的根涵盖所有站点）。请在站点首页上授权，"
                "站点的用户组由 create_county_site 创建。"
            )
            % {"title": page.get_admin_display_title()}
            for page in pages_outside_every_site(self.granted_pages())
        ]
        return not self.errors

    def save(self) -> None:
        """Nothing to save: the page permissions are Wagtail's own panel's."""

    def as_admin_panel(self) -> SafeString:
        """The reasons the page permissions were refused, or nothing."""
        if not self.errors:
            return SafeString("")
        items = format_html_join("", "<li>{}</li>", ((error,) for error in self.errors))
        return format_html(
            '<div class="help-block help-critical" role="alert"><ul class="errorlist">{}</ul>'
            "</div>",
            items,
        )


@hooks.register("register_group_permission_panel", order=-100)
def register_site_wide_page_permission_guard() -> type:
    """Shown first among the panels, after Wagtail's page permissions."""
    return SiteWidePagePermissionGuard
