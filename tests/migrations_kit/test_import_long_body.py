"""A giant legacy page: the body is capped at MAX_BLOCKS blocks, nothing of its text is lost."""

from __future__ import annotations

import json
import re

from migrations_kit.building.overflow import MAX_BLOCKS
from migrations_kit.building.validation import check_stream
from migrations_kit.extract import oversize
from migrations_kit.issues import IssueCode
from migrations_kit.models import LegacyRecord
from redesign.core.models import ArticlePage

from .import_helpers import HOST, legacy_page, run_import

SECTIONS = 5_000
"""Headed sections of the long page: 10,000 blocks uncapped, five times the cap."""
_TAG = re.compile(r"<[^>]+>")


def _write(tmp_path, body: str, name: str = "t20150305_1.htm", tail: str = "") -> None:
    """One legacy article page (with something after its body container) in a mirror folder."""
    folder = tmp_path / HOST / "tzgg"
    folder.mkdir(parents=True, exist_ok=True)
    page = legacy_page("全县农村公路建设情况汇总", body)
    (folder / name).write_text(page.replace("</body>", f"{tail}</body>"), encoding="utf-8")


def _page_text(page: ArticlePage) -> str:
    """All the text a page's body holds: block by block, tags removed."""
    texts = []
    for block in page.body.raw_data:
        value = block["value"]
        texts.append(value["text"] if block["type"] == "heading" else _TAG.sub(" ", str(value)))
    return " ".join(texts)


def _body_issues(page: ArticlePage) -> list[dict]:
    """The page's body-too-long issues as the id map keeps them."""
    record = LegacyRecord.objects.get(page=page)
    return [issue for issue in record.issues if issue["code"] == IssueCode.BODY_TOO_LONG]


def test_a_page_of_more_blocks_than_the_cap_keeps_every_text_in_at_most_the_cap(county, tmp_path):
    body = "".join(
        f"<h3>第{n}节　第{n}号路段</h3><p>第{n}段：该路段路面已硬化，沿线群众出行条件明显改善。</p>"
        for n in range(1, SECTIONS + 1)
    )
    _write(tmp_path, body)
    report = tmp_path / "report"
    result = run_import(county, tmp_path, report_dir=str(report))
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get()
    stream = list(page.body.raw_data)
    assert len(stream) == MAX_BLOCKS
    check_stream(stream)
    assert [b["type"] for b in stream[:4]] == ["heading", "paragraph", "heading", "paragraph"]
    assert "<h3>" in stream[-1]["value"], "headings past the cap stay headings in the rich text"
    text = _page_text(page)
    found = {int(n) for n in re.findall(r"第(\d+)段：该路段", text)}
    assert found == set(range(1, SECTIONS + 1))
    assert {int(n) for n in re.findall(r"第(\d+)号路段", text)} == set(range(1, SECTIONS + 1))
    (issue,) = _body_issues(page)
    assert f"超过{MAX_BLOCKS}块" in issue["detail"]
    summary = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert [row["title"] for row in summary["long_bodies"]] == ["全县农村公路建设情况汇总"]
    assert "正文过长的页面" in (report / "report.html").read_text(encoding="utf-8")


def test_a_page_of_more_tags_than_extraction_parses_keeps_its_body_and_not_its_footer(
    county, tmp_path, monkeypatch
):
    monkeypatch.setattr(oversize, "MARKUP_TAG_LIMIT", 2_000)
    body = "".join(
        f"<p>第{n}段：全县各乡镇认真落实农村公路养护责任制。</p>"
        + (f'<p><img src="/images/road{n}.jpg" alt="第{n}号路段现场"></p>' if n % 1000 == 0 else "")
        + ("<script>document.write('<p>脚本</p>');</script>" if n % 700 == 0 else "")
        for n in range(1, 3_001)
    )
    _write(tmp_path, body, tail="<div class='footer'><p>版权所有：那坡县人民政府办公室</p></div>")
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get()
    stream = list(page.body.raw_data)
    check_stream(stream)
    assert 2 <= len(stream) <= MAX_BLOCKS
    text = _page_text(page)
    assert {int(n) for n in re.findall(r"第(\d+)段：", text)} == set(range(1, 3_001))
    assert "版权所有" not in text, "the rest ends where the body container ends"
    assert "document.write" not in text and "脚本" not in text
    assert "图片：第3000号路段现场" in text, "an image past the cut is a link to it"
    assert f'href="http://{HOST}/images/road3000.jpg"' in stream[-1]["value"]
    (issue,) = _body_issues(page)
    assert "页面标签过多" in issue["detail"]


def test_a_page_cut_after_its_body_ended_says_what_was_not_read(county, tmp_path, monkeypatch):
    monkeypatch.setattr(oversize, "MARKUP_TAG_LIMIT", 500)
    body = "".join(f"<p>第{n}段：全县各乡镇认真落实农村公路养护责任制。</p>" for n in range(1, 41))
    links = "".join(f"<li><a href='/zwgk/{n}.htm'>政务公开目录第{n}条</a></li>" for n in range(600))
    _write(tmp_path, body, tail=f"<ul class='links'>{links}</ul>")
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get()
    text = _page_text(page)
    assert {int(n) for n in re.findall(r"第(\d+)段：", text)} == set(range(1, 41))
    assert "政务公开目录" not in text
    (issue,) = _body_issues(page)
    assert "正文在此之前已结束" in issue["detail"]


def test_a_re_run_of_a_capped_page_changes_nothing(county, tmp_path, monkeypatch):
    monkeypatch.setattr(oversize, "MARKUP_TAG_LIMIT", 50)
    body = "".join(f"<p>第{n}段：全县各乡镇认真落实农村公路养护责任制。</p>" for n in range(60))
    _write(tmp_path, body)
    assert run_import(county, tmp_path).counts["imported"] == 1
    assert run_import(county, tmp_path).counts["unchanged"] == 1
