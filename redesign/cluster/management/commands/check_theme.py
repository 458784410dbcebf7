"""check_theme NAME | --all: prove a theme renders every page type and block with its furniture."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redesign.cluster.themekit.checker import check_themes
from redesign.cluster.themekit.report import format_reports
from redesign.cluster.themes import ThemeError, available_themes


class Command(BaseCommand):
    """check_theme hongse, or check_theme --all: a pass/fail table, non-zero exit on failure."""

    help = (
        "检查主题：在临时示例站点（检查后全部回滚）上渲染每种页面类型和每个区块，"
        "并检查每页必备要素（网站标识码、ICP 与公安备案号、党政机关标识、网站地图、找错、"
        "搜索框、无障碍工具条、跳到主要内容、lang、图片 alt、id 不重复）。有任何一项不通过即失败。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the theme names and --all."""
        parser.add_argument("names", nargs="*", metavar="NAME", help="要检查的主题名（目录名）")
        parser.add_argument("--all", action="store_true", help="检查 site_templates/ 中的全部主题")

    def handle(self, *args: Any, **options: Any) -> None:
        """Check the themes, print the table, fail when any check failed."""
        available_themes.cache_clear()  # a theme made since start-up is found too
        try:
            themes = available_themes()
        except ThemeError as err:
            raise CommandError(str(err)) from err
        names = list(themes) if options["all"] else list(dict.fromkeys(options["names"]))
        if not names:
            raise CommandError("请给出主题名，或用 --all 检查全部主题。")
        unknown = [name for name in names if name not in themes]
        if unknown:
            raise CommandError(
                f"主题不存在：{'、'.join(unknown)}。可用主题：{'、'.join(themes) or '（无）'}"
            )
        verbose = options["verbosity"] >= 2

        def progress(message: str) -> None:
            """Show progress: the themes always, each page at -v 2."""
            if verbose or not message.startswith("  "):
                self.stdout.write(message)

        reports = check_themes(names, progress)
        self.stdout.write("")
        self.stdout.write(format_reports(reports))
        failed = [report.theme.name for report in reports if not report.ok]
        if failed:
            raise CommandError(f"主题未通过检查：{'、'.join(failed)}")
        self.stdout.write(self.style.SUCCESS("全部通过。"))
