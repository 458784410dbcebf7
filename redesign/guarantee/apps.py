"""The content guarantee's app config."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuaranteeConfig(AppConfig):
    """Keeps sites alive: who submits, reviews and publishes, and what each site still owes."""

    name = "redesign.guarantee"
    label = "guarantee"
    verbose_name = _("内容保障")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the publication signals that keep the records, findings and fingerprints."""
        from . import signals  # noqa: F401
