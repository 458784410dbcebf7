"""List each site's questions past or near their deadline and the 3-month line; mail reminders."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from redesign.core.workdays import local_today

from ...escalation import connection, due_for_site, notify


class Command(BaseCommand):
    """question_deadlines [--site HOST] [--notify] [--dry-run]: the daily 超期督办."""

    help = (
        "List every site's open questions that are past their reply deadline, due within the "
        "warning days, or within 30 days of the 3-month line; with --notify, mail each site's "
        "escalation addresses, handling departments, 审核 and 维护 (run it daily from cron)."
    )

    def add_arguments(self, parser) -> None:
        """--site, --notify, --dry-run."""
        parser.add_argument("--site", action="append", help=_("只处理这些站点的域名（可多次）。"))
        parser.add_argument("--notify", action="store_true", help=_("发送督办邮件。"))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("只列出将要发送的提醒，不发邮件、不记日志。")
        )

    def handle(self, *args, **options) -> None:
        """Walk the sites, print each one's counts, mail when asked."""
        sites = Site.objects.order_by("hostname")
        if options["site"]:
            sites = sites.filter(hostname__in=options["site"])
            missing = set(options["site"]) - set(sites.values_list("hostname", flat=True))
            if missing:
                raise CommandError(_("没有这些站点：%s") % "、".join(sorted(missing)))
        today = local_today()
        mail = connection() if options["notify"] and not options["dry_run"] else None
        total = 0
        for site in sites:
            due = due_for_site(site, today)
            if not due.questions:
                continue
            total += len(due.overdue)
            line = _("%(host)s：超期 %(overdue)s，即将到期 %(soon)s，临近否决线 %(veto)s") % {
                "host": site.hostname,
                "overdue": len(due.overdue),
                "soon": len(due.due_soon),
                "veto": len(due.near_veto),
            }
            if options["notify"]:
                if options["dry_run"]:
                    line += _("；将发送给 %s") % ("、".join(due.recipients) or _("（无收件人）"))
                elif notify(due, today, mail):
                    line += _("；已发送给 %s") % "、".join(due.recipients)
                else:
                    line += _("；没有可发送的邮箱，请在留言办理设置中填写督办邮箱")
            self.stdout.write(line)
        self.stdout.write(_("共 %(n)s 条留言超过答复期限。") % {"n": total})
