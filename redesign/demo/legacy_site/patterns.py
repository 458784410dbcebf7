"""Which articles show the awkward habits real legacy sites have, as rules over exact counts.

Each rule gives a pattern to a share (per mille) of the articles of some column genres, at least
`minimum` of them, so even a 60-page site shows every pattern. Rules of one group exclude each
other (an article gets at most one of them) and share one deterministic spread over the group's
articles, so any article's patterns are computed alone, without holding the site in memory.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

NEWS_GENRES = frozenset({"news", "photo"})
FILE_GENRES = frozenset({"notice", "personnel", "plan", "finance", "guide"})
POLICY_GENRES = frozenset({"policy"})
PLAIN_GENRES = NEWS_GENRES | FILE_GENRES

# Pattern names, as the manifest's "patterns" lists them.
SCRIPT_DATE = "script_date"  # the meta row's date is written by a script; the body cites others
DATE_FREE = "date_free"  # the page prints no date; its URL may carry one
EMPTY_BODY = "empty_body"  # no body text: a missing attachment link, "详见附件", or nothing
TITLE_LESS = "title_less"  # no <title> naming the headline and no <h1>; a biaoti/bt line
OWN_COLUMN = "own_column"  # the article's old column has no twin among the new site's columns
ODD_CRUMBS = "odd_crumbs"  # the breadcrumb separator is &raquo;, raw >>, -&gt; or →

# Variants. Script dates: a TRS `var str` with document.write, a literal document.write, or a
# datetime cut with substring.
SCRIPT_VAR = "trs_var"
SCRIPT_LITERAL = "write_literal"
SCRIPT_SUBSTRING = "trs_substring"
# Date-free URLs: the usual TRS t<yyyymmdd>_<id>.htm, a /<yyyy-mm>/<dd>/ folder, or no date.
URL_T = "t_url"
URL_FOLDER = "dated_folder"
URL_NONE = "no_url_date"
# Empty bodies: only the attachment link, "详见附件" and the link, or nothing at all.
ATTACHMENT_ONLY = "attachment_only"
SEE_ATTACHMENT = "see_attachment"
NOTHING = "nothing"
# Title-less pages: (what <title> holds, how the headline line is marked up).
NO_TITLE = "none"
SITE_TITLE = "site"
ISSUER_TITLE = "issuer"
BIAOTI = "biaoti"
BT = "bt"

CRUMB_STANDARD = (" &gt; ", " > ")


@dataclass(frozen=True)
class Rule:
    """A pattern given to a share of one group's articles, in several variants taken in turn."""

    pattern: str
    group: str
    genres: frozenset[str]
    per_mille: int
    minimum: int
    variants: tuple[str, ...]


RULES: tuple[Rule, ...] = (
    Rule(SCRIPT_DATE, "news_dates", NEWS_GENRES, 30, 1, (SCRIPT_VAR, SCRIPT_SUBSTRING)),
    Rule(DATE_FREE, "news_dates", NEWS_GENRES, 25, 2, (URL_T, URL_NONE, URL_FOLDER)),
    Rule(
        EMPTY_BODY,
        "file_dates",
        FILE_GENRES,
        40,
        2,
        (ATTACHMENT_ONLY, NOTHING, SEE_ATTACHMENT, ATTACHMENT_ONLY),
    ),
    Rule(SCRIPT_DATE, "file_dates", FILE_GENRES, 20, 1, (SCRIPT_LITERAL, SCRIPT_VAR)),
    Rule(DATE_FREE, "file_dates", FILE_GENRES, 20, 1, (URL_FOLDER, URL_T, URL_NONE)),
    Rule(
        TITLE_LESS,
        "headline",
        PLAIN_GENRES,
        30,
        2,
        (
            f"{NO_TITLE}/{BIAOTI}",
            f"{SITE_TITLE}/{BT}",
            f"{NO_TITLE}/{BT}",
            f"{SITE_TITLE}/{BIAOTI}",
        ),
    ),
    Rule(
        TITLE_LESS,
        "xxgk_headline",
        POLICY_GENRES,
        50,
        1,
        (f"{ISSUER_TITLE}/{BIAOTI}", f"{ISSUER_TITLE}/{BT}", f"{NO_TITLE}/{BIAOTI}"),
    ),
)
SPREAD_PRIMES = (7919, 7927, 7933, 7937)


@dataclass(frozen=True)
class Spread:
    """One group's deterministic permutation of its articles, and its rules' slot ranges."""

    genres: frozenset[str]
    offsets: tuple[int, ...]  # per column: the group position of its first article, or -1
    total: int
    multiplier: int
    shift: int
    ranges: tuple[tuple[Rule, int, int], ...]  # (rule, first slot, end slot)

    def pick(self, column_index: int, index: int) -> tuple[str, str] | None:
        """Return (pattern, variant) of an article, or None."""
        offset = self.offsets[column_index]
        if offset < 0:
            return None
        slot = ((offset + index) * self.multiplier + self.shift) % self.total
        for rule, first, end in self.ranges:
            if first <= slot < end:
                return rule.pattern, rule.variants[(slot - first) % len(rule.variants)]
        return None


def make_spread(
    seed: int, group: str, rules: list[Rule], genres: list[str], counts: tuple[int, ...]
) -> Spread | None:
    """Lay out one group's rules over the articles of its columns."""
    eligible = rules[0].genres
    if any(rule.genres != eligible for rule in rules):
        raise ValueError(f"the rules of group {group} must cover the same genres")
    offsets = []
    total = 0
    for genre, count in zip(genres, counts, strict=True):
        offsets.append(total if genre in eligible else -1)
        total += count if genre in eligible else 0
    if total == 0:
        return None
    ranges = []
    first = 0
    for rule in rules:
        size = min(total - first, max(rule.minimum, total * rule.per_mille // 1000))
        ranges.append((rule, first, first + size))
        first += size
    multiplier = next(prime for prime in SPREAD_PRIMES if total % prime != 0)
    # Test data only, not security (S311); the same seeding as plan.rng_for.
    shift = random.Random(f"{seed}|patterns|{group}").randrange(total)  # noqa: S311
    return Spread(eligible, tuple(offsets), total, multiplier, shift, tuple(ranges))


class PatternPlan:
    """The patterns of every article of a site, computed per article on demand."""

    def __init__(self, seed: int, genres: list[str], counts: tuple[int, ...]) -> None:
        """Lay out every rule group over the site's columns."""
        groups: dict[str, list[Rule]] = {}
        for rule in RULES:
            groups.setdefault(rule.group, []).append(rule)
        spreads = (
            make_spread(seed, group, rules, genres, counts) for group, rules in groups.items()
        )
        self.spreads = tuple(spread for spread in spreads if spread is not None)

    def article(self, column_index: int, index: int) -> tuple[tuple[str, str], ...]:
        """Return the (pattern, variant) pairs of one article, in rule order."""
        picks = (spread.pick(column_index, index) for spread in self.spreads)
        return tuple(pick for pick in picks if pick is not None)
