"""Small text helpers shared by the extractors: whitespace, punctuation, dates."""

from __future__ import annotations

import datetime as dt
import re

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[，。！？；、!?;]|,(?!\d)")
CJK = re.compile(r"[\u4e00-\u9fff]")

DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]|\s)\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)(?!\s*月)\s*日?"
)
URL_DATE_PATTERNS = (
    re.compile(r"(?<!\d)t?(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})_\d+"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})[-_/]?(?P<m>\d{2})[-_/](?P<d>\d{2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})[-/](?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})/"),
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=\d{0,8}\.s?html?)"),
)


def squash(text: str) -> str:
    """Remove all whitespace (the comparison form used by scoring)."""
    return _WS.sub("", text or "")


def collapse(text: str) -> str:
    """Collapse whitespace runs to one space and strip."""
    return _WS.sub(" ", text or "").strip()


_TRAILING_NOTE = re.compile(r"\s*[（(][^（()）]*[）)]$")


def without_note(name: str) -> str:
    """A name without its trailing note in brackets (电教馆（教育电视台） -> 电教馆)."""
    return _TRAILING_NOTE.sub("", (name or "").strip()).strip()


def nonspace_len(text: str) -> int:
    """Count characters that are not whitespace."""
    return len("".join(text.split()))


def count_punct(text: str) -> int:
    """Count sentence punctuation marks (not colons or dots, which fill meta rows and URLs)."""
    return len(_PUNCT.findall(text))


def make_date(year: str, month: str, day: str) -> str | None:
    """Return YYYY-MM-DD for a plausible calendar date, else None."""
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if value.year < 1990 or value > dt.date.today() + dt.timedelta(days=366):
        return None
    return value.isoformat()


def find_dates(text: str) -> list[tuple[int, str]]:
    """Return (offset, YYYY-MM-DD) for every plausible date written in the text."""
    found = []
    for match in DATE_RE.finditer(text):
        value = make_date(match["y"], match["m"], match["d"])
        if value:
            found.append((match.start(), value))
    return found


def url_date(url: str) -> str | None:
    """Return a publish date encoded in a legacy URL (t20080305_1234.htm, /2008-03/05/ ...)."""
    for pattern in URL_DATE_PATTERNS:
        match = pattern.search(url)
        if match:
            value = make_date(match["y"], match["m"], match["d"])
            if value:
                return value
    return None


FURNITURE = re.compile(
    r"版权所有|Copyright|All Rights Reserved|ICP备|ICP证|公网安备|违法和不良信息|举报电话|"
    r"网站标识码|免责声明|郑重声明|联系我们|网站地图|主办单位|承办单位|技术支持|建议使用|分辨率|"
    r"^主办[:：]|承办[:：]|备案序号|备案号",
    re.IGNORECASE,
)
"""Site furniture (footer, copyright, disclaimers): never main text."""
