"""Static checks of the default theme's files: no remote resources, required furniture present."""

import re
import tomllib
from pathlib import Path

import pytest

from redesign.cluster.themes import get_theme

THEME = Path(get_theme("default").path)
TEMPLATES = sorted((THEME / "templates").rglob("*.html"))
STATIC_TEXT = sorted(
    p for p in (THEME / "static").rglob("*") if p.suffix in {".css", ".js", ".svg"}
)

# Addresses a government site must link to; anything else absolute is a remote resource.
ALLOWED_HOSTS = ("beian.miit.gov.cn", "beian.mps.gov.cn", "zfwzgl.www.gov.cn")
URL_RE = re.compile(r"https?://[^\s\"'<>)]+")


def test_theme_has_the_expected_files():
    names = {str(p.relative_to(THEME / "templates")) for p in TEMPLATES}
    for name in (
        "base.html",
        "404.html",
        "500.html",
        "core/home_page.html",
        "core/column_page.html",
        "core/article_page.html",
        "core/standard_page.html",
        "core/industry_page.html",
        "core/site_map.html",
        "search/search.html",
    ):
        assert name in names, name
    for name in ("css/site.css", "js/a11y.js", "img/emblem.svg", "img/conac.svg", "img/banner.svg"):
        assert (THEME / "static" / name).is_file(), name


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(THEME)))
def test_templates_reference_no_remote_resources(path):
    source = path.read_text(encoding="utf-8")
    for url in URL_RE.findall(source):
        assert any(f"//{host}/" in url or url.endswith(f"//{host}") for host in ALLOWED_HOSTS), (
            f"{path.name} references {url}"
        )


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(THEME)))
def test_templates_have_no_inline_event_handlers(path):
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"\son[a-z]+\s*=", source), path.name


@pytest.mark.parametrize("path", STATIC_TEXT, ids=lambda p: str(p.relative_to(THEME)))
def test_static_files_load_nothing_remote(path):
    source = path.read_text(encoding="utf-8")
    assert "@import" not in source
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", source)
    assert "fetch(" not in source and "XMLHttpRequest" not in source
    # SVG namespace declarations are names, not requests.
    remote = [u for u in URL_RE.findall(source) if not u.startswith("http://www.w3.org/")]
    assert not remote, f"{path.name}: {remote}"


def test_static_references_use_the_theme_prefix():
    for path in TEMPLATES:
        for ref in re.findall(r"{% static '([^']+)' %}", path.read_text(encoding="utf-8")):
            assert ref.startswith("themes/default/"), f"{path.name}: {ref}"
            assert (THEME / "static" / ref.removeprefix("themes/default/")).is_file(), ref


def test_theme_toml_tokens_are_used_by_the_stylesheet():
    with open(THEME / "theme.toml", "rb") as fh:
        tokens = tomllib.load(fh)["tokens"]
    css = (THEME / "static" / "css" / "site.css").read_text(encoding="utf-8")
    for name in ("color-primary", "color-accent", "font-family", "font-size-base"):
        assert name in tokens
        assert f"var(--{name}" in css, name
    assert "is-large-text" in css and "is-high-contrast" in css
    assert "@media print" in css
    assert ":focus-visible" in css
