"""App config for the migration kit."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrationsKitConfig(AppConfig):
    """The legacy-site import kit."""

    name = "migrations_kit"
    verbose_name = _("旧站迁移")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Follow publishes: an imported draft's old URLs move from its column to the page."""
        from wagtail.signals import page_published

        from .signals import imported_page_published

        page_published.connect(imported_page_published, dispatch_uid="migrations_kit_follow")
