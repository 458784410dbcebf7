"""What the browser tests share: the themes, the widths, Chromium's path, axe-core and artifacts."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from playwright.async_api import Page

# Where a browser test's skip reason starts, so the terminal summary can find it.
NOT_RUN = "browser tests did not run"
# Screen widths a visitor comes with: a phone and a common office desktop.
WIDTHS: dict[str, tuple[int, int]] = {"mobile": (390, 844), "desktop": (1366, 900)}
# axe-core findings of these impacts fail a page.
BLOCKING_IMPACTS = frozenset({"critical", "serious"})
DEFAULT_CHROMIUM = "/usr/bin/chromium"


def theme_names() -> list[str]:
    """Every theme of site_templates/ that has a theme.toml, by the product's own registry."""
    from redesign.cluster.themes import available_themes

    return sorted(available_themes())


def chromium_path() -> str | None:
    """The Chromium to drive: $REDESIGN_CHROMIUM, else chromium on PATH, else Debian's path."""
    configured = os.environ.get("REDESIGN_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return DEFAULT_CHROMIUM if Path(DEFAULT_CHROMIUM).is_file() else None


def artifacts_dir() -> Path:
    """The folder screenshots go to: $BROWSER_ARTIFACTS, else tests/browser/artifacts/."""
    folder = Path(os.environ.get("BROWSER_ARTIFACTS") or Path(__file__).parent / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


T = TypeVar("T")


@dataclass
class Visit:
    """One loaded page and what went wrong while it loaded and ran."""

    page: Page
    script_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


class BrowserSession:
    """Chromium driven through Playwright's async API on a private event loop.

    Playwright's sync API leaves its event loop marked as running in the main thread for as long
    as it lives, so Django refuses every ORM call there (SynchronousOnlyOperation), the test
    database's setup included. Here the loop runs only inside `run`, and the ORM works between.
    """

    def __init__(self, executable: str) -> None:
        """Start Playwright and launch the Chromium at executable (raises if it cannot start)."""
        from playwright.async_api import async_playwright

        self.loop = asyncio.new_event_loop()
        self.playwright = self.run(async_playwright().start())
        try:
            self.browser = self.run(
                self.playwright.chromium.launch(executable_path=executable, headless=True)
            )
        except BaseException:
            self.run(self.playwright.stop())
            self.loop.close()
            raise

    def run(self, awaitable: Awaitable[T]) -> T:
        """Run one coroutine of the browser to its end."""
        return self.loop.run_until_complete(awaitable)

    def close(self) -> None:
        """Close the browser, Playwright and the loop."""
        self.run(self.browser.close())
        self.run(self.playwright.stop())
        self.loop.close()

    def visit(
        self,
        url: str,
        check: Callable[[Visit], Awaitable[T]],
        width: str = "desktop",
        javascript: bool = True,
    ) -> T:
        """Load url in a fresh context (no saved storage) at a width of WIDTHS, then run check.

        The response must be a success; same-host responses of 400 or more and uncaught script
        errors are collected in the Visit for check to judge. javascript=False visits as a
        browser with scripts turned off.
        """
        return self.run(self._visit(url, check, width, javascript))

    async def _visit(
        self, url: str, check: Callable[[Visit], Awaitable[T]], width: str, javascript: bool
    ) -> T:
        """The coroutine behind visit."""
        w, h = WIDTHS[width]
        context = await self.browser.new_context(
            viewport={"width": w, "height": h}, locale="zh-CN", java_script_enabled=javascript
        )
        try:
            page = await context.new_page()
            visit = Visit(page)
            origin = url.split("/", 3)[:3]
            page.on("pageerror", lambda err: visit.script_errors.append(str(err)))

            def note(response: Any) -> None:
                """Keep a failed response from the site itself."""
                if response.status >= 400 and response.url.split("/", 3)[:3] == origin:
                    visit.failed_requests.append(f"{response.status} {response.url}")

            page.on("response", note)
            response = await page.goto(url, wait_until="load")
            status = response.status if response else "no response"
            assert response is not None and response.ok, f"{url}: HTTP {status}"
            await page.evaluate("document.fonts.ready.then(() => true)")
            return await check(visit)
        finally:
            await context.close()


@cache
def axe_source() -> str:
    """axe-core's script, as packaged by axe-playwright-python."""
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


async def run_axe(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page and return its violations.

    The script goes in through the DevTools protocol (page.evaluate), which the site's Content
    Security Policy does not govern, so the page under test keeps its real policy.
    """
    await page.evaluate(axe_source())
    results = await page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations whose impact fails a page."""
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe_violations(violations: list[dict[str, Any]], limit: int = 8) -> str:
    """One paragraph per violation: id, impact, help, and the target nodes with their summary."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        nodes = violation.get("nodes", [])
        for node in nodes[:limit]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}  {summary[:240]}")
        if len(nodes) > limit:
            lines.append(f"    ... and {len(nodes) - limit} more nodes")
    return "\n".join(lines)


@dataclass(frozen=True)
class CountySite:
    """A county site the live server answers for, the pages under test, and the theme it wears."""

    base_url: str
    display_name: str
    site_id: int
    paths: dict[str, str]
    theme: str = ""
    primary_color: str = ""

    def url(self, key: str) -> str:
        """The absolute URL of one page under test."""
        return self.base_url + self.paths[key]
