"""App config for the StreamField block library."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocksConfig(AppConfig):
    """The StreamField block library shared by every county site."""

    name = "blocks"
    label = "blocks"
    verbose_name = _("内容区块")
    default_auto_field = "django.db.models.BigAutoField"
