"""A county's message board: its departments, its rules, and questions in every handling state.

Each county gets twelve departments, its 留言办理设置, and questions spread over the last five
months: published answers (one of them late), one answered and awaiting the publish decision,
one withheld, one refused as an advertisement, new ones (one holding a sensitive word), one
accepted, one assigned and past its deadline, one answer awaiting approval, and one assigned
question 78 days old, twelve days before the inspection's 3-month line. Every move goes through
the real state machine, by the county's reviewer and maintainer, and is then dated back.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from redesign.core.workdays import local_zone
from redesign.interaction.codes import new_code
from redesign.interaction.deadlines import due_date
from redesign.interaction.models import Department, InteractionSettings, Question, QuestionEvent
from redesign.interaction.states import perform

from .profiles import DEPARTMENTS, County

SENSITIVE_WORDS = "代开发票\n办证\n赌博"


@dataclass(frozen=True)
class Ask:
    """One demo question: what is asked, of whom, and what the department answers."""

    subject: str
    content: str
    category: str
    department: str  # a DEPARTMENTS suffix
    answer: str
    asker: str


ASKS: tuple[Ask, ...] = (
    Ask(
        "小区门口路灯坏了很久",
        "城关镇幸福路小区门口的三盏路灯已经坏了一个多月，晚上老人孩子出行很不方便，希望尽快修复。",
        "help",
        "住房和城乡建设局",
        "您好！经现场核查，幸福路小区门口路灯因线路老化损坏，我局已安排维修队更换线路和灯具，"
        "目前已恢复照明。感谢您对城市管理工作的关心。",
        "黄先生",
    ),
    Ask(
        "城乡居民医保缴费时间咨询",
        "请问明年的城乡居民医保什么时候开始缴费？可以在手机上缴吗？",
        "consult",
        "人力资源和社会保障局",
        "您好！明年度城乡居民医保集中缴费期为今年9月1日至12月31日，可通过税务部门的微信公众号、"
        "手机银行或到村（社区）代收点缴纳。",
        "农女士",
    ),
    Ask(
        "建议增加县城到乡镇的公交班次",
        "目前县城到足荣镇的班车每天只有四班，下午五点后就没有车了，建议增加班次方便群众。",
        "suggest",
        "交通运输局",
        "您好！您的建议很有价值。我局已与客运公司协商，自下月起在工作日增开17:30和18:30两个班次，"
        "节假日视客流情况加密。",
        "韦先生",
    ),
    Ask(
        "孩子上学划片问题",
        "我家刚在城东买了房，户口还没迁过来，孩子秋季上一年级应该去哪所学校报名？",
        "consult",
        "教育局",
        "您好！城区小学按房产所在地划片招生，购房未落户的可凭不动产权证和居住证明到划片学校报名，"
        "具体片区可在县教育局网站查看当年的招生公告。",
        "李女士",
    ),
    Ask(
        "农村危房改造补助怎么申请",
        "我家住的是几十年的老土房，漏雨严重，听说有危房改造补助，需要什么条件，怎么申请？",
        "help",
        "住房和城乡建设局",
        "您好！农村低保户、分散供养特困人员、低保边缘家庭等重点对象可申请危房改造补助。请向所在村委会"
        "提出申请，经乡镇审核、县级鉴定后纳入改造计划。",
        "陆先生",
    ),
    Ask(
        "投诉夜间施工噪音扰民",
        "县城新区一处工地最近每天晚上十一点后还在施工，噪音很大，严重影响休息。",
        "complain",
        "住房和城乡建设局",
        "您好！接到投诉后我局会同生态环境部门到现场检查，责令施工单位停止夜间施工，确需连续作业的须办理"
        "夜间施工许可并公告周边居民。我们将加强巡查。",
        "赵先生",
    ),
    Ask(
        "脐橙种植技术培训报名",
        "我是果农，想参加今年的脐橙种植技术培训，请问在哪里报名？",
        "consult",
        "农业农村局",
        "您好！今年的果树栽培技术培训将于下月在各乡镇农业站举办，请携带身份证到所在乡镇农业站报名，"
        "培训免费并发放技术手册。",
        "罗先生",
    ),
    Ask(
        "希望公开菜市场改造进度",
        "老菜市场改造说了很久了，什么时候开工？改造期间临时摊位设在哪里？",
        "suggest",
        "商务局",
        "您好！老菜市场改造项目已完成设计和招标，计划下季度开工，改造期间在人民路停车场设置临时市场，"
        "届时将提前发布公告。",
        "梁女士",
    ),
    Ask(
        "灵活就业人员养老保险怎么交",
        "我在县城做个体，没有单位，想交养老保险，请问怎么办理，每年交多少？",
        "consult",
        "人力资源和社会保障局",
        "您好！灵活就业人员可持身份证到县社保经办大厅或通过广西人社App办理参保登记，缴费基数可在"
        "规定范围内自选，按年或按月缴纳。",
        "覃先生",
    ),
    Ask(
        "景区旺季停车难",
        "国庆期间去红枫景区，停车场早早就满了，很多车停在路边很危险，建议增设临时停车点。",
        "suggest",
        "文化广电体育和旅游局",
        "您好！感谢您的建议。我局将在旅游旺季于景区入口两公里处设置临时停车场并开通接驳车，"
        "同时通过县文旅公众号发布车位信息。",
        "陈女士",
    ),
    Ask(
        "村里自来水经常停水",
        "我们村这个月已经停水三次了，每次都没有提前通知，希望解决。",
        "complain",
        "水利局",
        "",
        "黄女士",
    ),
    Ask(
        "办理残疾证需要什么材料",
        "家里老人行动不便，想给他办残疾证，需要准备什么材料？能上门评定吗？",
        "help",
        "卫生健康局",
        "",
        "周先生",
    ),
)


@dataclass(frozen=True)
class Plan:
    """Where one demo question ends: the moves it passes and how long ago it came."""

    ask: int
    days_ago: int
    moves: tuple[str, ...]
    reply_days: int = 3  # calendar days between submission and the approved answer
    consent: bool = True


PLANS: tuple[Plan, ...] = (
    Plan(0, 150, ("accept", "draft", "approve", "publish"), 4),
    Plan(1, 120, ("accept", "draft", "approve", "publish"), 2),
    Plan(2, 96, ("assign", "draft", "approve", "publish"), 6),
    Plan(3, 70, ("accept", "draft", "approve", "publish"), 3),
    Plan(4, 52, ("assign", "draft", "approve", "publish"), 11),  # answered late
    Plan(5, 33, ("assign", "draft", "approve", "publish"), 4),
    Plan(6, 21, ("accept", "draft", "approve", "publish"), 1),
    Plan(7, 12, ("assign", "draft", "approve", "publish"), 5),
    Plan(8, 6, ("accept", "draft", "approve"), 2),  # answered, publish decision pending
    Plan(9, 40, ("accept", "draft", "approve", "withhold"), 4, consent=False),
    Plan(10, 78, ("assign",)),  # twelve days before the 3-month line
    Plan(11, 16, ("assign",)),  # past its reply deadline
    Plan(1, 3, ("accept",)),
    Plan(2, 2, ("accept", "draft")),  # the answer awaits the reviewer
    Plan(3, 0, ()),
)

SPAM = Ask("代开各类发票", "专业代开发票，价格优惠，联系微信。", "consult", "财政局", "", "某公司")
FLAGGED = Ask(
    "有人在村里组织赌博",
    "我们村有人晚上在仓库里聚众赌博，影响很坏，请有关部门查处。",
    "complain",
    "财政局",
    "",
    "匿名群众",
)


class Board:
    """Writes one county's message board."""

    def __init__(self, county: County, site, reviewer: Any, maintainer: Any, now) -> None:
        self.county, self.site, self.now = county, site, now
        self.reviewer, self.maintainer = reviewer, maintainer
        self.departments: dict[str, Department] = {}

    def write(self) -> None:
        """Departments, settings and every planned question."""
        for order, suffix in enumerate(DEPARTMENTS[:12]):
            self.departments[suffix] = Department.objects.create(
                site=self.site,
                name=self.county.dept(suffix),
                email=f"{self.county.key}-dept{order + 1}@example.org",
                sort_order=order,
            )
        self.settings = InteractionSettings.for_site(self.site)
        self.settings.sensitive_words = SENSITIVE_WORDS
        self.settings.escalation_emails = f"{self.county.key}-duban@example.org"
        self.settings.save()
        for index, plan in enumerate(PLANS):
            self.question(ASKS[plan.ask], plan, index)
        spam = self.question(SPAM, Plan(0, 9, ()), 90, flagged="代开发票")
        self.move(spam, "reject", self.moment(9, 2), reason="广告信息，不予受理。")
        self.question(FLAGGED, Plan(0, 1, ()), 91, flagged="赌博")

    def moment(self, days_ago: int, hours: int = 0) -> datetime.datetime:
        """A moment some days before now, a few working hours into that day."""
        day = (self.now - datetime.timedelta(days=days_ago)).astimezone(local_zone())
        return day.replace(hour=9, minute=20) + datetime.timedelta(hours=hours)

    def question(self, ask: Ask, plan: Plan, index: int, flagged: str = "") -> Question:
        """Store the question as the form would, then make its planned moves."""
        submitted = min(self.moment(plan.days_ago), self.now - datetime.timedelta(minutes=30))
        department = self.departments.get(ask.department)
        question = Question.objects.create(
            site=self.site,
            code=new_code(),
            subject=ask.subject,
            content=ask.content,
            category=ask.category,
            department=department if index % 3 else None,
            publish_consent=plan.consent,
            name=ask.asker,
            phone=f"13{index % 10}{self.county.code[-4:]}{index:04d}",
            email="" if index % 2 else f"citizen{index}@example.org",
            ip_address=f"10.8.{index}.{len(self.county.key)}",
            flagged_words=flagged,
            submitted_at=submitted,
            due_date=due_date(
                self.site.pk, submitted.astimezone(local_zone()).date(), self.settings.reply_days
            ),
        )
        QuestionEvent.objects.create(
            question=question, at=submitted, action="submit", to_status="new", note=flagged
        )
        answered = submitted + datetime.timedelta(days=plan.reply_days, hours=3)
        for step, name in enumerate(plan.moves):
            at = {
                "accept": submitted + datetime.timedelta(hours=2),
                "assign": submitted + datetime.timedelta(hours=3),
                "draft": answered - datetime.timedelta(hours=2),
                "approve": answered,
            }.get(name, answered + datetime.timedelta(hours=step))
            self.move(
                question,
                name,
                min(at, self.now - datetime.timedelta(minutes=10)),
                answer=ask.answer or "您好！您反映的问题已转相关部门核实处理，我们将尽快答复。",
                department=department,
                reason="留言人未同意公开。" if name == "withhold" else "",
            )
        return question

    def move(self, question: Question, name: str, at, *, answer="", department=None, reason=""):
        """Make the move through the state machine as the right person, then date it back."""
        approving = name in ("approve", "publish", "withhold", "reject")
        before = timezone.now()
        perform(
            question.pk,
            name,
            self.reviewer if approving else self.maintainer,
            site_ids=None,
            answer=answer,
            reason=reason,
            department_id=department.pk if department and name in ("assign", "draft") else None,
        )
        QuestionEvent.objects.filter(pk=question.events.order_by("-pk").values("pk")[:1]).update(
            at=at
        )
        fresh = Question.objects.get(pk=question.pk)
        stamped = {
            field: at
            for field in ("accepted_at", "answered_at", "closed_at")
            if getattr(fresh, field) and getattr(fresh, field) >= before
        }
        Question.objects.filter(pk=question.pk).update(**stamped)


def build_board(county: County, site, reviewer: Any, maintainer: Any, now=None) -> None:
    """The county's departments, board settings and questions."""
    Board(county, site, reviewer, maintainer, now or timezone.now()).write()
