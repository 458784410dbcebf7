"""Fixtures of the theme kit's tests: a themes folder of their own, caches reset around it."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines

from redesign.cluster import themes

REAL_THEMES = Path(settings.BASE_DIR) / "site_templates"


def reset_theme_caches() -> None:
    """Forget the theme registry and every cached template."""
    themes.available_themes.cache_clear()
    for engine in engines.all():
        engine.engine.template_loaders[0].reset()


@pytest.fixture
def theme_root(tmp_path, settings):
    """A themes folder holding a copy of the real default and hongse themes."""
    root = tmp_path / "site_templates"
    root.mkdir()
    for name in ("default", "hongse"):
        shutil.copytree(REAL_THEMES / name, root / name)
    settings.THEMES_DIR = root
    reset_theme_caches()
    yield root
    reset_theme_caches()


def add_theme(root: Path, name: str, templates: dict[str, str]) -> Path:
    """A theme folder in root with the given templates (path → text)."""
    folder = root / name
    (folder / "templates").mkdir(parents=True)
    (folder / "theme.toml").write_text(f'label = "测试{name}"\n', encoding="utf-8")
    for path, text in templates.items():
        target = folder / "templates" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    reset_theme_caches()
    return folder
