"""What a theme must render, read from the code: the page types and the block library."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wagtail_blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

import blocks as block_library

# The app whose page models make up a county site's tree.
PAGE_APP_LABEL = "core"

# The order page types are listed in (a county site's tree, top down); new ones come after.
PAGE_ORDER = ("homepage", "columnpage", "articlepage", "standardpage", "industrypage")

# Chinese names of the block families (blocks/<family>.py); an unknown family shows its key.
FAMILY_LABELS = {
    "base": _("基础内容"),
    "news": _("新闻"),
    "gov_affairs": _("政务公开"),
    "industries": _("特色产业"),
    "qa": _("互动问答"),
    "navigation": _("导航与服务"),
}


@dataclass(frozen=True)
class PageType:
    """One page type of a county site, with the template it renders with."""

    model: type[Page]

    @property
    def key(self) -> str:
        """The model's name in lower case: homepage, articlepage."""
        return self.model._meta.model_name

    @property
    def label(self) -> str:
        """The page type's Chinese name."""
        return str(self.model._meta.verbose_name)

    @property
    def template(self) -> str:
        """The template path Wagtail renders the page type with."""
        return self.model.template

    @property
    def stream_fields(self) -> list[StreamField]:
        """The page type's StreamFields, in declaration order."""
        return [f for f in self.model._meta.get_fields() if isinstance(f, StreamField)]


@dataclass
class BlockEntry:
    """One block of the library: its class name, family, labels, template and where it is used."""

    name: str
    family: str
    block: wagtail_blocks.Block
    used_in: list[str] = field(default_factory=list)
    nested: bool = False

    @property
    def family_label(self) -> str:
        """The family's Chinese name."""
        return str(FAMILY_LABELS.get(self.family, self.family))

    @property
    def label(self) -> str:
        """The block's Chinese label."""
        return str(self.block.meta.label or self.name)

    @property
    def description(self) -> str:
        """The block's one-line description for editors."""
        return str(getattr(self.block.meta, "description", "") or "")

    @property
    def template(self) -> str:
        """The template path the block renders with."""
        return self.block.meta.template or ""


def page_types() -> list[PageType]:
    """Every page type of a county site's tree, home first, then down the tree."""
    found = [
        PageType(model)
        for model in get_page_models()
        if model._meta.app_label == PAGE_APP_LABEL and not model._meta.abstract
    ]
    rank = {key: n for n, key in enumerate(PAGE_ORDER)}
    return sorted(found, key=lambda page_type: rank.get(page_type.key, len(rank)))


def _family_of(block_class: type) -> str:
    """The family key of a block class: the module it is defined in (blocks.news → news)."""
    return block_class.__module__.rpartition(".")[2]


def _children(block: wagtail_blocks.Block) -> list[wagtail_blocks.Block]:
    """The child blocks of a struct, stream or list block."""
    children = getattr(block, "child_blocks", None)
    found = list(children.values()) if isinstance(children, dict) else []
    child = getattr(block, "child_block", None)
    if child is not None:
        found.append(child)
    return found


@cache
def block_catalogue() -> tuple[BlockEntry, ...]:
    """Every block with a template: the library's exported blocks, then the blocks nested in them.

    Each entry lists the page type fields it can be used in (文章 · 正文), found by walking the
    page types' StreamFields, so the list follows the code.
    """
    entries: dict[str, BlockEntry] = {}
    for name in block_library.__all__:
        value = getattr(block_library, name)
        if isinstance(value, type) and issubclass(value, wagtail_blocks.Block):
            entries[name] = BlockEntry(name=name, family=_family_of(value), block=value())

    def walk(block: wagtail_blocks.Block, place: str) -> None:
        name = type(block).__name__
        if getattr(block.meta, "template", None) and type(block).__module__.startswith("blocks."):
            entry = entries.setdefault(
                name,
                BlockEntry(name=name, family=_family_of(type(block)), block=block, nested=True),
            )
            if place not in entry.used_in:
                entry.used_in.append(place)
        for child in _children(block):
            walk(child, place)

    for page_type in page_types():
        for stream_field in page_type.stream_fields:
            place = f"{page_type.label} · {stream_field.verbose_name}"
            for child in stream_field.stream_block.child_blocks.values():
                walk(child, place)
    family_order = list(FAMILY_LABELS)
    ordered = sorted(
        (entry for entry in entries.values() if entry.template),
        key=lambda e: (
            family_order.index(e.family) if e.family in family_order else len(family_order),
            e.family,
            e.nested,
            e.name,
        ),
    )
    return tuple(ordered)


def families() -> list[tuple[str, str, list[BlockEntry]]]:
    """The catalogue grouped by family: (key, Chinese name, entries)."""
    grouped: dict[str, list[BlockEntry]] = {}
    for entry in block_catalogue():
        grouped.setdefault(entry.family, []).append(entry)
    return [(key, entries[0].family_label, entries) for key, entries in grouped.items()]


def preview_value(block: wagtail_blocks.Block):
    """The block's preview value as it comes back from the database (a save/load round trip)."""
    return block.to_python(block.get_prep_value(block.get_preview_value()))


def raw_preview(block: wagtail_blocks.Block):
    """The block's preview value as stored JSON, for filling a StreamField."""
    return block.get_prep_value(block.get_preview_value())
