"""Main-text extraction: container hints (TRS, Hanweb ...) plus a text-density fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dom import Line, Node, Page
from .text import FURNITURE, squash

_POSITIVE = re.compile(
    r"trs_editor|custom_unionstyle|zoom|artibody|endtext|zhengwen|neirong|article|content|"
    r"detail|(?:^|[\s_-])(?:con|cont|text|txt|body|entry|post|main|wz|zw|nr|news)(?:$|[\s_\d-])",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"comment|footer|(?:^|[\s_-])foot|(?:^|[\s_-])nav|menu|sidebar|(?:^|[\s_-])side|relat|"
    r"recommend|share|copy|(?:^|[\s_-])ads?(?:$|[\s_\d-])|advert|(?:^|[\s_-])hot|rank|copyright|banner|"
    r"(?:^|[\s_-])header|login|search|crumb|location|weizhi|friend|pinglun|tuijian|xgxw|"
    r"pag(?:e|ing|ination)|toolbar|(?:^|[\s_-])tools?(?:$|[\s_\d-])|bottom|(?:^|[\s_-])top(?:$|[\s_\d-])",
    re.IGNORECASE,
)

_BOILERPLATE = re.compile(
    r"打印本页|关闭窗口|【?打印】?|【?关闭】?|分享到|扫一扫|字号[:：]?|【?\s*大\s*中\s*小\s*】?|返回顶部|"
    r"收藏本页|我要纠错|【纠错】|纠错|加入收藏|推荐给好友|Print|Close|上一篇|下一篇|上一条|下一条|"
    r"责任编辑|编辑[:：]|\[?编辑[:：]|网友评论|发表评论|相关新闻|相关阅读|相关链接|延伸阅读|点击数|浏览次数|"
    r"阅读次数|访问量|版权所有|Copyright|©|保存本页|视力保护色|双击滚屏|【\s*字体"
)
_ATTACHMENT_LINE = re.compile(r"^\s*(\d+[.、．]\s*)?(附件|附表|相关附件)")
_TAIL_CUT = re.compile(
    r"^[【\[（(]?\s*(责任编辑|编辑|责编|审核|审校|校对|监制|值班编辑|终审|初审|复审|编审|签发)\s*[:：|]"
)
_SECTION_STOP = re.compile(
    r"^(相关新闻|相关阅读|相关文章|相关链接|延伸阅读|推荐阅读|热点推荐|更多阅读|猜你喜欢|"
    r"热门推荐|网友评论|我要评论|上一篇|下一篇|上一条|下一条|分享到)"
)
_META_LINE = re.compile(
    r"(发布时间|发布日期|发表时间|发文时间|更新时间|生成日期|时间|日期|来源|作者|记者|浏览|点击|"
    r"阅读|访问|字号|编辑|稿源|出处)\s*[:：]"
)


@dataclass
class BodyResult:
    """The chosen main-text container and its cleaned lines."""

    node: Node | None
    lines: list[Line]
    first_line: int
    last_line: int

    @property
    def text(self) -> str:
        """Return the cleaned main text, one paragraph per line."""
        return "\n".join(line.text for line in self.lines)


def _class_id(node: Node) -> str:
    """Return class and id of a node's element."""
    el = node.el
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def hint_factor(node: Node) -> float:
    """Weight a candidate by its class/id: content-like names up, furniture down."""
    name = _class_id(node)
    if not name:
        return 1.0
    factor = 1.0
    if _POSITIVE.search(name):
        factor *= 1.6
    if _NEGATIVE.search(name):
        factor *= 0.35
    return factor


def node_score(page: Page, node: Node) -> float:
    """Return a container's score: paragraph credit, less link text, with class hints."""
    chars, link, _ = page.span_stats(node.line_start, node.line_end)
    if chars == 0:
        return 0.0
    density = link / chars
    return node.credit * (1.0 - density) * hint_factor(node)


def best_container(page: Page, title_idx: int | None = None) -> Node | None:
    """Return the element most likely to hold the main text (near the headline, if known)."""
    best = None
    best_score = 0.0
    for node in page.nodes:
        if node.credit <= 0:
            continue
        score = node_score(page, node)
        if title_idx is not None:
            if node.line_end <= title_idx:
                score *= 0.5
            elif node.line_start <= title_idx + 12:
                score *= 1.5
        if score > best_score:
            best, best_score = node, score
    return best


def _children(page: Page, parent: Node) -> list[Node]:
    """Return the direct block children nodes of a node, in document order."""
    return [
        page.nodes[page.index_of[id(child)]] for child in parent.el if id(child) in page.index_of
    ]


def _span_with_siblings(page: Page, best: Node) -> tuple[int, int]:
    """Extend the container to neighbouring siblings that read like more of the same text."""
    start, end = best.line_start, best.line_end
    if best.parent < 0:
        return start, end
    parent = page.nodes[best.parent]
    siblings = _children(page, parent)
    try:
        pos = next(i for i, n in enumerate(siblings) if n.index == best.index)
    except StopIteration:
        return start, end
    top = node_score(page, best)

    def good(node: Node) -> bool:
        chars, link, punct = page.span_stats(node.line_start, node.line_end)
        if chars == 0:
            return False
        density = link / chars
        if density > 0.25 or hint_factor(node) < 1.0:
            return False
        if node_score(page, node) >= 0.2 * top and node.credit > 0:
            return True
        return chars >= 60 and punct >= 2 and density < 0.1

    i = pos + 1
    while i < len(siblings) and (
        siblings[i].line_end == siblings[i].line_start or good(siblings[i])
    ):
        end = max(end, siblings[i].line_end)
        i += 1
    i = pos - 1
    while i >= 0 and (siblings[i].line_end == siblings[i].line_start or good(siblings[i])):
        start = min(start, siblings[i].line_start)
        i -= 1
    return start, end


def clean_lines(lines: list[Line], title: str | None) -> list[Line]:
    """Drop headline, meta rows, share bars, print/close links and trailing editor lines."""
    squashed_title = squash(title or "")
    kept: list[Line] = []
    for line in lines:
        text = line.text
        if line.chars == 0:
            continue
        if line.link_density > 0.5 and line.chars < 80 and not _ATTACHMENT_LINE.match(text):
            continue
        if line.chars <= 40 and _BOILERPLATE.search(text) and line.punct <= 2:
            continue
        if line.chars <= 120 and FURNITURE.search(text):
            continue
        kept.append(line)
    # leading headline and meta rows
    while kept:
        first = kept[0]
        sq = squash(first.text)
        if squashed_title and (
            sq == squashed_title
            or (len(sq) < 120 and squashed_title in sq and _META_LINE.search(first.text))
        ):
            kept.pop(0)
            continue
        if first.chars <= 120 and _META_LINE.search(first.text) and first.punct <= 3:
            kept.pop(0)
            continue
        if first.heading and first.chars <= 60 and squashed_title and sq in squashed_title:
            kept.pop(0)
            continue
        break
    # a "related news" / "previous/next" section ends the text
    for i, line in enumerate(kept):
        if i > 0 and i >= len(kept) // 2 and _SECTION_STOP.match(line.text):
            kept = kept[:i]
            break
    # trailing editor / copyright lines
    while (
        kept
        and kept[-1].chars <= 60
        and (_TAIL_CUT.match(kept[-1].text) or _BOILERPLATE.search(kept[-1].text))
    ):
        kept.pop()
    return kept


def extract_body(page: Page, title: str | None, title_idx: int | None = None) -> BodyResult:
    """Find the main-text container and return its cleaned lines."""
    best = best_container(page, title_idx)
    if best is None:
        return BodyResult(None, [], -1, -1)
    start, end = _span_with_siblings(page, best)
    lines = clean_lines(page.lines[start:end], title)
    return BodyResult(best, lines, start, end)
