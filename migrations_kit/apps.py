"""App config for the migration kit."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrationsKitConfig(AppConfig):
    """The legacy-site import kit."""

    name = "migrations_kit"
    verbose_name = _("旧站迁移")
    default_auto_field = "django.db.models.BigAutoField"
