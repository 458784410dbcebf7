"""The import reports where each date came from; --date-policy strict never shows a guessed one."""

from __future__ import annotations

import pytest

from redesign.core.models import ArticlePage

from .import_helpers import run_import

PAGE = (
    "<html><head><meta charset='utf-8'><title>{title}_青山县人民政府</title></head><body>"
    "<div class='main'><h1>{title}</h1>{meta}<div class='content'>"
    "<p>2016年3月15日，县人力资源和社会保障局召开全县人事工作会议，总结去年工作，部署今年任务，"
    "要求进一步做好公务员招录、专业技术职称评审和人才引进工作。</p>"
    "<p>会议要求各单位规范人事管理，认真落实各项制度，确保全年目标任务顺利完成。</p>"
    "</div></div></body></html>"
)


def shown_day(page) -> str | None:
    """The page's shown date as YYYY-MM-DD, in the cluster's time zone."""
    from redesign.core.workdays import local_zone

    return (
        page.publish_date.astimezone(local_zone()).date().isoformat() if page.publish_date else None
    )


def write(folder, name: str, title: str, meta: str = "") -> None:
    """One old article."""
    path = folder / "rsxx" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, meta=meta), encoding="utf-8")


@pytest.fixture
def old_site(tmp_path):
    """Three articles: a printed date, a URL date, and only a date in the body text."""
    write(tmp_path, "a.html", "全县人事工作会议召开", "<p>发布时间：2017-05-24</p>")
    write(tmp_path, "t20170601_2.html", "职称评审工作启动")
    write(tmp_path, "show.html", "人才引进工作有序推进")
    return tmp_path


def test_the_report_counts_each_kind_of_date_evidence(county, old_site):
    """printed, url and a guess from the body, which is listed for checking."""
    result = run_import(county, old_site)
    assert result.date_sources == {"printed": 1, "url": 1, "body_guess": 1}
    assert result.guessed_dates == 1
    shown = {page.title: shown_day(page) for page in ArticlePage.objects.all()}
    assert shown == {
        "全县人事工作会议召开": "2017-05-24",
        "职称评审工作启动": "2017-06-01",
        "人才引进工作有序推进": "2016-03-15",
    }


def test_strict_policy_imports_a_guessed_page_without_a_date(county, old_site):
    """strict: the body's date is not shown; the page is listed under 无日期."""
    result = run_import(county, old_site, date_policy="strict")
    assert result.date_sources == {"printed": 1, "url": 1}
    assert result.guessed_dates == 0
    assert result.no_date == 1
    assert ArticlePage.objects.get(title="人才引进工作有序推进").publish_date is None


def test_the_command_takes_the_policy_and_prints_the_sources(county, old_site):
    """import_legacy --date-policy strict: the summary names each evidence and its count."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command(
        "import_legacy", str(old_site), "--site", "napo.localhost:80", "--date-policy", "strict",
        stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert "日期来源: 页面所示 1　网址 1" in text
    assert "无日期: 1" in text
