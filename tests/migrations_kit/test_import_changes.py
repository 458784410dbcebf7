"""import_legacy over a changing legacy site: updates, editor conflicts, rollback, options."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page

from migrations_kit.mapping import load_mapping_file
from migrations_kit.models import ImportRun, LegacyRecord
from redesign.core.models import ArticlePage

from .import_helpers import copy_site, make_site, record_of, run_import


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A 60-page GBK site and its manifest, never changed."""
    return make_site(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def legacy(pristine, tmp_path):
    """A private copy of the site that a test may change."""
    out_dir, manifest = pristine
    return copy_site(out_dir, tmp_path / "site"), manifest


def article_with_image(manifest):
    """The first article record with an existing image."""
    return next(
        r
        for r in manifest
        if r["kind"] == "article"
        and not r["duplicates"]
        and not r.get("duplicate_of")
        and any(i["exists"] for i in r["images"])
    )


def rewrite(out_dir, truth, old: str, new: str) -> None:
    """Change a legacy page's text in place (GBK bytes)."""
    path = out_dir / "www.example-county.gov.cn" / truth["path"]
    text = path.read_bytes().decode(truth["encoding"])
    assert old in text
    path.write_bytes(text.replace(old, new).encode(truth["encoding"]))


def body_text(page) -> str:
    """The paragraphs of a page body."""
    return "".join(str(b["value"]) for b in page.body.raw_data if b["type"] == "paragraph")


def test_changed_legacy_page_updates_its_page(county, legacy):
    out_dir, manifest = legacy
    run_import(county, out_dir)
    truth = article_with_image(manifest)
    rewrite(out_dir, truth, truth["body_end"][-10:], "这是修改后的新内容。")
    result = run_import(county, out_dir)
    assert result.counts["updated"] == 1
    record = record_of(county, truth["url"])
    assert record.status == LegacyRecord.Status.UPDATED
    page = ArticlePage.objects.get(pk=record.page_id)
    assert "这是修改后的新内容" in body_text(page)
    assert page.live and not page.has_unpublished_changes


def test_editor_change_wins_and_the_import_becomes_a_conflict_draft(county, legacy):
    out_dir, manifest = legacy
    run_import(county, out_dir)
    truth = article_with_image(manifest)
    page = ArticlePage.objects.get(pk=record_of(county, truth["url"]).page_id)
    editor = get_user_model().objects.create_superuser("editor", password="x")  # noqa: S106
    page.title = "编辑修改过的标题"
    page.save_revision(user=editor).publish(user=editor)
    rewrite(out_dir, truth, truth["body_end"][-10:], "旧站后来又改了。")
    result = run_import(county, out_dir)
    assert result.counts["conflict"] == 1
    record = record_of(county, truth["url"])
    assert record.status == LegacyRecord.Status.CONFLICT
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.title == "编辑修改过的标题"
    assert "旧站后来又改了" not in body_text(live)
    draft = live.get_latest_revision_as_object()
    assert "旧站后来又改了" in body_text(draft)
    assert live.latest_revision.user is None


def test_rollback_removes_what_the_run_created(county, legacy):
    out_dir, _ = legacy
    before = (Page.objects.count(), Image.objects.count(), Redirect.objects.count())
    result = run_import(county, out_dir)
    assert ArticlePage.objects.exists() and Redirect.objects.exists() and Image.objects.exists()
    out = StringIO()
    call_command("import_legacy", rollback=result.run_id, stdout=out)
    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()
    assert Image.objects.count() == before[1]
    holding = 1 if Page.objects.filter(slug="daizhengli").exists() else 0
    assert Page.objects.count() == before[0] + holding
    assert ImportRun.objects.get(pk=result.run_id).status == "rolled_back"
    assert "回滚" in out.getvalue()
    again = run_import(county, out_dir)
    assert again.counts["imported"] == result.counts["imported"]


def test_rollback_keeps_pages_an_editor_changed(county, legacy):
    out_dir, manifest = legacy
    result = run_import(county, out_dir)
    truth = article_with_image(manifest)
    page = ArticlePage.objects.get(pk=record_of(county, truth["url"]).page_id)
    editor = get_user_model().objects.create_superuser("editor2", password="x")  # noqa: S106
    page.save_revision(user=editor).publish(user=editor)
    call_command("import_legacy", rollback=result.run_id, stdout=StringIO())
    assert list(ArticlePage.objects.values_list("pk", flat=True)) == [page.pk]


def test_mapping_file_overrides_the_guess(county, legacy, tmp_path):
    out_dir, manifest = legacy
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  zwgk/rsxx: zcwj\n  规划计划: tzgg\n", encoding="utf-8")
    call_command(
        "import_legacy",
        str(out_dir),
        site="napo.localhost",
        mapping=str(mapping),
        stdout=StringIO(),
    )
    for truth in manifest:
        if truth["kind"] == "article" and truth["column"] in {"zwgk/rsxx", "zwgk/ghjh"}:
            page = Page.objects.get(pk=record_of(county, truth["url"]).page_id)
            expected = "zcwj" if truth["column"] == "zwgk/rsxx" else "tzgg"
            assert page.get_parent().slug == expected


def test_command_prints_progress_and_summary(county, legacy, tmp_path):
    out = StringIO()
    call_command(
        "import_legacy", str(legacy[0]), site="napo.localhost", report=str(tmp_path / "r"),
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    text = out.getvalue()
    assert "已处理" in text and "新导入" in text and "report.html" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/mirror", "--site", "napo.localhost"], "源不存在"),
        (["{src}", "--site", "nowhere.localhost"], "站点不存在"),
        (["--site", "napo.localhost"], "缺少 SOURCE"),
        (["{src}", "--site", "napo.localhost", "--mapping", "{bad}"], "映射文件格式错误"),
        (["{src}", "--site", "napo.localhost", "--mapping", "{unknown}"], "不存在"),
        (["--rollback", "999"], "不存在"),
    ],
)
def test_bad_arguments_are_one_line_command_errors(county, legacy, tmp_path, args, message):
    bad = tmp_path / "bad.toml"
    bad.write_text("columns = [unclosed", encoding="utf-8")
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("zwgk/rsxx: no-such-column\n", encoding="utf-8")
    values = {"src": str(legacy[0]), "bad": str(bad), "unknown": str(unknown)}
    argv = [a.format(**values) for a in args]
    with pytest.raises(CommandError) as info:
        call_command("import_legacy", *argv, stdout=StringIO())
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_a_changed_page_and_its_copy_update_the_page_once(county, legacy):
    out_dir, manifest = legacy
    run_import(county, out_dir)
    original = next(r for r in manifest if r["kind"] == "article" and r["duplicates"])
    copies = [r for r in manifest if r.get("duplicate_of") == original["path"]]
    assert copies
    page_id = record_of(county, original["url"]).page_id
    for truth in (original, *copies):
        rewrite(out_dir, truth, truth["body_end"][-10:], "两份同时修改。")
    result = run_import(county, out_dir)
    assert result.counts["updated"] == 1
    records = [record_of(county, truth["url"]) for truth in (original, *copies)]
    assert {record.page_id for record in records} == {page_id}
    statuses = sorted(record.status for record in records)
    assert statuses == sorted(["updated"] + ["duplicate"] * len(copies))
    page = ArticlePage.objects.get(pk=page_id)
    assert page.revisions.count() == 2
    assert "两份同时修改" in body_text(page)


def test_a_later_mapping_moves_pages_already_imported(county, legacy, tmp_path, client):
    out_dir, manifest = legacy
    run_import(county, out_dir)
    planned = [
        t
        for t in manifest
        if t["kind"] == "article"
        and t["column"] in {"zwgk/rsxx", "zwgk/ghjh"}
        and not t.get("duplicate_of")
    ]
    assert len(planned) >= 2
    pages = [Page.objects.get(pk=record_of(county, t["url"]).page_id) for t in planned]
    # no twin in the new site: each old column came across as a new column of its own
    assert {page.get_parent().slug for page in pages} == {"rsxx", "ghjh"}
    sections = {t["old_column"][0] for t in planned}
    assert {page.get_parent().get_parent().title for page in pages} == sections
    moved_by_hand = pages[0]
    editor = get_user_model().objects.create_superuser("chief", password="x")
    moved_by_hand.move(Page.objects.get(slug="tzgg"), pos="last-child", user=editor)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[columns]\n"人事信息" = "zcwj"\n"规划计划" = "zcwj"\n', encoding="utf-8")
    result = run_import(county, out_dir, mapping=load_mapping_file(mapping))
    assert result.counts["updated"] == len(pages) - 1
    for page in pages:
        page.refresh_from_db()
    assert pages[0].get_parent().slug == "tzgg"
    assert {page.get_parent().slug for page in pages[1:]} == {"zcwj"}
    fates = LegacyRecord.objects.filter(page__in=pages[1:]).values_list("reason", flat=True)
    assert all("栏目调整" in reason for reason in fates)
    old = planned[1]["url"].split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{old}", HTTP_HOST="napo.localhost")
    assert response.status_code == 301
    assert response["Location"].endswith(f"/zcwj/{pages[1].slug}/")
    again = run_import(county, out_dir, mapping=load_mapping_file(mapping))
    assert again.counts["updated"] == 0


def test_a_dry_run_writes_the_column_plan_as_a_mapping_file(county, legacy, tmp_path, capsys):
    out_dir, manifest = legacy
    report = tmp_path / "plan"
    call_command("import_legacy", str(out_dir), site="napo.localhost", dry_run=True,
                 report=str(report))  # fmt: skip
    out = capsys.readouterr().out
    assert "栏目对应" in out and "通知公告 → 通知公告" in out
    plan = json.loads((report / "report.json").read_text(encoding="utf-8"))["columns"]
    assert sum(row["pages"] for row in plan) > 0
    mapping = load_mapping_file(report / "mapping.toml")
    key = next(old for old, slug in mapping.items() if old.endswith("通知公告"))
    assert mapping[key] == "tzgg"
    text = (report / "mapping.toml").read_text(encoding="utf-8")
    edited = tmp_path / "mapping.toml"
    line = f'"{key}" = "tzgg"'
    assert line in text
    edited.write_text(text.replace(line, f'"{key}" = "zwdt"'), encoding="utf-8")
    run_import(county, out_dir, mapping=load_mapping_file(edited))
    notices = [
        t
        for t in manifest
        if t["kind"] == "article" and t["column_name"] == "通知公告" and not t.get("duplicate_of")
    ]
    assert notices
    for truth in notices:
        page = Page.objects.get(pk=record_of(county, truth["url"]).page_id)
        assert page.get_parent().slug == "zwdt"
