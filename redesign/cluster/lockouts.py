"""The admin's 设置 → 登录锁定 page: cluster administrators see and clear login lockouts."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import throttle

KINDS = ("username", "ip_address")


def can_manage_lockouts(user: Any) -> bool:
    """Whether the user may see and clear lockouts: the cluster's administrators (superusers)."""
    return bool(user.is_active and user.is_superuser)


def _require_manager(request: HttpRequest) -> None:
    """Refuse anyone but a cluster administrator."""
    if not can_manage_lockouts(request.user):
        raise PermissionDenied


class LockoutIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The locked-out usernames and addresses, each with an unlock button."""

    page_title = gettext_lazy("登录锁定")
    header_icon = "lock"
    template_name = "cluster/lockouts.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Only cluster administrators see the page."""
        _require_manager(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        """Home → 登录锁定."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Both lists, with the thresholds they are judged by."""
        context = super().get_context_data(**kwargs)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["cool_off_minutes"] = throttle.cool_off_minutes()
        context["sections"] = [
            {
                "kind": "username",
                "heading": _("被锁定的账号"),
                "column": _("用户名"),
                "empty": _("没有被锁定的账号。"),
                "lockouts": throttle.lockouts("username"),
            },
            {
                "kind": "ip_address",
                "heading": _("被锁定的 IP 地址"),
                "column": _("IP 地址"),
                "empty": _("没有被锁定的 IP 地址。"),
                "lockouts": throttle.lockouts("ip_address"),
            },
        ]
        return context


@require_POST
def unlock_view(request: HttpRequest) -> HttpResponse:
    """Clear one username's or one address's failed logins, then back to the list."""
    _require_manager(request)
    kind = request.POST.get("kind", "")
    value = request.POST.get("value", "").strip()
    if kind not in KINDS or not value:
        messages.error(request, _("没有指定要解锁的账号或 IP 地址。"))
    else:
        throttle.unlock(kind, value)
        label = _("账号") if kind == "username" else _("IP 地址")
        message = _("已解锁%(label)s %(value)s。") % {"label": label, "value": value}
        messages.success(request, message)
    return HttpResponseRedirect(reverse("cluster_lockouts"))


class LockoutsMenuItem(MenuItem):
    """设置 → 登录锁定, shown to cluster administrators only."""

    def is_shown(self, request: HttpRequest) -> bool:
        """Only for those who may clear lockouts."""
        return can_manage_lockouts(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls() -> list:
    """The lockout list and its unlock action under /admin/lockouts/."""
    return [
        path("lockouts/", LockoutIndexView.as_view(), name="cluster_lockouts"),
        path("lockouts/unlock/", unlock_view, name="cluster_lockouts_unlock"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item() -> MenuItem:
    """The settings menu's 登录锁定 entry."""
    return LockoutsMenuItem(
        gettext_lazy("登录锁定"),
        reverse("cluster_lockouts"),
        name="lockouts",
        icon_name="lock",
        order=900,
    )
