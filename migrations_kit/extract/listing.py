"""Column-list detection: repeated rows (li, tr, dd, div) that each hold a link and a date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html

from .text import collapse, find_dates, nonspace_len

_ROW_TAGS = frozenset({"li", "tr", "dd", "dt", "div", "p", "article", "section", "h3", "h4"})
_SKIP_HREF = re.compile(r"^(javascript:|#|mailto:)", re.IGNORECASE)
_PAGER = re.compile(
    r"^(首页|上一页|下一页|尾页|末页|前一页|后一页|\d+|…|\.\.\.|更多|more|>>?|<<?)$", re.I
)
MIN_ITEMS = 3


@dataclass
class ListItem:
    """One row of a column list."""

    title: str
    date: str | None
    href: str

    def as_dict(self) -> dict[str, str | None]:
        """Return the JSON form."""
        return {"title": self.title, "date": self.date, "href": self.href}


@dataclass
class ListGroup:
    """The best group of repeated rows on a page."""

    items: list[ListItem]
    dated: int
    text_chars: int


def _row_item(row: lxml.html.HtmlElement, base: str | None) -> ListItem | None:
    """Return the row's main link (longest anchor text) with its date, if the row has one."""
    best = None
    best_len = 0
    for a in row.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or _SKIP_HREF.match(href):
            continue
        text = collapse(a.text_content())
        title_attr = collapse(a.get("title") or "")
        if title_attr and (
            not text or text.endswith(("...", "…", "..")) or len(title_attr) > len(text)
        ):
            if not text or title_attr.startswith(text.rstrip(".…")[:4]):
                text = title_attr
        length = nonspace_len(text)
        if length > best_len and not _PAGER.match(text):
            best, best_len = (text, href), length
    if best is None or best_len < 4:
        return None
    row_text = collapse(row.text_content())
    if nonspace_len(row_text) > best_len * 3 + 40:
        return None
    dates = find_dates(row_text)
    href = urljoin(base, best[1]) if base else best[1]
    return ListItem(best[0], dates[0][1] if dates else None, href)


def find_list(root: lxml.html.HtmlElement, base: str | None = None) -> ListGroup | None:
    """Return the largest group of sibling rows that look like list items."""
    best: ListGroup | None = None
    best_score = 0.0
    for parent in root.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_ITEMS:
            continue
        by_tag: dict[str, list[lxml.html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _ROW_TAGS:
                by_tag.setdefault(child.tag, []).append(child)
        for rows in by_tag.values():
            if len(rows) < MIN_ITEMS:
                continue
            items = []
            for row in rows:
                item = _row_item(row, base)
                if item is not None:
                    items.append(item)
            if len(items) < MIN_ITEMS or len(items) < 0.6 * len(rows):
                continue
            dated = sum(1 for item in items if item.date)
            chars = sum(nonspace_len(item.title) for item in items)
            avg = chars / len(items)
            if avg < 6:
                continue
            score = len(items) * min(avg, 30) * (1.0 + dated / len(items))
            if score > best_score:
                best_score = score
                best = ListGroup(items, dated, chars)
    return best
