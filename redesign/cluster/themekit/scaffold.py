"""starttheme's engine: plan and write a new theme folder that overrides nothing yet."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from ..themes import BASE_THEME, Theme, available_themes, themes_dir
from .guide import TOKEN_HELP, _toml_value, theme_readme

NAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,29}$")

# Suffixes of the files copied from a --from theme whose text names that theme.
TEXT_SUFFIXES = {".html", ".css", ".js", ".txt", ".md", ".svg"}


class ScaffoldError(Exception):
    """The theme cannot be made as asked; the message says why, in Chinese."""


@dataclass
class Plan:
    """The files a new theme gets: path → text, or path → bytes for copied binary files."""

    name: str
    root: Path
    files: dict[Path, str | bytes] = field(default_factory=dict)

    def write(self) -> None:
        """Write every planned file; refuse to write into a folder that exists."""
        if self.root.exists():
            raise ScaffoldError(_("目录 %(path)s 已存在。") % {"path": self.root})
        for path, content in self.files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        (self.root / "static" / "img").mkdir(parents=True, exist_ok=True)


def validate_name(name: str, root: Path | None = None) -> str:
    """Return a valid new theme name, or raise ScaffoldError saying what is wrong with it."""
    root = root or themes_dir()
    if not NAME_RE.match(name or ""):
        raise ScaffoldError(
            _(
                "主题名「%(name)s」不合法：只能用小写英文字母、数字和下划线，"
                "以字母开头，2 至 30 个字符。"
            )
            % {"name": name}
        )
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        raise ScaffoldError(_("主题名「%(name)s」是 Python 关键字，请换一个。") % {"name": name})
    if (root / name).exists() or name in available_themes():
        raise ScaffoldError(
            _("主题「%(name)s」已存在：%(path)s") % {"name": name, "path": root / name}
        )
    return name


def theme_toml(name: str, label: str, description: str, source: Theme, base: Theme | None) -> str:
    """theme.toml: the label, the description and every token of the source theme.

    Tokens equal to the base theme's are written commented out (they apply anyway); tokens the
    source theme sets differently are real entries, since tokens are not inherited between themes.
    """
    base_tokens = base.tokens if base else {}
    lines = [
        f"# {label}: made by starttheme from the {source.name} theme.",
        "# 每个 [tokens] 项会成为页面 :root 上的 CSS 变量（--名称）。",
        "# 去掉行首的 # 并修改值即可覆盖；",
        "# 没写的变量使用默认主题的值。变量的作用见本目录的 README.md。",
        f"label = {_toml_value(label)}",
        f"description = {_toml_value(description)}",
        "",
        "[tokens]",
    ]
    names = list(dict.fromkeys([*base_tokens, *source.tokens]))
    for token in names:
        value = source.tokens.get(token, base_tokens.get(token, ""))
        help_text = TOKEN_HELP.get(token, "")
        if help_text:
            lines.append(f"# {help_text}")
        entry = f"{token} = {_toml_value(value)}"
        lines.append(entry if value != base_tokens.get(token) else f"# {entry}")
    return "\n".join(lines) + "\n"


def base_template(name: str) -> str:
    """templates/base.html: extend the default theme's and add this theme's stylesheet."""
    return (
        '{% extends "base.html" %}\n'
        "{% load static %}\n"
        '{% block extra_css %}{{ block.super }}<link rel="stylesheet" '
        f"href=\"{{% static 'themes/{name}/css/theme.css' %}}\">{{% endblock %}}\n"
        f"{{% block body_class %}}theme-{name} {{{{ block.super }}}}{{% endblock %}}\n"
    )


def theme_css(name: str, label: str) -> str:
    """static/css/theme.css: no rules yet, only how to write them."""
    return (
        f"/* {label}（{name}）主题样式：在默认主题的 site.css 之后加载。\n"
        " *\n"
        " * - 颜色、字体、圆角请用设计变量，例如 color: var(--color-primary);\n"
        " *   站点在后台改的主色、强调色才能生效。变量在 theme.toml 的 [tokens] 里改。\n"
        f" * - 只写与默认主题不同的规则；选择器可加 .theme-{name} 前缀（body 上有这个类）。\n"
        " * - 不要隐藏必备要素（标识码、备案号、党政机关标识、找错、网站地图、搜索框、\n"
        " *   无障碍工具条），文字对比度不低于 4.5:1。改完运行 check_theme 检查。\n"
        " */\n"
    )


def _copied(source: Theme, name: str) -> dict[Path, str | bytes]:
    """The source theme's templates and static files, renamed to the new theme (relative paths)."""
    files: dict[Path, str | bytes] = {}
    for folder in ("templates", "static"):
        top = source.path / folder
        if not top.is_dir():
            continue
        for path in sorted(top.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(source.path)
            if path.suffix in TEXT_SUFFIXES:
                text = path.read_text(encoding="utf-8")
                text = text.replace(f"themes/{source.name}/", f"themes/{name}/")
                files[relative] = text.replace(f"theme-{source.name}", f"theme-{name}")
            else:
                files[relative] = path.read_bytes()
    return files


def plan_theme(
    name: str, source_name: str = BASE_THEME, label: str = "", root: Path | None = None
) -> Plan:
    """Plan a new theme folder: validated name, theme.toml, templates, theme.css and README.md."""
    root = root or themes_dir()
    name = validate_name(name, root)
    themes = available_themes()
    if source_name not in themes:
        raise ScaffoldError(
            _("作为起点的主题「%(name)s」不存在，可用主题：%(themes)s。")
            % {"name": source_name, "themes": "、".join(themes) or "—"}
        )
    source, base = themes[source_name], themes.get(BASE_THEME)
    label = (label or "").strip() or name
    description = _("（请填写主题说明：风格、适用场合。）")
    folder = root / name
    plan = Plan(name=name, root=folder)
    plan.files[folder / "theme.toml"] = theme_toml(name, label, description, source, base)
    if source_name == BASE_THEME:
        plan.files[folder / "templates" / "base.html"] = base_template(name)
        plan.files[folder / "static" / "css" / "theme.css"] = theme_css(name, label)
    else:
        for relative, content in _copied(source, name).items():
            plan.files[folder / relative] = content
        plan.files.setdefault(folder / "static" / "css" / "theme.css", theme_css(name, label))
    new_theme = Theme(name=name, label=label, description=description, path=folder)
    tokens = {**(base.tokens if base else {}), **source.tokens}
    plan.files[folder / "README.md"] = theme_readme(new_theme, tokens, base)
    return plan
