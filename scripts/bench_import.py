"""Benchmark import_legacy: a generated 10,000-page legacy site into a fresh SQLite database.

Prints end-to-end pages per second, peak memory (ru_maxrss and tracemalloc) and extraction-only
pages per second. Targets: >= 40 pages/s end to end, < 500 MB, extraction >= 100 pages/s.
Usage: python scripts/bench_import.py [PAGES]
"""

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
WORK = Path(tempfile.mkdtemp(prefix="bench-import-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redesign.settings.dev")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from migrations_kit.extract import extract_page  # noqa: E402
from migrations_kit.importer import Importer, ImportOptions  # noqa: E402
from migrations_kit.sources import open_source  # noqa: E402
from redesign.cluster.provisioning import create_county_site  # noqa: E402
from redesign.demo.legacy_site import generate_site  # noqa: E402


def main() -> None:
    """Generate, import, measure."""
    settings.MEDIA_ROOT = str(WORK / "media")
    print(f"work folder: {WORK}")
    started = time.monotonic()
    site = generate_site(WORK / "legacy", PAGES, encoding="gbk", seed=7)
    print(f"generated {site.pages} pages, {site.files} files in {time.monotonic() - started:.1f}s")

    source = open_source(str(site.out_dir))
    pages = [item for item in source if item.kind == "page"][:1000]
    started = time.monotonic()
    errors = 0
    for item in pages:
        try:
            extract_page(item.read()[0], item.url, item.url)
        except Exception:  # noqa: BLE001 - count, as the importer does
            errors += 1
    rate = len(pages) / (time.monotonic() - started)
    print(f"extraction only: {rate:.0f} pages/s ({len(pages)} pages, {errors} raised)")

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:  # the bench's own file: WAL, no fsync per commit
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    county = create_county_site(name="基准县人民政府", hostname="bench.localhost")
    traced = os.environ.get("BENCH_TRACEMALLOC") == "1"  # slows the run about threefold
    if traced:
        tracemalloc.start()
    marks = []

    def progress(done, fate):
        if done % 1000 == 0:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            marks.append((done, rss))
            print(f"  {done} files, {time.monotonic() - started:.0f}s, maxrss {rss:.0f} MB")

    started = time.monotonic()
    result = Importer(county.site, open_source(str(site.out_dir)), ImportOptions()).run(progress)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"counts: {result.counts}")
    reach = 100 * result.live_articles / result.article_urls if result.article_urls else 0
    holding = 100 * result.holding / result.placed if result.placed else 0
    print(
        f"old article URLs reaching a live page: {reach:.1f}% "
        f"({result.live_articles}/{result.article_urls}; empty bodies wait as drafts: "
        f"{result.empty_bodies}); 待整理 {holding:.1f}%; new columns {len(result.new_columns)}"
    )
    print(f"end to end: {site.pages / elapsed:.1f} pages/s ({site.pages} pages, {elapsed:.0f}s)")
    traced_text = f"{peak / 1024 / 1024:.0f} MB" if traced else "off (BENCH_TRACEMALLOC=1)"
    print(f"peak memory: ru_maxrss {rss:.0f} MB, tracemalloc peak {traced_text}")
    print("memory by progress: " + ", ".join(f"{d}:{m:.0f}MB" for d, m in marks))


if __name__ == "__main__":
    main()
