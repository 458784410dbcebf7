"""Turn a legacy data table into a DataTableBlock value: cells, spans, headers and caption."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import lxml.etree
from lxml.html import HtmlElement

from .items import ImageItem
from .layout import row_cells, squash, table_rows
from .text import good_alt, small_int, truncate
from .urls import ATTACHMENT_EXTENSIONS, url_extension

DEFAULT_TABLE_CAPTION = "数据表格"
"""The caption of a table with neither a caption nor a heading just before it."""
TABLE_CAPTION_MAX = 200
"""DataTableBlock's caption limit."""
_LINE_TAGS = ("p", "div", "br", "li", "tr", "center")
_HEADER_CHOICES = {(True, True): "both", (True, False): "row", (False, True): "col"}


@dataclass
class TableParts:
    """A table's block value (None when it has no cells) and what its cells held besides text."""

    value: dict[str, Any] | None = None
    images: list[ImageItem] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    """(address, link text) of each attachment link, in cell order."""
    flattened: list[str] = field(default_factory=list)
    """Addresses of the links that became plain text."""


@dataclass
class _Grid:
    """The cell texts of a table laid out on a grid, with its merged cells."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    covered: set[tuple[int, int]] = field(default_factory=set)
    merges: list[dict[str, int]] = field(default_factory=list)
    bold_first_row: list[bool] = field(default_factory=list)
    width: int = 0

    def place(self, r: int, c: int, cell: HtmlElement, rows_left: int) -> int:
        """Put a cell at (r, c), covering its spans; return the column after it."""
        rowspan = small_int(cell.get("rowspan"), 1, max(1, rows_left))
        colspan = small_int(cell.get("colspan"), 1, 100)
        text = cell_text(cell)
        self.cells[(r, c)] = text
        self.covered.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
        if rowspan > 1 or colspan > 1:
            self.merges.append({"row": r, "col": c, "rowspan": rowspan, "colspan": colspan})
        if r == 0 and text:
            bold = "".join(squash(b.text_content()) for b in cell.iter("b", "strong"))
            self.bold_first_row.append(bold.replace(" ", "") == text.replace(" ", ""))
        self.width = max(self.width, c + colspan)
        return c + colspan

    def next_free(self, r: int, c: int) -> int:
        """The first column from c in row r that no span above covers."""
        while (r, c) in self.covered:
            c += 1
        return c

    def data(self, height: int) -> list[list[str | None]]:
        """The grid as rows of cell texts, None where a span covers the cell."""
        return [[self.cells.get((r, c)) for c in range(self.width)] for r in range(height)]


def cell_text(cell: HtmlElement) -> str:
    """Return a cell's text, one line per paragraph or line break."""
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(cell, events=("start", "end")):
        if event == "start":
            if el is not cell and el.tag in _LINE_TAGS:
                parts.append("\n")
            parts.append(el.text or "")
        elif el is not cell:
            parts.append(el.tail or "")
    lines = (squash(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _header_choice(
    table: HtmlElement, rows: list[HtmlElement], bold_first_row: list[bool]
) -> tuple[bool, bool, str]:
    """Return (first row is header, first column is header, TableBlock's header choice)."""
    first_cells = [row_cells(row) for row in rows]
    in_head = any(child.tag == "thead" for child in table)
    row_header = in_head or bool(first_cells[0]) and all(c.tag == "th" for c in first_cells[0])
    col_header = len(rows) > 1 and all(cells and cells[0].tag == "th" for cells in first_cells[1:])
    if not row_header and not any(c.tag == "th" for cells in first_cells for c in cells):
        row_header = bool(bold_first_row) and all(bold_first_row)
    return row_header, col_header, _HEADER_CHOICES.get((row_header, col_header), "neither")


def _caption(table: HtmlElement, previous_heading: str) -> str:
    """The table's own caption, else the heading just before it, else a default."""
    caption_el = next((child for child in table if child.tag == "caption"), None)
    caption = squash(caption_el.text_content()) if caption_el is not None else ""
    return truncate(caption or previous_heading or DEFAULT_TABLE_CAPTION, TABLE_CAPTION_MAX)


def _cell_extras(cell: HtmlElement, parts: TableParts) -> None:
    """Collect a data cell's attachment links and images, and the links that become text."""
    for link in cell.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        if url_extension(href) in ATTACHMENT_EXTENSIONS:
            parts.files.append((href, link.text_content()))
        else:
            parts.flattened.append(href)
    for img in cell.iter("img"):
        src = (img.get("src") or "").strip()
        if src:
            alt = good_alt(img.get("alt")) or good_alt(img.get("title"))
            parts.images.append(ImageItem(src=src, large=None, alt=alt))


def read_table(table: HtmlElement, previous_heading: str = "") -> TableParts:
    """Read a data table into its block value, its cells' images and links."""
    rows = table_rows(table)
    grid = _Grid()
    parts = TableParts()
    for r, row in enumerate(rows):
        c = 0
        for cell in row_cells(row):
            c = grid.place(r, grid.next_free(r, c), cell, len(rows) - r)
            _cell_extras(cell, parts)
    if not grid.cells:
        return parts
    row_header, col_header, choice = _header_choice(table, rows, grid.bold_first_row)
    parts.value = {
        "caption": _caption(table, previous_heading),
        "table": {
            "data": grid.data(len(rows)),
            "cell": [],
            "mergeCells": grid.merges,
            "first_row_is_table_header": row_header,
            "first_col_is_header": col_header,
            "table_header_choice": choice,
            "table_caption": "",
        },
        "source": "",
    }
    return parts
