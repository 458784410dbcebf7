"""The importer's fast page writes: published like Wagtail does, indexed after the run."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from migrations_kit.indexing import deferred_indexing
from migrations_kit.models import ImportRun, LegacyRecord
from migrations_kit.pagesave import ParentCache, ParentTypeError
from migrations_kit.writer import ARTICLE, PageContent, is_outlet, write_page
from redesign.core.models import ArticlePage
from tests.conftest import column_of

from .import_helpers import make_site, run_import


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """A 40-page GBK site and its manifest."""
    return make_site(tmp_path_factory.mktemp("legacy"), pages=40)


def test_imported_pages_are_live_with_the_importers_revision(county, legacy):
    run_import(county, legacy[0])
    empty = {t["url"] for t in legacy[1] if t.get("empty_body")}
    assert empty  # the generator's empty bodies are drafts: the others are live
    records = LegacyRecord.objects.filter(status="imported", kind=ARTICLE)
    assert records.count() > 10
    for record in records.exclude(legacy_key__in=empty):
        page = ArticlePage.objects.get(pk=record.page_id)
        parent = page.get_parent()
        assert page.live and not page.has_unpublished_changes and not page.expired
        assert page.live_revision_id == page.latest_revision_id == record.revision_id
        assert page.first_published_at and page.last_published_at
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert page.locale_id == parent.locale_id and page.draft_title == page.title
        revision = Revision.page_revisions.get(pk=record.revision_id)
        assert revision.user is None and revision.as_object().title == page.title
        actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
        assert {"wagtail.create", "wagtail.publish"} <= actions
    assert Page.find_problems() == ([], [], [], [], [])


def test_draft_run_saves_unpublished_revisions(county, legacy):
    run_import(county, legacy[0], publish=False, limit=30)
    page = ArticlePage.objects.filter(is_imported=True).first()
    assert page is not None and not page.live and page.has_unpublished_changes
    assert page.live_revision_id is None and page.latest_revision_id is not None
    assert page.first_published_at is None


def test_pages_are_searchable_and_in_the_reference_index_after_the_run(county, legacy):
    run_import(county, legacy[0])
    page = ArticlePage.objects.filter(is_imported=True).exclude(body=[]).first()
    assert page.pk in [hit.pk for hit in ArticlePage.objects.live().search(page.title)]
    image = get_image_model().objects.first()
    assert image is not None
    users = {ref.object_id for ref in ReferenceIndex.get_references_to(image)}
    assert users, "an imported image is referenced by the page that shows it"
    pages_with_refs = ReferenceIndex.objects.filter(
        base_content_type__model="page", object_id__in=[str(p) for p in users]
    )
    assert pages_with_refs.exists()


def test_reference_index_updates_on_save_again_after_the_run(
    county, legacy, django_capture_on_commit_callbacks
):
    run_import(county, legacy[0])
    referenced = ReferenceIndex.objects.filter(base_content_type__model="page")
    page = Page.objects.get(pk=referenced.first().object_id).specific
    referenced.filter(object_id=str(page.pk)).delete()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert referenced.filter(object_id=str(page.pk)).exists()


def test_a_future_date_is_refused_like_the_editor_form_does(county):
    run = ImportRun.objects.create(site=county.site, source="test")
    content = PageContent(
        key="http://old.example/a/t20990101_1.htm", url="http://old.example/a/t20990101_1.htm",
        source_path="a/t20990101_1.htm", page_type=ARTICLE,
        parent_id=column_of(county, "yaowen").pk, title="来自未来的文章", publish_date="2099-01-01",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="发布日期不能晚于实际发布时间") as refused:
        write_page(county.site.pk, run, content)
    assert set(refused.value.message_dict) == {"publish_date"}
    assert not ArticlePage.objects.filter(title="来自未来的文章").exists()


def test_an_article_is_never_written_where_its_page_type_may_not_live(county):
    run = ImportRun.objects.create(site=county.site, source="test")
    content = PageContent(
        key="http://old.example/a/t20200101_1.htm", url="http://old.example/a/t20200101_1.htm",
        source_path="a/t20200101_1.htm", page_type=ARTICLE, parent_id=county.home.pk,
        title="放错地方的文章", publish_date="2020-01-01",
    )  # fmt: skip
    with pytest.raises(ParentTypeError, match="不能放在「那坡县人民政府」下"):
        write_page(county.site.pk, run, content)
    assert not ArticlePage.objects.filter(title="放错地方的文章").exists()
    assert Page.objects.get(pk=county.home.pk).numchild == county.home.get_children().count()


def test_an_imported_article_without_a_date_keeps_it_empty_when_republished(county):
    run = ImportRun.objects.create(site=county.site, source="test")
    content = PageContent(
        key="http://old.example/a/about.htm", url="http://old.example/a/about.htm",
        source_path="a/about.htm", page_type=ARTICLE, parent_id=column_of(county, "yaowen").pk,
        title="没有日期的旧文章", text_hash="h", content_hash="c",
    )  # fmt: skip
    outcome = write_page(county.site.pk, run, content)
    page = ArticlePage.objects.get(pk=outcome.page_id)
    assert page.live and page.publish_date is None
    page.title = "没有日期的旧文章（编辑修订）"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.publish_date is None, "a date made up at publish time would be a forged one"
    assert page.display_date is None, "nor is the import moment shown as its date"
    own = ArticlePage(title="编辑新写的文章")
    column_of(county, "yaowen").add_child(instance=own)
    own.save_revision().publish()
    own.refresh_from_db()
    assert own.publish_date is not None, "the site's own articles still get their publish moment"
    assert own.display_date == own.publish_date


def test_a_new_page_costs_a_bounded_number_of_queries(county, django_assert_max_num_queries):
    run = ImportRun.objects.create(site=county.site, source="test")
    column = column_of(county, "yaowen")
    parents = ParentCache()
    for n in range(3):
        content = PageContent(
            key=f"http://old.example/a/t20200101_{n}.htm",
            url=f"http://old.example/a/t20200101_{n}.htm",
            source_path=f"a/t20200101_{n}.htm", page_type=ARTICLE, parent_id=column.pk,
            title=f"文章{n}", publish_date="2020-01-01", text_hash=f"h{n}", content_hash=f"c{n}",
        )  # fmt: skip
        with deferred_indexing(), django_assert_max_num_queries(18 if n == 0 else 17):
            outcome = write_page(county.site.pk, run, content, parents=parents)
        assert outcome.status == "imported"
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.parametrize(
    ("source", "outlet"),
    [
        ("新华社", True),
        ("人民日报", True),
        ("人民网", True),
        ("岚山县纪检监察网站", True),
        ("澎湃新闻", True),
        ("新华社（中国西藏新闻网）", True),
        ("县政府办", False),
        ("青山县教育体育局", False),
        ("县政府新闻办", False),
        ("县融媒体中心", False),
        ("", False),
    ],
)
def test_a_source_that_names_an_outlet_marks_the_import_a_reprint(source, outlet):
    assert is_outlet(source) is outlet


def test_a_source_naming_the_site_itself_is_its_own_work():
    assert is_outlet("那坡县人民政府网", ["那坡县人民政府"]) is False
    assert is_outlet("广西日报", ["那坡县人民政府"]) is True


def test_an_imported_reprint_names_its_origin_and_validates(county):
    run = ImportRun.objects.create(site=county.site, source="test")
    column = column_of(county, "yaowen")
    for n, source in enumerate(["新华社", "县政府办"]):
        content = PageContent(
            key=f"http://old.example/a/t20200101_{n}.htm",
            url=f"http://old.example/a/t20200101_{n}.htm",
            source_path=f"a/t20200101_{n}.htm", page_type=ARTICLE, parent_id=column.pk,
            title=f"文章{n}", publish_date="2020-01-01", source=source,
            text_hash=f"h{n}", content_hash=f"c{n}", reprint=is_outlet(source),
        )  # fmt: skip
        write_page(county.site.pk, run, content)
    reprint = ArticlePage.objects.get(title="文章0")
    assert (reprint.origin, reprint.origin_source) == ("reprint", "新华社")
    reprint.full_clean()
    own = ArticlePage.objects.get(title="文章1")
    assert (own.origin, own.origin_source) == ("original", "")


def test_the_import_marks_outlets_reprints_but_not_the_site_itself(county, tmp_path):
    folder = tmp_path / "www.napo.gov.cn" / "zwdt"
    folder.mkdir(parents=True)
    text = "<p>全县秋季农业生产工作会议召开，要求各乡镇抓好秋收秋种。</p>" * 5
    for n, source in enumerate(["那坡县人民政府网", "广西日报"], start=1):
        html = (
            f"<html><head><meta charset='utf-8'><title>秋收工作{n}</title></head><body>"
            f"<div>当前位置：首页 &gt; 政务动态</div><h1>秋收工作{n}</h1>"
            f"<p>发布时间：2021-09-0{n} 来源：{source}</p><div class='zoom'>{text}</div>"
            "</body></html>"
        )
        (folder / f"t2021090{n}_{n}.htm").write_text(html, encoding="utf-8")
    run_import(county, tmp_path)
    own = ArticlePage.objects.get(title="秋收工作1")
    reprint = ArticlePage.objects.get(title="秋收工作2")
    assert (own.origin, own.origin_source) == ("original", "")
    assert (reprint.origin, reprint.origin_source) == ("reprint", "广西日报")
