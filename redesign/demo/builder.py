"""Build the demo cluster: a portal and county sites with pages, images, documents and users."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from redesign.cluster.provisioning import ProvisioningResult, create_county_site
from redesign.core.models import ArticlePage, ColumnPage

from .content import SEED
from .county_site import build_county
from .errors import DemoError
from .history import build_history
from .portal_site import build_portal
from .profiles import COUNTIES, PORTAL, PORTAL_HOSTNAME, County
from .questions import build_board
from .site_builder import SiteBuilder
from .values import site_url

__all__ = ["DEFAULT_PASSWORD", "PORTAL_HOSTNAME", "DemoCluster", "load_demo_cluster"]

DEFAULT_PASSWORD = "admin12345"  # noqa: S105 - a documented demo password, printed to the user
ADMIN_USERNAME = "admin"

Log = Callable[[str], None]


@dataclass
class SiteSummary:
    """What one demo site holds after loading (or was found to hold)."""

    name: str
    url: str
    articles: int = 0
    pages: int = 0
    images: int = 0
    documents: int = 0
    skipped: bool = False


@dataclass
class Login:
    """A demo login: username, the password if this run set it, and what it is for."""

    username: str
    password: str | None
    role: str


@dataclass
class LoadReport:
    """The outcome of a load: the sites, the logins and whether anything was built."""

    sites: list[SiteSummary] = field(default_factory=list)
    logins: list[Login] = field(default_factory=list)
    admin_url: str = ""

    @property
    def already_loaded(self) -> bool:
        """Whether every site was already there, so nothing was built."""
        return bool(self.sites) and all(site.skipped for site in self.sites)


def summarise(site: Site, port: int, skipped: bool = False) -> SiteSummary:
    """Count the pages, articles, images and documents of a site."""
    root = site.root_page
    pages = Page.objects.descendant_of(root, inclusive=True)
    collection = site.site_name
    return SiteSummary(
        name=site.site_name,
        url=site_url(site.hostname, port),
        articles=ArticlePage.objects.descendant_of(root).live().count(),
        pages=pages.count(),
        images=get_image_model().objects.filter(collection__name=collection).count(),
        documents=get_document_model().objects.filter(collection__name=collection).count(),
        skipped=skipped,
    )


def hide_empty_columns(home: Page) -> None:
    """Take columns that hold nothing out of the menus: a blank column fails an inspection."""
    for column in ColumnPage.objects.child_of(home).live().in_menu():
        if not Page.objects.descendant_of(column).live().exists():
            column.show_in_menus = False
            column.save_revision().publish()


def site_has_content(site: Site) -> bool:
    """Whether a site already has articles, i.e. the demo was loaded into it."""
    return ArticlePage.objects.descendant_of(site.root_page).exists()


class DemoCluster:
    """Loads the portal and county sites, the admin user and one editor per county."""

    def __init__(
        self,
        port: int = 8000,
        password: str = DEFAULT_PASSWORD,
        log: Log | None = None,
        now: datetime.datetime | None = None,
        counties: tuple[County, ...] = COUNTIES,
    ):
        """Set the port, the password of new logins, the log and the moment content predates."""
        self.port = port
        self.password = password
        self.log = log or (lambda message: None)
        self.now = timezone.localtime(now or timezone.now())
        self.counties = counties
        self.staff_logins: list[Login] = []  # the informants and reviewers this run created

    # -- state --------------------------------------------------------------------------------

    def find_site(self, hostname: str) -> Site | None:
        """The demo site at hostname on the chosen port, if it exists."""
        return (
            Site.objects.filter(hostname=hostname, port=self.port)
            .select_related("root_page")
            .first()
        )

    def is_loaded(self) -> bool:
        """Whether the portal and every county site exist and have content."""
        hostnames = [PORTAL_HOSTNAME, *(county.hostname for county in self.counties)]
        for hostname in hostnames:
            site = self.find_site(hostname)
            if site is None or not site_has_content(site):
                return False
        return True

    # -- users --------------------------------------------------------------------------------

    def ensure_admin(self) -> Login:
        """The demo superuser; an existing one keeps its password."""
        user_model = get_user_model()
        user = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            user_model.objects.create_superuser(
                username=ADMIN_USERNAME,
                email="admin@example.org",
                password=self.password,
                first_name="网群管理员",
            )
            return Login(ADMIN_USERNAME, self.password, "超级管理员")
        return Login(ADMIN_USERNAME, self.known_password(user), "超级管理员")

    def ensure_editor(self, county: County, result: ProvisioningResult) -> tuple[Any, Login]:
        """The county's demo editor, in the site's 维护 group."""
        user_model = get_user_model()
        username = f"{county.key}_editor"
        user = user_model.objects.filter(username=username).first()
        password: str | None = None
        if user is None:
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=self.password,
                first_name=f"{county.name}编辑",
            )
            password = self.password
        else:
            password = self.known_password(user)
        user.groups.add(result.groups["maintainer"])
        return user, Login(
            username, password, f"{county.name}维护（{result.groups['maintainer'].name}）"
        )

    def known_password(self, user: Any) -> str | None:
        """The demo password if the existing user still has it, else None (it was changed)."""
        return self.password if user.check_password(self.password) else None

    def existing_logins(self) -> list[Login]:
        """The demo logins as found; passwords only where the demo password still works."""
        user_model = get_user_model()
        logins = []
        admin = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if admin is not None:
            logins.append(Login(ADMIN_USERNAME, self.known_password(admin), "超级管理员"))
        for county in self.counties:
            editor = user_model.objects.filter(username=f"{county.key}_editor").first()
            if editor is not None:
                logins.append(
                    Login(editor.username, self.known_password(editor), f"{county.name}维护")
                )
        return logins

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> LoadReport:
        """Build every missing site, each in its own transaction; skip sites that have content."""
        report = LoadReport(admin_url=f"{site_url(PORTAL_HOSTNAME, self.port)}admin/")
        if self.is_loaded():
            for hostname in [*(c.hostname for c in self.counties), PORTAL_HOSTNAME]:
                report.sites.append(summarise(self.find_site(hostname), self.port, skipped=True))
            report.logins = self.existing_logins()
            return report

        report.logins.append(self.ensure_admin())

        county_sites: dict[str, Site] = {}
        for county in self.counties:
            summary, site, login = self._load_county(county)
            county_sites[county.key] = site
            report.sites.append(summary)
            if login is not None:
                report.logins.append(login)
        report.sites.append(self._load_portal(county_sites))
        report.logins.extend(self.staff_logins)
        if not any(login.username.endswith("_editor") for login in report.logins):
            report.logins.extend(
                login for login in self.existing_logins() if login.username != ADMIN_USERNAME
            )
        return report

    def _rng(self, key: str) -> random.Random:
        """A random generator for one site's pictures."""
        return random.Random(f"{SEED}-images-{key}")  # noqa: S311 - pictures, not security

    def _load_county(self, county: County) -> tuple[SiteSummary, Site, Login | None]:
        """Build one county site unless it already has content."""
        existing = self.find_site(county.hostname)
        if existing is not None and site_has_content(existing):
            self.log(f"{county.full_name}（{county.hostname}）已有内容，跳过。")
            editor = get_user_model().objects.filter(username=f"{county.key}_editor").first()
            login = None
            if editor is not None:
                login = Login(editor.username, self.known_password(editor), f"{county.name}维护")
            return summarise(existing, self.port, skipped=True), existing, login
        self.log(f"正在创建 {county.full_name}（{county.hostname}:{self.port}）……")
        try:
            with transaction.atomic():
                result = create_county_site(
                    county.full_name, county.hostname, self.port, "default", False
                )
                editor, login = self.ensure_editor(county, result)
                builder = SiteBuilder(
                    result, editor, self._rng(county.key), self.now, county.key,
                    county.primary_color, county.accent_color, county.palette,
                )  # fmt: skip
                build_county(builder, county, self.port)
                staff = build_history(county, result, editor, self.password, self.now)
                build_board(county, result.site, staff.reviewer, editor, self.now)
        except DemoError:
            raise
        except Exception as err:
            raise DemoError(f"创建 {county.full_name} 失败：{err}") from err
        summary = summarise(result.site, self.port)
        self.log(
            f"  {county.full_name}：{summary.articles} 篇文章，{summary.pages} 个页面，"
            f"{summary.images} 张图片，{summary.documents} 个文件。"
        )
        self.staff_logins.extend(
            Login(user.username, self.password, f"{county.name}{role}")
            for user, role in (
                *((u, "信息员") for u in staff.informants),
                (staff.reviewer, "审核"),
            )
        )
        return summary, result.site, login

    def _load_portal(self, county_sites: dict[str, Site]) -> SiteSummary:
        """Build the portal unless it already has content."""
        existing = self.find_site(PORTAL_HOSTNAME)
        if existing is not None and site_has_content(existing):
            self.log(f"{PORTAL.full_name}（{PORTAL_HOSTNAME}）已有内容，跳过。")
            return summarise(existing, self.port, skipped=True)
        self.log(f"正在创建 {PORTAL.full_name}（{PORTAL_HOSTNAME}:{self.port}）……")
        try:
            with transaction.atomic():
                result = create_county_site(
                    PORTAL.name, PORTAL_HOSTNAME, self.port, "default", True
                )
                owner = get_user_model().objects.get(username=ADMIN_USERNAME)
                builder = SiteBuilder(
                    result, owner, self._rng("portal"), self.now, "portal",
                    PORTAL.primary_color, PORTAL.accent_color, PORTAL.palette,
                )  # fmt: skip
                build_portal(builder, self.port, county_sites)
                hide_empty_columns(result.home)
        except DemoError:
            raise
        except Exception as err:
            raise DemoError(f"创建 {PORTAL.full_name} 失败：{err}") from err
        summary = summarise(result.site, self.port)
        self.log(f"  {PORTAL.full_name}：{summary.articles} 篇文章，{summary.pages} 个页面。")
        return summary


def load_demo_cluster(
    port: int = 8000, password: str = DEFAULT_PASSWORD, log: Log | None = None
) -> LoadReport:
    """Load the demo cluster (or report that it is loaded) and return what it holds."""
    return DemoCluster(port=port, password=password, log=log).load()
