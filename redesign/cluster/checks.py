"""System checks of the cluster's settings: themes, the admin's URL and host, production."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.http.request import split_domain_port, validate_host

from .themes import BASE_THEME, available_themes, default_theme_name, themes_dir


@register()
def check_default_theme(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """REDESIGN_DEFAULT_THEME and the base theme must both be folders of the themes folder."""
    themes = available_themes()
    errors = []
    for name, setting in (
        (BASE_THEME, "the base theme"),
        (default_theme_name(), "REDESIGN_DEFAULT_THEME"),
    ):
        if name not in themes:
            errors.append(
                Error(
                    f"{setting} {name!r} is not a theme in {themes_dir()}.",
                    hint=f"Available themes: {', '.join(themes) or 'none'}.",
                    id="cluster.E001",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_admin_base_url(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """A deployed cluster names its admin's absolute URL (links in mail, the user bar)."""
    url = getattr(settings, "WAGTAILADMIN_BASE_URL", None) or ""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return []
    return [
        Error(
            "WAGTAILADMIN_BASE_URL is not set to the admin's absolute URL.",
            hint="Set the WAGTAILADMIN_BASE_URL environment variable, "
            "e.g. https://admin.gxnews.example.",
            id="cluster.E002",
        )
    ]


@register(Tags.security)
def check_admin_hostname_allowed(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """REDESIGN_ADMIN_HOSTNAME, when set, must be a host ALLOWED_HOSTS accepts."""
    admin_host = (getattr(settings, "REDESIGN_ADMIN_HOSTNAME", "") or "").strip().lower()
    if not admin_host or not settings.ALLOWED_HOSTS:
        return []
    domain, _port = split_domain_port(admin_host)
    if domain and validate_host(domain, settings.ALLOWED_HOSTS):
        return []
    return [
        Error(
            f"REDESIGN_ADMIN_HOSTNAME {admin_host!r} is not accepted by ALLOWED_HOSTS.",
            hint="Add the admin host to ALLOWED_HOSTS, or every admin request is refused.",
            id="cluster.E003",
        )
    ]


@register(Tags.security, deploy=True)
def check_admin_hostname_set(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """In production the admin should answer on the cluster's own host only."""
    if getattr(settings, "REDESIGN_ENVIRONMENT", "") != "production":
        return []
    if (getattr(settings, "REDESIGN_ADMIN_HOSTNAME", "") or "").strip():
        return []
    return [
        Warning(
            "REDESIGN_ADMIN_HOSTNAME is not set: the admin login answers on every county's "
            "hostname.",
            hint="Set REDESIGN_ADMIN_HOSTNAME to the cluster's admin host, e.g. "
            "admin.gxnews.example.",
            id="cluster.W001",
        )
    ]
