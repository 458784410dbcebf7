"""Benchmark: median render time and SQL query count of the demo cluster's pages.

Builds the demo cluster in its own SQLite file (bench-render.sqlite3, reused on later runs),
then renders each county's home, a column and an article 50 times through Django's test client
and prints the median, the 90th percentile and the queries of one warm render.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "redesign.settings.test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench-render.sqlite3'}")

import django

django.setup()

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

RENDERS = 50
HOME_QUERY_BUDGET = 25
FEED_BLOCK_TYPES = {
    "news_feed", "tabbed_feed", "gov_affairs_feed", "notice_list", "notice_ticker", "featured_news",
}  # fmt: skip


def four_feed_home(client: Client, site) -> tuple[float, float, int, int]:
    """Measure the site's home cut down to its first four feed blocks, then roll it back."""
    home = site.root_page.specific
    feeds = [block for block in home.body if block.block_type in FEED_BLOCK_TYPES][:4]
    with transaction.atomic():
        home.body = [(block.block_type, block.value) for block in feeds]
        home.save_revision().publish()
        result = measure(client, f"{site.hostname}:{site.port}", "/")
        transaction.set_rollback(True)
    return result


def measure(client: Client, host: str, path: str) -> tuple[float, float, int, int]:
    """Median and p90 milliseconds over RENDERS warm renders, and one render's query count."""
    response = client.get(path, HTTP_HOST=host)
    status = response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(path, HTTP_HOST=host)
    queries = len(ctx)  # read now: every later request clears Django's query log
    timings = []
    for _ in range(RENDERS):
        start = time.perf_counter()
        client.get(path, HTTP_HOST=host)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1], queries, status


def main() -> int:
    """Set up the database once, then print one line per page measured."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_cluster", "--quiet", "--port", "8000")

    from wagtail.models import Site

    from redesign.core.models import ArticlePage, ColumnPage

    client = Client()
    rows = []
    over_budget = False
    for site in Site.objects.exclude(hostname="127.0.0.1").order_by("hostname"):
        host = f"{site.hostname}:{site.port}"
        root = site.root_page
        column = (
            ColumnPage.objects.child_of(root).filter(slug="yaowen").first()
            or ColumnPage.objects.descendant_of(root).first()
        )
        article = ArticlePage.objects.live().descendant_of(root).order_by("-publish_date").first()
        targets = [("home", "/")]
        if column is not None:
            targets.append(("column", column.relative_url(site)))
        if article is not None:
            targets.append(("article", article.relative_url(site)))
        for kind, path in targets:
            median, p90, queries, status = measure(client, host, path)
            rows.append((host, kind, path, median, p90, queries, status))

    napo = Site.objects.filter(hostname="napo.localhost").first()
    if napo is not None:
        median, p90, queries, status = four_feed_home(client, napo)
        host = f"{napo.hostname}:{napo.port}"
        rows.append(
            (host, "home/4", "/ (first four feed blocks only)", median, p90, queries, status)
        )
        over_budget = over_budget or queries > HOME_QUERY_BUDGET

    print(f"{'site':<24}{'page':<9}{'median ms':>10}{'p90 ms':>9}{'queries':>9}  status  path")
    for host, kind, path, median, p90, queries, status in rows:
        print(f"{host:<24}{kind:<9}{median:>10.1f}{p90:>9.1f}{queries:>9}  {status:<6}  {path}")
    print(
        f"budget: a home with four feed blocks in at most {HOME_QUERY_BUDGET} queries -> "
        + ("OVER BUDGET" if over_budget else "within budget")
    )
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
