"""Middleware that lets each request's site decide the theme its templates come from."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import theme_preview, themes
from .models import SiteIdentity

ADMIN_PATH_PREFIX = "/admin/"


def theme_name_for_request(request: HttpRequest) -> str:
    """The theme the request's site has chosen (else the default theme), cached on the request."""
    cached = getattr(request, "_redesign_theme_name", None)
    if cached is None:
        cached = themes.default_theme_name()
        if not request.path.startswith(ADMIN_PATH_PREFIX):
            preview = theme_preview.preview_for_request(request)
            if preview is not None:
                cached = preview.theme
            else:
                identity = SiteIdentity.for_request_or_none(request)
                if identity is not None and identity.theme:
                    cached = identity.theme
        request._redesign_theme_name = cached
    return cached


class ThemeMiddleware:
    """Bind the request's site's theme to the theme machinery for the duration of the response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        """Keep the next handler of the chain."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Render the response with the theme of the request's site, looked up when first needed."""
        token = themes.activate(lambda: theme_name_for_request(request))
        try:
            response = self.get_response(request)
        finally:
            themes.deactivate(token)
        if getattr(request, "_redesign_theme_preview", None) is not None:
            theme_preview.mark_private(response)
        return response
