"""After a legacy import: check the imported pages' wording and fingerprint them, in bulk."""

from collections.abc import Iterable

from wagtail import hooks
from wagtail.models import Page, Site

from . import wording
from .originality import refresh_fingerprint

BATCH = 200


@hooks.register("legacy_pages_imported")
def check_imported_pages(site: Site, page_ids: Iterable[int]) -> int:
    """Refresh the wording findings and fingerprints of the live pages an import wrote."""
    ids = list(page_ids)
    done = 0
    for start in range(0, len(ids), BATCH):
        for page in Page.objects.filter(pk__in=ids[start : start + BATCH], live=True).specific():
            wording.refresh_findings(page)
            refresh_fingerprint(page)
            done += 1
    return done
