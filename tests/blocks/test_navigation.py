"""办事服务 tiles, 专题专栏, related sites and 常见问题."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import get_template

from blocks.navigation import (
    SERVICE_ICONS,
    RelatedSitesBlock,
    ServiceTilesBlock,
    SpecialTopicsBlock,
)
from blocks.qa import FAQBlock


def test_every_service_icon_ships_an_inline_svg():
    """Each of the 16 icons has a decorative inline SVG with no external reference."""
    assert len(SERVICE_ICONS) == 16
    labels = {str(label) for _name, label in SERVICE_ICONS}
    assert {"社保", "医保", "户籍", "公积金", "不动产", "营业执照", "纳税", "投诉"} <= labels
    for name, _label in SERVICE_ICONS:
        svg = get_template(f"blocks/navigation/icons/{name}.svg").render({})
        assert svg.startswith("<svg") and 'aria-hidden="true"' in svg
        assert "http" not in svg


def test_service_tiles_render_icons_and_links(napo):
    """Tiles link their pages or URLs with an icon and a label; unknown icons fall back."""
    block = ServiceTilesBlock()
    value = block.to_python(
        {
            "heading": "办事服务",
            "tiles": [
                {
                    "icon": "housing_fund",
                    "title": "公积金提取",
                    "page": None,
                    "external_url": "https://example.gov.cn/gjj",
                },
                {
                    "icon": "education",
                    "title": "",
                    "page": napo.columns["zwgk"].pk,
                    "external_url": "",
                },
                {
                    "icon": "no-such-icon",
                    "title": "其他",
                    "page": None,
                    "external_url": "https://example.gov.cn/qt",
                },
            ],
        }
    )
    html = block.render(value)
    assert "b-icon--housing_fund" in html and "公积金提取" in html
    assert f'href="{napo.columns["zwgk"].url}"' in html and "政务公开" in html
    assert "b-icon--social_security" in html  # fallback icon
    assert "<select" not in html


def test_special_topics_need_a_target(db):
    """A topic without a page or URL is refused."""
    block = SpecialTopicsBlock()
    value = block.to_python(
        {
            "heading": "专题专栏",
            "topics": [{"image": None, "title": "乡村振兴", "page": None, "external_url": ""}],
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_related_sites_are_disclosure_groups_not_selects():
    """Groups render as <details> with plain link lists."""
    block = RelatedSitesBlock()
    value = block.to_python(
        {
            "heading": "相关网站",
            "groups": [
                {
                    "label": "乡镇网站",
                    "links": [
                        {
                            "title": "城厢镇",
                            "page": None,
                            "external_url": "https://example.gov.cn/cx",
                        }
                    ],
                },
                {
                    "label": "部门网站",
                    "links": [
                        {
                            "title": "县教育局",
                            "page": None,
                            "external_url": "https://example.gov.cn/jy",
                        }
                    ],
                },
            ],
        }
    )
    html = block.render(value)
    assert "<select" not in html
    assert html.count("<details") == 2
    assert '<summary class="b-related-sites__group-label">乡镇网站</summary>' in html
    link = (
        '<a class="b-related-sites__link" href="https://example.gov.cn/jy" rel="external noopener">'
    )
    assert f"{link}县教育局</a>" in html


def test_faq_renders_details_and_summary():
    """Each question is a <details> whose <summary> is the question."""
    block = FAQBlock()
    value = block.to_python(
        {
            "heading": "常见问题",
            "questions": [
                {
                    "question": "如何申请低保？",
                    "answer": "<p>向户籍所在地乡镇人民政府提出书面申请。</p>",
                },
                {"question": "残疾人证在哪里办理？", "answer": "<p>县残联服务窗口。</p>"},
            ],
        }
    )
    html = block.render(value)
    assert html.count("<details") == 2
    assert '<summary class="b-faq__question">如何申请低保？</summary>' in html
    assert "<p>向户籍所在地乡镇人民政府提出书面申请。</p>" in html
