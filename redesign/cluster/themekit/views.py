"""The style guide at /_styleguide/: every block and page type of a site, in a chosen theme.

It answers on each site's own host, so it renders with the site's base template and furniture.
Only users who may edit pages of that site see it: anonymous visitors are sent to the login page,
other users get 403. A page shown in the chosen theme (?page_id=) must be a live page of the
request's own site, else 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from wagtail.models import Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import SiteIdentity
from ..themes import Theme, available_themes, get_theme, use_theme
from .catalogue import families, page_types, preview_value

EDIT_ACTIONS = {"add", "change", "publish"}
CACHE_CONTROL = "private, no-store"


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark every answer of a view as private and never stored (it depends on who asks)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Call the view and set Cache-Control and Vary on its answer."""
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapped


def may_edit_site(user, site: Site) -> bool:
    """Whether the user may add, change or publish any page of the site's tree."""
    if not user.is_authenticated or not user.is_active:
        return False
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    root = site.root_page
    return pages.filter(path__startswith=root.path, depth__gte=root.depth).exists()


def _site_theme(request: HttpRequest) -> Theme:
    """The theme the request's site has chosen (its own, not a preview's)."""
    identity = SiteIdentity.for_request_or_none(request)
    return get_theme(identity.theme if identity else None)


def _rendered(entry, request: HttpRequest) -> dict[str, str]:
    """The html (or the error) of one block rendered from its preview value."""
    try:
        html = entry.block.render(preview_value(entry.block), context={"request": request})
    except Exception as err:  # noqa: BLE001 - the guide shows a designer what broke
        return {"html": "", "error": f"{type(err).__name__}: {err}"}
    return {"html": html, "error": ""}


def _page_examples(site: Site) -> list[dict]:
    """Each page type with its template and the newest live page of that type on the site."""
    root = site.root_page
    rows = []
    for page_type in page_types():
        example = (
            page_type.model.objects.live()
            .filter(path__startswith=root.path, depth__gte=root.depth)
            .order_by("-last_published_at", "-pk")
            .only("id", "title")
            .first()
        )
        rows.append({"type": page_type, "example": example})
    return rows


def _serve_page(request: HttpRequest, site: Site, page_id: str, theme: Theme) -> HttpResponse:
    """A live page of the request's site served in the chosen theme, or 404."""
    root = site.root_page
    page = (
        Page.objects.live()
        .filter(path__startswith=root.path, depth__gte=root.depth, pk=page_id)
        .first()
        if page_id.isdigit()
        else None
    )
    if page is None:
        return HttpResponseNotFound(_("本站没有这个页面。"))
    page = page.specific
    with use_theme(theme.name):
        response = page.serve(request)
        if hasattr(response, "render"):
            response.render()
    return response


@private
def styleguide(request: HttpRequest) -> HttpResponse:
    """The style guide of the request's site, in ?theme= (default: the site's own theme)."""
    site = Site.find_for_request(request)
    if site is None:
        return HttpResponseNotFound(_("没有与此域名对应的站点。"))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not may_edit_site(request.user, site):
        return HttpResponseForbidden(_("只有本站的编辑人员可以查看样式指南。"))
    themes = available_themes()
    name = request.GET.get("theme") or _site_theme(request).name
    if name not in themes:
        return HttpResponseNotFound(_("主题「%(name)s」不存在。") % {"name": name})
    theme = themes[name]
    page_id = request.GET.get("page_id", "")
    if page_id:
        return _serve_page(request, site, page_id, theme)
    with use_theme(theme.name):
        groups = [
            {
                "key": key,
                "label": label,
                "items": [{"entry": entry, **_rendered(entry, request)} for entry in entries],
            }
            for key, label, entries in families()
        ]
        response = render(
            request,
            "cluster/styleguide.html",
            {
                "page": None,
                "chosen_theme": theme,
                "theme_options": list(themes.values()),
                "families": groups,
                "page_examples": _page_examples(site),
            },
        )
    return response
