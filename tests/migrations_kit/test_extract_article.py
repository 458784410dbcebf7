"""Tests for article extraction: title, dates, 来源/作者 and main text."""

from pathlib import Path

from migrations_kit.extract import extract_file, extract_page
from migrations_kit.extract.text import url_date

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _page(body: str, title: str = "测试标题_青山县人民政府", charset: str = "utf-8") -> bytes:
    """Wrap a body fragment into a small page."""
    return (
        f'<html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body>{body}</body></html>"
    ).encode("gbk" if charset == "gbk" else "utf-8")


PARAGRAPHS = "".join(
    f"<p>第{n}段：全县上下认真贯彻落实会议精神，扎实推进各项重点工作，取得了明显成效。</p>"
    for n in range(1, 6)
)


def test_trs_article():
    """A TRS-style GBK page: suffix dropped, meta row parsed, share/print/editor lines removed."""
    page = extract_file(PAGES / "trs_gbk_lying_meta.htm")
    assert page.kind == "article"
    assert page.title == "我县召开春季农业生产工作会议"
    assert page.publish_date == "2008-03-05"
    assert page.source == "县政府办"
    assert page.author == "张三"
    assert page.body_text.startswith("三月五日上午")
    assert page.body_text.splitlines()[-2].endswith("打下坚实基础。")
    assert page.body_text.splitlines()[-1] == "附件：青山县春耕生产工作方案"
    for noise in ("打印本页", "关闭窗口", "分享到", "责任编辑", "浏览次数", "版权所有", "相关新闻"):
        assert noise not in page.body_text


def test_hanweb_article():
    """A Hanweb-style page: 发布日期 wins over 成文日期, 信息来源 and 记者 read, 编辑 ignored."""
    page = extract_file(PAGES / "hanweb_utf8_declared_gb2312.html")
    assert page.title == "县农业农村局开展村级财务专项检查"
    assert page.publish_date == "2019-06-18"
    assert page.source == "县农业农村局"
    assert page.author == "王五"
    assert page.body_text.splitlines()[0].startswith("为进一步规范村级财务管理")
    assert page.body_text.splitlines()[-1] == "绿水县农业农村局"
    assert "上一篇" not in page.body_text
    assert "字体" not in page.body_text


def test_page_without_date_gives_null():
    """A static page that shows no date gets null, not a guess."""
    page = extract_file(PAGES / "static_no_date.html")
    assert page.publish_date is None
    assert page.title == "青山概况"
    assert "茶叶之乡" in page.body_text
    assert "版权所有" not in page.body_text


def test_date_from_url_when_page_shows_none():
    """URL patterns give the date when the page itself prints none."""
    raw = _page(f"<h1>测试标题</h1><div class='content'>{PARAGRAPHS}</div>")
    assert extract_page(
        raw, "http://www.example.gov.cn/xw/200803/t20080305_1234.htm"
    ).publish_date == ("2008-03-05")
    assert url_date("/news/2008-03/05/content_1.htm") == "2008-03-05"
    assert url_date("/art/2019/6/18/art_1_2.html") == "2019-06-18"
    assert url_date("/xxgk/200803/t20080305_99.html") == "2008-03-05"
    assert url_date("/about/index.html") is None


def test_chinese_date_and_source_variants():
    """年月日 dates, 文章来源 and 稿源 labels and bracketed values are read."""
    body = (
        "<div class='tit'>测试标题</div>"
        "<div class='info'>2021年3月9日 15:30　文章来源：[ 青山日报 ]　点击数：56</div>"
        f"<div class='article-content'>{PARAGRAPHS}</div>"
    )
    page = extract_page(_page(body), "a.html")
    assert page.publish_date == "2021-03-09"
    assert page.source == "青山日报"
    raw = _page(
        "<h2>测试标题</h2><p>稿源：县融媒体中心 发布时间：2020/07/01</p>"
        f"<div id='zoom'>{PARAGRAPHS}</div>"
    )
    page = extract_page(raw, "b.html")
    assert page.source == "县融媒体中心"
    assert page.publish_date == "2020-07-01"


def test_dateline_outlet_without_label():
    """An outlet printed beside the dateline (no 来源 label) is taken as the source."""
    raw = _page(
        "<h1>测试标题</h1><div>2005年03月21日 11:21 青山晚报</div>"
        f"<div class='text'>{PARAGRAPHS}</div>"
    )
    page = extract_page(raw, "c.html")
    assert page.source == "青山晚报"
    assert page.publish_date == "2005-03-21"


def test_title_split_over_two_lines():
    """A headline printed over two lines is joined when <title> shows it whole."""
    raw = _page(
        "<div class='title'>青山县召开全县经济工作会议</div>"
        "<div class='title'>——部署明年重点任务</div>"
        f"<div>发布时间：2022-12-20</div><div class='con'>{PARAGRAPHS}</div>",
        title="青山县召开全县经济工作会议——部署明年重点任务_青山县人民政府",
    )
    page = extract_page(raw, "d.html")
    assert page.title.replace(" ", "") == "青山县召开全县经济工作会议——部署明年重点任务"


def test_title_without_dom_heading_uses_title_tag_without_suffix():
    """With no heading in the page, the <title> part that is not the site name is used."""
    raw = _page(
        f"<div class='content'>{PARAGRAPHS}</div>", title="全县开展植树活动 - 青山县人民政府"
    )
    assert extract_page(raw, "e.html").title == "全县开展植树活动"


def test_text_density_fallback_without_known_container():
    """Pages with no known container class still yield the densest text block."""
    raw = _page(
        "<div class='a1'><a href='/'>首页</a> <a href='/x'>新闻</a> <a href='/y'>公开</a></div>"
        "<h1>测试标题</h1>"
        f"<div class='q7'><div class='q8'>{PARAGRAPHS}</div></div>"
        "<div class='q9'><a href='/1'>其他新闻一</a><a href='/2'>其他新闻二</a></div>"
    )
    page = extract_page(raw, "f.html")
    assert page.body_text.count("第") >= 5
    assert "其他新闻" not in page.body_text


def test_metadata_table_between_headline_and_text():
    """In a 信息公开 table, 成文日期 is skipped and the 发布日期 cell is the publish date."""
    raw = _page(
        "<h1>测试标题</h1><table class='xxgk'><tr><td>索引号：</td><td>QS-2021-0001</td>"
        "<td>成文日期：</td><td>2021-04-02</td></tr><tr><td>发布机构：</td><td>县民政局</td>"
        "<td>发布日期：</td><td>2021-04-08</td></tr></table>"
        f"<div class='TRS_Editor'>{PARAGRAPHS}</div>"
    )
    assert extract_page(raw, "g.html").publish_date == "2021-04-08"


def test_publisher_cell_is_the_source_when_no_laiyuan():
    """With no 来源 row, the 发布机构 cell of a metadata table gives the source."""
    raw = _page(
        "<table><tr><td>发布机构：</td><td>青山县人民政府办公室</td>"
        "<td>生成日期：</td><td>2012-01-02</td></tr></table>"
        f"<h1>测试标题</h1><div class='content'>{PARAGRAPHS}</div>"
    )
    page = extract_page(raw, "h.html")
    assert page.source == "青山县人民政府办公室"
    assert page.publish_date == "2012-01-02"


def test_attachment_lines_stay_in_the_text():
    """附件 lines of a government document remain part of the main text."""
    raw = _page(
        f"<h1>测试标题</h1><div id='zoom'>{PARAGRAPHS}"
        "<p>附件：<a href='/u/plan.doc'>实施方案.doc</a></p></div>"
    )
    page = extract_page(raw, "http://www.qs.gov.cn/a/t.htm")
    assert page.body_text.splitlines()[-1] == "附件：实施方案.doc"
    assert page.attachments == [
        {"href": "http://www.qs.gov.cn/u/plan.doc", "title": "实施方案.doc"}
    ]


def test_a_section_page_is_named_by_its_section_not_the_site():
    """``[走进青山]-青山县人民政府门户网站群!`` gives the section's name, without its brackets."""
    text = "<p>青山县位于省境西部，辖八镇三乡，总面积一千二百平方公里，是全国重点生态功能区。</p>"
    raw = (
        "<html><head><meta charset='utf-8'><title>[走进青山]-青山县人民政府门户网站群!</title>"
        f"</head><body><div class='nav'><a href='/'>首页</a></div>{text * 3}</body></html>"
    ).encode()
    assert extract_page(raw, "channels/13.html").title == "走进青山"
