"""简/繁: any public page read in Traditional Chinese, converted by OpenCC as it is served.

The page tree holds Simplified text only. A visitor picks 繁體 in the top bar (a plain link to
switch_variant, no JavaScript); the choice lives in a cookie, and VariantMiddleware converts the
HTML of public pages on the way out: text between tags and the human-readable attributes, never
scripts, styles, what a citizen typed in a <textarea>, URLs, ids, classes or form values. A
shareable ``?zh=hant`` link renders the page in Traditional too. Converted pages are kept in the
cache under the hash of their source bytes, so a page is converted once however often it is read.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from .admin_host import is_admin_path

logger = logging.getLogger(__name__)

HANS, HANT = "hans", "hant"
VARIANTS = (HANS, HANT)
COOKIE_NAME = "zh_variant"
COOKIE_AGE = 365 * 24 * 60 * 60
QUERY_PARAM = "zh"
HANT_LANG = "zh-Hant"

# s2tw: characters only, with the glyph forms most Traditional readers are taught (Taiwan's
# standard, also that of Big5 fonts and most overseas readers): 群眾, 為, 吃麵, 秘書, where
# s2t's "OpenCC standard" forms (羣衆, 爲, 喫麪, 祕書) look dated to every reader group.
# Not s2twp or s2hkp-style phrase localisation: an official name, a policy term or a quoted
# document must read exactly as issued (s2twp turns 信息公开 into 資訊公開, 视频 into 影片).
OPENCC_CONFIG = "s2tw.json"
# Bump when the conversion rules below change: cached pages of the old rules are then unused.
RULES_VERSION = 1
CACHE_PREFIX = "zh-variant"
CACHE_TIMEOUT = 24 * 60 * 60
MAX_CONVERTED_BYTES = 4 * 1024 * 1024  # larger answers are served as they are

# Paths that are never converted: the admin (by is_admin_path), this module's own switch and
# the staff-facing 投稿 pages (informants submit there, logged in; found by URL name below).
STAFF_URL_NAMES = ("guarantee_submission:list",)
NEVER_CONVERTED_PREFIXES = ("/_zh/", "/documents/", "/static/", "/media/")

# Elements whose content is kept byte for byte: code, and raw text (scripts, styles, and
# textareas, which hold what a citizen typed: converting it would alter their words).
RAW_TEXT_ELEMENTS = frozenset({"script", "style", "textarea"})
KEPT_ELEMENTS = frozenset({"code", "kbd", "samp", "var"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "param"}
)
# Attributes a person reads (or hears); every other attribute is left alone.
HUMAN_ATTRIBUTES = frozenset(
    {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}
    | {"aria-valuetext", "aria-placeholder", "label", "summary", "abbr"}
)
# <meta name=... content=...> (and property= for Open Graph) whose content is human text.
HUMAN_META_NAMES = frozenset(
    {"description", "keywords", "sitename", "columnname", "columndescription"}
    | {"columnkeywords", "articletitle", "contentsource", "author"}
    | {"og:title", "og:description", "og:site_name", "twitter:title", "twitter:description"}
)
# The lang values an element may carry to keep its text Simplified (the 简体 link itself).
SIMPLIFIED_LANGS = frozenset({"zh-hans", "zh-cn", "zh-sg", "zh-hans-cn"})

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<[!?][^>]*>"  # doctype, processing instruction
    r"|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",  # a tag
    re.S,
)
_ATTRIBUTE = re.compile(
    r"(?P<space>\s+)(?P<name>[^\s=/>\"']+)"
    r"(?:(?P<eq>\s*=\s*)(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`]+)))?"
)
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SEPARATOR = "\ue000"  # a private-use character: no OpenCC phrase contains it

_local = threading.local()


def converter() -> object:
    """This thread's OpenCC converter for OPENCC_CONFIG, built on first use."""
    instance = getattr(_local, "converter", None)
    if instance is None:
        import opencc

        instance = _local.converter = opencc.OpenCC(OPENCC_CONFIG)
    return instance


def convert_texts(texts: list[str]) -> list[str]:
    """The given texts in Traditional, converted in one call to OpenCC."""
    if not texts:
        return []
    convert = converter().convert
    if not any(_SEPARATOR in text for text in texts):
        joined = convert(_SEPARATOR.join(texts)).split(_SEPARATOR)
        if len(joined) == len(texts):
            return joined
    return [convert(text) for text in texts]


class _Output:
    """The pieces of the converted page, with the texts to convert gathered for one call."""

    def __init__(self) -> None:
        """Start empty."""
        self.pieces: list[str] = []
        self.slots: list[int] = []

    def keep(self, text: str) -> None:
        """Add text that stays as it is."""
        self.pieces.append(text)

    def convert(self, text: str) -> None:
        """Add text to be converted (unless it has no Han character to convert)."""
        if _HAN.search(text):
            self.slots.append(len(self.pieces))
        self.pieces.append(text)

    def result(self) -> str:
        """The page, every gathered text converted."""
        converted = convert_texts([self.pieces[i] for i in self.slots])
        for index, text in zip(self.slots, converted, strict=True):
            self.pieces[index] = text
        return "".join(self.pieces)


def _attributes(text: str) -> list[re.Match]:
    """The attributes of a tag's attribute text, as matches of _ATTRIBUTE."""
    return list(_ATTRIBUTE.finditer(text))


def _value(match: re.Match) -> str | None:
    """An attribute's value as written (escaped), None when it has none."""
    for group in ("dq", "sq", "bare"):
        if match.group(group) is not None:
            return match.group(group)
    return None


def _keeps_its_text(name: str, attributes: list[re.Match]) -> bool:
    """Whether an element asks to be left unconverted (translate="no", a Simplified lang)."""
    if name in KEPT_ELEMENTS:
        return True
    for attr in attributes:
        key, value = attr.group("name").lower(), (_value(attr) or "").strip().lower()
        if key == "translate" and value == "no":
            return True
        if key == "lang" and value in SIMPLIFIED_LANGS and name not in ("html", "body"):
            return True
    return False


def _write_tag(out: _Output, raw_name: str, attr_text: str, attributes: list[re.Match]) -> None:
    """A start tag: human attributes converted, <html>'s lang set to zh-Hant, the rest kept."""
    name = raw_name.lower()
    if name == "meta":
        names = {
            (_value(a) or "").lower()
            for a in attributes
            if a.group("name").lower() in ("name", "property")
        }
        human = {"content"} if names & HUMAN_META_NAMES else set()
    else:
        human = HUMAN_ATTRIBUTES
    out.keep(f"<{raw_name}")
    position, has_lang = 0, False
    for attr in attributes:
        key = attr.group("name").lower()
        group = next((g for g in ("dq", "sq", "bare") if attr.group(g) is not None), None)
        if group is None:
            continue
        if name == "html" and key == "lang":
            has_lang = True
            out.keep(attr_text[position : attr.start(group)] + HANT_LANG)
            position = attr.end(group)
        elif key in human:
            out.keep(attr_text[position : attr.start(group)])
            out.convert(attr.group(group))
            position = attr.end(group)
    if name == "html" and not has_lang:
        out.keep(f' lang="{HANT_LANG}"')
    out.keep(attr_text[position:] + ">")


def _is_plain(name: str, attr_text: str) -> bool:
    """Whether a start tag needs no look at its attributes: no Han text, no lang or translate."""
    if name in RAW_TEXT_ELEMENTS or name in KEPT_ELEMENTS or name == "html":
        return False
    return not _HAN.search(attr_text) and "lang" not in attr_text and "translate" not in attr_text


def convert_html(html: str) -> str:
    """A page's HTML with its human text in Traditional and <html lang="zh-Hant">."""
    out = _Output()
    position = 0
    kept_name, kept_depth = "", 0
    while (match := _TOKEN.search(html, position)) is not None:
        (out.keep if kept_depth else out.convert)(html[position : match.start()])
        position = match.end()
        closing, raw_name, attr_text = match.group(1), match.group(2), match.group(3)
        if raw_name is None or closing:
            out.keep(match.group(0))
            if closing and kept_depth and raw_name.lower() == kept_name:
                kept_depth -= 1
            continue
        name = raw_name.lower()
        self_closing = attr_text.rstrip().endswith("/") or name in VOID_ELEMENTS
        if not kept_depth and _is_plain(name, attr_text):
            out.keep(match.group(0))  # the common case: nothing to convert, nothing to keep
            continue
        attributes = _attributes(attr_text)
        if kept_depth:
            out.keep(match.group(0))
            kept_depth += name == kept_name and not self_closing
        elif name in ("script", "style") or _keeps_its_text(name, attributes):
            out.keep(match.group(0))
            if not self_closing and name not in RAW_TEXT_ELEMENTS:
                kept_name, kept_depth = name, 1
        else:
            _write_tag(out, raw_name, attr_text, attributes)
        if name in RAW_TEXT_ELEMENTS and not self_closing:
            end = re.compile(rf"</{name}\s*>", re.I).search(html, position)
            stop = end.start() if end else len(html)
            out.keep(html[position:stop])
            position = stop
    (out.keep if kept_depth else out.convert)(html[position:])
    return out.result()


def cache_key(content: bytes, charset: str) -> str:
    """The cache key of a page's converted form: the hash of its source bytes and the rules."""
    digest = hashlib.sha256(charset.encode() + b"\0" + content).hexdigest()
    return f"{CACHE_PREFIX}:{RULES_VERSION}:{OPENCC_CONFIG}:{digest}"


def converted_content(content: bytes, charset: str) -> bytes:
    """A page's bytes in Traditional, from the cache when the same bytes were converted before."""
    key = cache_key(content, charset)
    try:
        cached = cache.get(key)
    except Exception:  # a cache outage costs a conversion, never the page
        logger.warning("The cache could not be read for a converted page", exc_info=True)
        cached = None
    if cached is not None:
        return cached
    converted = convert_html(content.decode(charset)).encode(charset)
    try:
        cache.set(key, converted, CACHE_TIMEOUT)
    except Exception:
        logger.warning("The cache could not keep a converted page", exc_info=True)
    return converted


def requested_variant(request: HttpRequest) -> tuple[str, bool]:
    """The variant asked for (the ?zh= link, else the cookie, else 简体) and whether by the link.

    Accept-Language is not read: a mainland reader whose browser says zh-TW would find their own
    government's site switched under them, and a front cache would split on every header value.
    """
    asked = request.GET.get(QUERY_PARAM, "").lower()
    if asked in VARIANTS:
        return asked, True
    chosen = request.COOKIES.get(COOKIE_NAME, "").lower()
    if chosen in VARIANTS:
        return chosen, False
    return HANS, False


def _staff_prefixes() -> tuple[str, ...]:
    """The path prefixes of the staff-facing pages outside the admin (投稿)."""
    prefixes = []
    for url_name in STAFF_URL_NAMES:
        try:
            prefixes.append(reverse(url_name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


def is_public_html(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether a response is a public page's HTML that may be served in Traditional."""
    path = request.path_info
    if getattr(request, "is_dummy", False):  # Wagtail's preview and draft view, for editors
        return False
    if is_admin_path(path) or path.startswith(NEVER_CONVERTED_PREFIXES + _staff_prefixes()):
        return False
    if response.status_code != 200 or response.streaming or response.has_header("Content-Encoding"):
        return False
    return response.get("Content-Type", "").split(";")[0].strip().lower() == "text/html"


def set_variant_cookie(response: HttpResponseBase, request: HttpRequest, variant: str) -> None:
    """Remember the visitor's choice of 简体 or 繁體 on this site for a year."""
    response.set_cookie(
        COOKIE_NAME,
        variant,
        max_age=COOKIE_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def convert_response(response: HttpResponse) -> None:
    """Replace a page's content with its Traditional form; on any failure keep the original."""
    content = response.content
    if len(content) > MAX_CONVERTED_BYTES:
        return
    try:
        converted = converted_content(content, response.charset or settings.DEFAULT_CHARSET)
    except Exception:
        logger.exception("A page could not be converted to Traditional; served as it is")
        return
    response.content = converted
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(converted))
    if response.has_header("ETag"):
        del response["ETag"]  # the tag named the Simplified bytes
    response["Content-Language"] = HANT_LANG


class VariantMiddleware:
    """Serve public pages in Traditional when the visitor's cookie or the ?zh= link asks."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        """Keep the next handler of the chain."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        """Note the variant on the request for the switch link, then convert the answer."""
        variant, by_link = requested_variant(request)
        request.zh_variant = variant
        response = self.get_response(request)
        if not is_public_html(request, response):
            return response
        patch_vary_headers(response, ("Cookie",))
        if variant == HANT:
            convert_response(response)
            if by_link and COOKIE_NAME not in request.COOKIES:
                # a shared 繁體 link keeps its reader in Traditional; a choice made is never undone
                set_variant_cookie(response, request, HANT)
        return response


def _without_variant_query(url: str) -> str:
    """The URL without its ?zh= parameter, which would otherwise outvote the new choice."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != QUERY_PARAM]
    return urlunsplit(parts._replace(query=urlencode(query)))


def safe_next(request: HttpRequest) -> str:
    """Where the switch sends the visitor back: ?next= (else Referer) on this host, else /."""
    allowed = {request.get_host()}
    for candidate in (request.GET.get("next", ""), request.headers.get("Referer", "")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts=allowed, require_https=request.is_secure()
        ):
            target = _without_variant_query(candidate)
            if url_has_allowed_host_and_scheme(
                target, allowed_hosts=allowed, require_https=request.is_secure()
            ):
                return target
    return "/"


@require_safe
def switch_variant(request: HttpRequest, variant: str) -> HttpResponseRedirect:
    """Set the 简体/繁體 cookie and go back to the page the visitor was reading."""
    response = HttpResponseRedirect(safe_next(request))
    set_variant_cookie(response, request, variant)
    add_never_cache_headers(response)
    return response
