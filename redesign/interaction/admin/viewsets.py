"""The admin viewsets: 留言办理 and 承办部门, both confined to the user's sites."""

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site
from wagtail.permissions import register_permission_policy

from redesign.core.scope import scope_for

from ..models import Department, Question
from .access import DepartmentPermissionPolicy, QuestionPermissionPolicy
from .handling import NAMESPACE, HandleView, attachment
from .listing import QuestionFilterSet, QuestionIndexView

question_policy = QuestionPermissionPolicy(Question)
department_policy = DepartmentPermissionPolicy(Department)
register_permission_policy(Question, question_policy)
register_permission_policy(Department, department_policy)


class QuestionViewSet(ModelViewSet):
    """留言办理: the listing and each question's handling page; citizens add, nobody deletes."""

    model = Question
    name = NAMESPACE
    icon = "help"
    menu_label = _("留言办理")
    menu_order = 160
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    filterset_class = QuestionFilterSet
    permission_policy = question_policy
    copy_view_enabled = False

    def get_urlpatterns(self) -> list:
        """The listing, its results, the handling page and the attachment download."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", HandleView.as_view(), name="edit"),
            path("<int:pk>/attachment/", attachment, name="attachment"),
        ]


class DepartmentForm(WagtailAdminModelForm):
    """A department, of one of the user's sites."""

    class Meta:
        model = Department
        fields = ["site", "name", "email", "sort_order", "active"]

    def __init__(self, *args, for_user=None, **kwargs) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        scope = scope_for(for_user) if for_user is not None else None
        if scope is not None and not scope.everything:
            self.fields["site"].queryset = Site.objects.filter(pk__in=[s.pk for s in scope.sites])
            if len(scope.sites) == 1 and not self.instance.pk:
                self.fields["site"].initial = scope.sites[0].pk


class ConfinedObjectMixin:
    """A department view answers 404 for a department outside the user's sites."""

    def dispatch(self, request, *args, **kwargs):
        """Look the department up among the user's sites' before the view does."""
        pk = kwargs.get("pk")
        if pk is not None:
            mine = department_policy.instances_user_has_permission_for(request.user, "change")
            if not mine.filter(pk=unquote(str(pk))).exists():
                raise Http404(_("承办部门不存在，或不属于您管理的站点。"))
        return super().dispatch(request, *args, **kwargs)


def confined_view(view_class: type) -> type:
    """The generic view, confined to the user's sites' departments."""
    return type(
        f"Department{view_class.__name__}",
        (ConfinedObjectMixin, view_class),
        {"__doc__": f"{view_class.__name__} of the user's sites' departments."},
    )


class DepartmentIndexView(IndexView):
    """The user's sites' departments."""

    def get_base_queryset(self):
        """Only the departments of the user's sites."""
        return department_policy.instances_user_has_permission_for(self.request.user, "change")


class DepartmentViewSet(ModelViewSet):
    """承办部门: the departments a site's questions are assigned to and answered by."""

    model = Department
    name = "interaction_departments"
    icon = "group"
    menu_label = _("承办部门")
    add_to_settings_menu = True
    index_view_class = DepartmentIndexView
    edit_view_class = confined_view(generic.EditView)
    delete_view_class = confined_view(generic.DeleteView)
    history_view_class = confined_view(HistoryView)
    usage_view_class = confined_view(UsageView)
    permission_policy = department_policy
    form_fields = ["site", "name", "email", "sort_order", "active"]
    list_display = ["name", "site", "email", "active"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update: bool = False):
        """The department form, its site choices cut to the user's sites."""
        return DepartmentForm
