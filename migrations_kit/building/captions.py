"""The Chinese text rules: 一、/（一） headings, 图为… captions, 摄影/来源 credits, 附件 labels."""

from __future__ import annotations

import re

from .items import Heading, ImageItem, RichText
from .layout import squash
from .text import truncate

HEADING_MAX = 40
"""A bold line longer than this stays a paragraph."""
HEADING_TEXT_MAX = 120
"""A heading longer than this (HeadingBlock's limit) becomes a bold paragraph."""
CAPTION_MAX = 250
"""ImageBlock's caption limit; a longer line is not a caption."""
CENTRED_CAPTION_MAX = 80
"""A centred, not bold line after an image up to this long is its caption."""
ALT_MAX = 200
"""ImageBlock's alt text limit."""
CREDIT_MAX = 120
"""ImageBlock's credit limit."""

TAG_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
"""The heading level each legacy heading tag becomes (an article's title is its h1)."""
_END_PUNCT = tuple("。！？；，、,.;!?：:")
_H2_ORDINAL = re.compile(
    r"^(第[一二三四五六七八九十百零〇\d]+[章节部篇]|[一二三四五六七八九十]+、)"
)
_H3_ORDINAL = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_H4_ORDINAL = re.compile(r"^(\d{1,2}[、.．]\D|[（(]\d{1,2}[）)])")
_CAPTION = re.compile(
    r"^[（(【\[]?\s*(图为|图片为|图[:：]|图\s*\d|[上下左右]图|图片来源|图片[:：]|摄影|供图|图源)"
)
_CREDIT = re.compile(
    r"[（(【\[]\s*(?:图片来源|来源|摄影|供图|图源|摄)\s*[:：]?\s*([^）)】\]]{1,110})[）)】\]]"
)
_CREDIT_LINE = re.compile(r"^(?:图片来源|摄影|供图|图源)\s*[:：]\s*(.{1,110})$")
_CAPTION_PREFIX = re.compile(r"^(图为|图片为|图[:：]|图片[:：]|[上下左右]图[:：为]?)\s*")
_ATTACHMENT_LABEL = re.compile(
    r"^((相关)?附件(下载)?|(点击)?下载)?\s*[\d一二三四五六七八九十]*\s*[:：]?[\s\d.、．:：，,；;]*$"
)


# headings --------------------------------------------------------------------------------


def heading_level(text: str, all_bold: bool, centred: bool) -> str | None:
    """Return the heading level of a short bold line (一、 h2, （一） h3, 1、 h4), or None."""
    if not all_bold or len(text) > HEADING_MAX or text.endswith(_END_PUNCT):
        return None
    if _H3_ORDINAL.match(text):
        return "h3"
    if _H2_ORDINAL.match(text) or centred:
        return "h2"
    if _H4_ORDINAL.match(text):
        return "h4"
    return None


def heading_item(text: str, body: str, level: str) -> Heading | RichText:
    """A heading, or a bold paragraph when the text is too long or holds a link."""
    text = squash(text)
    if len(text) > HEADING_TEXT_MAX or "<a " in body:
        return RichText(f"<p><b>{body}</b></p>")
    return Heading(text, level)


# captions and credits --------------------------------------------------------------------


def _credit(match: re.Match[str]) -> str:
    """The credit a credit match names, cut to ImageBlock's limit."""
    return truncate(match.group(1).strip(), CREDIT_MAX)


def _is_caption(text: str, credit_line: bool, centred: bool, all_bold: bool) -> bool:
    """Whether a line right after an image reads as its caption."""
    if len(text) > CAPTION_MAX:
        return False
    if _CAPTION.match(text) or credit_line:
        return True
    return centred and not all_bold and len(text) <= CENTRED_CAPTION_MAX


def _set_caption(image: ImageItem, text: str) -> None:
    """Set a caption line (its bracketed credit split off) and, if missing, the alt text."""
    credit = _CREDIT.search(text)
    if credit:
        image.credit = _credit(credit)
        text = squash(text[: credit.start()] + text[credit.end() :])
    image.caption = text
    described = squash(_CAPTION_PREFIX.sub("", text))
    if not image.alt and described:
        image.alt = truncate(described, ALT_MAX)


def attach_caption(image: ImageItem, text: str, centred: bool, all_bold: bool) -> bool:
    """Attach a caption or credit line to the image just before it; return whether it did."""
    text = squash(text)
    credit_line = _CREDIT_LINE.match(text)
    if image.caption or image.credit:
        if credit_line and not image.credit:
            image.credit = _credit(credit_line)
            return True
        return False
    if not _is_caption(text, credit_line is not None, centred, all_bold):
        return False
    if credit_line:
        image.credit = _credit(credit_line)
    else:
        _set_caption(image, text)
    return True


# attachment labels -----------------------------------------------------------------------


def is_attachment_label(text: str, titles: list[str]) -> bool:
    """Whether a line is only attachment links and their label (附件1：…, 下载：…)."""
    rest = text
    for title in titles:
        rest = rest.replace(title, "", 1)
    return bool(_ATTACHMENT_LABEL.match(squash(rest)))
