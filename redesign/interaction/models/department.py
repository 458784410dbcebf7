"""The departments of a site that answer its citizens' questions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class DepartmentQuerySet(models.QuerySet):
    """Departments, by site."""

    def of_site(self, site) -> "DepartmentQuerySet":
        """The active departments of one site, in their order."""
        return self.filter(site=site, active=True)


class Department(models.Model):
    """A 承办单位: a department of the county that questions are assigned to and answered by."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("站点"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("部门名称"), max_length=60)
    email = models.EmailField(
        _("联系邮箱"), blank=True, help_text=_("转办和超期督办提醒发往此邮箱。")
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("在用"), default=True)

    objects = DepartmentQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("承办部门")
        verbose_name_plural = _("承办部门")
        ordering = ["site", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="interaction_department_unique")
        ]

    def __str__(self) -> str:
        """The department's name."""
        return self.name
