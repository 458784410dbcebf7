"""Fingerprints: an article's normalised text, its MinHash signature and its lookup keys.

The text (title, summary, body) is normalised to its CJK characters, letters and digits and cut
at punctuation into clauses, kept one a line in Fingerprint.text. Its 4-character shingles are
summarised by a MinHash signature (datasketch, 128 permutations, a fixed seed). Two kinds of
64-bit keys go to FingerprintBand, one indexed table read by every process:

- the signature's 32 LSH bands of 4 rows: texts of Jaccard similarity J share one with
  probability 1 - (1 - J^4)^32 (0.6: 98.8%, 0.5: 87%, 0.2: 5%);
- its clauses of 6 characters or more (at most 32, a hash-chosen sample of longer texts): a copy
  embedded in a longer article, or one whose place names and figures were changed, keeps many of
  its source's clauses whole though their Jaccard similarity falls to 0.3 or 0.4.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from datasketch import MinHash
from django.db import transaction
from wagtail.models import Page

from redesign.core.models import ArticlePage

from ..models import Fingerprint, FingerprintBand

SHINGLE = 4  # characters per shingle: about two Chinese words, few shared by unrelated texts
NUM_PERM = 128
SEED = 20190419  # fixed: signatures of every process and every year stay comparable
BANDS, ROWS = 32, 4
MIN_CHARS = 60  # shorter texts (a caption, 详见附件) are not fingerprinted
CLAUSE = 6  # clauses shorter than this (特此通知, 联系人, a date) are no lookup key
MAX_CLAUSE_KEYS = 32

_TAGS = re.compile(r"<[^>]*>")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)  # permutations computed once per process
_CLAUSE_PERSON = b"clause"  # the clause keys' hash domain, apart from the bands' (band numbers)


def _clean(text: str) -> str:
    """The text without tags and entities, NFKC-normalised and lower-cased."""
    return unicodedata.normalize("NFKC", html.unescape(_TAGS.sub(" ", text))).lower()


def clauses(text: str) -> list[str]:
    """The runs of CJK characters, letters and digits between punctuation and spaces."""
    found, current = [], []
    for char in _clean(text):
        if char.isalnum():
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def normalise(text: str) -> str:
    """The text without tags, entities, whitespace and punctuation: CJK, letters and digits."""
    return "".join(char for char in _clean(text) if char.isalnum())


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


def _key(data: bytes, person: bytes) -> int:
    """A signed 64-bit key of some bytes in one hash domain."""
    digest = hashlib.blake2b(data, digest_size=8, person=person).digest()
    return int.from_bytes(digest, "little", signed=True)


def buckets(data: bytes) -> list[int]:
    """The LSH buckets of a stored signature: one signed 64-bit key per band."""
    values = from_bytes(data)
    return [
        _key(values[band * ROWS : (band + 1) * ROWS].tobytes(), band.to_bytes(2, "little"))
        for band in range(BANDS)
    ]


def clause_keys(lines: list[str]) -> list[int]:
    """The keys of a text's clauses of CLAUSE characters or more, the MAX_CLAUSE_KEYS smallest.

    Choosing by hash keeps the choice consistent: a clause two texts share is kept by both,
    unless one of them is long enough to have MAX_CLAUSE_KEYS clauses with smaller keys.
    """
    keys = {_key(line.encode(), _CLAUSE_PERSON) for line in lines if len(line) >= CLAUSE}
    return sorted(keys)[:MAX_CLAUSE_KEYS]


def article_text(page: ArticlePage) -> str:
    """The words of an article a reader sees: title, summary and every block of the body."""
    body = ArticlePage._meta.get_field("body").get_searchable_content(page.body)
    return "\n".join([page.title, page.summary, *(str(part) for part in body)])


@dataclass(frozen=True)
class Computed:
    """An article's fingerprint before or after it is stored: signature and clause lines."""

    signature: bytes
    lines: str  # the normalised clauses, one a line (Fingerprint.text)

    @property
    def length(self) -> int:
        """The normalised text's length in characters."""
        return len(self.lines) - self.lines.count("\n")

    @cached_property
    def text(self) -> str:
        """The normalised text the signature was computed on."""
        return self.lines.replace("\n", "")

    def keys(self) -> list[int]:
        """Every lookup key: the signature's bands and the clauses' keys."""
        return sorted(set(buckets(self.signature)) | set(clause_keys(self.lines.split("\n"))))


def compute(page: ArticlePage) -> Computed | None:
    """The article's fingerprint, or None when its text is too short to judge."""
    lines = clauses(article_text(page))
    text = "".join(lines)
    if len(text) < MIN_CHARS:
        return None
    return Computed(to_bytes(minhash(text)), "\n".join(lines))


def stored(fingerprint: Fingerprint) -> Computed | None:
    """A stored fingerprint as detection reads it; None if stored before texts were kept."""
    if not fingerprint.text:
        return None
    return Computed(bytes(fingerprint.signature), fingerprint.text)


def store(page: Page, computed: Computed | None) -> Fingerprint | None:
    """Keep (or drop, for None) the page's fingerprint and its lookup keys."""
    with transaction.atomic():
        FingerprintBand.objects.filter(page_id=page.pk).delete()
        if computed is None:
            Fingerprint.objects.filter(page_id=page.pk).delete()
            return None
        fingerprint, _ = Fingerprint.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "signature": computed.signature,
                "text": computed.lines,
                "text_length": computed.length,
            },
        )
        FingerprintBand.objects.bulk_create(
            FingerprintBand(page_id=page.pk, bucket=key) for key in computed.keys()
        )
    return fingerprint


def refresh_fingerprint(page: Page) -> Fingerprint | None:
    """Compute and keep an article's fingerprint; None for other pages and too short texts."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        return None
    return store(page, compute(page))
