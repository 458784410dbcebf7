"""Tests for column-list detection and item extraction."""

from pathlib import Path

from migrations_kit.extract import extract_file, extract_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_list_page_with_pagination():
    """Repeated li rows with link and date become items; the pager is not an item."""
    page = extract_file(PAGES / "list_gbk_paginated.htm", base_url="http://www.qs.gov.cn/tzgg/")
    assert page.kind == "list"
    assert page.title == "通知公告"
    assert page.publish_date is None
    assert len(page.list_items) == 12
    first = page.list_items[0]
    assert first["title"] == "关于做好2020年度防汛抗旱工作的通知"
    assert first["date"] == "2020-05-12"
    assert first["href"] == "http://www.qs.gov.cn/tzgg/2020/t20200512_0.html"
    # truncated anchor text is completed from the title attribute
    assert page.list_items[4]["title"] == "县政府办公室关于印发农村人居环境整治方案的通知"
    assert all(item["title"] not in ("下一页", "尾页", "首页") for item in page.list_items)


def test_table_rows_list():
    """A table of rows (title cell + date cell) is a list too."""
    rows = "".join(
        f"<tr><td><a href='/a/{n}.html'>青山县第{n}号公告事项说明</a></td>"
        f"<td>[2021-0{n}-15]</td></tr>"
        for n in range(1, 9)
    )
    raw = (
        "<html><head><title>公示公告_青山县</title></head><body>"
        f"<table class='list'>{rows}</table></body></html>"
    ).encode()
    page = extract_page(raw, "list.html")
    assert page.kind == "list"
    assert len(page.list_items) == 8
    assert page.list_items[2]["date"] == "2021-03-15"


def test_article_with_related_links_is_not_a_list():
    """An article keeps its kind even with a related-news list beside it."""
    page = extract_file(PAGES / "trs_gbk_lying_meta.htm")
    assert page.kind == "article"
    assert page.list_items == []


def test_last_page_with_few_rows_is_still_a_list():
    """The last page of a column (three dated rows, no text) is a list."""
    rows = "".join(
        f"<tr><td><a href='/zc/{n}.htm'>青山县关于第{n}批项目资金安排的通知</a></td>"
        f"<td>[2011-0{n}-10]</td></tr>"
        for n in range(1, 4)
    )
    raw = (
        "<html><head><title>政策文件|青山县人民政府</title></head><body>"
        f"<table class='list'>{rows}</table><p>主办：青山县人民政府办公室</p></body></html>"
    ).encode("gbk")
    page = extract_page(raw, "index_2.htm")
    assert page.kind == "list"
    assert len(page.list_items) == 3
    assert page.title == "政策文件"


def test_hanweb_list_rows_kept_in_an_xml_datastore():
    """大汉 column pages keep their rows in <script type="text/xml"><datastore> CDATA records."""
    records = "".join(
        f'<record><![CDATA[<li><a href="/art/2021/6/{d}/art_1234_{5000 + d}.html" '
        f'title="青山县第{d}期防汛工作简报">青山县第{d}期防汛工作简报</a>'
        f"<span>2021-06-{d:02d}</span></li>]]></record>"
        for d in range(1, 16)
    )
    html = (
        "<html><head><meta charset='utf-8'><title>工作动态_青山县人民政府</title></head><body>"
        "<div class='position'>当前位置：首页 &gt; 工作动态</div><div id='1234'>"
        f"<script type='text/xml'><datastore><recordset>{records}</recordset></datastore></script>"
        "<script src='/module/web/jpage/jpage.js'></script></div></body></html>"
    )
    page = extract_page(html.encode(), "http://www.qs.gov.cn/col/col1234/index.html")
    assert page.kind == "list"
    assert page.title == "工作动态"
    assert len(page.list_items) == 15
    assert page.list_items[0] == {
        "title": "青山县第1期防汛工作简报",
        "date": "2021-06-01",
        "href": "http://www.qs.gov.cn/art/2021/6/1/art_1234_5001.html",
    }
