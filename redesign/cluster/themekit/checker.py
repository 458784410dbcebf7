"""check_theme's engine: render every page type and every block of a theme on the sample site."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from ..themes import Theme, available_themes, use_theme
from . import furniture
from .catalogue import BlockEntry, block_catalogue, page_types, preview_value
from .samples import SampleSite, sample_site

Progress = Callable[[str], None]

RENDER_KEY = "render"


@dataclass
class PageReport:
    """One page of the sample site in one theme: whether it rendered and each check's result."""

    key: str
    label: str
    url: str
    results: dict[str, furniture.Result] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the page rendered and passed every check."""
        return all(result.ok for result in self.results.values())


@dataclass(frozen=True)
class BlockFailure:
    """A block that failed to render, or rendered without alt text or with a repeated id."""

    entry: BlockEntry
    detail: str


@dataclass
class ThemeReport:
    """Everything check_theme found for one theme."""

    theme: Theme
    pages: list[PageReport] = field(default_factory=list)
    blocks_checked: int = 0
    block_failures: list[BlockFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every page and every block passed."""
        return not self.block_failures and all(page.ok for page in self.pages)


def furniture_expected(sample: SampleSite) -> furniture.Expected:
    """What the sample site's pages must show."""
    identity = sample.identity
    return furniture.Expected(
        identity_code=identity.identity_code,
        icp_number=identity.icp_number,
        police_number=identity.police_number,
        conac_url=identity.conac_url,
        error_report_url=identity.error_report_link,
        site_map_url=reverse("site_map"),
        search_url=reverse("search"),
        media_url=settings.MEDIA_URL,
    )


def sample_urls(sample: SampleSite) -> list[tuple[str, str, str]]:
    """(key, Chinese name, URL) of each page checked: every page type, site map, search, 404."""
    urls = [
        (page_type.key, page_type.label, sample.pages[page_type.key].relative_url(sample.site))
        for page_type in page_types()
    ]
    urls.append(("site_map", _("网站地图页"), reverse("site_map")))
    urls.append(("search", _("搜索结果页"), reverse("search") + "?q=示例"))
    urls.append((NOT_FOUND_KEY, _("找不到页面"), NOT_FOUND_URL))
    try:
        urls.append(("interaction", _("互动留言页"), reverse("interaction:index")))
    except NoReverseMatch:  # the message board is not installed
        pass
    return urls


# The 404 page is a theme template too (404.html) and must carry the furniture like any other.
NOT_FOUND_KEY = "not_found"
NOT_FOUND_URL = "/themekit-no-such-page/"


def _error(err: Exception) -> str:
    """A one-line description of a rendering error."""
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message[:200]}"


def check_page(client: Client, key: str, label: str, url: str, expected) -> PageReport:
    """Request one page and run every furniture check on it."""
    report = PageReport(key=key, label=label, url=url)
    try:
        response = client.get(url)
    except Exception as err:  # noqa: BLE001 - any error of a designer's template is a finding
        report.results[RENDER_KEY] = furniture.Result(False, _error(err))
        return report
    wanted = 404 if key == NOT_FOUND_KEY else 200
    if response.status_code != wanted:
        report.results[RENDER_KEY] = furniture.Result(
            False, _("HTTP 状态码 %(code)s") % {"code": response.status_code}
        )
        return report
    report.results[RENDER_KEY] = furniture.Result(True)
    report.results.update(furniture.check_page(response.content.decode(), expected))
    return report


def check_blocks(sample: SampleSite, theme_name: str) -> tuple[int, list[BlockFailure]]:
    """Render every block of the catalogue from its preview value, on its own, in the theme."""
    request = RequestFactory().get("/", HTTP_HOST=sample.hostname, secure=True)
    failures = []
    entries = block_catalogue()
    expected = furniture_expected(sample)
    for entry in entries:
        try:
            with use_theme(theme_name):
                html = entry.block.render(
                    preview_value(entry.block), context={"page": sample.home, "request": request}
                )
        except Exception as err:  # noqa: BLE001 - any error of a designer's template is a finding
            failures.append(BlockFailure(entry, _error(err)))
            continue
        fragment = f"<html><body>{html}</body></html>"
        results = furniture.check_page(fragment, expected, furniture.FRAGMENT_CHECKS)
        failures += [BlockFailure(entry, r.detail) for r in results.values() if not r.ok]
    return len(entries), failures


def check_theme_on(
    sample: SampleSite, client: Client, theme: Theme, progress: Progress
) -> ThemeReport:
    """Check one theme on an existing sample site."""
    sample.use(theme.name)
    report = ThemeReport(theme=theme)
    expected = furniture_expected(sample)
    for key, label, url in sample_urls(sample):
        progress(
            _("  %(theme)s：%(page)s %(url)s") % {"theme": theme.name, "page": label, "url": url}
        )
        report.pages.append(check_page(client, key, label, url, expected))
    progress(_("  %(theme)s：逐个渲染区块") % {"theme": theme.name})
    report.blocks_checked, report.block_failures = check_blocks(sample, theme.name)
    return report


def check_themes(names: Iterable[str], progress: Progress | None = None) -> list[ThemeReport]:
    """Check each named theme on one temporary sample site that is rolled back afterwards."""
    progress = progress or (lambda message: None)
    themes = available_themes()
    chosen = [themes[name] for name in names]
    if not chosen:
        return []
    progress(_("建立临时示例站点（检查结束后全部回滚）……"))
    reports = []
    with sample_site(chosen[0].name) as sample:
        hosts = [*settings.ALLOWED_HOSTS, sample.hostname]
        # DEBUG off, as visitors see the site: a 404 renders the theme's 404.html, not Django's.
        with override_settings(ALLOWED_HOSTS=hosts, DEBUG=False):
            client = Client(HTTP_HOST=sample.hostname, secure=True)
            for theme in chosen:
                progress(
                    _("检查主题 %(name)s（%(label)s）") % {"name": theme.name, "label": theme.label}
                )
                reports.append(check_theme_on(sample, client, theme, progress))
    return reports
