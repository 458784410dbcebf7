"""Builders for the block tests: small county sites, articles, images and documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from io import BytesIO
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site

from redesign.core.models import ArticlePage, ColumnPage, HomePage


@dataclass
class CountySite:
    """A home page, its Wagtail site and its columns keyed by slug."""

    home: HomePage
    site: Site
    columns: dict[str, ColumnPage] = field(default_factory=dict)


COLUMNS = [
    ("yaowen", "要闻动态", "news"),
    ("bumen", "部门动态", "news"),
    ("tongzhi", "通知公告", "notice"),
    ("zwgk", "政务公开", "open_gov"),
    ("zhengce", "政策文件", "policy"),
]


def build_site(title: str, slug: str, hostname: str) -> CountySite:
    """Create a home page under the tree root, its site and one column of each kind."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=title, slug=slug))
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
    county = CountySite(home=home, site=site)
    for column_slug, column_title, column_type in COLUMNS:
        column = home.add_child(
            instance=ColumnPage(title=column_title, slug=column_slug, column_type=column_type)
        )
        county.columns[column_slug] = column
    return county


def add_article(
    column: Page,
    title: str,
    days_ago: float = 1,
    publish: bool = True,
    **fields: Any,
) -> ArticlePage:
    """Add an article under a column, its shown date ``days_ago`` days in the past."""
    fields.setdefault("publish_date", timezone.now() - timedelta(days=days_ago))
    article = ArticlePage(title=title, live=publish, **fields)
    column.add_child(instance=article)
    if publish:
        article.save_revision().publish()
        article.refresh_from_db()
    return article


def make_image(title: str = "县城风光", colour: str = "#2a6fb0") -> Image:
    """A small real PNG stored as a Wagtail image."""
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="photo.png"))


def make_document(title: str = "预算公开表", name: str = "budget.pdf") -> Document:
    """A small stored document."""
    document = Document(title=title)
    document.file.save(name, ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return document
