"""Per-site identity settings: names, the government site codes, contact, logo and theme."""

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
        _("主色"), max_length=7, blank=True, validators=[colour_validator],
        help_text=_("留空则使用主题的默认主色。"),
    )  # fmt: skip
    accent_color = models.CharField(
        _("强调色"), max_length=7, blank=True, validators=[colour_validator],
        help_text=_("留空则使用主题的默认强调色。"),
    )  # fmt: skip

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
        return overrides
