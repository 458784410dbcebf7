"""Detection: a 原创 article that repeats an earlier page, told apart from shared boilerplate.

Government writing is formulaic: two 停水通知 of one water company, or two 意见 of one county,
share most of their words though each says something else. What they share is found in many
other documents too; what a copy shares with its source is found in few. So an article is
judged within its neighbourhood: the NEIGHBOURS fingerprinted pages sharing most of its lookup
keys (at most PER_KEY pages are read per key, so a key of boilerplate found in thousands of
pages costs no more than another). Each shingle is counted in the neighbours that contain it,
neighbours one of which holds SAME_TEXT of the other counting once, since a story copied ten
times is still one text. A shingle found in COMMON or more is stock phrasing; the rest of a
text is its distinctive text. An earlier neighbour is a source of the article when

- THRESHOLD or more of the article's distinctive text is found in it, or as much of its own
  distinctive text is found in the article (a copy embedded in a longer one), and that shared
  distinctive text is MIN_SHARED shingles or more; or
- NEAR_COPY of the article's whole text is in it, and THRESHOLD of its distinctive text if it
  has any: a verbatim repeat stays one however common its words have become elsewhere, while
  two notices of a template differing only in a figure, a name and a date do not share
  those.

Every publication is new evidence: the flagged neighbours it shares text with are judged again.
The first two documents of a template cannot be told from a copy and its source; once a third
shows their common words are stock phrasing, their flag goes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import Page

from redesign.core.models import ArticlePage
from redesign.core.models.article import ArticleOrigin

from ..models import Fingerprint, FingerprintBand, NearDuplicate
from .fingerprints import Computed, from_bytes, refresh_fingerprint, shingles, stored

THRESHOLD = 0.35  # share of the distinctive text found in the other page
MIN_SHARED = 60  # shared distinctive shingles: about 60 characters of the article's own words
NEAR_COPY = 0.9  # share of the whole text from which a repeat is flagged, however common
SAME_TEXT = 0.95  # containment from which two neighbours are one text (a copy, a reprint)
COMMON = 2  # independent neighbours a shingle must be found in to count as stock phrasing
NEIGHBOURS = 30  # pages compared with an article: those sharing the most lookup keys
PER_KEY = 30  # pages read per lookup key
MAX_SOURCES = 5  # near-duplicate rows kept per article, the most similar first
MAX_RECHECKS = 10  # flagged neighbours judged again when an article is published


@dataclass(frozen=True)
class Neighbour:
    """A fingerprinted page near an article: its signature, shingles and publication."""

    page_id: int
    values: np.ndarray
    shingles: frozenset[bytes]
    first_published_at: datetime | None
    imported: bool


def _postings(page_id: int, keys: Sequence[int]) -> list[tuple[int, int]]:
    """(key, page) rows of the other pages sharing the keys, at most PER_KEY + 1 per key.

    One query of limited subqueries: the ORM cannot limit the members of a UNION on SQLite.
    """
    if not keys:
        return []
    quote = connection.ops.quote_name
    table = quote(FingerprintBand._meta.db_table)
    bucket = quote(FingerprintBand._meta.get_field("bucket").column)
    page = quote(FingerprintBand._meta.get_field("page").column)
    part = (
        f"SELECT * FROM (SELECT {bucket}, {page} FROM {table} WHERE {bucket} = %s "  # noqa: S608
        f"AND {page} <> %s ORDER BY {page} LIMIT {PER_KEY + 1}) AS k"
    )
    params: list[int] = []
    for key in keys:
        params += [key, page_id]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join([part] * len(keys)), params)
        return cursor.fetchall()


def neighbourhood(page_id: int, computed: Computed) -> list[Neighbour]:
    """The fingerprinted pages sharing the most lookup keys with a text, most first."""
    hits = Counter(page for _key, page in _postings(page_id, computed.keys()))
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))[:NEIGHBOURS]
    order = {page: rank for rank, (page, _hits) in enumerate(ranked)}
    rows = (
        Fingerprint.objects.filter(page_id__in=order)
        .exclude(text="")
        .values(
            "page_id",
            "signature",
            "text",
            "page__first_published_at",
            imported=Q(page__articlepage__is_imported=True),
        )
    )
    found = [
        Neighbour(
            page_id=row["page_id"],
            values=from_bytes(row["signature"]),
            shingles=frozenset(shingles(row["text"].replace("\n", ""))),
            first_published_at=row["page__first_published_at"],
            imported=bool(row["imported"]),
        )
        for row in rows
    ]
    return sorted(found, key=lambda neighbour: order[neighbour.page_id])


def containment(first: frozenset[bytes], second: frozenset[bytes]) -> float:
    """The share of the smaller set found in the larger."""
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0


def _independent(hood: Sequence[Neighbour]) -> Iterable[set[bytes]]:
    """The shingles of each group of neighbours, a group's texts nearly containing each other.

    Signatures estimate every pair's containment at once; only likely pairs are counted.
    """
    parent = list(range(len(hood)))

    def root(index: int) -> int:
        """The representative of an index's group."""
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    if len(hood) > 1:
        values = np.stack([neighbour.values for neighbour in hood])
        jaccard = (values[:, None, :] == values[None, :, :]).mean(axis=2)
        sizes = np.array([max(len(neighbour.shingles), 1) for neighbour in hood], dtype=float)
        shared = jaccard * np.add.outer(sizes, sizes) / (1 + jaccard)
        likely = np.triu(shared / np.minimum.outer(sizes, sizes) >= SAME_TEXT - 0.15, k=1)
        for first, second in zip(*np.nonzero(likely), strict=True):
            if containment(hood[first].shingles, hood[second].shingles) >= SAME_TEXT:
                parent[root(int(first))] = root(int(second))
    groups: dict[int, set[bytes]] = {}
    for index, neighbour in enumerate(hood):
        groups.setdefault(root(index), set()).update(neighbour.shingles)
    return groups.values()


def stock_phrasing(hood: Sequence[Neighbour]) -> set[bytes]:
    """The shingles found in COMMON or more independent neighbours."""
    counts: Counter[bytes] = Counter()
    for group in _independent(hood):
        counts.update(group)
    return {shingle for shingle, count in counts.items() if count >= COMMON}


def _score(mine: frozenset[bytes], own: frozenset[bytes], other: Neighbour, stock: set) -> float:
    """How much the other page is a source of the text: 0.0 when it is not one."""
    theirs = other.shingles
    scores = [0.0]
    shared = len(own & theirs)  # the text's distinctive words found in the other page
    own_found = shared / len(own) if own else 1.0
    if shared >= MIN_SHARED and own_found >= THRESHOLD:
        scores.append(own_found)
    their_own = theirs - stock
    found = len(their_own & mine)  # the other page's distinctive words found in the text
    if found >= MIN_SHARED and found >= THRESHOLD * len(their_own):
        scores.append(found / len(their_own))
    whole = len(mine & theirs) / len(mine)
    if whole >= NEAR_COPY and own_found >= THRESHOLD:
        scores.append(whole)
    return max(scores)


def _is_earlier(other: Neighbour, page: ArticlePage) -> bool:
    """Whether a neighbour came first: a legacy page always, else an earlier first publication."""
    if other.imported:
        return True
    first, mine = other.first_published_at, page.first_published_at
    if first is None or mine is None:
        return False
    return (first, other.page_id) < (mine, page.pk)


def _sources(
    page: ArticlePage, mine: frozenset[bytes], hood: Sequence[Neighbour]
) -> list[tuple[int, float]]:
    """The earlier neighbours a text repeats: (page id, similarity), the most similar first."""
    stock = stock_phrasing(hood)
    own = mine - stock
    found = []
    for other in hood:
        if _is_earlier(other, page):
            score = _score(mine, own, other, stock)
            if score:
                found.append((other.page_id, score))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found[:MAX_SOURCES]


def find_sources(page: ArticlePage, computed: Computed) -> list[tuple[int, float]]:
    """The earlier fingerprinted pages a text repeats: (page id, similarity), best first."""
    mine = frozenset(shingles(computed.text))
    return _sources(page, mine, neighbourhood(page.pk, computed))


def should_check(page: ArticlePage) -> bool:
    """Whether an article is checked for copying: a live 原创 article of the new site."""
    return page.live and page.origin == ArticleOrigin.ORIGINAL and not page.is_imported


def _recheck(mine: frozenset[bytes], hood: Sequence[Neighbour]) -> None:
    """Judge again the flagged neighbours a new text is evidence for (shares words with)."""
    evidence = [
        neighbour.page_id
        for neighbour in hood
        if len(mine & neighbour.shingles) >= MIN_SHARED
        and containment(mine, neighbour.shingles) < SAME_TEXT
    ]
    if not evidence:
        return
    flagged = set(
        NearDuplicate.objects.filter(page_id__in=evidence).values_list("page_id", flat=True)
    )
    again = [page_id for page_id in evidence if page_id in flagged][:MAX_RECHECKS]
    for article in ArticlePage.objects.filter(pk__in=again).defer("body", "attachments"):
        detect(article, recheck=False)


def detect(page: Page, recheck: bool = True) -> list[NearDuplicate]:
    """Flag a 原创 article that nearly repeats earlier pages; the rows it holds now.

    With recheck, the flagged neighbours the article's text is new evidence for are judged
    again (publication does this; the backfill command judges every article anyway).
    """
    page = page.specific
    if not isinstance(page, ArticlePage):
        return []
    fingerprint = Fingerprint.objects.filter(page_id=page.pk).first()
    computed = stored(fingerprint) if fingerprint else None
    hood = neighbourhood(page.pk, computed) if computed else []
    mine = frozenset(shingles(computed.text)) if computed else frozenset()
    sources = _sources(page, mine, hood) if computed and should_check(page) else []
    with transaction.atomic():
        keep = [page_id for page_id, _score in sources]
        NearDuplicate.objects.filter(page_id=page.pk).exclude(similar_to_id__in=keep).delete()
        rows = []
        for page_id, score in sources:
            row, _ = NearDuplicate.objects.update_or_create(
                page_id=page.pk, similar_to_id=page_id, defaults={"similarity": score}
            )
            rows.append(row)
    if recheck and hood:
        _recheck(mine, hood)
    return rows


def on_article_published(page: Page) -> None:
    """At publication: refresh an article's fingerprint and look for the pages it copies."""
    if isinstance(page.specific, ArticlePage):
        refresh_fingerprint(page)
        detect(page)
