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
