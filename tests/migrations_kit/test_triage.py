"""The importer's routing rules for one file, without a database."""

from __future__ import annotations

import pytest

from migrations_kit.extract import ExtractedPage
from migrations_kit.sources import PAGE_LIMIT, SourceItem
from migrations_kit.triage import Route, after_extraction, before_reading, page_text, unreadable

HOST = "www.napo.gov.cn"


def item(path: str, **fields) -> SourceItem:
    """A source item of the legacy host."""
    return SourceItem(url=f"http://{HOST}/{path}", path=path, **fields)


def page(kind: str = "article", **fields) -> ExtractedPage:
    """An extraction result."""
    return ExtractedPage(file="x.htm", encoding="gb18030", kind=kind, **fields)


@pytest.mark.parametrize(
    ("path", "fields", "route", "reason"),
    [
        ("a.htm", {"skip": "镜像之外的文件"}, Route.SKIP, "镜像之外的文件"),
        ("a.htm", {"error": "读取失败"}, Route.FAIL, "读取失败"),
        ("img/a.jpg", {}, Route.SKIP, "图片文件（随引用它的页面导入）"),
        ("files/a.pdf", {}, Route.SKIP, "附件文件（随引用它的页面导入）"),
        ("css/site.css", {}, Route.SKIP, "样式、脚本等站点文件，无需导入"),
        ("a.htm", {"size": PAGE_LIMIT + 1}, Route.SKIP, "页面过大（8.0 MB），未导入"),
    ],
)
def test_files_that_need_no_reading_are_decided_by_what_the_source_knows(
    path, fields, route, reason
):
    decision = before_reading(item(path, **fields))
    assert decision is not None
    assert (decision.route, decision.reason) == (route, reason)
    assert decision.status == ("failed" if route == Route.FAIL else "skipped")


def test_a_page_of_normal_size_must_be_read():
    assert before_reading(item("zwdt/t20200101_1.htm", size=2000)) is None


@pytest.mark.parametrize(
    ("error", "route", "reason"),
    [
        ("empty file", Route.SKIP, "空文件"),
        ("not a text page: png", Route.SKIP, "扩展名是网页，内容不是（png）"),
        ("encoding unknown", Route.FAIL, "无法解析: encoding unknown"),
    ],
)
def test_unreadable_pages_say_why(error, route, reason):
    decision = unreadable(page(kind="other", error=error))
    assert (decision.route, decision.reason) == (route, reason)


def test_a_refresh_stub_to_the_same_host_is_an_alias_of_its_target():
    stub = page(kind="other", refresh_to=f"http://{HOST}/zwdt/index.htm")
    decision = after_extraction(item("old/jump.htm"), b"", stub, [], HOST)
    assert decision.route == Route.ALIAS
    assert decision.target == f"http://{HOST}/zwdt/index.htm"


def test_a_refresh_stub_to_another_host_is_not_followed():
    stub = page(kind="other", refresh_to="http://elsewhere.example/")
    decision = after_extraction(item("old/jump.htm"), b"", stub, [], HOST)
    assert decision.route == Route.SKIP


def test_the_old_home_and_list_pages_route_to_home_and_columns():
    home = after_extraction(item("index.htm"), b"", page(kind="other"), [], HOST)
    assert (home.route, home.kind) == (Route.HOME, "home")
    listing = after_extraction(item("tzgg/index_2.htm"), b"", page(kind="other"), [], HOST)
    assert (listing.route, listing.kind) == (Route.LIST, "column")
    crumbs = after_extraction(item("col/col123.html"), b"", page(kind="other"), ["通知"], HOST)
    assert crumbs.route == Route.LIST


def test_content_needs_a_title_and_is_not_a_form():
    untitled = after_extraction(item("a/t1.htm"), b"", page(), [], HOST)
    assert (untitled.route, untitled.reason) == (Route.FAIL, "未提取到标题")
    form = after_extraction(item("a/ly.htm"), b"<TEXTAREA>", page(title="我要留言"), [], HOST)
    assert (form.route, form.reason) == (Route.SKIP, "表单页面（留言、申请等），未导入")
    article = page(title="全县春耕会议召开", body_text="正文" * 200)
    assert after_extraction(item("a/t2.htm"), b"", article, [], HOST).route == Route.CONTENT


def test_page_text_falls_back_to_utf8_for_an_unknown_encoding():
    assert page_text("政务".encode(), "no-such-codec") == "政务"
    assert page_text("政务".encode("gb18030"), "gb18030") == "政务"
