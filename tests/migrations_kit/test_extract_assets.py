"""Tests for image and attachment extraction and link resolution."""

from pathlib import Path

from migrations_kit.extract import extract_file, extract_page
from migrations_kit.extract.assets import attachment_extension

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_images_and_attachments_resolve_against_base_url():
    """Relative links resolve against --base-url."""
    page = extract_file(
        PAGES / "trs_gbk_lying_meta.htm", base_url="http://www.qs.gov.cn/xwzx/200803/t.htm"
    )
    assert page.images == [
        {"src": "http://www.qs.gov.cn/images/2008/chungeng.jpg", "alt": "会议现场"}
    ]
    assert page.attachments == [
        {
            "href": "http://www.qs.gov.cn/xwzx/200803/P020080305_plan.doc",
            "title": "青山县春耕生产工作方案",
        }
    ]


def test_images_resolve_against_file_location():
    """Without a base URL, relative links resolve against the file's folder on disk."""
    page = extract_file(PAGES / "trs_gbk_lying_meta.htm")
    expected = (PAGES / "../../images/2008/chungeng.jpg").resolve()
    assert page.images[0]["src"] == str(expected)


def test_attachment_extensions():
    """Office, WPS, PDF and archive links are attachments; pages are not."""
    for href in (
        "a.doc",
        "b.DOCX",
        "c.xls",
        "d.xlsx",
        "e.pdf",
        "f.wps",
        "g.rar",
        "h.zip",
        "i.et",
        "j.pptx",
        "k.txt",
    ):
        assert attachment_extension(href), href
    assert attachment_extension("/news/t1.htm") is None
    assert attachment_extension("/download.aspx?id=3") is None


def test_spacer_images_skipped():
    """Tiny spacer images are not content images."""
    paragraphs = "<p>县里举办农民丰收节活动，展示特色农产品，吸引了众多群众前来参观。</p>" * 4
    raw = (
        "<html><body><h1>标题</h1><div class='content'>"
        f"<img src='spacer.gif' width='1' height='1'>{paragraphs}<img src='/u/a.png' alt='展台'>"
        "</div></body></html>"
    ).encode()
    page = extract_page(raw, "http://www.qs.gov.cn/x/y.html")
    assert page.images == [{"src": "http://www.qs.gov.cn/u/a.png", "alt": "展台"}]


SCRIPTED = """<html><head><meta charset="utf-8"><title>关于印发方案的通知_青山县人民政府</title>
</head><body><h1>关于印发方案的通知</h1><p>发布日期：2021-06-18</p>
<div class="TRS_Editor"><p>各乡镇人民政府，县直各单位：现将方案印发给你们，请贯彻执行。</p>
</div><script language="javascript">
var appendix = '<a href="./P020210618001.docx" target="_blank">附件1：防汛工作方案.docx</a>'
  + '<br><a href=\\"./P020210618002.xls\\">附件2：值班表.xls</a>';
if (appendix != "") { document.write("相关附件：" + appendix); }
var fjUrls = "./P020210618003.pdf|./P020210618004.wps";
var logo = "../images/logo.png"; var api = "/api/list.json"; var css = "./style.css";
</script></body></html>"""


def test_attachments_written_by_page_scripts_are_found():
    """TRS templates print attachment lists with document.write; a mirror keeps only the script."""
    page = extract_page(SCRIPTED.encode(), "http://www.qs.gov.cn/zwgk/tzgg/202106/t1.html")
    folder = "http://www.qs.gov.cn/zwgk/tzgg/202106/"
    assert page.attachments == [
        {"href": f"{folder}P020210618001.docx", "title": "附件1：防汛工作方案.docx"},
        {"href": f"{folder}P020210618002.xls", "title": "附件2：值班表.xls"},
        {"href": f"{folder}P020210618003.pdf", "title": "P020210618003.pdf"},
        {"href": f"{folder}P020210618004.wps", "title": "P020210618004.wps"},
    ]
