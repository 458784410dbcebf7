"""python manage.py responsibility_report: each person's credited work and share of the budget."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from wagtail.models import Site

from redesign.guarantee.ledger import credit, leaderboard
from redesign.guarantee.ledger.output import (
    as_csv,
    as_table,
    leaderboard_people_rows,
    leaderboard_site_rows,
    ledger_rows,
    money,
)
from redesign.guarantee.models import Contract


class Command(BaseCommand):
    """Print the chain-of-responsibility ledger of a year's contracts, recomputed from the logs."""

    help = (
        "Print the 连环责任制 ledger of every contract of a year (or of one site's): per person "
        "the items submitted, reviewed and published, the points they give by the contract's role "
        "weights, each stage's share and the share of the budget. The figures are recomputed "
        "from the publication records each time. --leaderboard adds the year's 评优 rankings "
        "and candidate 先进单位 and 先进个人."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """--year, --site, --format and --leaderboard."""
        parser.add_argument("--year", type=int, required=True, help="The contract year, YYYY.")
        parser.add_argument("--site", metavar="HOST", help="Only this hostname's contract.")
        parser.add_argument("--format", choices=("table", "csv"), default="table")
        parser.add_argument(
            "--leaderboard", action="store_true", help="Add the year's 评优 rankings."
        )

    def handle(self, *args, **options) -> None:
        """Find the contracts, compute their ledgers and print them."""
        year, host = options["year"], options["site"]
        if not 2000 <= year <= 2100:
            raise CommandError(_("年度 %(year)s 不合法。") % {"year": year})
        contracts = Contract.objects.filter(year=year).select_related("site")
        site_ids = None
        if host:
            site_ids = list(Site.objects.filter(hostname=host).values_list("pk", flat=True))
            if not site_ids:
                raise CommandError(_("没有主机名为 %(host)s 的站点。") % {"host": host})
            contracts = contracts.filter(site_id__in=site_ids)
        contracts = list(contracts.order_by("site__hostname"))
        if not contracts:
            if host:
                raise CommandError(
                    _("站点 %(host)s 没有 %(year)s 年度的责任协议。") % {"host": host, "year": year}
                )
            raise CommandError(_("没有 %(year)s 年度的责任协议。") % {"year": year})

        results = []
        for number, contract in enumerate(contracts, start=1):
            results.append(credit(contract))
            if len(contracts) > 1:
                self.stderr.write(f"{number}/{len(contracts)} {contract.site.hostname}")
        board = None
        if options["leaderboard"]:
            board = leaderboard(date(year, 1, 1), date(year, 12, 31), site_ids)

        if options["format"] == "csv":
            rows = [ledger_rows(results[0])[0]]
            for result in results:
                rows += ledger_rows(result)[1:]
            tables = [rows]
            if board is not None:
                tables += [leaderboard_site_rows(board), leaderboard_people_rows(board)]
            self.stdout.write(as_csv(*tables), ending="")
            for result in results:
                for message in result.messages:
                    self.stderr.write(f"{result.contract.site.hostname}: {message}")
            return
        for result in results:
            self._write_ledger(result)
        if board is not None:
            self._write_leaderboard(board)

    def _write_ledger(self, result) -> None:
        """One contract's ledger as text: its heading, warnings, stages and people."""
        contract = result.contract
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                _(
                    "%(site)s %(year)s 年度 · 经费 %(budget)s 元 · "
                    "%(start)s 至 %(end)s · 稿件 %(items)s 条"
                )
                % {
                    "site": contract.site.site_name or contract.site.hostname,
                    "year": contract.year,
                    "budget": money(contract.budget),
                    "start": contract.starts_on,
                    "end": contract.ends_on,
                    "items": result.items,
                }
            )
        )
        for message in result.messages:
            self.stdout.write(self.style.WARNING(message))
        stages = [[_("阶段"), _("权重"), _("经费（元）"), _("人数"), _("未分配（元）")]]
        for stage in result.stages:
            stages.append(
                [
                    stage.label,
                    f"{stage.weight.normalize():f}%",
                    money(stage.amount),
                    str(len(stage.people)),
                    money(stage.unassigned if result.valid else None),
                ]
            )
        self.stdout.write(as_table(stages))
        rows = ledger_rows(result)
        self.stdout.write(as_table([row[2:] for row in rows]) if len(rows) > 1 else _("无人计分。"))
        self.stdout.write("")

    def _write_leaderboard(self, board) -> None:
        """The year's rankings and candidates as text."""
        self.stdout.write(self.style.MIGRATE_HEADING(_("评优：站点排名")))
        self.stdout.write(as_table(leaderboard_site_rows(board)))
        self.stdout.write(self.style.MIGRATE_HEADING(_("评优：个人排名")))
        self.stdout.write(as_table(leaderboard_people_rows(board)))
        units = "、".join(site.name for site in board.candidate_units) or "—"
        people = "、".join(person.name for person in board.candidate_people) or "—"
        self.stdout.write(_("先进单位候选：%(names)s") % {"names": units})
        self.stdout.write(_("先进个人候选：%(names)s") % {"names": people})
