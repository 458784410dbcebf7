"""The health report as a table for people, JSON for machines, CSV for spreadsheets."""

import csv
import io
import json
import unicodedata

from django.utils.translation import gettext as _

from .report import SiteHealth

CSV_FIELDS = [
    "hostname",
    "site_name",
    "date",
    "status",
    "dynamic_day",
    "dynamic_min",
    "dynamic_week",
    "dynamic_week_required",
    "static_day",
    "static_min",
    "static_week",
    "static_week_required",
    "stale_columns",
    "blank_columns",
    "home_age_days",
    "veto_risks",
    "soonest_threshold",
    "soonest_days_left",
    "originality_30d",
    "near_duplicates",
    "broken_links",
]


def _percent(ratio: float | None) -> str:
    """A ratio as a whole percentage, or a dash."""
    return "—" if ratio is None else f"{ratio:.0%}"


def csv_row(report: SiteHealth) -> dict:
    """One site's report as a flat row (also the cluster report's export)."""
    soonest = report.soonest
    links = report.links
    return {
        "hostname": report.hostname,
        "site_name": report.site_name,
        "date": report.day.isoformat(),
        "status": report.status,
        "dynamic_day": report.dynamic.day,
        "dynamic_min": report.dynamic.minimum,
        "dynamic_week": report.dynamic.week,
        "dynamic_week_required": report.dynamic.week_required,
        "static_day": report.static.day,
        "static_min": report.static.minimum,
        "static_week": report.static.week,
        "static_week_required": report.static.week_required,
        "stale_columns": len(report.stale_columns),
        "blank_columns": len(report.blank_columns),
        "home_age_days": "" if report.home_age_days is None else report.home_age_days,
        "veto_risks": "；".join(v.label for v in report.veto_risks),
        "soonest_threshold": soonest.label if soonest else "",
        "soonest_days_left": soonest.days_left if soonest else "",
        "originality_30d": _percent(report.originality.get("ratio_30d")),
        "near_duplicates": report.originality.get("flagged", 0),
        "broken_links": (
            links.get("broken_internal", 0)
            + links.get("broken_external", 0)
            + links.get("missing_images", 0)
            if links
            else ""
        ),
    }


def as_json(reports: list[SiteHealth]) -> str:
    """A JSON list with one object per site."""
    return json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2, default=str)


def as_csv(reports: list[SiteHealth]) -> str:
    """One CSV row per site."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerows(csv_row(r) for r in reports)
    return buffer.getvalue()


def describe(report: SiteHealth) -> list[str]:
    """The lines that tell one site's state to a person."""
    lines = [
        _("%(name)s（%(host)s）%(date)s 状态：%(status)s")
        % {
            "name": report.site_name,
            "host": report.hostname,
            "date": report.day.isoformat(),
            "status": report.status_word,
        }
    ]
    day_kind = _("工作日") if report.working_day else _("非工作日，不计当日任务")
    for label, quota in ((_("动态"), report.dynamic), (_("静态"), report.static)):
        lines.append(
            _("  %(label)s信息：当日 %(day)s/%(min)s，近 7 日 %(week)s/%(required)s（%(kind)s）")
            % {
                "label": label,
                "day": quota.day,
                "min": quota.minimum,
                "week": quota.week,
                "required": quota.week_required,
                "kind": day_kind,
            }
        )
    if report.home_age_days is None:
        lines.append(_("  首页：从未更新"))
    else:
        lines.append(
            _("  首页：%(age)s 天未更新（上限 %(max)s 天）")
            % {"age": report.home_age_days, "max": report.home_max_age_days}
        )
    for veto in report.veto_risks:
        lines.append(
            _("  否决风险：%(label)s %(count)s/%(threshold)s")
            % {"label": veto.label, "count": veto.count, "threshold": veto.threshold}
        )
    for veto in report.veto_counts:
        if not veto.at_risk and veto.days_left is not None:
            lines.append(
                _("  距“%(label)s”否决还有 %(days)s 天（现 %(count)s/%(threshold)s）")
                % {
                    "label": veto.label,
                    "days": veto.days_left,
                    "count": veto.count,
                    "threshold": veto.threshold,
                }
            )
    for column in report.stale_columns:
        since = (
            _("从未更新")
            if column.days_since is None
            else _("%(n)s 天未更新") % {"n": column.days_since}
        )
        lines.append(
            _("  过期栏目：%(title)s %(since)s（上限 %(max)s 天）")
            % {"title": column.title, "since": since, "max": column.max_age_days}
        )
    for column in report.blank_columns:
        lines.append(_("  空白栏目：%(title)s") % {"title": column.title})
    originality = report.originality
    lines.append(
        _("  原创率（30 日）：%(ratio)s，前 30 日 %(before)s，疑似转载 %(flagged)s 篇")
        % {
            "ratio": _percent(originality.get("ratio_30d")),
            "before": _percent(originality.get("ratio_previous_30d")),
            "flagged": originality.get("flagged", 0),
        }
    )
    if report.links:
        lines.append(
            _("  链接检查：站内不可用 %(internal)s，外部不可用 %(external)s，缺失图片 %(images)s")
            % {
                "internal": report.links["broken_internal"],
                "external": report.links["broken_external"],
                "images": report.links["missing_images"],
            }
        )
    return lines


def as_table(reports: list[SiteHealth]) -> str:
    """A summary table of every site, then each site's details."""
    titles = [
        _("状态"),
        _("站点"),
        _("当日动态"),
        _("当日静态"),
        _("过期栏目"),
        _("空白栏目"),
        _("首页天数"),
    ]
    rows = [titles]
    for r in reports:
        rows.append(
            [
                r.status_word,
                r.hostname,
                f"{r.dynamic.day}/{r.dynamic.minimum}",
                f"{r.static.day}/{r.static.minimum}",
                str(len(r.stale_columns)),
                str(len(r.blank_columns)),
                "—" if r.home_age_days is None else str(r.home_age_days),
            ]
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(titles))]
    table = [
        "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    details = ["\n".join(describe(r)) for r in reports]
    return "\n".join(table) + "\n\n" + "\n\n".join(details) + "\n"


def _width(text: str) -> int:
    """The columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
