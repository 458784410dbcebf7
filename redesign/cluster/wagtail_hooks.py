"""The cluster's Wagtail hooks: what other apps may ask of a site's identity, by hook name."""

from wagtail import hooks
from wagtail.models import Site

from . import lockouts  # noqa: F401  registers the lockout admin views
from .isolation import media, pages  # noqa: F401  (they register the isolation hooks)
from .models import SiteIdentity


@hooks.register("import_legacy_site_names")
def site_identity_names(site: Site) -> list[str]:
    """The names in the site's 站点信息 (全称, 简称, 主办单位): a 来源 naming one is its own."""
    identity = SiteIdentity.for_site(site)
    return [identity.full_name, identity.short_name, identity.organizer]
