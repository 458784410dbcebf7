"""Headlines of pages with no usable <title> or <h1> (GBK-era table layouts, 信息公开 pages)."""

from __future__ import annotations

from migrations_kit.extract import extract_page

URL = "http://www.example-county.gov.cn/news/2009/0312/content_881.html"

BODY = (
    "<p>3月10日，县农业局组织技术人员深入各乡镇，指导农户做好春耕备耕工作，"
    "检查种子、化肥和农药的储备情况。</p>"
    "<p>技术人员在田间地头讲解测土配方施肥的要点，发放明白纸两千余份，"
    "帮助群众解决生产中遇到的实际困难。</p>"
    "<p>下一步，县农业局将继续加强农资市场监管，确保全县春耕生产顺利进行。</p>"
)
NAV = (
    '<table><tr><td><a href="/">首页</a> | <a href="/gk/">政府概况</a> | '
    '<a href="/news/">工作动态</a> | <a href="/xxgk/">信息公开</a></td></tr></table>'
)


def _page(head: str, body: str, charset: str = "utf-8") -> bytes:
    """A whole page in the given encoding."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f"<html><head>{meta}{head}</head><body>{body}</body></html>".encode(charset)


def test_gbk_table_page_without_title_uses_the_big_bold_line():
    """A 2008-style table page: no <title>, the headline in <font size=4><b> above the meta row."""
    body = (
        '<table width="760"><tr><td><img src="/images/banner.jpg" alt="">某某县人民政府</td></tr>'
        f"</table>{NAV}"
        '<table width="760"><tr><td>当前位置：<a href="/">首页</a> &gt; '
        '<a href="/news/">工作动态</a></td></tr>'
        '<tr><td align="center"><font size="4"><b>县农业局开展春耕生产技术指导活动</b></font>'
        "</td></tr>"
        '<tr><td align="center">发布时间：2009-03-12 来源：县农业局 点击数：128</td></tr>'
        f"<tr><td>{BODY}</td></tr></table>"
    )
    record = extract_page(_page("", body, "gb2312"), URL)
    assert record.title == "县农业局开展春耕生产技术指导活动"
    assert record.publish_date == "2009-03-12"
    assert "县农业局开展春耕" not in record.body_text


def test_class_biaoti_under_an_untitled_document():
    """Dreamweaver's 无标题文档 is no headline; the element with class biaoti is."""
    body = (
        f"{NAV}<div class='lanmu'>工作动态</div>"
        "<div class='biaoti'>县委宣传部召开全县新闻宣传工作会议</div>"
        "<div class='info'>作者：办公室　日期：2010年5月6日</div>"
        f"<div class='zhengwen'>{BODY}</div>"
    )
    record = extract_page(_page("<title>无标题文档</title>", body), URL)
    assert record.title == "县委宣传部召开全县新闻宣传工作会议"


def test_inline_style_font_size_and_weight():
    """``style="font-size:18px;font-weight:bold"`` marks the headline of a table page."""
    body = (
        f"{NAV}<table><tr><td style='font-size:18px;font-weight:bold' align='center'>"
        "关于做好二〇一一年度防汛抗旱工作的通知</td></tr>"
        "<tr><td>日期：2011-04-02　浏览次数：56</td></tr>"
        f"<tr><td>{BODY}</td></tr></table>"
    )
    record = extract_page(_page("<title>某某县人民政府欢迎您</title>", body), URL)
    assert record.title == "关于做好二〇一一年度防汛抗旱工作的通知"


def test_script_variable_holds_the_headline():
    """A page that writes its headline from ``var title = '...'``; the DOM shows none."""
    script = (
        "<script type='text/javascript'>var title = '县人大常委会视察城区道路改造工程';"
        "var pubdate = '2012-06-18';document.write('<div>' + title + '</div>');</script>"
    )
    body = f"{NAV}{script}<div class='content'>{BODY}</div>"
    record = extract_page(_page("<title>某某县人大网</title>", body), URL)
    assert record.title == "县人大常委会视察城区道路改造工程"


def test_script_object_literal_and_document_write_heading():
    """``articleTitle: "..."`` in a config object, or a heading a script writes."""
    config = (
        '<script>var pageInfo = {siteName: "某某县政府网", '
        'articleTitle: "县供销社召开二〇一二年工作会议", channel: "工作动态"};</script>'
    )
    record = extract_page(_page("", f"{NAV}{config}<div>{BODY}</div>"), URL)
    assert record.title == "县供销社召开二〇一二年工作会议"
    written = (
        "<script>document.write('<h2 class=\"art_title\">县林业局部署春季植树造林</h2>');</script>"
    )
    record = extract_page(_page("", f"{NAV}{written}<div>{BODY}</div>"), URL)
    assert record.title == "县林业局部署春季植树造林"


def test_disclosure_page_with_the_organ_in_title_uses_the_name_row():
    """A 政府信息公开 page: <title> is the issuing organ, the headline is the 名称 row."""
    body = (
        "<div class='top'>某某县人民政府办公室</div>"
        "<table class='xxgk'>"
        "<tr><td>索 引 号：</td><td>11510000MB0001234X/2011-00012</td>"
        "<td>信息分类：</td><td>通知公告</td></tr>"
        "<tr><td>发布机构：</td><td>某某县人民政府办公室</td>"
        "<td>生成日期：</td><td>2011-07-08</td></tr>"
        "<tr><td>名　　称：</td><td colspan='3'>某某县人民政府办公室关于印发"
        "《某某县城乡环境综合治理实施方案》的通知</td></tr>"
        "<tr><td>文　　号：</td><td>某府办发〔2011〕35号</td></tr></table>"
        f"<div class='zw'>{BODY}</div>"
    )
    record = extract_page(_page("<title>某某县人民政府办公室</title>", body), URL)
    assert record.title == ("某某县人民政府办公室关于印发《某某县城乡环境综合治理实施方案》的通知")


def test_disclosure_page_with_site_title_uses_the_big_line_above_the_body():
    """The <title> is the site's name and no row is labelled: the bold line above the meta row."""
    body = (
        "<table><tr><td><b>某某县政府信息公开网</b></td></tr></table>"
        f"{NAV}<table><tr><td align='center'><strong>某某县二〇一〇年财政预算执行情况"
        "</strong></td></tr>"
        "<tr><td>发布日期：2010-09-01　信息来源：县财政局</td></tr>"
        f"<tr><td>{BODY}</td></tr></table>"
    )
    record = extract_page(_page("<title>某某县政府信息公开网</title>", body), URL)
    assert record.title == "某某县二〇一〇年财政预算执行情况"


def test_a_good_title_is_still_used():
    """When <title> holds the headline, it wins over a bold line elsewhere."""
    body = (
        f"{NAV}<p><b>重要提示：本站将于周末停机维护</b></p>"
        "<div>县教育局举行中小学安全教育专题讲座</div>"
        "<div>发布时间：2012-03-01</div>"
        f"<div>{BODY}</div>"
    )
    head = "<title>县教育局举行中小学安全教育专题讲座_某某县人民政府</title>"
    record = extract_page(_page(head, body), URL)
    assert record.title == "县教育局举行中小学安全教育专题讲座"


def test_breadcrumb_nav_site_name_and_column_are_never_the_headline():
    """Breadcrumb, nav row, site name and column name all sit above the meta row; none wins."""
    body = (
        "<div class='logo'><font size='5'><b>某某县人民政府</b></font></div>"
        f"{NAV}<div class='title'><b>当前位置：首页 &raquo; 工作动态</b></div>"
        "<div><font size='4'><b>工作动态</b></font></div>"
        "<div class='tit'>县政务服务中心开展窗口服务质量评议</div>"
        "<div>来源：县政务中心　发布时间：2011-11-20</div>"
        f"<div>{BODY}</div>"
    )
    record = extract_page(_page("<title>某某县人民政府</title>", body), URL)
    assert record.title == "县政务服务中心开展窗口服务质量评议"


def test_title_naming_the_column_gives_way_to_the_headline():
    """``<title>工作动态 - 某某县人民政府</title>`` names the column, not the article."""
    body = (
        f"{NAV}<div class='lm'>工作动态</div>"
        "<div><font size='4'><b>县统计局开展统计法律法规宣传月活动</b></font></div>"
        "<div>发布时间：2010-12-04 作者：县统计局</div>"
        f"<div>{BODY}</div>"
    )
    record = extract_page(_page("<title>工作动态 - 某某县人民政府</title>", body), URL)
    assert record.title == "县统计局开展统计法律法规宣传月活动"


def test_entities_are_decoded_and_whitespace_collapsed():
    """``&amp;raquo;``, ``&nbsp;`` and ``&#8226;`` come out as text, spaces collapsed."""
    body = (
        f"{NAV}<p align='center'><font size='4'><b>县文化馆&#8226;春节文艺&nbsp;&nbsp;"
        "汇演&amp;raquo;圆满落幕</b></font></p>"
        "<p>发布时间：2008-02-15</p>"
        f"<div>{BODY}</div>"
    )
    record = extract_page(_page("", body), URL)
    assert record.title == "县文化馆•春节文艺 汇演»圆满落幕"
