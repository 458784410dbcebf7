"""Page kind: an article, a column list, or something else (home page, binary, empty)."""

from __future__ import annotations

from .dom import Line
from .listing import ListGroup

ARTICLE = "article"
LIST = "list"
OTHER = "other"


def body_strength(lines: list[Line]) -> tuple[int, int]:
    """Return (characters, punctuation) of the body's prose lines."""
    chars = sum(line.chars for line in lines if line.link_density < 0.3)
    punct = sum(line.punct for line in lines if line.link_density < 0.3)
    return chars, punct


def classify(lines: list[Line], group: ListGroup | None, has_meta: bool) -> str:
    """Decide the page kind from the body's strength and the best list group."""
    chars, punct = body_strength(lines)
    strong_article = chars >= 200 and punct >= 4
    if group is not None:
        count = len(group.items)
        dated_share = group.dated / count
        listish = (count >= 5 and dated_share >= 0.6) or count >= 10
        # the last page of a column may hold only a few rows
        listish = listish or (count >= 3 and dated_share >= 0.6 and chars < 50 and not has_meta)
        if listish:
            if not strong_article and not (has_meta and chars >= 60):
                return LIST
            if group.text_chars > 2.5 * chars and not has_meta:
                return LIST
    # a headline with its meta row is an article even with no text (its text was an attachment)
    if chars >= 30 or has_meta:
        return ARTICLE
    return OTHER
