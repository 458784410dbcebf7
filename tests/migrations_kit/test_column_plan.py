"""The column plan: old columns with no twin become new columns, as the old paths had them."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from migrations_kit.column_rules import infer_type, is_column_name
from migrations_kit.columnplan import column_slug
from migrations_kit.mapping import HOLDING_SLUG, ColumnMapper, MappingError, load_mapping_file
from migrations_kit.models import ImportRun, LegacyColumn
from migrations_kit.rollback import rollback_run
from redesign.core.models import ColumnPage

URL = "http://old.example/zwgk/rsxx/201605/t20160524_12.htm"


def _page(target) -> ColumnPage:
    """The column page of a target."""
    return ColumnPage.objects.get(pk=target.page_id)


def test_a_nested_old_column_comes_across_under_its_old_parent(county):
    target = ColumnMapper(county.home).for_article(URL, ["政务公开", "人事信息"], "任免通知")
    column = _page(target)
    parent = column.get_parent().specific
    assert target.new and not target.holding
    assert (column.title, column.slug, column.column_type) == ("人事信息", "rsxx", "personnel")
    assert (parent.title, parent.slug, parent.column_type) == ("政务公开", "zwgk", "open_gov")
    assert parent.get_parent().pk == county.home.pk
    assert parent.show_in_menus and column.show_in_menus  # 政务公开 lists 人事信息
    assert column.live and parent.live


def test_the_same_old_column_is_one_new_column_in_a_run_and_across_runs(county):
    first = ColumnMapper(county.home).for_article(URL, ["政务公开", "人事信息"], "甲")
    again = ColumnMapper(county.home).for_article(URL, ["政务公开", "人事信息"], "乙")
    sibling = ColumnMapper(county.home).for_article(URL, ["政务公开", "公务员管理"], "丙")
    assert first.page_id == again.page_id
    assert ColumnPage.objects.filter(title="政务公开").count() == 1
    # a second column of the same type is its own column, never merged into the first by type
    assert sibling.page_id != first.page_id
    assert _page(sibling).get_parent().pk == _page(first).get_parent().pk
    assert LegacyColumn.objects.filter(site=county.site).count() == 3


def test_a_top_level_service_column_goes_under_a_service_parent(county):
    target = ColumnMapper(county.home).for_article(URL, ["办事指南"], "户籍办理")
    column = _page(target)
    assert column.column_type == "other"
    assert column.get_parent().title == "办事服务"


def test_an_untyped_child_of_a_typed_parent_comes_across_under_the_parent_type_column(county):
    target = ColumnMapper(county.home).for_article(URL, ["专题专栏", "创卫工作"], "创卫动员会")
    column = _page(target)
    assert target.new and (column.title, column.column_type) == ("创卫工作", "news")
    assert column.get_parent().slug in {"zwdt", "yaowen"}
    off = ColumnMapper(county.home, new_columns=False).for_article(
        URL, ["校园新闻", "讲话"], "讲话"
    )
    assert not off.new and _page(off).column_type == "news"


def test_an_untyped_old_path_comes_across_whole(county):
    target = ColumnMapper(county.home).for_article(URL, ["德育工作", "国旗下讲话"], "讲话")
    column = _page(target)
    assert (column.title, column.get_parent().title) == ("国旗下讲话", "德育工作")
    assert column.column_type == "other"


def test_a_new_column_goes_under_a_site_column_of_its_parent_name(county):
    target = ColumnMapper(county.home).for_article(URL, ["通知公告", "招聘信息"], "招聘公告")
    column = _page(target)
    assert column.column_type == "personnel" and column.get_parent().slug == "tzgg"


def test_existing_columns_still_win_by_type(county):
    target = ColumnMapper(county.home).for_article(URL, ["工作动态", "乡镇动态"], "某镇")
    assert not target.new and _page(target).slug in {"zwdt", "yaowen"}


def test_an_article_title_in_the_crumbs_names_no_column(county):
    crumbs = ["德育工作", "关于开展2016年国旗下讲话活动的通知"]
    target = ColumnMapper(county.home).for_article(
        URL, crumbs, "关于开展2016年国旗下讲话活动的通知"
    )
    assert _page(target).title == "德育工作"
    assert not is_column_name("关于开展国旗下讲话活动…")
    assert not is_column_name("某某县人民政府门户网站")
    assert not is_column_name("详细内容")


def test_the_mapping_file_renames_sets_slug_parent_and_type(county):
    rules = {
        "政务公开 > 人事信息": {"create": True, "title": "人事任免", "slug": "rsrm",
                                "parent": "tzgg", "type": "人事"},
    }  # fmt: skip
    mapper = ColumnMapper(county.home, load_rules(rules))
    column = _page(mapper.for_article(URL, ["政务公开", "人事信息"], "任免通知"))
    assert (column.title, column.slug, column.column_type) == ("人事任免", "rsrm", "personnel")
    assert column.get_parent().slug == "tzgg"
    assert not ColumnPage.objects.filter(title="政务公开").exists()


def test_the_mapping_file_merges_into_a_declared_new_column(county):
    rules = {
        "人事信息": {"create": True, "slug": "rsxx"},
        "公务员管理": "rsxx",
    }
    mapper = ColumnMapper(county.home, load_rules(rules))
    merged = mapper.for_article(URL, ["公务员管理"], "公务员登记")
    assert _page(merged).title == "人事信息"
    assert mapper.for_article(URL, ["人事信息"], "任免").page_id == merged.page_id


def test_the_mapping_file_refuses_a_new_column(county):
    mapper = ColumnMapper(county.home, load_rules({"国旗下讲话": {"create": False}}))
    target = mapper.for_article(URL, ["国旗下讲话"], "讲话")
    assert target.holding and Page.objects.get(pk=target.page_id).slug == HOLDING_SLUG
    assert not ColumnPage.objects.filter(title="国旗下讲话").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"人事信息" = { create = true, colour = "red" }', "不认识的项"),
        ('"人事信息" = { type = "newsy" }', "栏目类型"),
        ('"人事信息" = { create = "yes" }', "create"),
        ('"人事信息" = { slug = "人事" }', "slug"),
        ('"人事信息" = { into = "tzgg", create = true }', "不能既合并"),
        ('"人事信息" = 3', "新栏目 slug 或表"),
    ],
)
def test_bad_mapping_entries_are_refused_with_a_clear_line(tmp_path, text, message):
    path = tmp_path / "mapping.toml"
    path.write_text(f"[columns]\n{text}\n", encoding="utf-8")
    with pytest.raises(MappingError, match=message):
        load_mapping_file(path)


def test_a_merge_into_an_unknown_slug_is_refused(county):
    with pytest.raises(MappingError, match="nosuch"):
        ColumnMapper(county.home, load_rules({"人事信息": "nosuch"}))


def test_a_new_column_a_person_deleted_is_not_made_again(county):
    target = ColumnMapper(county.home).for_article(URL, ["国旗下讲话"], "讲话")
    Page.objects.get(pk=target.page_id).delete()
    again = ColumnMapper(county.home).for_article(URL, ["国旗下讲话"], "讲话")
    assert again.holding and "已被删除" in again.how
    assert not ColumnPage.objects.filter(title="国旗下讲话").exists()


def test_rollback_removes_the_new_columns_of_its_run(county):
    run = ImportRun.objects.create(site=county.site, source="test")
    target = ColumnMapper(county.home, run=run).for_article(URL, ["政务公开", "人事信息"], "甲")
    parent_id = _page(target).get_parent().pk
    rollback_run(run.pk)
    assert not Page.objects.filter(pk__in=[target.page_id, parent_id]).exists()
    assert not LegacyColumn.objects.filter(site=county.site).exists()


def test_slugs_and_types_follow_the_rules():
    assert column_slug("人事信息") == "rsxx"
    assert column_slug("2016 Ganbu 专栏") == "2016-ganbu-zl"
    assert infer_type(["政务公开", "成果集萃"]) == "open_gov"
    assert infer_type(["规划计划"]) == "planning"
    assert infer_type(["家长学校"]) == "other"


def load_rules(data: dict) -> dict:
    """Mapping rules as load_mapping_file returns them."""
    from migrations_kit.columnplan import parse_rule

    return {k: v if isinstance(v, str) else parse_rule(k, v) for k, v in data.items()}


def test_a_later_mapping_renames_a_made_column_unless_a_person_edited_it(county):
    from django.contrib.auth import get_user_model

    made = ColumnMapper(county.home).for_article(URL, ["人事信息"], "任免")
    rules = load_rules({"人事信息": {"create": True, "title": "人事任免"}})
    renamed = ColumnMapper(county.home, rules).for_article(URL, ["人事信息"], "任免")
    assert renamed.page_id == made.page_id and _page(renamed).title == "人事任免"
    editor = get_user_model().objects.create_superuser("chief", password="x")
    page = _page(made)
    page.title = "人事工作"
    page.save_revision(user=editor).publish()
    rules = load_rules({"人事信息": {"create": True, "title": "人事栏目"}})
    ColumnMapper(county.home, rules).for_article(URL, ["人事信息"], "任免")
    assert _page(made).title == "人事工作"


def test_a_first_crumb_naming_the_site_is_its_home(county):
    target = ColumnMapper(county.home).for_article(
        URL, ["青山县人民政府", "政务公开", "人事信息"], "甲"
    )
    column = _page(target)
    assert column.get_parent().title == "政务公开"
    assert column.get_parent().get_parent().pk == county.home.pk
    assert target.old_column == "政务公开 > 人事信息"
    mapper = ColumnMapper(county.home)
    mapper.own_names = {"青山在线"}
    named = mapper.for_article(URL, ["青山在线", "德育工作"], "乙")
    assert _page(named).get_parent().pk == county.home.pk
