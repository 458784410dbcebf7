"""来源 (source) and 作者 (author) extraction from meta rows near the headline."""

from __future__ import annotations

import re

from .dom import Page
from .text import DATE_RE, collapse, squash

_STOP_WORDS = (
    r"作者|记者|撰稿|撰稿人|编辑|责任编辑|责编|通讯员|摄影|发布时间|发布日期|发表时间|时间|日期|"
    r"浏览|点击|阅读|访问|字号|字体|打印|关闭|收藏|分享|参与互动|网友评论|我要评论|评论|进入论坛|"
    r"来源|信息来源|文章来源|稿源|出处|所属分类|分类|栏目|索引号|发布机构|生成日期|成文日期|文号|"
    r"发文字号|主题分类|有效性|【|】|\||｜"
)
_SOURCE = re.compile(
    r"(?:信息来源|文章来源|新闻来源|稿件来源|内容来源|来源单位|稿源|来源|出处|来自)\s*[:：]\s*"
    r"[\[【(（]?\s*(?P<value>.*)"
)
_AUTHOR = re.compile(
    r"(?:作者|记者|撰稿人|撰稿|撰文|(?<![\u4e00-\u9fff])文)\s*[:：/]\s*[\[【(（]?\s*(?P<value>.*)"
)
_PUBLISHER = re.compile(
    r"(?:发布机构|发文机关|发布单位|责任部门|责任单位|主办单位)\s*[:：]\s*[\[【(（]?\s*(?P<value>.*)"
)
_BRACKET_AUTHOR = re.compile(r"^\s*[\[【]\s*(?P<value>[^\]】]{2,20})\s*[\]】]\s*来源")
_STOP = re.compile(r"\s{2,}|" + _STOP_WORDS + r"|(?:19|20)\d{2}\s*[-/.年]")
_META_SOURCE_KEYS = ("contentsource", "source", "og:source", "article:source", "copyfrom")
_NOT_SOURCE = re.compile(r"^(注明|请注明|转载|网络)$|转载请|注明来源")


def _value(text: str) -> str | None:
    """Cut a labelled value at the next label, date, or wide gap."""
    cut = _STOP.search(text)
    value = text[: cut.start()] if cut else text
    value = collapse(value).strip(" :：[]【】()（）|｜,，;；")
    if not value or len(value) > 40:
        return None
    if DATE_RE.match(value) or _NOT_SOURCE.search(value):
        return None
    return value


def _labelled(pattern: re.Pattern[str], text: str) -> str | None:
    """Return the value after the first matching label in a line."""
    for match in pattern.finditer(text):
        value = _value(match["value"])
        if value:
            return value
    return None


def _scan(page: Page, indices: range | list[int], pattern: re.Pattern[str]) -> str | None:
    """Scan the given lines for a labelled value (on the same line or in the next cell)."""
    for i in indices:
        line = page.lines[i]
        if line.chars > 200:
            continue
        value = _labelled(pattern, line.text)
        if value:
            return value
        # metadata tables put the label and its value in neighbouring cells
        match = pattern.search(line.text)
        if match and not match["value"].strip() and i + 1 < len(page.lines):
            following = page.lines[i + 1]
            if following.chars <= 40 and not pattern.search(following.text):
                value = _value(following.text)
                if value:
                    return value
    return None


_SITE_WORD = re.compile(r"网|报|社|台|频道|新闻|政府|财经|在线|中心|局|委|办|院|厅|部|站|门户|公司")


def site_name(head_title: str, headline: str | None = None) -> str | None:
    """Return the site or channel name that follows the headline in <title>."""
    from .title import split_head_title

    head = collapse(head_title)
    rest = head
    if headline:
        sq_head, sq_line = squash(head), squash(headline)
        if not sq_head.startswith(sq_line) or len(sq_line) >= len(sq_head):
            return None
        # drop the headline: walk the original string until its squashed prefix is consumed
        consumed = 0
        for pos, ch in enumerate(head):
            if not ch.isspace():
                consumed += 1
            if consumed == len(sq_line):
                rest = head[pos + 1 :]
                break
        parts = split_head_title(rest)
    else:
        parts = split_head_title(head)[1:]
    names = [p.strip() for p in parts if 2 <= len(p.strip()) <= 20]
    for name in names:
        if _SITE_WORD.search(name):
            return name
    return names[0] if names else None


_TIME = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_URLISH = re.compile(
    r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|cn|net|org|gov)(?:\.cn)?\b\S*", re.IGNORECASE
)
_UI_WORDS = re.compile(
    r"字号|打印|分享|评论|收藏|关闭|浏览|点击|阅读|大 ?中 ?小|星期|周[一二三四五六日]|"
    r"[:：?？!！，,。]"
)


def dateline_source(text: str) -> str | None:
    """Return the outlet printed beside a dateline (``2005年03月21日 11:21 《某某报》``)."""
    if len(text) > 70 or not DATE_RE.search(text):
        return None
    rest = DATE_RE.sub(" ", text)
    rest = _TIME.sub(" ", rest)
    rest = _URLISH.sub(" ", rest)
    rest = collapse(rest.replace("|", " ").replace("｜", " ").replace("丨", " "))
    if not (2 <= len(rest) <= 20) or _UI_WORDS.search(rest) or " " in rest.strip():
        return None
    return rest


def extract_source_author(
    page: Page, zone: range, body_range: tuple[int, int]
) -> tuple[str | None, str | None]:
    """Return (来源, 作者) from the header zone, then the rest of the page, then meta tags."""
    outside = [
        i for i in range(len(page.lines)) if not (body_range[0] + 3 <= i < body_range[1] - 3)
    ]
    source = _scan(page, zone, _SOURCE) or _scan(page, zone, _PUBLISHER)
    if source is None:
        for i in zone:
            if page.lines[i].link_density < 0.5:
                source = dateline_source(page.lines[i].text)
                if source:
                    break
    if source is None:
        source = _scan(page, outside, _SOURCE)
    if source is None:
        near = [i for i in outside if i <= (zone.stop if zone else body_range[0])]
        source = _scan(page, near, _PUBLISHER)
    author = _scan(page, zone, _AUTHOR)
    if author is None:
        for i in zone:
            match = _BRACKET_AUTHOR.match(page.lines[i].text)
            if match:
                author = collapse(match["value"])
                break
    if source is None:
        for key in _META_SOURCE_KEYS:
            value = page.metas.get(key)
            if value and 2 <= len(value.strip()) <= 40:
                source = collapse(value)
                break
    return source, author
