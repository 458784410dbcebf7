"""App config for the cluster."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterConfig(AppConfig):
    """Site identity, theme choice and site creation for the whole cluster."""

    name = "redesign.cluster"
    label = "cluster"
    verbose_name = _("网群")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the cluster's system checks."""
        from . import checks  # noqa: F401
