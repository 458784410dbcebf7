"""The demo's content generator for one county: every kind of article, leaders and FAQ."""

from __future__ import annotations

from redesign.demo.sample_text import load_words

from .base import ArticleSpec
from .news import NewsWriter
from .notices import NoticeWriter
from .policies import PolicyWriter

PAGES = load_words("pages")
DEFAULT_COUNTS = {"yaowen": 16, "zwdt": 14, "tzgg": 10, "zcwj": 8}


class ContentGenerator(NewsWriter, NoticeWriter, PolicyWriter):
    """Deterministic sample content for one county (or the portal)."""

    def articles(self, counts: dict[str, int] | None = None) -> list[ArticleSpec]:
        """The county's articles for 要闻, 政务动态, 通知公告 and 政策文件 (counts by column)."""
        counts = counts if counts is not None else DEFAULT_COUNTS
        specs: list[ArticleSpec] = []
        for column, write, max_days, newest_days in (
            ("yaowen", lambda c, w: self.news_article(c, w, government=False), 120, 0),
            ("zwdt", lambda c, w: self.news_article(c, w, government=True), 120, 1),
            ("tzgg", self.notice_article, 120, 2),
            ("zcwj", self.policy_article, 125, 6),
        ):
            count = counts.get(column, 0)
            if count > 0:
                moments = self.dates(count, max_days, newest_days)
                specs.extend(write(column, when) for when in moments)
        return specs

    def leaders(self) -> list[tuple[str, str, str]]:
        """Invented leaders as (name, role, duties)."""
        unit = self.county.unit
        roles = [role.format(unit=unit) for role in PAGES["leader_roles"]]
        duties = [duty.format(unit=unit) for duty in PAGES["leader_duties"]]
        names: list[str] = []
        while len(names) < len(roles):
            name = self.person()
            if name not in names:
                names.append(name)
        return list(zip(names, roles, duties, strict=True))

    def faq(self) -> list[tuple[str, str]]:
        """Frequently asked questions with short answers."""
        full_name = self.county.full_name
        return [
            (row["question"].format(full_name=full_name), row["answer"]) for row in PAGES["faq"]
        ]

    def government_duties(self) -> list[str]:
        """The 主要职责 of the county's government, for its 机构职能 page."""
        return [duty.format(unit=self.county.unit) for duty in PAGES["government_duties"]]
