"""python manage.py content_health: each site's quota, stale columns and veto risks."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from wagtail.models import Site

from redesign.guarantee.health import site_health
from redesign.guarantee.health.mail import notify
from redesign.guarantee.health.output import as_csv, as_json, as_table

FORMATS = {"table": as_table, "json": as_json, "csv": as_csv}


class Command(BaseCommand):
    """Print each site's health against the national inspection; optionally mail it."""

    help = (
        "Print each site's published items against its quota, stale and blank columns, the home "
        "page's age and the 19号 veto risks, with a red/amber/green status. Run it daily (see the "
        "README) with --notify to mail each site's maintainers and reviewers, and the cluster's "
        "administrators when a site is red."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """--site, --date, --format and --notify."""
        parser.add_argument(
            "--site",
            action="append",
            dest="sites",
            metavar="HOST",
            help="Only this hostname (repeatable).",
        )
        parser.add_argument("--date", help="The day to judge, YYYY-MM-DD (default: today).")
        parser.add_argument("--format", choices=sorted(FORMATS), default="table")
        parser.add_argument(
            "--notify", action="store_true", help="Mail the reports to the sites' staff."
        )

    def handle(self, *args, **options) -> None:
        """Judge the sites and print the reports."""
        day = None
        if options["date"]:
            try:
                day = date.fromisoformat(options["date"])
            except ValueError as err:
                raise CommandError(
                    _("日期“%(value)s”不合法，请用 YYYY-MM-DD 格式。") % {"value": options["date"]}
                ) from err
        hostnames = options["sites"]
        if hostnames:
            known = set(
                Site.objects.filter(hostname__in=hostnames).values_list("hostname", flat=True)
            )
            unknown = [h for h in hostnames if h not in known]
            if unknown:
                raise CommandError(
                    _("没有主机名为 %(hosts)s 的站点。") % {"hosts": "、".join(unknown)}
                )
        reports = site_health(day, hostnames)
        if not reports:
            raise CommandError(_("集群中还没有站点。"))
        self.stdout.write(FORMATS[options["format"]](reports), ending="")
        if options["notify"]:
            sent = notify(reports)
            self.stderr.write(
                _("已发送：站点人员 %(staff)s 封，管理员 %(admins)s 封。")
                % {"staff": sent["staff"], "admins": sent["administrators"]}
            )
