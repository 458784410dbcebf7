"""Extraction of legacy Chinese government and news pages into structured records."""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from ..decode import MAX_BYTES, DecodedDocument, decode_bytes, read_capped
from .assets import extract_attachments, extract_images, resolve
from .body import best_container, extract_body
from .classify import LIST, OTHER, classify
from .dates import META_LABEL_RE, extract_date_evidence, header_zone
from .dom import build_page, parse_html
from .govinfo import extract_gov_info
from .listing import find_list
from .meta import extract_source_author, site_name
from .oversize import CAPPED_FLAG, CUT_MARK, body_rest, split_markup, take_cut_mark
from .title import column_title, extract_title, split_head_title, strip_title_markers

__all__ = ["CAPPED_FLAG", "ExtractedPage", "extract_file", "extract_page"]


@dataclass
class ExtractedPage:
    """What the kit extracts from one legacy page (one JSON line of legacy_extract)."""

    file: str
    encoding: str
    kind: str
    title: str | None = None
    publish_date: str | None = None
    date_source: str | None = None  # dates.DATE_SOURCES: printed, script, meta, url, body_guess
    source: str | None = None
    author: str | None = None
    body_text: str = ""
    list_items: list[dict[str, str | None]] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    attachments: list[dict[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    error: str | None = None
    body_html: str = ""
    body_rest_html: str = ""
    """The body's raw HTML after the cut of a page with too many tags to parse (see oversize);
    body_text then holds the text of the parsed part only."""
    refresh_to: str | None = None
    """Where a stub page sends visitors (``<meta http-equiv="refresh" content="0;url=...">``)."""
    gov_info: dict[str, str] = field(default_factory=dict)
    """政务公开 fields the page prints (索引号, 文号, 发布机构, 成文日期)."""

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict (error, refresh_to and gov_info only when there are some)."""
        data = asdict(self)
        del data["body_html"], data["body_rest_html"]
        for optional in ("error", "refresh_to", "gov_info"):
            if not data[optional]:
                del data[optional]
        return data


def _failed(url_or_path: str, decoded: DecodedDocument, error: str) -> ExtractedPage:
    """Return the record of a file that could not be read as a page."""
    return ExtractedPage(
        file=url_or_path,
        encoding=decoded.encoding,
        kind=OTHER,
        flags=list(decoded.flags),
        error=error,
    )


def extract_page(raw: bytes, url_or_path: str, base_url: str | None = None) -> ExtractedPage:
    """Extract title, date, 来源/作者, main text, list items, images and attachments from bytes."""
    truncated = len(raw) > MAX_BYTES
    if truncated:
        raw = raw[:MAX_BYTES]
    decoded = decode_bytes(raw, truncated=truncated)
    if decoded.error:
        return _failed(url_or_path, decoded, decoded.error)
    head, rest = split_markup(decoded.text)
    try:
        root = parse_html(head + CUT_MARK if rest else head)
    except (lxml.etree.ParserError, ValueError) as err:
        return _failed(url_or_path, decoded, f"unparseable HTML: {err}")
    open_at_cut = take_cut_mark(root) if rest else []
    page = build_page(root)
    is_url = "://" in url_or_path
    file_path = None if is_url else url_or_path
    base = base_url or (url_or_path if is_url else None)
    if page.base_href and "://" in page.base_href and not base_url:
        base = page.base_href

    first = best_container(page)
    title, title_idx = extract_title(page, first.line_start if first else None)
    body = extract_body(page, title, title_idx)
    zone = header_zone(page, title_idx, body.first_line if body.node else None)
    body_range = (body.first_line, body.last_line)
    source, author = extract_source_author(page, zone, body_range)
    has_meta = any(META_LABEL_RE.search(page.lines[i].text) for i in zone)
    group = find_list(root, base)
    kind = classify(body.lines, group, has_meta)

    record = ExtractedPage(
        file=url_or_path,
        encoding=decoded.encoding,
        kind=kind,
        title=title,
        flags=list(decoded.flags),
    )
    if kind == LIST and group is not None:
        if title_idx is None or not page.lines[title_idx].heading:
            record.title = column_title(page) or title
        record.list_items = [item.as_dict() for item in group.items]
        if file_path and not base:
            for item in record.list_items:
                item["href"] = resolve(item["href"] or "", None, file_path)
        record.source = source or _last_part(page.head_title)
    else:
        record.publish_date, record.date_source = extract_date_evidence(
            page, url_or_path, title_idx, body.first_line if body.node else None, body_range
        )
        record.source = source or (site_name(page.head_title, title) if kind != OTHER else None)
        record.author = author
        record.body_text = body.text
        record.images = extract_images(body.node.el if body.node else None, base, file_path)
        record.gov_info = extract_gov_info(page)
        if body.node is not None:
            record.body_html = lxml.html.tostring(body.node.el, encoding="unicode", with_tail=False)
            record.body_rest_html = body_rest(rest, body.node.el, open_at_cut) if rest else ""
    if rest:
        record.flags.append(CAPPED_FLAG)
    record.attachments = extract_attachments(root, base, file_path)
    record.title = strip_title_markers(record.title)
    if len(record.body_text) < REFRESH_STUB_CHARS and not record.list_items:
        target = refresh_target(root)
        record.refresh_to = resolve(target, base, file_path) if target else None
    return record


REFRESH_STUB_CHARS = 200
"""A page that refreshes elsewhere and shows less text than this is a redirect stub."""
_REFRESH = re.compile(r"^\s*(\d{1,2})(?:\.\d+)?\s*[;,]?\s*url\s*=\s*['\"]?([^'\"\s>]+)", re.I)


def refresh_target(root: lxml.html.HtmlElement) -> str | None:
    """The address a ``<meta http-equiv="refresh">`` sends to within ten seconds, if any."""
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        match = _REFRESH.match(meta.get("content") or "")
        if match and int(match.group(1)) <= 10:
            return match.group(2)
    return None


def _last_part(head_title: str) -> str | None:
    """Return the last <title> part of a column page (usually the site name)."""
    parts = split_head_title(head_title)
    return parts[-1].strip() if len(parts) > 1 else None


def extract_file(path: str | os.PathLike[str], base_url: str | None = None) -> ExtractedPage:
    """Read a file (capped at MAX_BYTES) and extract it."""
    raw, truncated = read_capped(path, MAX_BYTES)
    record = extract_page(raw, str(Path(path)), base_url)
    if truncated and "truncated" not in record.flags:
        record.flags.append("truncated")
    return record
