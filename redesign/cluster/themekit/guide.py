"""The designers' guide, in Chinese: written from the code, so its lists never go stale.

The same sections make site_templates/README.md (the generic guide) and each new theme's
README.md (with the theme's own name and tokens).
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from ..themes import BASE_THEME, Theme
from . import furniture
from .catalogue import families, page_types

# What each design token of the default theme does (site.css reads them through var()).
TOKEN_HELP = {
    "color-primary": "主色：页头、导航、标题栏、按钮和链接的颜色（站点可在后台改）。",
    "color-primary-dark": "主色的深色：鼠标悬停、按下和深色背景（随主色自动生成）。",
    "color-primary-light": "主色的浅色：浅色底板、当前栏目和表头（随主色自动生成）。",
    "color-accent": "强调色：头条标记、“新”标记、重点数字和少量点缀（站点可在后台改）。",
    "color-text": "正文文字颜色。",
    "color-muted": "次要文字颜色：日期、来源、说明文字。",
    "color-border": "边框和分隔线颜色。",
    "color-surface": "浅灰底色：卡片、区块和工具条的背景。",
    "color-background": "页面背景色。",
    "color-footer": "页脚背景色。",
    "color-footer-text": "页脚文字颜色。",
    "color-focus": "键盘焦点框颜色（无障碍要求醒目，勿删）。",
    "font-family": "正文字体（需列出常见中文字体作为后备）。",
    "font-family-heading": "标题字体。",
    "font-size-base": "基准字号；适老化要求不小于 16px，站点可在后台调大。",
    "line-height": "正文行高。",
    "radius": "圆角大小：按钮、卡片、输入框。",
    "shadow": "卡片阴影。",
    "content-width": "内容区最大宽度。",
    "space-gutter": "手机上页面左右留白。",
    "space-gutter-wide": "640px 以上屏幕的页面左右留白。",
    "space-block": "首页各区块之间的间距（宽屏上为其 1.2 倍）。",
}

RESTART_NOTE = (
    "新建主题后需要**重启网站服务**：主题目录和各主题的 static/ 目录在启动时登记，"
    "重启前新主题不会出现在“站点信息 → 主题”的选项里，它的 CSS、图片也无法访问。"
    "修改已有主题的模板和 CSS 不需要重启（生产环境修改 static/ 后需运行 collectstatic）。"
)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def resolution_section(theme_name: str) -> list[str]:
    """How templates resolve: the theme first, then the default theme."""
    return [
        "## 模板如何查找",
        "",
        f"渲染页面时，系统先在本主题的 `templates/` 里找模板，找不到再到默认主题 "
        f"`site_templates/{BASE_THEME}/templates/` 里找。所以主题只需放**要改的**模板，"
        "其余自动沿用默认主题。",
        "",
        "改一个模板有两种做法：",
        "",
        '1. **只改一部分**（推荐）：新建同名文件，第一行写 `{% extends "同一个路径" %}`，'
        "只重写要改的 `{% block %}`，其余用默认主题的。例如本主题的 `templates/base.html`：",
        "",
        "   ```django",
        '   {% extends "base.html" %}',
        "   {% load static %}",
        f'   {{% block extra_css %}}{{{{ block.super }}}}<link rel="stylesheet" '
        f"href=\"{{% static 'themes/{theme_name}/css/theme.css' %}}\">{{% endblock %}}",
        "   ```",
        "",
        "   `{% extends %}` 同名模板时，系统会跳过当前主题、取默认主题的那一份。",
        "2. **整份重写**：把默认主题的文件复制到本主题同一路径下再修改。"
        "默认主题以后的改进不会再自动带过来，请尽量少用。",
        "",
        "`base.html` 提供的 block：`title`、`meta`、`extra_css`、`extra_head`、`body_class`、"
        "`header`、`navigation`、`breadcrumb`、`content`、`footer`、`extra_js`。",
        "",
    ]


def page_type_section() -> list[str]:
    """Every page type and its template, from the page models."""
    rows = []
    for page_type in page_types():
        fields = "、".join(str(f.verbose_name) for f in page_type.stream_fields) or "—"
        rows.append((page_type.label, f"`{page_type.template}`", fields))
    return [
        "## 页面类型与模板",
        "",
        "每种页面类型用下面的模板渲染（路径相对于 `templates/`）：",
        "",
        *_table(("页面类型", "模板", "区块字段"), rows),
        "",
        "其他页面：网站地图 `core/site_map.html`，站内搜索 `search/search.html`，"
        "互动留言 `interaction/*.html`，出错页 `404.html`、`500.html`（500 页不能依赖数据库）。",
        "",
    ]


def shared_templates_section(default_theme: Theme | None) -> list[str]:
    """The default theme's shared templates (includes/), listed from its folder."""
    if default_theme is None or not default_theme.template_dir.is_dir():
        return []
    names = sorted(
        path.relative_to(default_theme.template_dir).as_posix()
        for path in (default_theme.template_dir / "includes").rglob("*.html")
    )
    if not names:
        return []
    return [
        "## 公共部件",
        "",
        "页头、导航、页脚等由 `base.html` 引入，可以单独覆盖：",
        "",
        *(f"- `{name}`" for name in names),
        "",
        "覆盖 `includes/site_footer.html` 或 `includes/site_header.html` 时，"
        "请保留下文“必备要素”中的每一项。",
        "",
    ]


def block_section() -> list[str]:
    """Every block, grouped by family, with its template path, from the block library."""
    lines = [
        "## 区块与模板",
        "",
        "编辑在正文和首页中使用的区块。区块模板也可以在主题里覆盖：在本主题的 `templates/` "
        "下建同一路径的文件（例如 `templates/blocks/news/news_feed.html`）。"
        "标“子区块”的只出现在其他区块里面。",
        "",
    ]
    for _key, label, entries in families():
        rows = [
            (
                f"`{entry.name}`" + (f"（{_('子区块')}）" if entry.nested else ""),
                entry.label,
                f"`{entry.template}`",
                "、".join(entry.used_in) or "—",
            )
            for entry in entries
        ]
        lines += [f"### {label}", "", *_table(("区块", "名称", "模板", "可用于"), rows), ""]
    return lines


def _toml_value(value: str) -> str:
    """A token value as a TOML basic string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def token_section(tokens: dict[str, str]) -> list[str]:
    """The design tokens, their default values and what each does."""
    rows = [
        (f"`{name}`", f"`{value}`", TOKEN_HELP.get(name, "（未说明：请在 theme.toml 注释中说明）"))
        for name, value in tokens.items()
    ]
    return [
        "## 设计变量（tokens）",
        "",
        "`theme.toml` 的 `[tokens]` 里每一项都会成为页面 `:root` 上的 CSS 变量（`--名称`）。"
        "默认主题的样式表只通过 `var(--名称)` 取颜色和字体，所以多数主题只改变量就够了。"
        "没写的变量使用默认主题的值。站点还可以在后台“站点信息 → 外观”里覆盖主色、强调色等，"
        "所以自己的 CSS 里也请用 `var(--color-primary)`，不要把颜色写死。"
        "颜色须保证文字对比度不低于 4.5:1（GB/T 37668）。",
        "",
        *_table(("变量", "默认值", "作用"), rows),
        "",
    ]


def furniture_section() -> list[str]:
    """The furniture check_theme requires on every page."""
    return [
        "## 必备要素（每个页面都必须有）",
        "",
        *(f"- {check.label}：{check.hint or check.run.__doc__}" for check in furniture.CHECKS),
        "",
        "它们来自国办发〔2017〕47号、国办秘函〔2019〕19号、GB/T 37668-2019 和适老化要求；"
        "缺任何一项，`check_theme` 都会失败。",
        "",
    ]


def tools_section(theme_name: str) -> list[str]:
    """How to check a theme and see it in the style guide."""
    return [
        "## 检查与预览",
        "",
        "- 检查本主题：`python manage.py check_theme " + theme_name + "`；全部主题："
        "`python manage.py check_theme --all`。它在临时示例站点（检查完全部回滚，不留数据）上"
        "渲染每种页面类型和每个区块，逐项检查上面的必备要素，打印通过/失败表格，"
        "有失败时以非零状态退出。加 `-v 2` 可看到每一页的进度。",
        f"- 样式指南：登录后台后，在本站域名下打开 `/_styleguide/?theme={theme_name}`，"
        "可以看到每个区块（按类别分组，附名称和模板路径）在本主题下的样子，"
        "以及本站各类型页面在本主题下的效果。只有能编辑本站页面的用户能打开。",
        "- 新建主题：`python manage.py starttheme 名称 --label 中文名`（`--dry-run` 只列出将要"
        "创建的文件）。",
        "- 整站预览：后台“设置 → 主题外观”为每个主题生成一个 7 天内有效的预览链接，"
        "在本站域名下打开后整站按该主题显示（顶部有预览提示条），公众看到的仍是原主题；"
        "可以发给领导在手机上审阅新版式，确认后再到“站点信息”正式切换。",
        "- 阅读辅助：工具条（`includes/a11y_toolbar.html`）在 `<html>` 和 `<body>` 上加 "
        "`is-large-text`（并有 `data-font-step` 1–4）、`is-high-contrast`、`is-wide-spacing`、"
        "`is-large-cursor`；主题的样式在这四种状态下都要清楚可读（高对比度为黑底黄白字）。",
        "- 体积：`make bench-theme` 打印每个主题首页的 CSS、JS 体积（gzip 后，上限 100 KB）"
        "和图片是否都有宽高、是否以 WebP 提供。",
        "",
        RESTART_NOTE,
        "",
    ]


def layout_section(theme_name: str) -> list[str]:
    """The folder layout of a theme."""
    return [
        "## 目录结构",
        "",
        "```",
        f"site_templates/{theme_name}/",
        "  theme.toml          名称、说明和设计变量",
        "  templates/          只放要覆盖的模板，路径与默认主题相同",
        "  static/css/theme.css  本主题的样式，在默认样式之后加载",
        "  static/img/         本主题的图片",
        "```",
        "",
        f"静态文件的地址是 `{{% static 'themes/{theme_name}/css/theme.css' %}}`。",
        "",
    ]


def theme_readme(theme: Theme, tokens: dict[str, str], default_theme: Theme | None) -> str:
    """The README.md of one theme."""
    lines = [
        f"# 主题 {theme.name}（{theme.label}）",
        "",
        theme.description or "（请在 theme.toml 的 description 中填写主题说明。）",
        "",
        "本文件由 `python manage.py starttheme` 生成，其中的页面类型、区块和设计变量清单"
        "取自代码；以后有新区块时，以 `site_templates/README.md` 为准。",
        "",
        *layout_section(theme.name),
        *resolution_section(theme.name),
        *page_type_section(),
        *shared_templates_section(default_theme),
        *block_section(),
        *token_section(tokens),
        *furniture_section(),
        *tools_section(theme.name),
    ]
    return "\n".join(lines).rstrip() + "\n"


def cluster_readme(default_theme: Theme | None) -> str:
    """site_templates/README.md: the generic designers' guide."""
    tokens = default_theme.tokens if default_theme else {}
    lines = [
        "# 主题设计指南",
        "",
        "本目录的每个子目录是一个主题。每个站点在后台“站点信息 → 主题”中选择主题；"
        "设计人员只需要会 HTML 和 CSS，不需要改 Python 代码。",
        "",
        "本文件由 `python manage.py starttheme --write-guide` 根据代码生成，请勿手改；"
        "页面类型、区块或设计变量有变化时重新生成即可。",
        "",
        *layout_section("名称"),
        *resolution_section("名称"),
        *page_type_section(),
        *shared_templates_section(default_theme),
        *block_section(),
        *token_section(tokens),
        *furniture_section(),
        *tools_section("名称"),
    ]
    return "\n".join(lines).rstrip() + "\n"


def write_cluster_readme(root: Path, default_theme: Theme | None) -> Path:
    """Write site_templates/README.md and return its path."""
    path = root / "README.md"
    path.write_text(cluster_readme(default_theme), encoding="utf-8")
    return path
