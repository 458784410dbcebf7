"""Benchmark: content_health over 125 sites of 2,000 articles each (target ≤ 2 s, ≤ 20 queries).

Builds the cluster once in its own SQLite file (bench-health.sqlite3, reused on later runs):
125 sites made by create_county_site, then 2,000 live articles per site written in bulk over
three years into the site's news, notice and policy columns. Prints the time of the engine over
every site (median of 5 runs), its query count, the same at 10 sites, and the full command's time.
"""

import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "redesign.settings.test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench-health.sqlite3'}")

import django

django.setup()

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from redesign.cluster.provisioning import create_county_site
from redesign.core.models import ArticlePage, ColumnPage
from redesign.guarantee.health import site_health

SITES = int(os.environ.get("BENCH_SITES", 125))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", 2000))
COLUMNS = ("yaowen", "zwdt", "tzgg", "zcwj")
RUNS = 5


def build() -> None:
    """Create the sites and their articles unless an earlier run did."""
    call_command("migrate", verbosity=0)
    have = Site.objects.filter(hostname__startswith="bench").count()
    if have >= SITES and ArticlePage.objects.count() >= SITES * ARTICLES:
        return
    rng = random.Random(19)  # noqa: S311  (sample data, not secrets)
    started = time.perf_counter()
    for n in range(have, SITES):
        with transaction.atomic():
            result = create_county_site(f"基准{n:03d}县人民政府", f"bench{n:03d}.localhost")
            add_articles(result.home, rng)
        if n % 25 == 0:
            print(f"  built {n + 1}/{SITES} sites ({time.perf_counter() - started:.0f} s)")


def add_articles(home: Page, rng: random.Random) -> None:
    """Write the site's articles in bulk: base page rows, then the article rows."""
    now = timezone.now()
    article_type = ContentType.objects.get_for_model(ArticlePage)
    columns = list(ColumnPage.objects.child_of(home).filter(slug__in=COLUMNS))
    per_column = ARTICLES // len(columns)
    for column in columns:
        pages, details = [], []
        for step in range(1, per_column + 1):
            moment = now - timedelta(days=rng.uniform(0, 3 * 365))
            slug = f"a{step}"
            pages.append(
                Page(
                    title=f"{column.title}第{step}篇",
                    draft_title=f"{column.title}第{step}篇",
                    slug=slug,
                    path=Page._get_path(column.path, column.depth + 1, step),
                    depth=column.depth + 1,
                    numchild=0,
                    url_path=f"{column.url_path}{slug}/",
                    content_type=article_type,
                    live=True,
                    first_published_at=moment,
                    last_published_at=moment,
                    locale_id=column.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        Page.objects.bulk_create(pages, batch_size=500)
        for page in Page.objects.filter(path__startswith=column.path, depth=column.depth + 1):
            details.append(
                ArticlePage(
                    page_ptr_id=page.pk,
                    publish_date=page.first_published_at if rng.random() > 0.02 else None,
                    origin="original" if rng.random() < 0.55 else "reprint",
                    origin_source="",
                    body=[],
                    attachments=[],
                )
            )
        fields = list(ArticlePage._meta.local_concrete_fields)
        for start in range(0, len(details), 500):  # the child rows of a multi-table model
            ArticlePage.objects._insert(details[start : start + 500], fields=fields)
        Page.objects.filter(pk=column.pk).update(numchild=per_column)


def run(hostnames: list[str] | None) -> tuple[float, int]:
    """Median seconds of the engine over RUNS runs, and one run's query count."""
    with CaptureQueriesContext(connection) as captured:
        site_health(hostnames=hostnames)
    queries = len(captured)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        site_health(hostnames=hostnames)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), queries


def main() -> None:
    """Build, measure and print the figures."""
    print(f"Building {SITES} sites × {ARTICLES} articles (once; reused later) …")
    build()
    print(f"sites: {Site.objects.count()}, articles: {ArticlePage.objects.count()}")
    all_time, all_queries = run(None)
    ten = list(Site.objects.order_by("hostname").values_list("hostname", flat=True)[:10])
    ten_time, ten_queries = run(ten)
    start = time.perf_counter()
    call_command("content_health", "--format", "json", stdout=StringIO())
    command_time = time.perf_counter() - start
    print(
        f"content_health engine, all sites: {all_time * 1000:.0f} ms median, {all_queries} queries"
    )
    print(
        f"content_health engine, 10 sites:  {ten_time * 1000:.0f} ms median, {ten_queries} queries"
    )
    print(f"content_health --format json (whole command): {command_time * 1000:.0f} ms")
    ok = all_time <= 2 and all_queries <= 20 and all_queries == ten_queries
    print("target (≤ 2 s, ≤ 20 queries, same count at 10 sites):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
