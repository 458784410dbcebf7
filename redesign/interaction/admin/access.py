"""Who handles which questions: the model permission, held by a group of the question's site."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from redesign.core.scope import scope_for

from ..models import Department, Question
from ..states import APPROVE, HANDLE


def handler_site_ids(user) -> set[int] | None:
    """The sites whose questions the user handles: None for every site (a cluster
    administrator), else the user's sites when the user holds the handling permission."""
    if not user.is_active:
        return set()
    scope = scope_for(user)
    if scope.everything:
        return None
    if not (user.has_perm(HANDLE) or user.has_perm(APPROVE)):
        return set()
    return {site.pk for site in scope.sites}


def handled_questions(user) -> QuerySet:
    """The questions the user may see and handle."""
    site_ids = handler_site_ids(user)
    questions = Question.objects.all()
    return questions if site_ids is None else questions.filter(site_id__in=site_ids)


def handled_departments(user) -> QuerySet:
    """The departments of the user's sites."""
    site_ids = handler_site_ids(user)
    departments = Department.objects.select_related("site")
    return departments if site_ids is None else departments.filter(site_id__in=site_ids)


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions are added by citizens and never deleted; handlers view and change their sites'."""

    def user_has_permission(self, user, action: str) -> bool:
        """View and change with the handling or approval permission; never add or delete."""
        if action not in ("view", "change"):
            return False
        return handler_site_ids(user) != set()

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        """The same, for a question of one of the user's sites."""
        if not self.user_has_permission(user, action):
            return False
        site_ids = handler_site_ids(user)
        return site_ids is None or instance.site_id in site_ids

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        """The user's sites' questions."""
        if not self.user_has_permission(user, action):
            return Question.objects.none()
        return handled_questions(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        """Active users holding either permission directly or through a group, and superusers."""
        users = get_user_model().objects.filter(is_active=True)
        codenames = ["change_question", "approve_question"]
        return (
            users.filter(is_superuser=True)
            | users.filter(
                groups__permissions__codename__in=codenames,
                groups__permissions__content_type__app_label="interaction",
            ).distinct()
        )


class DepartmentPermissionPolicy(ModelPermissionPolicy):
    """A site's departments are managed by those who may change them, within their sites."""

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        """The departments of the user's sites, when the model permission is held."""
        if not self.user_has_permission(user, action):
            return Department.objects.none()
        scope = scope_for(user)
        if scope.everything:
            return Department.objects.all()
        return Department.objects.filter(site__in=[site.pk for site in scope.sites])

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        """The model permission, on a department of one of the user's sites."""
        if not self.user_has_permission(user, action):
            return False
        scope = scope_for(user)
        return scope.everything or instance.site_id in {site.pk for site in scope.sites}
