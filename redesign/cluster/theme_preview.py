"""Whole-site theme preview: a signed link shows editors and leaders the live site in another theme.

An editor of a site asks the admin for a preview link of a theme; the link (signed, valid for
PREVIEW_MAX_AGE) sets a signed cookie on the site's own host, and while it is set every public page
renders in that theme, with a bar saying so. Nobody without the link sees anything change, and the
preview ends when the issuer loses the right to edit the site. The cookie, not the session, carries
it, so it works when the admin runs on a host of its own.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import never_cache
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import themes
from .next_url import same_host_next

COOKIE_NAME = "redesign_theme_preview"
SALT = "redesign.cluster.theme_preview"
# A redesign is reviewed over days, by leaders who open the link on their phones.
PREVIEW_MAX_AGE = 7 * 24 * 3600
PAGE_ACTIONS = ("add", "change", "publish")


@dataclass(frozen=True)
class Preview:
    """A preview in force: which site, which theme, and who issued the link."""

    site_id: int
    theme: str
    issuer_id: int

    @property
    def theme_object(self) -> themes.Theme:
        """The theme being previewed."""
        return themes.get_theme(self.theme)


def _permission_paths(user) -> list[str]:
    """The tree paths of the pages the user holds an editing permission on."""
    codenames = {f"{action}_page" for action in PAGE_ACTIONS}
    return [
        perm.page.path
        for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)
        if perm.permission.codename in codenames
    ]


def _covers(paths: list[str], site: Site) -> bool:
    """Whether a permission at one of the paths reaches into the site's tree (or holds it all)."""
    root = site.root_page.path
    return any(root.startswith(p) or p.startswith(root) for p in paths)


def may_preview(user, site: Site) -> bool:
    """Whether the user may issue previews of the site: an active editor of any of its pages."""
    if not (user and user.is_active):
        return False
    return user.is_superuser or _covers(_permission_paths(user), site)


def previewable_sites(user) -> list[Site]:
    """The sites whose themes the user may preview (two queries, however many sites)."""
    if not (user and user.is_active):
        return []
    sites = Site.objects.select_related("root_page").order_by("site_name", "hostname")
    if user.is_superuser:
        return list(sites)
    paths = _permission_paths(user)
    return [site for site in sites if _covers(paths, site)] if paths else []


def sign(preview: Preview) -> str:
    """The signed token of a preview (also the cookie's value)."""
    return signing.dumps(
        {"s": preview.site_id, "t": preview.theme, "u": preview.issuer_id}, salt=SALT, compress=True
    )


def unsign(token: str) -> Preview | None:
    """The preview a token stands for, or None when it is forged, expired or malformed."""
    try:
        data = signing.loads(token, salt=SALT, max_age=PREVIEW_MAX_AGE)
        return Preview(site_id=int(data["s"]), theme=str(data["t"]), issuer_id=int(data["u"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def still_valid(preview: Preview, site: Site) -> bool:
    """Whether a preview is of this site, names a known theme, and its issuer still edits it."""
    if preview.site_id != site.pk or preview.theme not in themes.available_themes():
        return False
    issuer = get_user_model().objects.filter(pk=preview.issuer_id).first()
    return issuer is not None and may_preview(issuer, site)


def preview_link(site: Site, theme_name: str, user) -> str:
    """The absolute link that starts a preview of the theme on the site's own host."""
    token = sign(Preview(site_id=site.pk, theme=theme_name, issuer_id=user.pk))
    return f"{site.root_url}{reverse('theme_preview')}?{urlencode({'token': token})}"


def preview_for_request(request: HttpRequest) -> Preview | None:
    """The preview in force for this request, checked once and kept on the request."""
    if hasattr(request, "_redesign_theme_preview"):
        return request._redesign_theme_preview
    preview = None
    token = request.COOKIES.get(COOKIE_NAME)
    if token:
        site = Site.find_for_request(request)
        candidate = unsign(token)
        if site is not None and candidate is not None and still_valid(candidate, site):
            preview = candidate
    request._redesign_theme_preview = preview
    return preview


def mark_private(response: HttpResponse) -> None:
    """Keep a previewed page out of every shared cache."""
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])


def _set_cookie(response: HttpResponse, request: HttpRequest, preview: Preview) -> None:
    """Carry the preview in a cookie of the site's own host."""
    response.set_cookie(
        COOKIE_NAME,
        sign(preview),
        max_age=PREVIEW_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


@never_cache
def theme_preview(request: HttpRequest) -> HttpResponse:
    """Start (token=), change (theme=) or end (exit=1) this site's theme preview."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    response = HttpResponseRedirect(same_host_next(request))
    if request.GET.get("exit"):
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
    token = request.GET.get("token")
    if token:
        preview = unsign(token)
    else:
        current = preview_for_request(request)
        theme_name = request.GET.get("theme", "")
        preview = current and Preview(current.site_id, theme_name, current.issuer_id)
    if preview is None or not still_valid(preview, site):
        return render(request, "cluster/theme_preview_refused.html", {"page": None}, status=403)
    _set_cookie(response, request, preview)
    return response
