"""Load the demo cluster: a portal and county sites with generated Chinese sample content."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from redesign.demo.builder import ADMIN_USERNAME, DEFAULT_PASSWORD, DemoCluster, LoadReport
from redesign.demo.errors import DemoError
from redesign.demo.profiles import COUNTIES, PORTAL_HOSTNAME
from redesign.demo.sample_text import cn_number

COUNTY_NAMES = "、".join(county.name for county in COUNTIES)


class Command(BaseCommand):
    """load_demo_cluster [--port 8000] [--password admin12345] [--quiet]."""

    help = (
        f"加载演示网群：一个门户站点（{PORTAL_HOSTNAME}）和{COUNTY_NAMES}"
        f"{cn_number(len(COUNTIES))}个县级站点（*.localhost），"
        "含示例文章、政策文件、特色产业、图片、附件、管理员和各县编辑账号。"
        "重复运行不会重复创建。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the command's options."""
        parser.add_argument("--port", type=int, default=8000, help="站点端口，默认 8000")
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"新建的管理员和编辑账号的密码，默认 {DEFAULT_PASSWORD}",
        )
        parser.add_argument("--quiet", action="store_true", help="只输出错误")

    def handle(self, *args, **options) -> None:
        """Load the cluster, or report that it is loaded; then list URLs and logins."""
        if getattr(settings, "REDESIGN_ENVIRONMENT", "") == "production":
            raise CommandError(
                "生产环境不能加载演示网群：它会创建用户名和密码公开的管理员账号"
                f"（{ADMIN_USERNAME}/{DEFAULT_PASSWORD}）和各县编辑账号。"
                "请在开发环境（redesign.settings.dev）中运行。"
            )
        port = options["port"]
        if not 0 < port < 65536:
            raise CommandError(f"端口 {port} 不合法。")
        if len(options["password"]) < 8:
            raise CommandError("密码至少需要 8 个字符。")
        quiet = options["quiet"]
        log = (lambda message: None) if quiet else self.stdout.write
        cluster = DemoCluster(port=port, password=options["password"], log=log)
        try:
            report = cluster.load()
        except DemoError as err:
            raise CommandError(str(err)) from err
        if not quiet:
            self._report(report)

    def _report(self, report: LoadReport) -> None:
        """Print whether anything was built, each site's URL and the logins."""
        if report.already_loaded:
            self.stdout.write(self.style.WARNING("演示网群已经加载，未做任何更改。"))
        else:
            self.stdout.write(self.style.SUCCESS("演示网群加载完成。"))
        self.stdout.write("")
        self.stdout.write("站点：")
        for site in report.sites:
            self.stdout.write(
                f"  {site.name}  {site.url}  （{site.articles} 篇文章，{site.pages} 个页面，"
                f"{site.images} 张图片，{site.documents} 个文件）"
            )
        self.stdout.write("")
        self.stdout.write(f"管理后台：{report.admin_url}")
        for login in report.logins:
            password = (
                login.password if login.password else "（已有账号，密码与本次指定的不同，未更改）"
            )
            self.stdout.write(f"  {login.role}：用户名 {login.username}  密码 {password}")
