"""Column types and the freshness rules the national inspection applies to each of them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from blocks.column_types import ColumnType

__all__ = [
    "DYNAMIC_COLUMN_TYPES",
    "FRESHNESS_RULES",
    "STATIC_COLUMN_TYPES",
    "ColumnType",
    "FreshnessRule",
]


@dataclass(frozen=True)
class FreshnessRule:
    """How many days a column of one type may go without an update (国办秘函〔2019〕19号)."""

    max_age_days: int | None
    basis: str | Promise


# None means the inspection sets no update interval for that type of column; it still must not
# be blank. 动态/要闻 columns: two weeks; 通知公告 and 政策文件: six months.
FRESHNESS_RULES: dict[str, FreshnessRule] = {
    ColumnType.NEWS: FreshnessRule(14, _("动态、要闻类栏目 2 周未更新")),
    ColumnType.NOTICE: FreshnessRule(183, _("通知公告类栏目 6 个月未更新")),
    ColumnType.POLICY: FreshnessRule(183, _("政策文件类栏目 6 个月未更新")),
    ColumnType.OPEN_GOV: FreshnessRule(183, _("政务公开类栏目应更新未更新")),
    ColumnType.PERSONNEL: FreshnessRule(183, _("人事信息类栏目应更新未更新")),
    ColumnType.PLANNING: FreshnessRule(366, _("规划计划类栏目应更新未更新")),
    ColumnType.INDUSTRY: FreshnessRule(None, _("特色产业栏目不得空白")),
    ColumnType.INTERACTION: FreshnessRule(None, _("互动栏目按留言办理时限考核")),
    ColumnType.OTHER: FreshnessRule(None, _("其他栏目不得空白")),
}

# Columns whose items form the site's daily "dynamic" output (要闻, 动态, 政务动态), and those
# whose items are its "static" output (notices, documents, open-government and planning items);
# standard and industry page updates count as static too.
DYNAMIC_COLUMN_TYPES = frozenset({ColumnType.NEWS})
STATIC_COLUMN_TYPES = frozenset(
    {
        ColumnType.NOTICE,
        ColumnType.POLICY,
        ColumnType.OPEN_GOV,
        ColumnType.PERSONNEL,
        ColumnType.PLANNING,
        ColumnType.INDUSTRY,
    }
)
