"""The interaction app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    """留言办理: questions, answers, deadlines and public statistics."""

    name = "redesign.interaction"
    label = "interaction"
    verbose_name = _("互动交流")
    default_auto_field = "django.db.models.BigAutoField"
