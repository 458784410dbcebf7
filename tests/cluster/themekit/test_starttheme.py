"""starttheme: a new theme the registry loads, check_theme passes, and a guide from the code."""

import tomllib

import pytest
from django.core.management import CommandError, call_command

from redesign.cluster import themes
from redesign.cluster.themekit.catalogue import block_catalogue, page_types

from .conftest import REAL_THEMES


def run(*args) -> str:
    """Run starttheme and return what it printed."""
    from io import StringIO

    out = StringIO()
    call_command("starttheme", *args, stdout=out)
    return out.getvalue()


def test_new_theme_is_loaded_and_passes_check_theme(theme_root, db):
    output = run("lvse", "--label", "生态绿")
    assert "lvse/theme.toml" in output and "重启" in output
    folder = theme_root / "lvse"
    for name in ("theme.toml", "templates/base.html", "static/css/theme.css", "README.md"):
        assert (folder / name).is_file(), name
    themes.available_themes.cache_clear()
    theme = themes.available_themes()["lvse"]
    assert theme.label == "生态绿"
    assert theme.tokens == {}  # overrides nothing yet: every token is commented out
    toml = (folder / "theme.toml").read_text(encoding="utf-8")
    assert '# color-primary = "#0b4ea2"' in toml
    base = (folder / "templates" / "base.html").read_text(encoding="utf-8")
    assert base.startswith('{% extends "base.html" %}')
    assert "themes/lvse/css/theme.css" in base
    assert "/*" in (folder / "static" / "css" / "theme.css").read_text(encoding="utf-8")

    from io import StringIO

    out = StringIO()
    call_command("check_theme", "lvse", stdout=out)
    report = out.getvalue()
    assert "主题 lvse（生态绿）：通过" in report
    assert "全部通过" in report


def test_readme_lists_every_page_type_block_and_token_from_the_code(theme_root):
    run("lvse")
    readme = (theme_root / "lvse" / "README.md").read_text(encoding="utf-8")
    for page_type in page_types():
        assert f"`{page_type.template}`" in readme
    for entry in block_catalogue():
        assert f"`{entry.template}`" in readme, entry.name
        assert entry.label in readme
    for token in themes.available_themes()["default"].tokens:
        assert f"`{token}`" in readme
    assert "check_theme lvse" in readme and "/_styleguide/?theme=lvse" in readme
    assert "重启" in readme


def test_from_another_theme_keeps_its_tokens_and_templates(theme_root):
    run("hongse2", "--from", "hongse")
    folder = theme_root / "hongse2"
    tokens = tomllib.loads((folder / "theme.toml").read_text(encoding="utf-8"))["tokens"]
    assert tokens["color-primary"] == themes.available_themes()["hongse"].tokens["color-primary"]
    assert "color-text" not in tokens  # the default's value, left commented out
    base = (folder / "templates" / "base.html").read_text(encoding="utf-8")
    assert "themes/hongse2/css/theme.css" in base and "themes/hongse/" not in base


def test_dry_run_writes_nothing(theme_root):
    output = run("lvse", "--dry-run")
    assert "将创建：lvse/README.md" in output
    assert not (theme_root / "lvse").exists()


@pytest.mark.parametrize(
    "name, reason",
    [
        ("Lvse", "不合法"),
        ("2lvse", "不合法"),
        ("lv-se", "不合法"),
        ("绿色", "不合法"),
        ("x", "不合法"),
        ("class", "关键字"),
        ("match", "关键字"),
        ("default", "已存在"),
        ("hongse", "已存在"),
    ],
)
def test_bad_names_are_refused(theme_root, name, reason):
    with pytest.raises(CommandError, match=reason):
        run(name)
    assert sorted(p.name for p in theme_root.iterdir()) == ["default", "hongse"]


def test_unknown_source_theme_is_refused(theme_root):
    with pytest.raises(CommandError, match="不存在"):
        run("lvse", "--from", "nope")


def test_no_name_is_refused(theme_root):
    with pytest.raises(CommandError, match="主题名"):
        run()


def test_the_committed_designer_guide_is_up_to_date():
    """site_templates/README.md names every page type's and block's template (else regenerate)."""
    readme = (REAL_THEMES / "README.md").read_text(encoding="utf-8")
    missing = [e.template for e in block_catalogue() if f"`{e.template}`" not in readme]
    missing += [p.template for p in page_types() if f"`{p.template}`" not in readme]
    assert not missing, f"python manage.py starttheme --write-guide: {missing}"


def test_write_guide_writes_the_cluster_readme(theme_root):
    output = run("--write-guide")
    assert "设计指南" in output
    text = (theme_root / "README.md").read_text(encoding="utf-8")
    assert text.startswith("# 主题设计指南")
    assert "`blocks/news/news_feed.html`" in text
