"""Shared helpers of the theme tests: a county site wearing a theme, and its pages' HTML."""

import re

from redesign.cluster.models import SiteIdentity

HOST = "napo.localhost"


def wear_theme(county, theme: str):
    """Put the county site in the theme, in the theme's own colours, with its footer furniture."""
    SiteIdentity.objects.filter(site=county.site).update(
        theme=theme,
        primary_color="",
        accent_color="",
        identity_code="4510260001",
        icp_number="桂ICP备05001234号",
        police_number="桂公网安备45102602000123号",
        organizer="那坡县人民政府办公室",
    )
    return county


def get(client, url: str) -> str:
    """The HTML of a page of the county site."""
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200, url
    return response.content.decode()


def ids(html: str) -> list[str]:
    """Every id attribute of the page."""
    return re.findall(r'\sid="([^"]+)"', html)
