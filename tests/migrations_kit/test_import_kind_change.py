"""A legacy key never changes the page type it writes to: a changed kind is a conflict."""

from __future__ import annotations

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from migrations_kit.models import ImportRun, LegacyRecord
from redesign.core.models import ArticlePage, ColumnPage

from .import_helpers import HOST, legacy_page, record_of, run_import


def list_page(titles: list[str]) -> str:
    """An old column's list page: crumbs and dated links to its articles."""
    rows = "".join(
        f'<li><a href="t201503{n:02d}_{n}.htm">{title}</a><span>2015-03-{n:02d}</span></li>'
        for n, title in enumerate(titles, start=1)
    )
    return (
        "<html><head><meta charset='utf-8'><title>通知公告</title></head><body>"
        f"<div>当前位置：首页 &gt; 通知公告</div><ul class='list'>{rows}</ul></body></html>"
    )


TITLES = [f"关于做好第{n}批农业项目申报工作的通知" for n in range(1, 11)]
BODY = "<p>各乡镇：根据县政府安排，现将有关事项通知如下，请认真抓好落实。</p>" * 6
URL = f"http://{HOST}/tzgg/index.htm"


def imported_column_site(county, tmp_path):
    """A mirror whose 通知公告 list page has been imported once; returns the column folder."""
    folder = tmp_path / "m" / HOST / "tzgg"
    folder.mkdir(parents=True)
    for n, title in enumerate(TITLES, start=1):
        (folder / f"t201503{n:02d}_{n}.htm").write_text(legacy_page(title, BODY), "utf-8")
    (folder / "index.htm").write_text(list_page(TITLES), encoding="utf-8")
    run_import(county, tmp_path / "m")
    return folder


def test_a_list_page_that_now_reads_as_an_article_overwrites_nothing(county, tmp_path):
    folder = imported_column_site(county, tmp_path)
    body, url = BODY, URL
    first = record_of(county, url)
    assert first.status == "column"
    column = Page.objects.get(pk=first.page_id).specific
    assert isinstance(column, ColumnPage)
    title, revisions = column.title, column.revisions.count()

    article = legacy_page("通知公告栏目调整说明", body + "<p>本栏目今后发布县级通知。</p>")
    (folder / "index.htm").write_text(article, encoding="utf-8")
    result = run_import(county, tmp_path / "m")

    column.refresh_from_db()
    assert (column.title, column.revisions.count()) == (title, revisions)
    assert column.live and not column.has_unpublished_changes
    again = record_of(county, url)
    assert again.status == "conflict" and again.page_id == column.pk
    assert "栏目列表页" in again.reason and "文章" in again.reason
    assert result.counts["conflict"] == 1
    assert not ArticlePage.objects.filter(title="通知公告栏目调整说明").exists()
    assert ImportRun.objects.order_by("-pk").first().status == ImportRun.Status.FINISHED
    assert Redirect.objects.get(old_path="/tzgg/index.htm").redirect_page_id == column.pk
    assert Page.find_problems() == ([], [], [], [], [])

    third = run_import(county, tmp_path / "m")
    assert third.counts["conflict"] == 1, "the conflict stays reported until someone resolves it"
    assert LegacyRecord.objects.get(pk=again.pk).page_id == column.pk


def test_a_row_without_its_kind_is_still_held_to_its_page_type(county, tmp_path):
    folder = imported_column_site(county, tmp_path)
    body, url = BODY, URL
    LegacyRecord.objects.filter(pk=record_of(county, url).pk).update(kind="")
    column = Page.objects.get(pk=record_of(county, url).page_id)
    (folder / "index.htm").write_text(legacy_page("栏目调整说明", body), encoding="utf-8")
    run_import(county, tmp_path / "m")
    again = record_of(county, url)
    assert again.status == "conflict" and "不是文章" in again.reason
    assert Page.objects.get(pk=column.pk).title == column.title
