"""The dashboard panel: each of the user's sites against today's quota and the 19号 thresholds."""

from collections import Counter

from django.db.models import Q
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from redesign.core.scope import scope_for

from ..health import Status, site_health

CARD_LIMIT = 6  # sites shown as cards; a cluster administrator sees the rest in the report
SUBMISSION_LIMIT = 8


class SiteHealthPanel(Component):
    """Quota bars, countdowns, what to publish next, and the user's own submissions."""

    name = "site_health"
    template_name = "guarantee/dashboard/health_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        """The reports of the user's sites, red first, and the user's latest submissions."""
        user = self.request.user
        scope = scope_for(user)
        reports = (
            site_health()
            if scope.everything
            else (site_health(site_ids=[site.pk for site in scope.sites]) if scope.sites else [])
        )
        order = {Status.RED: 0, Status.AMBER: 1, Status.GREEN: 2}
        reports.sort(key=lambda r: (order[r.status], r.site_name))
        return {
            "cards": [_card(r) for r in reports[:CARD_LIMIT]],
            "hidden": max(0, len(reports) - CARD_LIMIT),
            "counts": Counter(r.status for r in reports),
            "total": len(reports),
            "everything": scope.everything,
            "report_url": reverse("guarantee_site_health_report"),
            "submissions": _submissions(user),
        }


def _bar(count: int, minimum: int, target: int) -> dict:
    """One quota bar: the share of the target reached, capped at 100%."""
    goal = max(target, minimum, 1)
    return {
        "count": count,
        "minimum": minimum,
        "target": target,
        "percent": min(100, round(count * 100 / goal)),
        "met": count >= minimum,
    }


def _card(report) -> dict:
    """What the panel shows of one site."""
    return {
        "report": report,
        "dynamic": _bar(report.dynamic.day, report.dynamic.minimum, report.dynamic.target),
        "static": _bar(report.static.day, report.static.minimum, report.static.target),
        "dynamic_short": max(0, report.dynamic.minimum - report.dynamic.day),
        "static_short": max(0, report.static.minimum - report.static.day),
        "countdowns": [v for v in report.veto_counts if v.at_risk or v.days_left is not None],
        "next_columns": report.next_columns,
    }


def _submissions(user) -> list[dict]:
    """The user's latest workflow submissions, in any state, with the page's live status."""
    states = list(
        WorkflowState.objects.filter(Q(requested_by=user))
        .select_related("current_task_state__task")
        .order_by("-created_at")[:SUBMISSION_LIMIT]
    )
    pages = Page.objects.in_bulk([int(s.object_id) for s in states if s.object_id.isdigit()])
    rows = []
    for state in states:
        page = pages.get(int(state.object_id)) if state.object_id.isdigit() else None
        if page is None:
            continue
        rows.append({"state": state, "page": page})
    return rows


@hooks.register("construct_homepage_panels")
def add_site_health_panel(request, panels) -> None:
    """Put the health panel first on the dashboard of everyone who works on a site."""
    scope = scope_for(request.user)
    if scope.everything or scope.sites:
        panels.insert(0, SiteHealthPanel(request))
