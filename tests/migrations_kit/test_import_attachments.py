"""Attachments an old page lists only through its scripts still come over as documents."""

from __future__ import annotations

from wagtail.documents.models import Document

from redesign.core.models import ArticlePage

from .import_helpers import run_import

PAGE = (
    """<html><head><meta charset="utf-8"><title>关于印发防汛方案的通知_青山县人民政府</title>
</head><body><div>当前位置：首页 &gt; 通知公告</div><h1>关于印发防汛方案的通知</h1>
<p>发布日期：2021-06-18 来源：县应急局</p>
<div class="TRS_Editor">"""
    + "<p>各乡镇人民政府，县直各单位：现将方案印发给你们，请认真贯彻执行。</p>" * 4
    + """</div>
<script>var appendix = '<a href="./P020210618001.doc">附件：青山县防汛工作方案.doc</a>';
document.write(appendix);</script></body></html>"""
)


def test_a_scripted_attachment_becomes_a_document_of_the_page(county, tmp_path):
    root = tmp_path / "www.qs.gov.cn" / "tzgg" / "202106"
    root.mkdir(parents=True)
    (root / "t20210618_1.html").write_text(PAGE, encoding="utf-8")
    (root / "P020210618001.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get(title="关于印发防汛方案的通知")
    document = Document.objects.get()
    assert document.title == "附件：青山县防汛工作方案.doc"
    assert [item.value["document"].pk for item in page.attachments] == [document.pk]
