"""The interaction's admin: 留言办理 in the menu, 承办部门 under settings, the dashboard panel."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from .admin.dashboard import panel_for
from .admin.viewsets import DepartmentViewSet, QuestionViewSet


@hooks.register("register_admin_viewset")
def register_questions() -> QuestionViewSet:
    """留言办理."""
    return QuestionViewSet()


@hooks.register("register_admin_viewset")
def register_departments() -> DepartmentViewSet:
    """承办部门."""
    return DepartmentViewSet()


@hooks.register("register_permissions")
def interaction_permissions():
    """The handling and approval permissions, assignable to groups in the admin."""
    return Permission.objects.filter(
        content_type__app_label="interaction",
        codename__in=[
            "change_question", "approve_question", "add_department", "change_department",
            "delete_department",
        ],
    )  # fmt: skip


@hooks.register("construct_homepage_panels")
def questions_panel(request, panels: list) -> None:
    """留言办理 on the dashboard of everyone who handles questions."""
    panel = panel_for(request)
    if panel is not None:
        panels.append(panel)
