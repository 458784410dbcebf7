"""Which part of the cluster an admin user works on: its sites, pages, people and workflows."""

from dataclasses import dataclass
from functools import cached_property, partial, reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from django_filters.filters import QuerySetRequestMixin
from wagtail.models import GroupPagePermission, Page, Site, Task, Workflow, WorkflowPage
from wagtail.permission_policies.pages import PagePermissionPolicy

SCOPE_CACHE = "_cluster_isolation_scope"
page_policy = PagePermissionPolicy()


def _any_of(filters: list[Q]) -> Q:
    """The filters joined with OR; a filter that matches nothing when there are none."""
    return reduce(or_, filters) if filters else Q(pk__in=[])


def _ancestor_paths(path: str) -> list[str]:
    """The tree paths of a page's ancestors, the tree root first."""
    return [path[:end] for end in range(Page.steplen, len(path), Page.steplen)]


@dataclass
class Scope:
    """The sites an admin user works on (everything for a superuser), and what lies in them."""

    user: object
    everything: bool
    sites: tuple[Site, ...]
    paths: tuple[str, ...]  # tree paths of the roots of the user's sites

    def contains(self, page: Page) -> bool:
        """Whether the page lies in one of the user's sites."""
        return self.everything or any(page.path.startswith(path) for path in self.paths)

    def sees(self, page: Page) -> bool:
        """Whether the page lies in the user's sites or above them (the tree root)."""
        return self.contains(page) or any(path.startswith(page.path) for path in self.paths)

    def page_filter(self, prefix: str = "") -> Q:
        """A filter on pages (or on a relation to pages, by prefix) to the user's sites."""
        if self.everything:
            return Q()
        return _any_of([Q(**{f"{prefix}path__startswith": path}) for path in self.paths])

    def confine_pages(self, pages: QuerySet) -> QuerySet:
        """The pages of the queryset that lie in the user's sites."""
        return pages if self.everything else pages.filter(self.page_filter())

    def page_ids(self) -> QuerySet:
        """The ids of every page in the user's sites, as a subquery."""
        return Page.objects.filter(self.page_filter()).values("pk")

    @cached_property
    def groups(self) -> QuerySet:
        """The groups holding page permissions in the user's sites."""
        if self.everything:
            return Group.objects.all()
        held = GroupPagePermission.objects.filter(self.page_filter("page__"))
        return Group.objects.filter(pk__in=held.values("group_id"))

    @cached_property
    def users(self) -> QuerySet:
        """The members of the groups of the user's sites, and the user."""
        users = get_user_model().objects.all()
        if self.everything:
            return users
        members = users.filter(groups__in=self.groups.values("pk")).values("pk")
        return users.filter(Q(pk__in=members) | Q(pk=self.user.pk))

    @cached_property
    def workflows(self) -> QuerySet:
        """The workflows that govern pages of the user's sites (attached in them or above)."""
        if self.everything:
            return Workflow.objects.all()
        above = {ancestor for path in self.paths for ancestor in _ancestor_paths(path)}
        attached = dict(
            WorkflowPage.objects.filter(
                self.page_filter("page__") | Q(page__path__in=above)
            ).values_list("page__path", "workflow_id")
        )
        governing = {pk for path, pk in attached.items() if path not in above}
        for root in self.paths:
            if root not in attached:  # the nearest workflow above the site governs it
                nearest = [path for path in _ancestor_paths(root) if path in attached]
                governing |= {attached[nearest[-1]]} if nearest else set()
        return Workflow.objects.filter(pk__in=governing)

    @cached_property
    def tasks(self) -> QuerySet:
        """The tasks of the workflows of the user's sites."""
        if self.everything:
            return Task.objects.all()
        return Task.objects.filter(workflow_tasks__workflow__in=self.workflows.values("pk"))

    def confine(self, queryset: QuerySet) -> QuerySet:
        """A queryset of users, groups, sites, workflows, tasks or pages cut to the scope."""
        if self.everything:
            return queryset
        model = queryset.model
        if issubclass(model, Page):
            return queryset.filter(self.page_filter())
        if issubclass(model, Site):
            return queryset.filter(pk__in=[site.pk for site in self.sites])
        if issubclass(model, Task):
            return queryset.filter(pk__in=self.tasks.values("pk"))
        for scoped_model, scoped in (
            (get_user_model(), "users"),
            (Group, "groups"),
            (Workflow, "workflows"),
        ):
            if issubclass(model, scoped_model):
                return queryset.filter(pk__in=getattr(self, scoped).values("pk"))
        return queryset


def scope_for(user) -> Scope:
    """The user's scope, computed once per request (cached on the user object)."""
    cached = getattr(user, SCOPE_CACHE, None)
    if cached is not None:
        return cached
    if user.is_active and user.is_superuser:
        scope = Scope(user, True, (), ())
    elif not user.is_authenticated or not user.is_active:
        scope = Scope(user, False, (), ())
    else:
        scope = _scope_from_permissions(user)
    setattr(user, SCOPE_CACHE, scope)
    return scope


def _scope_from_permissions(user) -> Scope:
    """The sites holding (or held under) the pages the user's groups have permissions on."""
    held = {perm.page.path for perm in page_policy.get_cached_permissions_for_user(user)}
    sites, paths = [], set()
    for site in Site.objects.select_related("root_page").order_by("pk"):
        root = site.root_page.path
        if any(path.startswith(root) or root.startswith(path) for path in held):
            sites.append(site)
            paths.add(root)
    # a permission on a page no site is rooted above still scopes that page's subtree
    paths |= {path for path in held if not any(path.startswith(root) for root in paths)}
    return Scope(user, False, tuple(sites), tuple(sorted(paths)))


# Filter sets of admin listings whose choices stay within the request user's sites.


def _confined_choices(original, request) -> QuerySet:
    """The filter's own choices, cut to the sites of the request's user."""
    queryset = original(request) if callable(original) else original
    if request is None:
        return queryset.none()
    return scope_for(request.user).confine(queryset)


class ConfinedFilterSetMixin:
    """Cut each model choice (users, groups, sites, workflows, tasks, pages) to the user's sites."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for model_filter in self.filters.values():
            if not isinstance(model_filter, QuerySetRequestMixin):
                continue
            original = model_filter.queryset
            if original is None:  # set by the filter set itself, e.g. the history's users
                original = model_filter.extra.get("queryset")
            if original is not None:
                model_filter.queryset = partial(_confined_choices, original)


def confined(filterset_class: type) -> type:
    """A subclass of a filter set whose model choices stay within the user's sites."""
    return type(
        f"Confined{filterset_class.__name__}",
        (ConfinedFilterSetMixin, filterset_class),
        {"__module__": __name__, "__doc__": f"{filterset_class.__name__}, confined."},
    )
