"""不可用链接: the latest link check's broken links of the user's own sites (superusers: all)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from redesign.core.scope import scope_for

from ..linkcheck import latest_runs
from ..models import BrokenLink, LinkCheckRun, LinkKind


def user_sites(request) -> QuerySet:
    """The sites the requesting user works on (every site for a superuser)."""
    scope = scope_for(request.user)
    return scope.confine(Site.objects.order_by("hostname", "port"))


def may_see(request) -> bool:
    """Whether the user has any site whose links they may see."""
    scope = scope_for(request.user)
    return scope.everything or bool(scope.sites)


class BrokenLinkFilterSet(WagtailFilterSet):
    """Filter by kind, and by one of the user's own sites."""

    kind = django_filters.ChoiceFilter(label=_("类别"), choices=LinkKind.choices)
    site = django_filters.ModelChoiceFilter(
        label=_("站点"), field_name="run__site", queryset=user_sites
    )

    class Meta:
        model = BrokenLink
        fields = ["kind", "site"]


def _page_label(link: BrokenLink) -> str:
    """The title of the page holding the link, or its address when the page is gone."""
    return link.page.title if link.page else link.page_url


def _problem(link: BrokenLink) -> str:
    """The status code and the reason, as one short text."""
    return f"{link.status or ''} {link.reason}".strip()


class TargetColumn(Column):
    """The broken target, as a link editors can try."""

    cell_template_name = "guarantee/links/target_cell.html"


class BrokenLinksReportView(ReportView):
    """The broken links and missing images found by the latest check of each of the user's sites."""

    page_title = _("不可用链接")
    header_icon = "warning"
    index_url_name = "guarantee_links:index"
    index_results_url_name = "guarantee_links:results"
    results_template_name = "guarantee/links/report_results.html"
    filterset_class = BrokenLinkFilterSet
    paginate_by = 50
    export_filename = "broken-links"
    columns = [
        Column("page_title", label=_("所在页面"), accessor=_page_label),
        TargetColumn("target_url", label=_("链接地址")),
        Column("kind", label=_("类别"), accessor="get_kind_display"),
        Column("problem", label=_("原因"), accessor=_problem),
        Column("site", label=_("站点"), accessor="run.site.site_name"),
        DateColumn("checked", label=_("检查时间"), accessor="run.finished_at"),
    ]
    list_export = ["site_name", "page_label", "page_url", "target_url", "kind_label", "problem"]
    export_headings = {
        "site_name": _("站点"),
        "page_label": _("所在页面"),
        "page_url": _("页面地址"),
        "target_url": _("链接地址"),
        "kind_label": _("类别"),
        "problem": _("原因"),
    }

    def dispatch(self, request, *args, **kwargs):
        """Only people who work on some site (or administrators) see the report."""
        if not may_see(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def latest(self) -> dict[int, LinkCheckRun]:
        """The latest run of each of the user's sites."""
        if not hasattr(self, "_latest"):
            site_ids = list(user_sites(self.request).values_list("pk", flat=True))
            self._latest = latest_runs(site_ids)
        return self._latest

    def get_base_queryset(self) -> QuerySet:
        """The broken links of the latest run of each of the user's sites."""
        run_ids = [run.pk for run in self.latest().values()]
        return (
            BrokenLink.objects.filter(run_id__in=run_ids)
            .select_related("run__site", "page")
            .order_by("run__site__hostname", "kind", "page_url", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        """Give each row the labels the export shows."""
        for link in object_list:
            link.site_name = link.run.site.site_name
            link.page_label = _page_label(link)
            link.kind_label = link.get_kind_display()
            link.problem = _problem(link)
        return object_list

    def get_context_data(self, *args, **kwargs):
        """The runs the listing comes from, for the summary above it."""
        context = super().get_context_data(*args, **kwargs)
        runs = sorted(self.latest().values(), key=lambda run: run.site_id)
        sites = {site.pk: site for site in user_sites(self.request)}
        context["runs"] = [(sites.get(run.site_id), run) for run in runs]
        context["never_checked"] = [site for pk, site in sites.items() if pk not in self.latest()]
        return context


app_name = "guarantee_links"
urlpatterns = [
    path("", BrokenLinksReportView.as_view(), name="index"),
    path("results/", BrokenLinksReportView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_broken_links_urls() -> list:
    """The report's URLs, under the admin's reports."""
    return [path("reports/broken-links/", include((urlpatterns, app_name), namespace=app_name))]


class BrokenLinksMenuItem(MenuItem):
    """The report's entry in 报告, shown to people who work on some site."""

    def is_shown(self, request) -> bool:
        """Whether the user may see the report."""
        return may_see(request)


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item() -> MenuItem:
    """不可用链接 in the reports menu."""
    return BrokenLinksMenuItem(
        _("不可用链接"), reverse("guarantee_links:index"), icon_name="warning", order=750
    )
