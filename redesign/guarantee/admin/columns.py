"""栏目更新情况: every column of the user's sites with its freshness against its type's interval."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from redesign.core.models import ArticlePage, ColumnPage
from redesign.core.scope import confined, scope_for
from redesign.core.workdays import local_today, local_zone


def _days_since(page) -> int | None:
    """Whole local days since the newest dated item filed under the column."""
    if page.newest_item is None:
        return None
    return (local_today() - page.newest_item.astimezone(local_zone()).date()).days


class FreshnessColumn(Column):
    """Days since the column's newest item over its interval, marked when past it."""

    def get_value(self, instance) -> str:
        """E.g. 「12 天 / 14 天」, 「20 天 / 14 天（已过期）」 or 「无日期稿件」."""
        limit = instance.freshness_rule.max_age_days
        if limit is None:
            return str(_("不限更新周期（不得空白）"))
        days = _days_since(instance)
        if days is None:
            return str(_("无注明日期的稿件（视为未更新）"))
        text = _("%(days)s 天 / %(limit)s 天") % {"days": days, "limit": limit}
        if days > limit:
            return f"{text}{_('（已过期）')}"
        return f"{text}{_('（还剩 %(left)s 天）') % {'left': limit - days}}"


class ColumnFreshnessIndexView(IndexView):
    """The column listing with each column's newest item annotated, confined to the user's sites."""

    default_ordering = "newest_item"

    def get_base_queryset(self):
        """Columns in the user's sites only, with the shown date of their newest item."""
        return scope_for(self.request.user).confine_pages(super().get_base_queryset())

    def annotate_queryset(self, pages):
        """Annotate the newest dated live item anywhere under each column."""
        pages = super().annotate_queryset(pages)
        newest = (
            ArticlePage.objects.live()
            .filter(path__startswith=OuterRef("path"), publish_date__isnull=False)
            .order_by("-publish_date")
            .values("publish_date")[:1]
        )
        return pages.annotate(newest_item=Subquery(newest))


class ColumnFreshnessViewSet(PageListingViewSet):
    """栏目更新情况 in the main menu."""

    model = ColumnPage
    index_view_class = ColumnFreshnessIndexView
    icon = "time"
    menu_label = _("栏目更新情况")
    menu_order = 150
    add_to_admin_menu = True
    name = "column_freshness"
    filterset_class = confined(PageFilterSet)  # Wagtail's page filters, choices of the user's sites
    columns = [
        *IndexView.base_columns[:3],
        Column("column_type", label=_("栏目类型"), accessor="get_column_type_display", width="12%"),
        FreshnessColumn("freshness", label=_("距上次更新 / 时限"), sort_key="newest_item"),
        *IndexView.base_columns[4:],
    ]


@hooks.register("register_admin_viewset")
def register_column_freshness() -> ColumnFreshnessViewSet:
    """The column listing viewset."""
    return ColumnFreshnessViewSet()
