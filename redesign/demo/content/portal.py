"""The portal's own articles: news, notices and documents about the cluster's work."""

from __future__ import annotations

import datetime
import random

from redesign.demo.profiles import COUNTIES, PORTAL
from redesign.demo.sample_text import cn_date, cn_number, load_words

from .base import SEED, ArticleSpec, CountyText, Section

TITLES = load_words("portal")


def portal_articles(now: datetime.datetime, seed: int = SEED) -> list[ArticleSpec]:
    """The portal's own news, notices and documents about the cluster's work."""
    gen = CountyText(COUNTIES[0], now, seed)
    gen.rng = random.Random(f"{seed}-portal")  # noqa: S311 - sample text, not security
    names = "、".join(county.name for county in COUNTIES)
    specs: list[ArticleSpec] = []

    def body(title: str, when: datetime.datetime) -> list[Section]:
        """The three paragraphs of a portal news item."""
        paragraphs = [
            f"{when.month}月{when.day}日，{title.split(' ')[0]}。这是全市推进政府网站集约化建设、"
            "提升政务公开水平的又一项具体举措。",
            f"据介绍，网群目前承载{len(COUNTIES)}个县级政府网站，统一技术平台、统一安全防护、"
            "统一内容保障，各县网站保留各自的栏目和主题风格。",
            "网群运营中心负责人表示，将继续完善信息员、审核员、维护员三级内容保障机制，"
            "确保各县网站常更新、不断档，让群众在网上看得到、查得着、办得成。",
        ]
        return [Section(paragraphs=paragraphs)]

    def fill(template: str, when: datetime.datetime) -> str:
        """Fill a portal title template."""
        return template.format(
            counties=names,
            quarter=cn_number((when.month - 1) // 3 + 1),
            n=gen.rng.randint(12, 60),
            m=gen.rng.randint(2, 6),
            year=when.year,
            topic=gen.rng.choice(TITLES["topics"]),
        )

    for i, when in enumerate(gen.dates(10, 120, newest_days=0)):
        title = gen.unique(lambda w=when: fill(gen.rng.choice(TITLES["news_titles"]), w))
        sections = body(title, when)
        specs.append(
            ArticleSpec(
                column="yaowen",
                title=title,
                publish_date=when,
                summary=sections[0].paragraphs[0][:80],
                sections=sections,
                source=PORTAL.operator,
                author=gen.person(),
                cover=i < 5,
            )
        )
    for when in gen.dates(5, 120, newest_days=3):
        title = gen.unique(lambda w=when: fill(gen.rng.choice(TITLES["notice_titles"]), w))
        specs.append(
            ArticleSpec(
                column="tzgg",
                title=title,
                publish_date=when,
                summary=title,
                sections=[
                    Section(
                        paragraphs=[
                            "各县（市、区）人民政府办公室，网群各站点运营单位：",
                            "为进一步做好政府网站内容保障工作，现将有关事项通知如下，请认真抓好落实。",
                            f"联系人：网群运营中心，联系电话：{PORTAL.phone}。",
                            PORTAL.organizer,
                            cn_date(when.date()),
                        ]
                    )
                ],
                source=PORTAL.organizer,
                issuing_body=PORTAL.organizer,
                document_number=f"百政办电〔{when.year}〕{gen.rng.randint(20, 90)}号",
            )
        )
    policy_titles = TITLES["policy_titles"]
    for i, when in enumerate(gen.dates(len(policy_titles), 125, newest_days=10)):
        title = policy_titles[i]
        written = (when - datetime.timedelta(days=5)).date()
        specs.append(
            ArticleSpec(
                column="zcwj",
                title=title,
                publish_date=when,
                summary="规范网群各站点的建设、内容保障和安全管理。",
                sections=[
                    Section(
                        heading="第一章 总则",
                        paragraphs=[
                            "第一条 为规范网群各政府网站的建设和管理，保障网站内容及时、准确、"
                            "安全，结合本市实际，制定本办法。",
                            "第二条 本办法适用于接入网群平台的各级政府网站。",
                        ],
                    ),
                    Section(
                        heading="第二章 内容保障",
                        paragraphs=[
                            "第三条 各站点应当建立信息员、审核员、维护员分级负责的内容保障机制。",
                            "第四条 动态类栏目原则上每两周至少更新一次，通知公告、政策文件类"
                            "栏目每六个月至少更新一次。",
                        ],
                    ),
                ],
                source=PORTAL.organizer,
                issuing_body=PORTAL.organizer,
                document_number=f"百政办发〔{written.year}〕{10 + i * 7}号",
                index_number=f"{PORTAL.code}0001/{written.year}-{40 + i * 3:05d}",
                written_date=written,
                attachment="pdf",
                attachment_title=f"{title}.pdf",
            )
        )
    return specs
