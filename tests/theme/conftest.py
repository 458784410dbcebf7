"""Fixtures for the default theme's tests: a county site with identity, articles and pages."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from redesign.cluster.models import SiteIdentity
from redesign.core.models import IndustryPage
from tests.conftest import add_article, column_of

HOST = "napo.localhost"


@pytest.fixture
def identity(county) -> SiteIdentity:
    """The county's identity with every field the footer shows filled in."""
    identity = SiteIdentity.objects.get(site=county.site)
    identity.identity_code = "4510260001"
    identity.icp_number = "桂ICP备05001234号"
    identity.police_number = "桂公网安备45102602000123号"
    identity.conac_url = "https://example.org/conac/verify"
    identity.organizer = "那坡县人民政府办公室"
    identity.operator = "那坡县融媒体中心"
    identity.address = "那坡县城厢镇中山路1号"
    identity.postcode = "533900"
    identity.phone = "0776-6821234"
    identity.email = "office@example.cn"
    identity.save()
    return identity


@pytest.fixture
def news(county):
    """The 要闻 column with one plain article in it."""
    column = column_of(county, "yaowen")
    article = add_article(column, "县委常委会召开会议", slug="changwei", author="韦明")
    return column, article


@pytest.fixture
def document_article(county):
    """A 政策文件 article carrying 公文信息 and an attachment."""
    document = Document.objects.create(
        title="申报表", file=ContentFile(b"x" * 2048, name="shenbaobiao.pdf")
    )
    return add_article(
        column_of(county, "zcwj"),
        "关于印发促进民营经济发展若干措施的通知",
        slug="minying",
        document_number="那政发〔2024〕12号",
        issuing_body="那坡县人民政府",
        index_number="11451026007612345X/2024-03101",
        written_date=date(2024, 3, 1),
        attachments=[
            {"type": "attachment", "value": {"document": document.pk, "title": "附件1：申报表"}}
        ],
    )


@pytest.fixture
def industry(county) -> IndustryPage:
    """A published industry page under 特色产业."""
    page = IndustryPage(
        title="高山茶叶",
        slug="tea",
        kind=IndustryPage.Kind.SPECIALTY,
        intro="海拔800米以上的生态茶园。",
        figures=[
            {
                "type": "figure",
                "value": {"value": "12.6", "unit": "万亩", "label": "茶园面积", "note": ""},
            }
        ],
    )
    column_of(county, "tscy").add_child(instance=page)
    page.save_revision().publish()
    return page
