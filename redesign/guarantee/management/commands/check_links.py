"""Check the links and images of each site's live pages and keep the broken ones."""

from argparse import BooleanOptionalAction
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Site

from redesign.guarantee.linkcheck import check_site
from redesign.guarantee.models import LinkCheckRun, LinkKind

PROGRESS_EVERY = 50  # pages (or pages' links) between two progress lines
LISTED = 50  # broken links listed per site unless --verbosity 2


class Command(BaseCommand):
    """check_links [--site HOST] [--max-pages N] [--external] [--dry-run]."""

    help = (
        "检查各站点已发布页面上的链接和图片（通过站点自己的地址在本进程内访问），"
        "统计站内不可用链接、外部不可用链接和缺失图片，保存结果供内容健康报告使用。"
        "外部链接只在 --external 或 REDESIGN_LINKCHECK_EXTERNAL 打开时访问。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the command's options."""
        parser.add_argument(
            "--site",
            action="append",
            metavar="HOST",
            help="只检查这个主机名的站点（可写 主机名:端口；可重复）；默认检查全部站点",
        )
        parser.add_argument("--max-pages", type=int, default=None, help="每个站点最多检查的页面数")
        parser.add_argument(
            "--external",
            action=BooleanOptionalAction,
            default=None,
            help="访问外部链接（默认取 REDESIGN_LINKCHECK_EXTERNAL 设置）",
        )
        parser.add_argument("--dry-run", action="store_true", help="只检查并显示，不保存结果")

    def handle(self, *args: Any, **options: Any) -> None:
        """Check each chosen site and print its totals and broken links."""
        if options["max_pages"] is not None and options["max_pages"] < 1:
            raise CommandError("--max-pages 必须是正整数。")
        sites = self._sites(options["site"])
        dry_run, verbosity = options["dry_run"], options["verbosity"]
        for number, site in enumerate(sites, start=1):
            self.stdout.write(f"[{number}/{len(sites)}] {site.site_name}（{self._host(site)}）")
            run = check_site(
                site,
                max_pages=options["max_pages"],
                external=options["external"],
                progress=self._progress if verbosity >= 1 else None,
                save=not dry_run,
            )
            self._report(run, verbosity)
        done = f"共检查 {len(sites)} 个站点。"
        self.stdout.write(done + ("（试运行：未保存结果）" if dry_run else ""))

    @staticmethod
    def _host(site: Site) -> str:
        """The site's hostname, with its port unless 80."""
        return site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"

    def _sites(self, hosts: list[str] | None) -> list[Site]:
        """The sites asked for, or every site; an unknown host is an error."""
        sites = list(Site.objects.select_related("root_page").order_by("hostname", "port"))
        if not hosts:
            return sites
        chosen = []
        for host in hosts:
            name, _sep, port = host.lower().partition(":")
            matching = [
                site
                for site in sites
                if site.hostname.lower() == name and (not port or str(site.port) == port)
            ]
            if not matching:
                known = "、".join(self._host(site) for site in sites) or "（无）"
                raise CommandError(f"没有主机名为 {host} 的站点。现有站点：{known}")
            chosen += [site for site in matching if site not in chosen]
        return chosen

    def _progress(self, stage: str, done: int, total: int) -> None:
        """A line every PROGRESS_EVERY pages of a long walk."""
        if total > PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            what = "访问页面" if stage == "pages" else "检查链接"
            self.stdout.write(f"  {what} {done}/{total}")

    def _report(self, run: LinkCheckRun, verbosity: int) -> None:
        """The run's totals, then its broken links as a table."""
        external = "已检查" if run.external_checked else "未检查"
        self.stdout.write(
            f"  页面 {run.pages_checked}  链接 {run.links_checked}  "
            f"站内不可用 {run.broken_internal}  外部不可用 {run.broken_external}  "
            f"缺失图片 {run.missing_images}  外部链接：{external}"
            + ("  （达到上限，未查完）" if run.truncated else "")
        )
        if run.error:
            self.stderr.write(self.style.ERROR(f"  检查中断：{run.error}"))
        broken = run.broken_links
        if not broken:
            self.stdout.write(self.style.SUCCESS("  未发现不可用链接。"))
            return
        labels = dict(LinkKind.choices)
        self.stdout.write(f"  {'类别':<6}{'状态':<6}{'所在页面':<40} 链接地址")
        shown = broken if verbosity >= 2 else broken[:LISTED]
        for link in shown:
            status = str(link.status or "-")
            self.stdout.write(
                f"  {labels[link.kind]:<6}{status:<6}{link.page_url:<40} {link.target_url}"
                f"  {link.reason}"
            )
        if len(broken) > len(shown):
            self.stdout.write(f"  …… 另有 {len(broken) - len(shown)} 条（--verbosity 2 显示全部）")
