"""The 适老化 toolbar: 大字号 enlarges body text, 高对比度 recolours, both survive a reload."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
  return {
    fontSize: parseFloat(style.fontSize),
    color: style.color,
    background: body.backgroundColor,
    bodyColor: body.color,
    largePressed: pressed("large-text"),
    contrastPressed: pressed("high-contrast"),
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
