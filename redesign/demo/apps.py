"""App config for the demo cluster (installed in the dev and test settings only)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo cluster's builder, its sample legacy site and the tests' factory for trees."""

    name = "redesign.demo"
    label = "demo"
    verbose_name = _("演示网群")
    default_auto_field = "django.db.models.BigAutoField"
