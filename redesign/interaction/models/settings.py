"""Each site's rules for its message board: deadline, captcha, sensitive words, retention."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

MIN_REPLY_DAYS, MAX_REPLY_DAYS = 3, 15


@register_setting(icon="help")
class InteractionSettings(BaseSiteSetting):
    """留言办理设置: how long departments have to answer, and how the form is guarded."""

    reply_days = models.PositiveSmallIntegerField(
        _("答复时限（工作日）"),
        default=5,
        validators=[MinValueValidator(MIN_REPLY_DAYS), MaxValueValidator(MAX_REPLY_DAYS)],
        help_text=_(
            "自收到留言的次一工作日起计算，节假日顺延；各地规定不同，可设 3 至 15 个工作日。"
        ),
    )
    warn_days = models.PositiveSmallIntegerField(
        _("临期提醒（工作日）"),
        default=1,
        validators=[MaxValueValidator(MAX_REPLY_DAYS)],
        help_text=_("距答复期限还剩几个工作日时提醒办理人员。"),
    )
    captcha = models.BooleanField(
        _("启用验证码"), default=False, help_text=_("留言表单要求填写图形验证码。")
    )
    sensitive_words = models.TextField(
        _("敏感词"),
        blank=True,
        help_text=_("每行一个词。含有这些词的留言照常接收，但转入人工审查，不会被自动拒绝。"),
    )
    escalation_emails = models.TextField(
        _("超期督办邮箱"),
        blank=True,
        help_text=_("每行一个地址。留言超过答复期限未答复时，每日发送督办提醒。"),
    )
    retention_days = models.PositiveIntegerField(
        _("个人信息保存期限（天）"),
        default=3 * 365,
        validators=[MinValueValidator(30)],
        help_text=_(
            "办结超过此天数的留言，其姓名、电话、邮箱、IP 地址和附件将被清除，问答内容保留。"
        ),
    )
    intro = models.TextField(
        _("留言须知"),
        blank=True,
        default=_(
            "请如实填写留言内容，不得含有违法信息。涉及个人隐私的内容不会公开。"
            "我们将在规定的工作日内答复，答复后可凭查询码查看办理结果。"
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("reply_days"), FieldPanel("warn_days"), FieldPanel("escalation_emails")],
            heading=_("办理时限"),
        ),
        MultiFieldPanel(
            [FieldPanel("captcha"), FieldPanel("sensitive_words"), FieldPanel("intro")],
            heading=_("留言表单"),
        ),
        FieldPanel("retention_days"),
    ]

    class Meta:
        verbose_name = _("留言办理设置")

    def words(self) -> list[str]:
        """The sensitive words, one per non-empty line."""
        return [line.strip() for line in self.sensitive_words.splitlines() if line.strip()]

    def escalation_list(self) -> list[str]:
        """The escalation addresses, one per non-empty line."""
        return [line.strip() for line in self.escalation_emails.splitlines() if line.strip()]
