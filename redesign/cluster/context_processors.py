"""Template context for every page of a cluster site: identity, theme and navigation."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from . import reading_aids
from .admin_host import is_admin_path
from .models import SiteIdentity
from .theme_preview import preview_for_request
from .themes import current_theme, theme_choices


def _nav_columns(request: HttpRequest) -> list:
    """The live columns and pages shown in the site's main navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(
        site.root_page.get_children()
        .live()
        .in_menu()
        .only("id", "title", "slug", "url_path", "path", "depth", "locale_id")
    )


def cluster(request: HttpRequest) -> dict:
    """Lazy values: the site's identity, its theme and CSS tokens, and its navigation."""
    identity = SimpleLazyObject(lambda: SiteIdentity.for_request_or_none(request))

    def tokens() -> str:
        """The theme's design tokens as CSS variables, with the site's own overrides."""
        theme = current_theme()
        overrides = identity.token_overrides() if identity else {}
        return theme.css_variables(overrides)

    return {
        "site_identity": identity,
        "theme": SimpleLazyObject(current_theme),
        "theme_css_variables": SimpleLazyObject(tokens),
        "nav_columns": SimpleLazyObject(lambda: _nav_columns(request)),
        # The whole-site theme preview an editor's link started, if any (None for the public).
        "theme_preview": None if is_admin_path(request.path) else preview_for_request(request),
        "theme_preview_choices": SimpleLazyObject(theme_choices),
        # The visitor's 适老化 choices (type size, contrast, spacing, cursor), from their cookie.
        "reading_aids": reading_aids.for_request(request),
    }
