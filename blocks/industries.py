"""Industry blocks: key figures, industry showcases, enterprises, products and galleries."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .base import ImageAltMixin, ImageBlock, LinkValue, SectionMixin


class KeyFigureBlock(blocks.StructBlock):
    """One headline figure: a value, its unit, a label and a note."""

    value = blocks.CharBlock(label=_("数值"), max_length=20)
    unit = blocks.CharBlock(label=_("单位"), max_length=12, required=False)
    label = blocks.CharBlock(label=_("指标名称"), max_length=40)
    note = blocks.CharBlock(label=_("备注"), max_length=80, required=False)

    class Meta:
        icon = "decimal"
        template = "blocks/industries/key_figure.html"
        label = _("关键数据")
        description = _("一个醒目的数字，如“茶园面积 12.6 万亩”。")
        preview_value = {
            "value": "12.6",
            "unit": "万亩",
            "label": "茶园面积",
            "note": "2023年末",
        }


class KeyFiguresBlock(SectionMixin, blocks.StructBlock):
    """A headed row of key figures."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("数据"), min_num=1, max_num=8)

    class Meta:
        icon = "decimal"
        template = "blocks/industries/key_figures.html"
        label = _("数据看板")
        description = _("一组关键数据，如产业规模、产值和带动就业人数。")
        preview_value = {
            "heading": "产业概况",
            "figures": [
                {"value": "12.6", "unit": "万亩", "label": "茶园面积", "note": ""},
                {"value": "38.5", "unit": "亿元", "label": "综合产值", "note": "2023年"},
                {"value": "4.2", "unit": "万人", "label": "带动就业", "note": ""},
            ],
        }


class IndustryCardValue(LinkValue):
    """An industry card with its link (the industry page, else the external URL) worked out."""


class IndustryCardBlock(ImageAltMixin, blocks.StructBlock):
    """One industry: image, title, summary, figures and a link."""

    image = ImageChooserBlock(label=_("图片"), required=False)
    alt = blocks.CharBlock(label=_("图片替代文本"), max_length=200, required=False)
    title = blocks.CharBlock(label=_("产业名称"), max_length=40)
    summary = blocks.TextBlock(label=_("简介"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("数据"), max_num=4)
    page = blocks.PageChooserBlock(
        page_type="core.IndustryPage", label=_("产业页面"), required=False
    )
    external_url = blocks.URLBlock(label=_("外部网址"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/industries/industry_card.html"
        label = _("产业卡片")
        description = _("一个产业的图片、名称、简介、数据和链接。")
        value_class = IndustryCardValue
        preview_value = {
            "image": None,
            "alt": "",
            "title": "高山茶叶",
            "summary": "海拔800米以上生态茶园，获国家地理标志保护产品认证。",
            "figures": [{"value": "12.6", "unit": "万亩", "label": "茶园面积", "note": ""}],
            "page": None,
            "external_url": "",
        }


class IndustryShowcaseBlock(SectionMixin, blocks.StructBlock):
    """A headed set of industry cards (特色产业)."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("特色产业"))
    cards = blocks.ListBlock(IndustryCardBlock(), label=_("产业"), min_num=1, max_num=8)

    class Meta:
        icon = "pick"
        template = "blocks/industries/industry_showcase.html"
        label = _("特色产业")
        description = _("展示本地特色产业的卡片，可链接到产业页面。")
        preview_value = {
            "heading": "特色产业",
            "cards": [
                {
                    "image": None,
                    "alt": "",
                    "title": "高山茶叶",
                    "summary": "海拔800米以上生态茶园，获国家地理标志保护产品认证。",
                    "figures": [{"value": "12.6", "unit": "万亩", "label": "茶园面积", "note": ""}],
                    "page": None,
                    "external_url": "",
                },
                {
                    "image": None,
                    "alt": "",
                    "title": "优质脐橙",
                    "summary": "果大皮薄、汁多味甜，远销全国20多个省市。",
                    "figures": [{"value": "9.3", "unit": "亿元", "label": "年产值", "note": ""}],
                    "page": None,
                    "external_url": "",
                },
            ],
        }


class EnterpriseValue(blocks.StructValue):
    """An enterprise with its phone number ready for a tel: link."""

    @property
    def phone_href(self) -> str:
        """The phone number stripped to characters a tel: URL accepts."""
        phone = self.get("phone") or ""
        return "".join(ch for ch in phone if ch.isdigit() or ch in "+-")


class EnterpriseBlock(blocks.StructBlock):
    """A local enterprise: name, logo, description, products and contacts."""

    name = blocks.CharBlock(label=_("企业名称"), max_length=80)
    logo = ImageChooserBlock(label=_("标志"), required=False)
    description = blocks.TextBlock(label=_("企业简介"), required=False)
    products = blocks.TextBlock(label=_("主要产品"), required=False)
    address = blocks.CharBlock(label=_("地址"), max_length=160, required=False)
    phone = blocks.CharBlock(label=_("电话"), max_length=40, required=False)
    website = blocks.URLBlock(label=_("网站"), required=False)

    class Meta:
        icon = "site"
        template = "blocks/industries/enterprise.html"
        label = _("企业介绍")
        description = _("重点企业的简介、产品和联系方式。")
        value_class = EnterpriseValue
        preview_value = {
            "name": "云岭茶业有限公司",
            "logo": None,
            "description": "县级农业产业化龙头企业，拥有标准化茶园1.2万亩。",
            "products": "绿茶、红茶、白茶",
            "address": "县工业园区茶香路8号",
            "phone": "0000-1234567",
            "website": "https://example.com/",
        }


class ProductBlock(ImageAltMixin, blocks.StructBlock):
    """A local product: name, image, description, origin (产地) and season."""

    name = blocks.CharBlock(label=_("产品名称"), max_length=60)
    image = ImageChooserBlock(label=_("图片"), required=False)
    alt = blocks.CharBlock(label=_("图片替代文本"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("产品介绍"), required=False)
    origin = blocks.CharBlock(label=_("产地"), max_length=80, required=False)
    season = blocks.CharBlock(label=_("上市季节"), max_length=40, required=False)

    class Meta:
        icon = "tag"
        template = "blocks/industries/product.html"
        label = _("特色产品")
        description = _("特色农产品或工业品的介绍。")
        preview_value = {
            "name": "高山云雾茶",
            "image": None,
            "alt": "",
            "description": "条索紧结、香气高长，滋味鲜爽回甘。",
            "origin": "云岭镇",
            "season": "3月至5月",
        }


class GalleryBlock(SectionMixin, blocks.StructBlock):
    """A headed gallery of images with alt text."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, required=False)
    images = blocks.ListBlock(ImageBlock(), label=_("图片"), min_num=1)

    class Meta:
        icon = "image"
        template = "blocks/industries/gallery.html"
        label = _("图集")
        description = _("一组带替代文本的图片。")
        preview_value: dict[str, Any] = {
            "heading": "茶园风光",
            "images": [
                {"image": None, "alt": "云雾中的高山茶园", "caption": "云岭镇茶园", "credit": ""},
                {"image": None, "alt": "茶农采摘春茶", "caption": "春茶开采", "credit": ""},
            ],
        }
