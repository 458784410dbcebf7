"""Themes: folders in site_templates/ holding theme.toml, templates/ and static/.

A pure file-system registry plus the name of the theme being rendered now; which theme a request's
site has chosen is the middleware's business.
"""

import contextvars
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The complete theme every other theme extends: templates a theme lacks come from here.
BASE_THEME = "default"

# Either a theme name set explicitly, or a function that works it out when first needed.
_current: contextvars.ContextVar[str | Callable[[], str] | None] = contextvars.ContextVar(
    "redesign_current_theme", default=None
)


class ThemeError(ImproperlyConfigured):
    """A theme folder or its theme.toml is broken."""


@dataclass(frozen=True)
class Theme:
    """One theme: its name, label, design tokens and folders."""

    name: str
    label: str
    description: str
    path: Path
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def template_dir(self) -> Path:
        """The folder holding the theme's templates."""
        return self.path / "templates"

    @property
    def static_prefix(self) -> str:
        """The prefix of the theme's static files, for the {% static %} tag."""
        return f"themes/{self.name}/"

    def css_variables(self, overrides: dict[str, str] | None = None) -> str:
        """The design tokens as CSS custom property declarations (unsafe characters dropped)."""
        tokens = {**self.tokens, **(overrides or {})}
        return "".join(
            f"--{_clean_token(name)}:{_clean_token(value)};"
            for name, value in sorted(tokens.items())
            if value
        )


def _clean_token(value: str) -> str:
    """Drop characters that could end the declaration or the style element."""
    return "".join(ch for ch in str(value) if ch not in "<>{};\\")


def themes_dir() -> Path:
    """The folder that holds every theme."""
    return Path(getattr(settings, "THEMES_DIR", Path(settings.BASE_DIR) / "site_templates"))


def load_theme(path: Path) -> Theme:
    """Read one theme folder; raise ThemeError with the reason when it is broken."""
    toml_path = path / "theme.toml"
    try:
        with open(toml_path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as err:
        raise ThemeError(f"{path.name}: theme.toml is missing") from err
    except tomllib.TOMLDecodeError as err:
        raise ThemeError(f"{path.name}: theme.toml is not valid TOML ({err})") from err
    tokens = data.get("tokens", {})
    if not isinstance(tokens, dict) or not all(isinstance(v, str) for v in tokens.values()):
        raise ThemeError(f"{path.name}: [tokens] must map names to strings")
    return Theme(
        name=path.name,
        label=str(data.get("label", path.name)),
        description=str(data.get("description", "")),
        path=path,
        tokens=tokens,
    )


@lru_cache(maxsize=1)
def available_themes() -> dict[str, Theme]:
    """Every theme found in the themes folder, by name."""
    root = themes_dir()
    found = {}
    if root.is_dir():
        for path in sorted(root.iterdir()):
            if path.is_dir() and (path / "theme.toml").is_file():
                found[path.name] = load_theme(path)
    return found


def theme_choices() -> list[tuple[str, str]]:
    """Choices for a site's theme field."""
    return [(name, f"{theme.label}（{name}）") for name, theme in available_themes().items()]


def default_theme_name() -> str:
    """The theme of a site that has chosen none, and of pages outside any site's choice."""
    return getattr(settings, "REDESIGN_DEFAULT_THEME", "") or BASE_THEME


def get_theme(name: str | None) -> Theme:
    """The named theme, else the default theme, else the base theme (unknown or empty name)."""
    themes = available_themes()
    for candidate in (name, default_theme_name(), BASE_THEME):
        if candidate and candidate in themes:
            return themes[candidate]
    raise ThemeError(f"The base theme {BASE_THEME!r} is missing from {themes_dir()}")


def current_theme_name() -> str:
    """The theme of what is being rendered now: the one set, else the default theme."""
    value = _current.get()
    if value is None:
        return default_theme_name()
    if isinstance(value, str):
        return value
    return value()


def current_theme() -> Theme:
    """The Theme object of what is being rendered now."""
    return get_theme(current_theme_name())


@contextmanager
def use_theme(name: str) -> Iterator[None]:
    """Render with the named theme inside the block."""
    token = _current.set(name)
    try:
        yield
    finally:
        _current.reset(token)


def activate(resolve: Callable[[], str]) -> contextvars.Token:
    """Let resolve() name the current theme, when first needed, until the token is reset."""
    return _current.set(resolve)


def deactivate(token: contextvars.Token) -> None:
    """Undo activate."""
    _current.reset(token)
