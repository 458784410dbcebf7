"""The import report: issues counted by code, status labels from the id map, the files written."""

from __future__ import annotations

import csv
import json
from types import SimpleNamespace

import pytest
from wagtail.contrib.redirects.models import Redirect

from migrations_kit.issues import Issue, IssueCode
from migrations_kit.models import ImportRun, LegacyRecord
from migrations_kit.report import PLACED, STATUS_LABELS, STATUS_ORDER, Fate, ReportWriter

from .import_helpers import HOST, legacy_page, run_import

MISSING = Issue(IssueCode.ASSET_MISSING, f"http://{HOST}/a.jpg", f"缺少图片 http://{HOST}/a.jpg")
FLATTENED = Issue(
    IssueCode.TABLE_LINK_FLATTENED,
    f"http://{HOST}/t.htm",
    f"表格中的链接已转为文字 http://{HOST}/t.htm",
)


def _writer(folder) -> ReportWriter:
    """A report writer started with stand-ins for the run, the site and the source."""
    writer = ReportWriter(folder)
    writer.start(
        SimpleNamespace(pk=7, dry_run=False),
        SimpleNamespace(hostname="napo.localhost", port=80),
        SimpleNamespace(description="/mirror", base_url=f"http://{HOST}/", damaged=None),
    )
    return writer


def test_status_labels_and_order_come_from_the_id_map():
    assert STATUS_ORDER == list(LegacyRecord.Status.values)
    assert {k: str(v) for k, v in STATUS_LABELS.items()} == {
        status.value: str(status.label) for status in LegacyRecord.Status
    }
    assert (
        Fate("a.htm", "u", LegacyRecord.Status.CONFLICT).label
        == "冲突（编辑已修改，新内容存为草稿）"
    )
    assert Fate("a.htm", "u", "column").label == "栏目列表页（重定向到新栏目）"
    assert PLACED == {"imported", "updated", "unchanged", "conflict"}


def test_missing_assets_are_chosen_by_issue_code():
    writer = _writer(None)
    writer.add(Fate("a.htm", f"http://{HOST}/a.htm", "imported", issues=[MISSING, FLATTENED]))
    assert writer.missing_assets == [
        {"path": "a.htm", "code": "asset_missing", "url": MISSING.url, "issue": str(MISSING)}
    ]
    others = [Issue(code, "u", "x") for code in IssueCode if code != IssueCode.ASSET_MISSING]
    writer.add(Fate("b.htm", f"http://{HOST}/b.htm", "imported", issues=others))
    listed = [row["code"] for row in writer.missing_assets]
    assert listed == ["asset_missing", "asset_unreadable", "asset_too_big", "asset_invalid"]


def test_second_pass_issues_are_routed_by_code():
    writer = _writer(None)
    page = f"http://{HOST}/tzgg/a.htm"
    writer.add_link_issue(
        Issue(IssueCode.LINK_BROKEN, page, f"旧站内部链接指向不存在的页面 http://{HOST}/x.htm")
    )
    writer.add_link_issue(Issue(IssueCode.REDIRECT_TOO_LONG, page, "旧地址过长，无法建立重定向"))
    writer.add_link_issue(
        Issue(IssueCode.REDIRECT_KEPT_MANUAL, page, "已有人工设置的重定向，未覆盖")
    )
    summary = writer.summary()
    assert [row["code"] for row in summary["broken_links"]] == ["link_broken"]
    assert summary["broken_links"][0]["url"] == page
    assert [row["code"] for row in summary["redirect_issues"]] == [
        "redirect_too_long",
        "redirect_kept_manual",
    ]


def test_the_report_files_print_issue_sentences_and_json_keeps_codes(tmp_path):
    writer = _writer(tmp_path)
    writer.add(Fate("a.htm", f"http://{HOST}/a.htm", "imported", issues=[MISSING, FLATTENED]))
    writer.add(Fate("b.css", f"http://{HOST}/b.css", "skipped", "样式", kind="static"))
    writer.finish()
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2] == "新导入" and rows[1][-1] == f"{MISSING}；{FLATTENED}"
    assert rows[2][2] == "跳过" and rows[2][-1] == ""
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["file_fates"][0]["issues"] == [MISSING.as_dict(), FLATTENED.as_dict()]
    assert data["file_fates"][1]["kind"] == "static"
    assert data["missing_assets"][0]["code"] == "asset_missing"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert str(MISSING) in page and str(FLATTENED) in page and "新导入" in page


def test_a_fate_survives_its_json_line():
    fate = Fate(
        "a.htm", "u", "imported", page_id=3, issues=[MISSING, Issue(IssueCode.IMAGE_NO_ALT)]
    )
    again = Fate.from_dict(json.loads(json.dumps(fate.as_dict(), ensure_ascii=False)))
    assert again.row() == fate.row()
    assert all(isinstance(issue, Issue) for issue in again.issues)


def test_an_import_reports_broken_links_and_redirect_issues_with_codes(county, tmp_path):
    root = tmp_path / "m" / HOST / "tzgg"
    root.mkdir(parents=True)
    body = "<p>全县春耕备耕工作有序推进，各乡镇农资供应充足。</p>" * 5
    (root / "t20150305_1.htm").write_text(
        legacy_page(title="春耕备耕有序推进", body=body + '<a href="gone.htm">旧文</a>'),
        encoding="utf-8",
    )
    (root / "t20150306_2.htm").write_text(
        legacy_page(title="夏粮收购工作开始", body=body), encoding="utf-8"
    )
    Redirect.objects.create(
        site=county.site, old_path="/tzgg/t20150306_2.htm", redirect_page=county.home
    )
    run_import(county, tmp_path / "m", report_dir=str(tmp_path / "r"))
    data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert data["broken_links"] == [
        {
            "code": "link_broken",
            "url": f"http://{HOST}/tzgg/t20150305_1.htm",
            "issue": f"旧站内部链接指向不存在的页面 http://{HOST}/tzgg/gone.htm",
        }
    ]
    assert data["redirect_issues"] == [
        {
            "code": "redirect_kept_manual",
            "url": f"http://{HOST}/tzgg/t20150306_2.htm",
            "issue": "已有人工设置的重定向，未覆盖",
        }
    ]
    page = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "旧站失效链接（1）" in page and "重定向问题（1）" in page


def test_a_run_that_dies_still_writes_its_report_and_is_marked_interrupted(
    county, tmp_path, monkeypatch
):
    root = tmp_path / "m" / HOST / "tzgg"
    root.mkdir(parents=True)
    body = "<p>春耕备耕工作有序推进，各乡镇抓好农资供应。</p>" * 5
    for n in (1, 2):
        (root / f"t2015030{n}_{n}.htm").write_text(legacy_page(f"春耕第{n}期", body), "utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("重定向表不可写")

    monkeypatch.setattr("migrations_kit.importer.second_pass", broken)
    with pytest.raises(RuntimeError, match="重定向表不可写"):
        run_import(county, tmp_path / "m", report_dir=str(tmp_path / "r"))
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert report["interrupted"] == "RuntimeError: 重定向表不可写"
    assert sorted(f["title"] for f in report["file_fates"]) == ["春耕第1期", "春耕第2期"]
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "导入中断：RuntimeError: 重定向表不可写" in html
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_a_re_run_reports_the_current_issues_of_unchanged_pages(county, tmp_path):
    root = tmp_path / "m" / HOST / "tzgg"
    root.mkdir(parents=True)
    body = (
        "<p>春耕备耕工作有序推进，各乡镇抓好农资供应。</p>" * 5 + '<img src="gone.jpg" alt="田间">'
    )
    (root / "t20150301_1.htm").write_text(legacy_page("春耕第1期", body), "utf-8")
    first = run_import(county, tmp_path / "m", report_dir=str(tmp_path / "r1"))
    again = run_import(county, tmp_path / "m", report_dir=str(tmp_path / "r2"))
    assert (first.counts["imported"], again.counts["unchanged"]) == (1, 1)
    assert first.missing_assets == again.missing_assets == 1
    reports = [
        json.loads((tmp_path / name / "report.json").read_text(encoding="utf-8"))
        for name in ("r1", "r2")
    ]
    missing = [report["missing_assets"] for report in reports]
    assert missing[0] == missing[1] and "gone.jpg" in missing[1][0]["url"]
    fates = [report["file_fates"][0]["issues"] for report in reports]
    assert fates[0] == fates[1] and fates[1][0]["code"] == "asset_missing"
