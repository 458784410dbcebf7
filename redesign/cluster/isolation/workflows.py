"""The workflow admin's task chooser, for those who may edit workflows.

Wagtail's task chooser (a modal of the workflow edit form) checks no permission beyond admin
access, so any editor could list every county's tasks and, through the chosen view, read a task
by id. Here it answers only users who may add or change workflows, as the workflow admin does.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.views import workflows
from wagtail.models import Workflow
from wagtail.permissions import policy_registry

from .replace import serve_with


def check_may_edit_workflows(user) -> None:
    """Raise PermissionDenied unless the user may add or change workflows."""
    policy = policy_registry.get_by_type(Workflow)
    if not policy.user_has_any_permission(user, ["add", "change"]):
        raise PermissionDenied


class WorkflowEditorsOnlyMixin:
    """A task chooser view that refuses users who may not edit workflows."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Check the workflow permissions before Wagtail's view runs."""
        check_may_edit_workflows(request.user)
        return super().dispatch(request, *args, **kwargs)


class ConfinedTaskChooserView(WorkflowEditorsOnlyMixin, workflows.TaskChooserView):
    """The task chooser."""


class ConfinedTaskChooserResultsView(WorkflowEditorsOnlyMixin, workflows.TaskChooserResultsView):
    """The task chooser's search results."""


class ConfinedTaskChooserCreateView(WorkflowEditorsOnlyMixin, workflows.TaskChooserCreateView):
    """The task chooser's create tab."""


def task_chosen(request: HttpRequest, task_id: int) -> HttpResponse:
    """Wagtail's chosen task answer, for users who may edit workflows."""
    check_may_edit_workflows(request.user)
    return workflows.task_chosen(request, task_id)


serve_with("wagtailadmin_workflows:task_chooser", ConfinedTaskChooserView.as_view())
serve_with("wagtailadmin_workflows:task_chooser_results", ConfinedTaskChooserResultsView.as_view())
serve_with("wagtailadmin_workflows:task_chooser_create", ConfinedTaskChooserCreateView.as_view())
serve_with("wagtailadmin_workflows:task_chosen", task_chosen)
