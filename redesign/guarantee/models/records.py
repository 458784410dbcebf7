"""The audit of each item's real times: submitted, reviewed, first published, its shown date."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    """Whether an item counts toward the dynamic or the static quota."""

    DYNAMIC = "dynamic", _("动态信息")
    STATIC = "static", _("静态信息")
    OTHER = "other", _("其他")


class DateFlag(models.TextChoices):
    """What is wrong with an item's shown publish date, if anything."""

    NONE = "", _("正常")
    FUTURE = "future", _("显示日期晚于首次发布时间")
    CHANGED = "changed", _("发布后修改了显示日期")


class ItemRecord(models.Model):
    """One published item's trail: who submitted, reviewed and published it, and when."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="guarantee_record"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("类别"), max_length=10, choices=ItemKind.choices)
    column_type = models.CharField(_("栏目类型"), max_length=20, blank=True)
    origin = models.CharField(_("原创性"), max_length=10, blank=True)
    submitted_at = models.DateTimeField(_("投稿时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_published_at = models.DateTimeField(_("首次发布时间"), null=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    shown_date_at_publish = models.DateTimeField(_("首次发布时的显示日期"), null=True)
    shown_date = models.DateTimeField(_("当前显示日期"), null=True)
    date_flag = models.CharField(
        _("日期问题"), max_length=10, choices=DateFlag.choices, blank=True, default=""
    )
    date_history = models.JSONField(_("显示日期变更记录"), default=list, blank=True)

    class Meta:
        verbose_name = _("发布记录")
        verbose_name_plural = _("发布记录")
        indexes = [models.Index(fields=["site", "first_published_at"])]

    def __str__(self) -> str:
        """The page's id and its first publication."""
        return f"#{self.page_id} {self.first_published_at:%Y-%m-%d %H:%M}"

    @property
    def minutes_to_publish(self) -> float | None:
        """Minutes from submission to first publication, when both are known."""
        if self.submitted_at and self.first_published_at:
            return (self.first_published_at - self.submitted_at).total_seconds() / 60
        return None
