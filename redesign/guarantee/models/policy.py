"""Each site's content policy: quotas, calendar, notices."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from redesign.core.models import CalendarKind


class WebhookKind(models.TextChoices):
    """The group robot a site's notices are posted to."""

    NONE = "", _("不推送")
    WECOM = "wecom", _("企业微信群机器人")
    DINGTALK = "dingtalk", _("钉钉群机器人")


@register_setting(icon="time")
class ContentPolicy(BaseSiteSetting):
    """What a site must publish each working day, and where its notices go."""

    dynamic_daily_min = models.PositiveSmallIntegerField(
        _("每日动态信息下限"),
        default=2,
        validators=[MaxValueValidator(50)],
        help_text=_("要闻、动态、政务动态类栏目每个工作日至少发布的条数。"),
    )
    dynamic_daily_target = models.PositiveSmallIntegerField(
        _("每日动态信息目标"), default=3, validators=[MaxValueValidator(50)]
    )
    static_daily_min = models.PositiveSmallIntegerField(
        _("每日静态信息下限"),
        default=2,
        validators=[MaxValueValidator(50)],
        help_text=_("通知公告、政策文件、政务公开、人事、规划计划及概况、产业页面的更新。"),
    )
    home_max_age_days = models.PositiveSmallIntegerField(
        _("首页最长不更新天数"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(14)],
        help_text=_("首页 2 周无更新即单项否决；可设得更严。"),
    )
    warning_days = models.PositiveSmallIntegerField(
        _("提前预警天数"),
        default=3,
        validators=[MaxValueValidator(60)],
        help_text=_("距任一否决阈值少于这些天时，状态显示为黄色。"),
    )
    calendar = models.CharField(
        _("工作日历"), max_length=20, choices=CalendarKind.choices, default=CalendarKind.STATUTORY
    )
    webhook_kind = models.CharField(
        _("群机器人"), max_length=20, choices=WebhookKind.choices, blank=True, default=""
    )
    webhook_url = models.URLField(
        _("机器人 Webhook 地址"),
        max_length=500,
        blank=True,
        help_text=_("企业微信或钉钉群机器人的 https 地址；投稿、审核结果会推送到群里。"),
    )
    webhook_secret = models.CharField(
        _("钉钉加签密钥"), max_length=200, blank=True, help_text=_("钉钉机器人开启“加签”时填写。")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("dynamic_daily_min"), FieldPanel("dynamic_daily_target")]
                ),
                FieldPanel("static_daily_min"),
                FieldPanel("calendar"),
            ],
            heading=_("每日更新任务"),
        ),
        MultiFieldPanel(
            [FieldPanel("home_max_age_days"), FieldPanel("warning_days")],
            heading=_("检查阈值"),
        ),
        MultiFieldPanel(
            [FieldPanel("webhook_kind"), FieldPanel("webhook_url"), FieldPanel("webhook_secret")],
            heading=_("消息推送"),
        ),
    ]

    class Meta:
        verbose_name = _("内容保障策略")
        verbose_name_plural = _("内容保障策略")

    def clean(self) -> None:
        """A target below the minimum, or a robot without an https address, is refused."""
        super().clean()
        errors = {}
        if self.dynamic_daily_target < self.dynamic_daily_min:
            errors["dynamic_daily_target"] = _("目标不能低于下限。")
        if self.webhook_kind and not self.webhook_url:
            errors["webhook_url"] = _("选择了群机器人，请填写 Webhook 地址。")
        if self.webhook_url and not self.webhook_url.startswith("https://"):
            errors["webhook_url"] = _("Webhook 地址必须以 https:// 开头。")
        if errors:
            raise ValidationError(errors)
