"""Every block of the library: full Meta, a one-line docstring, and its preview renders."""

from __future__ import annotations

import pytest
from django.template.loader import get_template
from wagtail import blocks as wagtail_blocks

import blocks
from blocks.streams import (
    attachment_blocks,
    body_blocks,
    figure_blocks,
    home_blocks,
    industry_blocks,
)


def all_struct_blocks() -> dict[str, wagtail_blocks.StructBlock]:
    """Every StructBlock class reachable from the stream definitions, one instance each."""
    found: dict[str, wagtail_blocks.StructBlock] = {}

    def walk(block: wagtail_blocks.Block) -> None:
        if isinstance(block, wagtail_blocks.StructBlock):
            found.setdefault(type(block).__name__, block)
        children = getattr(block, "child_blocks", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)
        child = getattr(block, "child_block", None)
        if child is not None:
            walk(child)

    for factory in (home_blocks, body_blocks, industry_blocks, attachment_blocks, figure_blocks):
        for _name, block in factory():
            walk(block)
    return found


STRUCT_BLOCKS = all_struct_blocks()

# A piece of the realistic preview text each block must show.
EXPECTED_PREVIEW_TEXT = {
    "AttachmentBlock": "2024年度部门预算公开表.pdf",
    "AttachmentListBlock": "评分细则.pdf",
    "BannerBlock": "山水之城 幸福家园",
    "DataTableBlock": '<caption class="b-data-table__caption">2023年主要经济指标</caption>',
    "EnterpriseBlock": "云岭茶业有限公司",
    "FAQBlock": '<summary class="b-faq__question">办理居住证需要哪些材料？</summary>',
    "FeaturedNewsBlock": "头条",
    "FeedTabBlock": "部门动态",
    "GalleryBlock": 'aria-label="云雾中的高山茶园"',
    "GovAffairsFeedBlock": "政务动态",
    "HandlingStatsBlock": "公开办理情况",
    "HeadingBlock": '<h2 class="b-heading b-heading--h2">一、工作进展情况</h2>',
    "ImageBlock": 'aria-label="县城滨河公园全景"',
    "IndustryCardBlock": "高山茶叶",
    "IndustryShowcaseBlock": "优质脐橙",
    "KeyFigureBlock": "茶园面积",
    "KeyFiguresBlock": "综合产值",
    "LatestAnswersBlock": "最新答复",
    "LinkBlock": "社保查询",
    "NewsFeedBlock": "要闻",
    "NoticeListBlock": "通知公告",
    "NoticeTickerBlock": "通知公告",
    "PolicyDocumentBlock": '<time datetime="2024-02-18">2024-02-18</time>',
    "ProductBlock": "云岭镇",
    "QuestionBlock": "新生儿落户需要哪些材料？",
    "QuickLinksBlock": "公积金查询",
    "QuoteBlock": "绿水青山就是金山银山。",
    "RelatedSitesBlock": '<summary class="b-related-sites__group-label">上级网站</summary>',
    "ServiceTileBlock": "社保查询",
    "ServiceTilesBlock": "公积金",
    "SiteGroupBlock": "城厢镇",
    "SpecialTopicBlock": "优化营商环境",
    "SpecialTopicsBlock": "乡村振兴",
    "TabbedFeedBlock": "乡镇动态",
    "TwoColumnBlock": "历史沿革",
}


def test_every_struct_block_is_known():
    """The test table covers every StructBlock of the library."""
    assert set(STRUCT_BLOCKS) == set(EXPECTED_PREVIEW_TEXT)


@pytest.mark.parametrize("name", sorted(STRUCT_BLOCKS))
def test_struct_block_has_full_meta(name):
    """One-line docstring; icon, template, Chinese label, description and preview value."""
    block = STRUCT_BLOCKS[name]
    doc = type(block).__doc__ or ""
    assert doc.strip() and "\n" not in doc.strip()
    meta = block.meta
    assert meta.icon and meta.icon != "placeholder"
    assert get_template(meta.template)
    assert meta.template.startswith("blocks/")
    assert any("\u4e00" <= char <= "\u9fff" for char in str(meta.label))
    assert str(getattr(meta, "description", "")).strip()
    assert hasattr(meta, "preview_value")


@pytest.mark.parametrize("name", sorted(STRUCT_BLOCKS))
def test_preview_value_renders(name, napo):
    """The preview value survives a save/load round trip and renders its realistic text."""
    block = STRUCT_BLOCKS[name]
    value = block.to_python(block.get_prep_value(block.get_preview_value()))
    html = block.render(value, context={"page": napo.home})
    assert EXPECTED_PREVIEW_TEXT[name] in html
    assert "style=" not in html.replace('style="--b-ticker-duration: 30s"', "")
    assert "http://" not in html


def test_package_reexports_every_family():
    """The package re-exports the blocks and the stream functions."""
    for name in blocks.__all__:
        assert getattr(blocks, name) is not None
    assert blocks.NewsFeedBlock is __import__("blocks.news").news.NewsFeedBlock
    with pytest.raises(AttributeError):
        _ = blocks.NoSuchBlock


def test_package_lists_are_derived_from_one_table():
    """__all__ and the lazy registry come from the family table, each name from its module."""
    from importlib import import_module

    assert blocks.__all__ == sorted(blocks._EXPORTS)
    assert len(blocks.__all__) == sum(len(names) for names in blocks._FAMILIES.values())
    for module, names in blocks._FAMILIES.items():
        family = import_module(f"blocks.{module}")
        for name in names:
            assert getattr(blocks, name) is getattr(family, name), name
    assert set(blocks.__all__) <= set(dir(blocks))


def test_column_type_vocabulary_is_shared_with_the_page_types():
    """The feeds' default column types are members of the one ColumnType the page types use."""
    from blocks.column_types import ColumnType
    from blocks.gov_affairs import (
        GOV_AFFAIRS_COLUMN_TYPES,
        NOTICE_COLUMN_TYPES,
        GovAffairsFeedBlock,
        NoticeListBlock,
        NoticeTickerBlock,
    )
    from redesign.core import column_types
    from redesign.core.models import ColumnPage

    assert column_types.ColumnType is ColumnType
    assert ColumnPage._meta.get_field("column_type").choices == ColumnType.choices
    assert set(GOV_AFFAIRS_COLUMN_TYPES) == {ColumnType.NEWS, ColumnType.OPEN_GOV}
    assert set(NOTICE_COLUMN_TYPES) == {ColumnType.NOTICE}
    assert GovAffairsFeedBlock.feed_column_types == GOV_AFFAIRS_COLUMN_TYPES
    assert NoticeListBlock.feed_column_types == NoticeTickerBlock.feed_column_types


def test_streams_have_the_agreed_names():
    """The stream functions list the agreed block names in order."""
    assert [name for name, _block in body_blocks()] == [
        "heading",
        "paragraph",
        "image",
        "table",
        "quote",
        "attachments",
        "two_columns",
        "policy_document",
        "faq",
        "key_figures",
        "gallery",
        "quick_links",
    ]
    assert [name for name, _block in home_blocks()] == [
        "banner",
        "featured_news",
        "news_feed",
        "tabbed_feed",
        "gov_affairs_feed",
        "notice_list",
        "notice_ticker",
        "industry_showcase",
        "key_figures",
        "service_tiles",
        "special_topics",
        "quick_links",
        "faq",
        "latest_answers",
        "handling_stats",
        "paragraph",
        "two_columns",
        "related_sites",
    ]
    industry = [name for name, _block in industry_blocks()]
    assert len(industry) == len(set(industry))
    assert industry[:12] == [name for name, _block in body_blocks()]
    assert {"enterprise", "product", "gallery"} <= set(industry)
    assert [name for name, _block in attachment_blocks()] == ["attachment"]
    assert [name for name, _block in figure_blocks()] == ["figure"]


def test_streams_return_fresh_blocks():
    """Each call builds new block instances, so fields never share them."""
    first, second = dict(home_blocks()), dict(home_blocks())
    assert all(first[name] is not second[name] for name in first)


def test_stream_definitions_deconstruct():
    """StreamFields built from the lists deconstruct, as migrations need."""
    from wagtail.fields import StreamField

    for factory in (home_blocks, body_blocks, industry_blocks, attachment_blocks, figure_blocks):
        field = StreamField(factory(), blank=True, use_json_field=True)
        _name, path, _args, kwargs = field.deconstruct()
        assert path == "wagtail.fields.StreamField"
        assert kwargs["block_lookup"]
