"""The cluster's list of names and terms that must be written exactly, and where pages miss them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class WordingCategory(models.TextChoices):
    """What kind of name or term a rule guards."""

    LEADER = "leader", _("领导人姓名")
    POLITICAL = "political", _("重要政治术语")
    PLACE = "place", _("地名、机构名")
    OTHER = "other", _("其他")


class WordingRule(models.Model):
    """One exact name or term and the wrong forms it is known to be written in."""

    correct = models.CharField(_("正确写法"), max_length=100)
    wrong_forms = models.TextField(_("错误写法"), help_text=_("每行一个常见错误写法。"))
    category = models.CharField(
        _("类别"), max_length=20, choices=WordingCategory.choices, default=WordingCategory.POLITICAL
    )
    serious = models.BooleanField(
        _("严重错误"), default=True, help_text=_("严重错别字在检查中单项否决。")
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)
    active = models.BooleanField(_("启用"), default=True)

    panels = [
        FieldPanel("correct"),
        FieldPanel("wrong_forms"),
        FieldPanel("category"),
        FieldPanel("serious"),
        FieldPanel("note"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("规范用语")
        verbose_name_plural = _("规范用语")
        ordering = ["category", "correct"]

    def __str__(self) -> str:
        """The correct form."""
        return self.correct

    @property
    def wrong_list(self) -> list[str]:
        """The wrong forms, one per non-empty line."""
        return [line.strip() for line in self.wrong_forms.splitlines() if line.strip()]


class WordingFinding(models.Model):
    """A wrong form found in the live version of a page."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="wording_findings"
    )
    rule = models.ForeignKey(WordingRule, on_delete=models.CASCADE, related_name="findings")
    wrong_form = models.CharField(_("错误写法"), max_length=100)
    excerpt = models.CharField(_("上下文"), max_length=200, blank=True)
    found_at = models.DateTimeField(_("发现时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("用语错误")
        verbose_name_plural = _("用语错误")

    def __str__(self) -> str:
        """The wrong form and the right one."""
        return f"{self.wrong_form} → {self.rule.correct}"
