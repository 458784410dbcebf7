"""Helpers for tests that read the 网站地图 page."""

from __future__ import annotations

import re


def site_map_links(html: str) -> list[tuple[str, str]]:
    """The (href, title) pairs of the site map's own list, not of the navigation or footer."""
    start = html.find('<ul class="site-map">')
    assert start != -1, "the site map lists no pages"
    section = html[start : html.index("</main>", start)]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', section)
