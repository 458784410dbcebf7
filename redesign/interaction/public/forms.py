"""The question form: the fields the issue names, every one checked, nothing stored half way."""

import re

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, TimestampSigner
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from ..models import Category, Department, InteractionSettings
from .guard import attachment_kind, plain_text

PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
TOKEN_SALT = "interaction.form"  # noqa: S105  (a signing salt, not a secret)
TOKEN_MAX_AGE = 24 * 3600


def _signer(site_id: int) -> TimestampSigner:
    """Tokens are signed per site: one site's form cannot be replayed on another."""
    return TimestampSigner(salt=f"{TOKEN_SALT}.{site_id}")


def new_form_token(site_id: int) -> str:
    """A signed one-time token: a form posted twice (a double tap) stores one question."""
    return _signer(site_id).sign(get_random_string(24))


class CaptchaInput(CaptchaTextInput):
    """The captcha with its image described in Chinese."""

    template_name = "interaction/captcha.html"


class QuestionForm(forms.Form):
    """我要留言: the citizen's question and how to reach them."""

    subject = forms.CharField(label=_("标题"), min_length=4, max_length=100)
    content = forms.CharField(
        label=_("留言内容"),
        min_length=10,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    category = forms.ChoiceField(
        label=_("类别"), choices=[("", _("请选择类别")), *Category.choices]
    )
    department = forms.ModelChoiceField(
        label=_("留言对象"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("不确定（由网站转办）"),
    )
    name = forms.CharField(
        label=_("姓名"), max_length=30, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("手机号码"),
        max_length=20,
        help_text=_("仅用于工作人员联系您，不会公开。"),
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("电子邮箱"),
        required=False,
        max_length=100,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    publish_consent = forms.BooleanField(
        label=_("同意公开我的留言和答复（个人信息不公开）"), required=False
    )
    attachment = forms.FileField(
        label=_("附件"),
        required=False,
        help_text=_("可选，图片或 PDF，不超过 5 MB。"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp,application/pdf"}
        ),
    )
    # Hidden from people by CSS and from screen readers; bots fill every field they see.
    website = forms.CharField(
        label=_("请勿填写"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, site, interaction: InteractionSettings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = _("请填写“%(label)s”。") % {"label": field.label}
            # %% keeps Django's own placeholders for the moment the limit is broken
            field.error_messages["max_length"] = _(
                "“%(label)s”最多 %%(limit_value)d 个字，现在是 %%(show_value)d 个。"
            ) % {"label": field.label}
            field.error_messages["min_length"] = _(
                "“%(label)s”太短，请至少写 %%(limit_value)d 个字。"
            ) % {"label": field.label}
        self.fields["email"].error_messages["invalid"] = _("请填写正确的电子邮箱地址。")
        self.site = site
        self.fields["department"].queryset = Department.objects.of_site(site)
        if not self.is_bound:
            self.initial.setdefault("token", new_form_token(site.pk))
        if interaction.captcha:
            self.fields["captcha"] = CaptchaField(
                label=_("验证码"),
                widget=CaptchaInput(),
                error_messages={"invalid": _("验证码不正确，请重新输入图中的字符。")},
            )

    def clean_subject(self) -> str:
        """One line of plain text."""
        value = plain_text(self.cleaned_data["subject"], multiline=False)
        if len(value) < 4:
            raise ValidationError(_("标题太短，请至少写 4 个字。"))
        return value

    def clean_content(self) -> str:
        """Plain text with its line breaks."""
        value = plain_text(self.cleaned_data["content"], multiline=True)
        if len(value) < 10:
            raise ValidationError(_("留言内容太短，请至少写 10 个字。"))
        return value

    def clean_name(self) -> str:
        """One line of plain text."""
        value = plain_text(self.cleaned_data["name"], multiline=False)
        if not value:
            raise ValidationError(_("请填写姓名。"))
        return value

    def clean_phone(self) -> str:
        """A mainland mobile number or a landline with its area code."""
        value = re.sub(r"[\s()（）]", "", self.cleaned_data["phone"])
        if not PHONE_RE.match(value):
            raise ValidationError(_("请填写正确的手机号码（11 位）或带区号的固定电话。"))
        return value

    def clean_attachment(self):
        """An image or a PDF of at most 5 MB, its kind read from its bytes."""
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        upload.proven_extension = attachment_kind(
            upload, settings.REDESIGN_INTERACTION_MAX_ATTACHMENT
        )
        return upload

    def clean_token(self) -> str:
        """A token this site signed within the last day."""
        value = self.cleaned_data["token"]
        try:
            _signer(self.site.pk).unsign(value, max_age=TOKEN_MAX_AGE)
        except BadSignature as err:
            raise ValidationError(_("表单已过期，请刷新页面后重新提交。")) from err
        return value

    def clean(self) -> dict:
        """A filled honeypot refuses the whole form."""
        data = super().clean()
        if data.get("website"):
            raise ValidationError(_("提交未成功，请刷新页面后重试。"), code="honeypot")
        return data


class LookupForm(forms.Form):
    """办理查询: the query code given on submission."""

    code = forms.CharField(
        label=_("查询码"),
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
