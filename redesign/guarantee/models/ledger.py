"""The chain of responsibility (连环责任制): a site's yearly contract, its stages and people."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from ..forms import ContractForm

PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class Stage(models.TextChoices):
    """The four stages of the chain, in order."""

    AGREEMENT = "agreement", _("签订协议")
    COLLECTION = "collection", _("收集资料")
    BUILD = "build", _("建网")
    UPDATE = "update", _("内容更新")


class Contract(ClusterableModel):
    """A site's contract for one year: its budget, dates and the weights of its stages."""

    base_form_class = ContractForm
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("站点"), on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("协议名称"), max_length=200, blank=True)
    budget = models.DecimalField(
        _("经费（元）"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    signed_on = models.DateField(_("签订日期"), null=True, blank=True)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    submit_weight = models.DecimalField(
        _("投稿权重（%）"), max_digits=5, decimal_places=2, default=Decimal(40), validators=PERCENT
    )
    review_weight = models.DecimalField(
        _("审核权重（%）"), max_digits=5, decimal_places=2, default=Decimal(20), validators=PERCENT
    )
    publish_weight = models.DecimalField(
        _("发布权重（%）"), max_digits=5, decimal_places=2, default=Decimal(40), validators=PERCENT
    )
    note = models.TextField(_("备注"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("site"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("budget"),
        FieldRowPanel([FieldPanel("signed_on"), FieldPanel("starts_on"), FieldPanel("ends_on")]),
        InlinePanel("stages", heading=_("阶段与权重"), label=_("阶段")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("submit_weight"),
                        FieldPanel("review_weight"),
                        FieldPanel("publish_weight"),
                    ]
                )
            ],
            heading=_("内容更新阶段：按角色计分"),
        ),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("责任协议")
        verbose_name_plural = _("责任协议")
        ordering = ["-year", "site__site_name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="guarantee_contract_site_year")
        ]

    def __str__(self) -> str:
        """The site and the year."""
        return self.title or f"{self.site.site_name or self.site.hostname} {self.year}"

    def clean(self) -> None:
        """Dates in order and role weights that sum to 100%."""
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("结束日期不能早于开始日期。")
        roles = (self.submit_weight or 0) + (self.review_weight or 0) + (self.publish_weight or 0)
        if roles != 100:
            errors["publish_weight"] = _(
                "投稿、审核、发布三项权重之和必须为 100%%（现为 %(sum)s%%）。"
            ) % {"sum": roles}
        if errors:
            raise ValidationError(errors)


class ContractStage(ClusterableModel):
    """One stage of a contract: its weight in the budget and the people responsible for it."""

    contract = ParentalKey(Contract, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(_("阶段"), max_length=20, choices=Stage.choices)
    weight = models.DecimalField(_("权重（%）"), max_digits=5, decimal_places=2, validators=PERCENT)
    people = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("责任人"),
        blank=True,
        related_name="+",
        help_text=_("内容更新阶段按投稿、审核、发布记录自动计分，无需填写。"),
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [FieldRowPanel([FieldPanel("stage"), FieldPanel("weight")]), FieldPanel("people")]

    class Meta:
        verbose_name = _("阶段")
        verbose_name_plural = _("阶段")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "stage"], name="guarantee_stage_once")
        ]

    def __str__(self) -> str:
        """The stage's name and weight."""
        return f"{self.get_stage_display()} {self.weight}%"
