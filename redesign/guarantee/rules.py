"""The national inspection's thresholds (国办秘函〔2019〕19号) and the quota vocabulary, as data."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from redesign.core.column_types import DYNAMIC_COLUMN_TYPES, STATIC_COLUMN_TYPES, ColumnType

from .models import ItemKind

__all__ = [
    "STALE_GROUP_TYPES",
    "VETO_RULES",
    "VetoRule",
    "kind_for_column_type",
]


@dataclass(frozen=True)
class VetoRule:
    """One count that fails a site outright when it reaches its threshold."""

    key: str
    label: str | Promise
    threshold: int
    basis: str | Promise


# The columns the 19号 counts as stale by their own short intervals: 动态/要闻 (2 weeks) and
# 通知公告/政策文件 (6 months). Every other column with an interval counts toward "should update".
STALE_GROUP_TYPES = frozenset({ColumnType.NEWS, ColumnType.NOTICE, ColumnType.POLICY})

VETO_RULES: dict[str, VetoRule] = {
    rule.key: rule
    for rule in (
        VetoRule(
            "stale_columns",
            _("栏目长期未更新"),
            5,
            _(
                "动态、要闻类栏目 2 周未更新，通知公告、政策文件类栏目 6 个月未更新，"
                "累计 5 个及以上"
            ),
        ),
        VetoRule(
            "should_update",
            _("应更新未更新栏目"),
            10,
            _("应更新但长期未更新的栏目 10 个及以上"),
        ),
        VetoRule("blank_columns", _("空白栏目"), 5, _("空白栏目 5 个及以上")),
        VetoRule("home_stale", _("首页长期未更新"), 1, _("首页 2 周无信息更新")),
        VetoRule("forged_dates", _("发布日期造假"), 1, _("显示的发布日期晚于或改动于实际发布")),
        VetoRule("wording", _("严重错别字"), 1, _("领导人姓名、重要政治术语等严重错误")),
        VetoRule("unanswered_questions", _("留言超期未回复"), 1, _("有效留言超过 3 个月未回复")),
    )
}


def kind_for_column_type(column_type: str) -> str:
    """Whether an item filed in a column of this type is dynamic, static or neither."""
    if column_type in DYNAMIC_COLUMN_TYPES:
        return ItemKind.DYNAMIC
    if column_type in STATIC_COLUMN_TYPES:
        return ItemKind.STATIC
    return ItemKind.OTHER
