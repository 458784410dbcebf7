"""Originality: copies and light rewrites flagged, shared boilerplate not; each site's 原创 share.

Every text here is written for these tests: a news story and its copies (exact, with place names
and figures changed, reordered, with an introduction, inside a weekly round-up), notices of a
停水 and of a 招聘 template, and 意见 documents sharing a county's stock phrases.
"""

import difflib
import json
from collections import Counter
from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redesign.cluster.provisioning import create_county_site
from redesign.core.models import ArticlePage
from redesign.guarantee.models import Fingerprint, FingerprintBand, NearDuplicate
from redesign.guarantee.originality import (
    BANDS,
    THRESHOLD,
    buckets,
    clause_keys,
    clauses,
    detect,
    detection,
    normalise,
    originality_by_site,
    refresh_fingerprint,
    similarity,
)
from tests.conftest import add_article, column_of

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 26)

NAPO_TEXT = (
    "今年以来，那坡县坚持以人民为中心的发展思想，扎实推进乡村振兴战略，全县农村居民人均可支配收入"
    "同比增长7.2%。县委、县政府把产业发展作为乡村振兴的重中之重，因地制宜发展八角、桑蚕、油茶等"
    "特色产业，新建高标准农田2.3万亩，改造农村公路86公里。与此同时，全县持续加强农村基础设施建设，"
    "完成饮水安全巩固提升工程32处，惠及群众4.6万人。下一步，那坡县将继续巩固拓展脱贫攻坚成果，"
    "推动乡村产业、人才、文化、生态、组织全面振兴，让群众过上更加美好的生活。"
)
# The same news with the place changed in five spots and two sentences swapped.
REWRITTEN = (
    "今年以来，靖西市坚持以人民为中心的发展思想，扎实推进乡村振兴战略，全市农村居民人均可支配收入"
    "同比增长7.2%。与此同时，全市持续加强农村基础设施建设，完成饮水安全巩固提升工程32处，惠及群众"
    "4.6万人。市委、市政府把产业发展作为乡村振兴的重中之重，因地制宜发展八角、桑蚕、油茶等特色产业，"
    "新建高标准农田2.3万亩，改造农村公路86公里。下一步，靖西市将继续巩固拓展脱贫攻坚成果，推动乡村"
    "产业、人才、文化、生态、组织全面振兴，让群众过上更加美好的生活。"
)
OTHER_TEXT = (
    "3月5日，县人民医院组织医护人员深入边境村屯开展义诊活动，为群众免费测量血压、血糖，发放健康宣传"
    "资料1200余份。活动现场，医生们耐心解答群众关于高血压、糖尿病等慢性病防治的问题，并对行动不便的"
    "老人进行入户随访。此次义诊活动共服务群众800余人次，受到当地群众的一致好评。县卫健局表示，将常态化"
    "开展送医下乡活动，把优质医疗服务送到群众家门口。"
)

STORY_SENTENCES = [
    "6月18日，隆林各族自治县德峨镇第三届油茶文化节在弄英村开幕，来自周边6个乡镇的2000余名群众参加。",
    "文化节以“油茶飘香 助力振兴”为主题，设置油茶产品展销、茶油压榨技艺展示、苗族芦笙表演等环节。",
    "近年来，德峨镇依托山地气候优势，引导农户采用“合作社+基地+农户”模式种植高产油茶1.8万亩，"
    "建成标准化压榨车间3个，去年全镇茶油产量达到420吨，带动1600多户群众户均增收5800元。",
    "开幕式上，镇党委负责同志为评选出的10户油茶种植示范户颁发奖牌，并与两家电商企业签订了产销协议。",
    "活动期间，镇农技站还组织专家在田间地头开展低产林改造培训，现场讲解修枝、施肥和病虫害防治要点。",
    "下一步，德峨镇将继续延伸油茶产业链条，打造“德峨山茶油”区域公用品牌，让小油茶真正成为群众致富的"
    "大产业。",
]
STORY = "".join(STORY_SENTENCES)
# Another county's "own" report: places, figures and a few words changed (about 14% of it).
STORY_RETOLD = (
    "6月20日，西林县那佐镇第三届油茶文化节在那兰村开幕，来自周边5个乡镇的3000余名群众参加。"
    "文化节以“油茶飘香 助力振兴”为主题，设置油茶产品展销、茶油压榨技艺展示、壮族山歌对唱等环节。"
    "近年来，那佐镇依托山地气候优势，引导农户采用“合作社+基地+农户”模式种植高产油茶2.1万亩，"
    "建成标准化压榨车间4个，去年全镇茶油产量达到390吨，带动1400多户群众户均增收6200元。"
    "开幕式上，镇党委主要领导为评选出的12户油茶种植示范户颁发奖牌，并与三家电商企业签订了销售协议。"
    "活动期间，镇农业服务中心还组织专家在田间地头开展低产林改造培训，现场讲解修枝、施肥和病虫害防治要点。"
    "下一步，那佐镇将继续延伸油茶产业链条，打造“那佐山茶油”区域公用品牌，让小油茶真正成为群众致富的大产业。"
)
# The same, reworded further: about 20% of the characters changed.
STORY_REWORDED = (
    "6月21日，西林县那佐乡第四届油茶文化节在那兰村开幕，来自周边5个乡镇的3000名群众参加。"
    "文化节以“油茶飘香 共促振兴”为主题，设置油茶产品展销、茶油压榨技艺展示、壮族山歌对唱等环节。"
    "近几年，那佐乡依托山区气候优势，引导群众采用“合作社+基地+农户”模式种植高产油茶2.1万亩，"
    "建成标准化压榨车间4个，去年全乡茶油产量达到390吨，带动1400多户群众户均增收6200元。"
    "开幕式上，乡党委主要领导为评选出的12户油茶种植示范户颁发奖牌，并与三家电商企业签订了销售协议。"
    "活动期间，乡农业服务中心还邀请专家在田间地头开展低产林改造培训，现场讲解修枝、施肥和病虫害防治要点。"
    "下一步，那佐乡将持续延伸油茶产业链条，打造“那佐山茶油”区域公用品牌，让小油茶真正成为农民致富的大产业。"
)
STORY_REORDERED = "".join(STORY_SENTENCES[index] for index in (2, 0, 4, 1, 5, 3))
STORY_INTRODUCED = (
    "编者按：油茶是我市山区群众增收的重要产业。近期各地陆续举办油茶主题活动，推动产销对接、技术下乡。"
    "本网刊发相关报道，供各地学习借鉴。" + STORY
)
# The story as one item of a weekly round-up twice its length.
ROUND_UP = (
    "本周，全市各县区围绕特色产业发展开展了一系列活动。田林县举办芒果产业发展论坛，邀请区内外专家"
    "就芒果品种改良、冷链物流和品牌营销建言献策，现场签约项目8个，总金额达2.6亿元。乐业县组织"
    "猕猴桃种植大户赴外地考察学习，围绕果园标准化管理、果品分级包装等内容进行交流，进一步拓宽了"
    "发展思路。凌云县白毫茶春茶收购工作全面结束，全县共收购鲜叶1.2万吨，茶农收入同比增长一成以上。"
    + STORY
    + "右江区在永乐街道建成蔬菜集散中心，日均交易量突破300吨，周边12个村的菜农实现就近销售。"
    "平果市开展农产品质量安全专项检查，抽检蔬菜、水果样品460批次，合格率达到99.3%。西林县"
    "沙糖桔新品种试种成功，首批挂果的200亩果园亩产超过2吨，技术人员正在总结推广种植经验。"
    "德保县举办脐橙栽培管理技术培训班，120名果农学习了春梢管理、疏花保果和病虫害绿色防控技术。"
    "市农业农村局表示，将继续加大对特色产业的扶持力度，推动农业增效、农民增收。"
)

WATER = (
    "因{reason}，田阳区自来水有限公司定于{day}{hours}对{town}{area}实施停水作业，届时上述区域将暂停"
    "供水。请受影响的用户提前储备生活用水，停水期间请关闭水龙头，以免恢复供水时造成浪费。停水期间"
    "如遇降雨等不可抗力因素，停水时间将相应顺延，恢复供水时间另行通知。给您的生活带来不便，敬请谅解。"
    "咨询电话：{phone}。特此通知。田阳区自来水有限公司 {issued}"
)
WATER_FIELDS = ("reason", "day", "hours", "town", "area", "phone", "issued")
WATER_NOTICES = [  # the fields, split at |
    "主干供水管道迁改|7月3日|9时至18时|那满镇|新立街、那满村委会一带|0776-3212456|2026年6月30日",
    "水厂设备检修|7月15日|8时至21时|百育镇|百育圩及四那村|0776-3212456|2026年7月12日",
    "城区道路改造涉及管网接驳|8月2日|22时至次日6时|头塘镇|华润街、东江路沿线|0776-3219870|2026年7月29日",
    "加压泵站更换阀门|8月20日|7时至17时|五村镇|巴别村、桥马村|0776-3216633|2026年8月17日",
]

# A notice whose template leaves little to fill in: nine words in ten are the same in each.
RECRUITMENT = (
    "根据工作需要，经研究，县人力资源和社会保障局决定面向社会公开招聘{count}名乡镇综合行政执法"
    "辅助人员，现将有关事项公告如下。一、报考条件。年龄在18周岁以上、35周岁以下，具有大专及以上"
    "学历，遵纪守法，品行端正，身体健康。二、报名方式。报名时间自本公告发布之日起10个工作日，"
    "报考人员须携带身份证、毕业证书原件及复印件到县人力资源市场三楼报名。三、考试办法。考试采取"
    "笔试与面试相结合的方式，笔试、面试成绩各占50%，总成绩在县人民政府门户网站公布。四、体检与"
    "聘用。按总成绩从高到低的顺序确定体检人选，体检、考察合格的，按程序办理聘用手续。咨询电话："
    "{phone}，联系人：{person}。{issued}"
)
RECRUITMENTS = [
    {"count": "12", "phone": "0776-3821405", "person": "黄志强", "issued": "2026年3月2日"},
    {"count": "8", "phone": "0776-3827716", "person": "农秀兰", "issued": "2026年6月15日"},
    {"count": "15", "phone": "0776-3823390", "person": "陆文军", "issued": "2026年9月8日"},
]

OPINION_HEAD = (
    "各乡镇人民政府，县直各有关单位：为深入贯彻落实党中央、国务院和自治区党委、政府关于{topic}的"
    "决策部署，推动{topic}工作取得新成效，经县人民政府同意，结合我县实际，现提出如下意见。一、总体"
    "要求。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整、准确、全面"
    "贯彻新发展理念，坚持稳中求进工作总基调，以{aim}为目标，统筹发展和安全。二、重点任务。"
)
OPINION_TAIL = (
    "三、保障措施。（一）加强组织领导。各乡镇、各部门要把{topic}工作摆上重要议事日程，主要负责同志"
    "亲自抓、负总责，分管负责同志具体抓，形成一级抓一级、层层抓落实的工作格局。（二）强化督查考核。"
    "县人民政府督查室要加强跟踪督办，将工作推进情况纳入年度绩效考评。（三）营造良好氛围。充分利用"
    "广播电视、政府网站和政务新媒体，广泛宣传好经验好做法。本意见自印发之日起施行。"
)
OPINIONS = [
    {
        "title": "关于加快推进农村寄递物流体系建设的意见",
        "topic": "农村寄递物流体系建设",
        "aim": "打通农村物流“最后一公里”",
        "tasks": (
            "（一）完善县乡村三级物流网络。2026年底前，每个乡镇建成1个综合性物流服务站，"
            "行政村快递服务通达率达到100%。（二）推进客货邮融合发展。利用城乡客运班线代运"
            "邮件快件，开通客货邮合作线路不少于10条。（三）发展农村电商寄递。支持快递企业与"
            "合作社、家庭农场对接，为砂糖橘、百香果等农产品提供冷链寄递服务。"
        ),
    },
    {
        "title": "关于进一步做好城乡居民养老保险扩面工作的意见",
        "topic": "城乡居民养老保险扩面",
        "aim": "实现法定人员应保尽保",
        "tasks": (
            "（一）开展参保底数核查。以户籍人口为基础，逐户比对未参保人员信息，建立动态更新的"
            "参保台账。（二）引导提高缴费档次。落实多缴多得激励政策，对选择较高档次缴费的参保"
            "人给予相应补贴。（三）优化经办服务。推行养老保险待遇资格静默认证，让群众少跑腿、"
            "好办事。"
        ),
    },
    {
        "title": "关于支持返乡入乡创业的若干意见",
        "topic": "返乡入乡创业",
        "aim": "以创业带动就业",
        "tasks": (
            "（一）落实创业担保贷款政策。对符合条件的返乡创业人员，提供最高30万元的创业担保"
            "贷款并给予贴息。（二）建设返乡创业园区。利用闲置厂房、校舍改造建设创业孵化基地，"
            "三年内免收场地租金。（三）加强创业培训指导。每年组织创业培训不少于500人次，建"
            "立创业导师库，提供一对一跟踪服务。"
        ),
    },
    {
        "title": "关于加强农村自建房安全管理的意见",
        "topic": "农村自建房安全管理",
        "aim": "守住农房安全底线",
        "tasks": (
            "（一）严格用地和规划管理。农村村民建房应当依法申请宅基地，按照村庄规划要求确定建"
            "房位置和层数。（二）落实建设质量责任。三层及以上的农村自建房应当由具有相应资质的"
            "单位进行设计和施工。（三）开展隐患排查整治。对用作经营的农村自建房逐栋排查，发现"
            "险情立即停用并组织整改。"
        ),
    },
]


def water(number: int) -> tuple[str, str]:
    """One notice of the 停水 template: its title and text."""
    notice = dict(zip(WATER_FIELDS, WATER_NOTICES[number].split("|"), strict=True))
    return f"关于{notice['town']}部分区域停水的通知", WATER.format(**notice)


def recruitment(number: int) -> tuple[str, str]:
    """One notice of the 招聘 template: its title and text."""
    notice = RECRUITMENTS[number]
    title = f"关于公开招聘{notice['count']}名乡镇综合行政执法辅助人员的公告"
    return title, RECRUITMENT.format(**notice)


def opinion(number: int) -> tuple[str, str]:
    """One 意见 of the county's template: its title and text."""
    document = OPINIONS[number]
    return document["title"], (
        OPINION_HEAD.format(**document) + document["tasks"] + OPINION_TAIL.format(**document)
    )


def changed_share(source: str, copy: str) -> float:
    """The characters of a source replaced, dropped or added in a copy, as a share of the source."""
    matcher = difflib.SequenceMatcher(None, source, copy, autojunk=False)
    edits = matcher.get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in edits if op != "equal") / len(source)


def body(text: str, split: int = 2) -> str:
    """A StreamField body of paragraphs holding the text (cut in about `split` parts)."""
    size = len(text) // split + 1
    parts = [text[start : start + size] for start in range(0, len(text), size)]
    return json.dumps([{"type": "paragraph", "value": f"<p>{part}</p>"} for part in parts])


def post(column, title: str, text: str, **fields) -> ArticlePage:
    """Publish an article whose body is the text (publication fingerprints and checks it)."""
    return add_article(column, title, body=body(text), **fields)


def flagged_sources(page) -> set[int]:
    """The ids of the pages an article was flagged as repeating."""
    return set(NearDuplicate.objects.filter(page=page).values_list("similar_to_id", flat=True))


def test_normalise_keeps_cjk_letters_and_digits():
    assert normalise("<p>那坡县&nbsp;2026年，ＧＤＰ 增长 7.2%！</p>\n") == "那坡县2026年gdp增长72"


def test_clauses_are_the_runs_between_punctuation():
    assert clauses("<p>特此通知。联系电话：0776-3212456</p>") == [
        "特此通知",
        "联系电话",
        "0776",
        "3212456",
    ]


def test_publication_keeps_a_fingerprint_its_text_and_keys(county):
    article = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    fingerprint = Fingerprint.objects.get(page=article)
    assert len(bytes(fingerprint.signature)) == 128 * 4
    assert fingerprint.text_length == len(normalise("乡村振兴见成效" + NAPO_TEXT))
    lines = fingerprint.text.split("\n")
    assert lines[:2] == ["乡村振兴见成效", "今年以来"] and "".join(lines) == normalise(
        "乡村振兴见成效" + NAPO_TEXT
    )
    keys = set(buckets(bytes(fingerprint.signature))) | set(clause_keys(lines))
    assert len(keys) > BANDS  # the bands and the clauses of six characters or more
    assert (
        set(FingerprintBand.objects.filter(page=article).values_list("bucket", flat=True)) == keys
    )


def test_copied_text_marked_original_is_flagged(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", NAPO_TEXT)
    assert flagged_sources(copy) == {source.pk}
    assert NearDuplicate.objects.get(page=copy).similarity > 0.9
    assert not NearDuplicate.objects.filter(page=source).exists()  # the earlier one is the source


def test_lightly_rewritten_copy_is_flagged(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    rewrite = post(column_of(other_county, "yaowen"), "靖西市乡村振兴成效显著", REWRITTEN)
    assert flagged_sources(rewrite) == {source.pk}
    score = NearDuplicate.objects.get(page=rewrite).similarity
    assert THRESHOLD <= score < 0.95


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("德峨镇举办油茶文化节", STORY),
        ("那佐镇举办第三届油茶文化节", STORY_RETOLD),
        ("那佐乡举办第四届油茶文化节", STORY_REWORDED),
        ("小油茶成为群众致富大产业", STORY_REORDERED),
        ("各地举办油茶主题活动", STORY_INTRODUCED),
        ("本周特色产业动态", ROUND_UP),
    ],
    ids=["exact", "changed-14%", "changed-20%", "reordered", "introduced", "embedded"],
)
def test_copies_and_light_rewrites_are_flagged(county, other_county, title, text):
    yaowen = column_of(county, "yaowen")
    source = post(yaowen, "隆林德峨镇第三届油茶文化节开幕", STORY)
    post(yaowen, "送医下乡暖民心", OTHER_TEXT)
    copy = post(column_of(other_county, "yaowen"), title, text)
    assert flagged_sources(copy) == {source.pk}


def test_the_rewrites_change_what_they_say_they_change():
    assert 0.10 <= changed_share(STORY, STORY_RETOLD) <= 0.15
    assert 0.15 < changed_share(STORY, STORY_REWORDED) <= 0.20
    assert len(normalise(ROUND_UP)) > 2 * len(normalise(STORY))  # the story is under half of it


def test_notices_of_one_template_are_not_flagged(county):
    column = column_of(county, "tzgg")
    notices = [post(column, *water(number)) for number in range(4)]
    assert not NearDuplicate.objects.filter(page__in=notices).exists()


def test_the_first_two_of_a_template_lose_their_flag_when_a_third_shows_its_stock_phrasing(county):
    column = column_of(county, "tzgg")
    first, second = post(column, *water(0)), post(column, *water(1))
    # two texts alike but for names and dates: a template or a rewrite, no text can tell yet
    assert flagged_sources(second) == {first.pk}
    third = post(column, *water(2))
    assert not flagged_sources(second) and not flagged_sources(third)


def test_notices_of_a_template_differing_in_a_figure_a_name_and_a_date_are_not_flagged(county):
    column = column_of(county, "tzgg")
    notices = [post(column, *recruitment(number)) for number in range(3)]
    first, second = (normalise("".join(recruitment(number))) for number in (0, 1))
    assert changed_share(first, second) < 0.1
    assert not NearDuplicate.objects.filter(page__in=notices).exists()


def test_a_notice_repeated_word_for_word_is_flagged_however_common_its_template(county):
    column = column_of(county, "tzgg")
    notices = [post(column, *water(number)) for number in range(3)]
    _title, text = water(1)
    repeat = post(column, "关于百育镇停水的通知", text)
    assert flagged_sources(repeat) == {notices[1].pk}


def test_opinions_sharing_the_countys_stock_phrases_are_not_flagged(county):
    column = column_of(county, "zcwj")
    earlier = [post(column, *opinion(number)) for number in (2, 3)]  # the phrasing is known
    first, second = post(column, *opinion(0)), post(column, *opinion(1))
    assert not NearDuplicate.objects.filter(page__in=[*earlier, first, second]).exists()


def test_a_story_copied_by_several_sites_is_flagged_on_each(county, other_county):
    source = post(column_of(county, "yaowen"), "隆林德峨镇第三届油茶文化节开幕", STORY)
    third_site = create_county_site(name="德保县人民政府", hostname="debao.localhost")
    copies = [
        post(column_of(other_county, "yaowen"), "德峨镇举办油茶文化节", STORY),
        post(column_of(third_site, "yaowen"), "油茶文化节开幕", STORY_INTRODUCED),
        post(column_of(other_county, "zwdt"), "德峨油茶飘香", STORY),
    ]
    for copy in copies:  # a text copied many times is no stock phrasing
        assert source.pk in flagged_sources(copy)


def test_a_different_article_is_not_flagged(county, other_county):
    post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    other = post(column_of(other_county, "yaowen"), "送医下乡暖民心", OTHER_TEXT)
    assert Fingerprint.objects.filter(page=other).exists()
    assert not NearDuplicate.objects.filter(page=other).exists()


def test_a_reprint_is_not_flagged(county, other_county):
    post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    reprint = post(
        column_of(other_county, "yaowen"),
        "乡村振兴见成效",
        NAPO_TEXT,
        origin="reprint",
        origin_source="那坡县人民政府网",
    )
    assert Fingerprint.objects.filter(page=reprint).exists()
    assert not NearDuplicate.objects.filter(page=reprint).exists()


def test_marking_a_flagged_article_as_reprint_clears_the_flag(county, other_county):
    post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    assert flagged_sources(copy)
    copy.origin, copy.origin_source = "reprint", "那坡县人民政府网"
    copy.save_revision().publish()
    assert not flagged_sources(copy)


def test_an_imported_legacy_page_is_a_source(county):
    column = column_of(county, "yaowen")
    legacy = post(column, "旧站：乡村振兴见成效", NAPO_TEXT, is_imported=True)
    assert not NearDuplicate.objects.filter(page=legacy).exists()  # legacy pages are not judged
    fresh = post(column, "乡村振兴见成效", REWRITTEN)
    assert flagged_sources(fresh) == {legacy.pk}


def test_a_legacy_page_imported_later_is_still_the_earlier_text(county):
    column = column_of(county, "yaowen")
    fresh = post(column, "乡村振兴见成效", NAPO_TEXT)
    legacy = post(column, "旧站：乡村振兴见成效", NAPO_TEXT, is_imported=True)
    assert detect(fresh)[0].similar_to_id == legacy.pk


def test_short_texts_are_not_fingerprinted(county):
    article = post(column_of(county, "yaowen"), "通知", "详见附件。")
    assert refresh_fingerprint(article) is None
    assert not Fingerprint.objects.filter(page=article).exists()
    assert not FingerprintBand.objects.filter(page=article).exists()


def test_similarity_estimates_jaccard(county):
    column = column_of(county, "yaowen")
    first = refresh_fingerprint(
        post(column, "乡村振兴", NAPO_TEXT, origin="reprint", origin_source="x")
    )
    second = refresh_fingerprint(post(column, "送医下乡", OTHER_TEXT))
    assert similarity(first.signature, first.signature) == 1.0
    assert similarity(first.signature, second.signature) < 0.1


def test_a_fingerprint_kept_before_texts_were_is_not_compared(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    Fingerprint.objects.filter(page=source).update(text="")  # as migration 0005 leaves it
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", NAPO_TEXT)
    assert not flagged_sources(copy)
    call_command("fingerprint_articles", stdout=StringIO())
    assert flagged_sources(copy) == {source.pk}


def test_a_key_shared_by_many_pages_reads_a_bounded_number_of_them(county, monkeypatch):
    column = column_of(county, "tzgg")
    pages = [
        post(column, "转载：停水通知", water(0)[1], origin="reprint", origin_source="x")
        for _number in range(5)
    ]
    monkeypatch.setattr(detection, "PER_KEY", 2)
    keys = FingerprintBand.objects.filter(page=pages[0]).values_list("bucket", flat=True)
    rows = detection._postings(pages[0].pk, list(keys))
    read = Counter(key for key, _page in rows)
    assert set(read) == set(keys) and set(read.values()) == {3}  # four others share each key


def test_detection_reads_in_three_queries_whatever_the_neighbourhood(county, other_county):
    for number in range(4):
        post(column_of(county, "tzgg"), *water(number))
    copy = post(column_of(other_county, "tzgg"), "停水通知", water(2)[1])
    with CaptureQueriesContext(connection) as captured:
        detect(copy, recheck=False)
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT") and "nearduplicate" not in query["sql"]
    ]
    assert len(reads) == 3  # its fingerprint, the pages sharing its keys, their texts


def test_backfill_command_fingerprints_and_detects(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", REWRITTEN)
    Fingerprint.objects.all().delete()
    FingerprintBand.objects.all().delete()
    NearDuplicate.objects.all().delete()

    out = StringIO()
    call_command("fingerprint_articles", "--dry-run", stdout=out)
    assert "指纹 2 篇" in out.getvalue() and "原创 0 篇" in out.getvalue()  # nothing stored yet
    assert not Fingerprint.objects.exists()

    out = StringIO()
    call_command("fingerprint_articles", stdout=out)
    assert Fingerprint.objects.count() == 2
    assert flagged_sources(copy) == {source.pk}
    assert "指纹 2 篇" in out.getvalue() and "原创 1 篇" in out.getvalue()
    assert "比对: 2/2" in out.getvalue()

    out = StringIO()
    call_command("fingerprint_articles", "--dry-run", stdout=out)
    assert "原创 1 篇" in out.getvalue()  # against the stored fingerprints


def test_backfill_command_refuses_an_unknown_site(db):
    with pytest.raises(CommandError):
        call_command("fingerprint_articles", "--site", "nowhere.localhost", stdout=StringIO())


def at(day: date, hour: int = 10) -> datetime:
    """An aware Shanghai moment on a day."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def published(column, title: str, moment: datetime, text: str | None = None, **fields):
    """A live article first published at a chosen moment (a short text: not fingerprinted)."""
    article = post(column, title, text or f"{title}。", **fields)
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=moment)
    return article


def fill(result, originals: int, reprints: int, moment: datetime, key: str) -> None:
    """Articles of one site published at a moment: some 原创, some 转载."""
    column = column_of(result, "yaowen")
    for number in range(originals):
        published(column, f"{key}原创{number}", moment)
    for number in range(reprints):
        published(column, f"{key}转载{number}", moment, origin="reprint", origin_source="新华社")


def test_originality_ratio_and_trend_per_site(county, other_county):
    fill(county, 3, 1, at(DAY - timedelta(days=2)), "a")  # this 30 days: 3 of 4
    fill(county, 1, 1, at(DAY - timedelta(days=40)), "b")  # the 30 before: 1 of 2
    fill(county, 1, 0, at(DAY + timedelta(days=1), 1), "c")  # after the day: not counted
    fill(county, 1, 0, at(DAY - timedelta(days=70)), "d")  # before both windows
    # the day ends at Shanghai midnight: 23:30 local counts, 00:30 the next day does not
    fill(county, 1, 0, at(DAY, 23).replace(minute=30), "e")
    legacy = column_of(county, "yaowen")
    published(legacy, "旧站稿件", at(DAY - timedelta(days=1)), is_imported=True)
    fill(other_county, 0, 2, at(DAY - timedelta(days=3)), "f")

    result = originality_by_site([county.site.pk, other_county.site.pk], DAY)
    napo, jingxi = result[county.site.pk], result[other_county.site.pk]
    assert (napo["original"], napo["total"]) == (4, 5)
    assert napo["ratio_30d"] == pytest.approx(0.8)
    assert napo["ratio_prev_30d"] == pytest.approx(0.5)
    assert napo["trend"] == pytest.approx(0.3)
    assert (napo["prev_original"], napo["prev_total"]) == (1, 2)
    assert (jingxi["original"], jingxi["total"], jingxi["ratio_30d"]) == (0, 2, 0.0)
    assert jingxi["ratio_prev_30d"] is None and jingxi["trend"] is None


def test_flagged_counts_original_articles_that_repeat_earlier_pages(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", REWRITTEN)
    moment = at(DAY - timedelta(days=1))
    ArticlePage.objects.filter(pk__in=[source.pk, copy.pk]).update(first_published_at=moment)
    result = originality_by_site([county.site.pk, other_county.site.pk], DAY)
    assert result[other_county.site.pk]["flagged"] == 1
    assert result[county.site.pk]["flagged"] == 0


def test_originality_by_site_in_a_constant_number_of_queries(county, other_county):
    sites = [county, other_county]
    sites += [
        create_county_site(name=name, hostname=host)
        for name, host in (
            ("德保县人民政府", "debao.localhost"),
            ("大新县人民政府", "daxin.localhost"),
        )
    ]
    for number, result in enumerate(sites):
        fill(result, 2, number, at(DAY - timedelta(days=5)), f"s{number}")

    def queries_for(results) -> int:
        with CaptureQueriesContext(connection) as captured:
            ratios = originality_by_site([r.site.pk for r in results], DAY)
        assert set(ratios) == {r.site.pk for r in results}
        return len(captured.captured_queries)

    two, four = queries_for(sites[:2]), queries_for(sites)
    assert two == four <= 3
    ratios = originality_by_site([r.site.pk for r in sites], DAY)
    assert [ratios[r.site.pk]["total"] for r in sites] == [2, 3, 4, 5]


def test_originality_by_site_of_no_sites_makes_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert originality_by_site([], DAY) == {}
