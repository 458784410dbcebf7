"""Tests for the legacy site generator and the make_legacy_site command."""

import hashlib
import io
import json
import posixpath
import re
import zipfile
from datetime import date
from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from redesign.demo.legacy_site import MIN_PAGES, generate_site, read_manifest
from redesign.demo.legacy_site.plan import SitePlan, list_pages

PAGE_KINDS = {
    "home",
    "frameset",
    "frame",
    "section",
    "list",
    "article",
    "static",
    "search",
    "sitemap",
    "form",
}
BODY_XPATH = {
    "div.TRS_Editor": '//div[@class="TRS_Editor"]',
    "td#zoom": '//td[@id="zoom"]',
    "div#fontzoom": '//div[@id="fontzoom"]',
}
CHARSET_META = re.compile(rb'charset=([A-Za-z0-9-]+)"')


def make(tmp_path_factory, name: str, *args: str) -> Path:
    """Run the command into a fresh folder and return it."""
    out = tmp_path_factory.mktemp(name)
    call_command("make_legacy_site", str(out), *args, stdout=StringIO())
    return out


def load(out: Path) -> tuple[Path, dict, list[dict]]:
    """Return the mirror root, the summary and the manifest records of a generated site."""
    summary = json.loads((out / "site.json").read_text(encoding="utf-8"))
    return out / summary["root"], summary, list(read_manifest(out / "manifest.jsonl"))


def html_of(root: Path, record: dict) -> lxml.html.HtmlElement:
    """Decode a page with the encoding its manifest record states and parse it."""
    return lxml.html.fromstring((root / record["path"]).read_bytes().decode(record["encoding"]))


def squash(value: str) -> str:
    """Remove all whitespace (ASCII, nbsp and full-width) from a string."""
    return "".join(value.split())


def parse_cn_date(value: str) -> date:
    """Parse the date formats the meta lines use."""
    year, month, day = (int(part) for part in re.findall(r"\d+", value)[:3])
    return date(year, month, day)


@pytest.fixture(scope="module")
def gbk_site(tmp_path_factory):
    """A 60-page GBK site (seed 0: a frame layout) made through the command."""
    return make(tmp_path_factory, "gbk", "--pages", "60")


@pytest.fixture(
    scope="module",
    params=[
        ("60", "gbk", "0"),
        ("400", "gbk", "4"),
        ("250", "utf-8", "5"),
        ("180", "gb2312", "2"),
        ("300", "gbk", "6"),
    ],
    ids=lambda p: f"{p[0]}-{p[1]}-seed{p[2]}",
)
def any_site(request, tmp_path_factory):
    """Sites of several sizes, encodings and layouts (frame and table, all body styles)."""
    pages, encoding, seed = request.param
    return make(
        tmp_path_factory, f"s{seed}", "--pages", pages, "--encoding", encoding, "--seed", seed
    )


def test_sixty_page_site_has_exactly_sixty_pages_and_decodes_as_gbk(gbk_site):
    """Every page decodes as GBK unless the manifest says its bytes are UTF-8 (a lying meta)."""
    root, summary, records = load(gbk_site)
    pages = [r for r in records if r["kind"] in PAGE_KINDS]
    assert summary["pages"] == len(pages) == 60
    assert summary["encoding"] == "gbk"
    for record in pages:
        data = (root / record["path"]).read_bytes()
        if record["encoding"] == "gbk":
            text = data.decode("gbk")
            assert "县" in text
        else:
            assert record["encoding"] == "utf-8"
            assert record["declared_charset"] in ("gb2312", "gbk", "GBK")
            data.decode("utf-8")
    assert sum(r["encoding"] == "gbk" for r in pages) >= 50


def test_meta_tag_matches_the_manifest_and_lies_at_a_stable_rate(any_site):
    """The charset meta is what the manifest declares; 1-6% of pages lie about their bytes."""
    root, summary, records = load(any_site)
    pages = [r for r in records if r["kind"] in PAGE_KINDS]
    lies = 0
    for record in pages:
        found = CHARSET_META.findall((root / record["path"]).read_bytes()[:400])
        declared = record["declared_charset"]
        assert found == ([declared.encode()] if declared else [])
        if record["encoding"] != summary["encoding"]:
            lies += 1
            assert declared is not None
            (root / record["path"]).read_bytes().decode(record["encoding"])
    if len(pages) >= 250:
        assert 0.01 * len(pages) <= lies <= 0.06 * len(pages)


def test_manifest_accounts_for_every_file(any_site):
    """Each file under the mirror has exactly one manifest record, and nothing else does."""
    root, summary, records = load(any_site)
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    listed = [r["path"] for r in records]
    assert len(listed) == len(set(listed))
    assert set(listed) == on_disk
    assert summary["files"] == len(on_disk)
    for record in records:
        assert record["bytes"] == (root / record["path"]).stat().st_size
        assert record["url"].startswith("http://www.example-county.gov.cn/")


def test_lists_paginate_and_link_to_existing_articles(gbk_site):
    """Column lists have index.htm, index_1.htm, ...; items link to articles with their title."""
    root, summary, records = load(gbk_site)
    by_path = {r["path"]: r for r in records}
    lists = [r for r in records if r["kind"] == "list"]
    assert any(r["page_count"] > 1 for r in lists)
    for column in summary["columns"]:
        pages = sorted((r for r in lists if r["column"] == column["path"]), key=lambda r: r["page"])
        names = [posixpath.basename(r["path"]) for r in pages]
        assert names == ["index.htm"] + [f"index_{n}.htm" for n in range(1, len(pages))]
        seen = []
        for record in pages:
            tree = html_of(root, record)
            anchors = tree.xpath('//table[@class="list"]//a')
            assert len(anchors) == record["list_count"] <= 20
            if record["page"] < len(pages) - 1:
                assert record["list_count"] == 20
            folder = posixpath.dirname(record["path"])
            for anchor, item in zip(anchors, record["list_items"], strict=True):
                target = posixpath.normpath(posixpath.join(folder, anchor.get("href")))
                assert target == item["path"]
                assert (root / target).is_file()
                article = by_path[target]
                assert article["kind"] == "article"
                assert article["duplicate_of"] is None
                assert anchor.get("title") == article["title"] == item["title"]
                shown = None if "date_free" in article["patterns"] else article["publish_date"]
                assert item["date"] == shown
                seen.append({**item, "date": article["publish_date"]})
        dates = [item["date"] for item in seen]
        assert dates == sorted(dates, reverse=True)
        canonical = {
            r["path"]
            for r in records
            if r["kind"] == "article" and r["column"] == column["path"] and not r["duplicate_of"]
        }
        assert {item["path"] for item in seen} == canonical
        assert len(canonical) == column["articles"]


def test_article_pages_carry_the_manifest_truth(any_site):
    """Title, meta line (date, source, author), body start/end and length match the manifest."""
    root, _, records = load(any_site)
    articles = [r for r in records if r["kind"] == "article"]
    assert articles
    for record in articles:
        tree = html_of(root, record)
        page_text = squash(tree.text_content())
        if not record["date_script"]:  # a script writes part of the line (pattern tests)
            assert squash(record["meta_text"]) in page_text
        if record["date_text"] is None:  # a date-free page (pattern tests)
            assert not record["date_printed"] and "date_free" in record["patterns"]
            continue
        assert squash(record["date_text"]) in squash(record["meta_text"])
        assert parse_cn_date(record["date_text"]).isoformat() == record["publish_date"]
        for field in ("source", "author", "editor", "doc_number"):
            if record[field]:
                assert record[field] in record["meta_text"] or field == "doc_number"
                assert squash(record[field]) in page_text
        if "title_less" not in record["patterns"]:
            assert tree.findtext(".//title").startswith(record["title"])
        (body,) = tree.xpath(BODY_XPATH[record["body_selector"]])
        for style in body.xpath(".//style"):
            style.drop_tree()
        body_text = body.text_content()
        assert sum(not c.isspace() for c in body_text) == record["body_chars"]
        assert squash(record["body_start"][:15]) in squash(body_text)
        assert squash(record["body_end"][-15:]) in squash(body_text)
        assert len(tree.xpath("//img")) >= len(record["images"])


def test_dates_spread_over_three_to_five_years(any_site):
    """Publish dates cover at least three years and at most five."""
    _, _, records = load(any_site)
    days = sorted(date.fromisoformat(r["publish_date"]) for r in records if r["kind"] == "article")
    span = (days[-1] - days[0]).days
    if len(days) >= 150:
        assert 2 * 365 < span <= 5 * 366


def test_links_resolve_or_are_recorded_as_broken(any_site):
    """Every relative href/src on every page exists on disk or is in the page's broken truth."""
    root, _, records = load(any_site)
    on_disk = {r["path"] for r in records}
    for record in (r for r in records if r["kind"] in PAGE_KINDS):
        tree = html_of(root, record)
        folder = posixpath.dirname(record["path"])
        missing_ok = {link["path"] for link in record.get("broken_links", [])}
        missing_ok |= {i["path"] for i in record.get("images", []) if not i["exists"]}
        missing_ok |= {a["path"] for a in record.get("attachments", []) if not a["exists"]}
        for element in tree.xpath("//*[@href or @src]"):
            link = element.get("href") or element.get("src")
            if re.match(r"^(https?:|javascript:|mailto:|#)", link):
                continue
            if link.startswith("/"):  # from the site root, as /uploadfile/... attachments are
                target = posixpath.normpath(link[1:])
            else:
                target = posixpath.normpath(posixpath.join(folder, link))
            assert target in on_disk or target in missing_ok, (record["path"], link)
        for target in missing_ok:
            assert not (root / target).exists()


def test_images_and_attachments_are_real_files_and_some_are_missing(tmp_path_factory):
    """Images open with Pillow, attachments have their format's magic bytes; a few are missing."""
    root, _, records = load(make(tmp_path_factory, "assets", "--pages", "1500", "--seed", "3"))
    images = [r for r in records if r["kind"] == "image"]
    attachments = [r for r in records if r["kind"] == "attachment"]
    assert {r["format"] for r in images} == {"jpg", "png", "gif"}
    for record in images:
        with Image.open(root / record["path"]) as image:
            image.verify()
    magic = {"doc": b"\xd0\xcf\x11\xe0", "xls": b"\xd0\xcf\x11\xe0", "pdf": b"%PDF-", "zip": b"PK"}
    for record in attachments:
        data = (root / record["path"]).read_bytes()
        assert data.startswith(magic[record["format"]])
        if record["format"] == "zip":
            assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        if record["format"] == "pdf":
            assert data.rstrip().endswith(b"%%EOF")
    articles = [r for r in records if r["kind"] == "article"]
    referenced = [i for r in articles for i in r["images"]]
    assert any(i["alt"] for i in referenced)
    assert 0 < sum(not i["exists"] for i in referenced) < len(referenced) / 5
    linked = [a for r in articles for a in r["attachments"]]
    assert 0 < sum(not a["exists"] for a in linked) < len(linked) / 5
    assert any(r["broken_links"] for r in articles)
    assert any(r["tables"] for r in articles)
    assert any(r["doc_number"] and "〔" in r["doc_number"] for r in articles)


def test_duplicates_are_the_same_article_at_a_second_url(any_site):
    """Duplicates point at their canonical page; plain copies are byte-identical."""
    root, _, records = load(any_site)
    by_path = {r["path"]: r for r in records}
    duplicates = [r for r in records if r.get("duplicate_of")]
    assert duplicates
    for record in duplicates:
        canonical = by_path[record["duplicate_of"]]
        assert canonical["duplicates"] == [record["path"]]
        assert (record["title"], record["publish_date"], record["body_chars"]) == (
            canonical["title"],
            canonical["publish_date"],
            canonical["body_chars"],
        )
        if "@id=" in record["path"]:
            assert record["url"].endswith(f"/content.jsp?id={canonical['legacy_id']}")
        else:
            data = (root / record["path"]).read_bytes()
            assert data == (root / canonical["path"]).read_bytes()


def test_same_seed_gives_identical_bytes(tmp_path_factory):
    """Two runs with one seed write the same files byte for byte; another seed differs."""

    def digest(out: Path) -> dict[str, str]:
        """Hash every file of a run, manifest included."""
        return {
            p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*"))
            if p.is_file()
        }

    first = digest(make(tmp_path_factory, "a", "--pages", "120", "--seed", "7"))
    second = digest(make(tmp_path_factory, "b", "--pages", "120", "--seed", "7"))
    other = digest(make(tmp_path_factory, "c", "--pages", "120", "--seed", "8"))
    assert first == second
    assert first != other


def test_utf8_encoding(tmp_path_factory):
    """--encoding utf-8 writes UTF-8 pages that say so; the liars are GBK bytes."""
    root, summary, records = load(
        make(tmp_path_factory, "utf8", "--pages", "300", "--encoding", "utf-8")
    )
    pages = [r for r in records if r["kind"] in PAGE_KINDS]
    assert summary["encoding"] == "utf-8"
    assert {r["encoding"] for r in pages} == {"utf-8", "gbk"}
    for record in pages:
        data = (root / record["path"]).read_bytes()
        data.decode(record["encoding"])
        if record["encoding"] == "utf-8":
            assert record["declared_charset"] in ("utf-8", "UTF-8", None)
        else:
            assert record["declared_charset"].lower() == "utf-8"
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")


def test_no_host_dir_and_force_rewrite(tmp_path):
    """--no-host-dir writes into DIR; --force removes the earlier run's files first."""
    call_command(
        "make_legacy_site", str(tmp_path), "--pages", "90", "--no-host-dir", stdout=StringIO()
    )
    assert (tmp_path / "index.html").is_file()
    out = StringIO()
    call_command(
        "make_legacy_site", str(tmp_path), "--pages", "45", "--seed", "9", "--force", stdout=out
    )
    assert "Wrote 45 pages" in out.getvalue()
    assert "Patterns (articles): date_free " in out.getvalue()
    root, summary, records = load(tmp_path)
    assert root == tmp_path / "www.example-county.gov.cn"
    assert not (tmp_path / "index.html").exists()
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert on_disk == {r["path"] for r in records}
    leftovers = {p.name for p in tmp_path.iterdir()}
    assert leftovers == {"manifest.jsonl", "site.json", "www.example-county.gov.cn"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pages", "many"], "--pages must be a whole number"),
        (["--pages", "5"], f"--pages must be between {MIN_PAGES}"),
        (["--pages", "60", "--encoding", "latin-1"], "--encoding must be one of"),
        (["--pages", "60", "--seed", "-3"], "--seed must be between"),
        (["--pages", "60", "--host", "not a host"], "--host must be a host name"),
    ],
)
def test_bad_arguments_raise_one_line_command_errors(tmp_path, args, message):
    """Bad options give a CommandError with one clear line and write nothing."""
    with pytest.raises(CommandError) as caught:
        call_command("make_legacy_site", str(tmp_path / "out"), *args, stdout=StringIO())
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_refuses_a_non_empty_folder_or_a_file(tmp_path):
    """A non-empty DIR needs --force; a file is refused."""
    (tmp_path / "keep.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty; pass --force"):
        call_command("make_legacy_site", str(tmp_path), "--pages", "60", stdout=StringIO())
    with pytest.raises(CommandError, match="not a folder"):
        call_command(
            "make_legacy_site", str(tmp_path / "keep.txt"), "--pages", "60", stdout=StringIO()
        )


@pytest.mark.parametrize("seed", range(6))
def test_page_budget_is_exact_for_every_size(seed):
    """Fixed, article, list and duplicate pages add up to the requested count at every size."""
    for pages in [*range(MIN_PAGES, 400, 7), 999, 4321, 10000]:
        plan = SitePlan(seed, pages, "gbk", "h.example")
        budget = plan.budget
        assert budget.lists == list_pages(list(budget.counts), plan.profile.page_size)
        assert budget.fixed + budget.articles + budget.lists + budget.duplicates == pages
        assert 1 <= budget.duplicates <= max(2, budget.articles // 20)
        if pages >= 60:
            assert budget.counts[0] > plan.profile.page_size


def test_generate_site_returns_a_summary(tmp_path):
    """The Python API returns where it wrote and how much, with readable manifest records."""
    site = generate_site(tmp_path, 50, encoding="gb2312", seed=2)
    assert site.pages == 50
    assert site.root == tmp_path / "www.example-county.gov.cn"
    assert sum(1 for _ in site.records()) == site.files
    for record in site.records():
        if record["kind"] in PAGE_KINDS and record["encoding"] == "gb2312":
            (site.root / record["path"]).read_bytes().decode("gb2312")
