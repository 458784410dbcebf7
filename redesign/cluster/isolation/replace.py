"""Serve some of Wagtail's own admin URLs with the cluster's confined subclasses of their views.

Wagtail has no hook to swap the view behind a built-in admin URL (reports, the page chooser, the
forms index), and URL patterns registered through `register_admin_urls` come after the built-in
ones, so a pattern with the same path would never be reached. Instead, while Wagtail builds its
admin URLconf (it calls the `register_admin_urls` hooks before it wraps every view in its admin
access check, its 404 page and never_cache), the named patterns get the confined view as their
callback. The URLs, names and decorators stay Wagtail's; a name that is missing (renamed in a
Wagtail upgrade) stops the start-up rather than leaving the view unconfined.
"""

import sys
from collections.abc import Callable, Iterator

from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver
from wagtail import hooks

ADMIN_URLCONF = "wagtail.admin.urls"
MARK = "cluster_isolation"  # set on a replacement view; kept by Wagtail's update_wrapper

_replacements: dict[str, Callable] = {}


def confined_view(view: Callable) -> Callable:
    """Mark a view function as one of the cluster's replacements."""
    setattr(view, MARK, True)
    return view


def serve_with(name: str, view: Callable) -> None:
    """Serve the admin URL named `name` ("namespace:name") with the given view function."""
    _replacements[name] = confined_view(view)


def _named_patterns(patterns, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    """Every URL pattern with its full name (namespace:name), through includes."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            joined = ":".join(part for part in (namespace, inner) if part)
            yield from _named_patterns(pattern.url_patterns, joined)
        elif isinstance(pattern, URLPattern) and pattern.name:
            full = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield full, pattern


def install(urlpatterns: list) -> list[str]:
    """Give the named patterns their replacement views; return the names replaced."""
    replaced = []
    for full_name, pattern in _named_patterns(urlpatterns):
        view = _replacements.get(full_name)
        if view is not None and not getattr(pattern.callback, MARK, False):
            pattern.callback = view
            replaced.append(full_name)
    found = {full_name for full_name, _ in _named_patterns(urlpatterns)}
    missing = sorted(set(_replacements) - found)
    if missing:
        raise ImproperlyConfigured(
            f"cluster isolation: no admin URL named {', '.join(missing)} to confine"
        )
    return replaced


@hooks.register("register_admin_urls", order=1000)
def install_confined_views() -> list:
    """Run last while Wagtail builds its admin URLconf, so every app's patterns are there."""
    admin_urls = sys.modules.get(ADMIN_URLCONF)
    # only while the module runs: once it is built its views are wrapped and must stay so
    building = admin_urls is not None and getattr(admin_urls.__spec__, "_initializing", False)
    if building and hasattr(admin_urls, "urlpatterns"):
        install(admin_urls.urlpatterns)
    return []
