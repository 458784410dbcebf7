"""import_legacy sources: WARC, a local crawl, and bad input that must not stop a run."""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import threading
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from migrations_kit import sources
from migrations_kit.models import LegacyRecord
from migrations_kit.sources import FolderSource
from migrations_kit.urls import file_to_url
from redesign.core.models import ArticlePage

from .import_helpers import HOST, legacy_page, make_site, record_of, run_import


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """A 60-page GBK site and its manifest."""
    return make_site(tmp_path_factory.mktemp("legacy"))


def write_warc(mirror, target, truncate: bool = False, compress: bool = True) -> None:
    """Archive every mirror file as a response record (garbage after the last one if asked)."""
    files = sorted(p for p in mirror.rglob("*") if p.is_file())
    with open(target, "wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for path in files:
            url = file_to_url(path.relative_to(mirror).as_posix(), f"http://{HOST}/")
            ctype = "text/html" if path.suffix in {".htm", ".html"} else "application/octet-stream"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(path.read_bytes()), http_headers=headers
            )
            writer.write_record(record)
    if truncate:
        with open(target, "ab") as out:
            out.write(b"\x1f\x8b\x08\x00garbage-truncated-record")


def test_warc_source_imports_the_same_as_the_folder(county, legacy, tmp_path):
    out_dir, manifest = legacy
    warc = tmp_path / "site.warc.gz"
    write_warc(out_dir / HOST, warc, truncate=True)
    result = run_import(county, warc)
    articles = [r for r in manifest if r["kind"] == "article" and not r.get("duplicate_of")]
    for truth in articles:
        record = record_of(county, truth["url"])
        assert record is not None and record.page_id, truth["path"]
    assert result.counts["imported"] >= len(articles) - 1
    assert Image.objects.exists()
    assert any(r.status == "failed" and "WARC" in r.reason for r in LegacyRecord.objects.all()), (
        "the truncated record is reported"
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the mirror quietly and remember every requested path."""

    seen: list[str] = []

    def log_message(self, *args) -> None:
        """Keep the test output clean."""

    def do_GET(self) -> None:
        """Record the request, then serve it."""
        self.seen.append(self.path)
        super().do_GET()


def test_crawl_source_fetches_only_the_one_host(county, legacy, monkeypatch):
    out_dir, _ = legacy
    handler = functools.partial(_Handler, directory=str(out_dir / HOST))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    real_connect = socket.socket.connect
    contacted = []

    def guarded(sock, address):
        contacted.append(address)
        if address[0] != "127.0.0.1":
            raise AssertionError(f"request to another host: {address}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    try:
        port = server.server_address[1]
        result = run_import(county, f"http://127.0.0.1:{port}/main.htm", delay=0.0)
    finally:
        server.shutdown()
        thread.join()
    assert result.counts["imported"] > 20
    assert ArticlePage.objects.filter(legacy_url__startswith=f"http://127.0.0.1:{port}/").exists()
    assert Image.objects.exists()
    assert contacted and all(address[0] == "127.0.0.1" for address in contacted)


def test_bad_input_gets_a_line_each_and_the_run_goes_on(county, tmp_path, monkeypatch):
    root = tmp_path / "mirror" / HOST
    (root / "tzgg").mkdir(parents=True)
    outside = tmp_path / "secret.htm"
    outside.write_text(
        legacy_page(title="机密文件标题", body="不应被读取。" * 20), encoding="utf-8"
    )
    body = (
        "<p>正文第一段，内容足够长。" * 10 + "</p>"
        '<img src="../../../../../secret.htm" alt="越界">'
        '<img src="http://other-host.example/a.jpg" alt="外站">'
        '<img src="fake.jpg" alt="假图片">'
    )
    (root / "tzgg" / "good.htm").write_text(
        legacy_page(title="正常的通知", body=body), encoding="utf-8"
    )
    (root / "tzgg" / "fake.jpg").write_bytes(b"<html>not an image</html>")
    (root / "tzgg" / "empty.htm").write_bytes(b"")
    (root / "tzgg" / "binary.htm").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    (root / "tzgg" / "broken.htm").write_bytes(legacy_page(title="截断", body="x").encode()[:60])
    (root / "tzgg" / "badbytes.htm").write_bytes(b"<html><body>\xff\xfe\x81" * 50 + b"</body>")
    (root / "tzgg" / "huge.htm").write_bytes(b"<html>" + b"a" * 30000 + b"</html>")
    nested = "<table><tr><td>" * 200 + "深层表格里的正文内容。" * 20 + "</td></tr></table>" * 200
    (root / "tzgg" / "deep.htm").write_text(
        legacy_page(title="深层嵌套的表格", body=nested), encoding="utf-8"
    )
    os.symlink(outside, root / "tzgg" / "link.htm")
    monkeypatch.setattr(sources.FolderSource, "page_limit", 20000)
    monkeypatch.setattr(
        "urllib.request.urlopen", lambda *a, **k: pytest.fail("fetched another host")
    )
    result = run_import(county, tmp_path / "mirror")
    assert result.files == 9
    assert sum(result.counts.values()) == 9
    fates = {r.source_path.rsplit("/", 1)[-1]: r for r in LegacyRecord.objects.all()}
    assert set(fates) == {
        "good.htm", "deep.htm", "empty.htm", "binary.htm", "huge.htm", "link.htm",
        "broken.htm", "badbytes.htm", "fake.jpg",
    }  # fmt: skip
    assert fates["good.htm"].status == "imported"
    for problem in ("缺少图片", "secret.htm", "other-host.example/a.jpg", "不是有效图片 "):
        assert problem in fates["good.htm"].reason
    assert fates["deep.htm"].status == "imported"
    deep = ArticlePage.objects.get(title="深层嵌套的表格")
    assert "深层表格里的正文内容" in str(deep.body)
    assert fates["empty.htm"].status == "skipped" and "空文件" in fates["empty.htm"].reason
    assert fates["binary.htm"].status == "skipped" and "png" in fates["binary.htm"].reason
    assert fates["huge.htm"].status == "skipped" and "过大" in fates["huge.htm"].reason
    assert fates["link.htm"].status == "skipped" and "之外" in fates["link.htm"].reason
    assert (fates["broken.htm"].status, fates["broken.htm"].reason) == (
        "skipped",
        "非内容页（框架、导航、搜索等）",
    )
    assert (fates["badbytes.htm"].status, fates["badbytes.htm"].reason) == (
        "failed",
        "未提取到标题",
    )
    assert fates["fake.jpg"].status == "skipped" and "图片文件" in fates["fake.jpg"].reason
    page = ArticlePage.objects.get(title="正常的通知")
    assert page.get_parent().slug == "tzgg"
    assert not Image.objects.exists()
    assert not ArticlePage.objects.filter(title="机密文件标题").exists()


def test_folder_source_never_reads_outside(tmp_path):
    mirror = tmp_path / "m" / HOST
    mirror.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret")
    source = FolderSource(tmp_path / "m")
    assert source.host == HOST
    assert source.fetch(f"http://{HOST}/../../secret.txt") is None
    assert source.fetch(f"http://{HOST}/%2e%2e/%2e%2e/secret.txt") is None
    assert source.fetch("http://other.example/secret.txt") is None


def test_wget_file_names_map_back_to_urls():
    base = f"http://{HOST}/"
    assert file_to_url("content.jsp@id=123.html", base) == f"http://{HOST}/content.jsp?id=123"
    assert file_to_url("content.jsp?id=123", base) == f"http://{HOST}/content.jsp?id=123"
    assert file_to_url("a/t20100326_1003.htm", base) == f"http://{HOST}/a/t20100326_1003.htm"


def test_the_crawl_follows_page_addresses_that_list_scripts_write():
    crawl = sources.CrawlSource("http://www.qs.gov.cn/tzgg/index.html", delay=0.0)
    page = b"""<ul><script>
    var str_url = "./202106/t20210618_101.html"; var str_title = "\xb9\xd8\xd3\xda";
    document.write("<li><a href='" + str_url + "'>" + str_title + "</a></li>");
    var other = "http://elsewhere.example/a.html"; var css = "../css/main.css";
    </script><a href="../zwdt/index.html">more</a></ul>"""
    assert sorted(set(crawl._links(page, "http://www.qs.gov.cn/tzgg/index.html"))) == [
        "http://www.qs.gov.cn/tzgg/202106/t20210618_101.html",
        "http://www.qs.gov.cn/zwdt/index.html",
    ]


def test_a_span_hosts_mirror_reads_images_from_the_image_hosts_folder(county, tmp_path):
    from PIL import Image as PILImage

    site = tmp_path / "m" / HOST / "tzgg"
    site.mkdir(parents=True)
    body = "<p>全县春耕备耕工作有序推进，各乡镇农资供应充足。</p>" * 5
    body += '<img src="http://img.example-county.gov.cn/pic/2015/field.png" alt="春耕现场">'
    (site / "t20150305_1.htm").write_text(legacy_page(title="春耕备耕有序推进", body=body))
    images = tmp_path / "m" / "img.example-county.gov.cn" / "pic" / "2015"
    images.mkdir(parents=True)
    PILImage.new("RGB", (90, 60), "green").save(images / "field.png")
    (tmp_path / "m" / "cdn.other.example").mkdir()
    source = FolderSource(tmp_path / "m")
    assert source.host == HOST
    assert source.fetch("http://cdn.other.example/../" + HOST + "/tzgg/t20150305_1.htm") is None
    result = run_import(county, tmp_path / "m")
    assert result.counts["imported"] == 1
    assert result.counts["skipped"] == 1  # the image file itself, read through the page
    assert Image.objects.filter(title="春耕现场").exists()


def test_a_base_url_keeps_the_wget_host_folder_as_the_root(tmp_path):
    (tmp_path / "m" / HOST / "tzgg").mkdir(parents=True)
    source = FolderSource(tmp_path / "m", base_url=f"https://{HOST}/")
    assert source.root == (tmp_path / "m" / HOST).resolve()
    assert file_to_url("tzgg/a.htm", source.base_url) == f"https://{HOST}/tzgg/a.htm"


def test_a_warc_of_several_hosts_imports_the_sites_pages_and_others_images(county, tmp_path):
    from PIL import Image as PILImage

    picture = BytesIO()
    PILImage.new("RGB", (90, 60), "green").save(picture, "PNG")
    body = "<p>全县春耕备耕工作有序推进，各乡镇农资供应充足。</p>" * 5
    body += '<img src="http://img.example-county.gov.cn/pic/field.png" alt="春耕现场">'
    records = [
        ("http://cdn.other.example/robots.txt", "text/plain", b"User-agent: *"),
        ("http://cdn.other.example/ad.html", "text/html", legacy_page(title="外站广告页面",
                                                                       body=body).encode()),
        ("http://img.example-county.gov.cn/pic/field.png", "image/png", picture.getvalue()),
    ] + [
        (f"http://{HOST}/tzgg/t2015030{n}_1.htm", "text/html",
         legacy_page(title=f"春耕备耕第{n}期", body=body).encode())
        for n in range(1, 4)
    ]  # fmt: skip
    warc = tmp_path / "hosts.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, ctype, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=BytesIO(payload), http_headers=headers
                )
            )
    source = sources.WarcSource(warc)
    assert source.host == HOST
    result = run_import(county, warc)
    assert result.counts["imported"] == 3
    assert not ArticlePage.objects.filter(title="外站广告页面").exists()
    assert Image.objects.filter(title="春耕现场").count() == 1


def test_an_httrack_mirror_finds_its_host_folder(county, tmp_path):
    top = tmp_path / "project"
    (top / "hts-cache").mkdir(parents=True)
    (top / "hts-cache" / "new.txt").write_text("cache", encoding="utf-8")
    (top / "index.html").write_text("<html><body>HTTrack Website Copier</body></html>")
    (top / "backblue.gif").write_bytes(b"GIF89a")
    site = top / HOST / "tzgg"
    site.mkdir(parents=True)
    body = "<p>全县春耕备耕工作有序推进，各乡镇农资供应充足。</p>" * 5
    (site / "t20150305_1.htm").write_text(legacy_page(title="春耕备耕有序推进", body=body))
    source = FolderSource(top)
    assert source.host == HOST
    result = run_import(county, top)
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get()
    assert page.legacy_url == f"http://{HOST}/tzgg/t20150305_1.htm"
    skipped = LegacyRecord.objects.filter(status="skipped").values_list("reason", flat=True)
    assert "镜像工具的文件" in set(skipped)


def write_httrack_cache(path, entries) -> None:
    """An hts-cache/new.zip as HTTrack writes it: URL names, headers in the local extra field."""
    import struct
    import zlib

    local, central = b"", b""
    for url, saved in entries:
        name = url.encode()
        extra = f"X-In-Cache: 0\r\nX-StatusCode: 200\r\nX-Save: {saved}\r\n".encode()
        crc = zlib.crc32(b"")
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, crc, 0, 0, len(name),
                             len(extra)) + name + extra  # fmt: skip
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, crc, 0, 0,
                               len(name), 0, 0, 0, 0, 0, offset) + name  # fmt: skip
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(local), 0)  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(local + central + end)


def test_an_httrack_cache_restores_the_original_urls_of_renamed_pages(county, tmp_path, client):
    top = tmp_path / "project"
    site = top / HOST
    site.mkdir(parents=True)
    body = "<p>全县春耕备耕工作有序推进，各乡镇农资供应充足。</p>" * 5
    (site / "content4a1b.html").write_text(legacy_page(title="春耕备耕有序推进", body=body))
    write_httrack_cache(
        top / "hts-cache" / "new.zip",
        [(f"http://{HOST}/content.jsp?id=123", f"{HOST}/content4a1b.html")],
    )
    result = run_import(county, top)
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get()
    assert page.legacy_url == f"http://{HOST}/content.jsp?id=123"
    response = client.get("/content.jsp?id=123", HTTP_HOST=county.site.hostname)
    assert response.status_code == 301
    assert response["Location"].endswith(f"/{page.slug}/")


def test_every_source_type_satisfies_the_source_protocol(tmp_path):
    (tmp_path / "m" / HOST).mkdir(parents=True)
    warc = tmp_path / "one.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(
            writer.create_warc_record(
                f"http://{HOST}/a.htm", "response", payload=BytesIO(b"<p>x</p>"),
                http_headers=headers,
            )
        )  # fmt: skip
    opened = [
        sources.open_source(str(tmp_path / "m")),
        sources.open_source(str(warc)),
        sources.open_source(f"http://{HOST}/index.htm", delay=0.0),
    ]
    assert [type(s) for s in opened] == [FolderSource, sources.WarcSource, sources.CrawlSource]
    for source in opened:
        assert isinstance(source, sources.Source), type(source)
        assert source.host == HOST and source.base_url == f"http://{HOST}/"
        source.close()
    assert not isinstance(object(), sources.Source)


def test_source_items_have_a_file_kind(tmp_path):
    root = tmp_path / "m" / HOST
    (root / "css").mkdir(parents=True)
    for name in ("index.htm", "a.jpg", "b.pdf", "css/main.css", "c.xyz", "content.jsp@id=1"):
        (root / name).write_bytes(b"x")
    kinds = {item.path.rsplit("/", 1)[-1]: item.kind for item in FolderSource(tmp_path / "m")}
    assert kinds == {
        "index.htm": sources.FileKind.PAGE,
        "a.jpg": sources.FileKind.IMAGE,
        "b.pdf": sources.FileKind.DOCUMENT,
        "main.css": sources.FileKind.STATIC,
        "c.xyz": sources.FileKind.UNKNOWN,
        "content.jsp@id=1": sources.FileKind.PAGE,
    }
    assert all(isinstance(kind, sources.FileKind) for kind in kinds.values())
    assert sources.FileKind.PAGE == "page" and str(sources.FileKind.IMAGE) == "image"
    html = sources.SourceItem(f"http://{HOST}/show.xyz", "show.xyz", content_type="text/html")
    assert html.kind is sources.FileKind.PAGE
    assert sources.FileKind.of(f"http://{HOST}/list/") is sources.FileKind.PAGE
    with pytest.raises(AttributeError):
        html.url = "http://elsewhere.example/"  # items are values


def test_a_source_item_reads_through_its_loader_only():
    item = sources.SourceItem(f"http://{HOST}/a.htm", "a.htm", loader=lambda: (b"<p>x</p>", False))
    assert item.read() == (b"<p>x</p>", False)
    assert sources.SourceItem(f"http://{HOST}/b.htm", "b.htm", error="坏").read() == (b"", False)
    assert item.key == f"http://{HOST}/a.htm"


def _cut(source, target, fraction: float) -> None:
    """A copy of an archive cut short, as an interrupted download leaves it."""
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * fraction)])


def test_a_cut_warc_imports_what_it_can_then_says_so_and_exits_non_zero(county, legacy, tmp_path):
    out_dir, _ = legacy
    whole = tmp_path / "whole.warc.gz"
    write_warc(out_dir / HOST, whole)
    cut = tmp_path / "cut.warc.gz"
    _cut(whole, cut, 0.6)
    report = tmp_path / "r"
    with pytest.raises(CommandError, match="来源已损坏：WARC 文件不完整"):
        call_command(
            "import_legacy", str(cut), "--site", "napo.localhost:80", "--report", str(report),
            stdout=StringIO(),
        )  # fmt: skip
    assert ArticlePage.objects.exists(), "what could be read is imported"
    summary = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert "WARC 文件不完整" in summary["source_damaged"]
    assert "来源已损坏" in (report / "report.html").read_text(encoding="utf-8")
    assert LegacyRecord.objects.filter(status="failed", reason__contains="WARC").count() == 1
    assert sources.WarcSource(whole).damaged is None


def test_a_garbage_warc_is_a_damaged_source(county, tmp_path):
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 20)
    with pytest.raises(CommandError, match="来源已损坏"):
        call_command(
            "import_legacy", str(garbage), "--site", "napo.localhost:80", stdout=StringIO()
        )
    assert not ArticlePage.objects.exists()


def _last_record_cut(data: bytes, where: str) -> bytes:
    """An uncompressed WARC cut inside its last record: its WARC or HTTP headers, or its content."""
    start = data.rindex(b"WARC/1.0\r\n")
    if where == "warc-headers":
        return data[: start + 40]
    block = data.index(b"\r\n\r\n", start) + 4
    if where == "http-headers":
        return data[: block + 20]
    length = int(data[start:block].split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return data[: block + length // 2]


@pytest.fixture
def plain_warc(legacy, tmp_path):
    """The 60-page site as one uncompressed .warc file."""
    out_dir, _ = legacy
    whole = tmp_path / "whole.warc"
    write_warc(out_dir / HOST, whole, compress=False)
    return whole


def test_a_cut_uncompressed_warc_imports_what_it_can_then_says_so_and_exits_non_zero(
    county, plain_warc, tmp_path
):
    cut = tmp_path / "cut.warc"
    cut.write_bytes(_last_record_cut(plain_warc.read_bytes(), "content"))
    report = tmp_path / "r"
    with pytest.raises(CommandError, match="来源已损坏：WARC 文件不完整"):
        call_command(
            "import_legacy", str(cut), "--site", "napo.localhost:80", "--report", str(report),
            stdout=StringIO(),
        )  # fmt: skip
    assert ArticlePage.objects.exists(), "what could be read is imported"
    summary = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert "缺少" in summary["source_damaged"] and "已丢弃" in summary["source_damaged"]
    assert "来源已损坏" in (report / "report.html").read_text(encoding="utf-8")
    assert LegacyRecord.objects.filter(status="failed", reason__contains="WARC").count() == 1
    assert sources.WarcSource(plain_warc).damaged is None


@pytest.mark.parametrize(
    ("damage", "records_lost"),
    [
        (lambda data: _last_record_cut(data, "content"), 1),
        (lambda data: _last_record_cut(data, "warc-headers"), 1),
        (lambda data: _last_record_cut(data, "http-headers"), 1),
        (lambda data: data + b"<html><body>stray bytes after the archive</body></html>", 0),
        (lambda data: data + b"WARC/1.0\r\n", 0),
    ],
    ids=[
        "cut-in-content",
        "cut-in-warc-headers",
        "cut-in-http-headers",
        "trailing-garbage",
        "trailing-half-header",
    ],
)
def test_a_damaged_uncompressed_warc_keeps_its_whole_records_and_says_why(
    plain_warc, tmp_path, damage, records_lost
):
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(damage(plain_warc.read_bytes()))
    whole, source = sources.WarcSource(plain_warc), sources.WarcSource(damaged)
    assert source.damaged is not None and source.damaged.startswith("WARC")
    assert [url for url, _, _ in source.order] == [
        url for url, _, _ in whole.order[: len(whole.order) - records_lost]
    ]
    assert list(source)[-1].error == source.damaged, "the damage is a line of the report"


def test_blank_lines_after_the_last_record_are_no_damage(plain_warc, tmp_path):
    padded = tmp_path / "padded.warc"
    padded.write_bytes(plain_warc.read_bytes() + b"\r\n\r\n\n")
    assert sources.WarcSource(padded).damaged is None
