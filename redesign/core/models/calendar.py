"""The working-day calendar's overrides: holidays and make-up days the statutory calendar lacks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CalendarKind(models.TextChoices):
    """Which days the daily quota applies to."""

    STATUTORY = "statutory", _("法定工作日（除周末、节假日，含调休上班日）")
    WEEKDAYS = "weekdays", _("周一至周五")
    EVERY_DAY = "every_day", _("每天")


class CalendarDay(models.Model):
    """A day the statutory calendar gets wrong or does not know yet: a holiday or a make-up day."""

    date = models.DateField(_("日期"))
    is_working_day = models.BooleanField(
        _("是否上班"), help_text=_("勾选：调休上班日；不勾选：放假。")
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("站点"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("留空则适用于全部站点。"),
    )
    note = models.CharField(_("说明"), max_length=100, blank=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("is_working_day"),
        FieldPanel("site"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("工作日历调整")
        verbose_name_plural = _("工作日历调整")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["date", "site"], name="core_calendarday_unique_per_site"
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=models.Q(site__isnull=True),
                name="core_calendarday_unique_cluster",
            ),
        ]

    def __str__(self) -> str:
        """The date and whether it is worked."""
        return f"{self.date:%Y-%m-%d} {_('上班') if self.is_working_day else _('放假')}"
