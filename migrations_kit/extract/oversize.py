"""Pages with more markup than extraction parses: where to cut, and the body's rest after the cut.

A page is parsed into one lxml tree and flattened into Python lines, about a kilobyte for every
element: a 6 MB page of 700,000 paragraphs took 800 MB. A page with more than MARKUP_TAG_LIMIT
tags is parsed only up to a block start after that many; what follows is scanned as text, and the
part that still belongs to the body container goes on as raw HTML (the block builder makes it
rich-text blocks), so no text of the body is lost and no tree of it is ever built.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

MARKUP_TAG_LIMIT = 50_000
"""Tags parsed of one page; a page with more is cut at a block start after this many."""
CAPPED_FLAG = "markup_capped"
"""The extraction flag of a page cut at MARKUP_TAG_LIMIT."""
CUT_WINDOW = 65_536
"""Characters searched past the limit for a block start before any opening tag will do."""
CUT_MARK = '<div id="migrations-kit-cut"></div>'
"""Appended where a page is cut: lxml opens it inside whatever elements are open there."""

_TAG_START = re.compile(r"<[A-Za-z/!?]")
_OPEN_START = re.compile(r"<[A-Za-z]")
_BLOCK_START = re.compile(
    r"<(?:p|div|br|li|tr|table|ul|ol|h[1-6]|center|blockquote|dd|dt|section|article)\b", re.I
)
_RAW_TEXT = (
    (re.compile(r"<script\b", re.I), re.compile(r"</script\s*>", re.I)),
    (re.compile(r"<style\b", re.I), re.compile(r"</style\s*>", re.I)),
    (re.compile(r"<textarea\b", re.I), re.compile(r"</textarea\s*>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
)
"""Openings and closings of text that holds no tags (a cut must not fall inside one)."""
_SKIPPED = r"<!--.*?(?:-->|\Z)|<(script|style|textarea)\b.*?(?:</\1\s*>|\Z)"


def raw_text_end(text: str, pos: int) -> int | None:
    """The end of the script, style, textarea or comment pos falls inside, or None."""
    for opening, closing in _RAW_TEXT:
        starts = [m.start() for m in opening.finditer(text, max(0, pos - CUT_WINDOW), pos)]
        if not starts:
            continue
        close = closing.search(text, starts[-1])
        if close is None or close.end() > pos:
            return close.end() if close else len(text)
    return None


def split_markup(text: str, limit: int | None = None) -> tuple[str, str]:
    """(the part to parse, the rest): the whole text and "" unless it holds over limit tags."""
    limit = MARKUP_TAG_LIMIT if limit is None else limit
    if text.count("<") <= limit:
        return text, ""
    nth = next(islice(_TAG_START.finditer(text), limit, None), None)
    pos = nth.start() if nth is not None else len(text)
    for _attempt in range(8):
        found = _BLOCK_START.search(text, pos, pos + CUT_WINDOW) or _OPEN_START.search(text, pos)
        if found is None:
            break
        pos = found.start()
        moved = raw_text_end(text, pos)
        if moved is None:
            return text[:pos], text[pos:]
        pos = moved
    return text, ""


def take_cut_mark(root: HtmlElement) -> list[HtmlElement]:
    """Remove CUT_MARK from a parsed page; return the elements open at the cut, innermost first."""
    marks = root.xpath('//div[@id="migrations-kit-cut"]')
    if not marks:
        return []
    mark = marks[-1]
    path = list(mark.iterancestors())
    parent = mark.getparent()
    if parent is not None:
        parent.remove(mark)
    return path


def body_rest(rest: str, container: HtmlElement, open_at_cut: list[HtmlElement]) -> str:
    """The rest's HTML up to where the container closes ("" when it closed before the cut).

    The elements open at the cut, from the container in, are followed through the rest's tags as
    libxml2 does: an end tag closes the innermost open element of its name and all inside it.
    """
    if not any(el is container for el in open_at_cut):
        return ""
    inner = open_at_cut[: next(i for i, el in enumerate(open_at_cut) if el is container) + 1]
    stack = [str(el.tag).lower() for el in reversed(inner)]
    names = "|".join(re.escape(name) for name in sorted(set(stack)))
    tags = re.compile(_SKIPPED + rf"|<(/?)({names})(?=[\s/>])[^>]*>", re.S | re.I)
    for match in tags.finditer(rest):
        if match.group(2) is None:
            continue  # a comment or raw text: its tags are no tags
        name = match.group(3).lower()
        if not match.group(2):
            if not match.group(0).endswith("/>"):
                stack.append(name)
            continue
        if name not in stack:
            continue
        while stack.pop() != name:
            pass
        if not stack:
            return rest[: match.start()]
    return rest
