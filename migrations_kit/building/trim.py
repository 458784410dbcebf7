"""Drop the page furniture a legacy body container often carries around the text itself."""

from __future__ import annotations

import re

import lxml.html

from ..extract.title import strip_title_markers

# A headline repeated in the body, a meta row (发布时间/来源/作者/浏览次数) and the tool rows of
# old CMS templates (打印本页、关闭窗口) are not part of the article: the new page shows its own.
_META_ROW = re.compile(
    r"^(\[|【)?\s*(发布时间|发布日期|发表时间|更新时间|日期|时间|来源|信息来源|文章来源|稿源|作者|"
    r"浏览次数|点击数|点击|阅读|字号|编辑)\s*[:：]"
)
_TOOL_ROW = re.compile(
    r"^[\s【\[]*(打印本页|打印此页|打印|关闭窗口|关闭|返回顶部|收藏本页|分享到|【?字体[:：]?)"
    r"([\s】\]|｜/、]*(打印本页|打印此页|打印|关闭窗口|关闭|返回顶部|收藏本页|大|中|小|【|】))*"
    r"[\s】\]]*$"
)
_SPACE = re.compile(r"\s+")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_TAG_PARTS = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "embed"})
LEADING_BLOCKS = 3
PARSE_MAX = 200_000
"""A paragraph longer than this (a capped body's block) is not parsed whole to be trimmed: only
its top-level elements within TRIM_WINDOW characters of the end being trimmed are looked at."""
TRIM_WINDOW = 20_000
"""How many characters at the start or end of such a paragraph are looked at."""


def _squash(text: str) -> str:
    """Text without any white space."""
    return _SPACE.sub("", text or "")


def _is_furniture(text: str, title: str) -> bool:
    """True for a repeated headline, a meta row or a print/close tool row."""
    squashed = _squash(text)
    if not squashed:
        return False
    if title and _squash(strip_title_markers(text)) == _squash(title):
        return True  # the headline again, perhaps still with its [图] list marker
    return bool(_META_ROW.match(squashed) or _TOOL_ROW.match(squashed))


def _inner_html(element) -> str:
    """The markup inside an element."""
    parts = [element.text or ""]
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in element)
    return "".join(parts)


def _as_paragraph(element, segments: list[str]):
    """A <p> holding the given <br>-separated segments of markup."""
    paragraph = lxml.html.fragment_fromstring(f"<p>{'<br/>'.join(segments)}</p>")
    paragraph.tail = element.tail
    return paragraph


def _normalise_lists(fragment) -> None:
    """Turn a <ul>/<ol> that holds text but no <li> (broken legacy markup) into a paragraph."""
    for child in list(fragment):
        if child.tag in ("ul", "ol") and child.find("li") is None:
            fragment.replace(child, _as_paragraph(child, [_inner_html(child)]))


def _trim_lines(element, title: str, from_start: bool):
    """Drop furniture lines (split at <br>) at one end of a paragraph; None when none is left."""
    segments = _BR.split(_inner_html(element))
    if len(segments) < 2:
        return element
    order = list(segments) if from_start else list(reversed(segments))
    while order and _is_furniture(_TAG.sub("", order[0]), title):
        order.pop(0)
    if not order:
        return None
    kept = order if from_start else list(reversed(order))
    return element if len(kept) == len(segments) else _as_paragraph(element, kept)


def _trim_paragraph(html: str, title: str, from_start: bool) -> str:
    """Remove furniture paragraphs or lines from the start (or the end) of one paragraph value."""
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    _normalise_lists(fragment)
    children = list(fragment)
    if not from_start:
        children.reverse()
    for child in children:
        if _is_furniture(child.text_content(), title):
            fragment.remove(child)
            continue
        if child.tag == "p":
            trimmed = _trim_lines(child, title, from_start)
            if trimmed is None:
                fragment.remove(child)
                continue
            if trimmed is not child:
                fragment.replace(child, trimmed)
        break
    if len(fragment) == 0 and not _squash(fragment.text or ""):
        return ""
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)


def _top_level_cut(html: str, window: int, from_start: bool) -> int | None:
    """The furthest point between top-level elements in html's first (or last) window characters."""
    if from_start:
        tags = list(_TAG_PARTS.finditer(html, 0, window))
    else:
        tags = list(reversed(list(_TAG_PARTS.finditer(html, max(0, len(html) - window)))))
    depth, found = 0, None
    for match in tags:
        closing, name, empty = match.groups()
        if empty or name.lower() in _VOID:
            continue
        depth += 1 if bool(closing) != from_start else -1
        if depth < 0:
            break
        if depth == 0:
            found = match.end() if from_start else match.start()
    return found


def _trim(html: str, title: str, from_start: bool) -> str:
    """_trim_paragraph; of a very long paragraph, only of its first (or last) elements."""
    if len(html) <= PARSE_MAX:
        return _trim_paragraph(html, title, from_start)
    cut = _top_level_cut(html, TRIM_WINDOW, from_start)
    if cut is None:
        return html
    if from_start:
        return _trim_paragraph(html[:cut], title, from_start) + html[cut:]
    return html[:cut] + _trim_paragraph(html[cut:], title, from_start)


def trim_page_furniture(stream: list[dict], title: str | None) -> list[dict]:
    """The stream without a leading headline or meta rows and without trailing tool rows."""
    title = title or ""
    blocks = list(stream)
    for position in range(min(LEADING_BLOCKS, len(blocks))):
        block = blocks[position]
        if block.get("type") == "heading":
            text = (block.get("value") or {}).get("text", "")
            if _is_furniture(text, title):
                blocks[position] = None
                continue
            break
        if block.get("type") != "paragraph":
            break
        trimmed = _trim(block["value"], title, from_start=True)
        if trimmed:
            blocks[position] = {**block, "value": trimmed}
            break
        blocks[position] = None
    blocks = [block for block in blocks if block is not None]
    if blocks and blocks[-1].get("type") == "paragraph":
        trimmed = _trim(blocks[-1]["value"], title, from_start=False)
        if trimmed:
            blocks[-1] = {**blocks[-1], "value": trimmed}
        else:
            blocks.pop()
    return blocks
