"""Headline extraction: page headings matched against the <title> without its site suffix."""

from __future__ import annotations

import re

from .dom import Line, Page
from .headline import (
    SEPARATORS,
    clean_text,
    find_headline,
    head_usable,
    is_site_like,
    labelled_headline,
    link_texts,
    locate,
    script_headline,
    split_head_title,
)
from .text import collapse, squash

_META_LINE = re.compile(
    r"(发布时间|发布日期|发表时间|日期|时间|来源|作者|信息来源|浏览次数)\s*[:：]"
)
# List markers old CMSs put before a headline: [图]、【组图】、[视频]、(图文).
_TITLE_MARKER = re.compile(
    r"^\s*[\[【（(]\s*(图|组图|多图|图文|视频|音频|专题|荐|热)\s*[\]】）)]\s*"
)
SHORT_HEAD = 10
"""A <title> this short that matches no line may be the site's name."""
_TITLE_META_KEYS = ("articletitle", "og:title", "title", "twitter:title", "headline")
_NOT_TITLE = re.compile(r"^(首页|当前位置|您当前的位置|您现在的位置|位置)|>|»")


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two strings."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _candidates(page: Page, limit: int) -> list[tuple[int, Line]]:
    """Return (line index, line) of short, non-link lines worth considering as a headline."""
    found = []
    for i, line in enumerate(page.lines):
        if 3 <= line.chars <= 150 and line.link_density < 0.5 and not _NOT_TITLE.search(line.text):
            found.append((i, line))
            if len(found) >= limit:
                break
    return found


def extract_title(page: Page, body_start: int | None = None) -> tuple[str | None, int | None]:
    """Return the headline and the index of the line that shows it (None when from <title>)."""
    if head_usable(page):
        title, idx = _title_matched(page, body_start)
    else:
        title, idx = _title_without_head(page, body_start)
    return (clean_text(title) or None if title else None), idx


_META_SUFFIX = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s)\s*[^_|｜]{1,16}$")
"""A site name after ``_``, ``|`` or `` - `` at the end of a meta title (not after ——)."""


def _meta_title(page: Page) -> str | None:
    """The headline a <meta> names (ArticleTitle, og:title ...), when it is not the site's name."""
    for key in _TITLE_META_KEYS:
        value = clean_text(page.metas.get(key))
        if len(squash(value)) >= 4 and not is_site_like(value):
            while (suffix := _META_SUFFIX.search(value)) and suffix.start() >= 4:
                value = value[: suffix.start()]
            return value
    return None


def _title_without_head(page: Page, body_start: int | None) -> tuple[str | None, int | None]:
    """The headline of a page whose <title> is empty or names only the site or issuing organ."""
    found = labelled_headline(page, body_start)
    if found:
        return found
    for text in (_meta_title(page), script_headline(page)):
        if text:
            return text, locate(page, text, body_start)
    found = find_headline(page, body_start)
    if found:
        return found
    head = clean_text(page.head_title)
    return (_longest_part(head) if head else None), None


def _title_matched(page: Page, body_start: int | None) -> tuple[str | None, int | None]:
    """The page line that <title> (less its site suffix) names, else the <title> itself."""
    head = clean_text(page.head_title)
    sq_head = squash(head)
    candidates = _candidates(page, 4000)

    best: tuple[float, int, str] | None = None
    for idx, line in candidates:
        sq = squash(line.text)
        if len(sq) < 2 or _META_LINE.search(line.text):
            continue
        score = 0.0
        if sq_head:
            if sq == sq_head:
                score = 60.0
            elif sq_head.startswith(sq):
                rest = (
                    head[len(collapse(line.text)) :] if head.startswith(collapse(line.text)) else ""
                )
                score = 80.0 if SEPARATORS.match(rest or "_") else 40.0
                score += min(len(sq), 40) / 4
            else:
                common = _common_prefix(sq, sq_head)
                if common >= 8 and common >= 0.6 * min(len(sq), len(sq_head)):
                    score = 30.0 + min(common, 40) / 4
        if score == 0.0 and not (line.heading or line.hint):
            continue
        if len(sq) < 4 and score < 80.0:
            continue
        if line.heading:
            score += 12.0
        if line.hint:
            score += 8.0
        if idx + 1 < len(page.lines) and _META_LINE.search(page.lines[idx + 1].text):
            score += 20.0
        elif idx + 2 < len(page.lines) and _META_LINE.search(page.lines[idx + 2].text):
            score += 10.0
        if body_start is not None and idx > body_start:
            score -= 25.0
        if score < 20.0:
            continue
        if best is None or score > best[0]:
            best = (score, idx, collapse(line.text))
    if best is not None:
        if len(squash(best[2])) <= SHORT_HEAD and squash(best[2]) in link_texts(page):
            # <title> names the column (工作动态 - 某某县人民政府); the headline is above the meta
            found = find_headline(page, body_start, meta_only=True)
            if found and found[1] != best[1] and squash(found[0]) not in sq_head:
                return found
        return _extend(page, best[1], best[2], sq_head), best[1]
    if len(sq_head) <= SHORT_HEAD and all(squash(line.text) != sq_head for line in page.lines):
        # a short <title> no line shows is a name (搜狐财经, 某某晚报), not this page's headline
        found = find_headline(page, body_start, meta_only=True)
        if found:
            return found
    for key in _TITLE_META_KEYS:
        value = page.metas.get(key)
        if value and len(squash(value)) >= 4:
            return _longest_part(collapse(value)), None
    if head:
        return _longest_part(head), None
    return None, None


_SITE_NAME = re.compile(r"(?:网站|网站群|门户|官网|政府网|人民政府|欢迎访问)[!！]?$")
_ENCLOSED = re.compile(r"^[\[【](?P<inner>[^\[\]【】]{2,})[\]】]$")


def _longest_part(title: str) -> str:
    """The longest part of a title that is not the site's name (``[栏目]-某某门户网站``)."""
    parts = split_head_title(title)
    named = (
        [part for part in parts if not (_SITE_NAME.search(part.strip()) or is_site_like(part))]
        or [part for part in parts if not _SITE_NAME.search(part.strip())]
        or parts
    )
    if not named:
        return title
    best = max(named, key=len).strip()
    enclosed = _ENCLOSED.match(best)
    return enclosed["inner"].strip() if enclosed else best


def _extend(page: Page, idx: int, text: str, sq_head: str) -> str:
    """Join a headline split over lines (main line, then a second line) when <title> has both."""
    joined = text
    if not sq_head.startswith(squash(text)):
        return text
    for j in range(idx + 1, min(idx + 3, len(page.lines))):
        line = page.lines[j]
        if _META_LINE.search(line.text) or line.link_density >= 0.5:
            break
        candidate = squash(joined + line.text)
        if not sq_head.startswith(candidate):
            break
        sep = "" if line.text[:1] in "—-：:，,、（(" else " "
        joined = f"{joined}{sep}{collapse(line.text)}"
    return joined


_CRUMB = re.compile(r"当前位置|现在的位置|所在位置|当前的位置|位置[:：]|首页\s*[>»/]")


def column_title(page: Page) -> str | None:
    """Return a column page's name: the last breadcrumb that <title> names, else its first part."""
    parts = split_head_title(collapse(page.head_title))
    crumbs: list[str] = []
    for line in page.lines[:400]:
        if line.chars <= 80 and _CRUMB.search(line.text):
            crumbs = [c.strip() for c in re.split(r"[>»/]|&gt;", line.text) if c.strip()]
            break
    if crumbs:
        last = crumbs[-1]
        if not parts or any(squash(last) == squash(part) for part in parts):
            return last
    return parts[0] if parts else None


def strip_title_markers(title: str | None) -> str | None:
    """The headline without leading list markers such as [图] or 【视频】."""
    if not title:
        return title
    stripped = _TITLE_MARKER.sub("", title)
    return stripped or title
