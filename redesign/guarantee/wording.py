"""The exact names and terms: a page's text, the wrong forms found in it, and the live findings.

A page's text is read from its own fields and from the raw JSON of its StreamFields (walked with
the block definitions, so no chooser is resolved and no query is made). The active rules are
compiled once into one regular expression alternation of every wrong form (longest first), kept
per process under a version token in Django's cache: saving or deleting a rule changes the token,
so every process rebuilds on its next check. A wrong form found inside an occurrence of a correct
form (some rule's correct text written right there) is no error.
"""

from __future__ import annotations

import html
import re
import uuid
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F, Func, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from .models import WordingFinding, WordingRule

VERSION_KEY = "guarantee:wording-rules-version"
EXCERPT_CONTEXT = 20  # characters either side of a wrong form in its excerpt
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RawHTMLBlock, blocks.BlockQuoteBlock)
SKIPPED_FIELDS = (models.URLField, models.SlugField, models.EmailField)
# Tags that end a line of text: words are never joined across them.
_BREAKS = re.compile(r"<(?:br|hr|/p|/h[1-6]|/li|/div|/td|/th|/tr|/blockquote)\b[^>]*>", re.I)


@dataclass(frozen=True)
class Match:
    """One wrong form found in a text, with the rule it breaks and its place."""

    rule_id: int | None
    correct: str
    wrong: str
    serious: bool
    start: int
    end: int
    excerpt: str


@dataclass(frozen=True)
class _Rule:
    """The parts of a rule the matcher needs (a plain copy, safe to keep between requests)."""

    pk: int | None
    correct: str
    wrong: tuple[str, ...]
    serious: bool


class Matcher:
    """The wrong forms of a set of rules, compiled into one alternation."""

    def __init__(self, rules: Iterable[_Rule]) -> None:
        """Index every wrong form by its rule (a serious rule wins a shared form)."""
        rules = sorted(rules, key=lambda rule: (not rule.serious, rule.pk or 0))
        self.by_wrong: dict[str, _Rule] = {}
        for rule in rules:
            for wrong in rule.wrong:
                if wrong and wrong != rule.correct:
                    self.by_wrong.setdefault(wrong, rule)
        self.pattern = _alternation(self.by_wrong)
        # only a correct form holding some wrong form can shield one
        shields = {
            rule.correct
            for rule in rules
            if any(wrong in rule.correct and wrong != rule.correct for wrong in self.by_wrong)
        }
        self.shield_pattern = (
            re.compile(f"(?=({_alternation(shields).pattern}))") if shields else None
        )

    def _shields(self, text: str) -> list[tuple[int, int]]:
        """The spans of every occurrence of a shielding correct form, by start."""
        if self.shield_pattern is None:
            return []
        return [(m.start(1), m.end(1)) for m in self.shield_pattern.finditer(text)]

    def find(self, text: str) -> list[Match]:
        """The wrong forms in the text, left to right, none inside a correct form's occurrence."""
        if not text or self.pattern is None:
            return []
        shields = self._shields(text)
        starts = [start for start, _end in shields]
        found, pos = [], 0
        while (m := self.pattern.search(text, pos)) is not None:
            covering = shields[: bisect_right(starts, m.start())]
            if any(end >= m.end() for _start, end in covering):
                pos = m.start() + 1  # a shorter form may still start further on
                continue
            rule = self.by_wrong[m.group()]
            found.append(
                Match(
                    rule_id=rule.pk,
                    correct=rule.correct,
                    wrong=m.group(),
                    serious=rule.serious,
                    start=m.start(),
                    end=m.end(),
                    excerpt=_excerpt(text, m.start(), m.end()),
                )
            )
            pos = m.end()
        return found


def _alternation(words: Iterable[str]) -> re.Pattern | None:
    """One pattern matching any of the words, the longest first; None for no words."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def _excerpt(text: str, start: int, end: int) -> str:
    """The wrong form with some text either side, on one line."""
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    excerpt = f"{'…' if start > EXCERPT_CONTEXT else ''}{before}{text[start:end]}{after}"
    excerpt += "…" if end + EXCERPT_CONTEXT < len(text) else ""
    return " ".join(excerpt.split())[:200]


def _plain(rule: WordingRule) -> _Rule:
    """A rule as the matcher keeps it."""
    return _Rule(rule.pk, rule.correct.strip(), tuple(rule.wrong_list), rule.serious)


# --- the cached matcher of the active rules ----------------------------------------------------

_compiled: tuple[str, Matcher] | None = None


def _version() -> str:
    """The shared token of the rules' current state (a new one when the cache lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or ""
    return version


def active_matcher() -> Matcher:
    """The matcher of the active rules, rebuilt when any rule changed since it was built."""
    global _compiled  # one compiled matcher per process
    version = _version()
    if _compiled is None or _compiled[0] != version or not version:
        rules = WordingRule.objects.filter(active=True).only(
            "pk", "correct", "wrong_forms", "serious"
        )
        _compiled = (version, Matcher(_plain(rule) for rule in rules))
    return _compiled[1]


def invalidate_rules() -> None:
    """Forget the compiled rules here and, through the shared token, in every process."""
    global _compiled  # one compiled matcher per process
    _compiled = None
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def rules_changed() -> None:
    """A rule was saved or deleted: invalidate now, and again once the transaction commits."""
    invalidate_rules()
    transaction.on_commit(invalidate_rules)


def find_errors(text: str, rules: Iterable[WordingRule] | None = None) -> list[Match]:
    """The wrong forms of the given rules (default: the active ones) found in the text."""
    matcher = active_matcher() if rules is None else Matcher(_plain(rule) for rule in rules)
    return matcher.find(text)


# --- a page's text -----------------------------------------------------------------------------


def html_text(markup: str) -> str:
    """The text of an HTML fragment: tags stripped, entities undone, block ends as new lines."""
    return html.unescape(strip_tags(_BREAKS.sub("\n", markup or "")))


def _table_texts(raw: dict) -> Iterator[str]:
    """The caption and every non-empty cell of a TableBlock's value."""
    yield str(raw.get("table_caption") or "")
    for row in raw.get("data") or []:
        yield from (str(cell) for cell in row or [] if cell not in (None, ""))


def block_texts(block: blocks.Block, raw) -> Iterator[str]:
    """Every text in a block's raw (JSON) value, walked with the block's definition."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else []:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from block_texts(child, item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else []:
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from block_texts(block.child_block, item["value"] if is_wrapped else item)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if isinstance(raw, dict):
                yield from block_texts(child, raw.get(name))
    elif isinstance(block, TableBlock):
        if isinstance(raw, dict):
            yield from _table_texts(raw)
    elif isinstance(block, blocks.RichTextBlock | blocks.RawHTMLBlock):
        yield html_text(str(raw))
    elif isinstance(block, TEXT_BLOCKS) and isinstance(raw, str):
        yield raw


def _own_text_fields(page: Page) -> Iterator[models.Field]:
    """The specific page type's own text fields editors write (no URLs, slugs or choices)."""
    for field in page._meta.concrete_fields:
        if field.model is Page or not field.editable or field.choices:
            continue
        if isinstance(field, models.CharField | models.TextField) and not isinstance(
            field, SKIPPED_FIELDS
        ):
            yield field


def page_texts(page: Page) -> Iterator[str]:
    """The texts of a page: title, SEO fields, its own text fields and every StreamField."""
    page = page.specific if type(page) is Page else page
    for name in PAGE_TEXT_FIELDS:
        yield getattr(page, name, "") or ""
    for field in _own_text_fields(page):
        value = getattr(page, field.attname, "") or ""
        yield html_text(value) if isinstance(field, RichTextField) else str(value)
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(page, field.attname)
            if value is not None:
                yield from block_texts(field.stream_block, field.stream_block.get_prep_value(value))


def page_text(page: Page) -> str:
    """All of a page's text, one part a line (wrong forms are never found across two parts)."""
    return "\n".join(text.strip() for text in page_texts(page) if text and text.strip())


# --- findings on live pages --------------------------------------------------------------------


def distinct(matches: Iterable[Match]) -> list[Match]:
    """The first match of each wrong form (one finding per form and page)."""
    seen: dict[str, Match] = {}
    for match in matches:
        seen.setdefault(match.wrong, match)
    return list(seen.values())


def refresh_findings(page: Page) -> list[WordingFinding]:
    """Store the wrong forms of the page's live version (none when it is not live)."""
    WordingFinding.objects.filter(page_id=page.pk).delete()
    if not page.live:
        return []
    found = [
        WordingFinding(
            page_id=page.pk, rule_id=m.rule_id, wrong_form=m.wrong[:100], excerpt=m.excerpt
        )
        for m in distinct(find_errors(page_text(page)))
        if m.rule_id is not None
    ]
    return WordingFinding.objects.bulk_create(found)


def clear_findings(page: Page) -> None:
    """Forget the page's findings (it is no longer live)."""
    WordingFinding.objects.filter(page_id=page.pk).delete()


def site_findings(site: Site, serious: bool | None = None):
    """The findings on the pages of one site, with their rules and pages."""
    findings = WordingFinding.objects.filter(
        page__path__startswith=site.root_page.path, page__live=True, rule__active=True
    ).select_related("rule", "page")
    return findings if serious is None else findings.filter(rule__serious=serious)


def serious_findings_count_by_site(site_ids: Iterable[int]) -> dict[int, int]:
    """How many serious findings of active rules lie in each site's pages, in one query."""
    counted = (
        WordingFinding.objects.filter(
            rule__serious=True,
            rule__active=True,
            page__live=True,
            page__path__startswith=OuterRef("root_page__path"),
        )
        .order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total")
    )
    sites = Site.objects.filter(pk__in=list(site_ids)).annotate(
        serious=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
    )
    return dict(sites.values_list("pk", "serious"))


def rescan(pages: Iterable[Page]) -> int:
    """Refresh the findings of the given live pages (after the rules changed); how many found."""
    total = 0
    for page in pages:
        total += len(refresh_findings(page.specific))
    return total


# --- signal receivers (connected in signals.py) ------------------------------------------------


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """Store the wrong forms of the version that just went live (an import does it in bulk)."""
    if not kwargs.get("legacy_import"):
        refresh_findings(instance)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    """A page no longer live carries no findings."""
    clear_findings(instance)


def on_rule_changed(sender, instance, **kwargs) -> None:
    """A rule was saved or deleted: every process recompiles the rules on its next check."""
    rules_changed()
