"""System checks of the cluster's settings: the default theme must be a theme that exists."""

from typing import Any

from django.core.checks import Error, register

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
