"""The cluster's Wagtail hooks: what other apps may ask of a site's identity, by hook name."""

from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.models import Collection, Site

from . import lockouts, theme_admin  # noqa: F401  (they register their admin views)
from .isolation import media, pages  # noqa: F401  (they register the isolation hooks)
from .models import SiteIdentity
from .provisioning import ROLES


@hooks.register("import_legacy_site_names")
def site_identity_names(site: Site) -> list[str]:
    """The names in the site's 站点信息 (全称, 简称, 主办单位): a 来源 naming one is its own."""
    identity = SiteIdentity.for_site(site)
    return [identity.full_name, identity.short_name, identity.organizer]


@hooks.register("site_collection")
def site_collection(site: Site) -> Collection | None:
    """The collection that holds the site's images and documents."""
    return SiteIdentity.for_site(site).collection


@hooks.register("site_role_groups")
def site_role_groups(site: Site) -> dict[str, Group]:
    """The site's groups by role key (informant, reviewer, maintainer) that exist."""
    name = site.site_name
    wanted = {f"{name} {role.suffix}": role.key for role in ROLES}
    return {wanted[group.name]: group for group in Group.objects.filter(name__in=wanted)}
