"""The ledger and the leaderboards as rows: for the command's table and CSV, and the admin's CSV."""

from __future__ import annotations

import csv
import io
import unicodedata
from decimal import Decimal

from django.utils.translation import gettext as _

from ..models import Stage
from .credit import LedgerResult
from .leaderboard import Leaderboard

DASH = "—"


def percent(ratio: float | Decimal | None, places: int = 1) -> str:
    """A share (0 to 1) as a percentage, or a dash."""
    return DASH if ratio is None else f"{float(ratio):.{places}%}"


def money(amount: Decimal | None) -> str:
    """An amount in yuan with its cents, or a dash."""
    return DASH if amount is None else f"{amount:.2f}"


def minutes(value: float | None) -> str:
    """Minutes, whole, or a dash."""
    return DASH if value is None else f"{value:.0f}"


def ledger_rows(result: LedgerResult) -> list[list[str]]:
    """A contract's ledger: a header, then one row per person (money dashed if weights fail)."""
    contract = result.contract
    site = contract.site.site_name or contract.site.hostname
    header = [
        _("站点"),
        _("年度"),
        _("姓名"),
        _("用户名"),
        _("投稿"),
        _("审核"),
        _("发布"),
        _("积分"),
        _("内容更新份额"),
        *[_("%(stage)s（元）") % {"stage": label} for _key, label in Stage.choices],
        _("合计（元）"),
        _("占经费比例"),
    ]
    rows = [header]
    for person in result.people:
        rows.append(
            [
                site,
                str(contract.year),
                person.name,
                person.username,
                str(person.submitted),
                str(person.reviewed),
                str(person.published),
                f"{person.points.normalize():f}",
                percent(person.update_share, 2),
                *[
                    money(person.stages.get(key, Decimal("0.00")) if result.valid else None)
                    for key, _label in Stage.choices
                ],
                money(person.total if result.valid else None),
                percent(person.budget_share if result.valid else None, 2),
            ]
        )
    return rows


def leaderboard_site_rows(board: Leaderboard) -> list[list[str]]:
    """The sites' ranking: a header, then one row per site, the best first."""
    candidates = {site.site_id for site in board.candidate_units}
    rows = [
        [
            _("名次"),
            _("站点"),
            _("主机名"),
            _("发布条数"),
            _("原创率"),
            _("疑似转载"),
            _("投稿至发布中位数（分钟）"),
            _("先进单位候选"),
        ]
    ]
    for site in board.sites:
        rows.append(
            [
                str(site.rank),
                site.name,
                site.hostname,
                str(site.published),
                percent(site.originality),
                str(site.flagged),
                minutes(site.median_minutes),
                _("是") if site.site_id in candidates else "",
            ]
        )
    return rows


def leaderboard_people_rows(board: Leaderboard) -> list[list[str]]:
    """The people's ranking: a header, then one row per person, the best first."""
    candidates = {person.user_id for person in board.candidate_people}
    rows = [[_("名次"), _("姓名"), _("用户名"), _("投稿"), _("审核"), _("发布"), _("先进个人候选")]]
    for person in board.people:
        rows.append(
            [
                str(person.rank),
                person.name,
                person.username,
                str(person.submitted),
                str(person.reviewed),
                str(person.published),
                _("是") if person.user_id in candidates else "",
            ]
        )
    return rows


def as_csv(*tables: list[list[str]]) -> str:
    """Tables as CSV, a blank line between them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerows(table)
    return buffer.getvalue()


def _width(text: str) -> int:
    """The columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def as_table(rows: list[list[str]]) -> str:
    """Rows aligned in columns for a terminal, the header underlined."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"
