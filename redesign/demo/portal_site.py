"""The pages of the demo portal: identity, its own news and a home listing the county sites."""

from __future__ import annotations

from typing import Any

from wagtail.models import Site

from redesign.core.models import IndustryPage

from . import images
from .content import portal_articles
from .profiles import COUNTIES, PORTAL, PORTAL_HOSTNAME
from .site_builder import SiteBuilder
from .values import block, heading, link, rich, rich_list, site_url


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
    columns = builder.add_articles(portal_articles(builder.now))
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
