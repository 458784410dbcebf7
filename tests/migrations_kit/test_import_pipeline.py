"""import_legacy end to end on a generated GBK site, with its manifest as the truth."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from migrations_kit.importer import Importer, ImportOptions
from migrations_kit.mapping import HOLDING_SLUG
from migrations_kit.models import ImportRun, LegacyRecord
from migrations_kit.sources import open_source
from redesign.core.models import ArticlePage, ColumnPage, StandardPage

from .import_helpers import make_site, path_of, record_of, run_import

# Old columns of the generated site and the new columns they must land in.
EXPECTED_COLUMNS = {
    "工作动态": "zwdt",
    "通知公告": "tzgg",
    "政策文件": "zcwj",
    "人事信息": "rsxx",
    "规划计划": "ghjh",
}


class Killed(Exception):
    """The process running an import was killed mid-run."""


class KilledAfter:
    """A source whose run dies after a number of files, as a killed process would."""

    def __init__(self, source, files: int) -> None:
        """Wrap an opened source."""
        self.source = source
        self.files = files

    def __iter__(self):
        """The source's files, then death."""
        for done, item in enumerate(self.source):
            if done >= self.files:
                raise Killed
            yield item

    def __getattr__(self, name: str):
        """Everything else is the wrapped source's."""
        return getattr(self.source, name)


def run_killed(county, folder, files: int = 40) -> None:
    """Start an import of folder and kill it after a number of files."""
    source = KilledAfter(open_source(str(folder)), files)
    with pytest.raises(Killed):
        Importer(county.site, source, ImportOptions()).run()


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """A 60-page GBK site and its manifest."""
    return make_site(tmp_path_factory.mktemp("legacy"))


@pytest.fixture
def imported(county, legacy):
    """The generated site imported once into the county site."""
    out_dir, manifest = legacy
    result = run_import(county, out_dir)
    return result, manifest


def articles(manifest):
    """Manifest records of articles (not duplicates)."""
    return [r for r in manifest if r["kind"] == "article" and not r.get("duplicate_of")]


def test_every_article_lands_under_its_column_with_date_source_and_images(county, imported):
    result, manifest = imported
    assert result.counts["failed"] <= 1  # the frameset home page may defeat extraction
    sources_ok = gov_pages = 0
    for truth in articles(manifest):
        record = record_of(county, truth["url"])
        assert record is not None, truth["path"]
        assert record.status in {"imported", "duplicate"}, (truth["path"], record.reason)
        page = Page.objects.get(pk=record.page_id).specific
        assert isinstance(page, ArticlePage)
        # an article whose old body was empty waits as a draft (正文为空); the others are live
        assert page.is_imported and page.live is not truth["empty_body"], truth["path"]
        twins = {f"http://www.example-county.gov.cn/{p}" for p in truth["duplicates"]}
        assert page.legacy_url in {truth["url"]} | {t.replace("@", "?")[:-5] for t in twins}
        assert len(page.content_hash) == 64
        if truth["date"] is None:  # neither the page nor its URL shows a date
            assert page.publish_date is None, truth["path"]
        else:
            shown = timezone.localtime(page.publish_date, timezone.get_fixed_timezone(480))
            assert shown.date() == date.fromisoformat(truth["date"]), truth["path"]
            assert (shown.hour, shown.minute) == (0, 0)
        sources_ok += page.source == (truth["source"] or page.source)
        parent = page.get_parent()
        expected = EXPECTED_COLUMNS.get(truth["column_name"])
        if expected:
            assert parent.slug == expected, (truth["path"], parent.slug)
        else:
            assert isinstance(parent.specific, ColumnPage)
        if not truth["column_twin"]:  # an old column with no twin came across as a new column
            assert parent.title == truth["old_column"][-1] and parent.slug != HOLDING_SLUG
        wanted = [image for image in truth["images"] if image["exists"]]
        blocks = [block for block in page.body.raw_data if block["type"] == "image"]
        assert len(blocks) >= len(wanted), truth["path"]
        if truth["index_number"] and page.legacy_url == truth["url"]:
            assert page.index_number == truth["index_number"], truth["path"]
            assert page.document_number == (truth["doc_number"] or ""), truth["path"]
            assert page.issuing_body, truth["path"]
            gov_pages += 1
    assert sources_ok >= 0.9 * len(articles(manifest))
    assert gov_pages > 0


def test_static_pages_become_standard_pages(county, imported):
    _, manifest = imported
    for truth in (r for r in manifest if r["kind"] == "static"):
        record = record_of(county, truth["url"])
        page = Page.objects.get(pk=record.page_id).specific
        assert isinstance(page, StandardPage), truth["path"]
        assert page.get_parent().slug in {"gkxx", "jgzn", "fzrxx"}


def test_every_legacy_url_redirects_permanently(county, imported, client):
    _, manifest = imported
    checked = 0
    for truth in manifest:
        if truth["kind"] not in {"article", "list", "static"}:
            continue
        record = record_of(county, truth["url"])
        response = client.get(path_of(truth["url"]), HTTP_HOST="napo.localhost")
        assert response.status_code == 301, truth["path"]
        target = Page.objects.get(pk=record.page_id)
        if not target.live:  # a draft's old URL leads to its column until it is published
            target = target.get_parent()
        assert (
            response["Location"].rstrip("/").endswith(target.url_path[len("/napo") :].rstrip("/"))
        )
        checked += 1
    assert checked > 40


def test_query_string_url_redirects_to_the_same_page_as_its_twin(county, imported, client):
    _, manifest = imported
    twin = next(r for r in manifest if r.get("duplicate_of"))
    assert "?" in twin["url"]
    record = record_of(county, twin["url"])
    original = record_of(county, f"http://www.example-county.gov.cn/{twin['duplicate_of']}")
    assert {record.status, original.status} == {"imported", "duplicate"}
    assert record.page_id == original.page_id
    assert client.get(path_of(twin["url"]), HTTP_HOST="napo.localhost").status_code == 301


def test_second_run_changes_nothing(county, legacy, imported):
    first, _ = imported
    pages = Page.objects.count()
    redirects = Redirect.objects.count()
    revisions = sum(page.revisions.count() for page in ArticlePage.objects.all())
    second = run_import(county, legacy[0])
    assert second.counts["imported"] == second.counts["updated"] == 0
    assert second.counts["unchanged"] == first.counts["imported"]
    assert Page.objects.count() == pages
    assert Redirect.objects.count() == redirects
    assert sum(page.revisions.count() for page in ArticlePage.objects.all()) == revisions


def test_report_counts_add_up_to_the_inventory(county, legacy, tmp_path):
    out_dir, _ = legacy
    result = run_import(county, out_dir, report_dir=str(tmp_path / "report"))
    files = sum(1 for path in out_dir.rglob("*") if path.is_file())
    assert result.files == files
    assert sum(result.counts.values()) == files
    report = tmp_path / "report"
    written = {p.name for p in report.iterdir()}
    assert written == {"report.csv", "report.json", "report.html", "mapping.toml"}
    lines = (report / "report.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == files + 1
    html = (report / "report.html").read_text(encoding="utf-8")
    assert "待整理" in html and "源文件合计" in html
    assert Counter(r.status for r in LegacyRecord.objects.all()).total() == files


def test_dry_run_writes_nothing(county, legacy, tmp_path):
    pages = Page.objects.count()
    result = run_import(county, legacy[0], dry_run=True, report_dir=str(tmp_path / "r"))
    assert result.counts["imported"] > 30  # 32 articles and 4 static pages
    assert Page.objects.count() == pages
    assert not LegacyRecord.objects.exists()
    assert not ImportRun.objects.exists()
    assert not Redirect.objects.exists()
    assert (tmp_path / "r" / "report.json").exists()


def test_draft_option_saves_drafts(county, legacy):
    run_import(county, legacy[0], publish=False, limit=30)
    assert ArticlePage.objects.exists()
    assert not ArticlePage.objects.live().exists()


def test_interrupted_run_heals_without_duplicates(county, legacy):
    run_killed(county, legacy[0])
    partial = ArticlePage.objects.count() + StandardPage.objects.filter(depth__gt=3).count()
    assert 0 < partial
    result = run_import(county, legacy[0])
    assert result.counts["unchanged"] == partial
    assert result.counts["imported"] > 10
    keys = Counter(ArticlePage.objects.values_list("legacy_url", flat=True))
    assert max(keys.values()) == 1
    written = LegacyRecord.objects.filter(kind="article", status__in=["imported", "unchanged"])
    assert ArticlePage.objects.count() == written.count()
    old_paths = Counter(Redirect.objects.values_list("old_path", flat=True))
    assert max(old_paths.values()) == 1


def test_the_next_run_indexes_an_interrupted_runs_pages_and_marks_it_failed(county, legacy):
    from wagtail.search.models import IndexEntry

    run_killed(county, legacy[0])
    run_import(county, legacy[0])
    page_ids = {str(pk) for pk in ArticlePage.objects.values_list("pk", flat=True)}
    indexed = set(
        IndexEntry.objects.filter(object_id__in=page_ids).values_list("object_id", flat=True)
    )
    assert indexed == page_ids
    statuses = list(ImportRun.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [ImportRun.Status.FAILED, ImportRun.Status.FINISHED]


def test_a_failure_after_a_page_is_written_keeps_it_in_the_id_map(county, legacy, monkeypatch):
    from migrations_kit.importer import Importer

    written = Importer._written
    calls = []

    def fail_once(self, *args, **kwargs):
        if not calls:
            calls.append(1)
            raise RuntimeError("after the write")
        return written(self, *args, **kwargs)

    monkeypatch.setattr(Importer, "_written", fail_once)
    first = run_import(county, legacy[0])
    assert first.counts["failed"] >= 1
    failed = LegacyRecord.objects.get(reason__contains="after the write")
    assert failed.page_id is not None
    monkeypatch.setattr(Importer, "_written", written)
    pages = ArticlePage.objects.count() + StandardPage.objects.count()
    run_import(county, legacy[0])
    assert ArticlePage.objects.count() + StandardPage.objects.count() == pages
