"""Refuse requests whose path or query string holds a NUL character, before any view reads them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

NUL = "\x00"


def has_nul(request: HttpRequest) -> bool:
    """Whether the decoded path or any query parameter name or value holds a NUL."""
    if NUL in request.path:
        return True
    return any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists())


class NullCharacterGuardMiddleware:
    """Answer 400 to a NUL in the URL: PostgreSQL text cannot hold one, so it would fail later."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        """Keep the next handler of the chain."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Refuse the request with 400 when its URL holds a NUL, else pass it on."""
        if has_nul(request):
            return HttpResponseBadRequest(
                _("请求地址含有不允许的字符。"), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
