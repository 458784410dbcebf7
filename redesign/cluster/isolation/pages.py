"""Pages, reports and workflows in the admin, confined to the sites the editor works on.

Every page view Wagtail routes through its page viewsets (explore, edit, history, revisions,
move, copy, workflow actions and cancellation, usage, privacy, ...) refuses a page outside the
user's sites before it reads anything of it, and its listing filters offer only the user's
sites and people. The page bulk actions drop pages of other sites. The page chooser, the
reports, the forms index and the task chooser are confined in choosers.py, reports.py and
workflows.py; the group edit form's guard is in groups.py. A superuser is confined to nothing.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from redesign.core.scope import confined, scope_for

from . import choosers, groups, reports, workflows  # noqa: F401  (they register their hooks)
from .bulk import register_confined_bulk_actions

# The URL parameters of Wagtail's page views that name a page.
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk")
# The posted fields that name a page (the copy and move forms' destination): refused before
# the form runs, since its chooser widget would show the title of a page it rejects.
PAGE_ID_FIELDS = ("new_parent_page",)


def check_pages_in_scope(user, page_ids: list) -> None:
    """Raise PermissionDenied if a page of the ids is neither in nor above the user's sites."""
    scope = scope_for(user)
    if scope.everything or not page_ids:
        return
    for page in Page.objects.filter(pk__in=page_ids).only("path"):
        if not scope.sees(page):
            raise PermissionDenied


class ConfinedPageViewMixin:
    """Refuse the view when a page named in its URL or form lies outside the user's sites."""

    def setup(self, request, *args, **kwargs) -> None:
        """Check the pages of the URL and of the posted form before the view reads them."""
        ids = [kwargs[k] for k in PAGE_ID_KWARGS if k in kwargs]
        if request.method == "POST":
            posted = (value for name in PAGE_ID_FIELDS for value in request.POST.getlist(name))
            ids += [value for value in posted if value.isdigit()]
        check_pages_in_scope(request.user, ids)
        super().setup(request, *args, **kwargs)


def _confined_view_class(view_class: type) -> type:
    """A subclass of a page view that refuses pages outside the user's sites."""
    attrs = {"__module__": __name__, "__doc__": f"{view_class.__name__}, confined."}
    for name in ("filterset_class", "base_filterset_class"):
        current = getattr(view_class, name, None)
        if current in (PageFilterSet, GenericPageFilterSet):
            attrs[name] = confined(current)
    return type(view_class.__name__, (ConfinedPageViewMixin, view_class), attrs)


class ConfinedPageViewSet(PageViewSet):
    """Wagtail's views of every page type, each confined to the user's sites."""

    filterset_class = confined(GenericPageFilterSet)


for _name in dir(PageViewSet):
    if _name.endswith("_view_class"):
        setattr(ConfinedPageViewSet, _name, _confined_view_class(getattr(PageViewSet, _name)))


class ConfinedSetPrivacyView(ConfinedPageViewMixin, SetPrivacyView):
    """Page privacy, whose group choices are the groups of the user's sites."""

    def get_form(self, form_class=None):
        """Wagtail's form, offering the user's sites' groups (and those already chosen)."""
        form = super().get_form(form_class)
        scope = scope_for(self.request.user)
        if not scope.everything:
            chosen = self.restriction.groups.all() if self.restriction else Group.objects.none()
            form.fields["groups"].queryset = Group.objects.filter(
                Q(pk__in=scope.groups.values("pk")) | Q(pk__in=chosen.values("pk"))
            )
        return form


ConfinedPageViewSet.set_privacy_view_class = ConfinedSetPrivacyView


@hooks.register("register_admin_viewset")
def register_confined_page_viewset() -> PageViewSet:
    """Replace Wagtail's base page viewset (registered with order -1) for every page type."""
    return ConfinedPageViewSet()


class ConfinedBulkActionMixin:
    """A page bulk action that neither lists nor acts on pages of other sites."""

    def get_actionable_objects(self) -> tuple[list, dict]:
        """Wagtail's objects and objects without access, without those of other sites."""
        objects, extra = super().get_actionable_objects()
        scope = scope_for(self.request.user)
        if scope.everything:
            return objects, extra
        no_access = [page for page in extra["items_with_no_access"] if scope.contains(page)]
        return [page for page in objects if scope.contains(page)], {
            **extra,
            "items_with_no_access": no_access,
        }


register_confined_bulk_actions(
    ConfinedBulkActionMixin,
    (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction),
    __name__,
)
