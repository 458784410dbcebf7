"""walk_body: a sanitized body becomes typed items, attachment links and issues, in order."""

import lxml.html

from migrations_kit.building.items import (
    Attachment,
    AttachmentsMarker,
    Heading,
    ImageItem,
    RichText,
    TableItem,
)
from migrations_kit.building.sanitize import prepare_fragment
from migrations_kit.building.walker import walk_body
from migrations_kit.issues import IssueCode

from .conftest import BASE, PAGE_URL


def _walk(html: str):
    """Walk a body fragment the way build_body does (sanitized, inside one div)."""
    root = lxml.html.fragment_fromstring(prepare_fragment(html, PAGE_URL), create_parent="div")
    return walk_body(root, PAGE_URL)


def test_paragraphs_headings_and_formatting():
    walked = _walk(
        "<p>县委书记<strong>王某</strong>调研。</p><p><b>一、基本情况</b></p>"
        "<h3>小节</h3><p>H<sub>2</sub>O 与 m<sup>2</sup></p>"
    )
    assert walked.items == [
        RichText("<p>县委书记<b>王某</b>调研。</p>"),
        Heading("一、基本情况", "h2"),
        Heading("小节", "h3"),
        RichText("<p>H₂O 与 m²</p>"),
    ]
    assert walked.attachments == [] and walked.issues == []


def test_an_image_takes_its_caption_and_credit_lines():
    walked = _walk(
        '<p><a href="big.jpg"><img src="small.jpg"></a></p>'
        "<p>图为县城夜景（摄影：张三）</p><p>正文继续。</p>"
    )
    image, text = walked.items
    assert image == ImageItem(
        src=BASE + "small.jpg",
        large=BASE + "big.jpg",
        alt="县城夜景",
        caption="图为县城夜景",
        credit="张三",
    )
    assert text == RichText("<p>正文继续。</p>")


def test_icons_and_images_inside_file_links_are_skipped_and_a_missing_src_reported():
    walked = _walk(
        '<p><img src="dot.gif" width="16" height="16">图标</p>'
        '<p><a href="fangan.doc"><img src="word.gif">工作方案</a></p><p><img alt="无地址"></p>'
    )
    assert not any(isinstance(item, ImageItem) for item in walked.items)
    assert walked.attachments == [Attachment(BASE + "fangan.doc", "工作方案")]
    assert [issue.code for issue in walked.issues] == [IssueCode.IMAGE_NO_SOURCE]


def test_attachment_labels_vanish_and_the_marker_follows_the_first_file():
    walked = _walk(
        '<p>正文</p><p>附件1：<a href="a.doc">甲</a></p><p><a href="a.doc">a.doc</a></p>'
        '<p>结尾</p><p><a href="b.zip">乙</a>说明文字</p>'
    )
    assert walked.items == [
        RichText("<p>正文</p>"),
        AttachmentsMarker(),
        RichText("<p>结尾</p>"),
        RichText("<p>乙说明文字</p>"),  # a file link in a sentence keeps its text
    ]
    assert walked.attachments == [
        Attachment(BASE + "a.doc", "甲"),
        Attachment(BASE + "b.zip", "乙"),
    ]


def test_lists_stay_balanced_around_a_table():
    walked = _walk(
        "<ul><li>一<ul><li>二</li></ul></li><li>三<table>"
        "<tr><th>甲</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr></table>四</li></ul>"
    )
    html = [
        item.html if isinstance(item, RichText) else type(item).__name__ for item in walked.items
    ]
    assert html == [
        "<ul>", "<li>", "一", "<ul>", "<li>", "二", "</li></ul>", "</li>",
        "<li>", "三", "</li></ul>", "TableItem", "<ul><li>", "四", "</li></ul>",
    ]  # fmt: skip
    table = next(item for item in walked.items if isinstance(item, TableItem))
    assert table.value["table"]["data"] == [["甲", "乙"], ["1", "2"]]


def test_a_table_after_a_heading_takes_it_as_caption_and_reports_flattened_links():
    walked = _walk(
        "<h2>各乡镇育秧点</h2><table><tr><th>乡镇</th><th>个数</th></tr>"
        '<tr><td><a href="/zj.htm">城关镇</a></td><td>12</td></tr>'
        '<tr><td>那坡镇</td><td><a href="biao.xls">附表</a></td></tr></table>'
    )
    heading, table, marker = walked.items
    assert heading == Heading("各乡镇育秧点", "h2") and marker == AttachmentsMarker()
    assert table.value["caption"] == "各乡镇育秧点"
    assert walked.attachments == [Attachment(BASE + "biao.xls", "附表")]
    assert [(issue.code, issue.url) for issue in walked.issues] == [
        (IssueCode.TABLE_LINK_FLATTENED, "http://www.napo.gov.cn/zj.htm")
    ]


def test_in_page_anchors_lose_their_link_and_other_links_keep_it():
    walked = _walk(
        '<p><a href="#top">回到顶部</a> <a href="t20080305_1234.htm#x">本页</a> '
        '<a href="/xwzx/">新闻</a></p>'
    )
    assert walked.items == [
        RichText('<p>回到顶部 本页 <a href="http://www.napo.gov.cn/xwzx/">新闻</a></p>')
    ]
