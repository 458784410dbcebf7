"""Middleware that lets each request's site decide the theme its templates come from."""

from . import themes


class ThemeMiddleware:
    """Bind the request to the theme machinery for the duration of the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = themes.activate_for_request(request)
        try:
            return self.get_response(request)
        finally:
            themes.deactivate(token)
