"""The 适老化 toolbar: type size, contrast, line spacing and cursor change the page and are kept."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from .support import Visit, blocking, describe_violations, run_axe

if TYPE_CHECKING:
    from playwright.async_api import Page

# The article body's first paragraph: the text a visitor reads.
BODY_TEXT = ".article__body p"
# Computed type and colours of the body text and the page, and the toolbar's state.
LOOK = """(selector) => {
  const text = document.querySelector(selector);
  const style = getComputedStyle(text);
  const body = getComputedStyle(document.body);
  const pressed = (name) =>
    document.querySelector(`[data-a11y="${name}"]`).getAttribute("aria-pressed");
  const link = document.querySelector("a[href]");
  return {
    fontSize: parseFloat(style.fontSize),
    lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
    cursor: getComputedStyle(document.body).cursor,
    linkCursor: getComputedStyle(link).cursor,
    color: style.color,
    background: body.backgroundColor,
    bodyColor: body.color,
    largePressed: pressed("large-text"),
    contrastPressed: pressed("high-contrast"),
    spacingPressed: pressed("line-spacing"),
    cursorPressed: pressed("large-cursor"),
    toolbarShown: !document.querySelector("[data-a11y-toolbar]").hidden,
  };
}"""

pytestmark = pytest.mark.django_db


async def look(page: Page, text: str = BODY_TEXT) -> dict[str, Any]:
    """How the text matched by the selector, and the page, look now."""
    return await page.evaluate(LOOK, text)


async def press(page: Page, action: str, text: str = BODY_TEXT) -> dict[str, Any]:
    """Click one toolbar button and say how the page looks then."""
    await page.click(f'[data-a11y="{action}"]')
    return await look(page, text)


def test_large_text_and_high_contrast_change_the_page_and_are_remembered(
    browser, themed_site
) -> None:
    """大字号 and 高对比度 change computed size and colours, after a reload too; 恢复默认 undoes."""

    async def use_toolbar(visit: Visit) -> dict[str, dict[str, Any]]:
        """Each state of the page as the visitor works the toolbar and reloads."""
        page = visit.page
        seen = {"plain": await look(page)}
        seen["large"] = await press(page, "large-text")
        seen["contrast"] = await press(page, "high-contrast")
        await page.reload(wait_until="load")
        seen["reloaded"] = await look(page)
        seen["reset"] = await press(page, "reset")
        await page.reload(wait_until="load")
        seen["reset_reloaded"] = await look(page)
        return seen

    seen = browser.visit(themed_site.url("article"), use_toolbar)

    plain, large, contrast = seen["plain"], seen["large"], seen["contrast"]
    assert plain["toolbarShown"], "the toolbar stays hidden: a11y.js did not run"
    assert (plain["largePressed"], plain["contrastPressed"]) == ("false", "false")
    assert large["fontSize"] >= plain["fontSize"] * 1.2, (plain["fontSize"], large["fontSize"])
    assert large["largePressed"] == "true"
    assert large["color"] == plain["color"] and large["background"] == plain["background"]
    assert contrast["contrastPressed"] == "true"
    assert contrast["color"] != plain["color"], contrast["color"]
    assert contrast["background"] != plain["background"], contrast["background"]
    assert contrast["background"] == "rgb(0, 0, 0)" and contrast["bodyColor"] in {
        "rgb(255, 255, 255)",
        "rgb(255, 230, 0)",
    }
    assert seen["reloaded"] == contrast, "the choice is not remembered after a reload"
    assert seen["reset"] == plain
    assert seen["reset_reloaded"] == plain


def test_line_spacing_and_large_cursor_change_the_page_and_are_remembered(
    browser, themed_site
) -> None:
    """加大行距 opens the lines up, 大鼠标 enlarges the pointer; a reload keeps both."""

    async def use_toolbar(visit: Visit) -> dict[str, dict[str, Any]]:
        """The page before, after both buttons, and after a reload."""
        page = visit.page
        seen = {"plain": await look(page)}
        await press(page, "line-spacing")
        seen["both"] = await press(page, "large-cursor")
        await page.reload(wait_until="load")
        seen["reloaded"] = await look(page)
        return seen

    seen = browser.visit(themed_site.url("article"), use_toolbar)

    plain, both = seen["plain"], seen["both"]
    spacing = (plain["lineHeight"], both["lineHeight"])
    assert both["lineHeight"] >= plain["lineHeight"] + 0.3, spacing
    assert (both["spacingPressed"], both["cursorPressed"]) == ("true", "true")
    assert "cursor-arrow.svg" not in plain["cursor"] and "cursor-arrow.svg" in both["cursor"]
    assert "cursor-hand.svg" in both["linkCursor"], both["linkCursor"]
    assert both["fontSize"] == plain["fontSize"]
    assert seen["reloaded"] == both, "the choice is not remembered after a reload"


def test_the_toolbar_works_with_scripts_turned_off(browser, themed_site) -> None:
    """Without JavaScript each button is a form: the page comes back with the choice applied."""

    async def without_scripts(visit: Visit) -> dict[str, dict[str, Any]]:
        """Press 放大字号 twice and 高对比度, each a round trip to the server."""
        page = visit.page
        seen = {"plain": await look(page)}
        for action in ("font-up", "font-up", "high-contrast"):
            async with page.expect_navigation(wait_until="load"):
                await page.click(f'[data-a11y="{action}"]')
        seen["after"] = await look(page)
        seen["url"] = {"path": await page.evaluate("location.pathname")}
        return seen

    seen = browser.visit(themed_site.url("article"), without_scripts, javascript=False)

    plain, after = seen["plain"], seen["after"]
    assert plain["toolbarShown"], "without scripts the toolbar must still be there"
    assert after["fontSize"] >= plain["fontSize"] * 1.2, (plain["fontSize"], after["fontSize"])
    assert after["background"] == "rgb(0, 0, 0)"
    assert (after["largePressed"], after["contrastPressed"]) == ("true", "true")
    assert seen["url"]["path"] == urlsplit(themed_site.url("article")).path, (
        "the visitor is not back on the page they were reading"
    )


@pytest.mark.parametrize("key", ["home", "article"])
def test_high_contrast_with_large_text_has_no_serious_axe_violation(
    browser, themed_site, key: str
) -> None:
    """With both switches on, axe-core finds nothing critical or serious (contrast included)."""

    async def axe(visit: Visit) -> list[dict[str, Any]]:
        """Switch both on, then run axe-core."""
        await press(visit.page, "large-text", "#main")
        after = await press(visit.page, "high-contrast", "#main")
        assert (after["largePressed"], after["contrastPressed"]) == ("true", "true")
        return await run_axe(visit.page)

    violations = blocking(browser.visit(themed_site.url(key), axe, "desktop"))

    assert not violations, f"{key}, high contrast and large text:\n" + describe_violations(
        violations
    )
