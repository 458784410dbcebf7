"""The cluster report for administrators: every site's health, sortable, filterable, exportable."""

from types import SimpleNamespace

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from redesign.core.workdays import local_today

from ..health import Status, site_health
from ..health.output import CSV_FIELDS, csv_row

HEADINGS = {
    "hostname": _("主机名"),
    "site_name": _("站点"),
    "date": _("日期"),
    "status": _("状态"),
    "dynamic_day": _("当日动态"),
    "dynamic_min": _("动态下限"),
    "dynamic_week": _("近7日动态"),
    "dynamic_week_required": _("近7日动态应发"),
    "static_day": _("当日静态"),
    "static_min": _("静态下限"),
    "static_week": _("近7日静态"),
    "static_week_required": _("近7日静态应发"),
    "stale_columns": _("过期栏目"),
    "blank_columns": _("空白栏目"),
    "home_age_days": _("首页未更新天数"),
    "veto_risks": _("否决风险"),
    "soonest_threshold": _("最近的阈值"),
    "soonest_days_left": _("剩余天数"),
    "originality_30d": _("30日原创率"),
    "near_duplicates": _("疑似转载"),
    "broken_links": _("不可用链接"),
}


class StatusColumn(Column):
    """The status as a coloured word with its reason."""

    cell_template_name = "guarantee/reports/status_cell.html"


class HealthFilterSet(WagtailFilterSet):
    """Filter the sites by status and by name or hostname."""

    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=Status.choices, method="filter_status", empty_label=_("全部")
    )
    name = django_filters.CharFilter(label=_("站点名称或主机名"), method="filter_name")

    class Meta:
        model = Site
        fields = []

    def filter_queryset(self, rows: list) -> list:
        """Apply each filter's method to the rows (a list of reports, not a queryset)."""
        for name, value in self.form.cleaned_data.items():
            if value not in (None, ""):
                rows = getattr(self, self.filters[name].method)(rows, name, value)
        return rows

    def filter_status(self, rows, name, value):
        """Keep the rows of one status."""
        return [row for row in rows if row.status == value]

    def filter_name(self, rows, name, value):
        """Keep the rows whose name or hostname contains the text."""
        return [row for row in rows if value in row.site_name or value in row.hostname]


class SiteHealthReportView(ReportView):
    """网站健康报告: one row per site, from the health engine."""

    page_title = _("网站健康报告")
    header_icon = "pick"
    index_url_name = "guarantee_site_health_report"
    index_results_url_name = "guarantee_site_health_report_results"
    filterset_class = HealthFilterSet
    list_export = CSV_FIELDS
    export_headings = HEADINGS
    default_ordering = "status"
    paginate_by = 50
    columns = [
        Column("site_name", label=_("站点"), sort_key="site_name"),
        StatusColumn("status", label=_("状态"), sort_key="status"),
        Column("dynamic_day", label=_("当日动态"), sort_key="dynamic_day"),
        Column("static_day", label=_("当日静态"), sort_key="static_day"),
        Column("stale_columns", label=_("过期栏目"), sort_key="stale_columns"),
        Column("blank_columns", label=_("空白栏目"), sort_key="blank_columns"),
        Column("home_age_days", label=_("首页天数"), sort_key="home_age_days"),
        Column("veto_risks", label=_("否决风险")),
        Column("soonest", label=_("最近的阈值")),
        Column("originality_30d", label=_("30日原创率"), sort_key="originality_ratio"),
    ]

    def dispatch(self, request, *args, **kwargs):
        """Cluster administrators only: a site's own staff read their sites on the dashboard."""
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self) -> str:
        """网站健康报告-YYYY-MM-DD."""
        return f"site-health-{local_today():%Y-%m-%d}"

    def get_base_queryset(self) -> list:
        """Every site's report as a row of plain values."""
        rows = []
        for report in site_health():
            row = csv_row(report)
            soonest = report.soonest
            rows.append(
                SimpleNamespace(
                    **row,
                    status_label=report.status_label,
                    status_word=report.status_word,
                    status_reason=report.status_reason,
                    status_rank={"red": 0, "amber": 1, "green": 2}[report.status],
                    originality_ratio=report.originality.get("ratio_30d") or 0,
                    soonest=f"{soonest.label}：{soonest.days_left} 天" if soonest else "",
                )
            )
        return rows

    def order_queryset(self, rows: list) -> list:
        """Sort the rows by the chosen column (status sorts red first)."""
        ordering = self.ordering or "status"
        key = ordering.lstrip("-")
        attribute = "status_rank" if key == "status" else key
        return sorted(
            rows,
            key=lambda row: (
                (getattr(row, attribute) in ("", None), getattr(row, attribute) or 0)
                if attribute != "site_name"
                else (False, row.site_name)
            ),
            reverse=ordering.startswith("-"),
        )

    def get_heading(self, queryset, field) -> str:
        """The Chinese heading of an exported column."""
        return str(HEADINGS.get(field, field))


@hooks.register("register_admin_urls")
def site_health_report_urls() -> list:
    """The report and its results fragment."""
    view = SiteHealthReportView.as_view()
    results = SiteHealthReportView.as_view(results_only=True)
    return [
        path("reports/site-health/", view, name="guarantee_site_health_report"),
        path("reports/site-health/results/", results, name="guarantee_site_health_report_results"),
    ]


class AdministratorMenuItem(MenuItem):
    """A menu item only cluster administrators see."""

    def is_shown(self, request) -> bool:
        """Superusers only."""
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def site_health_report_menu_item() -> MenuItem:
    """网站健康报告 under 报告."""
    return AdministratorMenuItem(
        _("网站健康报告"), reverse("guarantee_site_health_report"), icon_name="pick", order=50
    )
