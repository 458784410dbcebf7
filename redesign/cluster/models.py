"""Per-site identity settings: names, the government site codes, contact, logo and theme."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from redesign.core.forms import MediaConfinedModelForm

from .themes import Theme, default_theme_name, get_theme, theme_choices

ERROR_REPORT_BASE_URL = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html"

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("请填写 #RRGGBB 格式的颜色值，例如 #0b4ea2。")
)
identity_code_validator = RegexValidator(
    r"^[0-9A-Za-z]{10}$", _("政府网站标识码为 10 位数字或字母。")
)


# GB/T 37668-2019 (WCAG 2.x 1.4.3): body text needs 4.5:1 against its background. The theme puts
# white text on the primary and accent colours (header, buttons, labels), so an override must too.
MIN_CONTRAST = 4.5
# The base font sizes a site may choose (px); 适老化 asks for large type, so none below 16.
BASE_FONT_SIZES = [(16, "16px"), (17, "17px"), (18, "18px"), (19, "19px"), (20, "20px")]


def _luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour, as WCAG defines it."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(colour: str, other: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    a, b = sorted((_luminance(colour), _luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def white_text_validator(value: str) -> None:
    """Refuse a colour that white text on it would not meet GB/T 37668's 4.5:1."""
    if not colour_validator.regex.match(value or ""):
        return  # the format validator reports it
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "白色文字在此颜色上的对比度为 %(ratio).2f:1，"
                "低于 GB/T 37668 要求的 4.5:1，请选深一些的颜色。"
            ),
            params={"ratio": ratio},
            code="low_contrast",
        )


def mix(colour: str, other: str, amount: float) -> str:
    """Blend two #rrggbb colours: amount 0 gives colour, 1 gives other."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Who runs the site and how it identifies itself, as the national rules require."""

    base_form_class = MediaConfinedModelForm

    full_name = models.CharField(_("网站全称"), max_length=100, blank=True)
    short_name = models.CharField(_("网站简称"), max_length=30, blank=True)
    tagline = models.CharField(
        _("网站口号"),
        max_length=60,
        blank=True,
        help_text=_("显示在网站名称下方，例如：权威发布 · 政务公开 · 便民服务。"),
    )
    identity_code = models.CharField(
        _("政府网站标识码"), max_length=10, blank=True, validators=[identity_code_validator]
    )
    icp_number = models.CharField(_("ICP 备案号"), max_length=50, blank=True)
    police_number = models.CharField(_("公安机关备案号"), max_length=50, blank=True)
    conac_url = models.URLField(
        _("党政机关标识链接"), blank=True, help_text=_("党政机关网站标识的验证地址。")
    )
    error_report_url = models.URLField(
        _("找错链接"),
        blank=True,
        help_text=_("留空则按政府网站标识码生成全国政府网站找错平台的链接。"),
    )
    organizer = models.CharField(_("主办单位"), max_length=100, blank=True)
    operator = models.CharField(_("承办单位"), max_length=100, blank=True)
    address = models.CharField(_("联系地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮编"), max_length=10, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("网站标志"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("页头背景图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("资源集合"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("本站图片和文件所在的资源集合（含其下级集合）；其中的文件只在本站域名下提供。"),
    )
    theme = models.CharField(
        _("主题"), max_length=50, default=default_theme_name, choices=theme_choices
    )
    primary_color = models.CharField(
        _("主色"), max_length=7, blank=True, validators=[colour_validator, white_text_validator],
        help_text=_("留空则使用主题的默认主色。白色文字放在主色上，对比度须达到 4.5:1。"),
    )  # fmt: skip
    accent_color = models.CharField(
        _("强调色"), max_length=7, blank=True, validators=[colour_validator, white_text_validator],
        help_text=_("留空则使用主题的默认强调色。白色文字放在强调色上，对比度须达到 4.5:1。"),
    )  # fmt: skip
    base_font_size = models.PositiveSmallIntegerField(
        _("基准字号"),
        null=True,
        blank=True,
        choices=BASE_FONT_SIZES,
        help_text=_("正文的基准字号；留空则使用主题的默认字号。阅读辅助的放大在此基础上进行。"),
    )

    select_related = ["logo", "banner_image"]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("full_name"), FieldPanel("short_name")]),
                FieldPanel("tagline"),
            ],
            _("名称"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("identity_code"),
                FieldRowPanel([FieldPanel("icp_number"), FieldPanel("police_number")]),
                FieldPanel("conac_url"),
                FieldPanel("error_report_url"),
            ],
            _("网站标识与备案"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("organizer"), FieldPanel("operator")]),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            _("主办与联系"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("primary_color"), FieldPanel("accent_color")]),
                FieldPanel("base_font_size"),
                FieldPanel("logo"),
                FieldPanel("banner_image"),
            ],
            _("外观"),
        ),
        FieldPanel("collection", permission="superuser"),
    ]

    class Meta:
        verbose_name = _("站点信息")
        verbose_name_plural = _("站点信息")

    def __str__(self) -> str:
        """The site's display name."""
        return self.display_name

    @classmethod
    def for_request_or_none(cls, request: HttpRequest) -> "SiteIdentity | None":
        """The identity of the request's site, or None when no site matches the request."""
        if Site.find_for_request(request) is None:
            return None
        return cls.for_request(request)

    @property
    def display_name(self) -> str:
        """The site's full name, falling back to the Wagtail site name."""
        return self.full_name or self.site.site_name or self.site.hostname

    @property
    def error_report_link(self) -> str:
        """Where the 找错 link points: the configured URL or the national platform's."""
        if self.error_report_url:
            return self.error_report_url
        if self.identity_code:
            return f"{ERROR_REPORT_BASE_URL}?{urlencode({'site_code': self.identity_code})}"
        return ""

    @cached_property
    def theme_object(self) -> Theme:
        """The Theme this site renders with."""
        return get_theme(self.theme)

    def token_overrides(self) -> dict[str, str]:
        """Design tokens this site overrides in the admin, with the primary's shades derived."""
        overrides = {}
        if self.primary_color:
            overrides["color-primary"] = self.primary_color
            overrides["color-primary-dark"] = mix(self.primary_color, "#000000", 0.25)
            overrides["color-primary-light"] = mix(self.primary_color, "#ffffff", 0.9)
        if self.accent_color:
            overrides["color-accent"] = self.accent_color
        if self.base_font_size:
            overrides["font-size-base"] = f"{self.base_font_size}px"
        return overrides
