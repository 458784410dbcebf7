"""General column rules: old county and bureau column names and where their pages go."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from migrations_kit.mapping import (
    HOLDING_SLUG,
    ColumnMapper,
    breadcrumbs,
    old_columns,
    places_for,
)
from migrations_kit.models import ImportRun, RunObject
from migrations_kit.rollback import rollback_run

URL = "http://old.example/contents/1/2.html"


@pytest.mark.parametrize(
    ("crumbs", "slug", "static"),
    [
        (["领导分工"], "fzrxx", True),
        (["机构概况", "领导班子"], "fzrxx", True),
        (["机构职责", "各科室", "办公室"], "jgzn", True),
        (["机构职责", "各科室", "人事科"], "jgzn", True),
        (["本局简介"], "gkxx", True),
        (["机构设置", "科室", "思想政治科", "宣传报道"], "zwdt", False),
        (["学校动态"], "zwdt", False),
        (["基层动态"], "zwdt", False),
        (["机关党委", "党建之窗"], "zwdt", False),
        (["党风廉政建设"], "zwdt", False),
        (["人事科", "招教考试"], "tzgg", False),
        (["招生信息"], "tzgg", False),
        (["表格下载"], "zcwj", False),
        (["我要写信"], "hudong", False),
        (["信件查询"], "hudong", False),
        (["以案为鉴"], "zwdt", False),
        (["业务板块", "联系我们"], "jgzn", True),
        (["机构职责", "各科室", "政策法规科"], "jgzn", True),
        (["机构职责", "各二级机构", "招生办公室"], "jgzn", True),
        (["机构职责", "各二级机构", "体育活动指导中心"], "jgzn", True),
        (["部门动态", "县教育局"], "zwdt", False),
        (["机构职责", "各科室", "教育工作领导小组办公室"], "jgzn", True),
        (["机构设置", "二级机构", "教育技术信息中心", "新闻信息"], "yaowen", False),
    ],
)
def test_old_columns_find_their_place_in_the_new_site(county, crumbs, slug, static):
    target = ColumnMapper(county.home).for_article(URL, crumbs, "某页面")
    assert Page.objects.get(pk=target.page_id).slug == slug
    assert target.static is static and not target.holding


def test_without_new_columns_a_type_the_site_lacks_goes_to_holding(county):
    mapper = ColumnMapper(county.home, new_columns=False)
    target = mapper.for_article(URL, ["人事信息"], "任免通知")
    assert target.holding and "personnel" in target.how


def test_without_new_columns_unknown_columns_go_to_holding_never_dropped(county):
    target = ColumnMapper(county.home, new_columns=False).for_article(
        URL, ["书香校园"], "读书月掠影"
    )
    assert target.holding and Page.objects.get(pk=target.page_id).slug == HOLDING_SLUG


def test_a_page_with_no_old_column_goes_to_holding(county):
    target = ColumnMapper(county.home).for_article(URL, [], "读书月掠影")
    assert target.holding and Page.objects.get(pk=target.page_id).slug == HOLDING_SLUG


def test_the_mapping_file_still_wins(county):
    mapper = ColumnMapper(county.home, {"领导分工": "yaowen"})
    target = mapper.for_article(URL, ["领导分工"], "某页面")
    assert Page.objects.get(pk=target.page_id).slug == "yaowen" and not target.static


def test_type_keywords_beat_standard_page_keywords_within_a_name():
    assert next(places_for(["机构设置", "工作动态"], [])) == ("type", "news", 2)
    assert next(places_for(["领导分工"], [])) == ("static", "fzrxx", 1)
    assert list(places_for(["无关"], ["ldxx"])) == [("static", "fzrxx", 0)]


def test_the_holding_column_is_recorded_and_rolled_back_when_empty(county):
    run = ImportRun.objects.create(site=county.site, source="test")
    target = ColumnMapper(county.home, run=run).holding("旧栏目", "无法判断栏目")
    assert run.created.filter(kind=RunObject.Kind.PAGE, object_id=target.page_id).exists()
    rollback_run(run.pk)
    assert not Page.objects.filter(pk=target.page_id).exists()


def test_rollback_keeps_a_holding_column_that_still_has_pages(county):
    from redesign.core.models import ArticlePage

    run = ImportRun.objects.create(site=county.site, source="test")
    target = ColumnMapper(county.home, run=run).holding("旧栏目", "无法判断栏目")
    holding = Page.objects.get(pk=target.page_id)
    holding.add_child(instance=ArticlePage(title="编辑放入的文章", slug="kept"))
    outcome = rollback_run(run.pk)
    assert Page.objects.filter(pk=target.page_id).exists()
    assert any("待整理" in line for line in outcome.kept)


@pytest.mark.parametrize(
    "label",
    ["当前位置：", "您现在的位置：", "您当前的位置是：", "所在位置 : ", "位置："],
)
def test_breadcrumb_labels_are_not_taken_for_crumbs(label):
    html = (
        f'<div class="pos">{label}<a href="/">首页</a> &gt; <a href="/c/1.html">业务板块</a></div>'
    )
    assert breadcrumbs(html) == ["业务板块"]


def test_the_column_name_meta_stands_in_for_a_missing_breadcrumb():
    head = (
        '<head><meta name="ColumnName" content="通知公告"><meta name="SiteName" content="县政府">'
    )
    assert old_columns(f"<html>{head}</head><body><p>正文</p></body></html>") == ["通知公告"]
    reversed_attrs = "<meta content='政策解读' name='columnname'>"
    assert old_columns(f"<html><head>{reversed_attrs}</head></html>") == ["政策解读"]
    crumb = "<div>当前位置：首页 &gt; 政务公开 &gt; 人事信息</div>"
    assert old_columns(f"<html><head>{head}</head><body>{crumb}</body></html>") == [
        "政务公开",
        "人事信息",
    ]
    assert old_columns("<html><head><meta name='ColumnName' content='首页'></head></html>") == []


@pytest.mark.parametrize(
    "separator",
    ["&raquo;", "»", "&gt;&gt;", ">>", "-&gt;", "->", "→", "&rarr;", "&#8594;", "&gt;", "›"],
)
def test_a_chain_of_crumbs_is_split_whatever_its_separator(separator):
    """Entities are decoded before the crumbs are read: 首页 » 工作动态 » 业务要闻."""
    html = (
        f"<div>当前位置：<a href='/'>首页</a> {separator} <a href='/gzdt/'>工作动态</a>"
        f"{separator}<a href='/gzdt/ywyw/'>业务&nbsp;要闻</a></div>"
    )
    assert breadcrumbs(html) == ["工作动态", "业务 要闻"]


def test_column_name_metas_are_decoded():
    """A ColumnName written with entities reads as its text."""
    meta = "<meta name='ColumnName' content='&#20154;&#20107;&#20449;&#24687;'>"
    assert old_columns(f"<html><head>{meta}</head></html>") == ["人事信息"]
