"""Keep the Wagtail admin on the cluster's own admin host (REDESIGN_ADMIN_HOSTNAME).

When the setting is set, a GET or HEAD for /admin/... on any other hostname is redirected to the
same path on the admin host, so bookmarks and old links still reach the login page; any other
method there (a login attempt, a form) is answered 404 and never replayed to the admin host.
Unset, the admin answers on every site's hostname (dev and the demo).
"""

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.request import split_domain_port

from .middleware import ADMIN_PATH_PREFIX

REDIRECTED_METHODS = frozenset({"GET", "HEAD"})


def admin_hostname() -> str:
    """The configured admin host in lower case, '' when the admin answers on every host."""
    return (getattr(settings, "REDESIGN_ADMIN_HOSTNAME", "") or "").strip().lower()


def is_admin_path(path: str) -> bool:
    """Whether a request path is the admin's (/admin or anything under /admin/)."""
    return path == ADMIN_PATH_PREFIX.rstrip("/") or path.startswith(ADMIN_PATH_PREFIX)


def admin_host_for(request: HttpRequest, admin_host: str) -> str | None:
    """The host to send the request to, or None when it already is on the admin host.

    A setting without a port matches the admin hostname on any port and keeps the request's
    port (admin.localhost serves admin.localhost:8000 in dev); one with a port matches exactly.
    """
    host = request.get_host().lower()
    domain, port = split_domain_port(host)
    wanted_domain, wanted_port = split_domain_port(admin_host)
    if wanted_port:
        return None if host == admin_host else admin_host
    if domain == wanted_domain:
        return None
    return f"{admin_host}:{port}" if port else admin_host


class AdminHostMiddleware:
    """Redirect (GET, HEAD) or refuse (other methods) admin requests off the admin host."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        """Keep the next handler of the chain."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Answer admin paths on other hosts before sessions, CSRF or any view see them."""
        admin_host = admin_hostname()
        if admin_host and is_admin_path(request.path_info):
            target = admin_host_for(request, admin_host)
            if target is not None:
                if request.method not in REDIRECTED_METHODS:
                    raise Http404("The admin is served on the cluster's admin host.")
                return HttpResponseRedirect(f"{request.scheme}://{target}{request.get_full_path()}")
        return self.get_response(request)
