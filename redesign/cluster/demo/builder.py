"""Build the demo cluster: a portal and county sites with pages, images, documents and users."""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
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
from .content import COUNTIES, PORTAL, ArticleSpec, ContentGenerator, County, Industry

DEFAULT_PASSWORD = "admin12345"  # noqa: S105 - a documented demo password, printed to the user
ADMIN_USERNAME = "admin"
PORTAL_HOSTNAME = "127.0.0.1"

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


# --------------------------------------------------------------------------------------------
# StreamField value helpers (JSON-ish values: {"type": ..., "value": ...})
# --------------------------------------------------------------------------------------------


def rich(*paragraphs: str) -> str:
    """Plain text paragraphs as rich text HTML."""
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)


def rich_list(items: list[str], ordered: bool = True) -> str:
    """Plain text items as a rich text list."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


def block(kind: str, value: Any) -> dict[str, Any]:
    """One StreamField child in JSON form."""
    return {"type": kind, "value": value}


def heading(text: str, level: str = "h2") -> dict[str, Any]:
    """A heading block."""
    return block("heading", {"text": text, "level": level})


def table(caption: str, rows: list[list[str]], source: str = "") -> dict[str, Any]:
    """A data table block whose first row is the header."""
    return block(
        "table",
        {
            "caption": caption,
            "table": {
                "data": rows,
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
            "source": source,
        },
    )


def image_value(image: Any, alt: str, caption: str = "", credit: str = "") -> dict[str, Any]:
    """The value of an ImageBlock."""
    return {"image": image.pk, "alt": alt, "caption": caption, "credit": credit}


def link(title: str, page: Page | None = None, url: str = "") -> dict[str, Any]:
    """The value of a LinkBlock: a page or an external URL."""
    return {"title": title, "page": page.pk if page is not None else None, "external_url": url}


def site_url(hostname: str, port: int) -> str:
    """The root URL of a demo site."""
    return f"http://{hostname}/" if port == 80 else f"http://{hostname}:{port}/"


# --------------------------------------------------------------------------------------------
# One site
# --------------------------------------------------------------------------------------------


DEPT_LINKS = (
    ("发展和改革局", "fgj"),
    ("教育局", "jyj"),
    ("农业农村局", "nyncj"),
    ("卫生健康局", "wjj"),
    ("人力资源和社会保障局", "rsj"),
    ("住房和城乡建设局", "zjj"),
)
SERVICE_TILES = (
    ("social_security", "社保查询", "shebao"),
    ("medical_insurance", "医保服务", "yibao"),
    ("household", "户籍办理", "huji"),
    ("education", "入学报名", "jiaoyu"),
    ("employment", "就业创业", "jiuye"),
    ("housing_fund", "公积金", "gjj"),
    ("real_estate", "不动产登记", "bdc"),
    ("business_license", "企业开办", "qiye"),
    ("elderly_care", "养老服务", "yanglao"),
    ("complaint", "投诉举报", "tousu"),
)


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
        for i, section in enumerate(spec.sections):
            if section.heading:
                body.append(heading(section.heading))
            if section.paragraphs:
                body.append(block("paragraph", rich(*section.paragraphs)))
            if section.items:
                body.append(block("paragraph", rich(*section.items)))
            if i == 0 and cover is not None and len(spec.sections[0].paragraphs) > 3:
                body.insert(
                    1,
                    block("image", image_value(cover, spec.title[:60], spec.title, spec.source)),
                )
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
            block(
                "key_figures",
                {
                    "heading": f"{industry.title}数据",
                    "figures": [figure.as_block_value() for figure in industry.figures],
                },
            ),
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


# --------------------------------------------------------------------------------------------
# County sites
# --------------------------------------------------------------------------------------------


def build_county(builder: SiteBuilder, county: County, port: int) -> None:
    """Fill a provisioned county site with identity, pages, articles, industries and home."""
    gen = ContentGenerator(county, builder.now)
    logo = builder.image(
        f"{county.full_name}网站标志",
        "logo.png",
        images.emblem(county.primary_color, county.accent_color),
    )
    banner = builder.image(
        f"{county.name}风光横幅", "banner.jpg", images.banner(builder.rng, county.palette)
    )
    number = int(county.code[-2:])
    builder.set_identity(
        full_name=county.full_name,
        short_name=county.name,
        identity_code=f"{county.code}0001",
        icp_number=f"桂ICP备990{county.code[-3:]}{number:02d}号",
        police_number=f"桂公网安备 {county.code}02000001号",
        conac_url=f"https://conac.example.org/verify?site={county.code}0001",
        organizer=county.office,
        operator=f"{county.name}融媒体中心",
        address=county.address,
        postcode=county.postcode,
        phone=county.phone,
        email=f"{county.key}-gov@example.org",
        logo=logo,
        banner_image=banner,
        primary_color=county.primary_color,
        accent_color=county.accent_color,
    )
    builder.set_column_intros(
        {
            "yaowen": f"{county.name}重要新闻和重大活动报道。",
            "zwdt": f"{county.name}各部门、各乡镇工作动态。",
            "tzgg": f"{county.full_name}及各部门发布的通知、公告和公示。",
            "zcwj": f"{county.full_name}及办公室印发的政策文件，可按文号检索。",
            "hudong": "在线留言、咨询和投诉，部门公开答复。",
            "tscy": f"{county.name}的地方特色产业和支柱产业。",
        }
    )
    columns = builder.add_articles(gen.articles())
    industries = [builder.add_industry(county, industry) for industry in county.industries]
    build_county_standard_pages(builder, county, gen)
    build_county_home(builder, county, gen, columns, industries, banner, port)


def build_county_standard_pages(
    builder: SiteBuilder, county: County, gen: ContentGenerator
) -> None:
    """概况信息, 机构职能 and 负责人信息."""
    towns = "、".join(county.towns)
    gallery = builder.covers()[:3]
    builder.fill_standard(
        "gkxx",
        f"{county.name}{county.features}",
        [
            heading(f"{county.unit}情简介"),
            block(
                "paragraph",
                rich(
                    f"{county.name}隶属广西壮族自治区百色市，{county.features}",
                    county.history,
                    "（本站为演示站点，以下数据均为虚构，仅用于展示页面效果。）",
                ),
            ),
            block(
                "key_figures",
                {
                    "heading": f"{county.unit}情数据",
                    "figures": [
                        {"value": county.area, "unit": "平方公里", "label": "总面积", "note": ""},
                        {
                            "value": county.population,
                            "unit": "万人",
                            "label": "户籍人口",
                            "note": "",
                        },
                        {
                            "value": str(len(county.towns)),
                            "unit": "个",
                            "label": "乡镇",
                            "note": "",
                        },
                        {
                            "value": county.gdp,
                            "unit": "亿元",
                            "label": "地区生产总值",
                            "note": "演示数据",
                        },
                    ],
                },
            ),
            heading("行政区划"),
            block(
                "paragraph",
                rich(
                    f"全{county.unit}辖{len(county.towns)}个乡镇：{towns}。{county.full_name}驻{county.seat}。"
                ),
            ),
            heading("主要经济指标"),
            table(
                f"{county.name}主要经济指标（演示数据）",
                [
                    ["指标", "数值", "同比增长"],
                    ["地区生产总值（亿元）", county.gdp, f"{gen.rng.randint(40, 75) / 10:.1f}%"],
                    [
                        "一般公共预算收入（亿元）",
                        f"{gen.rng.randint(30, 120) / 10:.1f}",
                        f"{gen.rng.randint(10, 60) / 10:.1f}%",
                    ],
                    [
                        "农村居民人均可支配收入（元）",
                        str(gen.rng.randint(13000, 17000)),
                        f"{gen.rng.randint(60, 90) / 10:.1f}%",
                    ],
                    [
                        "社会消费品零售总额（亿元）",
                        f"{gen.rng.randint(150, 600) / 10:.1f}",
                        f"{gen.rng.randint(30, 70) / 10:.1f}%",
                    ],
                ],
                f"{county.dept('统计局')}",
            ),
            block(
                "gallery",
                {
                    "heading": f"{county.name}风光",
                    "images": [
                        image_value(
                            img, f"{county.name}山水田园示意图 {i + 1}", "", county.media_centre
                        )
                        for i, img in enumerate(gallery)
                    ],
                },
            ),
        ],
    )
    departments = [county.dept(suffix) for suffix in content.DEPARTMENTS[:12]]
    builder.fill_standard(
        "jgzn",
        f"{county.full_name}的主要职责、内设机构和工作部门。",
        [
            heading("主要职责"),
            block(
                "paragraph",
                rich_list(
                    [
                        f"执行{county.unit}人民代表大会及其常务委员会的决议和上级国家行政机关的决定和命令。",
                        "领导所属各工作部门和乡镇人民政府的工作。",
                        f"编制和执行{county.unit}国民经济和社会发展规划、预算。",
                        "管理本行政区域内的经济、教育、科学、文化、卫生、体育、城乡建设等行政工作。",
                        "保护公民的人身权利、民主权利和其他权利，保障各民族的平等权利。",
                        "办理上级国家行政机关交办的其他事项。",
                    ]
                ),
            ),
            heading("政府工作部门"),
            table(
                f"{county.full_name}工作部门（演示数据）",
                [["部门名称", "办公电话", "办公地址"]]
                + [
                    [
                        dept,
                        f"{county.phone[:5]}{6820100 + i * 37}",
                        f"{county.seat}行政中心{i + 1}号楼",
                    ]
                    for i, dept in enumerate(departments)
                ],
            ),
            block(
                "quick_links",
                {
                    "heading": "部门网站",
                    "links": [
                        link(county.dept(suffix), url=f"https://{slug}.{county.key}.example.org/")
                        for suffix, slug in DEPT_LINKS
                    ],
                },
            ),
        ],
    )
    leaders_body: list[dict[str, Any]] = [
        block("paragraph", rich("以下人物、照片和分工均为演示数据，与真实人员无关。")),
    ]
    for i, (name, role, duties) in enumerate(gen.leaders()):
        photo = builder.image(
            f"{role}{name}（示意图）",
            f"leader-{i + 1}.jpg",
            images.portrait(builder.rng, county.primary_color),
        )
        leaders_body.append(
            block(
                "two_columns",
                {
                    "left": [block("image", image_value(photo, f"{role}{name}的照片（示意图）"))],
                    "right": [
                        heading(f"{name}　{role}", "h2"),
                        block(
                            "paragraph", rich(f"职务：{county.full_name}{role}", f"分工：{duties}")
                        ),
                    ],
                },
            )
        )
    builder.fill_standard("fzrxx", f"{county.full_name}领导成员及分工。", leaders_body)


def build_county_home(
    builder: SiteBuilder,
    county: County,
    gen: ContentGenerator,
    columns: dict[str, list[ArticlePage]],
    industries: list[IndustryPage],
    banner: Any,
    port: int,
) -> None:
    """The county home page body, using every home block."""
    yaowen, zwdt, tzgg, zcwj = (builder.child(slug) for slug in ("yaowen", "zwdt", "tzgg", "zcwj"))
    with_covers = [page for page in columns["yaowen"] if page.cover_image_id]
    featured = (with_covers + columns["yaowen"])[:3]
    topic_specs = [
        ("政策文件库", zcwj),
        ("特色产业专区", builder.child("tscy")),
        (f"走进{county.name}", builder.child("gkxx")),
        ("我为群众办实事", builder.child("hudong")),
    ]
    topics = []
    for i, (title, page) in enumerate(topic_specs):
        picture = builder.image(
            title,
            f"topic-{i + 1}.png",
            images.topic_banner(builder.rng, county.primary_color, county.accent_color),
        )
        topics.append({"image": picture.pk, "title": title, "page": page.pk, "external_url": ""})
    cards = []
    for page, industry in zip(industries, county.industries, strict=True):
        cards.append(
            {
                "image": page.cover_image_id,
                "alt": f"{county.name}{industry.title}示意图",
                "title": industry.title,
                "summary": industry.summary,
                "figures": [figure.as_block_value() for figure in industry.figures[:2]],
                "page": page.pk,
                "external_url": "",
            }
        )
    body = [
        block(
            "banner",
            {
                "image": banner.pk,
                "alt": f"{county.name}山水风光",
                "title": county.slogan,
                "subtitle": county.subtitle,
                "link": link(f"走进{county.name}", builder.child("gkxx")),
            },
        ),
        block(
            "notice_ticker", {"label": "通知公告", "columns": [tzgg.pk], "count": 5, "duration": 30}
        ),
        block(
            "featured_news",
            {"heading": "头条", "articles": [p.pk for p in featured], "style": "carousel"},
        ),
        block(
            "tabbed_feed",
            {
                "heading": "新闻中心",
                "tabs": [
                    {"label": "要闻", "column": yaowen.pk},
                    {"label": "政务动态", "column": zwdt.pk},
                    {"label": "通知公告", "column": tzgg.pk},
                ],
                "count": 8,
                "show_dates": True,
            },
        ),
        block(
            "news_feed",
            {
                "heading": "要闻",
                "columns": [yaowen.pk],
                "count": 6,
                "show_images": True,
                "show_dates": True,
            },
        ),
        block(
            "gov_affairs_feed",
            {"heading": "政务动态", "columns": [zwdt.pk], "count": 8, "show_issuing_body": True},
        ),
        block(
            "notice_list",
            {"heading": "通知公告", "columns": [tzgg.pk, zcwj.pk], "count": 8, "mark_new": True},
        ),
        block(
            "service_tiles",
            {
                "heading": "办事服务",
                "tiles": [
                    {
                        "icon": icon,
                        "title": title,
                        "page": None,
                        "external_url": f"https://zwfw.example.org/{county.key}/{path}",
                    }
                    for icon, title, path in SERVICE_TILES[:8]
                ],
            },
        ),
        block("industry_showcase", {"heading": "特色产业", "cards": cards}),
        block(
            "key_figures",
            {
                "heading": f"{county.unit}情速览",
                "figures": [
                    {"value": county.area, "unit": "平方公里", "label": "总面积", "note": ""},
                    {"value": county.population, "unit": "万人", "label": "户籍人口", "note": ""},
                    {"value": str(len(county.towns)), "unit": "个", "label": "乡镇", "note": ""},
                    {
                        "value": county.gdp,
                        "unit": "亿元",
                        "label": "地区生产总值",
                        "note": "演示数据",
                    },
                ],
            },
        ),
        block("special_topics", {"heading": "专题专栏", "topics": topics}),
        block(
            "quick_links",
            {
                "heading": "政务公开",
                "links": [
                    link("概况信息", builder.child("gkxx")),
                    link("机构职能", builder.child("jgzn")),
                    link("负责人信息", builder.child("fzrxx")),
                    link("政策文件", zcwj),
                    link("互动交流", builder.child("hudong")),
                ],
            },
        ),
        block(
            "faq",
            {
                "heading": "常见问题",
                "questions": [{"question": q, "answer": rich(a)} for q, a in gen.faq()],
            },
        ),
        block(
            "related_sites",
            {
                "heading": "相关网站",
                "groups": [
                    {
                        "label": "上级网站",
                        "links": [
                            link(PORTAL.full_name, url=site_url(PORTAL_HOSTNAME, port)),
                            link("自治区人民政府门户网站（示例）", url="https://gx.example.org/"),
                            link(
                                "百色市人民政府门户网站（示例）", url="https://baise.example.org/"
                            ),
                        ],
                    },
                    {
                        "label": "部门网站",
                        "links": [
                            link(
                                county.dept(suffix), url=f"https://{slug}.{county.key}.example.org/"
                            )
                            for suffix, slug in DEPT_LINKS
                        ],
                    },
                    {
                        "label": "乡镇网站",
                        "links": [
                            link(
                                f"{town}人民政府",
                                url=f"https://town{i + 1}.{county.key}.example.org/",
                            )
                            for i, town in enumerate(county.towns)
                        ],
                    },
                ],
            },
        ),
        block(
            "paragraph",
            rich("本站为“网群”改版工具包的演示站点，文中人物、数据、企业和文件均为虚构。"),
        ),
    ]
    home = builder.home
    home.intro = f"{county.slogan}——{county.full_name}门户网站（演示）"
    home.seo_title = county.full_name
    home.search_description = (
        f"{county.full_name}门户网站：要闻、政务动态、通知公告、政策文件和特色产业。"
    )
    home.body = body
    builder.publish(home)


# --------------------------------------------------------------------------------------------
# Portal
# --------------------------------------------------------------------------------------------


def build_portal(builder: SiteBuilder, port: int, county_sites: dict[str, Site]) -> None:
    """Fill the portal: identity, its own news and a home that lists the county sites."""
    logo = builder.image(
        f"{PORTAL.full_name}标志",
        "logo.png",
        images.emblem(PORTAL.primary_color, PORTAL.accent_color),
    )
    banner = builder.image("网群门户横幅", "banner.jpg", images.banner(builder.rng, PORTAL.palette))
    builder.set_identity(
        full_name=PORTAL.full_name,
        short_name=PORTAL.name,
        identity_code=f"{PORTAL.code}0001",
        icp_number="桂ICP备99000001号",
        police_number=f"桂公网安备 {PORTAL.code}02000001号",
        conac_url=f"https://conac.example.org/verify?site={PORTAL.code}0001",
        organizer=PORTAL.organizer,
        operator=PORTAL.operator,
        address=PORTAL.address,
        postcode=PORTAL.postcode,
        phone=PORTAL.phone,
        email="wangqun@example.org",
        logo=logo,
        banner_image=banner,
        primary_color=PORTAL.primary_color,
        accent_color=PORTAL.accent_color,
    )
    builder.set_column_intros(
        {
            "yaowen": "网群建设和各县网站的重要动态。",
            "tzgg": "网群运营中心发布的通知和公告。",
            "zcwj": "政府网站建设和管理的制度文件。",
        }
    )
    columns = builder.add_articles(content.portal_articles(builder.now))
    builder.fill_standard(
        "gkxx",
        "百色市网群是全市县级政府网站的集约化平台。",
        [
            heading("网群简介"),
            block(
                "paragraph",
                rich(
                    "网群在一套平台上承载各县（市、区）政府网站，每个站点有自己的域名、主题和编辑队伍，"
                    "统一技术支撑、统一安全防护、统一内容保障。",
                    "（本站为演示站点，内容均为虚构。）",
                ),
            ),
            block(
                "key_figures",
                {
                    "heading": "网群概况",
                    "figures": [
                        {
                            "value": str(len(COUNTIES)),
                            "unit": "个",
                            "label": "接入站点",
                            "note": "演示",
                        },
                        {
                            "value": "3",
                            "unit": "级",
                            "label": "内容保障角色",
                            "note": "信息员、审核、维护",
                        },
                    ],
                },
            ),
        ],
    )
    builder.fill_standard(
        "jgzn",
        f"{PORTAL.operator}负责网群平台的运行维护和内容保障。",
        [
            block(
                "paragraph",
                rich_list(
                    [
                        "平台运行维护和安全防护。",
                        "各站点主题设计和改版。",
                        "信息员培训和内容保障考核。",
                    ]
                ),
            )
        ],
    )
    builder.fill_standard(
        "fzrxx",
        "网群运营中心联系方式。",
        [
            block(
                "paragraph",
                rich(
                    f"地址：{PORTAL.address}", f"电话：{PORTAL.phone}", "本页人物信息为演示数据。"
                ),
            )
        ],
    )
    county_homes = {key: site.root_page.specific for key, site in county_sites.items()}
    county_columns = {
        key: home.get_children().filter(slug="yaowen").first() for key, home in county_homes.items()
    }
    industry_pages = {
        key: list(IndustryPage.objects.descendant_of(home).live().order_by("path"))
        for key, home in county_homes.items()
    }
    cards = []
    for county in COUNTIES:
        pages = industry_pages.get(county.key) or []
        if pages:
            page = pages[0]
            cards.append(
                {
                    "image": page.cover_image_id,
                    "alt": f"{county.name}{page.title}示意图",
                    "title": f"{county.name}·{page.title}",
                    "summary": page.intro,
                    "figures": [],
                    "page": page.pk,
                    "external_url": "",
                }
            )
    county_links = [
        link(county.full_name, url=site_url(county.hostname, port))
        for county in COUNTIES
        if county.key in county_sites
    ]
    body: list[dict[str, Any]] = [
        block(
            "banner",
            {
                "image": banner.pk,
                "alt": "右江河谷风光示意图",
                "title": "百色市网群",
                "subtitle": "一个平台承载全市县级政府网站",
                "link": link("了解网群", builder.child("gkxx")),
            },
        ),
        block("quick_links", {"heading": "县级网站", "links": county_links}),
        block(
            "featured_news",
            {
                "heading": "网群要闻",
                "articles": [p.pk for p in columns["yaowen"][:3]],
                "style": "hero",
            },
        ),
        block(
            "news_feed",
            {
                "heading": "网群动态",
                "columns": [builder.child("yaowen").pk],
                "count": 8,
                "show_images": False,
                "show_dates": True,
            },
        ),
    ]
    tabs = [
        {"label": county.name, "column": county_columns[county.key].pk}
        for county in COUNTIES
        if county_columns.get(county.key) is not None
    ]
    if tabs:
        body.append(
            block(
                "tabbed_feed", {"heading": "各县要闻", "tabs": tabs, "count": 6, "show_dates": True}
            )
        )
    body.append(
        block(
            "notice_list",
            {
                "heading": "通知公告",
                "columns": [builder.child("tzgg").pk],
                "count": 6,
                "mark_new": True,
            },
        )
    )
    if cards:
        body.append(block("industry_showcase", {"heading": "各县特色产业", "cards": cards}))
    body.append(
        block(
            "related_sites",
            {
                "heading": "相关网站",
                "groups": [
                    {
                        "label": "县级网站",
                        "links": county_links
                        or [link(PORTAL.full_name, url=site_url(PORTAL_HOSTNAME, port))],
                    },
                    {
                        "label": "上级网站",
                        "links": [
                            link("自治区人民政府门户网站（示例）", url="https://gx.example.org/"),
                            link(
                                "百色市人民政府门户网站（示例）", url="https://baise.example.org/"
                            ),
                        ],
                    },
                ],
            },
        )
    )
    body.append(
        block("paragraph", rich("本站为“网群”改版工具包的演示门户，文中人物、数据和文件均为虚构。"))
    )
    home = builder.home
    home.intro = "百色市网群：一个平台承载全市县级政府网站（演示）"
    home.seo_title = PORTAL.full_name
    home.body = body
    builder.publish(home)


# --------------------------------------------------------------------------------------------
# The whole cluster
# --------------------------------------------------------------------------------------------


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
        return Login(ADMIN_USERNAME, None, "超级管理员")

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
        user.groups.add(result.groups["maintainer"])
        return user, Login(
            username, password, f"{county.name}维护（{result.groups['maintainer'].name}）"
        )

    def existing_logins(self) -> list[Login]:
        """The demo logins as found, without passwords."""
        user_model = get_user_model()
        logins = [Login(ADMIN_USERNAME, None, "超级管理员")]
        for county in self.counties:
            if user_model.objects.filter(username=f"{county.key}_editor").exists():
                logins.append(Login(f"{county.key}_editor", None, f"{county.name}维护"))
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
            report.logins.extend(self.existing_logins()[1:])
        return report

    def _rng(self, key: str) -> random.Random:
        """A random generator for one site's pictures."""
        return random.Random(f"{content.SEED}-images-{key}")  # noqa: S311 - pictures, not security

    def _load_county(self, county: County) -> tuple[SiteSummary, Site, Login | None]:
        """Build one county site unless it already has content."""
        existing = self.find_site(county.hostname)
        if existing is not None and site_has_content(existing):
            self.log(f"{county.full_name}（{county.hostname}）已有内容，跳过。")
            user_model = get_user_model()
            login = None
            if user_model.objects.filter(username=f"{county.key}_editor").exists():
                login = Login(f"{county.key}_editor", None, f"{county.name}维护")
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
