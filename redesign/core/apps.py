"""App config for the site page types."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The county site page types."""

    name = "redesign.core"
    label = "core"
    verbose_name = _("站点页面")
    default_auto_field = "django.db.models.BigAutoField"
