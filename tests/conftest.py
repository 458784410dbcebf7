"""Fixtures shared by the whole suite: county sites built the way the product builds them."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from redesign.cluster.provisioning import create_county_site
from redesign.core.models import ArticlePage, ColumnPage


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Write uploaded files of each test to its own folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def county(db):
    """A county site created by create_county_site (那坡县人民政府 at napo.localhost)."""
    return create_county_site(name="那坡县人民政府", hostname="napo.localhost", port=80)


@pytest.fixture
def other_county(db):
    """A second county site (靖西市人民政府 at jingxi.localhost)."""
    return create_county_site(name="靖西市人民政府", hostname="jingxi.localhost", port=80)


def column_of(result, slug: str) -> ColumnPage:
    """The column with the given slug under a provisioned site's home."""
    return ColumnPage.objects.child_of(result.home).get(slug=slug)


def add_article(
    column,
    title: str,
    days_ago: float = 1,
    publish: bool = True,
    **fields,
) -> ArticlePage:
    """Add an article under a column, with its shown date days_ago in the past."""
    article = ArticlePage(
        title=title,
        publish_date=timezone.now() - timedelta(days=days_ago),
        source=fields.pop("source", "县融媒体中心"),
        live=publish,
        **fields,
    )
    column.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


def make_image(collection=None, title: str = "测试图片", colour: str = "#2a6fb0") -> Image:
    """A small real PNG stored as a Wagtail image."""
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    kwargs = {"collection": collection} if collection is not None else {}
    return Image.objects.create(
        title=title, file=ImageFile(BytesIO(buffer.getvalue()), name="test.png"), **kwargs
    )


@pytest.fixture
def make_county_tree(db):
    """The demo builder's factory for realistic county trees: call it with a county and a size.

    See redesign.demo.factories.build_county_tree: make_county_tree("napo", "small") provisions
    那坡县 at napo.localhost and fills it with articles, images, an industry and standard pages.
    """
    from redesign.demo.factories import build_county_tree

    return build_county_tree


@pytest.fixture
def county_tree(make_county_tree):
    """A small realistic 那坡县 tree (napo.localhost) built by the demo builder."""
    return make_county_tree("napo", "small")
