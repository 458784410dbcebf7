"""Clear citizens' personal data from closed questions older than each site's retention period."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from ...models import InteractionSettings
from ...purge import purge, purge_due


class Command(BaseCommand):
    """purge_questions [--site HOST] [--dry-run]: the retention rule of 留言办理设置."""

    help = (
        "Clear name, phone, e-mail, IP address and attachment of every closed question older "
        "than its site's retention period (留言办理设置); the question, answer and log stay."
    )

    def add_arguments(self, parser) -> None:
        """--site, --dry-run."""
        parser.add_argument("--site", action="append", help=_("只处理这些站点的域名（可多次）。"))
        parser.add_argument("--dry-run", action="store_true", help=_("只统计，不清除。"))

    def handle(self, *args, **options) -> None:
        """Purge site by site, printing each count."""
        sites = Site.objects.order_by("hostname")
        if options["site"]:
            sites = sites.filter(hostname__in=options["site"])
            missing = set(options["site"]) - set(sites.values_list("hostname", flat=True))
            if missing:
                raise CommandError(_("没有这些站点：%s") % "、".join(sorted(missing)))
        total = 0
        for site in sites:
            days = InteractionSettings.for_site(site).retention_days
            due = purge_due(site, days)
            count = due.count() if options["dry_run"] else purge(due)
            total += count
            if count:
                verb = _("将清除") if options["dry_run"] else _("已清除")
                self.stdout.write(
                    _("%(host)s：%(verb)s %(n)s 条留言的个人信息（保存期限 %(days)s 天）")
                    % {"host": site.hostname, "verb": verb, "n": count, "days": days}
                )
        self.stdout.write(_("共 %(n)s 条。") % {"n": total})
