"""Whole-site figures of an import against a truth: old URLs that reach a live page, shown dates.

The truth is one record per old article (``url`` and the ``date`` its visitors saw, None when the
page showed none): the legacy site generator's manifest is one, a team's checked sample another.
An old URL is followed over HTTP as a visitor's browser would, redirects and all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.test import Client
from wagtail.models import Page, Site

from redesign.core.workdays import local_zone

from .models import LegacyRecord, key_digest
from .urls import normalize_url

MAX_LISTED = 20


@dataclass
class SiteFigures:
    """Reach and date figures of one import."""

    articles: int = 0
    reached: int = 0
    dated_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)

    @property
    def reach(self) -> float:
        """Share of old article URLs that end on their live page (percent)."""
        return 100 * self.reached / self.articles if self.articles else 0.0

    @property
    def dates(self) -> float:
        """Share of the reached pages that show the old page's date (percent)."""
        return 100 * self.dated_right / self.reached if self.reached else 0.0

    def lines(self) -> list[str]:
        """The figures as printed lines (Chinese, as the team reads them)."""
        out = [
            f"旧文章地址到达已发布页面  {self.reach:5.1f}%  {self.reached}/{self.articles}",
            f"显示旧页面的日期          {self.dates:5.1f}%  {self.dated_right}/{self.reached}",
        ]
        out += [f"    未到达: {url}" for url in self.misses[:MAX_LISTED]]
        out += [f"    日期不同: {line}" for line in self.wrong_dates[:MAX_LISTED]]
        return out


def _path(url: str) -> str:
    """The path and query of an old URL."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def evaluate_site_import(site: Site, truths: Iterable[dict[str, Any]]) -> SiteFigures:
    """Follow every old article URL of the truth on the new site; compare the shown dates."""
    client = Client()
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    figures = SiteFigures()
    zone = local_zone()
    for truth in truths:
        figures.articles += 1
        url = truth["url"]
        record = LegacyRecord.objects.filter(
            site=site, key_hash=key_digest(normalize_url(url))
        ).first()
        page = Page.objects.filter(pk=record.page_id).first() if record and record.page_id else None
        response = client.get(_path(url), HTTP_HOST=host, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else ""
        page = page.specific if page is not None else None
        if page is None or not page.live or response.status_code != 200:
            figures.misses.append(url)
            continue
        if urlsplit(final).path.rstrip("/") != urlsplit(page.get_url(None, site) or "").path.rstrip(
            "/"
        ):
            figures.misses.append(url)  # it ends somewhere else (its column, the home page)
            continue
        figures.reached += 1
        shown = getattr(page, "publish_date", None)
        day = shown.astimezone(zone).date().isoformat() if shown else None
        if day == truth.get("date"):
            figures.dated_right += 1
        else:
            figures.wrong_dates.append(f"{url}（旧 {truth.get('date')}，新 {day}）")
    return figures
