"""Wagtail's reports and the forms index, confined to the user's sites.

Each report is a subclass of Wagtail's report view whose filter set offers only the people,
workflows, tasks and sites of the user's sites (confined, in redesign/core/scope.py); the page
types usage report also counts and names only pages of those sites. The subclasses are served
at Wagtail's own report URLs (replace.py), so the menu, the links and the bookmarks stay.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from wagtail.admin.views.reports.aging_pages import AgingPagesReportFilterSet, AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.contrib.forms.views import FormPageFilterSet, FormPagesListView
from wagtail.models import Page

from redesign.core.scope import ConfinedFilterSetMixin, confined, scope_for

from .replace import serve_with


class ConfinedLockedPagesView(LockedPagesView):
    """Locked pages; the 锁定人 choices are people of the user's sites."""

    filterset_class = confined(LockedPagesReportFilterSet)


class ConfinedWorkflowView(WorkflowView):
    """Pages in workflows; the requester and workflow choices are of the user's sites."""

    filterset_class = confined(WorkflowReportFilterSet)


class ConfinedWorkflowTasksView(WorkflowTasksView):
    """Workflow tasks; the workflow and task choices are of the user's sites."""

    filterset_class = confined(WorkflowTasksReportFilterSet)


class ConfinedLogEntriesView(LogEntriesView):
    """Site history; the user choices are people of the user's sites."""

    filterset_class = confined(SiteHistoryReportFilterSet)


class ConfinedAgingPagesView(AgingPagesView):
    """Aging pages, with confined filter choices."""

    filterset_class = confined(AgingPagesReportFilterSet)


class ConfinedPageTypesUsageFilterSet(ConfinedFilterSetMixin, PageTypesUsageReportFilterSet):
    """The site choices of the page types usage report: the user's sites only."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_for(self.request.user)
        if scope.everything:
            return
        self.sites = {site.pk: site for site in scope.sites}
        self.sites_filter_enabled = len(self.sites) > 1
        if not self.sites_filter_enabled:
            self.filters.pop("site", None)
        elif "site" in self.filters:
            self.filters["site"].extra["choices"] = [
                (site.root_page.path, str(site)) for site in scope.sites
            ]


class ConfinedPageTypesUsageReportView(PageTypesUsageReportView):
    """Page types usage: the counts and the last edited page come from the user's sites."""

    filterset_class = ConfinedPageTypesUsageFilterSet

    def get_queryset(self) -> QuerySet:
        """Wagtail's report query, with every page it looks at inside the user's sites."""
        scope = scope_for(self.request.user)
        if scope.everything:
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        base_type = ContentType.objects.get_for_model(Page)
        if not scope.confine_pages(Page.objects.filter(content_type=base_type)).exists():
            queryset = queryset.exclude(id=base_type.id)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)

        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        latest = Page.objects.filter(scope.page_filter(), content_type=OuterRef("pk"))
        counted = scope.page_filter("pages__")
        if language_code:
            latest = latest.filter(locale__language_code=language_code)
            counted &= Q(pages__locale__language_code=language_code)
        if site_root_path:
            latest = latest.filter(path__startswith=site_root_path)
            counted &= Q(pages__path__startswith=site_root_path)
        latest = latest.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        queryset = queryset.annotate(
            count=Count("pages", filter=counted),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        )
        return queryset.order_by("-count", "app_label", "model")


class ConfinedFormPagesListView(FormPagesListView):
    """The forms index; the owner, editor and site choices are of the user's sites."""

    filterset_class = confined(FormPageFilterSet)


for _name, _view in (
    ("wagtailadmin_reports:locked_pages", ConfinedLockedPagesView),
    ("wagtailadmin_reports:workflow", ConfinedWorkflowView),
    ("wagtailadmin_reports:workflow_tasks", ConfinedWorkflowTasksView),
    ("wagtailadmin_reports:site_history", ConfinedLogEntriesView),
    ("wagtailadmin_reports:aging_pages", ConfinedAgingPagesView),
    ("wagtailadmin_reports:page_types_usage", ConfinedPageTypesUsageReportView),
    ("wagtailforms:index", ConfinedFormPagesListView),
):
    serve_with(_name, _view.as_view())
    results_name = f"{_name}_results"
    serve_with(results_name, _view.as_view(results_only=True))
