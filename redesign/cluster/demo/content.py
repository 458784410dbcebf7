"""Chinese sample content for the demo cluster, generated from templates and word lists.

Counties are real places but every person, figure, enterprise, document and event here is made
up for the demo; the pages say so. Content is deterministic for a given seed and "now".
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

SEED = 20260806

# --------------------------------------------------------------------------------------------
# Profiles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigure:
    """A headline figure: value, unit, label and note."""

    value: str
    unit: str
    label: str
    note: str = ""

    def as_block_value(self) -> dict[str, str]:
        """The value of a KeyFigureBlock."""
        return {"value": self.value, "unit": self.unit, "label": self.label, "note": self.note}


@dataclass(frozen=True)
class Enterprise:
    """A (made-up) local enterprise or cooperative."""

    name: str
    description: str
    products: str
    address: str
    phone: str


@dataclass(frozen=True)
class Product:
    """A local product, with the colour its generated picture uses."""

    name: str
    description: str
    origin: str
    season: str
    colour: str


@dataclass(frozen=True)
class Industry:
    """A specialty or pillar industry of a county."""

    slug: str
    title: str
    kind: str  # "specialty" or "pillar"
    summary: str
    intro: str
    figures: tuple[KeyFigure, ...]
    enterprises: tuple[Enterprise, ...]
    products: tuple[Product, ...]
    palette: str
    history: str
    short: str = ""

    @property
    def short_name(self) -> str:
        """The industry's name without 产业, as used in running text."""
        return self.short or self.title.removesuffix("产业")


@dataclass(frozen=True)
class County:
    """A county (or county-level city) of the demo cluster and its identity."""

    key: str
    name: str  # 那坡县
    unit: str  # 县 or 市
    abbr: str  # 那, as in 那政办发
    code: str  # administrative division code, the prefix of invented identity codes
    towns: tuple[str, ...]
    slogan: str
    subtitle: str
    primary_color: str
    accent_color: str
    palette: str
    area: str
    population: str
    gdp: str
    border: bool
    postcode: str
    phone: str
    features: str
    history: str
    industries: tuple[Industry, ...]

    @property
    def full_name(self) -> str:
        """The government's name, e.g. 那坡县人民政府."""
        return f"{self.name}人民政府"

    @property
    def office(self) -> str:
        """The government office, e.g. 那坡县人民政府办公室."""
        return f"{self.full_name}办公室"

    @property
    def hostname(self) -> str:
        """The demo hostname, e.g. napo.localhost."""
        return f"{self.key}.localhost"

    @property
    def seat(self) -> str:
        """The town where the government sits."""
        return self.towns[0]

    @property
    def address(self) -> str:
        """The government's (made-up) address."""
        return f"{self.name}{self.seat}政府路{int(self.code[-2:]) % 9 + 1}号"

    @property
    def media_centre(self) -> str:
        """The county's media centre, the usual 来源 of news."""
        return f"{self.name}融媒体中心"

    def dept(self, suffix: str) -> str:
        """A department's full name, e.g. 那坡县农业农村局."""
        return f"{self.name}{suffix}"


DEPARTMENTS = (
    "发展和改革局",
    "教育局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电体育和旅游局",
    "卫生健康局",
    "应急管理局",
    "市场监督管理局",
    "林业局",
    "民政局",
    "司法局",
    "统计局",
    "医疗保障局",
    "退役军人事务局",
)


def _figures(*rows: tuple[str, str, str, str]) -> tuple[KeyFigure, ...]:
    """Key figures from (value, unit, label, note) rows."""
    return tuple(KeyFigure(*row) for row in rows)


NAPO = County(
    key="napo",
    name="那坡县",
    unit="县",
    abbr="那",
    code="451026",
    towns=("城厢镇", "龙泉镇", "平安乡", "德兴乡", "百合乡", "坡头乡", "云岭乡"),
    slogan="边关那坡 桑绿蚕肥",
    subtitle="守好边关、做强特色，建设宜居宜业的边境新县城",
    primary_color="#0b6e4f",
    accent_color="#c8161d",
    palette="green",
    area="2231",
    population="22.4",
    gdp="61.8",
    border=True,
    postcode="533900",
    phone="0776-6821001",
    features="地处祖国西南边陲，山清水秀，民族风情浓郁，桑蚕、八角和黑猪是全县的特色产业。",
    history="县境历史悠久，民国时期始设县治，新中国成立后几经调整，形成今天的行政区划。",
    industries=(
        Industry(
            slug="sangcan",
            title="桑蚕产业",
            kind="pillar",
            summary="“桑绿蚕肥”的山区富民产业，全县近半数农户种桑养蚕。",
            intro="桑蚕产业是全县第一大农业支柱产业，形成了种桑、养蚕、缫丝到桑枝综合利用的"
            "完整产业链，带动山区群众在家门口稳定增收。",
            figures=_figures(
                ("12.8", "万亩", "桑园面积", "演示数据"),
                ("1.9", "万吨", "年产鲜茧", ""),
                ("9.6", "亿元", "综合产值", ""),
                ("2.1", "万户", "带动蚕农", ""),
            ),
            enterprises=(
                Enterprise(
                    "那坡桑源茧丝有限公司",
                    "集收茧、烘茧、缫丝于一体的县级农业产业化重点企业，年加工鲜茧三千余吨。",
                    "白厂丝、双宫丝、蚕丝被",
                    "那坡县城厢镇桑园路6号",
                    "0776-6820116",
                ),
                Enterprise(
                    "那坡县龙泉镇蚕桑专业合作社",
                    "统一供种、统一技术、统一收购，带动周边八个村发展小蚕共育。",
                    "鲜茧、小蚕",
                    "那坡县龙泉镇龙泉村",
                    "0776-6851208",
                ),
            ),
            products=(
                Product(
                    "那坡鲜茧", "茧形匀称、茧层厚实，解舒好。", "全县各乡镇", "4月至11月", "#f4efe1"
                ),
                Product(
                    "桑枝木耳", "利用修剪下的桑枝栽培，肉厚爽脆。", "龙泉镇", "全年", "#4a3226"
                ),
            ),
            palette="green",
            history="县内种桑养蚕由来已久，近年通过推广良种桑、方格蔟和省力化蚕台，产量和"
            "效益大幅提高。",
        ),
        Industry(
            slug="bajiao",
            title="八角产业",
            kind="specialty",
            summary="山坡上的“香料宝库”，八角干果香气浓郁。",
            intro="八角是县内传统的林下经济和特色香料产业，通过低产林改造和精深加工，八角"
            "茴油、香料包等产品畅销区内外。",
            figures=_figures(
                ("18.5", "万亩", "种植面积", "演示数据"),
                ("1.2", "万吨", "年产干果", ""),
                ("4.3", "亿元", "年产值", ""),
            ),
            enterprises=(
                Enterprise(
                    "那坡县云岭香料加工厂",
                    "从事八角烘干、分级和茴油提炼，建有标准化烘干生产线两条。",
                    "八角干果、八角茴油",
                    "那坡县云岭乡工业集中区",
                    "0776-6862039",
                ),
            ),
            products=(
                Product(
                    "八角干果",
                    "角瓣饱满、色泽红褐、香气浓郁。",
                    "云岭乡、坡头乡",
                    "9月至11月",
                    "#8b3a1a",
                ),
                Product(
                    "八角茴油", "以鲜果蒸馏提取，可用于食品调味。", "云岭乡", "全年", "#d9a441"
                ),
            ),
            palette="forest",
            history="八角林多分布在海拔较高的山区，当地群众世代采收，近年推广矮化丰产技术。",
        ),
        Industry(
            slug="heizhu",
            short="黑猪",
            title="黑猪养殖",
            kind="specialty",
            summary="山区放养的本地黑猪，肉质细嫩、风味独特。",
            intro="本地黑猪耐粗饲、抗病力强，全县推行“合作社＋农户”的生态养殖模式，打造"
            "地方特色畜产品品牌。",
            figures=_figures(
                ("8.6", "万头", "年出栏", "演示数据"),
                ("3.4", "亿元", "产值", ""),
                ("36", "个", "标准化养殖场", ""),
            ),
            enterprises=(
                Enterprise(
                    "那坡县德兴乡黑猪养殖专业合作社",
                    "实行统一品种、统一防疫、统一销售，带动农户生态养殖。",
                    "黑猪仔猪、商品猪",
                    "那坡县德兴乡德兴村",
                    "0776-6873321",
                ),
            ),
            products=(
                Product("黑猪鲜肉", "肥瘦相间、肉香浓郁。", "德兴乡、平安乡", "全年", "#9b2d2d"),
                Product("烟熏腊肉", "按传统工艺柴火熏制。", "平安乡", "11月至次年2月", "#6b2a1a"),
            ),
            palette="hills",
            history="黑猪是当地群众世代饲养的地方品种，列入县级畜禽遗传资源保护名录。",
        ),
    ),
)

JINGXI = County(
    key="jingxi",
    name="靖西市",
    unit="市",
    abbr="靖",
    code="451081",
    towns=("新靖镇", "旧州镇", "湖润镇", "安宁乡", "龙邦镇", "渠洋镇", "化峒镇"),
    slogan="山水靖西 绣球之乡",
    subtitle="以山水为底色、以产业为支撑，建设边关旅游名城",
    primary_color="#8a1c2b",
    accent_color="#d98a00",
    palette="karst",
    area="3322",
    population="66.9",
    gdp="258.6",
    border=True,
    postcode="533800",
    phone="0776-6212002",
    features="喀斯特山水秀美，气候宜人，香糯、大果山楂和手工绣球远近闻名。",
    history="境内历史文化积淀深厚，古镇、古道和民间技艺保存完好，后撤县设市。",
    industries=(
        Industry(
            slug="xiangnuo",
            title="香糯产业",
            kind="specialty",
            summary="粒大饱满、蒸煮飘香的地方名优糯稻。",
            intro="香糯是当地传统名优稻种，全市推广“香糯＋稻田养鱼”生态种养，开发粽子、"
            "糯米糍粑等系列产品。",
            figures=_figures(
                ("6.2", "万亩", "种植面积", "演示数据"),
                ("2.4", "万吨", "年产量", ""),
                ("3.1", "亿元", "综合产值", ""),
            ),
            enterprises=(
                Enterprise(
                    "靖西市稻香农产品加工有限公司",
                    "以订单收购带动农户种植香糯，建有粽子和糍粑生产线。",
                    "香糯米、香糯粽子、糍粑",
                    "靖西市新靖镇工业园稻香路3号",
                    "0776-6210318",
                ),
            ),
            products=(
                Product(
                    "香糯米",
                    "米粒洁白、黏而不腻，清香持久。",
                    "湖润镇、化峒镇",
                    "10月至次年3月",
                    "#f2ead3",
                ),
                Product("香糯粽子", "以香糯米和本地黑豆、猪肉包制。", "新靖镇", "全年", "#3f6b2a"),
            ),
            palette="fields",
            history="香糯种植已有数百年历史，是当地逢年过节必不可少的食材。",
        ),
        Industry(
            slug="shanzha",
            title="大果山楂",
            kind="specialty",
            summary="果大肉厚、酸甜适中，制成果脯果汁畅销各地。",
            intro="大果山楂是全市重点培育的特色水果产业，形成了种植、加工、销售一体的产业"
            "链，带动山区群众增收。",
            figures=_figures(
                ("9.8", "万亩", "种植面积", "演示数据"),
                ("7.5", "万吨", "年产鲜果", ""),
                ("5.2", "亿元", "综合产值", ""),
            ),
            enterprises=(
                Enterprise(
                    "靖西市红果食品有限公司",
                    "主要生产山楂果脯、山楂饮料和山楂糕，产品销往十余个省份。",
                    "山楂果脯、山楂汁、山楂糕",
                    "靖西市渠洋镇果园路12号",
                    "0776-6233509",
                ),
                Enterprise(
                    "靖西市安宁乡山楂种植专业合作社",
                    "推广矮化密植和病虫害绿色防控，统一品牌销售鲜果。",
                    "大果山楂鲜果",
                    "靖西市安宁乡安宁村",
                    "0776-6245117",
                ),
            ),
            products=(
                Product(
                    "大果山楂",
                    "单果重可达二三十克，酸甜可口。",
                    "渠洋镇、安宁乡",
                    "9月至11月",
                    "#c0262d",
                ),
                Product("山楂果脯", "低糖工艺制作，保留果香。", "渠洋镇", "全年", "#a5312f"),
            ),
            palette="karst",
            history="大果山楂在当地有较长栽培历史，近年通过品种改良，果型和品质明显提升。",
        ),
        Industry(
            slug="xiuqiu",
            short="绣球",
            title="绣球文化产业",
            kind="specialty",
            summary="一针一线绣出来的民族手工艺品和文旅名片。",
            intro="手工绣球是当地的传统民间工艺，绣娘们在家门口接单制作，绣球产业与乡村"
            "旅游融合发展，成为文旅融合的亮点。",
            figures=_figures(
                ("1.5", "万人", "从业绣娘", "演示数据"),
                ("120", "万个", "年产绣球", ""),
                ("1.8", "亿元", "年产值", ""),
            ),
            enterprises=(
                Enterprise(
                    "靖西市旧州绣球工艺品专业合作社",
                    "组织绣娘开展技能培训，统一接单、统一验收、统一销售。",
                    "传统绣球、文创绣球挂件",
                    "靖西市旧州镇绣球街18号",
                    "0776-6258806",
                ),
            ),
            products=(
                Product("传统绣球", "十二瓣绣片拼成，图案寓意吉祥。", "旧州镇", "全年", "#d63b3b"),
                Product("文创挂件", "小巧精致，适合作为旅游纪念品。", "旧州镇", "全年", "#e0a21b"),
            ),
            palette="village",
            history="绣球是壮族传统的吉祥信物，当地绣娘代代相传，技艺精湛。",
        ),
    ),
)

DEBAO = County(
    key="debao",
    name="德保县",
    unit="县",
    abbr="德",
    code="451024",
    towns=("城关镇", "足荣镇", "马隘镇", "燕峒乡", "东凌镇", "都安乡", "荣华乡"),
    slogan="橙香德保 红枫迎客",
    subtitle="做强脐橙、擦亮矮马，奋力建设生态文旅强县",
    primary_color="#1d4f91",
    accent_color="#e3731c",
    palette="autumn",
    area="2575",
    population="36.2",
    gdp="142.3",
    border=False,
    postcode="533700",
    phone="0776-3822003",
    features="群山连绵，溪流纵横，脐橙、矮马和红枫林是全县的三张名片。",
    history="县境建置历史悠久，山水人文资源丰富，民间歌谣和传统节庆保留至今。",
    industries=(
        Industry(
            slug="qicheng",
            title="脐橙产业",
            kind="pillar",
            summary="果大皮薄、汁多化渣的山地脐橙。",
            intro="脐橙是全县的支柱产业，全县推广水肥一体化和绿色防控技术，建成多个标准化"
            "示范园，鲜果通过电商销往全国。",
            figures=_figures(
                ("15.6", "万亩", "种植面积", "演示数据"),
                ("21.3", "万吨", "年产量", ""),
                ("12.4", "亿元", "综合产值", ""),
                ("3.6", "万户", "带动果农", ""),
            ),
            enterprises=(
                Enterprise(
                    "德保县橙乡果业有限公司",
                    "建有脐橙分选线和冷库，年分选包装鲜果五万余吨。",
                    "鲜脐橙、脐橙礼盒",
                    "德保县城关镇果业物流园1号",
                    "0776-3820128",
                ),
                Enterprise(
                    "德保县足荣镇脐橙种植专业合作社",
                    "带动果农统一生产标准，开展技术培训和产销对接。",
                    "鲜脐橙",
                    "德保县足荣镇足荣村",
                    "0776-3846020",
                ),
            ),
            products=(
                Product(
                    "德保脐橙",
                    "果形端正、橙红艳丽、酸甜适口。",
                    "足荣镇、东凌镇",
                    "11月至次年2月",
                    "#f28c18",
                ),
                Product("脐橙果酱", "以鲜果熬制，口感浓郁。", "城关镇", "全年", "#e8741a"),
            ),
            palette="orchard",
            history="全县种植脐橙已有二十余年，逐步形成规模化、标准化的产业基地。",
        ),
        Industry(
            slug="aima",
            short="矮马",
            title="矮马产业",
            kind="specialty",
            summary="体型小巧、性情温顺的地方马种，发展保种和文旅体验。",
            intro="矮马是珍稀的地方马种，全县建设保种场和矮马文化体验区，推动保种繁育与"
            "乡村旅游融合发展。",
            figures=_figures(
                ("3200", "匹", "存栏量", "演示数据"),
                ("1", "个", "县级保种场", ""),
                ("15", "万人次", "年接待游客", ""),
            ),
            enterprises=(
                Enterprise(
                    "德保县矮马保种繁育中心",
                    "承担地方矮马保种选育任务，开放科普展示和骑乘体验。",
                    "矮马种马、科普研学",
                    "德保县马隘镇矮马路9号",
                    "0776-3858112",
                ),
            ),
            products=(
                Product("矮马研学", "面向中小学生的科普研学课程。", "马隘镇", "全年", "#8c5a3c"),
                Product("矮马文创", "以矮马为原型设计的布偶和书签。", "城关镇", "全年", "#b07a4f"),
            ),
            palette="meadow",
            history="当地矮马体高多在一米左右，长期适应山区环境，被列为地方重点保护品种。",
        ),
        Industry(
            slug="hongfeng",
            short="红枫旅游",
            title="红枫生态旅游",
            kind="specialty",
            summary="秋冬漫山红叶，生态旅游带旺乡村民宿。",
            intro="全县依托连片红枫林发展生态旅游，完善景区道路和游客服务设施，带动周边"
            "村屯发展民宿、农家乐和土特产销售。",
            figures=_figures(
                ("4.3", "万亩", "红枫林面积", "演示数据"),
                ("68", "万人次", "年接待游客", ""),
                ("5.9", "亿元", "旅游收入", ""),
            ),
            enterprises=(
                Enterprise(
                    "德保县枫林乡村旅游发展有限公司",
                    "负责红枫景区运营，联营周边民宿和农家乐。",
                    "景区观光、民宿、研学",
                    "德保县燕峒乡枫林村",
                    "0776-3867321",
                ),
            ),
            products=(
                Product(
                    "红枫观光",
                    "每年十一月至次年一月为最佳观赏期。",
                    "燕峒乡",
                    "11月至次年1月",
                    "#b3261e",
                ),
                Product("枫林民宿", "依山而建的特色民宿。", "燕峒乡", "全年", "#7a4b2a"),
            ),
            palette="autumn",
            history="连片的枫香林是多年封山育林的成果，如今已成为远近闻名的赏秋胜地。",
        ),
    ),
)

COUNTIES: tuple[County, ...] = (NAPO, JINGXI, DEBAO)


@dataclass(frozen=True)
class Portal:
    """The cluster's portal site."""

    name: str = "百色市网群"
    full_name: str = "百色市网群门户"
    code: str = "451000"
    organizer: str = "百色市人民政府办公室"
    operator: str = "百色市网群运营中心"
    address: str = "百色市右江区城东大道88号网群运营中心"
    postcode: str = "533000"
    phone: str = "0776-2800000"
    primary_color: str = "#0b4ea2"
    accent_color: str = "#c8161d"
    palette: str = "river"


PORTAL = Portal()

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
        self._doc_numbers: dict[str, int] = {}
        self._index_seq = 0

    # -- small helpers ------------------------------------------------------------------------

    def pick(self, seq):
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

    def unique(self, make) -> str:
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
            "pct": f"{self.rng.randint(21, 189) / 10:.1f}",
            "person": self.person(),
            "role": self.leader_role(),
        }
        values.update(extra)
        return template.format(**values)

    # -- news (要闻, 政务动态) --------------------------------------------------------------------

    NEWS_TITLES = (
        "{county}召开{topic}工作推进会",
        "{county}部署{year}年{topic}工作",
        "{unit}领导深入{town}调研{topic}工作",
        "{county}{topic}工作取得阶段性成效",
        "{town}：{industry}产业铺就群众增收路",
        "{county}召开{unit}人民政府第{seq}次常务会议",
        "{county}开展{campaign}集中宣传活动",
        "{county}举办{year}年{event}",
        "{county}：{measure}  {goal}",
        "{county}多措并举推进{topic}",
        "{town}：{industry}产业提质增效",
        "{county}召开{topic}专题调度会",
    )
    GOV_TITLES = (
        "{dept}召开{topic}专题会议",
        "{dept}开展{campaign}宣传进村屯活动",
        "{dept}深入{town}开展{service}服务",
        "{town}扎实推进{topic}",
        "{dept}组织开展{training}培训",
        "{dept}召开{year}年第{quarter}季度工作推进会",
        "{town}召开{topic}工作部署会",
        "{dept}督查指导{town}{topic}工作",
        "{dept}{topic}工作取得新进展",
    )
    NEWS_OPENINGS = (
        "{date}，{county}召开{topic}工作推进会，总结前一阶段工作，部署下一步任务。{unit}领导{person}出席会议并讲话。",
        "{date}，{unit}领导{person}率相关部门负责人深入{town}，实地调研{topic}工作开展情况。",
        "近日，{county}围绕{goal}，聚焦{topic}重点任务，组织各乡镇和有关部门集中开展工作。",
        "{date}，记者从{dept}获悉，今年以来全{unit}{topic}工作稳步推进，各项指标完成情况好于预期。",
        "{date}上午，{town}人头攒动、热闹非凡，一场以“{topic}”为主题的活动在这里举行。",
    )
    NEWS_MIDDLES = (
        "会议指出，{topic}事关群众切身利益，各乡镇、各部门要提高认识，切实增强责任感和紧迫感。",
        "会议要求，要坚持问题导向，聚焦薄弱环节，{measure}，确保各项任务落地见效。",
        "今年以来，{county}累计投入资金{n}00万元，实施相关项目{m}个，惠及群众{k}万人。",
        "在{town}，工作人员逐户走访，详细了解群众需求，现场解答政策疑问{n}条。",
        "据了解，{town}立足资源禀赋，因地制宜发展{industry}产业，带动{n}户群众稳定增收。",
        "调研中，{person}详细询问了项目进度、资金使用和群众受益情况，对取得的成效给予肯定。",
        "{dept}负责人介绍，下一步将{measure}，同时加强督查检查，对工作滞后的单位及时通报。",
        "截至目前，全{unit}已完成年度目标任务的{pct}%，{topic}各项重点工作有序推进。",
        "活动现场设置政策咨询台{m}个，发放宣传资料{n}00余份，群众参与热情高涨。",
        "“以前{old}，现在{new}，日子越过越有奔头。”{town}群众{person}高兴地说。",
    )
    NEWS_CLOSINGS = (
        "下一步，{county}将持续{measure}，以实干实绩推动{topic}工作再上新台阶。",
        "会议强调，要压实工作责任，加强统筹协调，确保年度目标任务全面完成。",
        "{county}将以此为契机，进一步{measure}，为{goal}提供有力保障。",
    )
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
            "date": f"{when.month}月{when.day}日",
            "old": self.pick(self.QUOTES_BEFORE),
            "new": self.pick(self.QUOTES_AFTER),
        }
        templates = self.GOV_TITLES if government else self.NEWS_TITLES
        template, title = self.pick(templates), ""
        for _attempt in range(30):
            title = self.fill(template, **extra).replace("  ", "　")
            if title not in self._titles:
                break
            template = self.pick(templates)
            extra["dept"], extra["town"] = self.department(), self.town()
        else:
            title = f"{title}（{len(self._titles) + 1}）"
        self._titles.add(title)
        opening = self.fill(self.pick(self.NEWS_OPENINGS), **extra)
        middles = [
            self.fill(sentence, **extra)
            for sentence in self.rng.sample(self.NEWS_MIDDLES, self.rng.randint(3, 5))
        ]
        closing = self.fill(self.pick(self.NEWS_CLOSINGS), **extra)
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
            source = self.pick(
                (self.county.media_centre, self.county.media_centre, self.department())
            )
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

    NOTICE_KINDS = (
        ("关于做好{year}年{topic}工作的通知", "政办发", "office"),
        ("关于开展{year}年{campaign}宣传活动的通知", "政办电", "office"),
        ("关于公开招聘{m}名{role_job}的公告", "", "dept"),
        ("关于{road}施工期间实行临时交通管制的通告", "", "dept"),
        ("关于{year}年{subsidy}发放情况的公示", "", "dept"),
        ("关于{town}部分区域计划停水的通知", "", "water"),
        ("关于征求《{county}{plan}（征求意见稿）》意见的公告", "", "dept"),
        ("关于召开{year}年{topic}工作会议的通知", "政办电", "office"),
        ("关于{year}年国庆节、中秋节期间值班安排的通知", "政办电", "office"),
    )
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
    PLANS = (
        "重点民生实事项目实施方案",
        "深化营商环境改革若干措施",
        "农村人居环境整治提升行动方案",
        "特色产业高质量发展三年行动方案",
        "突发事件总体应急预案",
        "耕地保护和粮食安全责任制考核办法",
        "政府信息公开工作实施办法",
        "城乡供水一体化实施方案",
        "全民健身实施计划",
        "养老服务体系建设实施方案",
    )

    def notice_article(self, column: str, when: datetime.datetime) -> ArticleSpec:
        """A 通知公告 item, most with a 文号 and issuing body."""
        county = self.county
        topic = self.topic(when.date())
        template, number_kind, issuer_kind = self.pick(self.NOTICE_KINDS)
        extra = {
            "topic": topic.name,
            "year": str(when.year),
            "campaign": self.pick(CAMPAIGNS),
            "role_job": self.pick(self.JOBS),
            "road": f"{county.seat}{self.pick(('民族路', '朝阳路', '滨河路', '建设路', '新华街'))}",
            "subsidy": self.pick(self.SUBSIDIES),
            "plan": self.pick(self.PLANS),
        }
        if "国庆节" in template and when.month not in (9, 10):
            template, number_kind, issuer_kind = self.NOTICE_KINDS[0]
        title = self.unique(lambda: self.fill(template, **extra))
        if issuer_kind == "office":
            issuer = county.office
        elif issuer_kind == "water":
            issuer = f"{county.name}城乡供水有限公司"
        else:
            issuer = self.department()
        number = self.document_number(number_kind, when.year) if number_kind else ""
        if not number and self.rng.random() < 0.3:
            number = self.document_number("政通", when.year)
        if "通知" in title:
            addressee = f"各乡（镇）人民政府，{county.unit}直各有关单位："
        else:
            addressee = ""
        paragraphs = [
            p
            for p in (
                addressee,
                self.fill(
                    "为认真落实{topic}工作部署，切实做好相关工作，经研究，现将有关事项通知如下：",
                    topic=topic.name,
                ),
            )
            if p
        ]
        items = [
            f"{cn_number(i + 1)}、{self.fill(sentence, topic=topic.name, measure=measure)}"
            for i, (sentence, measure) in enumerate(
                zip(
                    self.rng.sample(self.NOTICE_ITEMS, 3),
                    self.rng.sample(list(topic.measures), 3),
                    strict=True,
                )
            )
        ]
        phone = f"{county.phone[:5]}{self.rng.randint(6800000, 6899999)}"
        contact = f"联系人：{self.person()}，联系电话：{phone}。"
        closing = [
            contact,
            "特此通知。" if "通知" in title else "特此公告。",
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
            author="",
            document_number=number,
            issuing_body=issuer,
            written_date=(when - datetime.timedelta(days=self.rng.randint(0, 3))).date(),
        )
        if self.rng.random() < 0.4:
            spec.attachment = "docx"
            spec.attachment_title = (
                f"附件：{self.pick(('报名登记表', '情况统计表', '工作联系表', '申报表'))}"
            )
        return spec

    NOTICE_ITEMS = (
        "时间安排。各单位要按照时间节点，于每月25日前报送{topic}工作进展情况。",
        "工作要求。各有关单位要{measure}，主要负责同志要亲自抓、负总责。",
        "保障措施。{unit}财政要统筹安排工作经费，各乡镇要配齐配强工作力量。",
        "督查考核。{unit}人民政府督查室将适时开展专项督查，结果纳入年度绩效考评。",
        "信息报送。请各单位明确一名联络员，及时报送工作信息和典型经验。",
        "宣传引导。要充分利用广播、网站和微信公众号等渠道，广泛宣传{topic}有关政策。",
    )

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
        topic = self.topic(when.date())
        template, number_kind, issuer_kind = self.pick(self.POLICY_TITLES)
        plan = self.pick(self.PLANS)
        title = self.unique(
            lambda: self.fill(
                template,
                full_name=county.full_name,
                office=county.office,
                plan=self.pick(self.PLANS),
                topic=topic.name,
            )
        )
        if "《" in title:
            plan = title.split("《", 1)[1].split("》", 1)[0].removeprefix(county.name)
        issuer = county.full_name if issuer_kind == "gov" else county.office
        written = (when - datetime.timedelta(days=self.rng.randint(2, 12))).date()
        tasks = [
            f"（{cn_number(i + 1)}）{self.fill(task, topic=topic.name, measure=measure)}"
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
