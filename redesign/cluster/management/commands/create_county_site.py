"""Create a county site with its standard columns, collection, groups and workflow."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from redesign.cluster.provisioning import ProvisioningError, create_county_site


class _DryRun(Exception):
    """Raised to roll back a dry run."""


class Command(BaseCommand):
    """create_county_site --name 那坡县人民政府 --hostname napo.localhost [--port 8000]."""

    help = (
        "创建一个县级站点：站点、首页、国办发〔2017〕47号要求的标准栏目、资源集合、"
        "信息员/审核/维护三个用户组及审核发布流程。重复运行不会改变已有内容。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the command's options."""
        parser.add_argument("--name", required=True, help="站点全称，例如 那坡县人民政府")
        parser.add_argument("--hostname", required=True, help="主机名，例如 napo.localhost")
        parser.add_argument("--port", type=int, default=80, help="端口，默认 80")
        parser.add_argument(
            "--theme", default=None, help="主题名，默认为 REDESIGN_DEFAULT_THEME 设置的主题"
        )
        parser.add_argument("--default", action="store_true", help="设为默认站点")
        parser.add_argument("--dry-run", action="store_true", help="只显示将要创建的内容")

    def handle(self, *args: Any, **options: Any) -> None:
        """Create the site, report what was created, roll back on --dry-run."""
        try:
            with transaction.atomic():
                result = create_county_site(
                    name=options["name"],
                    hostname=options["hostname"],
                    port=options["port"],
                    theme=options["theme"],
                    is_default=options["default"],
                )
                self._report(result, options["dry_run"])
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            self.stdout.write("（试运行：未写入任何内容）")
        except ProvisioningError as err:
            raise CommandError(str(err)) from err

    def _report(self, result, dry_run: bool) -> None:
        """Print what was created, or that nothing changed."""
        verb = "将创建" if dry_run else "已创建"
        if not result.changed:
            self.stdout.write(f"站点 {result.site.hostname}:{result.site.port} 已完整，无变更。")
            return
        for item in result.created:
            self.stdout.write(f"{verb}：{item}")
        self.stdout.write(
            self.style.SUCCESS(f"站点「{result.site.site_name}」：{result.site.root_url}/")
        )
