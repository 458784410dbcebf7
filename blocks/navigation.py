"""Home-page furniture: 办事服务 tiles, 专题专栏 strip and related-site link groups."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .base import LinkBlock, LinkTargetMixin, LinkValue, SectionMixin

# Icons shipped as inline SVG in blocks/templates/blocks/navigation/icons/<name>.svg.
SERVICE_ICONS = [
    ("social_security", _("社保")),
    ("medical_insurance", _("医保")),
    ("household", _("户籍")),
    ("education", _("教育")),
    ("employment", _("就业")),
    ("housing_fund", _("公积金")),
    ("real_estate", _("不动产")),
    ("business_license", _("营业执照")),
    ("tax", _("纳税")),
    ("transport", _("交通")),
    ("marriage", _("婚姻")),
    ("birth", _("生育")),
    ("elderly_care", _("养老")),
    ("housing", _("住房")),
    ("agriculture", _("农业")),
    ("complaint", _("投诉")),
]
SERVICE_ICON_NAMES = frozenset(name for name, _label in SERVICE_ICONS)


class ServiceTileValue(LinkValue):
    """A service tile with the template path of its icon."""

    @property
    def icon_name(self) -> str:
        """The tile's icon name, or the default icon if the stored one is unknown."""
        icon = self.get("icon")
        return icon if icon in SERVICE_ICON_NAMES else SERVICE_ICONS[0][0]

    @property
    def icon_template(self) -> str:
        """The template holding the tile's inline SVG icon."""
        return f"blocks/navigation/icons/{self.icon_name}.svg"


class ServiceTileBlock(LinkBlock):
    """One 办事服务 tile: an icon, a label and a link."""

    icon = blocks.ChoiceBlock(choices=SERVICE_ICONS, label=_("图标"), default="social_security")

    class Meta:
        icon = "grip"
        template = "blocks/navigation/service_tile.html"
        label = _("服务入口")
        description = _("一个带图标的办事服务入口。")
        value_class = ServiceTileValue
        preview_value = {
            "title": "社保查询",
            "page": None,
            "external_url": "https://example.gov.cn/shebao",
            "icon": "social_security",
        }


class ServiceTilesBlock(SectionMixin, blocks.StructBlock):
    """办事服务: a grid of service tiles with icons."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("办事服务"))
    tiles = blocks.ListBlock(ServiceTileBlock(), label=_("服务入口"), min_num=1, max_num=24)

    class Meta:
        icon = "grip"
        template = "blocks/navigation/service_tiles.html"
        label = _("办事服务")
        description = _("带图标的办事服务入口，如社保、医保、户籍、公积金。")
        preview_value = {
            "heading": "办事服务",
            "tiles": [
                {
                    "icon": "social_security",
                    "title": "社保",
                    "page": None,
                    "external_url": "https://example.gov.cn/sb",
                },
                {
                    "icon": "medical_insurance",
                    "title": "医保",
                    "page": None,
                    "external_url": "https://example.gov.cn/yb",
                },
                {
                    "icon": "household",
                    "title": "户籍",
                    "page": None,
                    "external_url": "https://example.gov.cn/hj",
                },
                {
                    "icon": "housing_fund",
                    "title": "公积金",
                    "page": None,
                    "external_url": "https://example.gov.cn/gjj",
                },
                {
                    "icon": "real_estate",
                    "title": "不动产",
                    "page": None,
                    "external_url": "https://example.gov.cn/bdc",
                },
                {
                    "icon": "complaint",
                    "title": "投诉",
                    "page": None,
                    "external_url": "https://example.gov.cn/ts",
                },
            ],
        }


class SpecialTopicBlock(LinkTargetMixin, blocks.StructBlock):
    """One 专题 banner: image, title and link."""

    image = ImageChooserBlock(label=_("图片"), required=False)
    title = blocks.CharBlock(label=_("专题名称"), max_length=60)
    page = blocks.PageChooserBlock(label=_("站内页面"), required=False)
    external_url = blocks.URLBlock(label=_("外部网址"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/navigation/special_topic.html"
        label = _("专题")
        description = _("一个专题专栏的横幅图片和链接。")
        value_class = LinkValue
        preview_value = {
            "image": None,
            "title": "优化营商环境",
            "page": None,
            "external_url": "https://example.gov.cn/yshj",
        }


class SpecialTopicsBlock(SectionMixin, blocks.StructBlock):
    """专题专栏: a strip of topic banners."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("专题专栏"))
    topics = blocks.ListBlock(SpecialTopicBlock(), label=_("专题"), min_num=1, max_num=12)

    class Meta:
        icon = "image"
        template = "blocks/navigation/special_topics.html"
        label = _("专题专栏")
        description = _("专题专栏的横幅图片链接条。")
        preview_value = {
            "heading": "专题专栏",
            "topics": [
                {
                    "image": None,
                    "title": "学习贯彻党的二十大精神",
                    "page": None,
                    "external_url": "https://example.gov.cn/zt1",
                },
                {
                    "image": None,
                    "title": "优化营商环境",
                    "page": None,
                    "external_url": "https://example.gov.cn/zt2",
                },
                {
                    "image": None,
                    "title": "乡村振兴",
                    "page": None,
                    "external_url": "https://example.gov.cn/zt3",
                },
            ],
        }


class SiteGroupBlock(blocks.StructBlock):
    """A group of related-site links, e.g. 上级网站."""

    label = blocks.CharBlock(label=_("分组名称"), max_length=20)
    links = blocks.ListBlock(LinkBlock(), label=_("链接"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/navigation/site_group.html"
        label = _("网站分组")
        description = _("一组相关网站链接，如上级网站。")
        preview_value = {
            "label": "乡镇网站",
            "links": [
                {"title": "城厢镇", "page": None, "external_url": "https://example.gov.cn/cxz"},
                {"title": "百都乡", "page": None, "external_url": "https://example.gov.cn/bdx"},
            ],
        }


class RelatedSitesBlock(SectionMixin, blocks.StructBlock):
    """Related-site link groups for the footer (上级网站, 部门网站, 乡镇网站)."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("相关网站"))
    groups = blocks.ListBlock(SiteGroupBlock(), label=_("分组"), min_num=1, max_num=8)

    class Meta:
        icon = "site"
        template = "blocks/navigation/related_sites.html"
        label = _("相关网站")
        description = _("页脚的相关网站链接，按上级网站、部门网站、乡镇网站等分组。")
        preview_value = {
            "heading": "相关网站",
            "groups": [
                {
                    "label": "上级网站",
                    "links": [
                        {
                            "title": "中国政府网",
                            "page": None,
                            "external_url": "https://www.gov.cn/",
                        },
                        {
                            "title": "省人民政府",
                            "page": None,
                            "external_url": "https://example.gov.cn/",
                        },
                    ],
                },
                {
                    "label": "部门网站",
                    "links": [
                        {
                            "title": "县教育局",
                            "page": None,
                            "external_url": "https://example.gov.cn/jyj",
                        },
                        {
                            "title": "县农业农村局",
                            "page": None,
                            "external_url": "https://example.gov.cn/nyj",
                        },
                    ],
                },
            ],
        }
