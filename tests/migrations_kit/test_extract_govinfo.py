"""The 政务公开 index table of a page: 索引号, 文号, 发布机构, 成文日期."""

from migrations_kit.extract import extract_page
from migrations_kit.extract.dom import build_page, parse_html
from migrations_kit.extract.govinfo import extract_gov_info

TEXT = "<p>各乡镇人民政府，县直各单位：现将方案印发给你们，请认真贯彻执行。</p>" * 4


def info(body: str) -> dict[str, str]:
    """The 政务公开 fields of a page holding body."""
    return extract_gov_info(build_page(parse_html(f"<html><body>{body}</body></html>")))


def test_a_table_of_label_and_value_cells():
    table = (
        "<table class='xxgk'><tr><td>索引号：</td><td>007563142/2020-00012</td>"
        "<td>发布机构：</td><td>青山县人民政府办公室</td></tr>"
        "<tr><td>成文日期：</td><td>2020年03月02日</td><td>文号：</td><td>青政办发〔2020〕12号</td>"
        "</tr></table>"
    )
    assert info(table + TEXT) == {
        "index_number": "007563142/2020-00012",
        "issuing_body": "青山县人民政府办公室",
        "written_date": "2020-03-02",
        "document_number": "青政办发〔2020〕12号",
    }


def test_labels_and_values_in_separate_blocks_and_empty_fields():
    cells = (
        "<div><label>索引号</label> <span>005452487/2020-00001</span></div>"
        "<div><label>发文字号</label><span></span></div>"
        "<div><label>成文日期</label> <span>2020-01-06</span></div>"
    )
    assert info(cells + TEXT) == {
        "index_number": "005452487/2020-00001",
        "written_date": "2020-01-06",
    }


def test_values_that_do_not_fit_their_field_are_left_out():
    prose = (
        "<p>2018年在优课活动中荣获二等奖（文号：青教普【2018】82号），请问证书在职称评审中"
        "能不能作为优质课证书使用？有什么要求？请回复为盼，谢谢！谢谢！谢谢！谢谢！谢谢！</p>"
    )
    bad = "<p>文号：无</p><p>索引号：见附件</p><p>成文日期：不详</p>"
    assert info(prose + bad + TEXT) == {}


def test_legacy_extract_reports_the_fields_only_when_there_are_some():
    page = (
        "<html><head><meta charset='utf-8'><title>关于印发方案的通知</title></head><body>"
        "<h1>关于印发方案的通知</h1><p>发布日期：2020-03-05</p>"
        "<p>索引号：007563142/2020-00012 文号：青政办发〔2020〕12号</p>"
        f"<div class='TRS_Editor'>{TEXT}</div></body></html>"
    )
    record = extract_page(page.encode(), "http://www.qs.gov.cn/zcwj/t20200305_1.html")
    assert record.as_dict()["gov_info"] == {
        "index_number": "007563142/2020-00012",
        "document_number": "青政办发〔2020〕12号",
    }
    plain = extract_page(page.replace("索引号", "编号").replace("文号", "字号").encode(), "a.html")
    assert "gov_info" not in plain.as_dict()
