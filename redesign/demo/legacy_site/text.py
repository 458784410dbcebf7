"""The text of a generated legacy site: its imaginary county, and titles and prose about it.

The words and templates are the shared sample text's `legacy_words` and `legacy_templates`
(2008-era county government language, GB2312 characters only).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from redesign.demo.sample_text import Decks, cn_date, cn_number, fill, load_words, name_book
from redesign.demo.sample_text import person_name as draw_name

__all__ = ["County", "TextMaker", "Theme", "cn_date", "make_county", "person_name"]

WORDS = load_words("legacy_words")
TEMPLATES = load_words("legacy_templates")
TITLES = TEMPLATES["titles"]
SENTENCES = TEMPLATES["sentences"]
NAMES = name_book("common")
LEADER_DUTIES: tuple[str, ...] = WORDS["leader_duties"]
NEWS_SOURCES: tuple[str, ...] = WORDS["news_sources"]

# 办事指南 (service guides): the matters a county hall handles, and how a guide is laid out.
GUIDE_ITEMS = (
    "个体工商户设立登记",
    "城乡居民最低生活保障申请",
    "农村村民建房用地审批",
    "残疾人证申领",
    "农村合作医疗费用报销",
    "林木采伐许可证核发",
    "城乡居民养老保险参保登记",
    "临时救助申请",
    "食品经营许可证核发",
    "建筑工程施工许可证核发",
)
GUIDE_TITLES = ("{item}办事指南", "{dept_full}{item}办理流程", "关于{item}的办事指南")
GUIDE_SECTIONS = (
    ("办理依据", "依据国家有关法律法规和《{county}{item}工作规程》办理。"),
    ("申请条件", "户籍在本县、符合有关规定条件的个人或单位，均可提出申请。"),
    ("所需材料", "申请表一份；申请人身份证复印件一份；{dept}要求提供的其他材料。"),
    ("办理流程", "申请人提出申请，窗口受理并审查材料，{dept}审核后作出决定并告知申请人。"),
    ("办理时限", "材料齐全的，自受理之日起{days}个工作日内办结。"),
    ("收费标准", "不收费。"),
    ("办理地点及咨询电话", "{county}政务服务中心{window}号窗口，咨询电话：{phone}。"),
)
# First lines that cite a date other than the publish date (an event's day, a rule's passing).
DECOY_EVENT = (
    "{decoy}，{county}{topic}{meeting}在县城召开，会议对下一阶段工作作了具体部署。",
    "据了解，{decoy}起，{town}已组织干部群众分批开展{topic}集中行动。",
)
DECOY_RULE = (
    "《{prefecture}{topic}管理条例》已于{decoy}经{prefecture}人民代表大会常务委员会审议通过，"
    "对{topic}工作作出了明确规定。",
    "根据{decoy}印发的《{county}{topic}工作方案》，现将有关事项说明如下。",
)


@dataclass(frozen=True)
class Theme:
    """What one article is about, so its title and body name the same topic, town and people."""

    topic: str
    town: str
    leader: tuple[str, str]  # (name, role)
    industry: str
    department: int  # index into County.departments


@dataclass(frozen=True)
class County:
    """The imaginary county a generated site belongs to."""

    name: str  # 清溪县
    short: str  # 清溪
    doc_prefix: str  # 清, as in 清政办发〔2021〕12号
    prefecture: str
    towns: tuple[str, ...]
    leaders: tuple[tuple[str, str], ...]  # (name, role)
    departments: tuple[tuple[str, str, str, str], ...]  # (name, folder, 文号 abbreviation, short)
    industries: tuple[str, ...]
    index_prefix: str = field(default="")  # 索引号 prefix, e.g. 007563142


def person_name(rng: random.Random) -> str:
    """Return a plausible Chinese personal name."""
    return draw_name(rng, NAMES)


def make_county(rng: random.Random) -> County:
    """Invent a county with its towns, leaders and departments."""
    short = rng.choice(WORDS["county_first"]) + rng.choice(WORDS["county_second"])
    while short[0] == short[1]:
        short = short[0] + rng.choice(WORDS["county_second"])
    towns: list[str] = ["城关镇"]
    while len(towns) < rng.randint(8, 14):
        first, second = rng.choice(WORDS["town_first"]), rng.choice(WORDS["town_second"])
        town = first + second + rng.choice("镇镇乡")
        if town not in towns and town[:2] != "城关":
            towns.append(town)
    leaders: list[tuple[str, str]] = []
    for role, count in WORDS["roles"]:
        for _ in range(count):
            leaders.append((person_name(rng), role))
    industries = tuple(rng.sample(WORDS["industries"], 4))
    return County(
        name=short + "县",
        short=short,
        doc_prefix=short[0],
        prefecture=rng.choice(WORDS["prefectures"]) + "市",
        towns=tuple(towns),
        leaders=tuple(leaders),
        departments=WORDS["departments"],
        industries=industries,
        index_prefix=f"{rng.randrange(10**8, 10**9)}",
    )


class TextMaker:
    """Fills the templates with a county's names; all randomness comes from the given Random."""

    def __init__(self, county: County, rng: random.Random, theme: Theme | None = None) -> None:
        """Bind the county, the random source and optionally what the text is about."""
        self.county = county
        self.rng = rng
        self.theme = theme
        self.decks = Decks(rng)

    def theme_for(self) -> Theme:
        """Draw what an article is about."""
        county = self.county
        rng = self.rng
        return Theme(
            topic=rng.choice(WORDS["topics"]),
            town=rng.choice(county.towns),
            leader=rng.choice(county.leaders),
            industry=rng.choice(county.industries),
            department=rng.randrange(len(county.departments)),
        )

    def _slots(self, day: date) -> dict[str, str]:
        """Return one random filling for every template slot."""
        rng = self.rng
        county = self.county
        theme = self.theme
        leader, role = rng.choice(county.leaders)
        dept = rng.choice(county.departments)
        achievement, unit, low, high = rng.choice(WORDS["achievements"])
        town = rng.choice(county.towns)
        topic = rng.choice(WORDS["topics"])
        industry = rng.choice(county.industries)
        if theme is not None:
            (leader, role), town, topic, industry = (
                theme.leader,
                theme.town,
                theme.topic,
                theme.industry,
            )
            dept = county.departments[theme.department]
        return {
            "county": county.name,
            "year": str(day.year),
            "month": str(day.month),
            "md": f"{day.month}月{day.day}日",
            "topic": topic,
            "meeting": rng.choice(WORDS["meetings"]),
            "role": role,
            "leader": leader,
            "town": town,
            "village": rng.choice(WORDS["town_first"])
            + rng.choice(WORDS["town_second"])
            + rng.choice(WORDS["village_suffixes"]),
            "dept": dept[3],
            "dept_full": county.short + dept[0],
            "industry": industry,
            "place": rng.choice(WORDS["places"]),
            "concern": rng.choice(WORDS["concerns"]),
            "goal": rng.choice(WORDS["goals"]),
            "achievement": achievement,
            "unit": unit,
            "num": str(rng.randint(12, 9800)),
            "amount": str(rng.randint(low, high)),
            "num2": str(rng.randint(20, 900)),
            "pct": f"{rng.randint(3, 98)}.{rng.randint(0, 9)}",
            "holiday": rng.choice(WORDS["holidays"]),
            "phone": f"0{rng.randint(771, 779)}-{rng.randint(5000000, 7999999)}",
            "deadline": cn_date(day + timedelta(days=rng.randint(3, 20))),
            "goal_clause": "确保" + rng.choice(WORDS["goals"]),
        }

    def fill(self, template: str, day: date) -> str:
        """Fill one template; repeated {action} slots each get a different phrase."""
        slots = self._slots(day)
        return fill(template, slots, self.rng, repeats={"action": WORDS["actions"]})

    def title(self, genre: str, day: date) -> str:
        """Return a headline for an item of the given column genre."""
        if genre == "guide":
            item = GUIDE_ITEMS[self.rng.randrange(len(GUIDE_ITEMS))]
            return self.fill(self.rng.choice(GUIDE_TITLES).replace("{item}", item), day)
        return self.fill(self.rng.choice(TITLES[genre]), day)

    def guide_sections(self, title: str, day: date) -> list[tuple[str, str]]:
        """Return the numbered (heading, paragraph) sections of a service guide."""
        item = next((item for item in GUIDE_ITEMS if item in title), GUIDE_ITEMS[0])
        sections = []
        for position, (heading, template) in enumerate(GUIDE_SECTIONS):
            paragraph = template.replace("{item}", item).replace(
                "{days}", str(self.rng.choice((5, 7, 10, 15, 20)))
            )
            paragraph = paragraph.replace("{window}", str(self.rng.randint(1, 36)))
            sections.append((f"{cn_number(position + 1)}、{heading}", self.fill(paragraph, day)))
        return sections

    def decoy(self, day: date, rule: bool) -> tuple[str, date]:
        """Return a first line citing another date (a rule's passing or an event's day), and it."""
        if rule:
            other = date(day.year - self.rng.randint(1, 4), self.rng.randint(1, 12), 1)
            other += timedelta(days=self.rng.randrange(27))
            template = self.rng.choice(DECOY_RULE)
        else:
            other = day - timedelta(days=self.rng.randint(2, 12))
            template = self.rng.choice(DECOY_EVENT)
        template = template.replace("{decoy}", cn_date(other))
        return self.fill(template.replace("{prefecture}", self.county.prefecture), day), other

    def news_paragraphs(self, day: date, count: int) -> list[str]:
        """Return news paragraphs; the first one carries the dateline."""
        sentences = SENTENCES["news"]
        paragraphs = [self.fill(sentences[self.rng.randrange(2)], day)]
        for _ in range(count - 1):
            drawn = [
                self.fill(self.decks.draw(sentences[2:]), day)
                for _ in range(self.rng.randint(2, 4))
            ]
            paragraphs.append("".join(drawn))
        return paragraphs

    def notice_sections(self, day: date, count: int) -> list[tuple[str, list[str]]]:
        """Return numbered sections (heading, paragraphs) of a notice, headings in usual order."""
        all_headings = SENTENCES["notice_headings"]
        headings = sorted(
            self.rng.sample(all_headings, min(count, len(all_headings))),
            key=all_headings.index,
        )
        sections = []
        for position, heading in enumerate(headings):
            paragraphs = [
                "".join(
                    self.fill(self.decks.draw(SENTENCES["notice"]), day)
                    for _ in range(self.rng.randint(1, 2))
                )
                for _ in range(self.rng.randint(1, 2))
            ]
            sections.append((f"{cn_number(position + 1)}、{heading}", paragraphs))
        return sections

    def notice_opening(self, day: date) -> str:
        """Return the opening paragraph of a notice."""
        return self.fill(self.rng.choice(SENTENCES["notice_openings"]), day)

    def regulation(self, day: date, count: int) -> list[str]:
        """Return the clauses of a regulation, 第一条 to the closing 本办法由...施行 clause."""
        clauses = SENTENCES["policy"]
        templates = [*clauses[: count - 1], clauses[-1]]
        return [
            self.fill(template.replace("{n}", cn_number(position + 1)), day)
            for position, template in enumerate(templates)
        ]

    def data_table(self, genre: str) -> list[list[str]]:
        """Return a small statistics table, header row first."""
        rng = self.rng
        if genre == "finance":
            header = ["项目", "本月（万元）", "累计（万元）", "同比增长（%）"]
            items = WORDS["finance_items"]
            labels = rng.sample(items, rng.randint(4, len(items)))
        else:
            first, columns = rng.choice(WORDS["data_table_shapes"])
            header = [first, *columns]
            if first == "乡镇":
                labels = list(self.county.towns[: rng.randint(3, len(self.county.towns))])
            elif first == "单位":
                labels = [dept[3] for dept in rng.sample(self.county.departments, 5)]
            else:
                labels = list(rng.sample(WORDS["topics"], rng.randint(3, 7)))
        rows = [header]
        for label in labels:
            rows.append(
                [label]
                + [
                    f"{rng.randint(10, 99999)}"
                    if "%" not in column
                    else f"{rng.randint(-20, 120)}.{rng.randint(0, 9)}"
                    for column in header[1:]
                ]
            )
        return rows

    def caption(self, day: date) -> str:
        """Return a photo caption."""
        return self.fill(self.rng.choice(SENTENCES["captions"]), day)

    def attachment_name(self, day: date) -> str:
        """Return the display name of an attachment (without extension)."""
        return self.fill(self.rng.choice(SENTENCES["attachment_names"]), day)

    def static_paragraphs(self, count: int) -> list[str]:
        """Return paragraphs for the county overview page."""
        county = self.county
        rng = self.rng
        towns = "、".join(county.towns)
        facts = [
            f"{county.name}位于{county.prefecture}东北部，东西宽约{rng.randint(40, 90)}公里，"
            f"南北长约{rng.randint(40, 90)}公里，总面积{rng.randint(1200, 4200)}平方公里。",
            f"全县辖{len(county.towns)}个乡镇：{towns}，共{rng.randint(120, 260)}个行政村（社区），"
            f"总人口{rng.randint(18, 65)}万人，居住着汉、壮、瑶、苗等民族。",
            f"县境属亚热带季风气候，年平均气温{rng.randint(16, 21)}摄氏度，年降雨量"
            f"{rng.randint(1200, 1900)}毫米，森林覆盖率{rng.randint(55, 82)}%。",
            f"{county.name}是传统农业县，{'、'.join(county.industries)}是全县的特色产业和支柱产业，"
            f"近年来先后获得“全国{county.industries[0]}生产基地县”等称号。",
            f"县城距{county.prefecture}{rng.randint(60, 180)}公里，二级公路贯穿全境，"
            f"交通便利，区位优势明显。",
        ]
        return facts[:count]

    def duty_paragraphs(self, field_name: str) -> list[str]:
        """Return the 主要职责 clauses of a department."""
        return [
            f"（{cn_number(position + 1)}）{text.format(field=field_name)}。"
            for position, text in enumerate(WORDS["department_duties"])
        ]
