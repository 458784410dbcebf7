"""政务公开 metadata a page prints in its 信息公开 index table: 索引号, 文号, 发布机构, 成文日期."""

from __future__ import annotations

import re

from .dom import Page
from .text import collapse, find_dates

FIELDS = {
    "索引号": "index_number",
    "发文字号": "document_number",
    "发文文号": "document_number",
    "文号": "document_number",
    "发布机构": "issuing_body",
    "发文机关": "issuing_body",
    "发文单位": "issuing_body",
    "成文日期": "written_date",
    "成文时间": "written_date",
}
_LABEL = re.compile(
    r"(?P<label>索引号|发文字号|发文文号|(?<![\u4e00-\u9fff])文号|发布机构|发文机关|发文单位|"
    r"成文日期|成文时间)\s*[:：]?\s*"
)
# any other label of such a table ends a value
_OTHER = re.compile(
    r"\s*(?:主题分类|体裁分类|组配分类|服务对象|公开方式|公开范围|公开时限|有效性|生成日期|发布日期|"
    r"公开日期|发布时间|信息来源|来源|关键词|主题词|名称|标题|索引号|发文字号|发文文号|文号|发布机构|"
    r"发文机关|发文单位|成文日期|成文时间)\s*[:：]?"
)
_INDEX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/._]{3,59}$")
_DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fffA-Za-z]{1,20}\s*[〔\[【（(［]\s*\d{4}\s*[〕\]】）)］]\s*\d{1,5}\s*号$"
)
_BODY = re.compile(r"^[\u4e00-\u9fff（）()·、]{2,40}$")
SCAN_LINES = 400
LINE_CHARS = 120


def _valid(field: str, value: str) -> str | None:
    """The value when it looks right for its field (a 文号 like 青政发〔2020〕12号), else None."""
    value = collapse(value).strip(" ：:|｜")
    if not value:
        return None
    if field == "index_number":
        return value if _INDEX.match(value) and any(c.isdigit() for c in value) else None
    if field == "document_number":
        return value if _DOC_NUMBER.match(value) else None
    if field == "issuing_body":
        return value if _BODY.match(value) else None
    dates = find_dates(value)
    return dates[0][1] if dates and dates[0][0] == 0 else None


def extract_gov_info(page: Page) -> dict[str, str]:
    """Return the 政务公开 fields the page states, each validated, the first of each kind."""
    found: dict[str, str] = {}
    lines = page.lines[:SCAN_LINES]
    for index, line in enumerate(lines):
        if line.chars > LINE_CHARS or not _LABEL.search(line.text):
            continue
        for match in _LABEL.finditer(line.text):
            field = FIELDS[match["label"]]
            if field in found:
                continue
            rest = line.text[match.end() :]
            end = _OTHER.search(rest)
            value = rest[: end.start()] if end else rest
            if not value.strip() and index + 1 < len(lines):
                following = lines[index + 1].text
                if not _OTHER.match(following) and len(following) <= 60:
                    value = following
            checked = _valid(field, value)
            if checked:
                found[field] = checked
    return found
