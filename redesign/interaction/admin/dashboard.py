"""The dashboard panel of handlers: what is waiting, due, overdue and near the 3-month line."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component

from redesign.core.workdays import day_bounds, local_today

from ..models import Status
from ..models.question import OPEN_STATUSES, VETO_DAYS, VETO_WARNING_DAYS
from .access import handled_questions, handler_site_ids
from .handling import NAMESPACE


def due_counts(user) -> dict:
    """The counts of the user's sites' open questions, in one query."""
    today = local_today()
    line, _end = day_bounds(today - timedelta(days=VETO_DAYS - VETO_WARNING_DAYS))
    open_questions = Q(status__in=OPEN_STATUSES)
    return handled_questions(user).aggregate(
        waiting=Count("pk", filter=Q(status=Status.NEW)),
        drafted=Count("pk", filter=Q(status=Status.DRAFTED)),
        undecided=Count("pk", filter=Q(status=Status.ANSWERED)),
        overdue=Count("pk", filter=open_questions & Q(due_date__lt=today)),
        due_soon=Count(
            "pk",
            filter=open_questions & Q(due_date__gte=today, due_date__lte=today + timedelta(days=1)),
        ),
        near_veto=Count("pk", filter=open_questions & Q(submitted_at__lt=line)),
        flagged=Count("pk", filter=open_questions & ~Q(flagged_words="")),
    )


class QuestionsPanel(Component):
    """留言办理: each count links to the listing filtered to it."""

    name = "interaction_questions"
    template_name = "interaction/admin/dashboard_panel.html"
    order = 60

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context) -> dict:
        """The counts and their links."""
        index = reverse(f"{NAMESPACE}:index")
        counts = due_counts(self.request.user)
        return {
            "counts": counts,
            "links": {
                "waiting": f"{index}?status=new",
                "drafted": f"{index}?status=drafted",
                "undecided": f"{index}?status=answered",
                "overdue": f"{index}?deadline=overdue",
                "due_soon": f"{index}?deadline=due_soon",
                "near_veto": f"{index}?deadline=veto",
                "flagged": f"{index}?deadline=flagged",
            },
            "index": index,
        }


def panel_for(request) -> QuestionsPanel | None:
    """The panel, for users who handle some site's questions."""
    return QuestionsPanel(request) if handler_site_ids(request.user) != set() else None
