"""Search indexing during an import: deferred while pages are written, then done in bulk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from redesign.core.models import ArticlePage, StandardPage

_BATCH = 500


def _models() -> list[type]:
    """The models the importer saves many of."""
    return [ArticlePage, StandardPage, get_image_model(), get_document_model()]


@contextmanager
def deferred_search_index() -> Iterator[None]:
    """Turn off per-save search indexing of imported models; call index_pages afterwards."""
    disconnected = [
        model for model in _models() if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_pages(page_ids: Iterable[int]) -> int:
    """Add or update the search index entries of pages, in batches; return how many."""
    ids = list(page_ids)
    total = 0
    for model in (ArticlePage, StandardPage):
        for start in range(0, len(ids), _BATCH):
            objects = list(model.objects.filter(pk__in=ids[start : start + _BATCH]))
            if not objects:
                continue
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
            total += len(objects)
    return total
