"""Rules as data for old columns: their column type, their standard page, their new parent.

The import reads an old column's name (人事信息, 办事指南) against these keyword lists; a web team
changes where a column goes in its mapping file, not here.
"""

from __future__ import annotations

import re

from redesign.core.column_types import ColumnType

from .extract.text import without_note

# (column type, keywords in Chinese column names, pinyin-initial folder names), most specific first.
TYPE_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ColumnType.INTERACTION,
        ("互动", "留言", "信箱", "咨询", "投诉", "访谈", "写信", "来信", "信件", "征集", "举报"),
        ("hdjl", "hudong"),
    ),
    (
        ColumnType.PERSONNEL,
        ("人事", "任免", "招聘", "招考", "干部", "录用", "公务员", "职称", "调配", "人才"),
        ("rsxx", "rsrm", "zpxx", "gwy", "zcps"),
    ),
    (ColumnType.PLANNING, ("规划", "计划"), ("ghjh", "fzgh")),
    (
        ColumnType.POLICY,
        ("政策", "文件", "法规", "规章", "解读", "条例", "制度", "下载", "表格"),
        ("zcwj", "zcfg", "zfwj", "zcjd", "xzzx", "bgxz"),
    ),
    (
        ColumnType.NOTICE,
        ("通知", "公告", "公示", "通告", "招生", "考试", "中考", "高考"),
        ("tzgg", "gsgg", "tggg", "zsks", "zsxx"),
    ),
    (ColumnType.INDUSTRY, ("产业", "特色", "招商"), ("tscy", "zsyz")),
    (
        ColumnType.OPEN_GOV,
        ("政务公开", "信息公开", "公开目录", "公开指南", "公开年报"),
        ("zwgk", "xxgk"),
    ),
    (
        ColumnType.NEWS,
        (
            "要闻", "新闻", "动态", "图片", "乡镇", "部门", "资讯", "报道", "宣传", "活动",
            "党建", "党风", "廉政", "党员", "专题", "专栏", "纪检", "监察", "以案", "警示",
        ),
        ("xwzx", "gzdt", "tpxw", "xzdt", "bmdt", "yw", "news", "zwdt", "djgz", "ztzl"),
    ),
    (ColumnType.OTHER, ("办事", "指南", "办理", "便民", "服务"), ("bsfw", "bszn", "bmfw")),
)  # fmt: skip

# The new site's standard pages (概况信息, 机构职能, 负责人信息) and the old columns and
# static pages that belong under them; checked after TYPE_RULES for each old column name.
STATIC_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("fzrxx", ("领导", "负责人", "分工", "班子"), ("ldxx", "ldzc", "ldjj", "ldfg", "ldbz")),
    (
        "jgzn",
        ("机构", "职能", "职责", "部门设置", "科室", "内设", "联系我们", "联系方式"),
        ("jgzn", "jgsz", "zyzn"),
    ),
    ("gkxx", ("概况", "简介", "县情", "市情", "区情", "乡情", "关于我们"), ("xqgk", "gk", "gywm")),
)


def match_rule(name: str, rules: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]) -> str:
    """The first rule whose keyword occurs in name ("" when none)."""
    for value, words, _codes in rules:
        if any(word in name for word in words):
            return value
    return ""


_UNIT = re.compile(r"(?:科|室|办公室|办|中心|站|所|馆|处|队|局|委员会|委|院|台|组|股|秘书)$")


def is_unit_name(name: str) -> bool:
    """Tell whether an old column is named after an office or unit (人事科, 教育技术信息中心)."""
    return bool(_UNIT.search(without_note(name)))


# Where a new column goes when its old path has no parent of its own (a top-level 办事指南 goes
# under 办事服务): (parent column title, keywords of the column's name).
DEFAULT_PARENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("办事服务", ("办事", "指南", "办理", "便民", "服务")),
)

NOT_COLUMN = frozenset(
    {
        "首页", "网站首页", "主页", "返回首页", "当前位置", "您的位置", "正文", "内容", "详情",
        "详细内容", "详细信息", "正文内容", "文章内容", "信息内容", "内容页", "文章", "阅读",
        "浏览", "查看", "阅读全文", "列表", "信息列表", "文章列表", "更多", "",
    }
)  # fmt: skip
"""Breadcrumb words that name no column (the home page, 正文, 详细内容)."""

COLUMN_NAME_MAX = 16
_NOT_NAME = re.compile(r"[…，。；！？]|\.\.\.|\d{4}[-/年]|(?:网站|门户|网)$")


def is_column_name(name: str, title: str = "") -> bool:
    """Tell whether an old breadcrumb can name a column (not 正文, not the article's title)."""
    name = name.strip()
    if name in NOT_COLUMN or len(name) > COLUMN_NAME_MAX or _NOT_NAME.search(name):
        return False
    title = title.strip()
    return not (title and len(name) >= 6 and (title.startswith(name) or name in title))


_SITE_NAME = re.compile(
    r"(?:人民政府|政府|政府网|门户|门户网站|网站|网|学校|中学|小学|幼儿园|局|委员会|委|办公室)$"
)


def is_site_crumb(name: str, own_names: frozenset[str] | set[str] = frozenset()) -> bool:
    """Tell whether a first breadcrumb is the old site's own name (青山县人民政府 > 政务公开)."""
    name = name.strip()
    return name in own_names or bool(_SITE_NAME.search(without_note(name)))


def infer_type(path: tuple[str, ...] | list[str]) -> str:
    """The column type of a new column: its own name's, else the nearest ancestor's, else 其他."""
    for name in reversed(path):
        if not is_unit_name(name) and (found := match_rule(name, TYPE_RULES)):
            return found
    return ColumnType.OTHER


def default_parent(name: str) -> str | None:
    """The title of the parent a top-level new column goes under (办事服务), if any."""
    for parent, words in DEFAULT_PARENTS:
        if name != parent and any(word in name for word in words):
            return parent
    return None
