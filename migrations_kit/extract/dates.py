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


def extract_date(
    page: Page,
    url: str,
    title_idx: int | None,
    body_start: int | None,
    body_range: tuple[int, int] | None = None,
) -> str | None:
    """Return the publish date (YYYY-MM-DD) or None when the page shows none."""
    zone = header_zone(page, title_idx, body_start)
    unlabelled = None
    for i in zone:
        previous = page.lines[i - 1].text if i > 0 else ""
        for _, date, labelled in _line_dates(page.lines[i].text, previous):
            if labelled:
                return date
            line = page.lines[i]
            if unlabelled is None and line.chars <= 120 and line.link_density < 0.5:
                unlabelled = date
    if unlabelled:
        return unlabelled
    inside = body_range or (-1, -1)
    lines = page.lines
    for i, line in enumerate(lines):
        if inside[0] <= i < inside[1] and i > inside[0] + 3:
            continue
        if line.chars > 150 or line.link_density > 0.3:
            continue
        for _, date, labelled in _line_dates(line.text):
            if labelled:
                return date
        if _LABEL_ONLY.search(line.text) and i + 1 < len(lines):
            following = find_dates(lines[i + 1].text[:24])
            if following and following[0][0] <= 2:
                return following[0][1]
    found = _meta_date(page) or url_date(url)
    if found:
        return found
    if title_idx is not None:
        for i in range(max(0, title_idx - 8), title_idx):
            line = lines[i]
            if line.chars <= 40 and line.link_density < 0.7 and not _NOT_PUBLISH.search(line.text):
                dates = _line_dates(line.text)
                if dates:
                    return dates[0][1]
    return None


_LABEL_ONLY = re.compile(
    r"(发布时间|发布日期|发表时间|发文日期|公开日期|生成日期|更新时间|信息时间)\s*[:：]?\s*$"
)
_NOT_PUBLISH = re.compile(r"今天|今日|星期|周[一二三四五六日]|当前|现在")


META_LABEL_RE = re.compile(
    r"(发布时间|发布日期|发表时间|发文日期|生成日期|更新时间|来源|作者|记者|浏览次数|点击数|稿源)\s*[:：]"
)
