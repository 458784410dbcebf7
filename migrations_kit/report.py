"""The import report: every source file with its fate, as CSV, JSON and HTML (streamed)."""

from __future__ import annotations

import csv
import html
import json
import os
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any

from .issues import MISSING_ASSET_CODES, Issue, IssueCode
from .models import LegacyRecord
from .sources import Source

Status = LegacyRecord.Status
STATUS_LABELS: dict[str, str] = {status.value: status.label for status in Status}
"""Each fate's label in Chinese (the id map's status labels, translated when shown)."""
STATUS_ORDER = [status.value for status in Status]
"""Fates in the order the report counts them."""
PLACED = frozenset({Status.IMPORTED, Status.UPDATED, Status.UNCHANGED, Status.CONFLICT})
"""Fates whose page sits in a column of the new site (the column plan counts them)."""
CSV_HEADER = [
    "源文件",
    "旧地址",
    "结果",
    "原因",
    "标题",
    "日期",
    "新栏目",
    "旧栏目",
    "页面ID",
    "问题",
]


@dataclass
class Fate:
    """What happened to one source file."""

    path: str
    url: str
    status: str
    reason: str = ""
    page_id: int | None = None
    title: str = ""
    date: str = ""
    column: str = ""
    old_column: str = ""
    holding: bool = False
    page_type: str = ""
    kind: str = ""
    issues: list[Issue] = field(default_factory=list)
    column_slug: str = ""
    date_source: str = ""  # extract.dates.DATE_SOURCES: which evidence gave the shown date

    @property
    def label(self) -> str:
        """The status in Chinese."""
        return str(STATUS_LABELS.get(self.status, self.status))

    def as_dict(self) -> dict[str, Any]:
        """The fate as JSON-ready fields, each issue as its code, address and sentence."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["issues"] = [issue.as_dict() for issue in self.issues]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fate:
        """A fate read back from as_dict()'s fields."""
        issues = [Issue.from_dict(item) for item in data["issues"]]
        return cls(**{**data, "issues": issues})

    def row(self) -> list:
        """The report's columns for this file, in CSV_HEADER order."""
        return [
            self.path,
            self.url,
            self.label,
            self.reason,
            self.title,
            self.date,
            self.column,
            self.old_column,
            self.page_id or "",
            "；".join(map(str, self.issues)),
        ]


class ReportWriter:
    """Streams fates to files under the report folder and keeps the counts and short lists."""

    def __init__(self, folder: str | os.PathLike[str] | None) -> None:
        """Open the CSV and the JSON-lines scratch file when a folder is given."""
        self.folder = Path(folder) if folder else None
        self.counts: Counter[str] = Counter()
        self.total = 0
        self.holding: list[dict[str, str]] = []
        self.no_date: list[dict[str, str]] = []
        self.guessed_dates: list[dict[str, str]] = []
        self.date_sources: Counter[str] = Counter()
        self.missing_assets: list[dict[str, str]] = []
        self.broken_links: list[dict[str, str]] = []
        self.long_bodies: list[dict[str, str]] = []
        self.link_issues: list[dict[str, str]] = []
        self.columns: Counter[tuple[str, str, str]] = Counter()
        self.new_columns: list[dict[str, Any]] = []
        self.empty_bodies: list[dict[str, str]] = []
        self.placed = 0
        self.meta: dict[str, Any] = {}
        self._csv: IO[str] | None = None
        self._lines: IO[str] | None = None
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._csv = (self.folder / "report.csv").open("w", encoding="utf-8-sig", newline="")
            self._writer = csv.writer(self._csv)
            self._writer.writerow(CSV_HEADER)
            self._lines = (self.folder / ".files.jsonl").open("w", encoding="utf-8")

    def interrupt(self, error: BaseException) -> list[str]:
        """Write what the report has when the run dies: every file read so far, and why it ended."""
        self.meta["interrupted"] = f"{type(error).__name__}: {error}"[:500]
        return self.finish(None)

    def start(self, run: Any, site: Any, source: Source) -> None:
        """Note the run, the site and the source."""
        self.meta = {
            "run": run.pk,
            "dry_run": run.dry_run,
            "site": f"{site.hostname}:{site.port}",
            "source": str(source.description),
            "base_url": source.base_url,
            "source_damaged": source.damaged,
        }

    def add(self, fate: Fate) -> None:
        """Count one file and stream its line."""
        self.total += 1
        self.counts[fate.status] += 1
        brief = {"path": fate.path, "title": fate.title}
        if fate.holding and fate.status in PLACED:
            self.holding.append({**brief, "old_column": fate.old_column, "why": fate.reason})
        if fate.page_type == "article" and not fate.date and fate.page_id:
            self.no_date.append(brief)
        if fate.page_type == "article" and fate.date and fate.date_source:
            self.date_sources[fate.date_source] += 1
            if fate.date_source == "body_guess":
                self.guessed_dates.append({**brief, "date": fate.date})
        if fate.page_type and fate.status in PLACED:
            self.columns[(fate.old_column, fate.column, fate.column_slug)] += 1
            self.placed += 1
        for issue in fate.issues:
            if issue.code in MISSING_ASSET_CODES:
                self.missing_assets.append({"path": fate.path, **_brief(issue)})
            elif issue.code == IssueCode.BODY_TOO_LONG:
                self.long_bodies.append({**brief, **_brief(issue)})
            elif issue.code == IssueCode.EMPTY_BODY:
                self.empty_bodies.append({**brief, "date": fate.date, **_brief(issue)})
        if self._csv is not None and self._lines is not None:
            self._writer.writerow(fate.row())
            self._lines.write(json.dumps(fate.as_dict(), ensure_ascii=False) + "\n")

    def add_link_issue(self, issue: Issue) -> None:
        """A second-pass issue: a legacy broken link, or a redirect that could not be made."""
        if issue.code == IssueCode.LINK_BROKEN:
            self.broken_links.append(_brief(issue))
        else:
            self.link_issues.append(_brief(issue))

    def summary(self, result: Any = None) -> dict[str, Any]:
        """Counts (adding up to the inventory) and the short lists."""
        return {
            **self.meta,
            "files": self.total,
            "counts": {status: self.counts.get(status, 0) for status in STATUS_ORDER},
            "seconds": round(getattr(result, "seconds", 0.0), 2),
            "columns": self.column_plan(),
            "new_columns": self.new_columns,
            "placed": self.placed,
            "holding_share": round(100 * len(self.holding) / self.placed, 1)
            if self.placed
            else 0.0,
            "holding": self.holding,
            "empty_bodies": self.empty_bodies,
            "no_date": self.no_date,
            "date_sources": dict(self.date_sources),
            "guessed_dates": self.guessed_dates,
            "missing_assets": self.missing_assets,
            "long_bodies": self.long_bodies,
            "broken_links": self.broken_links,
            "redirect_issues": self.link_issues,
        }

    def note_targets(self, pages: dict[str, Any]) -> None:
        """Note the new site's columns and standard pages (slug → page) for the mapping file."""
        self.meta["targets"] = [{"slug": slug, "title": page.title} for slug, page in pages.items()]

    def note_reach(self, article_urls: int, live_articles: int) -> None:
        """Note how many old article URLs the site knows and how many reach a live page."""
        share = round(100 * live_articles / article_urls, 1) if article_urls else 0.0
        self.meta["reach"] = {"article_urls": article_urls, "live": live_articles, "share": share}

    def note_new_columns(self, columns: list[dict[str, Any]]) -> None:
        """Note the columns the run made for old columns with no twin (the plan marks them)."""
        self.new_columns = columns

    def column_plan(self) -> list[dict[str, Any]]:
        """Old column → new column with page counts, in old column order (新建 marks new ones)."""
        made = {(c["title"], c["slug"]) for c in self.new_columns}
        return [
            {
                "old_column": old or "（无）",
                "column": new,
                "slug": slug,
                "pages": pages,
                "new": (new, slug) in made,
            }
            for (old, new, slug), pages in sorted(self.columns.items())
        ]

    def finish(self, result: Any = None) -> list[str]:
        """Write report.json and report.html; return the paths written."""
        if self.folder is None or self._csv is None or self._lines is None:
            return []
        self._csv.close()
        self._lines.close()
        scratch = self.folder / ".files.jsonl"
        summary = self.summary(result)
        json_path = self.folder / "report.json"
        with json_path.open("w", encoding="utf-8") as out:
            head = json.dumps(summary, ensure_ascii=False, indent=1)
            out.write(head[:-2] + ',\n "file_fates": [\n')
            with scratch.open(encoding="utf-8") as lines:
                for n, line in enumerate(lines):
                    out.write(("," if n else "") + line)
            out.write("]\n}\n")
        html_path = self.folder / "report.html"
        with html_path.open("w", encoding="utf-8") as out:
            _write_html(out, summary, scratch)
        scratch.unlink()
        mapping_path = self.folder / "mapping.toml"
        mapping_path.write_text(mapping_template(summary), encoding="utf-8")
        return [
            str(self.folder / "report.csv"),
            str(json_path),
            str(html_path),
            str(mapping_path),
        ]


def _brief(issue: Issue) -> dict[str, str]:
    """An issue as a short-list row: its code, address and sentence."""
    return {"code": str(issue.code), "url": issue.url, "issue": str(issue)}


def _toml(value: str) -> str:
    """A TOML basic string."""
    return json.dumps(value, ensure_ascii=False)


def mapping_template(summary: dict[str, Any]) -> str:
    """A mapping file (TOML) that states this run's column plan, for the team to correct."""
    run = "试运行" if summary.get("dry_run") else f"导入批次 #{summary.get('run')}"
    targets = "、".join(f"{t['slug']} {t['title']}" for t in summary.get("targets", []))
    lines = [
        f"# 旧栏目 → 新栏目：{run}的推断（{summary.get('site')}）。",
        "# 改等号右边的新栏目 slug，再运行",
        "#   import_legacy SOURCE --site HOST --mapping mapping.toml",
        "# 已导入的页面会移到新栏目（编辑移动过的页面不动）。删掉的行仍按推断处理。",
        "# 新建栏目写成表：title 改名，slug 改地址，parent 改上级（栏目 slug），type 改类型；",
        '# 写成 "新栏目slug" 则合并到那个栏目；create = false 则不新建',
        "# （按类型归入已有栏目，否则放待整理）。",
        f"# 新站的栏目：{targets}、daizhengli 待整理" if targets else "# daizhengli 为“待整理”",
        "[columns]",
    ]
    pages: Counter[str] = Counter()
    for row in summary["columns"]:
        pages[row["old_column"]] += row["pages"]
    written: set[str] = set()
    for column in summary.get("new_columns", []):
        parts = [
            "create = true",
            f"title = {_toml(column['title'])}",
            f"slug = {_toml(column['slug'])}",
            f"type = {_toml(column['column_type'])}",
        ]
        if column.get("parent_slug") and not column.get("parent_is_home"):
            parts.append(f"parent = {_toml(column['parent_slug'])}")
        count = pages.get(column["old_path"], 0)
        lines.append(f"{_toml(column['old_path'])} = {{ {', '.join(parts)} }}  # 新建，{count} 页")
        written.add(column["old_path"])
    for row in summary["columns"]:
        old = row["old_column"]
        if old == "（无）" or not row["slug"] or old in written:
            continue
        written.add(old)
        lines.append(f"{_toml(old)} = {_toml(row['slug'])}  # {row['column']}，{row['pages']} 页")
    return "\n".join(lines) + "\n"


def _e(value: Any) -> str:
    """HTML-escape a value."""
    return html.escape("" if value is None else str(value))


def _table(
    out: IO[str], title: str, rows: list[dict[str, str]], keys: list[tuple[str, str]]
) -> None:
    """One titled table of a short list."""
    out.write(f"<h2>{_e(title)}（{len(rows)}）</h2>\n")
    if not rows:
        out.write("<p>无</p>\n")
        return
    out.write("<table><tr>" + "".join(f"<th>{_e(label)}</th>" for _, label in keys) + "</tr>\n")
    for row in rows:
        out.write("<tr>" + "".join(f"<td>{_e(row.get(k, ''))}</td>" for k, _ in keys) + "</tr>\n")
    out.write("</table>\n")


def _write_html(out: IO[str], summary: dict[str, Any], scratch: Path) -> None:
    """The HTML report, with every file's line streamed from the scratch file."""
    out.write(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>旧站导入报告</title>'
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}"
        ".failed{background:#fdd}.conflict{background:#ffd}</style></head><body>\n"
    )
    out.write(f"<h1>旧站导入报告 #{_e(summary.get('run'))}</h1>\n")
    dry = "（试运行，未写入）" if summary.get("dry_run") else ""
    if summary.get("source_damaged"):
        damaged = _e(summary["source_damaged"])
        out.write(f'<p class="damaged">来源已损坏：{damaged}（已导入能读出的部分）</p>\n')
    if summary.get("interrupted"):
        stop = _e(summary["interrupted"])
        out.write(f'<p class="interrupted">导入中断：{stop}（以下是中断前的结果）</p>\n')
    out.write(
        f"<p>站点：{_e(summary.get('site'))}　来源：{_e(summary.get('source'))}{dry}　"
        f"用时：{_e(summary.get('seconds'))} 秒</p>\n<h2>统计</h2>\n<table>"
    )
    for status, count in summary["counts"].items():
        out.write(f"<tr><td>{_e(STATUS_LABELS[status])}</td><td>{count}</td></tr>\n")
    out.write(f"<tr><th>源文件合计</th><th>{summary['files']}</th></tr></table>\n")
    _table(
        out,
        "栏目对应（改动见同目录的 mapping.toml）",
        [{**row, "new": "新建" if row.get("new") else ""} for row in summary["columns"]],
        [
            ("old_column", "旧栏目"),
            ("column", "新栏目"),
            ("slug", "slug"),
            ("new", "新建"),
            ("pages", "页数"),
        ],
    )
    _table(
        out,
        "新建的栏目（旧站栏目在新站没有对应栏目）",
        [
            {**c, "parent": c["parent_title"], "made": "本次新建" if c["created"] else "此前已建"}
            for c in summary.get("new_columns", [])
        ],
        [
            ("old_path", "旧栏目"),
            ("title", "新栏目"),
            ("slug", "slug"),
            ("column_type", "类型"),
            ("parent", "上级"),
            ("made", ""),
        ],
    )
    _table(
        out,
        "放入“待整理”的页面",
        summary["holding"],
        [("path", "源文件"), ("title", "标题"), ("old_column", "旧栏目"), ("why", "原因")],
    )
    reach = summary.get("reach")
    if reach:
        out.write(
            f"<p>旧文章地址到达已发布页面：{reach['share']}%"
            f"（{reach['live']} / {reach['article_urls']}）</p>\n"
        )
    share = summary.get("holding_share", 0.0)
    out.write(
        f"<p>待整理占已导入页面的 {share}%"
        f"（{len(summary['holding'])} / {summary.get('placed', 0)}）</p>\n"
    )
    _table(
        out,
        f"{IssueCode.EMPTY_BODY.label}的文章",
        summary.get("empty_bodies", []),
        [("path", "源文件"), ("title", "标题"), ("date", "日期"), ("issue", "问题")],
    )
    _table(out, "没有日期的页面", summary["no_date"], [("path", "源文件"), ("title", "标题")])
    _table(
        out,
        "日期取自正文的页面（推测，请核对）",
        summary.get("guessed_dates", []),
        [("path", "源文件"), ("title", "标题"), ("date", "日期")],
    )
    _table(
        out, "缺失的图片和附件", summary["missing_assets"], [("path", "源文件"), ("issue", "问题")]
    )
    _table(
        out,
        f"{IssueCode.BODY_TOO_LONG.label}的页面（超出上限的部分以富文本导入）",
        summary["long_bodies"],
        [("path", "源文件"), ("title", "标题"), ("issue", "问题")],
    )
    _table(
        out,
        "旧站失效链接",
        summary["broken_links"],
        [("url", "所在页面"), ("issue", "问题")],
    )
    _table(out, "重定向问题", summary["redirect_issues"], [("url", "旧地址"), ("issue", "问题")])
    out.write("<h2>全部源文件</h2>\n<table><tr>")
    out.write("".join(f"<th>{_e(h)}</th>" for h in CSV_HEADER) + "</tr>\n")
    with scratch.open(encoding="utf-8") as lines:
        for line in lines:
            fate = Fate.from_dict(json.loads(line))
            cells = fate.row()
            out.write(f'<tr class="{_e(fate.status)}">')
            out.write("".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>\n")
    out.write("</table></body></html>\n")
