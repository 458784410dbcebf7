"""Headlines of pages whose <title> is missing or names only the site: page lines and scripts."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import lxml.html

from .dom import BLOCK_TAGS, HEADING_TAGS, Page
from .text import FURNITURE, collapse, find_dates, squash

SEPARATORS = re.compile(r"\s*(?:_|\||｜|--+|—{2,}|\s[-–—]\s|-|·|::)\s*")


def split_head_title(head_title: str) -> list[str]:
    """Split a <title> into its parts at site-name separators."""
    return [part for part in SEPARATORS.split(head_title) if part.strip()]


HEADLINE_NAMES: tuple[str, ...] = (
    "title",
    "bt",
    "biaoti",
    "tit",
    "tt",
    "headline",
    "art_title",
    "article_title",
    "articletitle",
    "main_articletitle",
    "news_title",
    "newstitle",
    "content_title",
    "con_title",
    "detail_title",
    "show_title",
    "info_title",
    "doc_title",
    "text_title",
    "main_title",
    "big_title",
    "page_title",
    "arc_title",
    "txt_title",
    "wz_title",
    "wzbt",
    "wz_bt",
    "nr_title",
    "nrbt",
    "zw_title",
    "zwbt",
    "xl_title",
    "xxgk_title",
    "h_title",
    "atitle",
    "ntitle",
)
"""Class or id names (case, ``-``/``_`` and trailing digits ignored) of an element holding the
headline: 动易 main_ArticleTitle, DedeCMS title, county CMSs biaoti/bt/art_title/news_title."""

_SIZE_CLASS = re.compile(r"^(?:f|font|fs|fz|size|txt|text|zt)[-_]?(1[6-9]|[2-4]\d)(?:[-_]?b)?$")
"""A class that names a large font size (f24, font18, fs20b)."""
_FONT_SIZE = re.compile(r"font-size\s*:\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>px|pt|em|rem|%)?", re.I)
_FONT_WORD = re.compile(r"font-size\s*:\s*(?:x+-large|large|larger)", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_CENTER = re.compile(r"text-align\s*:\s*center", re.I)

_META_ROW = re.compile(
    r"(发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|更新时间|录入时间|添加时间|上传时间|"
    r"生成日期|公开日期|信息时间|时间|日期|信息来源|文章来源|稿件来源|来源|稿源|出处|作者|记者|"
    r"发布者|发布人|录入|编辑|责任编辑|浏览次数|浏览|点击数|点击|阅读次数|阅读|访问次数|字号)\s*[:：]"
)
_UI_LINE = re.compile(
    r"打印|关闭|字号|[【\[]\s*[大中小]\s*[】\]]|大\s*中\s*小|收藏|分享|返回|上一篇|下一篇|上一条|"
    r"下一条|发表评论|我要评论|纠错|视力保护|双击|Print|Close",
    re.I,
)
_CRUMB = re.compile(
    r"当前位置|现在的位置|所在位置|当前的位置|位置\s*[:：]|首页\s*[>»/→-]|>|»|→|--+>|›"
)
_LIST_DATE = re.compile(r"[\[(（]?\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\])）]?$")
_LABEL_END = re.compile(r"[:：]$")
_SITE_END = re.compile(
    r"(?:网站|网站群|门户|门户网|官网|官方网站|政府网|信息网|政务网|公众网|公众信息网|在线|频道|"
    r"人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|中心|信息公开|政务公开|信息公开网|"
    r"政府信息公开|公开目录|首页|主页|网)(?:欢迎您)?[!！]?$"
)
_SITE_START = re.compile(r"^(?:欢迎(?:访问|光临|来到|您)|Welcome)", re.I)
_HEADLINE_WORD = re.compile(r"关于|通知|公告|通报|决定|意见|办法|召开|举行|举办|开展|印发|的")
PLACEHOLDERS = frozenset(
    """无标题文档 无标题 未命名 未命名文档 untitleddocument untitled newpage1 新建网页 新网页
    网页标题 首页 主页 正文 内容 详细内容 内容页 文章内容 新闻内容 信息内容 信息浏览 浏览信息
    查看信息 查看文章 文章浏览 新闻浏览 新闻详情 详情 详情页 文章详情 信息详情 显示文章 阅读文章
    阅读全文 index default document article news 文章 新闻 信息 网页 页面""".split()
)
"""<title> texts an editor leaves when nobody named the page (Dreamweaver's 无标题文档 ...)."""

_LABELLED = re.compile(
    r"^(?:标\s*题|名\s*称|文件名称|信息名称|文件标题|文章标题|公文名称|文件题目|题\s*名|信件名称|"
    r"信件标题|来信标题|来信主题)\s*[:：]?\s*"
    r"(?P<rest>.*)$"
)
_NEXT_LABEL = re.compile(
    r"\s(?:索引号|文号|发文字号|发布机构|发文机关|生成日期|发布日期|成文日期|主题分类|主题词|"
    r"关键词|有效性|公开方式|体裁分类|组配分类|信息来源|来源)\s*[:：]"
)
_OWNER_LABEL = re.compile(
    r"(?:版权所有|主办单位|主办|承办单位|承办|Copyright\s*(?:©|\(c\))?\s*(?:\d{4}\s*[-–]?\s*\d{0,4})?)"
    r"\s*[:：]?\s*(?P<name>[\u4e00-\u9fff（）()]{4,24})",
    re.I,
)
_SCRIPT_VAR = re.compile(
    r"""(?:\b(?:var|let|const)\s+|["']?)(?P<name>title|articletitle|newstitle|doctitle|art_?title|
    news_?title|infotitle|strtitle|stitle|pagetitle|contenttitle)["']?\s*[=:]\s*
    (?P<q>['"])(?P<value>(?:\\.|(?!(?P=q)).){4,300}?)(?P=q)(?!\s*\+)""",
    re.I | re.X,
)
_DOC_WRITE = re.compile(
    r"""document\.write(?:ln)?\(\s*(?P<q>['"])(?P<value>(?:\\.|(?!(?P=q)).)*?)(?P=q)\s*\)""",
    re.I | re.S,
)
_TAGS = re.compile(r"<[^>]*>")
_WRITTEN_HEADING = re.compile(r"<h[1-6]\b|class\s*=\s*['\"]?[\w\s-]*(title|biaoti|bt)", re.I)
_DATELINE_PARTS = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|"
    r"https?://\S+|www\.\S+|《[^》]{1,30}》|星期[一二三四五六日天]"
)
_WORDS = re.compile(r"[\u4e00-\u9fff].*[\u4e00-\u9fff]|[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}")
"""A headline has two Chinese characters or three words (not a code such as 304B54E4)."""
_SENTENCE = re.compile(r"[，。！？；,;!?]")
_JS_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")
_SEGMENT = re.compile(r"\s*[|｜·•]\s*|\s{2,}")

SCAN_LINES = 600
SHORT_NAME = 8
"""A line this short that is also a link's text is a column name; a longer one names this page."""
ABOVE = 10
META_BEFORE_BODY = 30
"""How far above the body's first line a meta row is looked for (ads may sit in between)."""
"""How many lines above a meta row (or the body) a headline may sit."""
PROXIMITY = (10.0, 6.0, 3.0, 1.0)
"""Points for the nearest, second-nearest ... candidate line above the anchor."""


def clean_text(text: str | None) -> str:
    """Decode entities (twice, for ``&amp;raquo;``), drop stray tags and collapse whitespace."""
    value = html.unescape(html.unescape(text or ""))
    return collapse(_TAGS.sub("", value))


def _norm_name(name: str) -> str:
    """A class or id token in comparison form: lower case, no -/_ and no trailing digits."""
    return re.sub(r"\d+$", "", name.lower().replace("-", "").replace("_", ""))


_NAMES = frozenset(_norm_name(name) for name in HEADLINE_NAMES)


def is_placeholder(text: str) -> bool:
    """True for a <title> nobody filled in (无标题文档, Untitled Document, 正文, 首页 ...)."""
    word = re.sub(r"[\s\d_\-:：.·|]+", "", text).lower()
    return not word or word in PLACEHOLDERS


def is_site_like(text: str) -> bool:
    """True for a site or organ name (某某县人民政府, 某某网) rather than a headline."""
    text = collapse(text).strip(" [](){}【】（）!！")
    sq = squash(text)
    if not sq or is_placeholder(sq):
        return True
    if _SITE_START.search(sq) and len(sq) <= 30:
        return True
    return len(sq) <= 20 and bool(_SITE_END.search(sq)) and not _HEADLINE_WORD.search(sq)


def site_names(page: Page) -> set[str]:
    """Squashed names the page gives itself: site metas and 版权所有/主办单位 lines."""
    names = set()
    for key in ("sitename", "site", "og:site_name", "application-name", "author"):
        value = page.metas.get(key)
        if value and 2 <= len(squash(value)) <= 30:
            names.add(squash(clean_text(value)))
    for line in page.lines[-60:]:
        if line.chars > 200:
            continue
        for match in _OWNER_LABEL.finditer(line.text):
            names.add(squash(match["name"]))
    return names


def head_usable(page: Page) -> bool:
    """True when some part of <title> is more than the site's or the issuing organ's name."""
    names = site_names(page)
    for part in split_head_title(clean_text(page.head_title)):
        sq = squash(part).strip("[]【】")
        if len(sq) < 2 or sq in names or is_site_like(part):
            continue
        return True
    return False


@dataclass(frozen=True, slots=True)
class Look:
    """How a line is shown: heading level, large font, bold, headline class/id, centred."""

    heading: int = 0
    big: bool = False
    bold: bool = False
    named: bool = False
    centred: bool = False

    @property
    def score(self) -> float:
        """Points for looking like a headline."""
        points = {0: 0.0, 1: 14.0, 2: 12.0, 3: 10.0}.get(self.heading, 6.0)
        points += 10.0 * self.big + 5.0 * self.bold + 10.0 * self.named + 2.0 * self.centred
        return points


def _font_size_big(style: str) -> bool:
    """True when an inline style sets a font larger than body text (≥16px, ≥12pt, ≥1.2em)."""
    if _FONT_WORD.search(style):
        return True
    match = _FONT_SIZE.search(style)
    if not match:
        return False
    size, unit = float(match["n"]), (match["unit"] or "px").lower()
    limits = {"px": 16.0, "pt": 12.0, "em": 1.2, "rem": 1.2, "%": 120.0}
    return size >= limits[unit]


def _font_tag_big(size: str) -> bool:
    """True for ``<font size="4">`` and larger, or a relative ``+1``."""
    size = size.strip()
    if size.startswith("+"):
        return size[1:].isdigit() and int(size[1:]) >= 1
    return size.isdigit() and int(size) >= 4


def _element_look(el: lxml.html.HtmlElement) -> Look:
    """The headline features one element gives the text it holds."""
    tag = el.tag if isinstance(el.tag, str) else ""
    style = el.get("style") or ""
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    heading = int(tag[1]) if tag in HEADING_TAGS else 0
    big = _font_size_big(style) or any(_SIZE_CLASS.match(t.lower()) for t in tokens)
    if tag == "font" and el.get("size"):
        big = big or _font_tag_big(el.get("size"))
    bold = tag in ("b", "strong") or bool(_BOLD_STYLE.search(style))
    named = any(_norm_name(t) in _NAMES for t in tokens)
    centred = (el.get("align") or "").lower() == "center" or bool(_CENTER.search(style))
    centred = centred or tag == "center"
    return Look(heading, big, bold, named, centred)


def _merge(looks: list[Look]) -> Look:
    """Combine the looks of the elements around a line."""
    levels = [look.heading for look in looks if look.heading]
    return Look(
        min(levels) if levels else 0,
        any(look.big for look in looks),
        any(look.bold for look in looks),
        any(look.named for look in looks),
        any(look.centred for look in looks),
    )


def line_look(page: Page, idx: int) -> Look:
    """How line ``idx`` is shown: its block (if it holds only this line), wrappers and inlines."""
    line = page.lines[idx]
    target = squash(line.text)
    owner = page.nodes[line.owner].el if 0 <= line.owner < len(page.nodes) else None
    if owner is None or not target:
        return Look()
    looks = []
    el = owner
    for _ in range(4):
        if el is None or el.tag in ("body", "html"):
            break
        if len(squash(el.text_content())) > len(target) * 1.3 + 4:
            break
        looks.append(_element_look(el))
        el = el.getparent()
    for count, child in enumerate(owner.iterdescendants()):
        if count > 200:
            break
        if not isinstance(child.tag, str) or child.tag in BLOCK_TAGS:
            continue
        text = squash(child.text_content())
        if text and len(text) >= 0.6 * len(target) and text in target:
            looks.append(_element_look(child))
    return _merge(looks)


def _is_meta_row(text: str, chars: int) -> bool:
    """True for a dateline or 发布时间/来源/作者 row."""
    if chars > 150:
        return False
    if _META_ROW.search(text):
        return True
    if chars > 80 or not find_dates(text):
        return False
    rest = _DATELINE_PARTS.sub("", text)
    return len(squash(rest)) <= 24 and not _SENTENCE.search(rest)


def _nav_like(text: str) -> bool:
    """True for a row of short links or words separated by | · or wide spaces."""
    segments = [s for s in _SEGMENT.split(text) if s.strip()]
    return len(segments) >= 3 and max(len(s) for s in segments) <= 8


def link_texts(page: Page) -> set[str]:
    """Squashed texts of the page's links (navigation and column names)."""
    found = set()
    for a in page.root.iter("a"):
        text = squash(a.text_content())
        if 2 <= len(text) <= 30:
            found.add(text)
    return found


def _eligible(page: Page, idx: int, names: set[str]) -> bool:
    """True for a line that could be a headline: short, not a link, crumb, meta row or name."""
    line = page.lines[idx]
    text = line.text
    sq = squash(text)
    if not 3 <= len(sq) <= 120 or line.link_density >= 0.5 or not _WORDS.search(text):
        return False
    if _CRUMB.search(text) or _is_meta_row(text, line.chars) or _LIST_DATE.search(sq):
        return False
    if _LABEL_END.search(sq) or _nav_like(text) or _LABELLED.match(sq):
        return False
    if (line.chars <= 40 and _UI_LINE.search(text)) or FURNITURE.search(text):
        return False
    if sq.endswith("。") or line.punct >= 3 or (len(sq) > 40 and line.punct >= 2):
        return False
    return sq not in names and not is_site_like(text)


def _meta_at(page: Page, idx: int) -> bool:
    """True when line ``idx`` is a meta row (not a linked list item with a date)."""
    line = page.lines[idx]
    return line.link_density < 0.5 and _is_meta_row(line.text, line.chars)


def _anchors(page: Page, body_start: int | None) -> list[tuple[int, bool]]:
    """Lines a headline sits above: the first of each run of meta rows near the body, the body."""
    if body_start is None:
        lo, hi = 0, min(len(page.lines), SCAN_LINES)
    else:
        lo, hi = max(0, body_start - META_BEFORE_BODY), min(len(page.lines), body_start + 8)
    found = [
        (i, True)
        for i in range(lo, hi)
        if _meta_at(page, i) and not (i > lo and _meta_at(page, i - 1))
    ]
    if body_start is not None:
        found.append((body_start, False))
    return found[:20]


def _crumb_at(page: Page, idx: int) -> bool:
    """True when line ``idx`` is a breadcrumb (当前位置：首页 > ...)."""
    return idx >= 0 and page.lines[idx].chars <= 120 and bool(_CRUMB.search(page.lines[idx].text))


def find_headline(
    page: Page, body_start: int | None, meta_only: bool = False
) -> tuple[str, int] | None:
    """The headline above the meta row or the body: large, bold, named or right under the crumb."""
    names = site_names(page)
    links: set[str] | None = None
    best: tuple[float, int] | None = None
    for anchor, is_meta in _anchors(page, body_start):
        if meta_only and not is_meta:
            continue
        rank = 0
        for i in range(anchor - 1 if is_meta else anchor, max(-1, anchor - ABOVE - 1), -1):
            line = page.lines[i]
            if _crumb_at(page, i) or (i < anchor and line.chars > 150):
                break
            if (i < anchor and _meta_at(page, i)) or not _eligible(page, i, names):
                continue
            sq = squash(line.text)
            score = line_look(page, i).score
            positional = (is_meta and rank <= 1) or _crumb_at(page, i - 1)
            if score == 0.0 and (not positional or len(sq) < 5):
                rank += 1
                continue
            if i == anchor and score < 10.0:
                continue
            score += PROXIMITY[rank] if rank < len(PROXIMITY) else 0.0
            score += min(len(sq), 30) / 5.0
            if _crumb_at(page, i - 1):
                score += 6.0
            score -= 6.0 * (len(sq) < 5) + 1.5 * line.punct
            if links is None:
                links = link_texts(page)
            if sq in links:
                score += 3.0 if len(sq) > SHORT_NAME else -8.0
            rank += 1
            if score >= 10.0 and (best is None or score > best[0]):
                best = (score, i)
    if best is None:
        return None
    return clean_text(page.lines[best[1]].text), best[1]


def labelled_headline(page: Page, body_start: int | None) -> tuple[str, int] | None:
    """The value of a 标题/名称/文件名称 row (政府信息公开 index tables)."""
    stop = min(len(page.lines), SCAN_LINES if body_start is None else body_start + 10)
    names = site_names(page)
    for i in range(stop):
        line = page.lines[i]
        if line.chars > 200 or line.link_density >= 0.5:
            continue
        match = _LABELLED.match(line.text.strip())
        if not match:
            continue
        value, idx = match["rest"], i
        if len(squash(value)) < 2 and i + 1 < len(page.lines):
            value, idx = page.lines[i + 1].text, i + 1
        cut = _NEXT_LABEL.search(" " + value)
        if cut:
            value = (" " + value)[: cut.start()]
        value = clean_text(value)
        if len(squash(value)) >= 4 and not _META_ROW.match(value) and squash(value) not in names:
            if not is_site_like(value):
                return value, idx
    return None


def _js_unescape(text: str) -> str:
    """Undo JavaScript string escapes (\\', \\", \\uXXXX, \\xXX)."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return {"n": " ", "t": " ", "r": " "}.get(code, code)

    return _JS_ESCAPE.sub(one, text)


def script_headline(page: Page) -> str | None:
    """A headline the page's own scripts hold: ``var title = '...'`` or a written heading."""
    names = site_names(page)
    for script in page.root.iter("script"):
        code = script.text or ""
        if not code or len(code) > 100_000:
            continue
        for match in _SCRIPT_VAR.finditer(code):
            value = clean_text(_js_unescape(match["value"]))
            if _plausible(value, names):
                return value
        for match in _DOC_WRITE.finditer(code):
            written = _js_unescape(match["value"])
            if not _WRITTEN_HEADING.search(written):
                continue
            try:
                fragment = lxml.html.fragment_fromstring(written, create_parent="div")
            except (lxml.etree.ParserError, ValueError):
                continue
            for el in fragment.iter():
                if el.tag in HEADING_TAGS or _element_look(el).named:
                    value = clean_text(el.text_content())
                    if _plausible(value, names):
                        return value
    return None


def _plausible(value: str, names: set[str]) -> bool:
    """True for a script string that reads like a headline (not a URL, name or template)."""
    sq = squash(value)
    if not 4 <= len(sq) <= 150 or sq in names or is_site_like(value):
        return False
    if re.search(r"['\"]\s*\+|\+\s*['\"]", value):
        return False
    if re.search(r"https?://|www\.|\{\{|\$\{|\.(?:html?|jsp|aspx?|php)\b", value, re.I):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", value)) or len(value.split()) >= 3


def locate(page: Page, text: str, body_start: int | None) -> int | None:
    """The index of the line near the body that shows ``text`` (or its first part)."""
    sq = squash(text)
    if len(sq) < 4:
        return None
    lo = 0 if body_start is None else max(0, body_start - 20)
    hi = min(len(page.lines), SCAN_LINES if body_start is None else body_start + 5)
    for i in range(lo, hi):
        line_sq = squash(page.lines[i].text)
        if len(line_sq) >= 4 and page.lines[i].link_density < 0.5:
            if line_sq == sq or (len(line_sq) >= 0.5 * len(sq) and sq.startswith(line_sq)):
                return i
    return None
