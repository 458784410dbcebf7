"""Layout tables are flattened into their cells; data tables stay tables."""

import lxml.html

from migrations_kit.building.layout import flatten_layout_tables, is_data_table


def _table(html: str):
    """Parse one table element."""
    return lxml.html.fragment_fromstring(html)


def test_single_row_and_single_column_tables_are_layout():
    assert not is_data_table(_table("<table><tr><td>左</td><td>右</td></tr></table>"))
    assert not is_data_table(_table("<table><tr><td>一</td></tr><tr><td>二</td></tr></table>"))


def test_tables_holding_blocks_or_only_images_are_layout():
    nested = "<table><tr><td><table><tr><td>x</td></tr></table></td><td>y</td></tr>" * 2
    assert not is_data_table(_table(nested + "</table>"))
    listed = "<table><tr><td><ul><li>a</li></ul></td><td>b</td></tr><tr><td>c</td><td>d</td></tr>"
    assert not is_data_table(_table(listed + "</table>"))
    images = '<table><tr><td><img src="a.jpg"></td><td><img src="b.jpg"></td></tr>' * 2
    assert not is_data_table(_table(images + "</table>"))


def test_long_text_and_link_grids_are_layout():
    long_text = "很长的正文" * 30
    body = f"<table><tr><td>{long_text}</td><td>{long_text}</td></tr>" * 2
    assert not is_data_table(_table(body + "</table>"))
    links = '<table><tr><td><a href="a">首页</a></td><td><a href="b">新闻</a></td></tr>' * 2
    assert not is_data_table(_table(links + "</table>"))


def test_grids_of_short_text_and_tables_with_th_are_data():
    grid = (
        "<table><tr><td>乡镇</td><td>人数</td></tr>"
        "<tr><td><p>城关镇</p></td><td>120</td></tr></table>"
    )
    assert is_data_table(_table(grid))
    headed = (
        "<table><caption>名单</caption><tr><th>姓名</th><th>职务</th></tr>"
        "<tr><td>张三</td><td>县长</td></tr></table>"
    )
    assert is_data_table(_table(headed))


def test_flatten_keeps_cell_content_in_order_and_data_tables():
    root = lxml.html.fragment_fromstring(
        '<div><table width="100%"><tr><td>导航</td></tr><tr><td><p>正文一</p>'
        "<table><tr><th>甲</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<p>正文二</p></td></tr></table></div>"
    )
    assert flatten_layout_tables(root) == 1
    assert [table.tag for table in root.iter("table")] == ["table"]
    text = root.text_content()
    assert text.index("导航") < text.index("正文一") < text.index("甲") < text.index("正文二")
