"""Every titled page survives: an old article with an empty body becomes a flagged article."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from migrations_kit.models import LegacyRecord
from redesign.core.models import ArticlePage
from redesign.core.workdays import local_zone

from .import_helpers import legacy_page, run_import

HOST = "www.qingshan.gov.cn"
FULL = "<p>县人民政府决定开展全县安全生产大检查，各乡镇、各部门要高度重视，认真组织。</p>" * 3
ATTACHMENT = "<p><a href='/uploadfile/2016/0524/qsgz.doc'>附件：青山县2016年工作要点.doc</a></p>"


@pytest.fixture
def old_site(tmp_path):
    """Three notices: one whose text was a missing attachment, one with nothing, one whole."""
    folder = tmp_path / HOST / "tzgg"
    folder.mkdir(parents=True)
    pages = {
        "t20160524_1.htm": ("青山县2016年工作要点", "详见附件" + ATTACHMENT),
        "t20160601_2.htm": ("关于端午节放假的通知", ""),
        "t20160602_3.htm": ("全县安全生产大检查启动", FULL),
    }
    for name, (title, body) in pages.items():
        date = f"2016-{name[5:7]}-{name[7:9]}"
        (folder / name).write_text(legacy_page(title, body, date=date), encoding="utf-8")
    return tmp_path


def _articles() -> dict[str, ArticlePage]:
    """The imported articles by title."""
    return {page.title: page for page in ArticlePage.objects.all()}


def test_an_empty_article_is_a_flagged_draft_with_its_title_and_date(county, old_site, tmp_path):
    result = run_import(county, old_site, report_dir=str(tmp_path / "report"))
    pages = _articles()
    assert set(pages) == {"青山县2016年工作要点", "关于端午节放假的通知", "全县安全生产大检查启动"}
    empty = pages["青山县2016年工作要点"]
    assert not empty.live and pages["关于端午节放假的通知"].live is False
    assert pages["全县安全生产大检查启动"].live
    assert empty.publish_date.astimezone(local_zone()).date().isoformat() == "2016-05-24"
    assert empty.get_parent().slug == "tzgg"
    assert result.empty_bodies == 2
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    listed = {row["title"]: row["issue"] for row in report["empty_bodies"]}
    assert "/uploadfile/2016/0524/qsgz.doc" in listed["青山县2016年工作要点"]
    assert "没有附件" in listed["关于端午节放假的通知"]
    assert "正文为空" in (tmp_path / "report" / "report.html").read_text(encoding="utf-8")


def test_the_old_url_leads_to_the_column_until_the_draft_is_published(county, old_site, client):
    run_import(county, old_site)
    old = "/tzgg/t20160524_1.htm"
    response = client.get(old, HTTP_HOST="napo.localhost")
    assert response.status_code == 301 and response["Location"].endswith("/tzgg/")
    page = _articles()["青山县2016年工作要点"]
    page.save_revision().publish()
    response = client.get(old, HTTP_HOST="napo.localhost")
    assert response.status_code == 301 and response["Location"].endswith(f"/tzgg/{page.slug}/")


def test_publish_empty_publishes_them_and_a_second_run_changes_nothing(county, old_site):
    run_import(county, old_site)
    again = run_import(county, old_site)
    assert again.counts["unchanged"] == 3
    published = run_import(county, old_site, publish_empty=True)
    assert published.counts["updated"] == 2
    assert all(page.live for page in _articles().values())
    assert run_import(county, old_site, publish_empty=True).counts["unchanged"] == 3


def test_the_command_takes_publish_empty(county, old_site, capsys):
    call_command("import_legacy", str(old_site), "--site", "napo.localhost", "--publish-empty")
    assert "正文为空: 2" in capsys.readouterr().out
    assert all(page.live for page in _articles().values())
    record = LegacyRecord.objects.get(legacy_key__endswith="t20160601_2.htm")
    assert any(issue["code"] == "empty_body" for issue in record.issues)
