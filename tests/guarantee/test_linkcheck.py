"""不可用链接: the link and image check of a site's own pages, its command and its report."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.rich_text import RichText

from redesign.core.models import StandardPage
from redesign.guarantee.linkcheck import check_site, latest_runs, prune_runs
from redesign.guarantee.linkcheck.extract import links_in, normalize
from redesign.guarantee.models import BrokenLink, LinkCheckRun, LinkKind
from tests.conftest import add_article, column_of, make_image

REPORT_URL = "/admin/reports/broken-links/"


class _StubHandler(BaseHTTPRequestHandler):
    """A host outside the cluster: /ok answers 200, everything else 404."""

    def _answer(self) -> None:
        """Record the request and answer by path."""
        self.server.requests.append((self.command, self.path))
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = _answer

    def log_message(self, *args) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def stub():
    """A local HTTP server on 127.0.0.1 standing for an external site."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StubHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _paragraph(*links: str) -> tuple:
    """A paragraph block holding one link to each address."""
    anchors = "".join(f'<a href="{href}">链接{i}</a>，' for i, href in enumerate(links))
    return ("paragraph", RichText(f"<p>相关链接：{anchors}</p>"))


def _image_block(image) -> tuple:
    """An image block showing the image."""
    return ("image", {"image": image, "alt": "县城风貌", "caption": "", "credit": ""})


@pytest.fixture
def linked(county, other_county, stub):
    """那坡县 with one page of links, one page of images; 靖西市 with a broken link of its own."""
    cache.clear()  # renditions of an earlier test's images (same ids, other media folder)
    external = f"http://127.0.0.1:{stub.server_port}"
    links = add_article(
        column_of(county, "yaowen"),
        "链接测试文章",
        body=[
            _paragraph(
                "/no-such-page/",
                "/media/original_images/missing.jpg",
                "http://jingxi.localhost/",
                f"{external}/missing",
                f"{external}/ok",
                "mailto:office@napo.gov.cn",
                "tel:0776-1234567",
                "javascript:void(0)",
                "#top",
            )
        ],
    )
    present = make_image(county.collection, title="完好图片")
    lost = make_image(county.collection, title="丢失原图", colour="#aa0000")
    images = add_article(
        column_of(county, "zwdt"),
        "图片测试文章",
        body=[_image_block(present), _image_block(lost)],
    )
    default_storage.delete(lost.file.name)
    lost.renditions.all().delete()
    theirs = add_article(
        column_of(other_county, "yaowen"), "靖西文章", body=[_paragraph("/jingxi-missing/")]
    )
    return {"links": links, "images": images, "theirs": theirs, "external": external}


def _by_target(run) -> dict[str, BrokenLink]:
    """The run's broken links by the path (or address) they point at."""
    return {link.target_url.replace("http://napo.localhost", ""): link for link in run.broken_links}


# --- extraction --------------------------------------------------------------------------------


def test_links_images_and_srcsets_are_read_and_skipped_schemes_dropped():
    html = b"""<html><head><base href="/news/"></head><body>
      <a href="a.html#part">a</a><a href="https://Other.example:443/x">x</a>
      <a href="mailto:a@b.cn">m</a><a href="#top">t</a><a href="javascript:go()">j</a>
      <img src="/media/i.png"><img srcset="/media/s-1x.png 1x, /media/s-2x.png 2x">
      <picture><source srcset="/media/p.webp"></picture></body></html>"""
    found = links_in(html, "http://napo.localhost/news/item/")
    assert [(f.url, f.is_image) for f in found] == [
        ("http://napo.localhost/news/a.html", False),
        ("https://other.example/x", False),
        ("http://napo.localhost/media/i.png", True),
        ("http://napo.localhost/media/s-1x.png", True),
        ("http://napo.localhost/media/p.webp", True),
    ]
    assert normalize("http://[bad", "http://napo.localhost/") is None
    assert normalize("ftp://files.example/x", "http://napo.localhost/") is None


# --- the check ---------------------------------------------------------------------------------


def test_a_site_check_counts_broken_links_and_missing_images_with_their_pages(linked, stub):
    run = check_site(linked["links"].get_site())
    broken = _by_target(run)

    internal = broken["/no-such-page/"]
    assert (internal.kind, internal.status, internal.page_id) == (
        LinkKind.INTERNAL,
        404,
        linked["links"].pk,
    )
    assert internal.page_url == linked["links"].full_url
    media = broken["/media/original_images/missing.jpg"]
    assert (media.kind, media.status, media.reason) == (LinkKind.IMAGE, None, "文件不存在")
    lost = [link for link in run.broken_links if link.page_id == linked["images"].pk]
    assert [(link.kind, link.reason) for link in lost] == [(LinkKind.IMAGE, "文件不存在")]

    assert (run.broken_internal, run.missing_images, run.broken_external) == (1, 2, 0)
    assert not any("jingxi" in link.target_url for link in run.broken_links)
    assert not any(link.target_url.startswith(linked["external"]) for link in run.broken_links)
    assert stub.requests == []  # other hosts are not asked unless allowed
    live = Page.objects.live().descendant_of(run.site.root_page, inclusive=True).count()
    assert run.pages_checked == live == 12 and run.links_checked > 50
    assert not run.external_checked and not run.truncated and not run.error

    saved = LinkCheckRun.objects.get()
    assert saved.pk == run.pk and saved.finished_at is not None
    assert BrokenLink.objects.filter(run=saved).count() == 3


def test_external_links_are_asked_only_when_allowed(linked, stub, settings):
    site = linked["links"].get_site()
    settings.REDESIGN_LINKCHECK_ALLOW_PRIVATE = True
    run = check_site(site, external=True)
    external = [link for link in run.broken_links if link.kind == LinkKind.EXTERNAL]
    assert [(link.target_url, link.status) for link in external] == [
        (f"{linked['external']}/missing", 404)
    ]
    assert run.broken_external == 1 and run.external_checked
    assert ("HEAD", "/missing") in stub.requests and ("HEAD", "/ok") in stub.requests

    stub.requests.clear()
    settings.REDESIGN_LINKCHECK_EXTERNAL = True
    assert check_site(site, save=False).broken_external == 1  # the setting's default
    assert stub.requests


def test_external_links_to_private_addresses_are_never_asked(linked, stub, settings):
    settings.REDESIGN_LINKCHECK_ALLOW_PRIVATE = False
    run = check_site(linked["links"].get_site(), external=True, save=False)
    assert stub.requests == [] and run.broken_external == 0


def test_a_page_that_does_not_answer_is_a_broken_internal_link(linked, monkeypatch):
    def fail(self, request, *args, **kwargs):
        raise RuntimeError("模板出错")

    monkeypatch.setattr(StandardPage, "serve", fail)
    run = check_site(linked["links"].get_site(), save=False)
    unreachable = [link for link in run.broken_links if link.reason.startswith("页面无法访问")]
    assert len(unreachable) == 3  # 概况信息, 机构职能, 负责人信息
    assert {link.status for link in unreachable} == {500}
    assert all(link.page_url == link.target_url for link in unreachable)


def test_max_pages_bounds_the_walk_and_marks_the_run_truncated(linked):
    run = check_site(linked["links"].get_site(), max_pages=2, save=False)
    assert run.pages_checked == 2 and run.truncated
    assert not LinkCheckRun.objects.exists()


def test_only_the_latest_runs_are_kept_and_read_in_one_query(
    county, other_county, django_assert_num_queries
):
    site, other = county.site, other_county.site
    runs = [
        LinkCheckRun.objects.create(site=site, finished_at="2026-01-01T00:00Z") for _ in range(7)
    ]
    LinkCheckRun.objects.create(site=site)  # still running: not the latest finished
    mine = LinkCheckRun.objects.create(site=other, finished_at="2026-01-02T00:00Z")
    assert prune_runs(site) == 3
    assert LinkCheckRun.objects.filter(site=site).count() == 5
    with django_assert_num_queries(1):
        latest = latest_runs([site.pk, other.pk])
    assert latest == {site.pk: runs[-1], other.pk: mine}


# --- the command -------------------------------------------------------------------------------


def test_the_command_prints_a_table_per_site_and_saves_the_runs(linked):
    out = StringIO()
    call_command("check_links", "--site", "napo.localhost", stdout=out)
    text = out.getvalue()
    assert "那坡县人民政府（napo.localhost）" in text
    assert "站内不可用 1  外部不可用 0  缺失图片 2  外部链接：未检查" in text
    assert "http://napo.localhost/no-such-page/" in text and "页面不存在（404）" in text
    assert "共检查 1 个站点。" in text
    assert list(LinkCheckRun.objects.values_list("site__hostname", flat=True)) == ["napo.localhost"]


def test_the_commands_dry_run_writes_nothing(linked):
    out = StringIO()
    call_command("check_links", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "靖西市人民政府（jingxi.localhost）" in text and "/jingxi-missing/" in text
    assert "试运行：未保存结果" in text
    assert not LinkCheckRun.objects.exists() and not BrokenLink.objects.exists()


def test_the_command_refuses_an_unknown_site_and_a_bad_bound(county):
    with pytest.raises(CommandError, match="没有主机名为 nowhere.localhost 的站点"):
        call_command("check_links", "--site", "nowhere.localhost", stdout=StringIO())
    with pytest.raises(CommandError, match="--max-pages"):
        call_command("check_links", "--max-pages", "0", stdout=StringIO())


# --- the report --------------------------------------------------------------------------------


@pytest.fixture
def checked(linked):
    """Both sites checked once."""
    for page in (linked["links"], linked["theirs"]):
        check_site(page.get_site())
    return linked


def test_the_report_shows_only_the_users_own_sites(client, checked, staff):
    client.force_login(staff["reviewer"])
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "http://napo.localhost/no-such-page/" in text and "链接测试文章" in text
    assert "jingxi" not in text and "靖西" not in text

    for variant in ({"kind": "internal"}, {"export": "csv"}):
        answer = client.get(REPORT_URL, variant)
        body = b"".join(answer.streaming_content) if answer.streaming else answer.content
        assert "no-such-page" in body.decode() and "jingxi" not in body.decode()
    images = client.get(REPORT_URL, {"kind": "image"}).content.decode()
    assert "no-such-page" not in images and "missing.jpg" in images

    other_site = checked["theirs"].get_site()
    refused = client.get(REPORT_URL, {"site": other_site.pk}).content.decode()
    assert "jingxi-missing" not in refused


def test_administrators_see_every_sites_broken_links(client, checked):
    root = get_user_model().objects.create_superuser("links_root", password="x-pass-123456")
    client.force_login(root)
    text = client.get(REPORT_URL).content.decode()
    assert "no-such-page" in text and "jingxi-missing" in text
    menu = client.get("/admin/").content.decode()
    assert REPORT_URL in menu
