"""Filter sets of admin listings whose choices stay within the request user's sites."""

from functools import partial

from django.db.models import QuerySet
from django_filters.filters import QuerySetRequestMixin

from redesign.core.scope import scope_for


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
