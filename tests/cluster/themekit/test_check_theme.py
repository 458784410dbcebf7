"""check_theme: every real theme passes; missing furniture fails with a readable table."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from redesign.cluster import themes

from .conftest import REAL_THEMES, add_theme, reset_theme_caches


def check(*args) -> str:
    """Run check_theme; return its output, or raise CommandError with the output attached."""
    out = StringIO()
    try:
        call_command("check_theme", *args, stdout=out)
    except CommandError as err:
        err.output = out.getvalue()
        raise
    return out.getvalue()


def test_every_real_theme_passes_and_leaves_nothing_behind(db, settings, tmp_path):
    settings.THEMES_DIR = REAL_THEMES
    reset_theme_caches()
    before = (Site.objects.count(), Page.objects.count(), get_image_model().objects.count())
    output = check("--all")
    names = sorted(themes.available_themes())
    assert {"default", "hongse"} <= set(names)
    for name in names:
        assert f"主题 {name}（" in output and "：通过" in output
    assert "✗" not in output
    assert "全部通过" in output
    assert (Site.objects.count(), Page.objects.count(), get_image_model().objects.count()) == before
    media = tmp_path / "media"
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


def default_footer() -> str:
    """The real default theme's footer template."""
    path = REAL_THEMES / "default" / "templates" / "includes" / "site_footer.html"
    return path.read_text(encoding="utf-8")


@pytest.fixture
def broken_themes(theme_root):
    """Two themes that break the rules: one's footer drops the ICP number, one has an img
    without alt above its footer and in a block template."""
    footer = "\n".join(line for line in default_footer().splitlines() if "icp_number" not in line)
    assert "icp_number" not in footer and "police_number" in footer
    add_theme(theme_root, "noicp", {"includes/site_footer.html": footer})
    add_theme(
        theme_root,
        "noalt",
        {
            "base.html": '{% extends "base.html" %}{% block footer %}'
            '<img src="/static/hero.png">{{ block.super }}{% endblock %}',
            "blocks/base/heading.html": '<img src="/static/rule.png"><h2>{{ value.text }}</h2>',
        },
    )
    return theme_root


def test_a_footer_without_the_icp_number_fails_with_a_table(db, broken_themes):
    with pytest.raises(CommandError, match="主题未通过检查：noicp") as caught:
        check("noicp")
    output = caught.value.output
    assert "主题 noicp（测试noicp）：未通过" in output
    icp_row = next(line for line in output.splitlines() if line.startswith("ICP 备案号"))
    assert icp_row.count("✗") == 9  # every page: five page types, site map, search, 404, 互动
    police_row = next(line for line in output.splitlines() if line.startswith("公安备案号"))
    assert "✗" not in police_row
    assert "✗ noicp · 文章（/yaowen/" in output and "未显示 ICP 备案号" in output
    assert "✗ noicp · 找不到页面（/themekit-no-such-page/）· ICP 备案号" in output


def test_an_img_without_alt_fails_on_pages_and_blocks(db, broken_themes):
    with pytest.raises(CommandError) as caught:
        check("noalt", "default")
    output = caught.value.output
    assert "主题 noalt（测试noalt）：未通过" in output
    assert "主题 default（政务蓝）：通过" in output
    alt_rows = [line for line in output.splitlines() if line.startswith("图片 alt")]
    assert alt_rows[0].count("✗") == 9 and "✗" not in alt_rows[1]
    assert "无 alt 的图片：/static/hero.png" in output
    assert "区块 HeadingBlock（小标题，blocks/base/heading.html）：无 alt 的图片：" in output
    assert "共检查 2 个主题：1 个通过，1 个未通过。" in output


def test_a_template_error_is_reported_not_raised(db, theme_root):
    add_theme(
        theme_root, "broken", {"core/article_page.html": "{% extends 'base.html' %}{% bad %}"}
    )
    with pytest.raises(CommandError) as caught:
        check("broken")
    assert "TemplateSyntaxError" in caught.value.output
    render_row = next(row for row in caught.value.output.splitlines() if row.startswith("页面渲染"))
    assert render_row.count("✗") == 1


def test_unknown_theme_and_no_theme_are_command_errors(db, theme_root):
    with pytest.raises(CommandError, match="主题不存在：nope"):
        check("nope")
    with pytest.raises(CommandError, match="--all"):
        check()


def test_verbose_run_shows_each_page(db, theme_root):
    output = check("default", "-v", "2")
    assert "default：文章 /yaowen/" in output and "逐个渲染区块" in output
