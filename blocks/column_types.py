"""The column-type vocabulary (栏目类型): plain choices that blocks and page types both use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColumnType(models.TextChoices):
    """The kind of a column (栏目); it decides how often the column must be updated."""

    NEWS = "news", _("要闻/动态")
    NOTICE = "notice", _("通知公告")
    POLICY = "policy", _("政策文件")
    OPEN_GOV = "open_gov", _("政务公开")
    PERSONNEL = "personnel", _("人事")
    PLANNING = "planning", _("规划计划")
    INDUSTRY = "industry", _("特色产业")
    INTERACTION = "interaction", _("互动")
    OTHER = "other", _("其他")
