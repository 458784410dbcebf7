"""来源 (source) and 作者 (author) extraction, with the hosting site noted on republished pages."""

from __future__ import annotations

import re

from .dom import Page
from .regions import regional_channel
from .text import DATE_RE, collapse, squash

_STOP_WORDS = (
    r"作者|记者|撰稿|撰稿人|编辑|责任编辑|责编|通讯员|摄影|审核|校对|录入|发布者|发布人|供稿|"
    r"发布时间|发布日期|发表时间|时间|日期|"
    r"浏览|点击|阅读|访问|字号|字体|打印|关闭|收藏|分享|参与互动|网友评论|我要评论|评论|进入论坛|"
    r"来源|信息来源|文章来源|稿源|出处|所属分类|分类|栏目|索引号|发布机构|生成日期|成文日期|文号|"
    r"发文字号|主题分类|有效性|【|】|\]|］|」|\||｜|丨|︱"
)
_LABEL = re.compile(_STOP_WORDS)
_SEP = r"\s*[:：/／|｜丨︱]\s*"
_OPEN = r"[\[【(（「［]?\s*"
_SOURCE = re.compile(
    r"(?:信息来源|文章来源|新闻来源|稿件来源|内容来源|来源单位|稿源|来源|出处|来自)\s*[:：]\s*"
    + _OPEN
    + r"(?P<value>.*)"
)
_AUTHOR = re.compile(
    r"(?:作者|记者|撰稿人|撰稿|撰文|(?<![\u4e00-\u9fff])文)" + _SEP + _OPEN + r"(?P<value>.*)"
)
_PUBLISHER = re.compile(
    r"(?:发布机构|发文机关|发布单位|责任部门|责任单位|主办单位)\s*[:：]\s*"
    + _OPEN
    + r"(?P<value>.*)"
)
_BRACKET_AUTHOR = re.compile(r"[\[【]\s*(?P<value>[^\]】\d:：]{2,20}?)\s*[\]】]\W*来源")
_STOP = re.compile(r"\s{2,}|" + _STOP_WORDS + r"|(?:19|20)\d{2}\s*[-/.年]")
_META_SOURCE_KEYS = ("contentsource", "source", "og:source", "article:source", "copyfrom")
_NOT_SOURCE = re.compile(r"^(注明|请注明|转载|网络)$|转载请|注明来源")
_INVISIBLE = re.compile(r"[\ue000-\uf8ff\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufffd]")
_EDGE = " \t:：[]【】()（）「」『』［］<>|｜丨︱,，;；、/\\·•-—_"


def clean_value(text: str) -> str:
    """Drop private-use and zero-width characters, brackets and separators around a value."""
    text = collapse(_INVISIBLE.sub("", text))
    value = text.strip(_EDGE)
    # a value still holding an unmatched bracket lost its partner at a cut: drop the bracket
    for opening, closing in ("（）", "()", "【】", "[]"):
        if value.count(opening) != value.count(closing):
            value = value.replace(opening, " ").replace(closing, " ")
    return collapse(value).strip(_EDGE)


def _value(text: str) -> str | None:
    """Cut a labelled value at the next label, date, closing bracket or wide gap."""
    text = _INVISIBLE.sub("", text)
    cut = _STOP.search(text)
    value = clean_value(text[: cut.start()] if cut else text)
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
        if match and not clean_value(match["value"]) and i + 1 < len(page.lines):
            following = page.lines[i + 1]
            label = _STOP.match(_INVISIBLE.sub("", following.text).strip())
            if following.chars <= 40 and not pattern.search(following.text) and not label:
                value = _value(following.text)
                if value:
                    return value
    return None


def _empty_source_field(page: Page, indices: range | list[int]) -> bool:
    """Tell whether the header shows a 来源 label with nothing after it."""
    for i in indices:
        text = _INVISIBLE.sub("", page.lines[i].text)
        for match in _SOURCE.finditer(text):
            cut = _STOP.search(match["value"])
            if not clean_value(match["value"][: cut.start()] if cut else match["value"]):
                return True
    return False


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
    rest = DATE_RE.sub(" ", _INVISIBLE.sub("", text))
    rest = _TIME.sub(" ", rest)
    rest = _URLISH.sub(" ", rest)
    rest = collapse(rest.replace("|", " ").replace("｜", " ").replace("丨", " "))
    if not (2 <= len(rest) <= 20) or _UI_WORDS.search(rest) or " " in rest.strip():
        return None
    if _LABEL.match(rest) or rest.endswith(("日期", "时间")):
        return None  # a metadata label (成文日期 2020-01-06), not an outlet
    return rest


# --- bylines: 作者 printed without a label, at the start or the end of the text -------------

_NAME = r"[\u4e00-\u9fff]{2,4}"
_NOT_NAME_START = "了从在对获近日采发表昨今注致说问看观走来到也又还曾已将就向与和称是据为"
_REPORTER = re.compile(
    r"记者\s*(?P<value>" + _NAME + r"(?:[、，,\s]\s*[\u4e00-\u9fff]{2,3}(?![\u4e00-\u9fff]))*)"
    r"(?=$|\s|[/）)]|发自|报道|摄)"
)
_PAREN = re.compile(r"[（(](?P<inner>[^（()）]{2,30})[)）]")
_TRAILING_PAREN = re.compile(r"[（(](?P<inner>[^（()）]{2,20})[)）]\s*$")
_REPORTED = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,6}报道|发自[\u4e00-\u9fff]{1,6})$")
_ORG_AUTHOR = re.compile(
    r"^[\u4e00-\u9fff]{2,10}(?:局|委|办|室|厅|中心|部|院|会|所|队|处|科|支部)$"
)
_NOT_AUTHOR = re.compile(
    r"^(?:完|待续|未完待续|全文完|图|组图|资料图|供图|原标题|编者按|注|下同|上|下|续)$|"
    r"社$|报$|网$|台$|摄$|编辑|责编|记者$"
)


def _name_ok(value: str) -> bool:
    """Tell whether a bare byline value looks like a person's or an office's name."""
    return bool(value) and value[0] not in _NOT_NAME_START and not _NOT_AUTHOR.search(value)


def reporter_byline(text: str) -> str | None:
    """Return the reporter named in a byline (``本报记者 张三``, ``（记者 张三）``)."""
    text = _INVISIBLE.sub("", text)
    short = len(squash(text)) <= 40
    for paren in _PAREN.finditer(text):
        match = _REPORTER.search(paren["inner"].strip())
        if match and _name_ok(match["value"]):
            return collapse(match["value"])
    if short:
        match = _REPORTER.search(text)
        if match and _name_ok(match["value"]):
            return collapse(match["value"])
    return None


def trailing_byline(text: str) -> str | None:
    """Return the name in parentheses closing a text (``…。（张三）``, ``（张三 北京报道）``)."""
    match = _TRAILING_PAREN.search(_INVISIBLE.sub("", text).strip())
    if not match:
        return None
    inner = collapse(match["inner"])
    reporter = _REPORTER.search(inner)
    if reporter:
        inner = reporter["value"]
    inner = _REPORTED.sub("", inner).strip()
    if re.fullmatch(_NAME, inner) and _name_ok(inner):
        return inner
    if _ORG_AUTHOR.match(inner):
        return inner
    return None


_OUTLET = re.compile(
    r"(?:^|[\s□■])(?P<value>[\u4e00-\u9fff·]{2,12}?)(?:首席|特约|见习)?记者\s*" + _NAME
)
_OUTLET_WORD = re.compile(r"报|社|网|台|新闻|杂志|周刊|·")


def byline_outlet(text: str) -> str | None:
    """Return the outlet naming its reporter in a short byline (``某某日报记者 张三``)."""
    text = _INVISIBLE.sub("", text)
    if len(squash(text)) > 40:
        return None
    match = _OUTLET.search(text)
    if not match or match["value"].startswith("本") or not _OUTLET_WORD.search(match["value"]):
        return None
    return match["value"]


_WIRE = re.compile(
    r"^\s*(?:据|来自)?(?P<value>[\u4e00-\u9fff]{1,4}社)[\u4e00-\u9fff]{0,8}"
    r"(?:\d{1,2}月\d{1,2}日)?电"
)


def wire_source(text: str) -> str | None:
    """Return the news agency of a wire dateline (``新华社北京3月1日电``)."""
    match = _WIRE.match(_INVISIBLE.sub("", text))
    return match["value"] if match else None


# --- the hosting site --------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_GENERIC_SUFFIX = re.compile(r"(?:官方网站|门户网站|官网|网站|网|在线|首页)$")
_GOV_SITE = re.compile(
    r"政府|政务|人大|政协|法院|检察院|纪委|监委|\.gov|(?:委员会|局|委|厅|办|办公室|署)$"
)
_GOV_META_KEYS = ("siteidcode", "sitedomain", "sitename")
_COMPANY = re.compile(r"(?:有限公司|公司|集团|Inc\.?|Ltd\.?|Limited)$", re.IGNORECASE)
_HOST_LABEL = re.compile(
    r"(?:主办单位|主办方|主办|版权所有)\s*[:：]\s*(?P<value>[^\s|｜:：]{2,30})"
)
_RIGHTS = re.compile(
    r"(?:©|copyright|\d{4})?\s*(?P<before>[\u4e00-\u9fff·]{2,30})\s*版权所有|"
    r"版权所有\s*(?P<after>[\u4e00-\u9fff·]{2,30})",
    re.IGNORECASE,
)
_BARE_CHANNEL = re.compile(r"^[\u4e00-\u9fff]{1,4}频道$")
_SITE_META_KEYS = ("og:site_name", "application-name", "sitename", "site_name", "site")


def _brand(name: str) -> str:
    """Return a site name without its generic suffix (``新华网`` -> ``新华``)."""
    return _GENERIC_SUFFIX.sub("", squash(name)) or squash(name)


def _name_in_rights(text: str) -> str | None:
    """Return the owner named in a copyright or 主办 line, if any."""
    text = collapse(_INVISIBLE.sub("", text))
    if len(text) > 160 or not re.search(r"版权所有|主办", text):
        return None
    label = _HOST_LABEL.search(text)
    if label and _CJK.search(label["value"]):
        return clean_value(label["value"])
    match = _RIGHTS.search(text)
    if not match:
        return None
    name = match["before"] or match["after"]
    name = re.sub(r"^(?:所有内容为|内容为|本站|本网)", "", name)
    return clean_value(name) or None


def site_owner(page: Page) -> str | None:
    """Return the site's owner from its 主办 / 版权所有 lines (the page footer)."""
    value = clean_value(page.metas.get("copyright", ""))
    if _CJK.search(value):
        name = _name_in_rights(value if "版权所有" in value else f"{value} 版权所有")
        if name:
            return name
    for line in reversed(page.lines[-60:]):
        name = _name_in_rights(line.text)
        if name:
            return name
    return None


def _signals(page: Page) -> str:
    """Return the squashed text of the page's other site-name signals (metas, logo, footer)."""
    found = [page.metas.get(key, "") for key in (*_SITE_META_KEYS, "copyright", "author")]
    found += page.root.xpath(
        "//img[contains(translate(@src,'LOGO','logo'),'logo') or "
        "contains(translate(@class,'LOGO','logo'),'logo') or "
        "contains(translate(@id,'LOGO','logo'),'logo')]/@alt"
    )[:4]
    found += [
        line.text for line in page.lines[-40:] if "版权所有" in line.text or "主办" in line.text
    ]
    return squash(" ".join(found))


_CRUMB_ROW = re.compile(r"\s*(?:>>|>|»|›|→)\s*")


def host_site(page: Page) -> str | None:
    """Return the site hosting the page, down to its regional channel (人民网江苏频道)."""
    from .title import split_head_title

    site = _host_site(page)
    if not site:
        return site
    parts = [p.strip() for p in split_head_title(collapse(page.head_title))]
    if len(parts) >= 3 and parts[-1] == site and regional_channel(parts[-2]):
        return f"{site}{parts[-2]}"
    for line in page.lines[:300]:
        if line.chars > 60 or not _CRUMB_ROW.search(line.text):
            continue
        crumbs = [c.strip() for c in _CRUMB_ROW.split(line.text) if c.strip()]
        if len(crumbs) >= 2 and squash(crumbs[0]) == squash(site):
            channel = regional_channel(crumbs[1])
            if channel:
                return f"{site}{channel}"
    return site


def _host_site(page: Page) -> str | None:
    """Return the name of the site hosting the page: <title> suffix, site metas, footer owner."""
    from .title import split_head_title

    parts = [p.strip() for p in split_head_title(collapse(page.head_title))]
    named = [p for p in parts[1:] if _CJK.search(p) and 2 <= len(p) <= 20]
    if named:
        last = named[-1]
        brand = _brand(last)
        # a sub-site of the same brand just before the site name is the more precise host
        confirmed = bool(_SITE_WORD.search(last))
        for part in named[:-1]:
            if part != last and squash(part).startswith(brand) and len(brand) >= 2:
                return part if confirmed else last
        bare_channel = _BARE_CHANNEL.match(last)
        if not bare_channel and (confirmed or squash(last) in _signals(page)):
            return last
    for key in _SITE_META_KEYS:
        value = clean_value(page.metas.get(key, ""))
        if 2 <= len(value) <= 20 and _CJK.search(value):
            return value
    owner = site_owner(page)
    if owner and not _COMPANY.search(owner) and _SITE_WORD.search(owner):
        return owner
    return None


def _government(page: Page, site: str) -> bool:
    """Tell whether the host is a government portal (its 来源 rows name providers, not outlets)."""
    return bool(_GOV_SITE.search(site) or any(page.metas.get(key) for key in _GOV_META_KEYS))


def with_provenance(printed: str, site: str | None) -> str:
    """Return ``printed（site）`` when the page republishes another outlet's article."""
    if not site:
        return printed
    brand, own = _brand(site), squash(printed)
    if own.startswith(brand) or _brand(printed) == brand or own.endswith(squash(site)):
        return printed
    return f"{printed}（{site}）"


def extract_source_author(
    page: Page, zone: range, body_range: tuple[int, int]
) -> tuple[str | None, str | None]:
    """Return (来源, 作者): header zone, rest of the page, bylines, meta tags; host site noted."""
    start, end = body_range
    outside = [i for i in range(len(page.lines)) if not (start + 3 <= i < end - 3)]
    count = len(page.lines)
    head = [i for i in zone if i < count]
    head += [i for i in range(start, min(start + 2, end, count)) if i not in zone]
    tail = list(range(max(0, start, end - 3), min(end + 4, count)))

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
        near = [i for i in outside if i <= (zone.stop if zone else start)]
        source = _scan(page, near, _PUBLISHER)
    if source is None:
        source = next(filter(None, (wire_source(page.lines[i].text) for i in head)), None)
    if source is None:
        lines = [page.lines[i].text for i in head + tail]
        source = next(filter(None, map(byline_outlet, lines)), None)
    if source is None:
        for key in _META_SOURCE_KEYS:
            value = clean_value(page.metas.get(key, ""))
            value = _SOURCE.sub(r"\g<value>", value).strip() if _SOURCE.match(value) else value
            if 2 <= len(value) <= 40:
                source = value
                break

    author = _find_author(page, zone, head, tail)

    site = host_site(page)
    if source is not None and site and not _government(page, site):
        source = with_provenance(source, site)
    elif source is None and _empty_source_field(page, zone):
        # an empty 来源 field: the site's owner publishes the page on the site
        owner = site_owner(page)
        noted = owner and site and squash(site) != squash(owner) and not _government(page, site)
        source = f"{owner}（{site}）" if noted else owner
    return source, author


def _find_author(page: Page, zone: range, head: list[int], tail: list[int]) -> str | None:
    """Return the 作者: a labelled value, a bracketed name, then a byline near either end."""
    author = _scan(page, zone, _AUTHOR)
    if author:
        return author
    for i in zone:
        match = _BRACKET_AUTHOR.search(_INVISIBLE.sub("", page.lines[i].text))
        if match and not DATE_RE.search(match["value"]):
            return clean_value(match["value"])
    for i in head:
        found = reporter_byline(page.lines[i].text)
        if found:
            return found
    author = _scan(page, [i for i in tail if page.lines[i].chars <= 80], _AUTHOR)
    if author:
        return author
    for i in reversed(tail):
        line = page.lines[i]
        found = reporter_byline(line.text) or trailing_byline(line.text)
        if found:
            return found
    return None
