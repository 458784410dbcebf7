"""Publish-date extraction: labelled lines near the headline, meta tags, URL patterns."""

from __future__ import annotations

import re

from .dom import Page
from .text import DATE_RE, find_dates, make_date, url_date

_PUBLISH_LABEL = re.compile(
    r"(发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|发文时间|公开日期|生成日期|信息时间|"
    r"更新时间|上传时间|录入时间|添加时间|时间|日期|发布|Date|date)\s*[:：]?\s*[\[【(（]?\s*$"
)
_EXCLUDED_LABEL = re.compile(
    r"(成文日期|成文时间|印发日期|生效日期|施行日期|实施日期|废止日期|有效期|截止日期|截止时间|"
    r"开始时间|结束时间|报名时间|会议时间|举办时间|活动时间|访问时间|当前时间|今天是|今日)\s*[:：]?\s*\S{0,6}$"
)
_META_KEYS = (
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "article:published_time",
    "og:release_date",
    "datepublished",
    "firstpublishedtime",
    "releasedate",
    "dc.date.issued",
    "dc.date",
    "date",
    "created",
)


def _meta_date(page: Page) -> str | None:
    """Return a publish date from <meta> tags (TRS PubDate, article:published_time ...)."""
    for key in _META_KEYS:
        value = page.metas.get(key)
        if value:
            match = DATE_RE.search(value)
            if match:
                date = make_date(match["y"], match["m"], match["d"])
                if date:
                    return date
            compact = re.match(r"((?:19|20)\d{2})(\d{2})(\d{2})", value.strip())
            if compact:
                date = make_date(*compact.groups())
                if date:
                    return date
    return None


def _line_dates(text: str, previous: str = "") -> list[tuple[int, str, bool]]:
    """Return (offset, date, labelled) for dates in a line, skipping 成文日期-like labels.

    A date at the start of a line takes its label from the end of the previous line
    (metadata tables put 成文日期/发布日期 and the value in separate cells).
    """
    result = []
    for offset, date in find_dates(text):
        before = text[max(0, offset - 12) : offset]
        if offset <= 2 and previous:
            before = previous[-12:] + before
        if _EXCLUDED_LABEL.search(before):
            continue
        result.append((offset, date, bool(_PUBLISH_LABEL.search(before))))
    return result


def header_zone(page: Page, title_idx: int | None, body_start: int | None) -> range:
    """Return the line indices between the headline and the start of the main text."""
    n = len(page.lines)
    if title_idx is not None:
        start = title_idx + 1
        stop = start + 12
        if body_start is not None and body_start > start:
            stop = min(max(body_start + 3, start + 3), start + 25)
        return range(start, min(stop, n))
    if body_start is not None and body_start >= 0:
        return range(max(0, body_start - 10), min(n, body_start + 3))
    return range(0, 0)


# Where a publish date came from, strongest first: what the page prints (a labelled or short
# meta line by the headline, or a line above it), what its own script writes there, the CMS's
# <meta> tags, the URL; a date in the first lines of the body text is only a guess (the day of
# the event described, a law's passing) and never beats the URL.
PRINTED, SCRIPT, META, URL, BODY_GUESS = "printed", "script", "meta", "url", "body_guess"
DATE_SOURCES = (PRINTED, SCRIPT, META, URL, BODY_GUESS)

_SCRIPT_DATE = re.compile(
    r"[\"']\s*(?:[^\"'<>]{0,12}[:：])?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})"
)
_CLOCK = re.compile(r"new\s+Date\s*\(\s*\)|getFullYear|今天是|当前时间")


def _script_date(page: Page) -> str | None:
    """A date the page's own script writes into it (TRS ``var str = '2017-05-24'``,
    ``document.write("发布时间：2017-05-24")``): a quoted literal in a short script of <body>."""
    body = page.root.find("body")
    if body is None:
        return None
    for script in body.iter("script"):
        code = script.text or ""
        if not code or len(code) > 800 or script.get("src") or _CLOCK.search(code):
            continue
        match = _SCRIPT_DATE.search(code)
        if match:
            found = find_dates(match.group(1))
            if found:
                return found[0][1]
    return None


def extract_date_evidence(
    page: Page,
    url: str,
    title_idx: int | None,
    body_start: int | None,
    body_range: tuple[int, int] | None = None,
) -> tuple[str | None, str | None]:
    """The publish date (YYYY-MM-DD) and which evidence gave it (DATE_SOURCES), or (None, None)."""
    zone = header_zone(page, title_idx, body_start)
    unlabelled, in_body = None, None
    for i in zone:
        previous = page.lines[i - 1].text if i > 0 else ""
        for _, date, labelled in _line_dates(page.lines[i].text, previous):
            if labelled:
                return date, PRINTED
            line = page.lines[i]
            if line.chars <= 120 and line.link_density < 0.5:
                if body_start is not None and i >= body_start:
                    in_body = in_body or date
                else:
                    unlabelled = unlabelled or date
    if unlabelled:
        return unlabelled, PRINTED
    inside = body_range or (-1, -1)
    lines = page.lines
    for i, line in enumerate(lines):
        if inside[0] <= i < inside[1] and i > inside[0] + 3:
            continue
        if line.chars > 150 or line.link_density > 0.3:
            continue
        for _, date, labelled in _line_dates(line.text, lines[i - 1].text if i else ""):
            if labelled:
                return date, PRINTED
        if _LABEL_ONLY.search(line.text) and i + 1 < len(lines):
            following = find_dates(lines[i + 1].text[:24])
            if following and following[0][0] <= 2:
                return following[0][1], PRINTED
    for finder, source in ((_script_date, SCRIPT), (_meta_date, META)):
        found = finder(page)
        if found:
            return found, source
    found = url_date(url)
    if found:
        return found, URL
    if title_idx is not None:
        for i in range(max(0, title_idx - 8), title_idx):
            line = lines[i]
            if line.chars <= 40 and line.link_density < 0.7 and not _NOT_PUBLISH.search(line.text):
                # a 成文日期 cell's value sits on its own line above the headline: never shown
                dates = _line_dates(line.text, lines[i - 1].text if i else "")
                if dates:
                    return dates[0][1], PRINTED
    return (in_body, BODY_GUESS) if in_body else (None, None)


def extract_date(
    page: Page,
    url: str,
    title_idx: int | None,
    body_start: int | None,
    body_range: tuple[int, int] | None = None,
) -> str | None:
    """The publish date (YYYY-MM-DD), or None when the page shows none."""
    return extract_date_evidence(page, url, title_idx, body_start, body_range)[0]


_LABEL_ONLY = re.compile(
    r"(发布时间|发布日期|发表时间|发文日期|公开日期|生成日期|更新时间|信息时间)\s*[:：]?\s*$"
)
_NOT_PUBLISH = re.compile(r"今天|今日|星期|周[一二三四五六日]|当前|现在")


META_LABEL_RE = re.compile(
    r"(发布时间|发布日期|发表时间|发文日期|生成日期|更新时间|来源|作者|记者|浏览次数|点击数|稿源)\s*[:：]"
)
