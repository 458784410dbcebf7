"""The link and image check of a site's own pages: each run and the broken links it found."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkKind(models.TextChoices):
    """Where a broken link points."""

    INTERNAL = "internal", _("站内链接")
    EXTERNAL = "external", _("外部链接")
    IMAGE = "image", _("图片")


class LinkCheckRun(models.Model):
    """One bounded walk of a site's live pages and the links and images on them."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    pages_checked = models.PositiveIntegerField(_("检查页面数"), default=0)
    links_checked = models.PositiveIntegerField(_("检查链接数"), default=0)
    broken_internal = models.PositiveIntegerField(_("站内不可用链接"), default=0)
    broken_external = models.PositiveIntegerField(_("外部不可用链接"), default=0)
    missing_images = models.PositiveIntegerField(_("缺失图片"), default=0)
    external_checked = models.BooleanField(_("检查了外部链接"), default=False)
    truncated = models.BooleanField(_("达到上限未查完"), default=False)
    error = models.TextField(_("错误"), blank=True)

    class Meta:
        verbose_name = _("链接检查")
        verbose_name_plural = _("链接检查")
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        """The site and when the run started."""
        return f"{self.site_id} {self.started_at:%Y-%m-%d %H:%M}"


class BrokenLink(models.Model):
    """A link or image on a live page that does not answer."""

    run = models.ForeignKey(LinkCheckRun, on_delete=models.CASCADE, related_name="broken")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_url = models.CharField(_("所在页面"), max_length=2000)
    target_url = models.CharField(_("链接地址"), max_length=2000)
    kind = models.CharField(_("类别"), max_length=10, choices=LinkKind.choices)
    status = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    reason = models.CharField(_("原因"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("不可用链接")
        verbose_name_plural = _("不可用链接")

    def __str__(self) -> str:
        """The target and its status."""
        return f"{self.target_url} ({self.status or self.reason})"
