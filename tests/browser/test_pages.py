"""Each public page of a county site in a real browser: a screenshot per width, and axe-core."""

from __future__ import annotations

import pytest
from PIL import Image

from .support import WIDTHS, Visit, artifacts_dir, blocking, describe_violations, run_axe

PAGES = ("home", "column", "article", "industry", "standard", "qa", "qa_detail")
# Load every lazy image now and wait for all images to finish (or fail), for the screenshot.
LOAD_LAZY_IMAGES = """() => Promise.all(Array.from(document.images, (img) => {
  img.loading = "eager";
  return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
}))"""
# A screenshot smaller than this, or with fewer colours, is a blank or broken page.
MIN_SCREENSHOT_BYTES = 20_000
MIN_COLOURS = 64
# The theme's primary colour as the page's CSS resolves it.
PRIMARY_COLOUR = (
    "getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim()"
)

# Database access for the live server: the pages themselves are written once per module.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("key", PAGES)
def test_page_renders_and_its_screenshot_is_saved(
    browser, themed_site, key: str, width: str
) -> None:
    """The page is this site's in its theme, has no script errors, fits the screen; saved."""
    path = artifacts_dir() / f"{themed_site.theme}-{key}-{width}.png"
    path.unlink(missing_ok=True)

    async def look(visit: Visit) -> dict:
        """Save the screenshot; the page's title, landmarks, overflow and errors."""
        page = visit.page
        # A full-page shot does not scroll, so lazy pictures below the fold would stay blank.
        await page.evaluate(LOAD_LAZY_IMAGES)
        await page.screenshot(path=str(path), full_page=True)
        return {
            "title": await page.title(),
            "primary": await page.evaluate(PRIMARY_COLOUR),
            "mains": await page.locator("main#main").count(),
            "overflow": await page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            ),
            "script_errors": visit.script_errors,
            "failed_requests": visit.failed_requests,
        }

    seen = browser.visit(themed_site.url(key), look, width)

    assert themed_site.display_name in seen["title"], seen["title"]
    assert seen["primary"] == themed_site.primary_color, f"not in theme {themed_site.theme}"
    assert seen["mains"] == 1
    assert seen["script_errors"] == []
    assert seen["failed_requests"] == []
    assert seen["overflow"] <= 0, f"{key} at {width} scrolls sideways by {seen['overflow']}px"
    assert path.is_file() and path.stat().st_size > MIN_SCREENSHOT_BYTES, path
    with Image.open(path) as shot:
        assert shot.width == WIDTHS[width][0]
        assert shot.height >= WIDTHS[width][1] // 2
        colours = shot.convert("RGB").getcolors(maxcolors=MIN_COLOURS * 4)
        assert colours is None or len(colours) >= MIN_COLOURS, f"{path}: nearly blank"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("key", PAGES)
def test_page_has_no_serious_axe_violation(browser, themed_site, key: str, width: str) -> None:
    """axe-core finds nothing critical or serious on the page."""

    async def axe(visit: Visit) -> list[dict]:
        """axe-core's violations on the loaded page."""
        return await run_axe(visit.page)

    violations = blocking(browser.visit(themed_site.url(key), axe, width))

    assert not violations, f"{themed_site.url(key)} at {width}:\n" + describe_violations(violations)


def test_the_axe_check_itself_catches_a_broken_page(browser) -> None:
    """A page with an unlabelled field and an image without alt fails, as a guard on the harness."""
    broken = '<!DOCTYPE html><html><body><img src="data:,"><input type="text"></body></html>'

    async def axe_on_broken() -> list[dict]:
        """axe-core's violations on a page known to be inaccessible."""
        context = await browser.browser.new_context()
        try:
            page = await context.new_page()
            await page.set_content(broken)
            return await run_axe(page)
        finally:
            await context.close()

    found = {v["id"]: v["impact"] for v in blocking(browser.run(axe_on_broken()))}

    assert {"image-alt", "label", "html-has-lang"} <= set(found), found
