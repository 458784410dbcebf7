"""The pages of a demo county site: identity, static pages, articles, industries and home."""

from __future__ import annotations

from typing import Any

from redesign.core.models import ArticlePage, IndustryPage

from . import images
from .content import ContentGenerator
from .profiles import DEPARTMENT_SITES, DEPARTMENTS, PORTAL, PORTAL_HOSTNAME, SERVICE_TILES, County
from .site_builder import SiteBuilder
from .values import block, heading, image_value, link, rich, rich_list, site_url, table


def build_county(builder: SiteBuilder, county: County, port: int) -> None:
    """Fill a provisioned county site with identity, pages, articles, industries and home."""
    gen = ContentGenerator(county, builder.now)
    banner = set_county_identity(builder, county)
    set_county_column_intros(builder, county)
    columns = builder.add_articles(gen.articles())
    industries = [builder.add_industry(county, industry) for industry in county.industries]
    build_county_standard_pages(builder, county, gen)
    build_county_home(builder, county, gen, columns, industries, banner, port)


def set_county_identity(builder: SiteBuilder, county: County) -> Any:
    """Fill the county's identity settings (logo, filing numbers, colours); return its banner."""
    logo = builder.image(
        f"{county.full_name}网站标志",
        "logo.png",
        images.emblem(county.primary_color, county.accent_color),
    )
    banner = builder.image(
        f"{county.name}风光横幅",
        "banner.jpg",
        images.banner(builder.rng, county.palette, builder.size(1600, 560)),
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
    return banner


def set_county_column_intros(builder: SiteBuilder, county: County) -> None:
    """Give the county's columns their one-line introductions."""
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
    departments = [county.dept(suffix) for suffix in DEPARTMENTS[:12]]
    builder.fill_standard(
        "jgzn",
        f"{county.full_name}的主要职责、内设机构和工作部门。",
        [
            heading("主要职责"),
            block(
                "paragraph",
                rich_list(gen.government_duties()),
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
                        for suffix, slug in DEPARTMENT_SITES
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
            images.portrait(builder.rng, county.primary_color, builder.size(240, 320)),
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
    news = columns.get("yaowen", [])
    with_covers = [page for page in news if page.cover_image_id]
    featured = (with_covers + news)[:3]
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
            images.topic_banner(
                builder.rng, county.primary_color, county.accent_color, builder.size(600, 180)
            ),
        )
        topics.append({"image": picture.pk, "title": title, "page": page.pk, "external_url": ""})
    cards = []
    for page, industry in zip(industries, county.industries[: len(industries)], strict=True):
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
        block("latest_answers", {"heading": "最新答复", "count": 5}),
        block("handling_stats", {"heading": "公开办理情况", "months": 6}),
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
                            for suffix, slug in DEPARTMENT_SITES
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
