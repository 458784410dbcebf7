"""read_table: a legacy data table becomes a DataTableBlock value, its files and images apart."""

import lxml.html

from migrations_kit.building.items import ImageItem
from migrations_kit.building.tables import DEFAULT_TABLE_CAPTION, cell_text, read_table


def _table(html: str):
    """Parse one table element."""
    return lxml.html.fragment_fromstring(html)


def test_spans_headers_and_caption():
    parts = read_table(
        _table(
            "<table><caption>2023年主要指标</caption>"
            "<tr><th>指标</th><th colspan='2'>数值</th></tr>"
            "<tr><th>生产总值</th><td>186.4</td><td rowspan='2'>亿元</td></tr>"
            "<tr><th>财政收入</th><td>9.8</td></tr></table>"
        )
    )
    assert parts.value == {
        "caption": "2023年主要指标",
        "table": {
            "data": [
                ["指标", "数值", None],
                ["生产总值", "186.4", "亿元"],
                ["财政收入", "9.8", None],
            ],
            "cell": [],
            "mergeCells": [
                {"row": 0, "col": 1, "rowspan": 1, "colspan": 2},
                {"row": 1, "col": 2, "rowspan": 2, "colspan": 1},
            ],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_header_choice": "both",
            "table_caption": "",
        },
        "source": "",
    }


def test_a_bold_first_row_is_a_header_and_the_heading_before_is_the_caption():
    parts = read_table(
        _table(
            "<table><tr><td><b>乡镇</b></td><td><b>个数</b></td></tr><tr><td>城关镇</td><td>12</td></tr></table>"
        ),
        previous_heading="各乡镇育秧点",
    )
    assert parts.value["caption"] == "各乡镇育秧点"
    assert parts.value["table"]["table_header_choice"] == "row"


def test_cells_links_and_images_are_kept_apart():
    parts = read_table(
        _table(
            '<table><tr><td><a href="http://x/zj.htm">城关镇</a></td>'
            '<td><a href="#n">1</a></td></tr>'
            '<tr><td><a href="http://x/biao.xls">附表</a></td>'
            '<td><img src="http://x/t.jpg" alt="图片"></td></tr></table>'
        )
    )
    assert parts.value["caption"] == DEFAULT_TABLE_CAPTION
    assert parts.value["table"]["table_header_choice"] == "neither"
    assert parts.files == [("http://x/biao.xls", "附表")]
    assert parts.flattened == ["http://x/zj.htm"]
    assert parts.images == [ImageItem(src="http://x/t.jpg", large=None, alt="")]


def test_a_table_without_cells_has_no_value():
    assert read_table(_table("<table><tr></tr></table>")).value is None


def test_cell_text_keeps_one_line_per_paragraph_or_break():
    cell = lxml.html.fragment_fromstring("<td> 第一行<br>第二行<p>第三　行</p>\n</td>")
    assert cell_text(cell) == "第一行\n第二行\n第三 行"
