"""The typed items the walker collects, in body order, before assets are resolved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class RichText:
    """A piece of paragraph HTML; neighbouring pieces merge into one paragraph block."""

    html: str


@dataclass
class Heading:
    """A heading block's value."""

    text: str
    level: str

    def value(self) -> dict[str, str]:
        """The heading block's raw value."""
        return {"text": self.text, "level": self.level}


@dataclass
class ImageItem:
    """An image found in the body, resolved to a Wagtail image at assembly."""

    src: str
    large: str | None
    alt: str
    caption: str = ""
    credit: str = ""


@dataclass
class TableItem:
    """A data table block's raw value."""

    value: dict[str, Any]


@dataclass
class AttachmentsMarker:
    """Where the attachments block goes (placed once, after the first attachment link)."""


@dataclass
class Attachment:
    """A link to a downloadable file."""

    url: str
    title: str


Item = RichText | Heading | ImageItem | TableItem | AttachmentsMarker
"""One thing the walker found, in body order."""
