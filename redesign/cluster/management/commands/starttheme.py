"""starttheme NAME [--from default] [--label 中文名] [--dry-run]: scaffold a theme for designers."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redesign.cluster.themekit.guide import write_cluster_readme
from redesign.cluster.themekit.scaffold import ScaffoldError, plan_theme
from redesign.cluster.themes import BASE_THEME, available_themes, themes_dir


class Command(BaseCommand):
    """starttheme lvse --label 生态绿: a theme folder that overrides nothing yet, with its guide."""

    help = (
        "新建主题：在 site_templates/ 下生成 NAME/ 目录（theme.toml、templates/base.html、"
        "static/css/theme.css 和给设计人员的 README.md）。新主题起初什么都不覆盖，"
        "与 --from 指定的主题外观相同。新建后需重启网站服务。"
        "--write-guide 重新生成 site_templates/README.md。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the name and the options."""
        parser.add_argument(
            "name", nargs="?", metavar="NAME", help="主题名：小写英文字母、数字、下划线"
        )
        parser.add_argument(
            "--from", dest="source", default=BASE_THEME, help=f"作为起点的主题，默认 {BASE_THEME}"
        )
        parser.add_argument("--label", default="", help="主题的中文名，例如 生态绿")
        parser.add_argument("--dry-run", action="store_true", help="只列出将要创建的文件")
        parser.add_argument(
            "--write-guide",
            action="store_true",
            help="重新生成 site_templates/README.md（设计指南）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Plan the theme, list its files, write them unless --dry-run."""
        available_themes.cache_clear()
        name, dry_run = options["name"], options["dry_run"]
        if not name and not options["write_guide"]:
            raise CommandError(
                "请给出主题名，例如：python manage.py starttheme lvse --label 生态绿"
            )
        if name:
            try:
                plan = plan_theme(name, options["source"], options["label"])
            except ScaffoldError as err:
                raise CommandError(str(err)) from err
            verb = "将创建" if dry_run else "已创建"
            for path in plan.files:
                self.stdout.write(f"{verb}：{path.relative_to(themes_dir())}")
            if dry_run:
                self.stdout.write("（试运行：未写入任何文件）")
            else:
                try:
                    plan.write()
                except (ScaffoldError, OSError) as err:
                    raise CommandError(str(err)) from err
                available_themes.cache_clear()
                self.stdout.write(self.style.SUCCESS(f"主题 {name} 已创建：{plan.root}"))
                self.stdout.write(
                    f"下一步：编辑 {name}/static/css/theme.css 和 theme.toml，"
                    f"运行 python manage.py check_theme {name}；"
                    "重启网站服务后，新主题才会出现在“站点信息 → 主题”中，其静态文件才能访问。"
                )
        if options["write_guide"]:
            if dry_run:
                self.stdout.write(f"将重写：{themes_dir() / 'README.md'}")
                return
            path = write_cluster_readme(themes_dir(), available_themes().get(BASE_THEME))
            self.stdout.write(f"已生成设计指南：{path}")
