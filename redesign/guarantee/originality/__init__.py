"""Originality: fingerprints of article texts, reposts marked 原创, and each site's 原创 share.

fingerprints keeps each article's normalised text, MinHash signature and lookup keys (LSH bands
and clauses) at publication; detection compares a 原创 article with the pages sharing its keys,
setting aside the stock phrasing many of them share, and flags the earlier pages it repeats
(NearDuplicate); share counts each site's 原创 articles over 30 days.
"""

from .detection import (
    COMMON,
    MIN_SHARED,
    NEAR_COPY,
    SAME_TEXT,
    THRESHOLD,
    containment,
    detect,
    find_sources,
    neighbourhood,
    on_article_published,
    should_check,
    stock_phrasing,
)
from .fingerprints import (
    BANDS,
    MIN_CHARS,
    SHINGLE,
    Computed,
    article_text,
    buckets,
    clause_keys,
    clauses,
    compute,
    minhash,
    normalise,
    refresh_fingerprint,
    shingles,
    similarity,
    store,
    stored,
)
from .share import originality_by_site

__all__ = [
    "BANDS",
    "COMMON",
    "MIN_CHARS",
    "MIN_SHARED",
    "NEAR_COPY",
    "SAME_TEXT",
    "SHINGLE",
    "THRESHOLD",
    "Computed",
    "article_text",
    "buckets",
    "clause_keys",
    "clauses",
    "compute",
    "containment",
    "detect",
    "find_sources",
    "minhash",
    "neighbourhood",
    "normalise",
    "on_article_published",
    "originality_by_site",
    "refresh_fingerprint",
    "shingles",
    "should_check",
    "similarity",
    "stock_phrasing",
    "store",
    "stored",
]
