"""App config for site search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search within one site of the cluster."""

    name = "redesign.search"
    label = "redesign_search"
    verbose_name = _("站内搜索")
