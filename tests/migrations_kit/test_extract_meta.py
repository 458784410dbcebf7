"""Tests for 来源/作者 extraction: label variants, garbage stripping, bylines and provenance."""

import pytest

from migrations_kit.extract import extract_page
from migrations_kit.extract.dom import build_page, parse_html
from migrations_kit.extract.meta import (
    byline_outlet,
    clean_value,
    host_site,
    reporter_byline,
    trailing_byline,
    wire_source,
    with_provenance,
)
from migrations_kit.extract.regions import regional_channel

PARAGRAPHS = "".join(
    f"<p>第{n}段：青山镇今年新修道路十二公里，沿线村民出行和农产品外运更加方便。</p>"
    for n in range(1, 6)
)


def _page(body: str, title: str = "测试标题_青山县人民政府", head: str = "") -> bytes:
    """Wrap a body fragment into a small UTF-8 page."""
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body>{body}</body></html>"
    ).encode()


def _article(meta: str, title: str, *, tail: str = "", head: str = "", first: str = "") -> bytes:
    """Build an article page: headline, one meta row, the text and an optional trailer."""
    return _page(
        f"<h1>测试标题</h1><div class='info'>{meta}</div>"
        f"<div class='content'>{first}{PARAGRAPHS}{tail}</div>",
        title=title,
        head=head,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[ 青山日报 ]\ue5c2", "青山日报"),
        ("【青山晚报】", "青山晚报"),
        ("「青山商报」 |", "青山商报"),
        ("\u200b青山电视台\ufeff —", "青山电视台"),
        ("青山日报（", "青山日报"),
    ],
)
def test_clean_value_strips_brackets_and_invisible_characters(raw, expected):
    """Brackets, private-use and zero-width characters and trailing separators are dropped."""
    assert clean_value(raw) == expected


@pytest.mark.parametrize(
    "meta",
    [
        "2021-03-09 来源：[ 青山日报 ]\ue5c2 作者：李四",
        "来源: 青山日报 发布时间：2021-03-09 作者: 李四",
        "信息来源：青山日报　浏览次数：12　作者／李四",
        "稿源：青山日报 字号：大 中 小 撰稿：李四",
        "文章来源：青山日报点击：88 作者︱李四",
    ],
)
def test_source_and_author_label_variants(meta):
    """Label spellings and separators vary; glued labels and counters never stick to values."""
    page = extract_page(_article(meta, "测试标题_青山县人民政府"), "a.html")
    assert page.source == "青山日报"
    assert page.author == "李四"


def test_bracketed_author_before_the_source_label():
    """Old portal rows print ``[ 作者 ]`` just before ``来源：[ 报 ]``."""
    meta = "NEWS.EXAMPLE.COM 2004年7月16日08:19 [ 王小明 ]\ue5c2 来源：[ 青山日报 ]\ue5c2"
    page = extract_page(_article(meta, "测试标题_青山县人民政府"), "b.html")
    assert page.author == "王小明"
    assert page.source == "青山日报"


def test_editor_is_not_the_author():
    """责任编辑 and 编辑 lines name editors, not authors."""
    meta = "来源：青山日报 作者：责任编辑：赵六"
    tail = "<p>（责任编辑：赵六）</p><p>编辑：钱七</p>"
    page = extract_page(_article(meta, "测试标题_青山县人民政府", tail=tail), "c.html")
    assert page.source == "青山日报"
    assert page.author is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报记者 张三", "张三"),
        ("青山晚报记者 张三 青山报道", "张三"),
        ("青山日报记者李四/文 受访者供图", "李四"),
        ("据新华社青山3月1日电（记者 欧阳明明）青山县今天召开大会。", "欧阳明明"),
        ("记者了解到", None),
        ("他告诉记者，今年收成很好，村里的合作社也扩大了规模，大家都很高兴。", None),
    ],
)
def test_reporter_bylines(line, expected):
    """Reporter bylines give the author; 记者 in running text does not."""
    assert reporter_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("全县上下将继续努力。（张三）", "张三"),
        ("全县上下将继续努力。（张三 青山报道）", "张三"),
        ("全县上下将继续努力。（青山县统计局）", "青山县统计局"),
        ("全县上下将继续努力。（完）", None),
        ("全县上下将继续努力。（青山日报）", None),
    ],
)
def test_trailing_bylines(line, expected):
    """A name in parentheses closing the text is the author; 完 and outlets are not."""
    assert trailing_byline(line) == expected


def test_author_from_the_end_of_the_text():
    """With no author in the meta row, the byline closing the text is used."""
    tail = "<p>青山县将继续推进农村公路建设。（记者 王五）</p><p>【责任编辑：赵六】</p>"
    page = extract_page(_article("来源：青山日报", "测试标题_青山县人民政府", tail=tail), "d.html")
    assert page.author == "王五"
    tail = "<p>青山县将继续推进农村公路建设。</p><p>作者｜孙八</p><p>[责任编辑:赵六]</p>"
    page = extract_page(_article("来源：青山日报", "测试标题_青山县人民政府", tail=tail), "e.html")
    assert page.author == "孙八"


def test_wire_dateline_and_byline_outlet_are_sources_when_no_label():
    """A wire dateline or an outlet naming its reporter stands in for a missing 来源."""
    assert wire_source("新华社青山3月1日电（记者 张三）全县……") == "新华社"
    assert wire_source("据新华社北京电 今天……") == "新华社"
    assert wire_source("青山县今天召开大会") is None
    assert byline_outlet("青山晚报记者 张三 青山报道") == "青山晚报"
    assert byline_outlet("本报记者 张三") is None


def test_provenance_rule():
    """The hosting site is added in （） unless it is the printed outlet or one of its channels."""
    assert with_provenance("青山日报", "远山网") == "青山日报（远山网）"
    assert with_provenance("远山网", "远山网") == "远山网"
    assert with_provenance("远山财经", "远山网") == "远山财经"
    assert with_provenance("青山日报", "青山日报网") == "青山日报"
    assert with_provenance("远山网", "远山网青山频道") == "远山网（远山网青山频道）"
    assert with_provenance("青山日报", None) == "青山日报"


def test_republished_article_names_the_hosting_portal():
    """A portal page carrying another outlet's article gives ``outlet（portal）``."""
    raw = _article("2020-05-01 10:00 来源：青山日报", "测试标题_财经_远山网")
    page = extract_page(raw, "f.html")
    assert page.source == "青山日报（远山网）"
    raw = _article("2020-05-01 10:00 来源：远山网", "测试标题_财经_远山网")
    assert extract_page(raw, "g.html").source == "远山网"


def test_site_own_article_is_annotated_with_the_site():
    """``本站原创`` names the site through the footer when <title> has no suffix."""
    footer = "<div class='foot'>版权所有 青山县第一人民医院 备案号：00000000号</div>"
    raw = _page(
        "<h1>测试标题</h1><div class='info'>来源：本站原创 作者：护理部</div>"
        f"<div class='content'>{PARAGRAPHS}</div>{footer}",
        title="测试标题",
    )
    page = extract_page(raw, "h.html")
    assert page.source == "本站原创（青山县第一人民医院）"
    assert page.author == "护理部"


def test_empty_source_field_gives_the_site_owner():
    """An empty 来源 field means the site's owner published the page."""
    footer = "<div class='foot'>主办单位：青山学院宣传部 版权所有</div>"
    raw = _page(
        "<h1>测试标题</h1><div class='info'>来源: | 发布时间: 2018-05-17</div>"
        f"<div class='content'>{PARAGRAPHS}</div>{footer}",
        title="测试标题-宣传部",
    )
    assert extract_page(raw, "i.html").source == "青山学院宣传部（宣传部）"


def test_government_portals_are_not_annotated():
    """A 来源 row on a government portal names a provider, not a republished outlet."""
    head = '<meta name="SiteName" content="青山县人民政府"><meta name="SiteIDCode" content="1">'
    raw = _article("来源：青山日报", "测试标题_青山县门户", head=head)
    assert extract_page(raw, "j.html").source == "青山日报"


def test_host_site_signals():
    """<title> suffix (a same-brand channel preferred), then site metas, then the footer owner."""

    def site(title: str, head: str = "", body: str = "") -> str | None:
        html = f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
        return host_site(build_page(parse_html(html)))

    assert site("标题_财经_远山网") == "远山网"
    assert site("标题-远山网青山频道-远山网") == "远山网青山频道"
    assert site("标题_苏木") is None
    assert site("标题", '<meta property="og:site_name" content="远山新闻">') == "远山新闻"
    assert site("标题", body="<p>Copyright 2020 远山网 版权所有</p>") == "远山网"
    assert site("标题", body="<p>远山传媒有限公司 版权所有</p>") is None


def test_a_regional_channel_is_the_more_precise_host():
    """A portal's province or city channel hosts the page (远山网江苏频道), a topic channel not."""

    def site(title: str, body: str = "") -> str | None:
        html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
        return host_site(build_page(parse_html(html)))

    assert site("标题_宁波频道_远山网") == "远山网宁波频道"
    assert site("标题-股票频道-远山网") == "远山网"
    crumbs = "<div>远山网&gt;&gt;江苏频道&gt;&gt;教育</div><p>Copyright 远山网 版权所有</p>"
    assert site("标题", body=crumbs) == "远山网江苏频道"
    topic = "<div>远山网 &gt; 财经频道 &gt; 正文</div><p>Copyright 远山网 版权所有</p>"
    assert site("标题", body=topic) == "远山网"
    assert regional_channel("内蒙古频道") == "内蒙古频道"
    assert regional_channel("汽车频道") is None


def test_a_bureau_site_names_itself_without_a_note():
    """On a government bureau's own site the empty 来源 gives the bureau, not ``局（局）``."""
    footer = "<div class='foot'>版权所有：河南省青山县教育体育局 地址：青山县人民路1号</div>"
    raw = _page(
        "<h1>测试标题</h1><div class='info'>作者： 来源： 日期：2019-11-13 浏览次数：</div>"
        f"<div class='content'>{PARAGRAPHS}</div>{footer}",
        title="测试标题-青山县教育体育局",
    )
    assert extract_page(raw, "k.html").source == "河南省青山县教育体育局"
    assert with_provenance("河南省青山县教育体育局", "青山县教育体育局") == "河南省青山县教育体育局"


def test_metadata_labels_are_never_a_source():
    """A 政务公开 index table (label and value in separate cells) gives no 来源 from its labels."""
    table = (
        "<div class='gk'><div><label>索引号</label><span>005452487/2020-00001</span></div>"
        "<div><label>发文字号</label><span></span></div>"
        "<div><label>成文日期</label><span>2020-01-06</span></div>"
        "<div><label>发布日期</label><span>2020-01-06</span></div></div>"
    )
    raw = _page(
        f"<h1>测试标题</h1><div class='info'>来源：</div>{table}"
        f"<div class='content'>{PARAGRAPHS}</div>",
        title="测试标题",
    )
    assert extract_page(raw, "l.html").source is None
