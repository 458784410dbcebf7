"""Search and reference indexing during an import: deferred while pages are written, then bulk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

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


@contextmanager
def deferred_indexing() -> Iterator[None]:
    """Defer search indexing and Wagtail's reference index; call index_pages, index_references."""
    with deferred_search_index(), disable_reference_index_auto_update():
        yield


def _index_references(objects: Iterable[Model]) -> None:
    """Create or update the reference index rows of objects, one transaction per batch."""
    with transaction.atomic():
        for obj in objects:
            ReferenceIndex.create_or_update_for_object(obj)


def index_references(
    page_ids: Iterable[int], image_ids: Iterable[int] = (), document_ids: Iterable[int] = ()
) -> int:
    """Rebuild Wagtail's reference index for pages, images and documents; return how many."""
    total = 0
    for model, ids in (
        (Page, list(page_ids)),
        (get_image_model(), list(image_ids)),
        (get_document_model(), list(document_ids)),
    ):
        for start in range(0, len(ids), _BATCH):
            batch = model.objects.filter(pk__in=ids[start : start + _BATCH])
            objects = list(batch.specific() if model is Page else batch)
            _index_references(objects)
            total += len(objects)
    return total


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
