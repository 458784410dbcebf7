"""python manage.py fingerprint_articles: fingerprint existing and imported articles."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Site

from redesign.core.models import ArticlePage
from redesign.guarantee.originality import compute, detect, find_sources, should_check, store


class Command(BaseCommand):
    """Backfill live articles' fingerprints; flag the 原创 ones that repeat earlier pages."""

    help = (
        "Compute the fingerprint (normalised text, MinHash signature, lookup keys) of every live "
        "article, legacy imported pages included, then look for the 原创 articles of the new "
        "sites that repeat an earlier page of the cluster. Publication does this for each new "
        "article; run this once after an import, after installing the guarantee or after "
        "upgrading it (fingerprints older than migration 0005 hold no text and are not "
        "compared). Run it for the whole cluster first: with --site, the other sites' articles "
        "are found only if they are fingerprinted already."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """--site, --dry-run and --progress."""
        parser.add_argument("--site", metavar="HOST", help="Only the articles of this hostname.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Compute and compare, but write nothing (compares against stored fingerprints).",
        )
        parser.add_argument(
            "--progress", type=int, default=500, metavar="N", help="Report every N articles."
        )

    def handle(self, *args, **options) -> None:
        """Fingerprint the articles, then check the 原创 ones."""
        if options["progress"] < 1:
            raise CommandError(_("--progress 必须是正整数。"))
        pages = ArticlePage.objects.live()
        if options["site"]:
            roots = list(
                Site.objects.filter(hostname=options["site"]).values_list(
                    "root_page__path", flat=True
                )
            )
            if not roots:
                raise CommandError(_("没有主机名为 %(host)s 的站点。") % {"host": options["site"]})
            prefix = Q()
            for root in roots:
                prefix |= Q(path__startswith=root)
            pages = pages.filter(prefix)
        # legacy pages first, then by first publication: sources come before their copies
        pages = pages.order_by("-is_imported", "first_published_at", "pk")
        dry_run, every = options["dry_run"], options["progress"]
        total = pages.count()
        self.stdout.write(_("共 %(total)s 篇文章。") % {"total": total})

        stored = short = would_flag = 0
        for number, page in enumerate(pages.iterator(chunk_size=200), start=1):
            computed = compute(page)
            if computed is None:
                short += 1
            else:
                stored += 1
            if dry_run:
                if computed is not None and should_check(page):
                    would_flag += bool(find_sources(page, computed))
            else:
                store(page, computed)
            if number % every == 0 or number == total:
                self._progress(_("指纹"), number, total)

        flagged = 0
        if not dry_run:
            checked = pages.filter(origin="original", is_imported=False).defer(
                "body", "attachments"
            )
            count = checked.count()
            for number, page in enumerate(checked.iterator(chunk_size=500), start=1):
                flagged += bool(detect(page, recheck=False))  # every article is judged
                if number % every == 0 or number == count:
                    self._progress(_("比对"), number, count)

        summary = _(
            "指纹 %(stored)s 篇，正文过短未计算 %(short)s 篇；疑似转载却标为原创 %(flagged)s 篇。"
        ) % {"stored": stored, "short": short, "flagged": would_flag if dry_run else flagged}
        if dry_run:
            summary += _("（试运行，未写入）")
        self.stdout.write(self.style.SUCCESS(summary))

    def _progress(self, label: str, number: int, total: int) -> None:
        """One progress line."""
        self.stdout.write(f"{label}: {number}/{total}")
