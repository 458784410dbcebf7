"""What every kind of demo article is written with: the article spec and a county's helpers."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from redesign.demo.profiles import DEPARTMENTS, County
from redesign.demo.sample_text import fill, load_words, name_book, person_name

SEED = 20260806
T = TypeVar("T")
NEWS = load_words("news")
NAMES = name_book("guangxi")


@dataclass(frozen=True)
class Topic:
    """A work topic news items are written about; months limit seasonal topics."""

    name: str
    goal: str
    measures: tuple[str, ...]
    months: frozenset[int] | None = None
    border_only: bool = False


TOPICS: tuple[Topic, ...] = tuple(
    Topic(
        name=row["name"],
        goal=row["goal"],
        measures=row["measures"],
        months=frozenset(row["months"]) if "months" in row else None,
        border_only=row.get("border_only", False),
    )
    for row in NEWS["topics"]
)


@dataclass
class Section:
    """Part of an article body: an optional heading, paragraphs and an optional list."""

    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass
class ArticleSpec:
    """Everything needed to write one article page."""

    column: str
    title: str
    publish_date: datetime.datetime
    summary: str
    sections: list[Section]
    source: str = ""
    author: str = ""
    origin: str = "original"
    origin_source: str = ""
    document_number: str = ""
    issuing_body: str = ""
    index_number: str = ""
    written_date: datetime.date | None = None
    attachment: str = ""  # "", "pdf" or "docx"
    attachment_title: str = ""
    cover: bool = False
    table: tuple[str, list[list[str]]] | None = None

    def page_fields(self) -> dict:
        """The ArticlePage fields the spec sets directly (not dates, body, images or owner)."""
        return {
            "title": self.title,
            "source": self.source,
            "author": self.author,
            "origin": self.origin,
            "origin_source": self.origin_source,
            "document_number": self.document_number,
            "issuing_body": self.issuing_body,
            "index_number": self.index_number,
            "written_date": self.written_date,
            "summary": self.summary,
        }

    @property
    def text_lines(self) -> list[str]:
        """The body as plain lines, for generated attachments."""
        lines = []
        for section in self.sections:
            if section.heading:
                lines.append(section.heading)
            lines.extend(section.paragraphs)
            lines.extend(section.items)
        return lines


class CountyText:
    """Deterministic sample text about one county: names, places, dates, numbers, templates."""

    def __init__(self, county: County, now: datetime.datetime, seed: int = SEED):
        """Seed the county's random source; `now` is the moment every date lies before."""
        self.county = county
        self.now = now
        self.rng = random.Random(f"{seed}-{county.key}")  # noqa: S311 - sample text, not security
        self._titles: set[str] = set()
        self._subjects: set[str] = set()
        self._doc_numbers: dict[str, int] = {}
        self._index_seq = 0

    def pick(self, seq: Sequence[T]) -> T:
        """One item of a sequence."""
        return self.rng.choice(seq)

    def person(self) -> str:
        """An invented personal name."""
        return person_name(self.rng, NAMES)

    def town(self) -> str:
        """One of the county's towns."""
        return self.pick(self.county.towns)

    def department(self) -> str:
        """One of the county's departments."""
        return self.county.dept(self.pick(DEPARTMENTS))

    def leader_role(self) -> str:
        """A leader's role, with 县 replaced by 市 for county-level cities."""
        return self.pick(NEWS["leader_roles"]).replace("县", self.county.unit)

    def topic(self, when: datetime.date) -> Topic:
        """A topic that fits the month and the county."""
        fitting = [
            t
            for t in TOPICS
            if (t.months is None or when.month in t.months)
            and (self.county.border or not t.border_only)
        ]
        return self.pick(fitting)

    def industry_name(self) -> str:
        """One of the county's industries, without the 产业 suffix."""
        return self.pick(self.county.industries).short_name

    def dates(self, count: int, max_days: int, newest_days: int = 0) -> list[datetime.datetime]:
        """``count`` past moments in office hours spread over ``max_days``, newest first."""
        max_days = max(max_days, newest_days + count + 1)
        days = sorted(self.rng.sample(range(newest_days + 1, max_days), count - 1))
        days = [newest_days, *days]
        local_now = self.now
        moments = []
        for day in days:
            date = (local_now - datetime.timedelta(days=day)).date()
            moment = datetime.datetime.combine(
                date,
                datetime.time(self.rng.randint(8, 17), self.rng.choice((0, 10, 20, 30, 40, 50))),
                tzinfo=local_now.tzinfo,
            )
            while moment > local_now - datetime.timedelta(minutes=10):
                moment -= datetime.timedelta(hours=3)
            moments.append(moment)
        return moments

    def unique(self, make: Callable[[], str]) -> str:
        """A title from ``make()`` that this generator has not produced yet."""
        for _attempt in range(30):
            title = make()
            if title not in self._titles:
                self._titles.add(title)
                return title
        title = f"{make()}（{len(self._titles) + 1}）"
        self._titles.add(title)
        return title

    def document_number(self, kind: str, year: int) -> str:
        """The next document number of a kind, e.g. 那政办发〔2026〕12号."""
        self._doc_numbers.setdefault(kind, self.rng.randint(3, 9))
        self._doc_numbers[kind] += self.rng.randint(1, 4)
        return f"{self.county.abbr}{kind}〔{year}〕{self._doc_numbers[kind]}号"

    def index_number(self, year: int) -> str:
        """An invented 索引号, e.g. 4510260001/2026-00012."""
        self._index_seq += self.rng.randint(1, 6)
        return f"{self.county.code}0001/{year}-{self._index_seq:05d}"

    def fill(self, template: str, **extra: str) -> str:
        """Fill a sentence template with the county's words."""
        county = self.county
        values = {
            "county": county.name,
            "unit": county.unit,
            "town": self.town(),
            "town2": self.town(),
            "dept": self.department(),
            "industry": self.industry_name(),
            "n": str(self.rng.randint(12, 96)),
            "m": str(self.rng.randint(3, 28)),
            "k": f"{self.rng.randint(11, 98) / 10:.1f}",
            "pct": f"{self.rng.randint(700, 985) / 10:.1f}",
            "person": self.person(),
            "role": self.leader_role(),
        }
        values.update(extra)
        return fill(template, values)
