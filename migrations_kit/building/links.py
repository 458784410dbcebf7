"""Second pass: turn links to imported pages and files into Wagtail's internal link format."""

from __future__ import annotations

import copy
import html as htmllib
import re
from collections.abc import Callable
from typing import Any

Resolver = Callable[[str], tuple[str, int] | None]
"""Map an absolute legacy URL to ("page", id) or ("document", id), or None."""

LINK_TYPES = frozenset({"page", "document"})
_ANCHOR = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_LINKTYPE = re.compile(r"\blinktype\s*=", re.IGNORECASE)


def _rewrite_html(html: str, resolve: Resolver, state: dict[str, Any]) -> str:
    """Rewrite the anchors of one rich-text value."""

    def replace(match: re.Match[str]) -> str:
        """Return the anchor's start tag, internal if its URL resolves."""
        attrs = match.group(1)
        href_match = _HREF.search(attrs)
        if href_match is None or _LINKTYPE.search(attrs):
            return match.group(0)
        raw = next(group for group in href_match.groups() if group is not None)
        url = htmllib.unescape(raw).strip()
        if not url.startswith(("http://", "https://", "/")):
            return match.group(0)
        target = resolve(url)
        if target is None or target[0] not in LINK_TYPES:
            state["unresolved"].setdefault(url, None)
            return match.group(0)
        state["count"] += 1
        return f'<a linktype="{target[0]}" id="{int(target[1])}">'

    return _ANCHOR.sub(replace, html)


def _rewrite_link_value(value: dict, resolve: Resolver, state: dict[str, Any]) -> None:
    """Point a LinkBlock-like value with an external_url at the page it names."""
    url = (value.get("external_url") or "").strip()
    if not url or value.get("page"):
        return
    target = resolve(url)
    if target is not None and target[0] == "page":
        value["page"] = int(target[1])
        value["external_url"] = ""
        state["count"] += 1
    else:
        state["unresolved"].setdefault(url, None)


def rewrite_links(stream: list[dict], resolve: Resolver) -> tuple[list[dict], int, list[str]]:
    """Return (the stream with resolvable links internal, rewritten count, unresolved URLs)."""
    result = copy.deepcopy(stream)
    state: dict[str, Any] = {"count": 0, "unresolved": {}}
    pending: list[Any] = [result]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        if node.get("type") == "paragraph" and isinstance(node.get("value"), str):
            node["value"] = _rewrite_html(node["value"], resolve, state)
            continue
        if "external_url" in node and isinstance(node.get("external_url"), str):
            _rewrite_link_value(node, resolve, state)
        children = [value for value in node.values() if isinstance(value, dict | list)]
        pending.extend(reversed(children))
    return result, state["count"], list(state["unresolved"])
