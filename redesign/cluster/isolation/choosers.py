"""The page chooser, confined to the pages of the user's sites.

Wagtail's `construct_page_chooser_queryset` hook cuts what the chooser lists when browsing and
searching. What the hook cannot reach is confined by subclasses of the chooser views, served at
Wagtail's own URLs (replace.py): the browsed parent page itself, the starting parent for a
page type, the pages returned as chosen by id, and an external URL turned into a page link.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.views import chooser
from wagtail.models import Page

from redesign.core.scope import scope_for

from .replace import serve_with


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request: HttpRequest):
    """Only pages of the user's sites, browsing or searching."""
    return scope_for(request.user).confine_pages(pages)


class ConfinedBrowseView(chooser.BrowseView):
    """Browsing refuses a parent page outside the user's sites and starts within them."""

    def get(self, request: HttpRequest, parent_page_id: int | None = None) -> HttpResponse:
        """Check or choose the parent page, then browse it as Wagtail does."""
        scope = scope_for(request.user)
        if scope.everything:
            return super().get(request, parent_page_id)
        if parent_page_id:
            parent = Page.objects.filter(pk=parent_page_id).only("path").first()
            if parent is not None and not scope.sees(parent):
                raise PermissionDenied
            return super().get(request, parent_page_id)
        try:
            desired = chooser.page_models_from_string(
                request.GET.get("page_type") or chooser.base_page_type_string
            )
        except (ValueError, LookupError):
            return super().get(request)  # Wagtail answers 404
        if desired == (Page,):
            return super().get(request)
        # Wagtail starts at the common ancestor of every page of the type, in every site
        own = scope.confine_pages(Page.objects.type(*desired))
        start = own.first_common_ancestor() if own.exists() else Page.get_first_root_node()
        return super().get(request, start.pk)


class ConfinedChosenMultipleView(chooser.ChosenMultipleView):
    """Pages chosen by id are returned only when they are in the user's sites."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """Wagtail's answer for the chosen ids that lie in the user's sites."""
        pages = Page.objects.filter(pk__in=request.GET.getlist("id"))
        pages = scope_for(request.user).confine_pages(pages).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


class ConfinedExternalLinkView(chooser.ExternalLinkView):
    """An external URL becomes a page link only when the page is in the user's sites."""

    def post(self, request: HttpRequest) -> HttpResponse:
        """Wagtail's answer, unless it names a page of another site: then the plain URL."""
        response = super().post(request)
        scope = scope_for(request.user)
        if scope.everything or not self.form.is_valid():
            return response
        data = json.loads(response.content)
        internal = data.get("internal") or (data.get("result") or {})
        page_id = internal.get("id") if isinstance(internal, dict) else None
        if page_id is None:
            return response
        page = Page.objects.filter(pk=page_id).only("path").first()
        if page is not None and scope.contains(page):
            return response
        return self.render_chosen_response(self.get_result_data())


serve_with("wagtailadmin_choose_page", ConfinedBrowseView.as_view())
serve_with("wagtailadmin_choose_page_child", ConfinedBrowseView.as_view())
serve_with("wagtailadmin_choose_page_chosen_multiple", ConfinedChosenMultipleView.as_view())
serve_with("wagtailadmin_choose_page_external_link", ConfinedExternalLinkView.as_view())
