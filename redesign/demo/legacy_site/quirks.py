"""The markup of the legacy patterns: script-written dates, headline lines and empty bodies."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from .body import Block
from .layouts import text
from .patterns import (
    BIAOTI,
    CRUMB_STANDARD,
    NOTHING,
    ODD_CRUMBS,
    OWN_COLUMN,
    SCRIPT_LITERAL,
    SCRIPT_SUBSTRING,
    SCRIPT_VAR,
    SEE_ATTACHMENT,
)
from .plan import ArticleRef
from .text import TextMaker

SCRIPT_LABELS = {SCRIPT_VAR: "发布时间：", SCRIPT_SUBSTRING: "日期：", SCRIPT_LITERAL: "发布日期："}
HEADLINE_SELECTORS = {BIAOTI: "td.biaoti", "bt": "div.bt"}
SEE_ATTACHMENT_TEXT = "详见附件。"


def script_date(variant: str, day: date, rng: random.Random) -> tuple[str, str]:
    """Return the meta row's date as a script writes it (HTML), and the text it shows."""
    label = SCRIPT_LABELS[variant]
    shown = f"{day:%Y-%m-%d}"
    if variant == SCRIPT_VAR:
        code = f"var str = '{shown}'; document.write('{label}' + str);"
    elif variant == SCRIPT_SUBSTRING:
        clock = f"{rng.randint(8, 18):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
        code = f"var str = '{shown} {clock}'; document.write('{label}' + str.substring(0, 10));"
    else:
        code = f'document.write("{label}{shown}");'
    kind = 'type="text/javascript"' if variant == SCRIPT_LITERAL else 'language="javascript"'
    return f"<script {kind}>{code}</script>", f"{label}{shown}"


def split_title_less(variant: str | None) -> tuple[str | None, str | None]:
    """Return (what <title> holds, headline markup) of a title-less variant, or (None, None)."""
    if variant is None:
        return None, None
    holds, markup = variant.split("/")
    return holds, markup


def headline_row(markup: str, title: str) -> str:
    """Return the headline line of a title-less page: a td.biaoti or a div.bt, no <h1>."""
    if markup == BIAOTI:
        return (
            '<tr><td align="center" class="biaoti" height="40"><font size="4">'
            f"<b>{text(title)}</b></font></td></tr>"
        )
    return f'<tr><td><div class="bt" align="center"><strong>{text(title)}</strong></div></td></tr>'


def empty_body(
    variant: str, ref: ArticleRef, maker: TextMaker
) -> tuple[list[Block], list[dict[str, Any]]]:
    """Return the blocks and attachments of an empty-body article (its attachment is missing)."""
    if variant == NOTHING:
        return [], []
    day = ref.day
    ext = maker.rng.choice(("doc", "doc", "xls", "pdf"))
    path = f"uploadfile/{day.year}/{day:%Y%m%d}{ref.legacy_id:06d}.{ext}"
    name = f"{maker.attachment_name(day)}.{ext}"
    blocks: list[Block] = [("root_attach", path, f"附件：{name}")]
    if variant == SEE_ATTACHMENT:
        blocks.insert(0, ("plain", SEE_ATTACHMENT_TEXT))
    attachment = {"path": path, "name": name, "format": ext, "exists": False, "href": f"/{path}"}
    return blocks, [attachment]


def pattern_names(ref: ArticleRef, separator: str) -> list[str]:
    """Return the manifest's pattern list of an article rendered with a crumb separator."""
    names = [name for name, _ in ref.patterns]
    if not ref.column.twin:
        names.append(OWN_COLUMN)
    if separator not in CRUMB_STANDARD:
        names.append(ODD_CRUMBS)
    return names


def date_truth(ref: ArticleRef, shown: str | None, script: bool) -> dict[str, Any]:
    """Return the date fields of an article's truth: what the page, its script or its URL show."""
    if shown is not None:
        evidence, value = ("script" if script else "page"), f"{ref.day:%Y-%m-%d}"
    elif ref.url_date:
        evidence, value = "url", ref.url_date
    else:
        evidence, value = None, None
    return {
        "date": value,
        "date_printed": shown is not None and not script,
        "date_script": script,
        "date_evidence": evidence,
        "url_date": ref.url_date,
    }
