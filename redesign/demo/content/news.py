"""Demo news items: 要闻 and 政务动态, from the templates of sample_text's news.toml."""

from __future__ import annotations

import datetime

from redesign.demo.sample_text import cn_number

from .base import NEWS, ArticleSpec, CountyText, Section


class NewsWriter(CountyText):
    """Writes a county's 要闻 and 政务动态 items."""

    def news_article(self, column: str, when: datetime.datetime, government: bool) -> ArticleSpec:
        """A 要闻 (government=False) or 政务动态 (government=True) item."""
        topic = self.topic(when.date())
        extra = {
            "dept": self.department(),
            "town": self.town(),
            "topic": topic.name,
            "goal": topic.goal,
            "measure": self.pick(topic.measures),
            "year": str(when.year),
            "seq": str(self.rng.randint(8, 40)),
            "quarter": cn_number((when.month - 1) // 3 + 1),
            "campaign": self.pick(NEWS["campaigns"]),
            "service": self.pick(NEWS["services"]),
            "training": self.pick(NEWS["trainings"]),
            "event": self.pick(NEWS["events"]),
            "industry": self.industry_name(),
            "date": f"{when.month}月{when.day}日",
            "old": self.pick(NEWS["quotes_before"]),
            "new": self.pick(NEWS["quotes_after"]),
            "person": self.person(),
            "resident": self.person(),
        }
        stories = NEWS["gov_titles"] if government else NEWS["news_titles"]
        story = self.pick(stories)
        title = ""
        for _attempt in range(30):
            title = self.fill(story["title"], **extra).replace("  ", "　")
            if title not in self._titles:
                break
            story = self.pick(stories)
            extra["dept"], extra["town"] = self.department(), self.town()
            extra["industry"] = self.industry_name()
        else:
            title = f"{title}（{len(self._titles) + 1}）"
        self._titles.add(title)
        kind = story["kind"]
        opening = self.fill(story["opening"], **extra)
        pool = NEWS["kind_middles"][kind] + NEWS["general_middles"]
        middles = [
            self.fill(sentence, **extra)
            for sentence in self.rng.sample(pool, self.rng.randint(3, min(5, len(pool))))
        ]
        closings = NEWS["closings"] + ((NEWS["meeting_closing"],) if kind == "meeting" else ())
        closing = self.fill(self.pick(closings), **extra)
        paragraphs = [opening, *middles, closing]
        table = None
        if not government and self.rng.random() < 0.2:
            rows = [["乡镇", "完成任务（项）", "完成率"]]
            for town in self.rng.sample(self.county.towns, 4):
                rows.append([town, str(self.rng.randint(6, 30)), f"{self.rng.randint(70, 100)}%"])
            table = (
                f"{self.county.name}{topic.name}工作进度（截至{when.month}月{when.day}日）",
                rows,
            )
        if government:
            by_town = story["title"].startswith("{town}")
            source = f"{extra['town']}人民政府" if by_town else extra["dept"]
        else:
            source = self.pick((self.county.media_centre, self.county.media_centre, extra["dept"]))
        author = self.person() if self.rng.random() < 0.5 else f"{self.person()} {self.person()}"
        spec = ArticleSpec(
            column=column,
            title=title,
            publish_date=when,
            summary=opening[:90],
            sections=[Section(paragraphs=paragraphs)],
            source=source,
            author=author,
            cover=not government and self.rng.random() < 0.6,
            table=table,
        )
        if self.rng.random() < 0.15:
            spec.origin = "reprint"
            spec.origin_source = self.pick(NEWS["reprint_sources"])
            spec.source = spec.origin_source
        return spec
