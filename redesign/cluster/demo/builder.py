"""Build the demo cluster: a portal and county sites with pages, images, documents and users."""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from redesign.cluster.models import SiteIdentity
from redesign.cluster.provisioning import ProvisioningResult, create_county_site
from redesign.core.models import ArticlePage, ColumnPage, HomePage, IndustryPage, StandardPage

from . import content, documents, images
from .content import COUNTIES, PORTAL, ArticleSpec, County, Industry
from .profiles import PORTAL_HOSTNAME
from .sites import build_county, build_portal
from .values import block, heading, image_value, rich, site_url, table

__all__ = ["DEFAULT_PASSWORD", "PORTAL_HOSTNAME", "DemoCluster", "DemoError", "load_demo_cluster"]

DEFAULT_PASSWORD = "admin12345"  # noqa: S105 - a documented demo password, printed to the user
ADMIN_USERNAME = "admin"

Log = Callable[[str], None]


class DemoError(Exception):
    """Loading the demo cluster failed; the message says where and why."""


@dataclass
class SiteSummary:
    """What one demo site holds after loading (or was found to hold)."""

    name: str
    url: str
    articles: int = 0
    pages: int = 0
    images: int = 0
    documents: int = 0
    skipped: bool = False


@dataclass
class Login:
    """A demo login: username, the password if this run set it, and what it is for."""

    username: str
    password: str | None
    role: str


@dataclass
class LoadReport:
    """The outcome of a load: the sites, the logins and whether anything was built."""

    sites: list[SiteSummary] = field(default_factory=list)
    logins: list[Login] = field(default_factory=list)
    admin_url: str = ""

    @property
    def already_loaded(self) -> bool:
        """Whether every site was already there, so nothing was built."""
        return bool(self.sites) and all(site.skipped for site in self.sites)


class SiteBuilder:
    """Fills one provisioned site: settings, static pages, articles, industries and home."""

    def __init__(
        self,
        result: ProvisioningResult,
        owner: Any,
        rng: random.Random,
        now: datetime.datetime,
        key: str,
        primary: str,
        accent: str,
        palette: str,
    ):
        self.result = result
        self.home: HomePage = result.home
        self.owner = owner
        self.rng = rng
        self.now = now
        self.key = key
        self.primary = primary
        self.accent = accent
        self.palette = palette
        self.image_count = 0
        self.document_count = 0
        self.article_count = 0
        self._covers: list[Any] = []
        self._children = {child.slug: child for child in self.home.get_children().specific()}

    # -- assets -------------------------------------------------------------------------------

    def image(self, title: str, name: str, data: bytes) -> Any:
        """Save generated image bytes as a Wagtail image in the site's collection."""
        image_model = get_image_model()
        img = image_model(
            title=title,
            file=ContentFile(data, name=f"demo-{self.key}-{name}"),
            collection=self.result.collection,
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's file hash, not security
        )
        img.save()
        self.image_count += 1
        return img

    def document(self, title: str, name: str, data: bytes) -> Any:
        """Save generated file bytes as a Wagtail document in the site's collection."""
        document_model = get_document_model()
        doc = document_model(
            title=title,
            file=ContentFile(data, name=f"demo-{self.key}-{name}"),
            collection=self.result.collection,
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's file hash, not security
        )
        doc.save()
        self.document_count += 1
        return doc

    def landscape(self, title: str, name: str, size=(1200, 720), palette: str = "") -> Any:
        """A generated landscape photo."""
        return self.image(
            title, f"{name}.jpg", images.landscape(self.rng, size, palette or self.palette)
        )

    def covers(self, count: int = 10) -> list[Any]:
        """Cover photos shared by the site's articles, generated once."""
        if not self._covers:
            palettes = [self.palette, "fields", "river", "hills", "karst", "forest"]
            for i in range(count):
                self._covers.append(
                    self.landscape(
                        f"{self.home.title}风光 {i + 1}",
                        f"cover-{i + 1:02d}",
                        palette=palettes[i % len(palettes)],
                    )
                )
        return self._covers

    # -- pages --------------------------------------------------------------------------------

    def publish(self, page: Page) -> None:
        """Save a revision of the page by the site's editor and publish it."""
        page.save_revision(user=self.owner).publish(user=self.owner)

    def child(self, slug: str) -> Page:
        """One of the home's standard children, by slug."""
        try:
            return self._children[slug]
        except KeyError as err:
            raise DemoError(f"站点「{self.home.title}」缺少栏目 {slug}") from err

    def set_identity(self, **values: Any) -> SiteIdentity:
        """Fill in the site's identity settings."""
        identity = SiteIdentity.for_site(self.result.site)
        for name, value in values.items():
            setattr(identity, name, value)
        identity.full_clean(exclude=["site"])
        identity.save()
        return identity

    def set_column_intros(self, intros: dict[str, str]) -> None:
        """Give each column a one-line introduction."""
        for slug, text in intros.items():
            column = self.child(slug)
            if isinstance(column, ColumnPage) and not column.intro:
                column.intro = rich(text)
                self.publish(column)

    def fill_standard(self, slug: str, intro: str, body: list[dict[str, Any]]) -> StandardPage:
        """Write the intro and body of one of the standard pages."""
        page = self.child(slug)
        if not isinstance(page, StandardPage):
            raise DemoError(f"「{page.title}」不是普通页面")
        page.intro = intro
        page.body = body
        self.publish(page)
        return page

    def add_article(self, spec: ArticleSpec, slug: str) -> ArticlePage:
        """Create and publish one article under its column, dated in the past."""
        column = self.child(spec.column)
        body: list[dict[str, Any]] = []
        cover = None
        if spec.cover:
            cover = self.rng.choice(self.covers())
        for section in spec.sections:
            if section.heading:
                body.append(heading(section.heading))
            paragraphs = section.paragraphs
            if cover is not None and not body and len(paragraphs) > 3:
                # A second photo in the text; the cover itself is shown by the template.
                photo = self.rng.choice([c for c in self.covers() if c.pk != cover.pk])
                body.append(block("paragraph", rich(*paragraphs[:2])))
                body.append(
                    block("image", image_value(photo, f"{spec.title}现场示意图", "", spec.source))
                )
                paragraphs = paragraphs[2:]
            if paragraphs:
                body.append(block("paragraph", rich(*paragraphs)))
            if section.items:
                body.append(block("paragraph", rich(*section.items)))
        if spec.table is not None:
            caption, rows = spec.table
            body.append(table(caption, rows, spec.source))
        attachments = []
        if spec.attachment:
            lines = spec.text_lines
            if spec.attachment == "pdf":
                data = documents.make_pdf(spec.title, lines)
            else:
                data = documents.make_docx(spec.attachment_title.removeprefix("附件："), lines[-6:])
            stem = f"{spec.column}-{spec.publish_date:%Y%m%d}-{self.article_count + 1:03d}"
            name = f"{stem}.{spec.attachment}"
            doc = self.document(spec.attachment_title.removesuffix(".pdf"), name, data)
            attachments.append(
                block("attachment", {"document": doc.pk, "title": spec.attachment_title})
            )
        page = ArticlePage(
            title=spec.title,
            slug=slug,
            publish_date=spec.publish_date,
            first_published_at=spec.publish_date,
            source=spec.source,
            author=spec.author,
            origin=spec.origin,
            origin_source=spec.origin_source,
            document_number=spec.document_number,
            issuing_body=spec.issuing_body,
            index_number=spec.index_number,
            written_date=spec.written_date,
            summary=spec.summary,
            cover_image=cover,
            body=body,
            attachments=attachments,
            owner=self.owner,
        )
        column.add_child(instance=page)
        self.publish(page)
        self.article_count += 1
        return page

    def add_articles(self, specs: list[ArticleSpec]) -> dict[str, list[ArticlePage]]:
        """Create the articles oldest first; return them by column, newest first."""
        by_column: dict[str, list[ArticlePage]] = {}
        for n, spec in enumerate(sorted(specs, key=lambda s: s.publish_date), start=1):
            slug = f"{spec.column}-{spec.publish_date:%Y%m%d}-{n:03d}"
            by_column.setdefault(spec.column, []).append(self.add_article(spec, slug))
        for pages in by_column.values():
            pages.reverse()
        return by_column

    def add_industry(self, county: County, industry: Industry) -> IndustryPage:
        """An industry page under 特色产业 with figures, enterprises, products and a gallery."""
        cover = self.landscape(industry.title, f"{industry.slug}-cover", palette=industry.palette)
        gallery = [
            self.landscape(
                f"{industry.title}图集 {i + 1}",
                f"{industry.slug}-gallery-{i + 1}",
                (960, 640),
                industry.palette,
            )
            for i in range(3)
        ]
        body: list[dict[str, Any]] = [
            heading("产业概况"),
            block("paragraph", rich(industry.intro, industry.history)),
            heading("重点企业"),
        ]
        for enterprise in industry.enterprises:
            logo = self.image(
                f"{enterprise.name}标志",
                f"{industry.slug}-logo-{self.image_count}.png",
                images.emblem(self.primary, self.accent, 128),
            )
            body.append(
                block(
                    "enterprise",
                    {
                        "name": enterprise.name,
                        "logo": logo.pk,
                        "description": enterprise.description,
                        "products": enterprise.products,
                        "address": enterprise.address,
                        "phone": enterprise.phone,
                        "website": f"https://{industry.slug}.{county.key}.example.org/",
                    },
                )
            )
        body.append(heading("特色产品"))
        for product in industry.products:
            picture = self.image(
                product.name,
                f"{industry.slug}-product-{self.image_count}.jpg",
                images.product(self.rng, product.colour),
            )
            body.append(
                block(
                    "product",
                    {
                        "name": product.name,
                        "image": picture.pk,
                        "alt": f"{product.name}的示意图片",
                        "description": product.description,
                        "origin": product.origin,
                        "season": product.season,
                    },
                )
            )
        body.append(
            block(
                "gallery",
                {
                    "heading": f"{industry.title}风采",
                    "images": [
                        image_value(
                            img,
                            f"{county.name}{industry.title}示意风景图 {i + 1}",
                            f"{industry.title}基地",
                            county.media_centre,
                        )
                        for i, img in enumerate(gallery)
                    ],
                },
            )
        )
        page = IndustryPage(
            title=industry.title,
            slug=industry.slug,
            kind=industry.kind,
            intro=industry.summary,
            cover_image=cover,
            figures=[block("figure", figure.as_block_value()) for figure in industry.figures],
            body=body,
            owner=self.owner,
        )
        self.child("tscy").add_child(instance=page)
        self.publish(page)
        return page

    def summary(self, port: int) -> SiteSummary:
        """Counts of what the site holds."""
        return summarise(self.result.site, port)


def summarise(site: Site, port: int, skipped: bool = False) -> SiteSummary:
    """Count the pages, articles, images and documents of a site."""
    root = site.root_page
    pages = Page.objects.descendant_of(root, inclusive=True)
    collection = site.site_name
    return SiteSummary(
        name=site.site_name,
        url=site_url(site.hostname, port),
        articles=ArticlePage.objects.descendant_of(root).live().count(),
        pages=pages.count(),
        images=get_image_model().objects.filter(collection__name=collection).count(),
        documents=get_document_model().objects.filter(collection__name=collection).count(),
        skipped=skipped,
    )


def hide_empty_columns(home: Page) -> None:
    """Take columns that hold nothing out of the menus: a blank column fails an inspection."""
    for column in ColumnPage.objects.child_of(home).live().in_menu():
        if not Page.objects.descendant_of(column).live().exists():
            column.show_in_menus = False
            column.save_revision().publish()


def site_has_content(site: Site) -> bool:
    """Whether a site already has articles, i.e. the demo was loaded into it."""
    return ArticlePage.objects.descendant_of(site.root_page).exists()


class DemoCluster:
    """Loads the portal and county sites, the admin user and one editor per county."""

    def __init__(
        self,
        port: int = 8000,
        password: str = DEFAULT_PASSWORD,
        log: Log | None = None,
        now: datetime.datetime | None = None,
        counties: tuple[County, ...] = COUNTIES,
    ):
        self.port = port
        self.password = password
        self.log = log or (lambda message: None)
        self.now = timezone.localtime(now or timezone.now())
        self.counties = counties

    # -- state --------------------------------------------------------------------------------

    def find_site(self, hostname: str) -> Site | None:
        """The demo site at hostname on the chosen port, if it exists."""
        return (
            Site.objects.filter(hostname=hostname, port=self.port)
            .select_related("root_page")
            .first()
        )

    def is_loaded(self) -> bool:
        """Whether the portal and every county site exist and have content."""
        hostnames = [PORTAL_HOSTNAME, *(county.hostname for county in self.counties)]
        for hostname in hostnames:
            site = self.find_site(hostname)
            if site is None or not site_has_content(site):
                return False
        return True

    # -- users --------------------------------------------------------------------------------

    def ensure_admin(self) -> Login:
        """The demo superuser; an existing one keeps its password."""
        user_model = get_user_model()
        user = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            user_model.objects.create_superuser(
                username=ADMIN_USERNAME,
                email="admin@example.org",
                password=self.password,
                first_name="网群管理员",
            )
            return Login(ADMIN_USERNAME, self.password, "超级管理员")
        return Login(ADMIN_USERNAME, self.known_password(user), "超级管理员")

    def ensure_editor(self, county: County, result: ProvisioningResult) -> tuple[Any, Login]:
        """The county's demo editor, in the site's 维护 group."""
        user_model = get_user_model()
        username = f"{county.key}_editor"
        user = user_model.objects.filter(username=username).first()
        password: str | None = None
        if user is None:
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=self.password,
                first_name=f"{county.name}编辑",
            )
            password = self.password
        else:
            password = self.known_password(user)
        user.groups.add(result.groups["maintainer"])
        return user, Login(
            username, password, f"{county.name}维护（{result.groups['maintainer'].name}）"
        )

    def known_password(self, user: Any) -> str | None:
        """The demo password if the existing user still has it, else None (it was changed)."""
        return self.password if user.check_password(self.password) else None

    def existing_logins(self) -> list[Login]:
        """The demo logins as found; passwords only where the demo password still works."""
        user_model = get_user_model()
        logins = []
        admin = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if admin is not None:
            logins.append(Login(ADMIN_USERNAME, self.known_password(admin), "超级管理员"))
        for county in self.counties:
            editor = user_model.objects.filter(username=f"{county.key}_editor").first()
            if editor is not None:
                logins.append(
                    Login(editor.username, self.known_password(editor), f"{county.name}维护")
                )
        return logins

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> LoadReport:
        """Build every missing site, each in its own transaction; skip sites that have content."""
        report = LoadReport(admin_url=f"{site_url(PORTAL_HOSTNAME, self.port)}admin/")
        if self.is_loaded():
            for hostname in [*(c.hostname for c in self.counties), PORTAL_HOSTNAME]:
                report.sites.append(summarise(self.find_site(hostname), self.port, skipped=True))
            report.logins = self.existing_logins()
            return report

        report.logins.append(self.ensure_admin())

        county_sites: dict[str, Site] = {}
        for county in self.counties:
            summary, site, login = self._load_county(county)
            county_sites[county.key] = site
            report.sites.append(summary)
            if login is not None:
                report.logins.append(login)
        report.sites.append(self._load_portal(county_sites))
        if not any(login.username.endswith("_editor") for login in report.logins):
            report.logins.extend(
                login for login in self.existing_logins() if login.username != ADMIN_USERNAME
            )
        return report

    def _rng(self, key: str) -> random.Random:
        """A random generator for one site's pictures."""
        return random.Random(f"{content.SEED}-images-{key}")  # noqa: S311 - pictures, not security

    def _load_county(self, county: County) -> tuple[SiteSummary, Site, Login | None]:
        """Build one county site unless it already has content."""
        existing = self.find_site(county.hostname)
        if existing is not None and site_has_content(existing):
            self.log(f"{county.full_name}（{county.hostname}）已有内容，跳过。")
            editor = get_user_model().objects.filter(username=f"{county.key}_editor").first()
            login = None
            if editor is not None:
                login = Login(editor.username, self.known_password(editor), f"{county.name}维护")
            return summarise(existing, self.port, skipped=True), existing, login
        self.log(f"正在创建 {county.full_name}（{county.hostname}:{self.port}）……")
        try:
            with transaction.atomic():
                result = create_county_site(
                    county.full_name, county.hostname, self.port, "default", False
                )
                editor, login = self.ensure_editor(county, result)
                builder = SiteBuilder(
                    result, editor, self._rng(county.key), self.now, county.key,
                    county.primary_color, county.accent_color, county.palette,
                )  # fmt: skip
                build_county(builder, county, self.port)
        except DemoError:
            raise
        except Exception as err:
            raise DemoError(f"创建 {county.full_name} 失败：{err}") from err
        summary = summarise(result.site, self.port)
        self.log(
            f"  {county.full_name}：{summary.articles} 篇文章，{summary.pages} 个页面，"
            f"{summary.images} 张图片，{summary.documents} 个文件。"
        )
        return summary, result.site, login

    def _load_portal(self, county_sites: dict[str, Site]) -> SiteSummary:
        """Build the portal unless it already has content."""
        existing = self.find_site(PORTAL_HOSTNAME)
        if existing is not None and site_has_content(existing):
            self.log(f"{PORTAL.full_name}（{PORTAL_HOSTNAME}）已有内容，跳过。")
            return summarise(existing, self.port, skipped=True)
        self.log(f"正在创建 {PORTAL.full_name}（{PORTAL_HOSTNAME}:{self.port}）……")
        try:
            with transaction.atomic():
                result = create_county_site(
                    PORTAL.name, PORTAL_HOSTNAME, self.port, "default", True
                )
                owner = get_user_model().objects.get(username=ADMIN_USERNAME)
                builder = SiteBuilder(
                    result, owner, self._rng("portal"), self.now, "portal",
                    PORTAL.primary_color, PORTAL.accent_color, PORTAL.palette,
                )  # fmt: skip
                build_portal(builder, self.port, county_sites)
                hide_empty_columns(result.home)
        except DemoError:
            raise
        except Exception as err:
            raise DemoError(f"创建 {PORTAL.full_name} 失败：{err}") from err
        summary = summarise(result.site, self.port)
        self.log(f"  {PORTAL.full_name}：{summary.articles} 篇文章，{summary.pages} 个页面。")
        return summary


def load_demo_cluster(
    port: int = 8000, password: str = DEFAULT_PASSWORD, log: Log | None = None
) -> LoadReport:
    """Load the demo cluster (or report that it is loaded) and return what it holds."""
    return DemoCluster(port=port, password=password, log=log).load()
