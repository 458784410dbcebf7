"""The cluster's search backend: Wagtail's database backend, made safe for hostile queries.

Every search in the install (public /search/, the admin's page, image, document, snippet and
chooser searches, the admin API) reaches the backend's ``_search``, so the query is cleaned there,
once, before any vendor compiles it into SQL: the SQLite FTS5 compiler quotes terms without
escaping ``"`` and PostgreSQL refuses NUL characters, lone surrogates cannot be encoded at all, and
thousands of terms nest the compiled expression past Python's recursion limit.
"""

import unicodedata
from functools import cache

from modelsearch.backends.base import BaseSearchBackend
from modelsearch.backends.database import SearchBackend as vendor_search_backend
from modelsearch.query import (
    MATCH_NONE,
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
    SearchQuery,
)

MAX_QUERY_LENGTH = 200
"""Characters kept of a whole query: more than any real search, and it bounds the SQL's work."""

MAX_QUERY_WORDS = 32
"""Words kept of a whole query (each word nests the compiled expression one level deeper)."""

OPERATORS = ("and", "or")

_BREAKING_CHARACTERS = frozenset('"\ufffd')
"""Characters read as a space besides controls and surrogates: FTS5's quote, a decoding error."""

_WORD_CATEGORIES = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Co"))
"""Unicode categories the FTS5 tokenizer indexes: a word without one can match nothing."""


def _breaks(char: str) -> bool:
    """Whether a character is read as a space: a control (NUL too), a lone surrogate, a quote."""
    return char in _BREAKING_CHARACTERS or unicodedata.category(char) in ("Cc", "Cs")


def _is_word(word: str) -> bool:
    """Whether a word holds a letter or digit (a lone "-", "*" or "“”" does not)."""
    return any(unicodedata.category(char) in _WORD_CATEGORIES for char in word)


class _Budget:
    """What is left of one query's words and characters while its parts are cleaned in order."""

    def __init__(self) -> None:
        self.words = MAX_QUERY_WORDS
        self.characters = MAX_QUERY_LENGTH

    def take(self, text: str) -> str:
        """The cleaned words of the text that still fit, charged to the budget."""
        text = text[: self.characters * 4]
        cleaned = "".join(" " if _breaks(char) else char for char in text)
        kept = []
        for word in cleaned.split():
            if not _is_word(word):
                continue
            if self.words == 0 or self.characters <= 0:
                break
            word = word[: self.characters]
            kept.append(word)
            self.words -= 1
            self.characters -= len(word) + 1
        return " ".join(kept)


def clean_query_text(text: str) -> str:
    """A user's query text with what can break a search backend removed, its words kept."""
    return _Budget().take(text)


def _clean_node(query, budget: _Budget):
    """A cleaned copy of one search query node, or None if nothing searchable is left."""
    if isinstance(query, PlainText):
        text = budget.take(query.query_string)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else None
    if isinstance(query, Phrase):
        text = budget.take(query.query_string)
        return Phrase(text) if text else None
    if isinstance(query, Fuzzy):
        text = budget.take(query.query_string)
        return Fuzzy(text, operator=query.operator, unaccent=query.unaccent) if text else None
    if isinstance(query, Boost):
        subquery = _clean_node(query.subquery, budget)
        return Boost(subquery, query.boost) if subquery is not None else None
    if isinstance(query, Not):
        subquery = _clean_node(query.subquery, budget)
        return Not(subquery) if subquery is not None else None
    if isinstance(query, (And, Or)):
        subqueries = [_clean_node(subquery, budget) for subquery in query.subqueries]
        subqueries = [subquery for subquery in subqueries if subquery is not None]
        return type(query)(subqueries) if subqueries else None
    return query


def clean_query(query: str | SearchQuery | None) -> str | SearchQuery | None:
    """A copy of a query (a string or a SearchQuery tree) safe for every vendor's compiler."""
    # Nothing searchable left matches nothing (a blank negation is dropped: it excludes nothing);
    # MatchAll, None and "" pass through, which the base backend already handles.
    if query is None or query == "" or isinstance(query, MatchAll):
        return query
    if isinstance(query, str):
        return clean_query_text(query) or MATCH_NONE
    cleaned = _clean_node(query, _Budget())
    return MATCH_NONE if cleaned is None else cleaned


def clean_operator(operator: str | None) -> str | None:
    """The operator if it is one the backends know ("and", "or"), else None (the default)."""
    if isinstance(operator, str) and operator.lower() in OPERATORS:
        return operator
    return None


class SQLFilteredCompilerMixin:
    """Skip the check that a searched queryset filters only on index fields (SQL applies them)."""

    # The database backends search inside the queryset itself, so SQL applies every filter; the
    # check serves the Elasticsearch backends, and here it only turns the image chooser's tag
    # link during a search (``?q=a&tag=b``: ``tags__name`` is no FilterField) into a 500.

    def _get_filters_from_queryset(self, check_only=False):
        """Nothing to check: the database applies the queryset's filters itself."""
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only=check_only)


@cache
def sql_filtered_compiler_class(compiler_class: type) -> type:
    """The vendor's query compiler class with SQLFilteredCompilerMixin in front."""
    return type(
        f"SQLFiltered{compiler_class.__name__}", (SQLFilteredCompilerMixin, compiler_class), {}
    )


class HostileQueryMixin:
    """Clean every search and autocomplete query before the vendor backend compiles it."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        """Search with the query cleaned and an unknown operator dropped."""
        if "operator" in kwargs:
            kwargs["operator"] = clean_operator(kwargs["operator"])
        return super()._search(
            sql_filtered_compiler_class(query_compiler_class),
            clean_query(query),
            model_or_queryset,
            **kwargs,
        )


@cache
def safe_backend_class(vendor_class: type) -> type:
    """The vendor's backend class with HostileQueryMixin in front."""
    return type(f"Safe{vendor_class.__name__}", (HostileQueryMixin, vendor_class), {})


def SearchBackend(params: dict) -> BaseSearchBackend:  # noqa: N802 (the name Wagtail looks up in a backend module)
    """The database backend for the current connection's vendor, safe for hostile queries."""
    vendor_class = type(vendor_search_backend(params))
    return safe_backend_class(vendor_class)(params)
