"""The 责任制 admin: contracts, each contract's 台账 and the 评优 leaderboard, confined by scope.

Cluster administrators (superusers) add, edit and delete contracts. A site's staff (anyone
holding page permissions in it) see their own sites' contracts and ledgers and the leaderboard
of their own sites; another site's contract answers 404.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from redesign.core.scope import scope_for

from ..ledger import credit, leaderboard
from ..ledger.output import (
    as_csv,
    leaderboard_people_rows,
    leaderboard_site_rows,
    ledger_rows,
)
from ..models import Contract

NAMESPACE = "guarantee_contracts"


def is_administrator(user) -> bool:
    """Whether the user administers the whole cluster."""
    return bool(user.is_active and user.is_superuser)


def scoped_site_ids(user) -> list[int] | None:
    """The ids of the user's sites; None for a cluster administrator (every site)."""
    scope = scope_for(user)
    return None if scope.everything else [site.pk for site in scope.sites]


def visible_contracts(user) -> QuerySet:
    """The contracts the user may see: every one for administrators, else their sites' own."""
    contracts = Contract.objects.select_related("site")
    if is_administrator(user):
        return contracts
    site_ids = scoped_site_ids(user)
    return contracts.filter(site_id__in=site_ids or [])


class ContractPermissionPolicy(ModelPermissionPolicy):
    """Administrators may do anything with contracts; a site's staff may view their own."""

    def user_has_permission(self, user, action: str) -> bool:
        """Any action for administrators; view for users who work on a site."""
        if is_administrator(user):
            return True
        return action == "view" and user.is_active and bool(scope_for(user).sites)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        """Any action for administrators; view of a contract of one of the user's sites."""
        if is_administrator(user):
            return True
        return action == "view" and instance.site_id in (scoped_site_ids(user) or [])

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        """Every contract for administrators; the user's sites' contracts to view."""
        if is_administrator(user) or action == "view":
            return visible_contracts(user)
        return Contract.objects.none()

    def users_with_any_permission(self, actions) -> QuerySet:
        """The active administrators (site staff's view right is not a model permission)."""
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


permission_policy = ContractPermissionPolicy(Contract)
register_permission_policy(Contract, permission_policy)


class ContractIndexView(IndexView):
    """The contracts of the user's sites; each title opens the contract's 台账."""

    def get_base_queryset(self) -> QuerySet:
        """Only the contracts the user may see."""
        return super().get_base_queryset().filter(pk__in=visible_contracts(self.request.user))

    def get_ledger_url(self, instance) -> str:
        """The contract's 台账."""
        return reverse(f"{NAMESPACE}:ledger", args=(instance.pk,))

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        """The title column, linking to the 台账 (editing is in the row's menu)."""
        column_class = self._get_title_column_class(column_class)
        return self._get_custom_column(
            field_name, column_class, get_url=self.get_ledger_url, **kwargs
        )

    def get_list_more_buttons(self, instance) -> list:
        """The 台账 first, then what the user may do."""
        buttons = super().get_list_more_buttons(instance)
        ledger = ListingMenuItem(
            _("台账"), url=self.get_ledger_url(instance), icon_name="table", priority=5
        )
        return [ledger, *buttons]

    @cached_property
    def header_buttons(self) -> list:
        """The add button (administrators) and the 评优 leaderboard."""
        board = HeaderButton(
            _("评优排行"), url=reverse(f"{NAMESPACE}:leaderboard"), icon_name="pick"
        )
        return [*super().header_buttons, board]


def csv_response(text: str, filename: str) -> HttpResponse:
    """A CSV download (with a byte-order mark, so spreadsheet programs read the Chinese)."""
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class LedgerView(WagtailAdminTemplateMixin, TemplateView):
    """One contract's 台账: each person's items, points, stage shares and share of the budget."""

    template_name = "guarantee/ledger/ledger.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        """Find the contract among those the user may see (another site's answers 404)."""
        if not permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        self.contract = get_object_or_404(visible_contracts(request.user), pk=kwargs["pk"])
        self.result = credit(self.contract)
        if request.GET.get("export") == "csv":
            filename = f"ledger-{self.contract.site.hostname}-{self.contract.year}.csv"
            return csv_response(as_csv(ledger_rows(self.result)), filename)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        """责任制台账."""
        return _("责任制台账")

    def get_page_subtitle(self) -> str:
        """The contract."""
        return str(self.contract)

    def get_breadcrumbs_items(self) -> list[dict]:
        """Home › 责任协议 › the contract."""
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("首页")},
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("责任协议")},
            {"url": "", "label": str(self.contract)},
        ]

    def get_context_data(self, **kwargs) -> dict:
        """The ledger, its table and whether the user may edit the contract."""
        context = super().get_context_data(**kwargs)
        rows = [row[2:] for row in ledger_rows(self.result)]
        can_edit = permission_policy.user_has_permission(self.request.user, "change")
        context.update(
            contract=self.contract,
            result=self.result,
            header=rows[0],
            rows=rows[1:],
            edit_url=reverse(f"{NAMESPACE}:edit", args=(self.contract.pk,)) if can_edit else "",
        )
        return context


class PeriodForm(forms.Form):
    """The period a leaderboard covers, and how many candidates it names."""

    start = forms.DateField(label=gettext_lazy("开始日期"), required=False)
    end = forms.DateField(label=gettext_lazy("结束日期"), required=False)
    top = forms.IntegerField(
        label=gettext_lazy("候选数"), min_value=1, max_value=20, required=False
    )

    def clean(self) -> dict:
        """An end before the start is refused."""
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("结束日期不能早于开始日期。"))
        return data


class LeaderboardView(WagtailAdminTemplateMixin, TemplateView):
    """评优: the period's sites and people ranked, candidate 先进单位 and 先进个人 named."""

    template_name = "guarantee/ledger/leaderboard.html"
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        """Rank the user's sites for the period asked (this year so far by default)."""
        if not permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        today = timezone.localdate()
        self.form = PeriodForm(request.GET or None)
        data = self.form.cleaned_data if self.form.is_valid() else {}
        start = data.get("start") or date(today.year, 1, 1)
        end = data.get("end") or max(today, start)
        site_ids = scoped_site_ids(request.user)
        self.board = leaderboard(start, end, site_ids, data.get("top") or 3)
        if request.GET.get("export") == "csv":
            tables = [leaderboard_site_rows(self.board), leaderboard_people_rows(self.board)]
            return csv_response(as_csv(*tables), f"leaderboard-{start}-{end}.csv")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        """评优排行."""
        return _("评优排行")

    def get_page_subtitle(self) -> str:
        """The period."""
        return f"{self.board.start} — {self.board.end}"

    def get_context_data(self, **kwargs) -> dict:
        """The form, the rankings and the CSV link keeping the period."""
        context = super().get_context_data(**kwargs)
        sites, people = leaderboard_site_rows(self.board), leaderboard_people_rows(self.board)
        query = self.request.GET.copy()
        query["export"] = "csv"
        context.update(
            form=self.form,
            board=self.board,
            site_header=sites[0],
            site_rows=sites[1:],
            people_header=people[0],
            people_rows=people[1:],
            csv_query=query.urlencode(),
        )
        return context


class ContractViewSet(ModelViewSet):
    """责任协议: each site's yearly contract with its stages, and the ledger views beside it."""

    model = Contract
    name = NAMESPACE
    url_prefix = "guarantee/contracts"
    icon = "doc-full"
    menu_label = gettext_lazy("责任协议")
    add_to_admin_menu = False
    index_view_class = ContractIndexView
    list_display = ["__str__", "site", "year", "budget", "starts_on", "ends_on"]
    ordering = ["-year", "site__hostname"]

    def get_urlpatterns(self) -> list:
        """The model's views, each contract's 台账 and the 评优 leaderboard."""
        return [
            *super().get_urlpatterns(),
            path("ledger/<int:pk>/", LedgerView.as_view(), name="ledger"),
            path("leaderboard/", LeaderboardView.as_view(), name="leaderboard"),
        ]


contract_viewset = ContractViewSet()


class ScopedMenuItem(MenuItem):
    """A menu item shown to administrators and to anyone who works on a site."""

    def is_shown(self, request) -> bool:
        """Whether the user may view contracts."""
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_viewset")
def register_contract_viewset() -> ContractViewSet:
    """The contracts' admin views."""
    return contract_viewset


@hooks.register("register_admin_menu_item")
def register_responsibility_menu() -> SubmenuMenuItem:
    """责任制 in the admin menu: the contracts and the leaderboard."""
    items = [
        ScopedMenuItem(
            gettext_lazy("责任协议"),
            reverse_lazy(f"{NAMESPACE}:index"),
            icon_name="doc-full",
            order=100,
        ),
        ScopedMenuItem(
            gettext_lazy("评优排行"),
            reverse_lazy(f"{NAMESPACE}:leaderboard"),
            icon_name="pick",
            order=200,
        ),
    ]
    return SubmenuMenuItem(
        gettext_lazy("责任制"),
        Menu(items=items),
        icon_name="group",
        name="responsibility",
        order=850,
    )
