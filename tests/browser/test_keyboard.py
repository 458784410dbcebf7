"""Keyboard only, from the top of a county home: the skip link, then the search box."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .support import WIDTHS, Visit

if TYPE_CHECKING:
    from playwright.async_api import Page

# What has focus now, described for assertions and messages.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: el.className,
    href: el.getAttribute("href"),
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 20),
    inMain: Boolean(el.closest("#main")),
    visible: rect.width > 1 && rect.height > 1 && rect.top >= 0 && rect.bottom <= innerHeight,
    ring: style.outlineStyle !== "none" || style.boxShadow !== "none",
  };
}"""
# Enough Tab presses to pass the toolbar, the brand and the header on the way to the search box.
MAX_TABS = 30

pytestmark = pytest.mark.django_db


def describe(element: dict[str, Any] | None) -> str:
    """A short name of a focused element, for failure messages."""
    if element is None:
        return "(body)"
    name = element["tag"] + (f"#{element['id']}" if element["id"] else "")
    return f"{name} {element['text']!r}"


async def press_tab(page: Page) -> dict[str, Any] | None:
    """Press Tab once and say what has focus."""
    await page.keyboard.press("Tab")
    return await page.evaluate(FOCUSED)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_first_tab_reaches_a_skip_link_to_the_main_content(
    browser, themed_site, width: str
) -> None:
    """Tab shows 跳到主要内容; Enter moves focus to <main>; the next Tab stays inside it."""

    async def keys(visit: Visit) -> dict[str, Any]:
        """Tab, Enter, Tab; what had focus after each."""
        page = visit.page
        first = await press_tab(page)
        await page.keyboard.press("Enter")
        after_enter = await page.evaluate(FOCUSED)
        hash_ = await page.evaluate("location.hash")
        after_next_tab = await press_tab(page)
        return {"first": first, "enter": after_enter, "hash": hash_, "next": after_next_tab}

    seen = browser.visit(themed_site.url("home"), keys, width)

    first = seen["first"]
    assert first is not None and "skip-link" in first["cls"], describe(first)
    assert first["href"] == "#main" and first["text"] == "跳到主要内容"
    assert first["visible"] and first["ring"], f"the focused skip link is not shown: {first}"
    assert seen["enter"] is not None and seen["enter"]["id"] == "main", describe(seen["enter"])
    assert seen["hash"] == "#main"
    assert seen["next"] is not None and seen["next"]["inMain"], describe(seen["next"])


@pytest.mark.parametrize("width", list(WIDTHS))
def test_tab_reaches_the_search_box_and_enter_searches(browser, themed_site, width: str) -> None:
    """Tab by Tab from the top reaches the search box, shown with a focus ring; Enter searches."""

    async def keys(visit: Visit) -> dict[str, Any]:
        """Tab until the search box has focus, type a word, press Enter."""
        page = visit.page
        path = []
        for _ in range(MAX_TABS):
            focused = await press_tab(page)
            path.append(focused)
            if focused and focused["id"] == "site-search-q":
                break
        else:
            return {"path": path, "url": page.url}
        await page.keyboard.type("那坡")
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        box = page.locator("#site-search-q")
        return {"path": path, "url": page.url, "query": await box.input_value()}

    seen = browser.visit(themed_site.url("home"), keys, width)

    path = seen["path"]
    trail = " → ".join(describe(element) for element in path)
    assert path[-1] and path[-1]["id"] == "site-search-q", f"not reached in {MAX_TABS}: {trail}"
    assert path[-1]["visible"] and path[-1]["ring"], f"the search box shows no focus: {path[-1]}"
    assert all(element is not None for element in path), f"focus fell to the page: {trail}"
    assert "/search/?q=" in seen["url"], seen["url"]
    assert seen["query"] == "那坡"
