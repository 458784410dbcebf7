"""The cluster-wide working-day calendar overrides, edited by cluster administrators."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from redesign.core.models import CalendarDay


class CalendarDayViewSet(SnippetViewSet):
    """工作日历调整: holidays and make-up working days the statutory calendar does not know."""

    model = CalendarDay
    icon = "date"
    menu_label = _("工作日历")
    add_to_admin_menu = False
    list_display = ["date", "is_working_day", "site", "note"]
    list_filter = ["is_working_day"]


register_snippet(CalendarDayViewSet)
