"""Key figures, industry showcases, enterprises, products and galleries."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from blocks.industries import (
    EnterpriseBlock,
    GalleryBlock,
    IndustryShowcaseBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    ProductBlock,
)
from tests.blocks.helpers import make_image


def test_key_figure_shows_value_unit_label_and_note():
    """A figure renders its number, unit, label and note."""
    block = KeyFigureBlock()
    html = block.render(
        block.to_python({"value": "2.8", "unit": "万吨", "label": "脐橙年产量", "note": "2023年"})
    )
    assert '<span class="b-key-figure__value">2.8</span>' in html
    assert '<span class="b-key-figure__unit">万吨</span>' in html
    assert "脐橙年产量" in html and "2023年" in html


def test_key_figures_as_description_list():
    """A row of figures is a description list headed by the block heading."""
    block = KeyFiguresBlock()
    value = block.to_python(
        {
            "heading": "2023年经济运行",
            "figures": [
                {"value": "186.4", "unit": "亿元", "label": "地区生产总值", "note": ""},
                {"value": "6.1", "unit": "%", "label": "增速", "note": ""},
            ],
        }
    )
    html = block.render(value)
    assert html.count("<dt") == 2
    assert re.search(r'aria-labelledby="([^"]+)".*id="\1"[^>]*>2023年经济运行', html, re.S)


def test_industry_showcase_links_industry_page(industry_page):
    """A card links its industry page and shows its image with alt text and figures."""
    block = IndustryShowcaseBlock()
    value = block.to_python(
        {
            "heading": "特色产业",
            "cards": [
                {
                    "image": make_image().pk,
                    "alt": "层层叠叠的高山茶园",
                    "title": "高山茶叶",
                    "summary": "生态茶园遍布全县。",
                    "figures": [{"value": "12.6", "unit": "万亩", "label": "茶园面积", "note": ""}],
                    "page": industry_page.pk,
                    "external_url": "",
                },
                {
                    "image": None,
                    "alt": "",
                    "title": "桑蚕",
                    "summary": "",
                    "figures": [],
                    "page": None,
                    "external_url": "https://example.gov.cn/sangcan",
                },
            ],
        }
    )
    html = block.render(value)
    assert f'<a class="b-industry-card__link" href="{industry_page.url}">高山茶叶</a>' in html
    assert 'alt="层层叠叠的高山茶园"' in html
    assert "茶园面积" in html
    assert 'href="https://example.gov.cn/sangcan"' in html


def test_industry_card_image_needs_alt(db):
    """A card with an image and no alt text is refused."""
    card_block = IndustryShowcaseBlock().child_blocks["cards"].child_block
    value = card_block.to_python(
        {
            "image": make_image().pk,
            "alt": "",
            "title": "茶叶",
            "summary": "",
            "figures": [],
            "page": None,
            "external_url": "",
        }
    )
    with pytest.raises(ValidationError):
        card_block.clean(value)


def test_enterprise_contact_details():
    """Products, address, a tel: link and the website are listed."""
    block = EnterpriseBlock()
    value = block.to_python(
        {
            "name": "那坡县壮乡食品有限公司",
            "logo": None,
            "description": "主营八角、山茶油深加工。",
            "products": "八角、山茶油",
            "address": "那坡县城厢镇工业园",
            "phone": "0776 - 6821234",
            "website": "https://example.com/",
        }
    )
    html = block.render(value)
    assert 'href="tel:0776-6821234"' in html
    assert "八角、山茶油" in html and "那坡县城厢镇工业园" in html
    assert '<h2 class="b-enterprise__name">那坡县壮乡食品有限公司</h2>' in html


def test_product_shows_origin_and_season(db):
    """A product shows its 产地 and season, and requires alt text for its image."""
    block = ProductBlock()
    data = {
        "name": "那坡八角",
        "image": None,
        "alt": "",
        "description": "香气浓郁。",
        "origin": "百合乡",
        "season": "9月至11月",
    }
    html = block.render(block.to_python(data))
    assert "<dt>产地</dt><dd>百合乡</dd>" in html
    assert "9月至11月" in html
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**data, "image": make_image().pk}))


def test_gallery_images_keep_alt_text(db):
    """Every gallery image carries its own alt text."""
    block = GalleryBlock()
    value = block.to_python(
        {
            "heading": "美丽乡村",
            "images": [
                {"image": make_image().pk, "alt": "村口的古榕树", "caption": "", "credit": ""},
                {"image": make_image().pk, "alt": "新修的村道", "caption": "", "credit": ""},
            ],
        }
    )
    html = block.render(value)
    assert html.count("<img") == 2
    assert 'alt="村口的古榕树"' in html and 'alt="新修的村道"' in html
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {
                    "heading": "",
                    "images": [{"image": make_image().pk, "alt": "", "caption": "", "credit": ""}],
                }
            )
        )
