"""Tell layout tables (page frames, boxes) from data tables, and flatten the layout ones."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .sanitize import HEADINGS

SECTIONS = frozenset({"thead", "tbody", "tfoot"})
CELLS = frozenset({"td", "th"})
_BLOCKY = frozenset({"table", "ul", "ol", "blockquote", *HEADINGS})
_SPACE = re.compile(r"[\s\u3000\xa0]+")

SHORT_CELL = 60
"""A cell with at most this many characters counts as short text."""
SHORT_SHARE = 0.6
"""A data table has at least this share of short non-empty cells."""
LINK_SHARE = 0.5
"""A grid where at least this share of cells is nothing but a link is navigation."""


def squash(text: str) -> str:
    """Collapse blanks (including full-width and no-break spaces) and strip."""
    return _SPACE.sub(" ", text).strip()


def table_rows(table: HtmlElement) -> list[HtmlElement]:
    """Return the table's own rows (not those of nested tables), in order."""
    rows: list[HtmlElement] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in SECTIONS:
            rows.extend(row for row in child if row.tag == "tr")
    return rows


def row_cells(row: HtmlElement) -> list[HtmlElement]:
    """Return a row's td/th cells."""
    return [cell for cell in row if cell.tag in CELLS]


def _cell_is_blocky(cell: HtmlElement) -> bool:
    """Whether a cell holds block content: a table, a list, a quote, a heading or only images."""
    for el in cell.iterdescendants():
        if el.tag in _BLOCKY:
            return True
    if squash(cell.text_content()):
        return False
    return any(True for _ in cell.iterdescendants("img"))


def _cell_is_link(cell: HtmlElement, text: str) -> bool:
    """Whether the cell's text is all link text."""
    links = "".join(squash(a.text_content()) for a in cell.iterdescendants("a"))
    return bool(links) and len(links) >= len(text.replace(" ", ""))


def is_data_table(table: HtmlElement) -> bool:
    """Whether a table is a real grid of data rather than a layout box."""
    rows = [cells for cells in (row_cells(row) for row in table_rows(table)) if cells]
    if len(rows) < 2 or max(len(cells) for cells in rows) < 2:
        return False
    if sum(1 for cells in rows if len(cells) >= 2) < 2:
        return False
    cells = [cell for row in rows for cell in row]
    if any(_cell_is_blocky(cell) for cell in cells):
        return False
    texts = [squash(cell.text_content()) for cell in cells]
    filled = [(cell, text) for cell, text in zip(cells, texts, strict=True) if text]
    if not filled:
        return False
    if any(cell.tag == "th" for cell in cells):
        return True
    short = sum(1 for _cell, text in filled if len(text) <= SHORT_CELL)
    if short / len(filled) < SHORT_SHARE:
        return False
    linked = sum(1 for cell, text in filled if _cell_is_link(cell, text))
    return linked / len(filled) < LINK_SHARE


def _flatten(table: HtmlElement) -> None:
    """Turn a table into a div of one div per cell, keeping the content in order."""
    for child in list(table):
        if child.tag in SECTIONS:
            child.drop_tag()
    for child in list(table):
        if child.tag == "tr":
            for cell in row_cells(child):
                cell.tag = "div"
                for attr in ("colspan", "rowspan", "scope"):
                    cell.attrib.pop(attr, None)
            child.drop_tag()
        elif child.tag == "caption":
            child.tag = "p"
    table.tag = "div"


def flatten_layout_tables(root: HtmlElement) -> int:
    """Flatten every layout table under root into its cells' content; return how many."""
    tables = list(root.iter("table"))
    layout = [table for table in tables if not is_data_table(table)]
    for table in layout:
        _flatten(table)
    return len(layout)
