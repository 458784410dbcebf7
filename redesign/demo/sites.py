"""The pages of each demo site: identity, static pages, industries and the home page body."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wagtail.models import Site

from redesign.core.models import ArticlePage, IndustryPage

from . import content, images
from .content import COUNTIES, PORTAL, ContentGenerator, County
from .profiles import PORTAL_HOSTNAME
from .values import block, heading, image_value, link, rich, rich_list, site_url, table

if TYPE_CHECKING:
    from .builder import SiteBuilder

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
