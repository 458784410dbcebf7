"""The admin's 主题外观 page: a site's themes, each with a preview link and a style guide."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from . import theme_preview, themes
from .models import SiteIdentity

# The tokens shown as colour swatches on each theme's card.
SWATCH_TOKENS = ("color-primary", "color-accent", "color-surface", "color-footer")


def _styleguide_url(site: Site, theme_name: str) -> str:
    """The site's style guide in the theme, on the site's own host."""
    return f"{site.root_url}{reverse('styleguide')}?{urlencode({'theme': theme_name})}"


class ThemeIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The sites the user runs, each with its current theme; one site goes straight to its page."""

    page_title = gettext_lazy("主题外观")
    header_icon = "image"
    template_name = "cluster/themes/index.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """List the user's sites, or open the only one."""
        self.sites = theme_preview.previewable_sites(request.user)
        if not self.sites:
            raise Http404
        if len(self.sites) == 1:
            return HttpResponseRedirect(reverse("cluster_site_themes", args=[self.sites[0].pk]))
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        """Home → 主题外观."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Each site with the label of its theme."""
        context = super().get_context_data(**kwargs)
        identities = {i.site_id: i for i in SiteIdentity.objects.filter(site__in=self.sites)}
        context["rows"] = [
            (site, themes.get_theme(getattr(identities.get(site.pk), "theme", "")))
            for site in self.sites
        ]
        return context


class SiteThemesView(WagtailAdminTemplateMixin, TemplateView):
    """One site's themes: the one in use, and for each a preview link and its style guide."""

    header_icon = "image"
    template_name = "cluster/themes/site.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Only editors of this site find it; any other site is not found."""
        self.site = Site.objects.filter(pk=kwargs["site_id"]).select_related("root_page").first()
        if self.site is None or not theme_preview.may_preview(request.user, self.site):
            raise Http404
        self.identity = SiteIdentity.for_site(self.site)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        """The site's name."""
        return f"{gettext_lazy('主题外观')}：{self.identity.display_name}"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        """Home → 主题外观 → the site."""
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cluster_themes"), "label": gettext_lazy("主题外观")},
            {"url": "", "label": self.identity.display_name},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Every theme with its swatches and links; the settings page to switch for good."""
        context = super().get_context_data(**kwargs)
        current = themes.get_theme(self.identity.theme).name
        cards = []
        for name, theme in themes.available_themes().items():
            tokens = {**themes.get_theme(themes.BASE_THEME).tokens, **theme.tokens}
            cards.append(
                {
                    "theme": theme,
                    "current": name == current,
                    "swatches": [(t, tokens[t]) for t in SWATCH_TOKENS if t in tokens],
                    "preview_url": theme_preview.preview_link(self.site, name, self.request.user),
                    "styleguide_url": _styleguide_url(self.site, name),
                }
            )
        context.update(
            site=self.site,
            cards=cards,
            max_age_days=theme_preview.PREVIEW_MAX_AGE // 86400,
            settings_url=reverse(
                "wagtailsettings:edit", args=["cluster", "siteidentity", self.site.pk]
            ),
        )
        return context


class ThemesMenuItem(MenuItem):
    """设置 → 主题外观, for anyone who edits a site."""

    def is_shown(self, request: HttpRequest) -> bool:
        """Shown to editors of at least one site."""
        return bool(theme_preview.previewable_sites(request.user))


@hooks.register("register_admin_urls")
def register_theme_urls() -> list:
    """The theme pages under /admin/themes/."""
    return [
        path("themes/", ThemeIndexView.as_view(), name="cluster_themes"),
        path("themes/<int:site_id>/", SiteThemesView.as_view(), name="cluster_site_themes"),
    ]


@hooks.register("register_settings_menu_item")
def register_themes_menu_item() -> MenuItem:
    """The settings menu's 主题外观 entry."""
    return ThemesMenuItem(
        gettext_lazy("主题外观"),
        reverse("cluster_themes"),
        name="themes",
        icon_name="image",
        order=150,
    )
