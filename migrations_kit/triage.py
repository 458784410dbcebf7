"""Which way one source file goes: skipped, failed, a refresh stub, the old home, a list, content.

The rules only read the file and its extraction; the importer acts on the decision.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from .extract import ExtractedPage
from .extract.dates import META_LABEL_RE
from .issues import Issue, IssueCode
from .models import LegacyRecord
from .sources import PAGE_LIMIT, FileKind, SourceItem
from .urls import host_of, normalize_url

Status = LegacyRecord.Status
HOME_NAMES = {"", "index.htm", "index.html", "index.shtml", "default.htm", "default.html"}
HOME_NAMES |= {"main.htm", "main.html", "index.jsp", "index.asp", "index.aspx", "index.php"}
"""File names of a site's home page at the top of the site."""
_INDEX_PAGE = re.compile(r"^(.*/)?(index|default|list)(_\d+)?\.s?html?$", re.IGNORECASE)
_NOT_IMPORTED = {
    FileKind.IMAGE: "图片文件（随引用它的页面导入）",
    FileKind.DOCUMENT: "附件文件（随引用它的页面导入）",
    FileKind.STATIC: "样式、脚本等站点文件，无需导入",
}
FORM_TEXT_MAX = 200
"""A page with a <textarea> and less text than this is a form (留言, 申请), not content."""


class Route(StrEnum):
    """Where a file goes."""

    SKIP = "skip"
    FAIL = "fail"
    ALIAS = "alias"
    HOME = "home"
    LIST = "list"
    CONTENT = "content"


@dataclass(frozen=True)
class Decision:
    """The route of one file, why, and what the report calls it."""

    route: Route
    reason: str = ""
    kind: str = ""
    target: str = ""
    """The address a refresh stub sends visitors to (Route.ALIAS)."""

    @property
    def status(self) -> str:
        """The id map status of a file that goes no further (skipped or failed)."""
        return Status.FAILED if self.route == Route.FAIL else Status.SKIPPED


def before_reading(item: SourceItem) -> Decision | None:
    """A decision from what the source knows of the file, or None when it must be read."""
    if item.skip:
        return Decision(Route.SKIP, item.skip)
    if item.error:
        return Decision(Route.FAIL, item.error)
    kind = item.kind
    if kind in _NOT_IMPORTED:
        return Decision(Route.SKIP, _NOT_IMPORTED[kind], kind=kind)
    if kind != FileKind.PAGE:
        return Decision(Route.SKIP, "未知类型的文件", kind=kind)
    if item.size > PAGE_LIMIT:
        return Decision(Route.SKIP, f"页面过大（{item.size / 1024 / 1024:.1f} MB），未导入")
    return None


def unreadable(record: ExtractedPage) -> Decision:
    """A file that is not a readable page: empty, binary or undecodable."""
    error = record.error or ""
    if error == "empty file":
        return Decision(Route.SKIP, "空文件")
    if error.startswith("not a text page"):
        what = error.split(":", 1)[-1].strip()
        return Decision(Route.SKIP, f"扩展名是网页，内容不是（{what}）")
    return Decision(Route.FAIL, f"无法解析: {error}")


def after_extraction(
    item: SourceItem, raw: bytes, record: ExtractedPage, crumbs: list[str], legacy_host: str
) -> Decision:
    """The route of a page by its extraction: stub, home, list, non-content, form or content."""
    path = urlsplit(item.url).path.strip("/")
    is_home = "/" not in path and path.lower() in HOME_NAMES
    stub = record.refresh_to and record.kind != "article" and path.lower() not in HOME_NAMES
    if stub and host_of(record.refresh_to) == legacy_host:
        target = normalize_url(record.refresh_to)
        if target != item.key:
            reason = f"自动跳转页 → {target}（重定向到它的新页面）"
            return Decision(Route.ALIAS, reason, kind="alias", target=target)
    if record.kind != "article" and is_home:
        return Decision(Route.HOME, "旧站首页 → 新站首页", kind="home")
    if record.kind == "list" or (record.kind != "article" and (_INDEX_PAGE.match(path) or crumbs)):
        return Decision(Route.LIST, kind="column")
    if record.kind != "article":
        return Decision(Route.SKIP, "非内容页（框架、导航、搜索等）")
    if not record.title:
        return Decision(Route.FAIL, "未提取到标题")
    if b"<textarea" in raw.lower() and len(record.body_text) < FORM_TEXT_MAX:
        return Decision(Route.SKIP, "表单页面（留言、申请等），未导入")
    return Decision(Route.CONTENT)


def page_text(raw: bytes, encoding: str) -> str:
    """Decode raw bytes with the encoding extraction found (for the old column path)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "utf-8"
    return raw.decode(encoding, "replace")


META_LINE_MAX = 80
"""A 发布时间/来源 line longer than this holds text of its own."""
EMPTY_TEXT_MAX = 4
"""An article body with fewer characters than this, beyond pointers to its attachments, is empty."""
_POINTERS = re.compile(
    r"详见附件|详情见附件|具体见附件|请见附件|见附件|附件下载|点击下载|请下载|下载附件|附件[:：]?|"
    r"[\s\u3000\xa0:：.。、,，()（）\[\]【】]"
)


_MEDIA = re.compile(r"<(?:video|audio|embed|object|iframe|source)\b", re.IGNORECASE)
_FURNITURE = re.compile(r"当前位置|现在的位置|所在位置|您的位置|^\s*首页\s*(?:>|»|>>)")


def is_empty_body(record: ExtractedPage) -> bool:
    """Tell whether an article shows nothing but its title and meta (its text was an attachment).

    An empty content box makes the extraction fall back to the page around it: the crumbs, the
    headline and the meta row are not text of the article.
    """
    if record.images or _MEDIA.search(record.body_html or ""):
        return False  # its content is a picture, a video or an embedded player
    title = re.sub(r"\s+", "", record.title or "")
    names = {a.get("title") or "" for a in record.attachments} - {""}
    kept = []
    for line in (record.body_text or "").splitlines():
        squashed = re.sub(r"\s+", "", line)
        if not squashed or squashed == title or _FURNITURE.search(line):
            continue
        if META_LABEL_RE.search(line) and len(squashed) <= META_LINE_MAX:
            continue
        for name in names:
            squashed = squashed.replace(re.sub(r"\s+", "", name), "")
        kept.append(squashed)
    return len(_POINTERS.sub("", "".join(kept))) < EMPTY_TEXT_MAX


def empty_body_issue(record: ExtractedPage, published: bool) -> Issue:
    """The 正文为空 line of a page: the attachment links it had, and whether it is a draft."""
    links = [a.get("href") or "" for a in record.attachments if a.get("href")]
    state = "已发布" if published else "存为草稿（--publish-empty 可直接发布）"
    shown = "；附件链接：" + "、".join(links[:5]) if links else "；旧页面也没有附件"
    more = f" 等 {len(links)} 个" if len(links) > 5 else ""
    return Issue(IssueCode.EMPTY_BODY, record.file, f"旧页面正文为空，{state}{shown}{more}")
