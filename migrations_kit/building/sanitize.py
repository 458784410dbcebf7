"""Sanitize legacy body HTML with nh3: keep content tags, drop active content and styling."""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TABLE_TAGS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"})

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "a", "img"}
    | TABLE_TAGS
    | {"ul", "ol", "li", "blockquote", "hr"}
    | HEADINGS
)
"""Tags clean_fragment keeps; any other tag is unwrapped and its text kept."""

STRUCTURE_TAGS = ALLOWED_TAGS | {"div", "center", "span"}
"""Tags prepare_fragment also keeps, so the block builder sees boxes, centring and bold spans."""

DROP_CONTENT_TAGS = frozenset(
    """script style iframe frame frameset noframes object embed applet noscript template svg
    math canvas select textarea button head title""".split()
)
"""Tags removed together with everything inside them."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel"})
"""Link schemes kept; javascript:, vbscript:, data: and the rest are stripped."""

_CELL_ATTRS = {"colspan", "rowspan", "scope"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": set(_CELL_ATTRS),
    "th": set(_CELL_ATTRS),
}
_STRUCTURE_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    **{tag: set() for tag in ("p", "div", "center", "span", *HEADINGS)},
}
for _tag in ("p", "div", "span", "td", "th", "center", *HEADINGS):
    _STRUCTURE_ATTRIBUTES[_tag] |= {"align", "style"}

_STYLE_KEPT = {"text-align", "font-weight"}
_CONTROL = dict.fromkeys(range(33))


def _safe_base(base_url: str) -> str | None:
    """Return base_url when it is an absolute http(s) URL nh3 can resolve against."""
    try:
        parts = urlsplit(base_url or "")
    except ValueError:
        return None
    if parts.scheme in {"http", "https"} and parts.netloc:
        return base_url
    return None


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    """Drop URLs whose scheme is active content even when disguised with blanks."""
    if attr in {"href", "src"}:
        squashed = value.translate(_CONTROL).lower()
        if squashed.startswith(("javascript:", "vbscript:", "data:", "livescript:")):
            return None
    if attr in {"colspan", "rowspan"}:
        digits = value.strip()
        return digits if digits.isdigit() else None
    return value


def _clean(html: str, base_url: str, tags: frozenset[str], attributes: dict) -> str:
    """Run nh3 with the given tag and attribute lists."""
    if not html or not html.strip():
        return ""
    base = _safe_base(base_url)
    return nh3.clean(
        html,
        tags=set(tags),
        clean_content_tags=set(DROP_CONTENT_TAGS),
        attributes=attributes,
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(_STYLE_KEPT),
        url_relative=("rewrite_with_base", base) if base else "pass_through",
    )


def clean_fragment(html: str, base_url: str) -> str:
    """Return html sanitized to content tags, with relative URLs resolved against base_url."""
    return _clean(html, base_url, ALLOWED_TAGS, ALLOWED_ATTRIBUTES)


def prepare_fragment(html: str, base_url: str) -> str:
    """Sanitize like clean_fragment but keep div/center/span, align and bold/centre styles."""
    return _clean(html, base_url, STRUCTURE_TAGS, _STRUCTURE_ATTRIBUTES)
