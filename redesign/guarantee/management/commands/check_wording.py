"""python manage.py check_wording: check every live page against the 规范用语 list again."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from redesign.guarantee.wording import find_errors, page_text, refresh_findings

BATCH = 200
PROGRESS_EVERY = 1000


class Command(BaseCommand):
    """check_wording [--site HOST] [--dry-run]: after the rules changed, refresh the findings."""

    help = (
        "Check every live page (or one site's) against the 规范用语 list and refresh the stored "
        "findings the health report reads. Pages are checked when published; run this after "
        "rules were added or edited so existing pages are judged by them too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """--site and --dry-run."""
        parser.add_argument("--site", metavar="HOST", help="Only the site with this hostname.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be found; store nothing."
        )

    def handle(self, *args, **options) -> None:
        """Walk the live pages in batches and refresh (or just count) their findings."""
        pages = Page.objects.live().filter(depth__gt=1).order_by("path")
        if options["site"]:
            site = Site.objects.filter(hostname=options["site"]).select_related("root_page").first()
            if site is None:
                raise CommandError(_("没有主机名为 %(host)s 的站点。") % {"host": options["site"]})
            pages = pages.filter(path__startswith=site.root_page.path)
        ids = list(pages.values_list("pk", flat=True))
        checked = with_errors = errors = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                for page in Page.objects.filter(pk__in=ids[start : start + BATCH]).specific():
                    if options["dry_run"]:
                        found = {m.wrong for m in find_errors(page_text(page)) if m.rule_id}
                    else:
                        found = refresh_findings(page)
                    checked += 1
                    errors += len(found)
                    with_errors += bool(found)
                    if checked % PROGRESS_EVERY == 0:
                        self.stderr.write(
                            _("已检查 %(n)s/%(total)s 个页面") % {"n": checked, "total": len(ids)}
                        )
        self.stdout.write(
            _("检查页面 %(checked)s 个，%(pages)s 个页面有用语错误 %(errors)s 处%(dry)s。")
            % {
                "checked": checked,
                "pages": with_errors,
                "errors": errors,
                "dry": _("（试运行，未保存）") if options["dry_run"] else "",
            }
        )
