"""A temporary sample county site, built inside a transaction that is always rolled back.

The sample is made the way the product makes sites (create_county_site) and filled through the
page types' public fields: every StreamField holds every block it allows, from the blocks'
preview values. Nothing of it outlives the ``sample_site`` block: the database work is rolled
back and the few files it wrote (one image and its renditions) are deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from redesign.core.models import ArticleOrigin, ArticlePage, ColumnPage, IndustryPage

from ..models import SiteIdentity
from ..provisioning import create_county_site
from .catalogue import PageType, page_types, raw_preview

SAMPLE_NAME = "示例县人民政府"
SAMPLE_IDENTITY = {
    "identity_code": "4510990001",
    "icp_number": "桂ICP备12345678号-1",
    "police_number": "桂公网安备45109902000001号",
    "conac_url": "https://bszs.conac.cn/sitename?method=show&id=0000000000000001",
    "organizer": "示例县人民政府办公室",
    "operator": "示例县融媒体中心",
    "address": "示例县城厢镇人民路1号",
    "postcode": "533000",
    "phone": "0776-1234567",
    "email": "office@example.cn",
    "tagline": "权威发布 · 政务公开 · 便民服务",
}


@dataclass
class SampleSite:
    """The sample site: its Wagtail site, identity and one live page of each page type."""

    site: Site
    identity: SiteIdentity
    pages: dict[str, Page] = field(default_factory=dict)
    image: object | None = None

    @property
    def hostname(self) -> str:
        """The sample site's hostname, for the test client."""
        return self.site.hostname

    @property
    def home(self) -> Page:
        """The sample site's home page."""
        return self.site.root_page

    def use(self, theme: str) -> None:
        """Let the sample site render with another theme from now on."""
        self.identity.theme = theme
        self.identity.save(update_fields=["theme"])


def stream_sample(page_type: PageType, field_name: str) -> list[dict]:
    """Every block a page type's StreamField allows, with its preview value, as stored JSON."""
    stream_field = next(f for f in page_type.stream_fields if f.name == field_name)
    return [
        {"type": name, "value": raw_preview(block)}
        for name, block in stream_field.stream_block.child_blocks.items()
    ]


def _fill_streams(page: Page, page_type: PageType) -> None:
    """Put every allowed block into each StreamField of a page."""
    for stream_field in page_type.stream_fields:
        setattr(page, stream_field.name, stream_sample(page_type, stream_field.name))


def _publish(page: Page) -> Page:
    """Publish a page's current state and return it fresh from the database."""
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def _sample_image(collection) -> object:
    """A small real PNG image in the sample site's collection."""
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (320, 200), "#2a6fb0").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="示例图片：县城全景",
        file=ImageFile(BytesIO(buffer.getvalue()), name="themekit-sample.png"),
        collection=collection,
    )


def _unique_hostname() -> str:
    """A hostname no real site uses."""
    return f"theme-sample-{uuid.uuid4().hex[:8]}.localhost"


def _unique_name() -> str:
    """The sample site's name, numbered when a real site already has it."""
    name, n = SAMPLE_NAME, 1
    while Site.objects.filter(site_name=name).exists():
        n += 1
        name = f"示例县{n}人民政府"
    return name


def _article(column: Page, title: str, days_ago: int, **fields) -> ArticlePage:
    """A published article under a column, dated days_ago in the past."""
    article = ArticlePage(
        title=title,
        publish_date=timezone.now() - timedelta(days=days_ago),
        source=fields.pop("source", "示例县融媒体中心"),
        **fields,
    )
    column.add_child(instance=article)
    return _publish(article)


def build_sample_site(theme: str, images: list | None = None) -> SampleSite:
    """Create the sample site in the current transaction (the caller rolls it back).

    The image made for it is appended to ``images`` as soon as it exists, so its files can be
    deleted even when building fails later.
    """
    result = create_county_site(name=_unique_name(), hostname=_unique_hostname(), theme=theme)
    identity = SiteIdentity.objects.get(site=result.site)
    for name, value in SAMPLE_IDENTITY.items():
        setattr(identity, name, value)
    identity.save()
    sample = SampleSite(site=result.site, identity=identity)
    sample.image = image = _sample_image(result.collection)
    if images is not None:
        images.append(image)
    # The header's logo and the home banner are theme templates too: give them a picture to show.
    identity.logo = identity.banner_image = image
    identity.save(update_fields=["logo", "banner_image"])
    types = {page_type.model: page_type for page_type in page_types()}
    columns = {c.slug: c for c in ColumnPage.objects.child_of(result.home)}

    home = result.home
    home.intro = "山水之城，幸福家园。"
    _fill_streams(home, types[type(home)])
    sample.pages["homepage"] = _publish(home)

    news = columns["yaowen"]
    news.intro = "<p>本县重要新闻和工作动态。</p>"
    sample.pages["columnpage"] = _publish(news)
    for n in range(1, 4):
        _article(news, f"示例新闻第{n}条：全县重点项目建设稳步推进", days_ago=n + 1)
    _article(columns["tzgg"], "关于开展2024年度示例工作的通知", days_ago=2)
    _article(
        columns["zcwj"],
        "示例县人民政府关于印发促进民营经济发展若干措施的通知",
        days_ago=3,
        document_number="示政发〔2024〕1号",
        issuing_body=SAMPLE_NAME,
        index_number="114510990000000001/2024-00001",
        written_date=date(2024, 3, 1),
    )

    article = ArticlePage(
        title="示例文章：每一种正文区块",
        publish_date=timezone.now() - timedelta(days=1),
        source="示例县融媒体中心",
        author="韦示例",
        origin=ArticleOrigin.REPRINT,
        origin_source="广西日报",
        origin_url="https://example.org/news/1",
        document_number="示政办发〔2024〕2号",
        issuing_body="示例县人民政府办公室",
        index_number="114510990000000001/2024-00002",
        written_date=date(2024, 3, 2),
        summary="这是一篇用于主题检查的示例文章，正文包含每一种正文区块。",
        cover_image=image,
    )
    _fill_streams(article, types[ArticlePage])
    news.add_child(instance=article)
    sample.pages["articlepage"] = _publish(article)

    standard = next(c for c in home.get_children().specific() if c.slug == "gkxx")
    standard.intro = "示例县位于广西西南部，山清水秀。"
    _fill_streams(standard, types[type(standard)])
    sample.pages["standardpage"] = _publish(standard)

    industry = IndustryPage(
        title="高山茶叶",
        slug="tea",
        kind=IndustryPage.Kind.SPECIALTY,
        intro="海拔800米以上的生态茶园。",
        cover_image=image,
    )
    _fill_streams(industry, types[IndustryPage])
    columns["tscy"].add_child(instance=industry)
    sample.pages["industrypage"] = _publish(industry)

    for page_type in types.values():  # page types added later: one page each, wherever allowed
        if page_type.key not in sample.pages:
            sample.pages[page_type.key] = _generic_page(page_type, sample)
    return sample


def _generic_page(page_type: PageType, sample: SampleSite) -> Page:
    """A page of a page type the builder does not know, under the first sample page it allows."""
    page = page_type.model(title=f"示例{page_type.label}")
    _fill_streams(page, page_type)
    for parent in sample.pages.values():
        if page_type.model in parent.specific_class.allowed_subpage_models():
            parent.add_child(instance=page)
            return _publish(page)
    sample.home.add_child(instance=page)
    return _publish(page)


def _files_of(image) -> list[str]:
    """The storage names of an image's file and its renditions."""
    names = [image.file.name]
    try:
        names += [rendition.file.name for rendition in image.renditions.all()]
    except DatabaseError:  # the transaction broke: only the original file is known
        pass
    return names


@contextmanager
def sample_site(theme: str) -> Iterator[SampleSite]:
    """Build the sample site, hand it over, then roll everything back and delete its files."""
    images: list = []
    files: list[tuple[object, str]] = []
    try:
        with transaction.atomic():
            try:
                sample = build_sample_site(theme, images)
                yield sample
            finally:
                files = [
                    (image.file.storage, name) for image in images for name in _files_of(image)
                ]
                transaction.set_rollback(True)
    finally:
        Site.clear_site_root_paths_cache()
        for storage, name in files:
            storage.delete(name)
