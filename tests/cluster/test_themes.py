"""Themes: discovery, theme-first template resolution with fallback, tokens and errors."""

import pytest
from django.http import HttpResponse
from django.template import engines
from django.template.loader import render_to_string
from django.test import override_settings

from redesign.cluster import themes
from redesign.cluster.models import SiteIdentity
from redesign.cluster.provisioning import create_county_site


@pytest.fixture
def theme_root(tmp_path, settings):
    """A themes folder with a default theme and a child theme overriding one template."""
    default = tmp_path / "default" / "templates" / "themetest"
    default.mkdir(parents=True)
    (tmp_path / "default" / "theme.toml").write_text(
        'label = "默认"\n[tokens]\ncolor-primary = "#0b4ea2"\n', encoding="utf-8"
    )
    (default / "page.html").write_text(
        "<main>{% block content %}默认正文{% endblock %}</main>", encoding="utf-8"
    )
    (default / "footer.html").write_text("默认页脚", encoding="utf-8")
    red = tmp_path / "red" / "templates" / "themetest"
    red.mkdir(parents=True)
    (tmp_path / "red" / "theme.toml").write_text(
        'label = "中国红"\n[tokens]\ncolor-primary = "#c8161d"\n', encoding="utf-8"
    )
    (red / "page.html").write_text(
        '{% extends "themetest/page.html" %}{% block content %}红色正文 {{ block.super }}'
        "{% endblock %}",
        encoding="utf-8",
    )
    settings.THEMES_DIR = tmp_path
    themes.available_themes.cache_clear()
    for engine in engines.all():
        engine.engine.template_loaders[0].reset()
    yield tmp_path
    themes.available_themes.cache_clear()
    for engine in engines.all():
        engine.engine.template_loaders[0].reset()


def test_themes_are_discovered(theme_root):
    found = themes.available_themes()
    assert set(found) == {"default", "red"}
    assert found["red"].label == "中国红"
    assert ("red", "中国红（red）") in themes.theme_choices()


def test_theme_template_extends_the_default_of_the_same_name(theme_root):
    with themes.use_theme("red"):
        html = render_to_string("themetest/page.html")
    assert html == "<main>红色正文 默认正文</main>"
    with themes.use_theme("default"):
        assert render_to_string("themetest/page.html") == "<main>默认正文</main>"


def test_missing_template_falls_back_to_default(theme_root):
    with themes.use_theme("red"):
        assert render_to_string("themetest/footer.html") == "默认页脚"


def test_cache_is_per_theme(theme_root):
    with themes.use_theme("default"):
        render_to_string("themetest/page.html")
    with themes.use_theme("red"):
        assert "红色正文" in render_to_string("themetest/page.html")
    with themes.use_theme("default"):
        assert "红色正文" not in render_to_string("themetest/page.html")


def test_unknown_theme_name_uses_default(theme_root):
    assert themes.get_theme("nope").name == "default"


def test_broken_theme_toml_is_a_clear_error(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "theme.toml").write_text("label = ", encoding="utf-8")
    with pytest.raises(themes.ThemeError, match="broken: theme.toml is not valid TOML"):
        themes.load_theme(tmp_path / "broken")


def test_css_variables_merge_overrides_and_drop_unsafe_characters(theme_root):
    theme = themes.get_theme("red")
    css = theme.css_variables({"color-accent": "#123456", "evil": "red;}</style><script>"})
    assert "--color-primary:#c8161d;" in css
    assert "--color-accent:#123456;" in css
    assert "<" not in css and "}" not in css


def test_site_picks_its_theme_and_colours(county, client):
    identity = SiteIdentity.for_site(county.site)
    identity.primary_color = "#225522"
    identity.save()
    assert identity.token_overrides() == {
        "color-primary": "#225522",
        "color-primary-dark": "#1a401a",
        "color-primary-light": "#e9eee9",
    }
    assert identity.theme_object.name == "default"


def test_the_shipped_default_theme_is_complete():
    themes.available_themes.cache_clear()
    default = themes.get_theme("default")
    assert (default.template_dir / "base.html").is_file()
    for name in ("home_page", "column_page", "article_page", "standard_page", "industry_page"):
        assert (default.template_dir / "core" / f"{name}.html").is_file(), name
    for name in ("404.html", "500.html", "core/site_map.html", "search/search.html"):
        assert (default.template_dir / name).is_file(), name
    assert "color-primary" in default.tokens


def test_server_error_page_renders_without_the_database(rf):
    from redesign.cluster.views import server_error

    response = server_error(rf.get("/", HTTP_HOST="napo.localhost"))
    assert response.status_code == 500
    assert "服务器开小差了" in response.content.decode()


def test_a_site_on_the_second_theme_gets_its_stylesheet_and_the_default_templates(
    county, other_county, client
):
    themes.available_themes.cache_clear()
    identity = SiteIdentity.for_site(county.site)
    identity.theme = "hongse"
    identity.save()
    red = client.get("/", HTTP_HOST="napo.localhost").content.decode()
    assert "themes/hongse/css/theme.css" in red
    assert "themes/default/css/site.css" in red
    assert "--color-primary:#b3161d;" in red
    assert "那坡县人民政府" in red
    blue = client.get("/", HTTP_HOST="jingxi.localhost").content.decode()
    assert "themes/hongse/css/theme.css" not in blue
    assert "--color-primary:#0b4ea2;" in blue


def test_the_theme_registry_imports_no_model_or_request_code():
    """themes.py reads folders only; the request-to-theme lookup lives in the middleware."""
    import ast
    from pathlib import Path

    source = Path(themes.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {name for name in imported if name.startswith((".", "redesign", "wagtail"))}
    assert not hasattr(themes, "theme_name_for_request")


def test_default_theme_setting_is_the_theme_of_unknown_and_unset_names(theme_root, settings):
    """REDESIGN_DEFAULT_THEME replaces a missing or unknown theme, outside any request too."""
    assert themes.default_theme_name() == "default"
    settings.REDESIGN_DEFAULT_THEME = "red"
    assert themes.default_theme_name() == "red"
    assert themes.get_theme("nope").name == "red"
    assert themes.get_theme("").name == "red"
    assert themes.current_theme_name() == "red"
    # A default theme that lacks a template still falls back to the base theme's.
    assert render_to_string("themetest/footer.html") == "默认页脚"
    assert "红色正文" in render_to_string("themetest/page.html")


def test_a_misconfigured_default_theme_falls_back_and_fails_the_system_check(theme_root):
    """A default theme that does not exist renders the base theme and is reported by check."""
    from redesign.cluster.checks import check_default_theme

    with override_settings(REDESIGN_DEFAULT_THEME="gone"):
        assert themes.get_theme(None).name == themes.BASE_THEME
        errors = check_default_theme()
    assert [error.id for error in errors] == ["cluster.E001"]
    assert "gone" in errors[0].msg
    assert check_default_theme() == []


@override_settings(REDESIGN_DEFAULT_THEME="hongse")
def test_new_sites_and_requests_outside_a_site_get_the_default_theme_setting(db, client):
    """A site created without a theme, a site's new identity row, and unknown hosts use it."""
    themes.available_themes.cache_clear()
    county = create_county_site(name="那坡县人民政府", hostname="napo.localhost", port=80)
    assert SiteIdentity.for_site(county.site).theme == "hongse"
    html = client.get("/", HTTP_HOST="napo.localhost").content.decode()
    assert "themes/hongse/css/theme.css" in html

    SiteIdentity.objects.filter(site=county.site).delete()
    assert SiteIdentity.for_site(county.site).theme == "hongse"

    other = create_county_site(
        name="靖西市人民政府", hostname="jingxi.localhost", port=80, theme="default"
    )
    assert SiteIdentity.for_site(other.site).theme == "default"
    html = client.get("/", HTTP_HOST="jingxi.localhost").content.decode()
    assert "themes/hongse/css/theme.css" not in html


@override_settings(REDESIGN_DEFAULT_THEME="hongse")
def test_server_error_page_uses_the_default_theme_setting(rf):
    """The 500 page renders from the default theme (here falling back to the base 500.html)."""
    from redesign.cluster.views import server_error

    response = server_error(rf.get("/"))
    assert "服务器开小差了" in response.content.decode()


def test_middleware_resolves_the_theme_once_per_request_and_not_in_the_admin(county, rf):
    """The request's site's theme is looked up when first needed and cached on the request."""
    from redesign.cluster.middleware import ThemeMiddleware, theme_name_for_request

    identity = SiteIdentity.for_site(county.site)
    identity.theme = "hongse"
    identity.save()
    seen = []

    def view(request):
        """Ask for the current theme twice, as a page's templates do."""
        seen.append(themes.current_theme_name())
        seen.append(themes.current_theme_name())
        return HttpResponse()

    request = rf.get("/", HTTP_HOST="napo.localhost")
    ThemeMiddleware(view)(request)
    assert seen == ["hongse", "hongse"]
    assert request._redesign_theme_name == "hongse"
    assert themes.current_theme_name() == "default"  # reset after the response

    admin_request = rf.get("/admin/", HTTP_HOST="napo.localhost")
    assert theme_name_for_request(admin_request) == "default"
