"""Who works on a site: the mail addresses of its groups' members, asked by role through hooks."""

from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.models import Site


def site_staff_emails(site: Site, roles: tuple[str, ...]) -> list[str]:
    """The addresses of the active members of the site's groups of these roles (informant,
    reviewer, maintainer), as the ``site_role_groups`` hook names the groups."""
    groups = []
    for fn in hooks.get_hooks("site_role_groups"):
        found = fn(site)
        groups += [found[role] for role in roles if role in found]
    if not groups:
        return []
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))
