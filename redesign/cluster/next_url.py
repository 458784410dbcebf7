"""Where a small public view sends the visitor back: a page of the same host, never elsewhere."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def same_host_next(request: HttpRequest) -> str:
    """The ?next= address when it stays on this host (no open redirect), else the home page."""
    target = request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"
