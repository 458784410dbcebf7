"""A whole generated site meets the bar: old URLs reach live pages with the dates visitors saw."""

from __future__ import annotations

import pytest

from migrations_kit.site_eval import evaluate_site_import

from .import_helpers import make_site, run_import


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """The 60-page GBK site with every pattern: script dates, no dates, new columns, ..."""
    return make_site(tmp_path_factory.mktemp("whole"))


def _article_truths(manifest: list[dict]) -> list[dict]:
    """One truth per old article URL (copies under another URL included)."""
    return [t for t in manifest if t["kind"] == "article"]


def test_old_article_urls_reach_live_pages_with_their_shown_dates(county, legacy):
    out_dir, manifest = legacy
    result = run_import(county, out_dir, publish_empty=True)
    figures = evaluate_site_import(county.site, _article_truths(manifest))
    assert figures.articles >= 30
    assert figures.reach >= 98, figures.lines()
    assert figures.dates >= 95, figures.lines()
    assert result.holding / result.placed < 0.02, result.holding
    again = run_import(county, out_dir, publish_empty=True)
    assert again.counts["imported"] == again.counts["updated"] == 0
    assert not any(column["created"] for column in again.new_columns)


def test_empty_articles_wait_as_drafts_and_are_the_only_misses(county, legacy):
    out_dir, manifest = legacy
    run_import(county, out_dir)
    figures = evaluate_site_import(county.site, _article_truths(manifest))
    empty = {t["url"] for t in manifest if t.get("empty_body")}
    assert empty and set(figures.misses) == empty
