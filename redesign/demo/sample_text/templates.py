"""Sentence templates: filling their {slots}, and drawing them so a text rarely repeats one."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence


def fill(
    template: str,
    slots: Mapping[str, str],
    rng: random.Random | None = None,
    repeats: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Fill a template's {slots}; each place of a slot named in repeats gets its own phrase."""
    for name, phrases in (repeats or {}).items():
        marker = "{" + name + "}"
        if marker in template:
            if rng is None:
                raise ValueError(f"a template repeating {marker} needs a random source")
            for phrase in rng.sample(phrases, template.count(marker)):
                template = template.replace(marker, phrase, 1)
    return template.format_map(slots)


class Decks:
    """Shuffled decks of templates: each is drawn once before any is drawn again."""

    def __init__(self, rng: random.Random) -> None:
        """Bind the random source that shuffles the decks."""
        self.rng = rng
        self.decks: dict[tuple[str, ...], list[str]] = {}

    def draw(self, templates: tuple[str, ...]) -> str:
        """The next template from the deck of these templates, reshuffled when it runs out."""
        deck = self.decks.get(templates)
        if not deck:
            deck = list(templates)
            self.rng.shuffle(deck)
            self.decks[templates] = deck
        return deck.pop()
