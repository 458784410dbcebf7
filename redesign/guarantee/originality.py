"""Originality: fingerprints of article texts, reposts marked 原创, and each site's 原创 share.

An article's text (title, summary, body) is normalised to its CJK characters, letters and digits,
cut into overlapping character shingles and summarised by a MinHash signature (datasketch,
128 permutations, a fixed seed), kept in Fingerprint. Candidates are found by LSH banding: the
signature's 128 values are cut into BANDS bands of ROWS values, each band hashed into a 64-bit
bucket kept in FingerprintBand; two texts share a bucket with probability 1 - (1 - J^ROWS)^BANDS.
With 32 bands of 4 rows a pair at Jaccard 0.6 becomes a candidate 98.8% of the time, at 0.5 92%,
at 0.2 only 5%: candidates are then checked on the whole signature. The bands live in the database
(one indexed table, no per-process index), so every app server and worker sees the same index and
a publication reads a few dozen candidate signatures, never the cluster's 250,000.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from datasketch import MinHash
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page, Site

from redesign.core.models import ArticlePage
from redesign.core.models.article import ArticleOrigin

from .models import Fingerprint, FingerprintBand, NearDuplicate

SHINGLE = 4  # characters per shingle: about two Chinese words, few shared by unrelated texts
NUM_PERM = 128
SEED = 20190419  # fixed: signatures of every process and every year stay comparable
BANDS, ROWS = 32, 4
THRESHOLD = 0.6  # estimated Jaccard similarity from which a 原创 article is flagged
MIN_CHARS = 60  # shorter texts (a caption, 详见附件) are not fingerprinted
MAX_CANDIDATES = 200  # candidates checked per article, those sharing the most buckets first
MAX_SOURCES = 5  # near-duplicate rows kept per article, the most similar first
WINDOW = timedelta(days=30)

_TAGS = re.compile(r"<[^>]*>")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)  # permutations computed once per process


def normalise(text: str) -> str:
    """The text without tags, entities, whitespace and punctuation: CJK, letters and digits."""
    text = unicodedata.normalize("NFKC", html.unescape(_TAGS.sub(" ", text))).lower()
    return "".join(char for char in text if char.isalnum())


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The overlapping character shingles of a normalised text (the whole text if shorter)."""
    if len(text) <= size:
        return {text.encode()} if text else set()
    return {text[start : start + size].encode() for start in range(len(text) - size + 1)}


def minhash(text: str) -> MinHash:
    """The MinHash of a normalised text's shingles."""
    signature = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations)
    signature.update_batch(list(shingles(text)))
    return signature


def to_bytes(signature: MinHash) -> bytes:
    """A signature as the bytes kept in Fingerprint.signature (128 little-endian uint32)."""
    return signature.hashvalues.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """The hash values of a stored signature."""
    return np.frombuffer(bytes(data), dtype="<u4")


def similarity(first: bytes, second: bytes) -> float:
    """The Jaccard similarity two stored signatures estimate."""
    return float(np.mean(from_bytes(first) == from_bytes(second)))


def buckets(data: bytes) -> list[int]:
    """The LSH buckets of a stored signature: one signed 64-bit key per band."""
    values = from_bytes(data)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def article_text(page: ArticlePage) -> str:
    """The words of an article a reader sees: title, summary and every block of the body."""
    body = ArticlePage._meta.get_field("body").get_searchable_content(page.body)
    return "\n".join([page.title, page.summary, *(str(part) for part in body)])


@dataclass(frozen=True)
class Computed:
    """An article's fingerprint before it is stored: its signature and normalised length."""

    signature: bytes
    length: int


def compute(page: ArticlePage) -> Computed | None:
    """The article's fingerprint, or None when its text is too short to judge."""
    text = normalise(article_text(page))
    if len(text) < MIN_CHARS:
        return None
    return Computed(to_bytes(minhash(text)), len(text))


def store(page: Page, computed: Computed | None) -> Fingerprint | None:
    """Keep (or drop, for None) the page's fingerprint and its LSH bands."""
    with transaction.atomic():
        FingerprintBand.objects.filter(page_id=page.pk).delete()
        if computed is None:
            Fingerprint.objects.filter(page_id=page.pk).delete()
            return None
        fingerprint, _ = Fingerprint.objects.update_or_create(
            page_id=page.pk,
            defaults={"signature": computed.signature, "text_length": computed.length},
        )
        FingerprintBand.objects.bulk_create(
            FingerprintBand(page_id=page.pk, bucket=key) for key in set(buckets(computed.signature))
        )
    return fingerprint


def refresh_fingerprint(page: Page) -> Fingerprint | None:
    """Compute and keep an article's fingerprint; None for other pages and too short texts."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        return None
    return store(page, compute(page))


def _is_earlier(candidate: dict, page: ArticlePage) -> bool:
    """Whether a candidate came first: a legacy page always, else an earlier first publication."""
    if candidate["imported"]:
        return True
    first, mine = candidate["first_published_at"], page.first_published_at
    if first is None or mine is None:
        return False
    return (first, candidate["page_id"]) < (mine, page.pk)


def find_sources(page: ArticlePage, signature: bytes) -> list[tuple[int, float]]:
    """The earlier fingerprinted pages a text nearly repeats: (page id, similarity), best first."""
    hits = (
        FingerprintBand.objects.filter(bucket__in=buckets(signature))
        .exclude(page_id=page.pk)
        .values("page_id")
        .annotate(hits=Count("pk"))
        .order_by("-hits", "page_id")[:MAX_CANDIDATES]
    )
    candidates = Fingerprint.objects.filter(page_id__in=[row["page_id"] for row in hits]).values(
        "page_id",
        "signature",
        "page__first_published_at",
        imported=Q(page__articlepage__is_imported=True),
    )
    mine = from_bytes(signature)
    found = []
    for candidate in candidates:
        candidate["first_published_at"] = candidate.pop("page__first_published_at")
        if not _is_earlier(candidate, page):
            continue
        score = float(np.mean(from_bytes(candidate["signature"]) == mine))
        if score >= THRESHOLD:
            found.append((candidate["page_id"], score))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found[:MAX_SOURCES]


def should_check(page: ArticlePage) -> bool:
    """Whether an article is checked for copying: a live 原创 article of the new site."""
    return page.live and page.origin == ArticleOrigin.ORIGINAL and not page.is_imported


def detect(page: Page) -> list[NearDuplicate]:
    """Flag a 原创 article that nearly repeats earlier pages; the rows it holds now."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        return []
    fingerprint = (
        Fingerprint.objects.filter(page_id=page.pk).first() if should_check(page) else None
    )
    sources = find_sources(page, fingerprint.signature) if fingerprint else []
    with transaction.atomic():
        keep = [page_id for page_id, _score in sources]
        NearDuplicate.objects.filter(page_id=page.pk).exclude(similar_to_id__in=keep).delete()
        rows = []
        for page_id, score in sources:
            row, _ = NearDuplicate.objects.update_or_create(
                page_id=page.pk, similar_to_id=page_id, defaults={"similarity": score}
            )
            rows.append(row)
    return rows


def on_article_published(page: Page) -> None:
    """At publication: refresh an article's fingerprint and look for the pages it copies."""
    if isinstance(page.specific, ArticlePage):
        refresh_fingerprint(page)
        detect(page)


def day_end(day: date) -> datetime:
    """The end of a day in the cluster's time zone (Asia/Shanghai): the next midnight."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _ratio(part: int, whole: int) -> float | None:
    """A share, or None when there is nothing to share."""
    return part / whole if whole else None


def _counts_by_root(roots: Sequence[str], end: datetime) -> dict[str, dict]:
    """The 30-day and previous 30-day article counts under each site root of one path length."""
    start, previous = end - WINDOW, end - 2 * WINDOW
    current = Q(first_published_at__gte=start)
    original = Q(origin=ArticleOrigin.ORIGINAL)
    flagged = Exists(NearDuplicate.objects.filter(page_id=OuterRef("pk")))
    rows = (
        ArticlePage.objects.filter(
            live=True,
            is_imported=False,
            first_published_at__gte=previous,
            first_published_at__lt=end,
        )
        .annotate(root=Substr("path", 1, len(roots[0])))
        .filter(root__in=roots)
        .order_by()
        .values("root")
        .annotate(
            total=Count("pk", filter=current),
            original=Count("pk", filter=current & original),
            flagged=Count("pk", filter=current & original & Q(flagged)),
            prev_total=Count("pk", filter=~current),
            prev_original=Count("pk", filter=~current & original),
        )
    )
    return {row.pop("root"): row for row in rows}


def originality_by_site(site_ids: Iterable[int], day: date) -> dict[int, dict]:
    """Each site's 原创 share of the 30 days to the day's end, and of the 30 days before.

    One query for the sites' roots and one per length of root path (site roots are depth-2
    pages, so one in practice), whatever the number of sites. Per site: ratio_30d and
    ratio_prev_30d (None without articles), trend (their difference), original, total,
    flagged (原创 articles found to repeat earlier pages), prev_original, prev_total. Legacy
    imported pages are not daily updates and are not counted.
    """
    site_ids = list(site_ids)
    if not site_ids:
        return {}
    roots = dict(Site.objects.filter(pk__in=site_ids).values_list("pk", "root_page__path"))
    by_length: dict[int, list[str]] = {}
    for path in roots.values():
        by_length.setdefault(len(path), []).append(path)
    end = day_end(day)
    counts: dict[str, dict] = {}
    for paths in by_length.values():
        counts.update(_counts_by_root(paths, end))
    result = {}
    for site_id, path in roots.items():
        row = counts.get(path, {})
        total, original = row.get("total", 0), row.get("original", 0)
        prev_total, prev_original = row.get("prev_total", 0), row.get("prev_original", 0)
        ratio, prev_ratio = _ratio(original, total), _ratio(prev_original, prev_total)
        result[site_id] = {
            "ratio_30d": ratio,
            "ratio_prev_30d": prev_ratio,
            "ratio_previous_30d": prev_ratio,  # the name the health report reads
            "trend": ratio - prev_ratio if ratio is not None and prev_ratio is not None else None,
            "original": original,
            "total": total,
            "flagged": row.get("flagged", 0),
            "prev_original": prev_original,
            "prev_total": prev_total,
        }
    return result
