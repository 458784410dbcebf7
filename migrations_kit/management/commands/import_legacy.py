"""Management command: import a legacy county site (folder, WARC or crawl) into a Wagtail site."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail import hooks
from wagtail.models import Site

from migrations_kit.extract.dates import DATE_SOURCES
from migrations_kit.importer import Importer, ImportOptions, ImportResult
from migrations_kit.mapping import MappingError, load_mapping_file
from migrations_kit.models import LegacyRecord
from migrations_kit.report import STATUS_LABELS, Fate
from migrations_kit.rollback import RollbackError, rollback_run
from migrations_kit.sources import (
    DEFAULT_HOST,
    FolderSource,
    Source,
    SourceError,
    open_source,
)

SITE_NAMES_HOOK = "import_legacy_site_names"
"""Wagtail hook: fn(site) -> names the site goes by (a 来源 naming one is not a reprint)."""
PROGRESS_EVERY = 50
PLAN_LINES = 30
"""Column plan lines printed in the summary (the report has all)."""


def find_site(value: str) -> Site:
    """The Wagtail site of a hostname, optionally host:port."""
    host, _, port = value.strip().lower().partition(":")
    sites = Site.objects.filter(hostname=host)
    if port:
        if not port.isdigit():
            raise CommandError(f"--site 端口不合法: {value}")
        sites = sites.filter(port=int(port))
    found = list(sites[:2])
    if not found:
        raise CommandError(f"站点不存在: {value}（先用 create_county_site 创建）")
    if len(found) > 1:
        raise CommandError(f"主机名 {host} 有多个端口的站点，请写成 {host}:端口")
    return found[0]


def site_names(site: Site) -> tuple[str, ...]:
    """The names the site goes by, from the apps that keep them (the import_legacy_site_names hook).

    The kit does not know where a site's identity is kept: an app registers a function that takes
    the Site and returns names (the cluster's 站点信息 does).
    """
    names: list[str] = []
    for provider in hooks.get_hooks(SITE_NAMES_HOOK):
        names.extend(name for name in provider(site) if name)
    return tuple(names)


class Command(BaseCommand):
    """Import a legacy site, or roll back one import run."""

    help = (
        "Import a legacy county site (a wget mirror folder, a .warc/.warc.gz file or an http(s) "
        "URL to crawl) into a Wagtail site, with redirects from every old URL and a report; "
        "or undo one run with --rollback RUN_ID."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare SOURCE and the options."""
        parser.add_argument("source", nargs="?", help="mirror folder, WARC file or http(s) URL")
        parser.add_argument("--site", help="Wagtail site hostname (host or host:port)")
        parser.add_argument("--base-url", help="URL the mirror was taken from")
        parser.add_argument(
            "--mapping",
            help="TOML/YAML file: old path or column → new slug, or a table stating its new column "
            "(create, title, slug, parent, type); a dry run's report writes one to start from",
        )
        parser.add_argument(
            "--no-new-columns",
            action="store_true",
            help="make no new columns: an old column with no twin in the new site goes to 待整理",
        )
        parser.add_argument(
            "--publish-empty",
            action="store_true",
            help="publish articles whose body is empty on the old site (default: drafts, listed "
            "under 正文为空; their old URLs lead to their column until they are published)",
        )
        parser.add_argument("--dry-run", action="store_true", help="do everything but write")
        parser.add_argument("--report", metavar="DIR", help="write report.html/.csv/.json here")
        parser.add_argument("--limit", type=int, help="stop after N source files")
        parser.add_argument("--draft", action="store_true", help="save pages as drafts")
        parser.add_argument(
            "--date-policy",
            choices=("guess", "strict"),
            default="guess",
            help="strict: never show a date read only from the body text (the page is imported "
            "without one and listed under 无日期); guess (default): take it, reported as guessed",
        )
        parser.add_argument("--max-pages", type=int, default=5000, help="crawl: page limit")
        parser.add_argument(
            "--delay", type=float, default=0.5, help="crawl: seconds between requests"
        )
        parser.add_argument("--rollback", type=int, metavar="RUN_ID", help="undo one import run")

    def handle(self, *args: Any, **options: Any) -> None:
        """Check the arguments, run the import (or rollback), print progress and a summary."""
        if options["rollback"] is not None:
            return self._rollback(options["rollback"], options["dry_run"])
        if not options["source"]:
            raise CommandError("缺少 SOURCE（镜像目录、WARC 文件或 http(s) 地址）")
        if not options["site"]:
            raise CommandError("缺少 --site（新站点的主机名）")
        if options["limit"] is not None and options["limit"] < 1:
            raise CommandError("--limit 必须大于 0")
        if options["delay"] < 0 or options["max_pages"] < 1:
            raise CommandError("--delay 不能为负，--max-pages 必须大于 0")
        site = find_site(options["site"])
        mapping = None
        if options["mapping"]:
            try:
                mapping = load_mapping_file(options["mapping"])
            except MappingError as err:
                raise CommandError(str(err)) from err
        try:
            source = open_source(
                options["source"],
                base_url=options["base_url"],
                max_pages=options["max_pages"],
                delay=options["delay"],
            )
        except SourceError as err:
            raise CommandError(str(err)) from err
        source = self._keep_earlier_base(source, site)
        import_options = ImportOptions(
            publish=not options["draft"],
            dry_run=options["dry_run"],
            limit=options["limit"],
            mapping=mapping,
            report_dir=options["report"],
            date_policy=options["date_policy"],
            new_columns=not options["no_new_columns"],
            publish_empty=options["publish_empty"],
            own_names=site_names(site),
        )
        try:
            result = Importer(site, source, import_options).run(self._progress)
        except MappingError as err:
            raise CommandError(str(err)) from err
        self._summary(result, options["dry_run"])
        if result.source_damaged:
            raise CommandError(
                f"来源已损坏：{result.source_damaged}。已导入能读出的部分，报告中列出了损坏的位置；"
                "请重新获取完整的来源文件后再次导入（已导入的页面不会重复）"
            )
        return None

    def _keep_earlier_base(self, source: Source, site: Site) -> Source:
        """Report a guessed base URL; keep the placeholder host earlier runs of the site used."""
        if not isinstance(source, FolderSource) or not source.guessed_from:
            return source
        earlier = LegacyRecord.objects.filter(
            site=site, legacy_key__startswith=f"http://{DEFAULT_HOST}/"
        ).exists()
        if earlier:
            self.stdout.write(
                f"  此前的导入没有旧站地址，本次沿用（不采用推断的 {source.base_url}），"
                "以免重复导入"
            )
            return FolderSource(source.top, f"http://{DEFAULT_HOST}/")
        self.stdout.write(
            f"  旧站地址推断为 {source.base_url}"
            f"（{source.guessed_from} 个绝对地址指向目录中的文件；不对时用 --base-url 指定）"
        )
        return source

    def _progress(self, done: int, fate: Fate) -> None:
        """A line every PROGRESS_EVERY files, and one for each failure."""
        if fate.status == "failed":
            self.stderr.write(f"  失败 {fate.path}: {fate.reason}")
        if done % PROGRESS_EVERY == 0:
            self.stdout.write(f"  已处理 {done} 个文件…")

    def _summary(self, result: ImportResult, dry_run: bool) -> None:
        """The closing summary."""
        title = "试运行（未写入任何内容）" if dry_run else f"导入批次 #{result.run_id}"
        self.stdout.write(f"{title}：{result.files} 个源文件，用时 {result.seconds:.1f} 秒")
        for status, count in result.counts.items():
            if count:
                self.stdout.write(f"  {STATUS_LABELS.get(status, status)}: {count}")
        share = f"{100 * result.holding / result.placed:.1f}%" if result.placed else "0%"
        self.stdout.write(
            f"  放入待整理: {result.holding}（{share}）　无日期: {result.no_date}　"
            f"正文为空: {result.empty_bodies}　"
            f"缺失图片/附件: {result.missing_assets}　旧站失效链接: {result.broken_links}"
        )
        if result.article_urls:
            reach = 100 * result.live_articles / result.article_urls
            self.stdout.write(
                f"  旧文章地址到达已发布页面: {reach:.1f}%"
                f"（{result.live_articles}/{result.article_urls}，其余为草稿或未导入）"
            )
        if result.date_sources:
            labels = {"printed": "页面所示", "script": "页面脚本", "meta": "元数据", "url": "网址",
                      "body_guess": "正文推测"}  # fmt: skip
            shown = "　".join(
                f"{labels[key]} {result.date_sources[key]}"
                for key in DATE_SOURCES  # strongest evidence first
                if result.date_sources.get(key)
            )
            self.stdout.write(f"  日期来源: {shown}")
        if result.new_columns:
            made = sum(1 for c in result.new_columns if c["created"])
            self.stdout.write(
                f"新建栏目 {len(result.new_columns)} 个（本次新建 {made}）：旧栏目 → 新栏目（上级）"
            )
            for column in result.new_columns[:PLAN_LINES]:
                self.stdout.write(
                    f"  {column['old_path']} → {column['title']}（{column['parent_title']}）"
                )
        if result.columns:
            self.stdout.write("栏目对应（旧栏目 → 新栏目：页数）")
            for row in result.columns[:PLAN_LINES]:
                new = "（新建）" if row.get("new") else ""
                self.stdout.write(f"  {row['old_column']} → {row['column']}{new}：{row['pages']}")
            if len(result.columns) > PLAN_LINES:
                self.stdout.write(f"  ……另有 {len(result.columns) - PLAN_LINES} 个旧栏目，见报告")
        for path in result.report_paths:
            self.stdout.write(f"  报告: {path}")

    def _rollback(self, run_id: int, dry_run: bool) -> None:
        """Undo one run."""
        try:
            outcome = rollback_run(run_id, dry_run=dry_run)
        except RollbackError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"回滚导入批次 #{run_id}：删除页面 {outcome.pages}，图片 {outcome.images}，"
            f"文档 {outcome.documents}，重定向 {outcome.redirects}"
        )
        for line in outcome.kept:
            self.stdout.write(f"  保留（编辑已修改）: {line}")
