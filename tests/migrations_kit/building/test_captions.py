"""The Chinese caption, credit, heading and attachment-label rules."""

import pytest

from migrations_kit.building.captions import (
    attach_caption,
    heading_item,
    heading_level,
    is_attachment_label,
)
from migrations_kit.building.items import Heading, ImageItem, RichText


@pytest.mark.parametrize(
    ("text", "all_bold", "centred", "level"),
    [
        ("一、基本情况", True, False, "h2"),
        ("第二章 总则", True, False, "h2"),
        ("（一）工作目标", True, False, "h3"),
        ("(三)保障措施", True, False, "h3"),
        ("1、完成任务", True, False, "h4"),
        ("（2）细化分工", True, False, "h4"),
        ("居中的粗体标题", True, True, "h2"),
        ("一、基本情况", False, False, None),
        ("一、结尾有句号。", True, False, None),
        ("普通粗体", True, False, None),
        ("一、" + "长" * 40, True, False, None),
    ],
)
def test_heading_levels(text, all_bold, centred, level):
    assert heading_level(text, all_bold, centred) == level


def test_heading_item_falls_back_to_a_bold_paragraph():
    assert heading_item(" 一、 基本情况 ", "一、基本情况", "h2") == Heading("一、 基本情况", "h2")
    linked = '<a href="/x.htm">带链接的标题</a>'
    assert heading_item("带链接的标题", linked, "h2") == RichText(f"<p><b>{linked}</b></p>")
    assert isinstance(heading_item("长" * 121, "长" * 121, "h3"), RichText)


def _image(alt: str = "", **kwargs) -> ImageItem:
    """An image item as the walker makes it."""
    return ImageItem(src="http://www.napo.gov.cn/a.jpg", large=None, alt=alt, **kwargs)


def test_a_caption_line_sets_caption_credit_and_alt():
    image = _image()
    assert attach_caption(image, "图为王某在育秧基地调研（摄影：李四）", False, False)
    assert (image.caption, image.credit, image.alt) == (
        "图为王某在育秧基地调研",
        "李四",
        "王某在育秧基地调研",
    )


def test_a_credit_line_alone_sets_the_credit_and_a_second_credit_line_completes_it():
    image = _image()
    assert attach_caption(image, "供图：县融媒体中心", False, False)
    assert (image.caption, image.credit) == ("", "县融媒体中心")
    captioned = _image(caption="县城新貌")
    assert attach_caption(captioned, "摄影：王五", False, False)
    assert captioned.credit == "王五"
    assert not attach_caption(captioned, "摄影：赵六", False, False)


def test_centred_short_plain_lines_are_captions_but_ordinary_text_is_not():
    image = _image(alt="已有替代文本")
    assert attach_caption(image, "县城夜景", True, False)
    assert (image.caption, image.alt) == ("县城夜景", "已有替代文本")
    assert not attach_caption(_image(), "县城夜景", True, True)
    assert not attach_caption(_image(), "调研组一行查看了育秧基地。", False, False)
    assert not attach_caption(_image(), "图为" + "长" * 250, False, False)


@pytest.mark.parametrize(
    ("text", "titles", "label"),
    [
        ("附件1：工作方案", ["工作方案"], True),
        ("相关附件下载： 甲 、乙", ["甲", "乙"], True),
        ("点击下载", [], True),
        ("乙说明文字", ["乙"], False),
    ],
)
def test_attachment_labels(text, titles, label):
    assert is_attachment_label(text, titles) is label
