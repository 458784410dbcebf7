"""Chinese text for generated legacy sites: names, titles and prose, from our own word lists."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

# Every word list below was written for this project. Only characters in GB2312 are used, so a
# site can be encoded as gb2312, gbk or utf-8 without loss.

COUNTY_FIRST = "清云青金白石龙凤松桂岭溪河川安平永宁盛德丰华鹤梅竹兰禾泉源峰南北东西阳阴临"
COUNTY_SECOND = "溪岭水川山源江坪阳宁安丰城林峰泉河岩湖塘口桥"
PREFECTURE_NAMES = ("江城", "岭南", "桂东", "西江", "云山", "青州", "南川", "北海湾")
TOWN_FIRST = "城大小新长上下中高龙凤石马牛黄白黑青红金银古双三五平安太东西南北"
TOWN_SECOND = "关口坪塘田江河岭山桥圩洞坡寨湾埠庄沙林"
VILLAGE_SUFFIX = ("村", "村", "村", "社区")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯"
    "邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹"
)
GIVEN_CHARS = (
    "国华建明文军平志伟丽红英春海永东强林玉秀兰芳荣新光德宏杰"
    "斌勇涛亮辉晓云峰雪梅霞俊凯敏静婷立成宇鹏飞振庆安福"
)
ROLES = (
    ("县委书记", 1),
    ("县委副书记、县长", 1),
    ("县人大常委会主任", 1),
    ("县政协主席", 1),
    ("县委常委、常务副县长", 1),
    ("副县长", 3),
    ("县委常委、宣传部部长", 1),
    ("县委常委、组织部部长", 1),
)
LEADER_DUTIES = (
    "主持县人民政府全面工作",
    "负责县人民政府常务工作，分管财政、税务、审计、统计、发展改革工作",
    "负责农业、林业、水利、扶贫开发和新农村建设方面的工作",
    "负责教育、卫生、文化、体育、广播电视和人口计生方面的工作",
    "负责工业、交通、国土资源、住房和城乡建设、环境保护方面的工作",
    "负责公安、司法、信访、安全生产和民政方面的工作",
    "负责商务、招商引资、旅游和民族宗教方面的工作",
)

# (name, folder abbreviation, 文号 abbreviation, short name used as a news source)
DEPARTMENTS = (
    ("县发展和改革局", "fgj", "发改", "县发改局"),
    ("县教育局", "jyj", "教", "县教育局"),
    ("县财政局", "czj", "财", "县财政局"),
    ("县民政局", "mzj", "民", "县民政局"),
    ("县农业局", "nyj", "农", "县农业局"),
    ("县林业局", "lyj", "林", "县林业局"),
    ("县水利局", "slj", "水", "县水利局"),
    ("县卫生局", "wsj", "卫", "县卫生局"),
    ("县交通运输局", "jtj", "交", "县交通局"),
    ("县人力资源和社会保障局", "rsj", "人社", "县人社局"),
    ("县国土资源局", "gtj", "国土", "县国土局"),
    ("县环境保护局", "hbj", "环", "县环保局"),
    ("县住房和城乡建设局", "zjj", "建", "县住建局"),
    ("县商务局", "swj", "商", "县商务局"),
    ("县统计局", "tjj", "统", "县统计局"),
    ("县审计局", "sjj", "审", "县审计局"),
    ("县安全生产监督管理局", "ajj", "安监", "县安监局"),
    ("县文化体育广播电视局", "wtj", "文体", "县文体局"),
    ("县旅游局", "lvj", "旅", "县旅游局"),
    ("县扶贫开发办公室", "fpb", "扶贫", "县扶贫办"),
)
DEPARTMENT_DUTIES = (
    "贯彻执行国家和省、市有关方针政策和法律法规，拟订全县{field}发展规划并组织实施",
    "负责全县{field}工作的统筹协调和监督管理，研究解决工作中的重大问题",
    "组织开展{field}领域的调查研究，提出政策建议，指导乡镇开展相关工作",
    "负责{field}方面的统计、信息和宣传工作，按规定做好政务信息公开",
    "承办县委、县人民政府交办的其他事项",
)
TOPICS = (
    "安全生产",
    "森林防火",
    "新农村建设",
    "扶贫开发",
    "人口和计划生育",
    "义务教育",
    "新型农村合作医疗",
    "农村最低生活保障",
    "招商引资",
    "防汛抗旱",
    "植树造林",
    "城乡清洁",
    "食品药品安全",
    "道路交通安全",
    "春耕生产",
    "秸秆禁烧",
    "征兵",
    "人口普查",
    "党风廉政建设",
    "机关效能建设",
    "信访维稳",
    "重大项目建设",
    "农民工技能培训",
    "消防安全",
    "农村危房改造",
    "饮水安全",
    "林权制度改革",
    "民生实事",
    "节能减排",
    "文明城市创建",
)
INDUSTRIES = (
    "茶叶",
    "甘蔗",
    "油茶",
    "桑蚕",
    "柑橘",
    "生猪",
    "食用菌",
    "中药材",
    "竹木加工",
    "烤烟",
)
PLACES = (
    "项目工地",
    "生产基地",
    "农户家中",
    "中心小学",
    "卫生院",
    "敬老院",
    "工业园区",
    "水库大坝",
)
CONCERNS = (
    "人民群众生命财产安全",
    "全县经济社会发展大局",
    "广大群众的切身利益",
    "全县改革发展稳定",
    "农业增效和农民增收",
)
ACTIONS = (
    "进一步提高思想认识",
    "切实加强组织领导",
    "明确工作责任",
    "强化督促检查",
    "加大宣传力度",
    "狠抓工作落实",
    "认真排查各类隐患",
    "完善工作机制",
    "加强部门协作配合",
    "做好资金保障",
)
GOALS = (
    "各项工作任务按时完成",
    "全年目标任务圆满完成",
    "群众满意度不断提高",
    "工作取得实效",
    "不发生重大事故",
    "资金安全规范使用",
)
ACHIEVEMENTS = (
    ("完成造林", "亩", 500, 30000),
    ("新修道路", "公里", 5, 200),
    ("培训农民", "人次", 200, 9000),
    ("发放补助资金", "万元", 50, 3000),
    ("新建沼气池", "座", 50, 2000),
    ("排查隐患", "处", 20, 800),
    ("新增就业", "人", 100, 5000),
    ("签约项目", "个", 3, 40),
    ("种植", "亩", 500, 30000),
    ("改造危房", "户", 50, 1500),
)
MEETINGS = (
    "工作会议",
    "推进会",
    "动员大会",
    "现场会",
    "座谈会",
    "培训班",
    "总结表彰大会",
    "专题会议",
)
NEWS_SOURCES = ("县政府办", "县委宣传部", "县信息中心", "县电视台", "本站原创", "县新闻中心")

NEWS_TITLES = (
    "{county}召开{year}年{topic}{meeting}",
    "{role}{leader}到{town}调研{topic}工作",
    "{town}扎实推进{topic}工作",
    "{dept}开展{topic}宣传活动",
    "我县{topic}工作取得新成效",
    "{county}举办{year}年{industry}产业发展{meeting}",
    "{leader}督查{town}{topic}工作",
    "{town}{industry}产业助农增收",
    "{dept}召开{topic}{meeting}",
    "{county}全力做好{topic}工作",
    "{town}{village}群众喜获{industry}丰收",
    "我县启动{topic}专项行动",
)
PHOTO_TITLES = (
    "图片新闻：{town}{industry}基地一派繁忙",
    "{leader}检查{town}{topic}工作（图）",
    "{county}{year}年{topic}现场会掠影",
    "组图：{town}群众开展{topic}活动",
)
NOTICE_TITLES = (
    "关于做好{year}年{topic}工作的通知",
    "{dept_full}关于开展{topic}检查的通知",
    "关于{year}年{topic}有关事项的通知",
    "{county}人民政府关于加强{topic}工作的通告",
    "关于召开全县{topic}{meeting}的通知",
    "{dept_full}关于{topic}专项资金申报的公告",
    "关于{year}年{holiday}放假安排的通知",
)
POLICY_TITLES = (
    "{county}人民政府办公室关于印发《{county}{topic}实施方案》的通知",
    "{county}人民政府关于进一步加强{topic}工作的意见",
    "{county}人民政府办公室关于印发{county}{topic}工作考核办法的通知",
    "{county}人民政府关于{year}年{topic}工作的决定",
    "{county}人民政府办公室关于建立{topic}工作联席会议制度的通知",
)
PERSONNEL_TITLES = (
    "{county}{year}年公开招聘中小学教师公告",
    "关于{leader}等{num}名同志试用期满考核合格的公示",
    "{county}{year}年公开考试录用公务员拟录用人员公示",
    "{county}{year}年事业单位公开招聘工作人员面试公告",
    "{dept_full}{year}年公开选调工作人员公告",
)
PLAN_TITLES = (
    "{dept_full}{year}年工作计划",
    "{dept_full}{year}年上半年工作总结",
    "{county}{year}年{topic}工作要点",
    "{county}{topic}三年行动计划",
)
FINANCE_TITLES = (
    "{county}{year}年{month}月份财政收支情况",
    "{dept_full}{year}年部门预算公开说明",
    "{county}{year}年三公经费预算情况说明",
    "{county}{year}年{month}月份主要经济指标",
)
HOLIDAYS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
NEWS_SENTENCES = (
    "{md}，{role}{leader}带领{dept}负责同志深入{town}{place}，实地调研{topic}工作。",
    "{md}，{county}{topic}{meeting}在县政府会议室召开，{role}{leader}出席会议并讲话。",
    "{leader}一行先后察看了{town}{village}的{industry}基地和{place}，详细了解{topic}进展情况。",
    "会议指出，{topic}工作事关{concern}，各乡镇、各部门要{action}，{action}。",
    "会议要求，要{action}，{action}，确保{goal}。",
    "{leader}强调，做好{topic}工作是当前的一项重要任务，要{action}，确保{goal}。",
    "据了解，今年以来{town}共{achievement}{amount}{unit}，同比增长{pct}%。",
    "截至目前，全县已{achievement}{amount}{unit}，完成年度任务的{pct}%。",
    "近年来，{town}立足资源优势，大力发展{industry}产业，带动{num2}户农户增收。",
    "活动当天，工作人员向过往群众发放宣传资料{num}余份，解答群众咨询{num2}人次。",
    "在座谈中，{leader}认真听取了{town}党委、政府的工作汇报，对{town}的工作给予充分肯定。",
    "{dept}有关负责人表示，下一步将{action}，推动{topic}工作再上新台阶。",
    "{village}党支部书记介绍，村里通过{industry}产业，人均纯收入达到{num}元。",
    "各乡镇和县直有关部门主要负责同志参加了会议。",
)
NOTICE_OPENINGS = (
    "为认真贯彻落实上级有关文件精神，切实做好{year}年{topic}工作，经县人民政府同意，现就有关事项通知如下：",
    "根据上级工作部署，结合我县实际，决定在全县范围内开展{topic}工作，现将有关事项通知如下：",
    "为进一步加强{topic}工作，{goal_clause}，现将有关事项通知如下：",
)
NOTICE_HEADINGS = (
    "工作目标",
    "主要任务",
    "工作步骤",
    "保障措施",
    "组织领导",
    "有关要求",
    "时间安排",
    "申报条件",
)
NOTICE_SENTENCES = (
    "各乡镇、各部门要{action}，主要领导要亲自抓，分管领导要具体抓。",
    "要按照属地管理的原则，{action}，确保{goal}。",
    "请各单位于{deadline}前将工作开展情况书面报送{dept_full}，逾期不报的予以通报。",
    "对工作不力、造成严重后果的，将依照有关规定追究相关人员的责任。",
    "联系人：{leader}，联系电话：{phone}。",
    "县{topic}工作领导小组办公室设在{dept_full}，负责日常工作。",
    "{dept_full}要会同有关部门，{action}，{action}。",
)
POLICY_SENTENCES = (
    "第{n}条  本办法适用于全县各乡镇人民政府、县直各单位的{topic}工作。",
    "第{n}条  各乡镇、各部门要建立健全{topic}工作责任制，{action}。",
    "第{n}条  考核结果作为年度绩效考评的重要依据，考核优秀的予以通报表扬。",
    "第{n}条  县财政每年安排{topic}专项资金，专款专用，任何单位和个人不得截留挪用。",
    "第{n}条  本办法由{dept_full}负责解释，自发布之日起施行。",
)
DATA_TABLE_SHAPES = (
    ("乡镇", ("户数", "人口（人）", "耕地面积（亩）")),
    ("项目", ("预算数（万元）", "执行数（万元）", "完成率（%）")),
    ("指标", ("本月", "累计", "同比增长（%）")),
    ("单位", ("计划任务", "已完成", "完成比例（%）")),
)
FINANCE_ITEMS = (
    "一般预算收入",
    "税收收入",
    "非税收入",
    "一般预算支出",
    "教育支出",
    "农林水事务支出",
    "社会保障和就业支出",
    "医疗卫生支出",
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
    departments: tuple[tuple[str, str, str, str], ...]
    industries: tuple[str, ...]
    index_prefix: str = field(default="")  # 索引号 prefix, e.g. 007563142


def person_name(rng: random.Random) -> str:
    """Return a plausible Chinese personal name."""
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.6:
        given += rng.choice(GIVEN_CHARS)
    return rng.choice(SURNAMES) + given


def make_county(rng: random.Random) -> County:
    """Invent a county with its towns, leaders and departments."""
    short = rng.choice(COUNTY_FIRST) + rng.choice(COUNTY_SECOND)
    while short[0] == short[1]:
        short = short[0] + rng.choice(COUNTY_SECOND)
    towns: list[str] = ["城关镇"]
    while len(towns) < rng.randint(8, 14):
        town = rng.choice(TOWN_FIRST) + rng.choice(TOWN_SECOND) + rng.choice("镇镇乡")
        if town not in towns and town[:2] != "城关":
            towns.append(town)
    leaders: list[tuple[str, str]] = []
    for role, count in ROLES:
        for _ in range(count):
            leaders.append((person_name(rng), role))
    industries = tuple(rng.sample(INDUSTRIES, 4))
    return County(
        name=short + "县",
        short=short,
        doc_prefix=short[0],
        prefecture=rng.choice(PREFECTURE_NAMES) + "市",
        towns=tuple(towns),
        leaders=tuple(leaders),
        departments=DEPARTMENTS,
        industries=industries,
        index_prefix=f"{rng.randrange(10**8, 10**9)}",
    )


def cn_date(day: date) -> str:
    """Format a date the way a 落款 shows it: 2008年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


class TextMaker:
    """Fills the templates with a county's names; all randomness comes from the given Random."""

    def __init__(self, county: County, rng: random.Random, theme: Theme | None = None) -> None:
        """Bind the county, the random source and optionally what the text is about."""
        self.county = county
        self.rng = rng
        self.theme = theme
        self.decks: dict[tuple[str, ...], list[str]] = {}

    def theme_for(self) -> Theme:
        """Draw what an article is about."""
        county = self.county
        rng = self.rng
        return Theme(
            topic=rng.choice(TOPICS),
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
        achievement, unit, low, high = rng.choice(ACHIEVEMENTS)
        town = rng.choice(county.towns)
        topic = rng.choice(TOPICS)
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
            "meeting": rng.choice(MEETINGS),
            "role": role,
            "leader": leader,
            "town": town,
            "village": rng.choice(TOWN_FIRST)
            + rng.choice(TOWN_SECOND)
            + rng.choice(VILLAGE_SUFFIX),
            "dept": dept[3],
            "dept_full": county.short + dept[0],
            "industry": industry,
            "place": rng.choice(PLACES),
            "concern": rng.choice(CONCERNS),
            "goal": rng.choice(GOALS),
            "achievement": achievement,
            "unit": unit,
            "num": str(rng.randint(12, 9800)),
            "amount": str(rng.randint(low, high)),
            "num2": str(rng.randint(20, 900)),
            "pct": f"{rng.randint(3, 98)}.{rng.randint(0, 9)}",
            "holiday": rng.choice(HOLIDAYS),
            "phone": f"0{rng.randint(771, 779)}-{rng.randint(5000000, 7999999)}",
            "deadline": f"{day.year}年{day.month}月{min(28, day.day + rng.randint(3, 20))}日",
            "goal_clause": "确保" + rng.choice(GOALS),
        }

    def fill(self, template: str, day: date) -> str:
        """Fill one template; repeated {action} slots each get a different phrase."""
        slots = self._slots(day)
        if "{action}" in template:
            actions = self.rng.sample(ACTIONS, template.count("{action}"))
            for action in actions:
                template = template.replace("{action}", action, 1)
        return template.format(**slots)

    def title(self, genre: str, day: date) -> str:
        """Return a headline for an item of the given column genre."""
        templates = {
            "news": NEWS_TITLES,
            "photo": PHOTO_TITLES,
            "notice": NOTICE_TITLES,
            "policy": POLICY_TITLES,
            "personnel": PERSONNEL_TITLES,
            "plan": PLAN_TITLES,
            "finance": FINANCE_TITLES,
        }[genre]
        return self.fill(self.rng.choice(templates), day)

    def draw(self, templates: tuple[str, ...]) -> str:
        """Return the next template from a shuffled deck, so an article rarely repeats itself."""
        deck = self.decks.get(templates)
        if not deck:
            deck = list(templates)
            self.rng.shuffle(deck)
            self.decks[templates] = deck
        return deck.pop()

    def news_paragraphs(self, day: date, count: int) -> list[str]:
        """Return news paragraphs; the first one carries the dateline."""
        paragraphs = [self.fill(NEWS_SENTENCES[self.rng.randrange(2)], day)]
        for _ in range(count - 1):
            sentences = [
                self.fill(self.draw(NEWS_SENTENCES[2:]), day) for _ in range(self.rng.randint(2, 4))
            ]
            paragraphs.append("".join(sentences))
        return paragraphs

    def notice_sections(self, day: date, count: int) -> list[tuple[str, list[str]]]:
        """Return numbered sections (heading, paragraphs) of a notice, headings in usual order."""
        numerals = "一二三四五六七八九十"
        headings = sorted(
            self.rng.sample(NOTICE_HEADINGS, min(count, len(NOTICE_HEADINGS))),
            key=NOTICE_HEADINGS.index,
        )
        sections = []
        for position, heading in enumerate(headings):
            paragraphs = [
                "".join(
                    self.fill(self.draw(NOTICE_SENTENCES), day)
                    for _ in range(self.rng.randint(1, 2))
                )
                for _ in range(self.rng.randint(1, 2))
            ]
            sections.append((f"{numerals[position]}、{heading}", paragraphs))
        return sections

    def notice_opening(self, day: date) -> str:
        """Return the opening paragraph of a notice."""
        return self.fill(self.rng.choice(NOTICE_OPENINGS), day)

    def regulation(self, day: date, count: int) -> list[str]:
        """Return the clauses of a regulation, 第一条 to the closing 本办法由...施行 clause."""
        numerals = "一二三四五六七八九十"
        templates = [*POLICY_SENTENCES[: count - 1], POLICY_SENTENCES[-1]]
        return [
            self.fill(template.replace("{n}", numerals[position]), day)
            for position, template in enumerate(templates)
        ]

    def data_table(self, genre: str) -> list[list[str]]:
        """Return a small statistics table, header row first."""
        rng = self.rng
        if genre == "finance":
            header = ["项目", "本月（万元）", "累计（万元）", "同比增长（%）"]
            labels = rng.sample(FINANCE_ITEMS, rng.randint(4, len(FINANCE_ITEMS)))
        else:
            first, columns = rng.choice(DATA_TABLE_SHAPES)
            header = [first, *columns]
            if first == "乡镇":
                labels = list(self.county.towns[: rng.randint(3, len(self.county.towns))])
            elif first == "单位":
                labels = [dept[3] for dept in rng.sample(self.county.departments, 5)]
            else:
                labels = [f"{topic}" for topic in rng.sample(TOPICS, rng.randint(3, 7))]
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
        return self.fill(
            self.rng.choice(
                (
                    "图为{leader}在{town}{place}察看{topic}工作情况",
                    "图为{town}群众在{industry}基地劳作",
                    "图为{county}{topic}{meeting}现场",
                    "图为工作人员向群众发放{topic}宣传资料",
                )
            ),
            day,
        )

    def attachment_name(self, day: date) -> str:
        """Return the display name of an attachment (without extension)."""
        return self.fill(
            self.rng.choice(
                (
                    "{year}年{topic}工作情况统计表",
                    "{topic}专项资金申报表",
                    "{county}{topic}工作领导小组成员名单",
                    "报名登记表",
                    "{year}年{topic}实施细则",
                )
            ),
            day,
        )

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
            f"（{'一二三四五'[position]}）{text.format(field=field_name)}。"
            for position, text in enumerate(DEPARTMENT_DUTIES)
        ]
