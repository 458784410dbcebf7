"""Template loaders that look in the current theme first, then in the default and base themes."""

from collections.abc import Iterator

from django.core.exceptions import SuspiciousFileOperation
from django.template import Origin
from django.template.loaders.cached import Loader as CachedLoader
from django.template.loaders.filesystem import Loader as FilesystemLoader
from django.utils._os import safe_join

from .themes import BASE_THEME, available_themes, current_theme_name, default_theme_name


class ThemeLoader(FilesystemLoader):
    """Yield the current theme's template, then the default and base themes' of the same name."""

    def get_dirs(self) -> list[str]:
        """The current theme's template folder, then the default theme's, then the base theme's."""
        themes = available_themes()
        names = [current_theme_name(), default_theme_name(), BASE_THEME]
        dirs = []
        for name in dict.fromkeys(names):
            if name in themes:
                dirs.append(str(themes[name].template_dir))
        return dirs

    def get_template_sources(self, template_name: str) -> Iterator[Origin]:
        """One Origin per theme folder, so {% extends %} of the same name reaches the default."""
        for template_dir in self.get_dirs():
            try:
                name = safe_join(template_dir, template_name)
            except SuspiciousFileOperation:
                continue
            yield Origin(name=name, template_name=template_name, loader=self)


class CachedThemeLoader(CachedLoader):
    """Django's cached loader, keyed by theme as well as by template name."""

    def cache_key(self, template_name: str, skip: list | None = None) -> str:
        """Prefix the cache key with the current theme."""
        return f"{current_theme_name()}:{super().cache_key(template_name, skip)}"
