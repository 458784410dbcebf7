"""clean_fragment: active content and styling go, text and structure stay, URLs resolve."""

from migrations_kit.building.sanitize import clean_fragment, prepare_fragment

from .conftest import BASE, PAGE_URL


def test_removes_active_content_and_keeps_text():
    html = (
        '<div class="TRS_Editor" id="zoom"><script>alert("x")</script>'
        "<style>.a{color:red}</style>"
        '<p onclick="steal()" style="color:red" class="MsoNormal">'
        '<font face="宋体" color="#ff0000">'
        '<span style="font-size:14pt">县委召开常委会</span></font>'
        "</p>"
        '<iframe src="http://ads.example.com/">广告</iframe><object data="x.swf">flash</object>'
        '<embed src="x.swf"><a href="javascript:alert(1)">点我</a>'
        '<a href=" JaVa&#x09;ScRiPt:alert(1)">再点</a><a href="vbscript:msgbox(1)">vb</a>'
        '<img src="data:image/png;base64,AAAA" onerror="x()"></div>'
    )
    cleaned = clean_fragment(html, PAGE_URL)
    for gone in ("script", "style", "alert", "onclick", "font", "span", "iframe", "广告"):
        assert gone not in cleaned
    for gone in ("flash", "class=", "id=", "javascript", "vbscript", "data:", "onerror", "div"):
        assert gone.lower() not in cleaned.lower()
    assert "<p>县委召开常委会</p>" in cleaned
    assert "点我" in cleaned and "再点" in cleaned


def test_keeps_content_tags_and_resolves_relative_urls():
    html = (
        "<h2>标题</h2><p><strong>粗</strong><em>斜</em><u>下</u>m<sup>2</sup></p>"
        '<a href="../../zwdt/t1.htm" title="动态">动态</a><img src="./W1.jpg" alt="图" width="600">'
        '<table><caption>表</caption><tr><th scope="col">甲</th></tr>'
        '<tr><td colspan="2" rowspan="x">乙</td></tr></table>'
        "<ul><li>一</li></ul><blockquote>引</blockquote><hr><center>居中</center>"
    )
    cleaned = clean_fragment(html, PAGE_URL)
    assert '<a href="http://www.napo.gov.cn/xwzx/zwdt/t1.htm" title="动态">' in cleaned
    assert f'<img src="{BASE}W1.jpg" alt="图" width="600">' in cleaned
    assert '<th scope="col">' in cleaned and '<td colspan="2">' in cleaned
    for kept in ("<h2>", "<strong>", "<em>", "<u>", "<sup>", "<caption>", "<ul>", "<blockquote>"):
        assert kept in cleaned
    assert "<hr>" in cleaned and "居中" in cleaned and "<center>" not in cleaned


def test_without_a_usable_base_relative_urls_pass_through():
    assert clean_fragment('<a href="a.htm">a</a>', "") == '<a href="a.htm">a</a>'
    assert clean_fragment("", PAGE_URL) == ""


def test_prepare_fragment_keeps_alignment_and_bold_only():
    html = '<p align="center" style="color:red;text-align:center;font-weight:bold">x</p>'
    prepared = prepare_fragment(html, PAGE_URL)
    assert 'align="center"' in prepared
    assert "color" not in prepared and "text-align:center" in prepared


def test_tables_nested_200_deep_do_not_crash():
    html = "<table><tr><td>" * 200 + "最里层" + "</td></tr></table>" * 200
    cleaned = clean_fragment(html, PAGE_URL)
    assert "最里层" in cleaned


def test_five_megabyte_fragment_does_not_crash():
    unit = '<p><font color="red">一段旧站正文</font><a href="t1.htm">链接</a></p>'
    html = unit * (5 * 1024 * 1024 // len(unit.encode()) + 1)
    cleaned = clean_fragment(html, PAGE_URL)
    assert cleaned.count("<p>") == html.count("<p>")
    assert "font" not in cleaned
