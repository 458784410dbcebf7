"""Headings, paragraphs, images, attachments, tables, quotes, links and layout blocks."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from blocks.base import (
    PARAGRAPH_FEATURES,
    AttachmentBlock,
    BannerBlock,
    DataTableBlock,
    HeadingBlock,
    ImageBlock,
    LinkBlock,
    ParagraphBlock,
    QuickLinksBlock,
    TwoColumnBlock,
)
from tests.blocks.helpers import add_article, make_document, make_image


@pytest.mark.parametrize("level", ["h2", "h3", "h4"])
def test_heading_levels(level):
    """The chosen level is the element."""
    block = HeadingBlock()
    html = block.render(block.to_python({"text": "二、存在的问题", "level": level}))
    assert f'<{level} class="b-heading b-heading--{level}">二、存在的问题</{level}>' in html


def test_heading_refuses_unknown_level():
    """A tampered level falls back to h2 instead of reaching the HTML."""
    block = HeadingBlock()
    html = block.render(block.to_python({"text": "标题", "level": "script"}))
    assert html.startswith("<h2")


def test_paragraph_features_and_render():
    """The paragraph offers the agreed features and renders its rich text."""
    block = ParagraphBlock()
    assert block.features == PARAGRAPH_FEATURES
    assert {"h2", "h3", "h4", "document-link", "hr"} <= set(block.features)
    html = block.render(block.to_python("<p>全县完成造林<b>3.2万亩</b>。</p>"))
    assert html.strip() == '<div class="b-paragraph"><p>全县完成造林<b>3.2万亩</b>。</p></div>'


def test_image_requires_alt_text(db):
    """ImageBlock refuses an empty or blank alt text."""
    image = make_image()
    block = ImageBlock()
    for alt in ("", "   "):
        value = block.to_python({"image": image.pk, "alt": alt, "caption": "", "credit": ""})
        with pytest.raises(ValidationError):
            block.clean(value)
    value = block.to_python({"image": image.pk, "alt": "县城全景", "caption": "", "credit": ""})
    assert block.clean(value)["alt"] == "县城全景"


def test_image_renders_alt_caption_and_credit(db):
    """The image carries its alt text; caption and 来源 go in a figcaption."""
    image = make_image()
    block = ImageBlock()
    value = block.to_python(
        {
            "image": image.pk,
            "alt": "新建成的县人民医院",
            "caption": "县人民医院新院区",
            "credit": "县卫健局",
        }
    )
    html = block.render(value)
    img = re.search(r"<img[^>]+>", html).group(0)
    assert 'alt="新建成的县人民医院"' in img
    assert 'class="b-image__img"' in img
    assert "<figcaption" in html and "县人民医院新院区" in html and "来源：县卫健局" in html


def test_data_table_caption_and_header_scopes():
    """A caption, column headers with scope=col and row headers with scope=row."""
    block = DataTableBlock()
    value = block.to_python(
        {
            "caption": "2024年一季度财政收支",
            "table": {
                "data": [
                    ["项目", "金额（万元）"],
                    ["一般公共预算收入", "23,150"],
                    ["一般公共预算支出", "81,420"],
                ],
                "table_header_choice": "both",
            },
            "source": "县财政局",
        }
    )
    html = block.render(value)
    assert '<caption class="b-data-table__caption">2024年一季度财政收支</caption>' in html
    assert '<th scope="col">金额（万元）</th>' in html
    assert '<th scope="row">一般公共预算收入</th>' in html
    assert "<td>81,420</td>" in html
    assert "数据来源：县财政局" in html


def test_data_table_without_headers_uses_table_caption():
    """No header choice: only data cells; the editor's table caption is used if no caption."""
    block = DataTableBlock()
    value = block.to_python(
        {
            "caption": "",
            "table": {
                "data": [["甲", "乙"], ["丙", None]],
                "table_header_choice": "neither",
                "table_caption": "表一",
            },
            "source": "",
        }
    )
    html = block.render(value)
    assert "<th" not in html
    assert "表一</caption>" in html
    assert html.count("<td>") == 4
    with pytest.raises(ValidationError):
        block.clean(value)  # the block's own caption is required


def test_data_table_escapes_cells():
    """Cell text is escaped."""
    block = DataTableBlock()
    value = block.to_python(
        {
            "caption": "表",
            "table": {"data": [["<script>x</script>"]], "table_header_choice": "neither"},
        }
    )
    assert "<script>" not in block.render(value)


def test_attachment_renders_download_link(db):
    """The attachment links its file with type and size; the title falls back to the document's."""
    document = make_document("2024年部门预算", "budget.pdf")
    block = AttachmentBlock()
    value = block.to_python({"document": document.pk, "title": ""})
    html = block.render(value)
    assert f'href="{document.url}"' in html and "download" in html
    assert "2024年部门预算" in html
    assert "PDF" in html
    value = block.to_python({"document": document.pk, "title": "预算表"})
    assert value.display_title == "预算表"


def test_link_value_url_for_page_and_external(napo):
    """LinkValue.url is the page's URL, else the external URL; text falls back to the page title."""
    block = LinkBlock()
    column = napo.columns["yaowen"]
    page_link = block.to_python({"title": "", "page": column.pk, "external_url": ""})
    assert page_link.url == column.url
    assert page_link.text == "要闻动态"
    assert not page_link.is_external
    external = block.to_python(
        {"title": "国家政务服务平台", "page": None, "external_url": "https://gjzwfw.www.gov.cn/"}
    )
    assert external.url == "https://gjzwfw.www.gov.cn/"
    assert external.is_external
    assert 'rel="external noopener"' in block.render(external)


def test_link_requires_exactly_one_target(napo):
    """Neither or both targets are refused; an optional empty link is accepted."""
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "空链接", "page": None, "external_url": ""}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"title": "两个", "page": napo.home.pk, "external_url": "https://example.gov.cn/"}
            )
        )
    optional = LinkBlock(required=False)
    assert optional.clean(optional.to_python({"title": "", "page": None, "external_url": ""}))


def test_quick_links_skip_links_without_target(napo):
    """Quick links list the links that lead somewhere."""
    block = QuickLinksBlock()
    value = block.to_python(
        {
            "heading": "办事服务",
            "links": [
                {"title": "要闻", "page": napo.columns["yaowen"].pk, "external_url": ""},
                {"title": "无目标", "page": None, "external_url": ""},
            ],
        }
    )
    html = block.render(value)
    assert html.count('class="b-quick-links__item"') == 1
    assert re.search(r'<nav class="b-quick-links" aria-labelledby="([^"]+)">.*id="\1"', html, re.S)


def test_two_columns_render_their_children():
    """Both columns render their own blocks."""
    block = TwoColumnBlock()
    value = block.to_python(
        {
            "left": [{"type": "heading", "value": {"text": "机构职能", "level": "h3"}}],
            "right": [{"type": "paragraph", "value": "<p>负责全县教育工作。</p>"}],
        }
    )
    html = block.render(value)
    left, right = html.split("b-two-columns__column--right")
    assert "<h3" in left and "机构职能" in left
    assert "负责全县教育工作。" in right


def test_banner_with_image_and_page_link(napo):
    """The banner shows its image and links a page."""
    block = BannerBlock()
    value = block.to_python(
        {
            "image": make_image().pk,
            "alt": "",
            "title": "走进那坡",
            "subtitle": "边关风情 壮乡那坡",
            "link": {"title": "县情概况", "page": napo.columns["zwgk"].pk, "external_url": ""},
        }
    )
    html = block.render(value)
    assert 'class="b-banner__img"' in html
    assert f'href="{napo.columns["zwgk"].url}"' in html
    assert "边关风情 壮乡那坡" in html


def test_article_url_in_link_is_the_live_url(napo):
    """Links to articles use the page's URL."""
    article = add_article(napo.columns["yaowen"], "一篇文章")
    value = LinkBlock().to_python({"title": "", "page": article.pk, "external_url": ""})
    assert value.url == article.url


def image_blocks_needing_alt():
    """The blocks whose chosen image needs alt text, each with a value lacking it."""
    from blocks.industries import IndustryCardBlock, ProductBlock

    return [
        (ImageBlock, {"caption": "", "credit": ""}),
        (
            IndustryCardBlock,
            {"title": "茶叶", "summary": "", "figures": [], "page": None, "external_url": ""},
        ),
        (ProductBlock, {"name": "八角", "description": "", "origin": "", "season": ""}),
    ]


@pytest.mark.parametrize("block_class,fields", image_blocks_needing_alt())
def test_alt_text_rule_is_the_same_for_every_image_block(db, block_class, fields):
    """Blank alt text with an image is refused on the alt field, but a draft may save it."""
    block = block_class()
    value = block.to_python({**fields, "image": make_image().pk, "alt": "  "})
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    assert set(caught.value.block_errors) == {"alt"}

    block.defer_required_validation()
    try:
        assert block.clean(value)["alt"].strip() == ""
    finally:
        block.restore_deferred_validation()

    without_image = block.to_python({**fields, "image": None, "alt": ""})
    if block_class is not ImageBlock:  # ImageBlock's image itself is required
        assert block.clean(without_image)["image"] is None


def link_blocks():
    """The blocks that link a page or an external URL, with their other fields."""
    from blocks.navigation import SpecialTopicBlock

    return [(LinkBlock, {"title": "链接"}), (SpecialTopicBlock, {"title": "专题", "image": None})]


@pytest.mark.parametrize("block_class,fields", link_blocks())
def test_page_or_url_rule_is_the_same_for_every_link_block(napo, block_class, fields):
    """Both targets are refused on the URL, none on the page (not in a draft), one is accepted."""
    block = block_class()
    both = block.to_python(
        {**fields, "page": napo.home.pk, "external_url": "https://example.gov.cn/"}
    )
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(both)
    assert set(caught.value.block_errors) == {"external_url"}

    neither = block.to_python({**fields, "page": None, "external_url": ""})
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(neither)
    assert set(caught.value.block_errors) == {"page"}
    block.defer_required_validation()
    try:
        assert block.clean(neither)["page"] is None
    finally:
        block.restore_deferred_validation()

    page_only = block.to_python({**fields, "page": napo.home.pk, "external_url": ""})
    assert block.clean(page_only).url == napo.home.url


@pytest.mark.django_db
def test_a_page_renders_to_the_same_bytes_each_time(county_tree, client):
    """Block ids count up per request, so a page's HTML is stable and caches can reuse it."""
    host = county_tree.site.hostname
    first = client.get("/", HTTP_HOST=host).content
    assert b'id="b-1' in first
    assert client.get("/", HTTP_HOST=host).content == first
