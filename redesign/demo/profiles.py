"""The places of the demo cluster: counties, their industries and the portal.

Counties are real places; every figure, enterprise and product here is made up for the demo.
"""

from __future__ import annotations

from dataclasses import dataclass

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
PORTAL_HOSTNAME = "127.0.0.1"
