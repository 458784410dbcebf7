"""A whole import brings the old columns across: the dry run's plan, the mapping file, re-runs."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from wagtail.models import Page

from migrations_kit.mapping import HOLDING_SLUG, load_mapping_file
from migrations_kit.models import LegacyColumn
from redesign.core.models import ArticlePage, ColumnPage

from .import_helpers import record_of, run_import

HOST = "www.qingshan.gov.cn"
BODY = "<p>县人力资源和社会保障局认真做好年度人事工作，规范程序，确保公开公平公正。</p>" * 3
ARTICLE = (
    "<html><head><meta charset='utf-8'><title>{title}_青山县人民政府</title></head><body>"
    "<div class='pos'>当前位置：<a href='/'>首页</a>{crumbs}</div><h1>{title}</h1>"
    "<p>发布时间：{date}</p><div id='zoom'>{body}</div></body></html>"
)
LIST = (
    "<html><head><meta charset='utf-8'><title>{name}_青山县人民政府</title></head><body>"
    "<div class='pos'>当前位置：<a href='/'>首页</a>{crumbs}</div><ul>{rows}</ul></body></html>"
)
# folder, old column path (as its crumbs print it), articles (file, title, date)
COLUMNS = [
    ("zwgk/rsxx", ["政务公开", "人事信息"], [("t20160524_1.htm", "关于张三同志任职的通知",
     "2016-05-24"), ("t20160601_2.htm", "2016年公开招聘事业单位人员公告", "2016-06-01")]),
    ("bszn", ["办事指南"], [("t20170301_3.htm", "居民身份证办理指南", "2017-03-01")]),
    ("tzgg", ["通知公告"], [("t20170302_4.htm", "关于春季植树的通知", "2017-03-02")]),
]  # fmt: skip


def _crumbs(names: list[str], separator: str = " &raquo; ") -> str:
    """The printed breadcrumb after 首页."""
    return "".join(f"{separator}<a href='#'>{name}</a>" for name in names)


@pytest.fixture
def old_site(tmp_path):
    """Four columns (two with no twin in the new site), a site map, and a page with no column."""
    root = tmp_path / "mirror" / HOST
    for folder, names, articles in COLUMNS:
        (root / folder).mkdir(parents=True)
        rows = "".join(
            f"<li><a href='/{folder}/{name}'>{title}</a><span>{date}</span></li>"
            for name, title, date in articles * 3
        )
        page = LIST.format(name=names[-1], crumbs=_crumbs(names, " &gt; "), rows=rows)
        (root / folder / "index.htm").write_text(page, encoding="utf-8")
        for name, title, date in articles:
            html = ARTICLE.format(title=title, crumbs=_crumbs(names), date=date, body=BODY)
            (root / folder / name).write_text(html, encoding="utf-8")
    links = "".join(f"<li><a href='/{f}/index.htm'>{n[-1]}</a></li>" for f, n, _ in COLUMNS)
    sitemap = LIST.format(name="网站地图", crumbs=_crumbs(["网站地图"]), rows=links * 4)
    (root / "wzdt.htm").write_text(sitemap, encoding="utf-8")
    (root / "misc").mkdir()
    lost = ARTICLE.replace("当前位置：", "").format(
        title="全县春耕生产工作会议召开", crumbs="", date="2017-03-05", body=BODY
    )
    (root / "misc" / "t20170305_9.htm").write_text(lost, encoding="utf-8")
    return tmp_path / "mirror"


def _parent_of(county, path: str) -> Page:
    """The new column an old article went under."""
    record = record_of(county, f"http://{HOST}/{path}")
    return ArticlePage.objects.get(pk=record.page_id).get_parent().specific


def test_old_columns_with_no_twin_become_new_columns(county, old_site, client):
    result = run_import(county, old_site)
    personnel = _parent_of(county, "zwgk/rsxx/t20160524_1.htm")
    assert (personnel.title, personnel.slug, personnel.column_type) == (
        "人事信息",
        "rsxx",
        "personnel",
    )
    assert personnel.get_parent().title == "政务公开"
    guide = _parent_of(county, "bszn/t20170301_3.htm")
    assert (guide.title, guide.get_parent().title) == ("办事指南", "办事服务")
    assert _parent_of(county, "tzgg/t20170302_4.htm").slug == "tzgg"
    # only the page with no old column at all waits in 待整理
    assert _parent_of(county, "misc/t20170305_9.htm").slug == HOLDING_SLUG
    assert result.holding == 1 and result.placed == 5
    # the old list page leads to its new column; the site map makes no column
    response = client.get("/zwgk/rsxx/index.htm", HTTP_HOST="napo.localhost")
    assert response.status_code == 301 and response["Location"] == "/zwgk/rsxx/"
    assert not ColumnPage.objects.filter(title="网站地图").exists()
    made = {column["old_path"] for column in result.new_columns}
    assert made == {"政务公开", "政务公开 > 人事信息", "办事服务", "办事指南"}


def test_a_second_run_finds_its_columns_again_and_changes_nothing(county, old_site):
    run_import(county, old_site)
    columns = ColumnPage.objects.count()
    again = run_import(county, old_site)
    assert ColumnPage.objects.count() == columns
    assert not any(column["created"] for column in again.new_columns)
    assert again.counts["unchanged"] == 5 and again.counts["updated"] == 0


def test_no_new_columns_keeps_pages_in_holding(county, old_site):
    result = run_import(county, old_site, new_columns=False)
    assert _parent_of(county, "zwgk/rsxx/t20160524_1.htm").slug == HOLDING_SLUG
    assert result.new_columns == [] and result.holding == 4
    assert not LegacyColumn.objects.exists()


def test_the_dry_run_plan_is_a_mapping_file_the_team_edits(county, old_site, tmp_path, capsys):
    report = tmp_path / "plan"
    call_command("import_legacy", str(old_site), "--site", "napo.localhost", "--dry-run",
                 "--report", str(report))  # fmt: skip
    out = capsys.readouterr().out
    assert "新建栏目 4 个" in out and "政务公开 > 人事信息 → 人事信息（政务公开）" in out
    assert not ColumnPage.objects.filter(title="人事信息").exists()
    plan = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert {c["slug"] for c in plan["new_columns"]} >= {"rsxx", "zwgk"}
    text = (report / "mapping.toml").read_text(encoding="utf-8")
    rules = load_mapping_file(report / "mapping.toml")
    assert rules["政务公开 > 人事信息"].create and rules["政务公开 > 人事信息"].parent == "zwgk"
    # the team renames one new column and refuses another
    edited = text.replace('title = "人事信息"', 'title = "人事任免"').replace(
        '"办事指南" = { create = true', '"办事指南" = { create = false'
    )
    (tmp_path / "mapping.toml").write_text(edited, encoding="utf-8")
    call_command("import_legacy", str(old_site), "--site", "napo.localhost",
                 "--mapping", str(tmp_path / "mapping.toml"))  # fmt: skip
    personnel = _parent_of(county, "zwgk/rsxx/t20160524_1.htm")
    assert (personnel.title, personnel.slug) == ("人事任免", "rsxx")
    assert _parent_of(county, "bszn/t20170301_3.htm").slug == HOLDING_SLUG
    assert not ColumnPage.objects.filter(title="办事指南").exists()


def test_a_bad_mapping_file_stops_the_command_with_its_line(county, old_site, tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "mapping.toml"
    bad.write_text('[columns]\n"人事信息" = { create = true, type = "人士" }\n', encoding="utf-8")
    with pytest.raises(CommandError, match="栏目类型「人士」不存在"):
        call_command("import_legacy", str(old_site), "--site", "napo.localhost",
                     "--mapping", str(bad))  # fmt: skip
    assert not ArticlePage.objects.exists()
