"""A page with more tags than extraction parses: cut at a block start, the body's rest kept."""

import re

import lxml.html

from migrations_kit.extract import CAPPED_FLAG, extract_page, oversize
from migrations_kit.extract.oversize import CUT_MARK, body_rest, split_markup, take_cut_mark

PARAGRAPH = "<p>第{n}段：全县各乡镇认真落实农村公路养护责任制。</p>"


def _page(paragraphs: int, after: str = "") -> str:
    """A legacy article page: headline, date, a body of numbered paragraphs, and what follows."""
    body = "".join(PARAGRAPH.format(n=n) for n in range(paragraphs))
    return (
        "<html><head><title>养护工作</title></head><body><h1>养护工作</h1>"
        f"<p>发布时间：2015-03-05</p><div id='zoom'>{body}</div>{after}</body></html>"
    )


def test_a_page_under_the_limit_is_parsed_whole():
    text = _page(10)
    assert split_markup(text, 1_000) == (text, "")


def test_a_page_over_the_limit_is_cut_before_a_block_start_and_not_inside_a_script():
    script = "<script>var s = '" + "<p>x</p>" * 50 + "';</script>"
    text = _page(5) + script + "".join(PARAGRAPH.format(n=n) for n in range(5, 200))
    inside_the_script = len(re.findall(r"<[A-Za-z/!?]", _page(5))) + 10
    head, rest = split_markup(text, inside_the_script)
    assert head + rest == text
    assert rest.startswith("<p>第"), "the cut falls before a paragraph after the script"
    assert head.endswith("</script>")


def test_the_cut_mark_names_the_elements_open_at_the_cut():
    root = lxml.html.document_fromstring(
        "<html><body><div id='zoom'><div class='inner'><p>一</p>" + CUT_MARK
    )
    path = take_cut_mark(root)
    assert [el.get("class") or el.get("id") or el.tag for el in path] == [
        "inner",
        "zoom",
        "body",
        "html",
    ]
    assert not root.xpath("//div[@id='migrations-kit-cut']")


def test_the_rest_ends_where_the_container_closes_as_libxml2_closes_it():
    root = lxml.html.document_fromstring(
        "<html><body><div id='zoom'><div class='inner'><p>一</p>" + CUT_MARK
    )
    path = take_cut_mark(root)
    zoom = root.get_element_by_id("zoom")
    rest = (
        "<p>二</p><div><p>三</p></div><!-- </div></div> --><script>'</div>'</script>"
        "<p>四<p>五</div><p>六</p></div><div class='footer'>版权所有</div>"
    )
    kept = body_rest(rest, zoom, path)
    assert kept == rest[: rest.index("</div><div class='footer'>")]
    assert body_rest(rest, zoom, []) == "", "a container closed before the cut has no rest"


def test_extraction_of_a_capped_page_flags_it_and_keeps_the_body_rest(monkeypatch):
    monkeypatch.setattr(oversize, "MARKUP_TAG_LIMIT", 300)
    footer = "<div class='footer'>版权所有：那坡县人民政府办公室</div>"
    page = extract_page(_page(400, footer).encode("utf-8"), "http://x.gov.cn/t20150305_1.htm")
    assert CAPPED_FLAG in page.flags
    assert page.title == "养护工作" and page.publish_date == "2015-03-05"
    assert "第0段" in page.body_html and "第399段" not in page.body_html
    assert "第399段" in page.body_rest_html and "版权所有" not in page.body_rest_html
    whole = page.body_html + page.body_rest_html
    assert all(f"第{n}段" in whole for n in range(400))
    assert "body_rest_html" not in page.as_dict()
