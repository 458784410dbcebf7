"""Helpers that write StreamField values in their JSON form: {"type": ..., "value": ...}."""

from __future__ import annotations

from html import escape
from typing import Any

from wagtail.models import Page


def rich(*paragraphs: str) -> str:
    """Plain text paragraphs as rich text HTML."""
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)


def rich_list(items: list[str], ordered: bool = True) -> str:
    """Plain text items as a rich text list."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


def block(kind: str, value: Any) -> dict[str, Any]:
    """One StreamField child in JSON form."""
    return {"type": kind, "value": value}


def heading(text: str, level: str = "h2") -> dict[str, Any]:
    """A heading block."""
    return block("heading", {"text": text, "level": level})


def table(caption: str, rows: list[list[str]], source: str = "") -> dict[str, Any]:
    """A data table block whose first row is the header."""
    return block(
        "table",
        {
            "caption": caption,
            "table": {
                "data": rows,
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
            "source": source,
        },
    )


def image_value(image: Any, alt: str, caption: str = "", credit: str = "") -> dict[str, Any]:
    """The value of an ImageBlock."""
    return {"image": image.pk, "alt": alt, "caption": caption, "credit": credit}


def link(title: str, page: Page | None = None, url: str = "") -> dict[str, Any]:
    """The value of a LinkBlock: a page or an external URL."""
    return {"title": title, "page": page.pk if page is not None else None, "external_url": url}


def site_url(hostname: str, port: int) -> str:
    """The root URL of a demo site."""
    return f"http://{hostname}/" if port == 80 else f"http://{hostname}:{port}/"
