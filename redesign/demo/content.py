"""Chinese sample content for the demo cluster, generated from templates and word lists.

Counties are real places but every person, figure, enterprise, document and event here is made
up for the demo; the pages say so. Content is deterministic for a given seed and "now".
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .profiles import COUNTIES, DEPARTMENTS, NAPO, PORTAL, County, Industry, KeyFigure

__all__ = [
    "COUNTIES",
    "PORTAL",
    "ArticleSpec",
    "ContentGenerator",
    "County",
    "Industry",
    "KeyFigure",
    "Section",
    "portal_articles",
]

SEED = 20260806
T = TypeVar("T")

# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

SURNAMES = "黄韦农陆梁李罗苏杨赵岑覃马何莫蒙潘凌廖谭"
GIVEN_NAMES = (
    "建华", "海涛", "丽萍", "振宇", "文军", "志强", "春燕", "明辉", "永红", "晓东", "国平",
    "秀兰", "立新", "德胜", "红梅", "俊峰", "世杰", "桂芳", "思远", "雪梅", "家豪", "美玲",
    "卫东", "少华", "金凤", "宏伟", "佳怡", "承志", "玉兰", "子轩",
)  # fmt: skip

REPRINT_SOURCES = (
    "百色市网群门户",
    "市农业农村局网站",
    "市生态环境局网站",
    "市人力资源和社会保障局网站",
)


@dataclass(frozen=True)
class Topic:
    """A work topic news items are written about; months limit seasonal topics."""

    name: str
    goal: str
    measures: tuple[str, ...]
    months: frozenset[int] | None = None
    border_only: bool = False


ALL_YEAR = None
TOPICS: tuple[Topic, ...] = (
    Topic(
        "乡村振兴",
        "巩固拓展脱贫攻坚成果",
        ("壮大村级集体经济", "抓好脱贫人口稳岗就业", "补齐农村基础设施短板"),
    ),
    Topic(
        "重大项目建设",
        "扩大有效投资",
        ("加快项目前期工作", "强化用地用林要素保障", "倒排工期、挂图作战"),
    ),
    Topic(
        "优化营商环境",
        "激发市场主体活力",
        ("推行“一件事一次办”", "压缩企业开办时间", "落实惠企政策直达快享"),
    ),
    Topic(
        "安全生产",
        "守牢安全生产底线",
        ("开展隐患排查整治", "压实企业主体责任", "加强重点行业领域监管"),
    ),
    Topic(
        "防汛救灾",
        "筑牢防汛安全防线",
        ("加强雨情水情监测预警", "落实地质灾害隐患点巡查", "提前转移危险区域群众"),
        frozenset({5, 6, 7, 8, 9}),
    ),
    Topic(
        "森林防火",
        "守护绿水青山",
        ("严管野外用火", "加密林区巡护", "备足扑火物资"),
        frozenset({10, 11, 12, 1, 2, 3, 4}),
    ),
    Topic(
        "春耕生产",
        "抓好粮食生产",
        ("调运化肥种子", "组织农技人员下田指导", "推广良种良法"),
        frozenset({2, 3, 4}),
    ),
    Topic(
        "秋冬种生产",
        "扩大秋冬种面积",
        ("引导群众种植冬季蔬菜", "落实种植补贴", "做好产销对接"),
        frozenset({9, 10, 11, 12}),
    ),
    Topic(
        "生态环境保护",
        "持续改善生态环境质量",
        ("开展河湖“清四乱”", "加强饮用水水源地保护", "推进农业面源污染治理"),
    ),
    Topic(
        "民生实事", "增进民生福祉", ("加快民生项目建设进度", "办好群众“急难愁盼”事", "强化资金保障")
    ),
    Topic(
        "义务教育优质均衡发展",
        "办好人民满意的教育",
        ("改善薄弱学校办学条件", "加强教师队伍建设", "落实控辍保学责任"),
    ),
    Topic(
        "基层医疗卫生服务",
        "提升群众就医获得感",
        ("推进县域医共体建设", "开展家庭医生签约服务", "加强乡村医生培训"),
    ),
    Topic("稳就业", "促进群众稳定增收", ("举办专场招聘活动", "开展职业技能培训", "扶持返乡创业")),
    Topic(
        "民族团结进步创建",
        "铸牢中华民族共同体意识",
        ("开展民族团结进步宣传月活动", "建设示范单位", "讲好民族团结故事"),
    ),
    Topic(
        "农村人居环境整治",
        "建设宜居宜业和美乡村",
        ("推进农村改厕", "整治村屯环境卫生", "开展“美丽庭院”评选"),
    ),
    Topic(
        "兴边富民",
        "建设繁荣稳定的边境",
        ("发展边民互市贸易", "改善边境村屯基础设施", "壮大沿边特色产业"),
        border_only=True,
    ),
    Topic("城市管理", "提升县城品质", ("整治占道经营", "改造老旧小区", "完善停车设施")),
    Topic(
        "耕地保护",
        "守住耕地保护红线",
        ("开展耕地“非农化”排查", "推进撂荒地复耕复种", "建设高标准农田"),
    ),
)

CAMPAIGNS = (
    "防范电信网络诈骗",
    "民法典宣传",
    "食品安全",
    "安全生产",
    "禁毒",
    "消防安全",
    "防灾减灾",
    "普法下乡",
)
SERVICES = ("送法下乡", "农技指导", "健康义诊", "政策宣讲", "送医送药", "科技下乡")
TRAININGS = ("高素质农民", "网格员业务", "安全生产执法", "政务公开业务", "农村电商", "乡村医生")
EVENTS = (
    "农民丰收节",
    "民歌文化节",
    "特色农产品展销会",
    "职业技能大赛",
    "全民健身运动会",
    "招商推介会",
)
ROADS = ("民族路", "朝阳路", "滨河路", "建设路", "新华街")
LEADER_ROLES = ("县长", "常务副县长", "副县长")

# --------------------------------------------------------------------------------------------
# Article specification
# --------------------------------------------------------------------------------------------


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


def cn_date(value: datetime.date) -> str:
    """A date written the Chinese way: 2026年3月5日."""
    return f"{value.year}年{value.month}月{value.day}日"


def cn_number(n: int) -> str:
    """A small number (1–10) in Chinese numerals, for section headings."""
    return "零一二三四五六七八九十"[n] if 0 <= n <= 10 else str(n)


class ContentGenerator:
    """Deterministic sample content for one county (or the portal)."""

    def __init__(self, county: County, now: datetime.datetime, seed: int = SEED):
        self.county = county
        self.now = now
        self.rng = random.Random(f"{seed}-{county.key}")  # noqa: S311 - sample text, not security
        self._titles: set[str] = set()
        self._subjects: set[str] = set()
        self._doc_numbers: dict[str, int] = {}
        self._index_seq = 0

    # -- small helpers ------------------------------------------------------------------------

    def pick(self, seq: Sequence[T]) -> T:
        """One item of a sequence."""
        return self.rng.choice(seq)

    def person(self) -> str:
        """An invented personal name."""
        return self.pick(SURNAMES) + self.pick(GIVEN_NAMES)

    def town(self) -> str:
        """One of the county's towns."""
        return self.pick(self.county.towns)

    def department(self) -> str:
        """One of the county's departments."""
        return self.county.dept(self.pick(DEPARTMENTS))

    def leader_role(self) -> str:
        """A leader's role, with 县 replaced by 市 for county-level cities."""
        return self.pick(LEADER_ROLES).replace("县", self.county.unit)

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
        return template.format(**values)

    # -- news (要闻, 政务动态) --------------------------------------------------------------------

    # (title, opening, kind); the kind picks the sentences that fit the story.
    NEWS_TITLES = (
        (
            "{county}召开{topic}工作推进会",
            "{date}，{county}召开{topic}工作推进会，总结前一阶段工作，部署下一步任务。"
            "{unit}领导{person}出席会议并讲话。",
            "meeting",
        ),
        (
            "{county}部署{year}年{topic}工作",
            "{date}，{county}召开会议，专题部署{year}年{topic}工作。{unit}领导{person}出席会议并讲话。",
            "meeting",
        ),
        (
            "{unit}领导深入{town}调研{topic}工作",
            "{date}，{unit}领导{person}率相关部门负责人深入{town}，实地调研{topic}工作开展情况。",
            "visit",
        ),
        (
            "{county}{topic}工作取得阶段性成效",
            "{date}，记者从{dept}获悉，今年以来全{unit}{topic}工作稳步推进，各项指标完成情况好于预期。",
            "progress",
        ),
        (
            "{town}：{industry}产业铺就群众增收路",
            "走进{town}，{industry}产业基地一派繁忙景象。近年来，{town}把{industry}产业作为群众增收的"
            "主导产业来抓。",
            "industry",
        ),
        (
            "{county}召开{unit}人民政府第{seq}次常务会议",
            "{date}，{unit}长{person}主持召开{unit}人民政府第{seq}次常务会议，研究{topic}等工作。",
            "meeting",
        ),
        (
            "{county}开展{campaign}集中宣传活动",
            "{date}上午，{town}人头攒动、热闹非凡，{county}{campaign}集中宣传活动在这里举行。",
            "event",
        ),
        (
            "{county}举办{year}年{event}",
            "{date}，{county}{year}年{event}在{town}举办，吸引了众多群众参与。",
            "event",
        ),
        (
            "{county}：{measure}  {goal}",
            "近日，{county}围绕{goal}，{measure}，推动{topic}各项任务落地见效。",
            "progress",
        ),
        (
            "{county}多措并举推进{topic}",
            "近日，{county}围绕{goal}，聚焦{topic}重点任务，组织各乡镇和有关部门集中开展工作。",
            "progress",
        ),
        (
            "{town}：{industry}产业提质增效",
            "近年来，{town}依托资源优势，推动{industry}产业标准化、规模化、品牌化发展。",
            "industry",
        ),
        (
            "{county}召开{topic}专题调度会",
            "{date}，{county}召开{topic}专题调度会，听取各乡镇、各部门工作进展汇报。"
            "{unit}领导{person}出席会议并讲话。",
            "meeting",
        ),
    )
    GOV_TITLES = (
        (
            "{dept}召开{topic}专题会议",
            "{date}，{dept}召开{topic}专题会议，传达学习上级有关文件精神，研究部署下一步工作。",
            "meeting",
        ),
        (
            "{dept}开展{campaign}宣传进村屯活动",
            "{date}，{dept}组织干部职工深入{town}各村屯，开展{campaign}宣传活动。",
            "event",
        ),
        (
            "{dept}深入{town}开展{service}服务",
            "{date}，{dept}组织工作人员深入{town}，开展{service}服务活动。",
            "event",
        ),
        (
            "{town}扎实推进{topic}",
            "今年以来，{town}围绕{goal}，扎实推进{topic}各项工作。",
            "progress",
        ),
        (
            "{dept}组织开展{training}培训",
            "{date}，{dept}组织开展{training}培训，{n}名学员参加。",
            "event",
        ),
        (
            "{dept}召开{year}年第{quarter}季度工作推进会",
            "{date}，{dept}召开{year}年第{quarter}季度工作推进会，总结工作成效，分析存在问题。",
            "meeting",
        ),
        (
            "{town}召开{topic}工作部署会",
            "{date}，{town}召开{topic}工作部署会，对近期工作作出安排。",
            "meeting",
        ),
        (
            "{dept}督查指导{town}{topic}工作",
            "{date}，{dept}督查组深入{town}，督查指导{topic}工作。",
            "visit",
        ),
        (
            "{dept}{topic}工作取得新进展",
            "{date}，记者从{dept}获悉，今年以来{topic}工作取得新进展。",
            "progress",
        ),
    )
    GENERAL_MIDDLES = (
        "今年以来，{county}累计投入资金{n}00万元，实施相关项目{m}个，惠及群众{k}万人。",
        "截至目前，全{unit}已完成年度目标任务的{pct}%，{topic}各项重点工作有序推进。",
        "{dept}负责人介绍，下一步将{measure}，同时加强督查检查，对工作滞后的单位及时通报。",
        "“以前{old}，现在{new}，日子越过越有奔头。”{town}群众{resident}高兴地说。",
    )
    KIND_MIDDLES = {
        "meeting": (
            "会议指出，{topic}事关群众切身利益，各乡镇、各部门要提高认识，切实增强责任感和紧迫感。",
            "会议要求，要坚持问题导向，聚焦薄弱环节，{measure}，确保各项任务落地见效。",
            "会上，各乡镇和有关部门负责人汇报了{topic}工作进展情况。",
        ),
        "visit": (
            "调研中，{person}详细询问了项目进度、资金使用和群众受益情况，对取得的成效给予肯定。",
            "在{town}，工作人员逐户走访，详细了解群众需求，现场解答政策疑问{n}条。",
            "{person}强调，要{measure}，把好事办实、把实事办好。",
        ),
        "event": (
            "活动现场设置政策咨询台{m}个，发放宣传资料{n}00余份，群众参与热情高涨。",
            "活动中，工作人员通过发放资料、现场讲解等方式，向群众宣传{topic}相关政策。",
            "不少群众表示，通过活动了解了政策，也学到了实用的知识。",
        ),
        "progress": (
            "在{town}，工作人员逐户走访，详细了解群众需求，现场解答政策疑问{n}条。",
            "{county}建立工作台账，实行周调度、月通报，推动各项任务按时完成。",
        ),
        "industry": (
            "据了解，{town}{industry}产业已覆盖{m}个村，带动{n}0户群众稳定增收。",
            "{town}引进龙头企业，采取“企业＋合作社＋农户”模式，统一技术标准、统一收购销售。",
            "为提升产品附加值，当地还建设了加工车间，发展电商直播带货。",
        ),
    }
    NEWS_CLOSINGS = (
        "下一步，{county}将持续{measure}，以实干实绩推动{topic}工作再上新台阶。",
        "{county}将以此为契机，进一步{measure}，为{goal}提供有力保障。",
    )
    MEETING_CLOSING = "会议强调，要压实工作责任，加强统筹协调，确保年度目标任务全面完成。"
    QUOTES_BEFORE = ("出门一身泥", "看病要跑远路", "种地靠天吃饭", "办事要跑好几趟")
    QUOTES_AFTER = ("家门口就能办成事", "产业有了奔头", "村里道路硬化又亮化", "收入一年比一年多")

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
            "campaign": self.pick(CAMPAIGNS),
            "service": self.pick(SERVICES),
            "training": self.pick(TRAININGS),
            "event": self.pick(EVENTS),
            "industry": self.industry_name(),
            "date": f"{when.month}月{when.day}日",
            "old": self.pick(self.QUOTES_BEFORE),
            "new": self.pick(self.QUOTES_AFTER),
            "person": self.person(),
            "resident": self.person(),
        }
        templates = self.GOV_TITLES if government else self.NEWS_TITLES
        template, opening_template, kind = self.pick(templates)
        title = ""
        for _attempt in range(30):
            title = self.fill(template, **extra).replace("  ", "　")
            if title not in self._titles:
                break
            template, opening_template, kind = self.pick(templates)
            extra["dept"], extra["town"] = self.department(), self.town()
            extra["industry"] = self.industry_name()
        else:
            title = f"{title}（{len(self._titles) + 1}）"
        self._titles.add(title)
        opening = self.fill(opening_template, **extra)
        pool = self.KIND_MIDDLES[kind] + self.GENERAL_MIDDLES
        middles = [
            self.fill(sentence, **extra)
            for sentence in self.rng.sample(pool, self.rng.randint(3, min(5, len(pool))))
        ]
        closings = self.NEWS_CLOSINGS + ((self.MEETING_CLOSING,) if kind == "meeting" else ())
        closing = self.fill(self.pick(closings), **extra)
        paragraphs = [opening, *middles, closing]
        sections = [Section(paragraphs=paragraphs)]
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
            source = f"{extra['town']}人民政府" if template.startswith("{town}") else extra["dept"]
        else:
            source = self.pick((self.county.media_centre, self.county.media_centre, extra["dept"]))
        author = self.person() if self.rng.random() < 0.5 else f"{self.person()} {self.person()}"
        spec = ArticleSpec(
            column=column,
            title=title,
            publish_date=when,
            summary=opening[:90],
            sections=sections,
            source=source,
            author=author,
            cover=not government and self.rng.random() < 0.6,
            table=table,
        )
        if self.rng.random() < 0.15:
            spec.origin = "reprint"
            spec.origin_source = self.pick(REPRINT_SOURCES)
            spec.source = spec.origin_source
        return spec

    # -- notices (通知公告) ---------------------------------------------------------------------

    # (title, 文号 kind, issuer kind, lead paragraph, item sentences)
    NOTICE_KINDS = (
        ("关于做好{year}年{topic}工作的通知", "政办发", "office", "work", "work"),
        ("关于开展{year}年{campaign}宣传活动的通知", "政办电", "office", "campaign", "work"),
        ("关于召开{year}年{topic}工作会议的通知", "政办电", "office", "meeting", "meeting"),
        ("关于公开招聘{m}名{role_job}的公告", "", "dept", "hiring", "hiring"),
        ("关于{road}施工期间实行临时交通管制的通告", "", "traffic", "traffic", "traffic"),
        ("关于{year}年{subsidy}发放情况的公示", "", "dept", "subsidy", "subsidy"),
        ("关于{town}部分区域计划停水的通知", "", "water", "water", "water"),
        ("关于征求《{county}{plan}（征求意见稿）》意见的公告", "", "dept", "draft", "draft"),
    )
    NOTICE_LEADS = {
        "work": "为认真落实{topic}工作部署，切实做好相关工作，经{unit}人民政府同意，现将有关事项"
        "通知如下：",
        "campaign": "为增强群众{campaign}意识，营造良好社会氛围，经研究，决定在全{unit}开展"
        "{campaign}宣传活动。现将有关事项通知如下：",
        "meeting": "经{unit}人民政府研究，决定召开{year}年{topic}工作会议。现将有关事项通知如下：",
        "hiring": "根据工作需要，经研究，决定面向社会公开招聘{m}名{role_job}。"
        "现将有关事项公告如下：",
        "traffic": "因{road}道路改造施工需要，为保障施工安全和道路通行秩序，决定对该路段实行临时"
        "交通管制。现将有关事项通告如下：",
        "subsidy": "根据有关政策规定，现将{year}年{subsidy}发放情况予以公示，公示期为7天。",
        "water": "因供水管网改造施工，{town}部分区域将于近日暂停供水，请广大用户提前做好储水准备。",
        "draft": "为提高决策的科学性和透明度，现将《{county}{plan}（征求意见稿）》全文公布，公开"
        "征求社会各界意见，征求意见期为30天。",
    }
    NOTICE_ITEMS = {
        "work": (
            "时间安排。各单位要按照时间节点，于每月25日前报送{topic}工作进展情况。",
            "工作要求。各有关单位要{measure}，主要负责同志要亲自抓、负总责。",
            "保障措施。{unit}财政要统筹安排工作经费，各乡镇要配齐配强工作力量。",
            "督查考核。{unit}人民政府督查室将适时开展专项督查，结果纳入年度绩效考评。",
            "信息报送。请各单位明确一名联络员，及时报送工作信息和典型经验。",
        ),
        "meeting": (
            "会议时间。{month}月{day}日上午9时，会期半天。",
            "会议地点。{unit}行政中心第一会议室。",
            "参会人员。各乡镇分管负责同志，{unit}直有关单位主要负责同志。",
            "有关要求。请参会人员提前10分钟入场，不得无故缺席。",
        ),
        "hiring": (
            "招聘条件。具有中华人民共和国国籍，遵守宪法和法律，身体健康，具备岗位所需的专业"
            "或技能条件。",
            "报名时间和方式。报名时间为公告发布之日起7个工作日内，报名者携带身份证和学历证书"
            "到招聘单位现场报名。",
            "考试考核。采取笔试和面试相结合的方式进行，成绩在本网站公布。",
            "体检和聘用。根据考试成绩确定体检人选，体检合格者按程序办理聘用手续。",
        ),
        "traffic": (
            "管制时间。自{month}月{day}日起至工程完工止。",
            "管制路段。{road}全段，禁止机动车通行，行人和非机动车绕行。",
            "绕行线路。过往车辆请按现场交通指示标志绕行。",
            "请广大驾驶人和行人自觉遵守管制规定，服从现场管理人员指挥。",
        ),
        "subsidy": (
            "公示内容。补贴对象、补贴面积（数量）和补贴金额详见附件。",
            "公示期间，如有异议，请以书面形式向公示单位反映。",
            "反映问题须实事求是，并提供联系方式，以便调查核实。",
        ),
        "water": (
            "停水时间。{month}月{day}日8时至20时。",
            "停水范围。{town}集镇及周边部分村屯。",
            "因施工带来的不便，敬请广大用户谅解。如遇特殊情况，供水时间将另行通知。",
        ),
        "draft": (
            "征求意见时间。自公告发布之日起30日内。",
            "意见反馈方式。可通过电子邮件、信函或本网站“互动交流”栏目提出意见和建议。",
            "提出意见时请注明真实姓名和联系方式，以便进一步沟通。",
        ),
    }

    JOBS = (
        "乡镇卫生院专业技术人员",
        "城镇公益性岗位人员",
        "社区工作者",
        "中小学教师",
        "村级防贫监测信息员",
    )
    SUBSIDIES = (
        "耕地地力保护补贴",
        "农机购置补贴",
        "城乡居民临时救助",
        "高龄老人津贴",
        "生态公益林补偿",
    )
    # (plan, the work it is about)
    PLANS = (
        ("重点民生实事项目实施方案", "民生实事"),
        ("深化营商环境改革若干措施", "营商环境改革"),
        ("农村人居环境整治提升行动方案", "农村人居环境整治提升"),
        ("特色产业高质量发展三年行动方案", "特色产业发展"),
        ("突发事件总体应急预案", "突发事件应对"),
        ("耕地保护和粮食安全责任制考核办法", "耕地保护和粮食安全"),
        ("政府信息公开工作实施办法", "政府信息公开"),
        ("城乡供水一体化实施方案", "城乡供水一体化"),
        ("全民健身实施计划", "全民健身"),
        ("养老服务体系建设实施方案", "养老服务体系建设"),
    )
    PLAN_MEASURES = ("健全工作机制", "强化督促检查", "加强宣传引导", "完善配套政策")

    def notice_article(self, column: str, when: datetime.datetime) -> ArticleSpec:
        """A 通知公告 item, most with a 文号 and issuing body."""
        county = self.county
        title = ""
        for _attempt in range(30):
            topic = self.topic(when.date())
            template, number_kind, issuer_kind, lead_key, items_key = self.pick(self.NOTICE_KINDS)
            later = when + datetime.timedelta(days=self.rng.randint(3, 12))
            extra = {
                "topic": topic.name,
                "year": str(when.year),
                "month": str(later.month),
                "day": str(later.day),
                "town": self.town(),
                "campaign": self.pick(CAMPAIGNS),
                "role_job": self.pick(self.JOBS),
                "road": county.seat + self.pick(ROADS),
                "m": str(self.rng.randint(3, 30)),
                "subsidy": self.pick(self.SUBSIDIES),
                "plan": self.pick(self.PLANS)[0],
            }
            title = self.fill(template, **extra)
            if title not in self._titles:
                break
        self._titles.add(title)
        issuer = {
            "office": county.office,
            "water": f"{county.name}城乡供水有限公司",
            "traffic": county.dept("公安局交通管理大队"),
        }.get(issuer_kind) or self.department()
        number = self.document_number(number_kind, when.year) if number_kind else ""
        if not number and issuer_kind == "dept" and self.rng.random() < 0.4:
            number = self.document_number("政通", when.year)
        is_notice = title.endswith("通知")
        paragraphs = [self.fill(self.NOTICE_LEADS[lead_key], **extra)]
        if is_notice and issuer_kind == "office":
            paragraphs.insert(0, f"各乡（镇）人民政府，{county.unit}直各有关单位：")
        sentences = self.NOTICE_ITEMS[items_key]
        chosen = self.rng.sample(sentences, min(len(sentences), self.rng.randint(3, 4)))
        chosen.sort(key=sentences.index)
        items = [
            f"{cn_number(i + 1)}、{self.fill(sentence, measure=self.pick(topic.measures), **extra)}"
            for i, sentence in enumerate(chosen)
        ]
        phone = f"{county.phone[:5]}{self.rng.randint(6800000, 6899999)}"
        ending = (
            "特此通知。"
            if is_notice
            else ("特此通告。" if title.endswith("通告") else "特此公告。")
        )
        closing = [
            f"联系人：{self.person()}，联系电话：{phone}。",
            ending,
            issuer,
            cn_date(when.date()),
        ]
        spec = ArticleSpec(
            column=column,
            title=title,
            publish_date=when,
            summary=paragraphs[-1][:80],
            sections=[Section(paragraphs=paragraphs), Section(paragraphs=items + closing)],
            source=issuer,
            document_number=number,
            issuing_body=issuer,
            written_date=(when - datetime.timedelta(days=self.rng.randint(0, 3))).date(),
        )
        if items_key in ("hiring", "subsidy", "work") and self.rng.random() < 0.6:
            spec.attachment = "docx"
            name = {"hiring": "报名登记表", "subsidy": "发放明细表", "work": "工作联系表"}[
                items_key
            ]
            spec.attachment_title = f"附件：{name}"
        return spec

    # -- policy documents (政策文件) ------------------------------------------------------------

    POLICY_TITLES = (
        ("{full_name}关于印发《{county}{plan}》的通知", "政发", "gov"),
        ("{office}关于印发《{county}{plan}》的通知", "政办发", "office"),
        ("{office}关于进一步加强{topic}工作的意见", "政办发", "office"),
        ("{full_name}关于加快{industry}产业高质量发展的若干意见", "政发", "gov"),
    )
    POLICY_TASKS = (
        "加强组织领导。成立工作领导小组，统筹推进{topic}各项工作。",
        "{measure}。各乡镇要结合实际制定具体措施，明确责任单位和完成时限。",
        "强化要素保障。统筹整合各类资金，优先保障重点项目用地和用林需求。",
        "推动融合发展。推动{industry}产业与乡村旅游、电子商务深度融合。",
        "完善监测评估。建立工作台账，实行月调度、季通报、年考核。",
        "营造良好氛围。加强政策解读和宣传引导，及时回应群众关切。",
    )

    def policy_article(self, column: str, when: datetime.datetime) -> ArticleSpec:
        """A 政策文件 item with 文号, 发布机构, 索引号, 成文日期 and a PDF attachment."""
        county = self.county
        title, plan = "", ""
        for _attempt in range(30):
            topic = self.topic(when.date())
            template, number_kind, issuer_kind = self.pick(self.POLICY_TITLES)
            plan, plan_subject = self.pick(self.PLANS)
            industry = self.industry_name()
            if "{plan}" in template:
                topic = Topic(plan_subject, f"提升{plan_subject}工作水平", self.PLAN_MEASURES)
            elif "{industry}" in template:
                topic = Topic(f"{industry}产业", f"做强做优{industry}产业", self.PLAN_MEASURES)
            subject = topic.name
            title = self.fill(
                template,
                full_name=county.full_name,
                office=county.office,
                plan=plan,
                topic=topic.name,
                industry=industry,
            )
            if title not in self._titles and subject not in self._subjects:
                break
        self._titles.add(title)
        self._subjects.add(subject)
        issuer = county.full_name if issuer_kind == "gov" else county.office
        written = (when - datetime.timedelta(days=self.rng.randint(2, 12))).date()
        tasks = [
            f"（{cn_number(i + 1)}）"
            + self.fill(task, topic=topic.name, measure=measure, industry=industry)
            for i, (task, measure) in enumerate(
                zip(
                    self.rng.sample(self.POLICY_TASKS, 4),
                    [self.pick(topic.measures) for _ in range(4)],
                    strict=True,
                )
            )
        ]
        sections = [
            Section(
                paragraphs=[
                    f"各乡（镇）人民政府，{county.unit}直各委、办、局：",
                    f"现将{f'《{county.name}{plan}》' if '《' in title else '本意见'}印发给你们，"
                    "请结合实际认真贯彻落实。",
                    issuer,
                    cn_date(written),
                ]
            ),
            Section(
                heading="一、总体要求",
                paragraphs=[
                    self.fill(
                        "以推动高质量发展为主题，坚持以人民为中心，围绕{goal}，统筹发展和"
                        "安全，扎实推进{topic}各项工作。",
                        goal=topic.goal,
                        topic=topic.name,
                    )
                ],
            ),
            Section(
                heading="二、主要目标",
                paragraphs=[
                    self.fill(
                        "到{target}年，全{unit}{topic}工作机制更加健全，重点指标达到全市"
                        "平均水平以上，群众满意度明显提升。",
                        target=str(when.year + 2),
                        topic=topic.name,
                    )
                ],
            ),
            Section(heading="三、重点任务", items=tasks),
            Section(
                heading="四、保障措施",
                paragraphs=[
                    "各有关单位要按照职责分工，细化工作方案，加强协作配合，确保各项任务落到实处。",
                    f"本文件自印发之日起施行，由{county.office}负责解释。",
                ],
            ),
        ]
        return ArticleSpec(
            column=column,
            title=title,
            publish_date=when,
            summary=self.fill(
                "围绕{goal}，从总体要求、主要目标、重点任务和保障措施四个方面作出部署。",
                goal=topic.goal,
            ),
            sections=sections,
            source=issuer,
            document_number=self.document_number(number_kind, written.year),
            issuing_body=issuer,
            index_number=self.index_number(written.year),
            written_date=written,
            attachment="pdf",
            attachment_title=f"{title}.pdf",
        )

    # -- the whole set ------------------------------------------------------------------------

    def articles(self, counts: dict[str, int] | None = None) -> list[ArticleSpec]:
        """The county's articles for 要闻, 政务动态, 通知公告 and 政策文件."""
        counts = counts or {"yaowen": 16, "zwdt": 14, "tzgg": 10, "zcwj": 8}
        specs: list[ArticleSpec] = []
        for when in self.dates(counts["yaowen"], 120, newest_days=0):
            specs.append(self.news_article("yaowen", when, government=False))
        for when in self.dates(counts["zwdt"], 120, newest_days=1):
            specs.append(self.news_article("zwdt", when, government=True))
        for when in self.dates(counts["tzgg"], 120, newest_days=2):
            specs.append(self.notice_article("tzgg", when))
        for when in self.dates(counts["zcwj"], 125, newest_days=6):
            specs.append(self.policy_article("zcwj", when))
        return specs

    def leaders(self) -> list[tuple[str, str, str]]:
        """Invented leaders as (name, role, duties)."""
        unit = self.county.unit
        duties = (
            f"主持{unit}人民政府全面工作，负责审计方面的工作。",
            f"负责{unit}人民政府常务工作，负责发展改革、财政、税务、统计等方面的工作。",
            "负责农业农村、林业、水利、乡村振兴等方面的工作。",
            "负责教育、卫生健康、医疗保障、文化旅游等方面的工作。",
            "负责住房城乡建设、交通运输、自然资源、生态环境等方面的工作。",
        )
        roles = (f"{unit}长", f"常务副{unit}长", f"副{unit}长", f"副{unit}长", f"副{unit}长")
        names: list[str] = []
        while len(names) < len(roles):
            name = self.person()
            if name not in names:
                names.append(name)
        return list(zip(names, roles, duties, strict=True))

    def faq(self) -> list[tuple[str, str]]:
        """Frequently asked questions with short answers."""
        county = self.county
        return [
            (
                "办理居住证需要哪些材料？",
                "居民身份证、近期免冠照片以及居住证明（房屋产权证明或租赁合同等）。",
            ),
            (
                "城乡居民医保什么时候缴费？",
                "每年9月至12月集中缴纳次年的城乡居民基本医疗保险费，可通过手机缴费。",
            ),
            (
                f"如何向{county.full_name}反映问题？",
                "可通过本网站“互动交流”栏目留言，也可拨打12345政务服务便民热线。",
            ),
            (
                "企业开办需要多长时间？",
                "在政务服务中心“企业开办专区”一次提交材料，一般1个工作日内办结。",
            ),
        ]


# --------------------------------------------------------------------------------------------
# Portal content
# --------------------------------------------------------------------------------------------

PORTAL_NEWS_TITLES = (
    "{counties}等县级政府网站完成集约化改版上线",
    "网群运营中心开展政府网站内容保障专题培训",
    "全市政府网站第{quarter}季度检查结果出炉 网群站点全部合格",
    "网群新增“特色产业”展示专区 集中推介各县特色产品",
    "网群信息员队伍扩容 {n}名基层信息员持证上岗",
    "网群上线适老化和无障碍浏览模式",
    "网群“互动交流”平台月均办结群众留言{n}0余件",
    "百色市召开政府网站集约化建设推进会",
    "网群统一搜索上线 支持按文号检索政策文件",
    "网群开展“找错”专项整治 清理错误链接{n}0余条",
    "各县网站开设“{topic}”专题专栏",
    "网群主题模板库新增{m}套县域主题",
)
PORTAL_NOTICE_TITLES = (
    "关于报送{year}年第{quarter}季度政府网站内容保障情况的通知",
    "关于开展政府网站和政务新媒体自查整改的通知",
    "关于网群平台系统升级维护的公告",
    "关于举办网群信息员业务培训班的通知",
    "关于公布{year}年度优秀网群信息员名单的公示",
    "关于做好政府网站适老化改造工作的通知",
)
PORTAL_POLICY_TITLES = (
    "百色市人民政府办公室关于加强政府网站集约化管理的通知",
    "百色市网群内容保障工作管理办法",
    "百色市政府网站信息发布审核制度",
    "百色市网群信息员管理办法",
)


def portal_articles(now: datetime.datetime, seed: int = SEED) -> list[ArticleSpec]:
    """The portal's own news, notices and documents about the cluster's work."""
    gen = ContentGenerator(NAPO, now, seed)
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
            topic=gen.rng.choice(("乡村振兴", "优化营商环境", "民族团结进步", "兴边富民")),
        )

    for i, when in enumerate(gen.dates(10, 120, newest_days=0)):
        title = gen.unique(lambda w=when: fill(gen.rng.choice(PORTAL_NEWS_TITLES), w))
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
        title = gen.unique(lambda w=when: fill(gen.rng.choice(PORTAL_NOTICE_TITLES), w))
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
                            "联系人：网群运营中心，联系电话：0776-2800000。",
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
    for i, when in enumerate(gen.dates(len(PORTAL_POLICY_TITLES), 125, newest_days=10)):
        title = PORTAL_POLICY_TITLES[i]
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
