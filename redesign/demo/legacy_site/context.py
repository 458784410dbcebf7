"""What the page writers of a generated site share: plan, writer, chrome and page output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import assets
from .layouts import Chrome, NavItem, side_menu
from .plan import Column, SitePlan, rng_for
from .writer import SiteWriter, charset_for


class SiteContext:
    """What every page writer of a site shares: its plan, writer and chrome, and page output."""

    def __init__(self, plan: SitePlan, writer: SiteWriter) -> None:
        """Bind the plan and the writer and prepare the shared page chrome."""
        self.plan = plan
        self.writer = writer
        self.profile = plan.profile
        self.county = plan.profile.county
        nav = [NavItem("首页", "index.html")]
        nav += [NavItem(section.name, f"{section.path}/index.htm") for section in plan.sections]
        nav += [
            NavItem(column.name, f"{column.path}/index.htm")
            for column in plan.columns
            if column.section is None
        ]
        nav += [
            NavItem("县情概况", "xqgk/index.htm"),
            NavItem("机构职能", "jgzn/index.htm"),
            NavItem("领导信息", "ldxx/index.htm"),
            NavItem("互动交流", "hdjl/index.htm"),
            NavItem("网站地图", "wzdt.htm"),
            NavItem("站内搜索", "search.htm"),
        ]
        self.chrome = Chrome(self.profile, nav)
        self.progress: Callable[[int, int], None] | None = None
        self.pattern_counts: dict[str, int] = {}  # articles (not duplicates) per pattern

    # -- helpers ---------------------------------------------------------------------------

    def html_title(self, title: str) -> str:
        """Return the <title> text: headline plus the site suffix."""
        return f"{title}{self.profile.title_separator}{self.profile.site_name}"

    def emit(
        self, path: str, kind: str, title: str, render: Callable[[str | None], str], **extra: Any
    ) -> bytes:
        """Render a page with its charset decision and write it."""
        declared, actual = charset_for(self.profile, path)
        entry = {"kind": kind, "title": title, "declared_charset": declared, **extra}
        data = self.writer.page(path, render(declared), entry, actual)
        if self.progress and self.writer.pages % 500 == 0:
            self.progress(self.writer.pages, self.plan.pages)
        return data

    def column_menu(self, column: Column, page: str) -> str:
        """Return the side menu listing the column's siblings."""
        if column.section is None:
            return side_menu(
                self.chrome, page, column.name, [(column.name, f"{column.path}/index.htm")]
            )
        siblings = [c for c in self.plan.columns if c.section == column.section]
        items = [(c.name, f"{c.path}/index.htm") for c in siblings]
        return side_menu(self.chrome, page, column.section.name, items)

    def image_asset(self, path: str, seed_key: str, width: int, height: int) -> None:
        """Draw and write an image file."""
        ext = path.rsplit(".", 1)[1]
        data = assets.image_bytes(rng_for(self.plan.seed, "pixels", seed_key), ext, width, height)
        self.writer.asset(path, data, "image", format=ext, width=width, height=height)
