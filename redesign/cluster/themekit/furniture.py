"""The furniture every page of a government site must carry, checked on the rendered HTML.

国办发〔2017〕47号 and 国办秘函〔2019〕19号 ask for the site identity code, the ICP and 公安备案
numbers, the 党政机关 mark and a 找错 entry; GB/T 37668-2019 and the 适老化 rules ask for a
language, a skip link, alt text, unique ids and the reading aids. Each check is one function of
the parsed page that answers (passed, detail).
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Expected:
    """What the sample site's furniture must show: its numbers and the links' targets."""

    identity_code: str
    icp_number: str
    police_number: str
    conac_url: str
    error_report_url: str
    site_map_url: str
    search_url: str
    media_url: str = ""


@dataclass(frozen=True)
class Result:
    """One check's outcome on one page, with a short reason when it failed."""

    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class Check:
    """One furniture check: its key, its Chinese name and the function that runs it."""

    key: str
    label: str
    run: Callable[[lxml.html.HtmlElement, Expected], Result]
    hint: str = ""


def _text(doc: lxml.html.HtmlElement) -> str:
    """The page's visible text (no scripts or styles), whitespace removed."""
    body = doc.find("body")
    if body is None:
        return ""
    body = copy.deepcopy(body)
    for element in body.xpath(".//script|.//style|.//template"):
        element.drop_tree()
    return "".join(body.text_content().split())


def _hrefs(doc: lxml.html.HtmlElement) -> list[str]:
    """Every link target of the page."""
    return [a.get("href", "") for a in doc.iter("a")]


def _same_target(href: str, wanted: str) -> bool:
    """Whether a link points at the wanted URL (a path matches an absolute URL's path too)."""
    if not href or not wanted:
        return False
    if href == wanted:
        return True
    return urlsplit(href).path == urlsplit(wanted).path and not urlsplit(wanted).netloc


def _lang(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """<html> names the page's language."""
    lang = (doc.get("lang") or "").strip()
    return Result(bool(lang), lang or str(_("<html> 缺少 lang 属性")))


def _skip_link(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """A link to #main and an element with id main."""
    has_link = "#main" in _hrefs(doc)
    has_target = bool(doc.xpath("//*[@id='main']"))
    if has_link and has_target:
        return Result(True)
    return Result(
        False, str(_("缺少跳到 #main 的链接")) if not has_link else str(_("缺少 id=main"))
    )


def _identity_code(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """The 政府网站标识码 in the SiteIDCode meta or in the page's text."""
    code = expected.identity_code
    in_meta = bool(doc.xpath("//meta[@name='SiteIDCode' and @content=$code]", code=code))
    in_text = code in _text(doc)
    if in_meta or in_text:
        where = [str(p) for p, ok in (("meta", in_meta), (_("页面"), in_text)) if ok]
        return Result(True, " + ".join(where))
    return Result(False, str(_("既无 SiteIDCode 也未显示标识码")))


def _icp(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """The ICP 备案 number shown."""
    ok = "".join(expected.icp_number.split()) in _text(doc)
    return Result(ok, "" if ok else str(_("未显示 ICP 备案号")))


def _police(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """The 公安机关备案 number shown."""
    ok = "".join(expected.police_number.split()) in _text(doc)
    return Result(ok, "" if ok else str(_("未显示公安备案号")))


def _conac(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """The 党政机关 mark: an image so labelled, or the link to its verification page."""
    marked = any("党政机关" in (img.get("alt") or "") for img in doc.iter("img"))
    linked = expected.conac_url in _hrefs(doc)
    return Result(marked or linked, "" if marked or linked else str(_("缺少党政机关标识")))


def _site_map(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """A link to the 网站地图."""
    ok = any(_same_target(href, expected.site_map_url) for href in _hrefs(doc))
    return Result(ok, "" if ok else str(_("缺少网站地图链接")))


def _error_report(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """A link to the 找错 platform."""
    ok = expected.error_report_url in _hrefs(doc)
    return Result(ok, "" if ok else str(_("缺少找错链接")))


def _search_box(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """A form sending a q field to the site search."""
    for form in doc.iter("form"):
        action = form.get("action") or ""
        if _same_target(action, expected.search_url) and form.xpath(".//input[@name='q']"):
            return Result(True)
    return Result(False, str(_("缺少站内搜索框")))


def _a11y_toolbar(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """The reading aids' toolbar (data-a11y-toolbar)."""
    ok = bool(doc.xpath("//*[@data-a11y-toolbar]"))
    return Result(ok, "" if ok else str(_("缺少 data-a11y-toolbar")))


def _img_alt(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """Every image has an alt attribute (empty for decoration)."""
    missing = [img.get("src") or "?" for img in doc.iter("img") if img.get("alt") is None]
    if not missing:
        return Result(True)
    return Result(False, str(_("无 alt 的图片：")) + "、".join(missing[:3]))


def _img_size(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """Every image has width and height; every uploaded picture is served with a WebP source."""
    unsized = [
        img.get("src") or "?"
        for img in doc.iter("img")
        if not (img.get("width") and img.get("height"))
    ]
    if unsized:
        return Result(False, str(_("未写明宽高的图片：")) + "、".join(unsized[:3]))
    plain = [
        img.get("src")
        for img in doc.iter("img")
        if expected.media_url
        and (img.get("src") or "").startswith(expected.media_url)
        and not img.xpath('ancestor::picture[1]//source[@type="image/webp"]')
    ]
    if plain:
        return Result(
            False, str(_("未用 {% picture %} 提供 WebP 的上传图片：")) + "、".join(plain[:3])
        )
    return Result(True)


def _unique_ids(doc: lxml.html.HtmlElement, expected: Expected) -> Result:
    """No id is used twice."""
    counts = Counter(element.get("id") for element in doc.xpath("//*[@id]"))
    twice = sorted(name for name, n in counts.items() if n > 1)
    if not twice:
        return Result(True)
    return Result(False, str(_("重复的 id：")) + "、".join(twice[:3]))


CHECKS: tuple[Check, ...] = (
    Check("lang", _("html 的 lang"), _lang, _('`<html>` 带 `lang` 属性（如 `lang="zh-Hans"`）')),
    Check(
        "skip_link",
        _("跳到主要内容"),
        _skip_link,
        _('页面开头有跳到 `#main` 的链接，且有 `id="main"` 的主要内容区'),
    ),
    Check(
        "identity_code",
        _("网站标识码"),
        _identity_code,
        _('政府网站标识码：`<meta name="SiteIDCode">` 或页面（页脚）中显示'),
    ),
    Check("icp", _("ICP 备案号"), _icp, _("页面（页脚）显示 ICP 备案号")),
    Check("police", _("公安备案号"), _police, _("页面（页脚）显示公安机关备案号")),
    Check(
        "conac",
        _("党政机关标识"),
        _conac,
        _("党政机关网站标识：alt 含“党政机关”的图片，或指向其验证地址的链接"),
    ),
    Check("site_map", _("网站地图"), _site_map, _("指向网站地图 `{% url 'site_map' %}` 的链接")),
    Check(
        "error_report",
        _("找错"),
        _error_report,
        _("指向“找错”平台 `{{ site_identity.error_report_link }}` 的链接"),
    ),
    Check("search", _("搜索框"), _search_box, _("提交到 `/search/`、字段名为 `q` 的搜索表单")),
    Check(
        "a11y_toolbar",
        _("无障碍工具条"),
        _a11y_toolbar,
        _("适老化与无障碍工具条：带 `data-a11y-toolbar` 的元素（`includes/a11y_toolbar.html`）"),
    ),
    Check("img_alt", _("图片 alt"), _img_alt, _('每个 `<img>` 都有 `alt`（装饰图片用 `alt=""`）')),
    Check(
        "img_size",
        _("图片尺寸与格式"),
        _img_size,
        _(
            "每个 `<img>` 写明 `width` 和 `height`；上传的图片用 "
            '`{% picture 图片 format-{webp,jpeg} width-{640,1280} sizes="…" %}` 输出'
        ),
    ),
    Check("unique_ids", _("id 不重复"), _unique_ids, _("同一页面中没有重复的 `id`")),
)
"""Every furniture check, in the order the table shows them."""

FRAGMENT_CHECKS = ("img_alt", "img_size", "unique_ids")
"""The checks that also apply to one block rendered on its own."""


def parse(html: str) -> lxml.html.HtmlElement:
    """Parse a whole page (or a fragment, wrapped in a body)."""
    return lxml.html.document_fromstring(html or "<html><body></body></html>")


def check_page(html: str, expected: Expected, keys: tuple[str, ...] | None = None) -> dict:
    """Run the furniture checks (all, or those named) on a page: key → Result."""
    doc = parse(html)
    return {
        check.key: check.run(doc, expected) for check in CHECKS if keys is None or check.key in keys
    }
