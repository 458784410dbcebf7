"""check_theme's report: one table per theme (checks down, pages across) and the failures."""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext as _

from . import furniture
from .checker import RENDER_KEY, ThemeReport

PASS, FAIL, SKIPPED = "✓", "✗", "-"


def width(text: str) -> int:
    """The columns a string takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """Pad a string with spaces to the given terminal width."""
    return text + " " * max(columns - width(text), 0)


def _rows() -> list[tuple[str, str]]:
    """(key, Chinese name) of each row: rendering, then every furniture check."""
    return [(RENDER_KEY, _("页面渲染")), *((c.key, str(c.label)) for c in furniture.CHECKS)]


def theme_table(report: ThemeReport) -> list[str]:
    """The lines of one theme's table."""
    verdict = _("通过") if report.ok else _("未通过")
    lines = [f"{_('主题')} {report.theme.name}（{report.theme.label}）：{verdict}"]
    rows = _rows()
    first = max(width(label) for _key, label in rows) + 2
    columns = [max(width(page.label), 4) + 2 for page in report.pages]
    header = pad(_("检查项"), first) + "".join(
        pad(page.label, cols) for page, cols in zip(report.pages, columns, strict=True)
    )
    lines += [header, "-" * width(header)]
    for key, label in rows:
        cells = []
        for page, cols in zip(report.pages, columns, strict=True):
            result = page.results.get(key)
            mark = SKIPPED if result is None else PASS if result.ok else FAIL
            cells.append(pad(mark, cols))
        lines.append(pad(label, first) + "".join(cells))
    failed_blocks = len({failure.entry.name for failure in report.block_failures})
    lines.append(
        _("区块：%(total)s 个逐个渲染，%(bad)s 个有问题")
        % {"total": report.blocks_checked, "bad": failed_blocks}
    )
    return lines


def failure_lines(report: ThemeReport) -> list[str]:
    """One line per failed check: where, what and why."""
    labels = dict(_rows())
    lines = []
    for page in report.pages:
        for key, result in page.results.items():
            if not result.ok:
                lines.append(
                    f"  {FAIL} {report.theme.name} · {page.label}（{page.url}）· {labels[key]}："
                    f"{result.detail}"
                )
    for failure in report.block_failures:
        entry = failure.entry
        lines.append(
            f"  {FAIL} {report.theme.name} · {_('区块')} {entry.name}（{entry.label}，"
            f"{entry.template}）：{failure.detail}"
        )
    return lines


def format_reports(reports: list[ThemeReport]) -> str:
    """The whole report: each theme's table, then every failure, then the summary line."""
    lines: list[str] = []
    for report in reports:
        lines += [*theme_table(report), ""]
    failures = [line for report in reports for line in failure_lines(report)]
    if failures:
        lines += [_("未通过的检查："), *failures, ""]
    passed = sum(report.ok for report in reports)
    lines.append(
        _("共检查 %(total)s 个主题：%(passed)s 个通过，%(failed)s 个未通过。")
        % {"total": len(reports), "passed": passed, "failed": len(reports) - passed}
    )
    return "\n".join(lines)
