"""The legacy site generator's real-site patterns: each is in a 60-page site and its truth holds."""

import json
import posixpath
import re
from collections import Counter
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from redesign.demo.legacy_site import generate_site, read_manifest
from redesign.demo.legacy_site.patterns import RULES
from redesign.demo.legacy_site.plan import SitePlan

PATTERNS = {"script_date", "date_free", "own_column", "empty_body", "odd_crumbs", "title_less"}
NEW_FIELDS = {
    "patterns",
    "date",
    "date_printed",
    "date_script",
    "date_evidence",
    "url_date",
    "decoy_dates",
    "old_column",
    "column_twin",
    "crumb_separator",
    "empty_body",
    "attachment_hrefs",
    "headline",
    "headline_selector",
    "has_h1",
}
FULL_DATE = re.compile(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, dict, list[dict]]:
    """The import tests' site: 60 pages, GBK, seed 0; (mirror root, summary, records)."""
    out = tmp_path_factory.mktemp("patterns")
    generated = generate_site(out, 60, encoding="gbk", seed=0)
    summary = json.loads(generated.summary_path.read_text(encoding="utf-8"))
    return generated.root, summary, list(read_manifest(generated.manifest_path))


def articles(records: list[dict], pattern: str | None = None) -> list[dict]:
    """Canonical article records (not duplicates), optionally only those with a pattern."""
    return [
        r
        for r in records
        if r["kind"] == "article"
        and not r["duplicate_of"]
        and (pattern is None or pattern in r["patterns"])
    ]


def source_of(root: Path, record: dict) -> str:
    """The page's HTML source, decoded as the manifest says its bytes are."""
    return (root / record["path"]).read_bytes().decode(record["encoding"])


def tree_of(root: Path, record: dict) -> lxml.html.HtmlElement:
    """The parsed page."""
    return lxml.html.fromstring(source_of(root, record))


def visible_text(element: lxml.html.HtmlElement) -> str:
    """What a reader sees of an element: its text without scripts and styles."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    for hidden in copy.xpath(".//script | .//style"):
        hidden.drop_tree()
    return copy.text_content()


def dates_in(value: str) -> set[date]:
    """Every full date (2017-05-24, 2017/5/24, 2017年5月24日) written in a text."""
    found = set()
    for year, month, day in FULL_DATE.findall(value):
        try:
            found.add(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def meta_row(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The meta row of an article (td.info, or the 信息公开 table)."""
    return (tree.xpath('//td[@class="info"]') or tree.xpath('//table[@class="xxgk"]'))[0]


def body_of(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The article body element."""
    (body,) = tree.xpath('//div[@class="TRS_Editor"] | //td[@id="zoom"] | //div[@id="fontzoom"]')
    return body


def test_every_pattern_and_variant_is_in_the_sixty_page_site(site):
    """Each of the six patterns, in its main variants, is held by the import tests' site."""
    root, summary, records = site
    canonical = articles(records)
    for record in (r for r in records if r["kind"] == "article"):
        assert NEW_FIELDS <= set(record), record["path"]
    found = Counter(pattern for r in canonical for pattern in r["patterns"])
    assert set(found) == PATTERNS
    assert summary["patterns"] == dict(sorted(found.items()))
    # A few percent of a big site is still a minority of a small one.
    assert all(found[p] <= len(canonical) // 3 for p in PATTERNS - {"own_column"})
    free = articles(records, "date_free")
    assert {r["date_evidence"] for r in free} == {"url", None}
    empty = articles(records, "empty_body")
    assert {bool(r["attachment_hrefs"]) for r in empty} == {True, False}
    titled = {r["html_title"] for r in articles(records, "title_less")}
    assert None in titled and summary["site_name"] in titled
    assert any(t and t.endswith("人民政府办公室") for t in titled)
    separators = {r["crumb_separator"] for r in articles(records, "odd_crumbs")}
    assert " &raquo; " in separators
    scripts = {source_of(root, r).count("var str") > 0 for r in articles(records, "script_date")}
    assert scripts == {True, False}  # a TRS `var str` and a literal document.write


def test_script_written_dates_are_not_printed_and_the_body_cites_another(site):
    """The shown date is only in a <script>; the body's first lines cite a different date."""
    root, _, records = site
    scripted = articles(records, "script_date")
    assert scripted
    for record in scripted:
        tree = tree_of(root, record)
        truth = date.fromisoformat(record["date"])
        assert record["date"] == record["publish_date"]
        assert (record["date_script"], record["date_printed"]) == (True, False)
        assert record["date_evidence"] == "script"
        scripts = " ".join(s.text or "" for s in meta_row(tree).xpath(".//script"))
        assert "document.write" in scripts and record["date"] in scripts
        assert record["meta_text"].split()[0].endswith(record["date"])
        assert truth not in dates_in(visible_text(tree)), record["path"]
        assert not dates_in(visible_text(meta_row(tree)))
        (decoy,) = record["decoy_dates"]
        assert decoy != record["date"]
        first_lines = visible_text(body_of(tree))[:200]
        assert date.fromisoformat(decoy) in dates_in(first_lines), record["path"]


def test_date_free_pages_print_no_date_and_the_url_carries_it_or_not(site):
    """No date on the page or beside it in lists; the truth is the URL's date, or null."""
    root, _, records = site
    free = articles(records, "date_free")
    assert free
    for record in free:
        tree = tree_of(root, record)
        assert record["date_text"] is None and not record["date_printed"]
        assert not dates_in(visible_text(meta_row(tree)))
        assert date.fromisoformat(record["publish_date"]) not in dates_in(visible_text(tree))
        path = record["path"]
        shaped = re.search(r"/t(\d{4})(\d{2})(\d{2})_\d+\.htm$", path) or re.search(
            r"/(\d{4})-(\d{2})/(\d{2})/\d+\.htm$", path
        )
        if shaped:
            assert record["date"] == record["url_date"] == "-".join(shaped.groups())
            assert record["date_evidence"] == "url"
        else:
            assert not re.search(r"\d{8}|\d{4}-\d{2}", path)
            assert record["date"] is record["url_date"] is record["date_evidence"] is None
    listed = [
        item
        for r in records
        if r["kind"] == "list"
        for item in r["list_items"]
        if item["path"] in {f["path"] for f in free}
    ]
    assert len(listed) == len(free)
    assert all(item["date"] is None for item in listed)


def test_site_specific_columns_are_listed_with_their_crumbs_and_folders(site):
    """Columns with no twin on the new site, nested or top level, list their articles."""
    root, summary, records = site
    own = [c for c in summary["columns"] if not c["twin"]]
    names = {c["name"] for c in own}
    assert {"人事信息", "规划计划", "办事指南"} <= names
    assert names & {"公务员管理", "专业职称"}
    assert names & {"创文工作", "创卫工作", "脱贫攻坚", "平安建设"}
    assert {c["old_column"][0] for c in own} >= {"专题专栏"}
    assert any(c["path"].startswith("bsfw/") for c in own)
    lists = {r["path"]: r for r in records if r["kind"] == "list"}
    for column in own:
        index = lists[f"{column['path']}/index.htm"]
        assert index["breadcrumb"] == ["首页", *column["old_column"]]
        in_column = [r for r in articles(records) if r["column"] == column["path"]]
        assert len(in_column) == column["articles"] >= 1
        assert {i["path"] for i in index["list_items"]} >= {r["path"] for r in in_column[-20:]}
        for record in in_column:
            assert "own_column" in record["patterns"] and record["column_twin"] is False
            assert record["old_column"] == record["breadcrumb"][1:] == column["old_column"]
            assert record["path"].startswith(column["path"] + "/")
            crumbs = tree_of(root, record).xpath('//td[@class="position"]/a/text()')
            assert crumbs == record["breadcrumb"]


def test_empty_bodies_link_attachments_the_mirror_lacks(site):
    """An empty body holds at most 详见附件 and a /uploadfile/ link to a file not mirrored."""
    root, _, records = site
    listed = {r["path"] for r in records}
    empty = articles(records, "empty_body")
    assert empty
    for record in empty:
        tree = tree_of(root, record)
        assert record["empty_body"] is True
        assert tree.xpath('//td[@class="position"]/a/text()') == record["breadcrumb"]
        assert record["headline"] == record["title"] and record["date"] == record["publish_date"]
        assert record["date_text"] in visible_text(meta_row(tree))
        body = body_of(tree)
        links = [a.get("href") for a in body.xpath(".//a")]
        assert links == record["attachment_hrefs"]
        text = "".join(visible_text(body).split())
        names = "".join(f"附件：{a['name']}" for a in record["attachments"])
        assert text in {"", names, "详见附件。" + names}
        for href, attachment in zip(links, record["attachments"], strict=True):
            assert href.startswith("/uploadfile/") and href == "/" + attachment["path"]
            assert attachment["exists"] is False
            assert attachment["path"] not in listed and not (root / attachment["path"]).exists()
    assert all(not r["empty_body"] for r in articles(records) if r not in empty)


def test_odd_breadcrumb_separators_are_raw_in_the_source(site):
    """&raquo;, raw >>, -&gt; or → sit between the crumbs exactly as the manifest says."""
    root, _, records = site
    odd = [r for r in records if r["kind"] == "article" and "odd_crumbs" in r["patterns"]]
    assert odd
    for record in odd:
        source = source_of(root, record)
        (line,) = re.findall(r'<td class="position">当前位置：(.*?)</td>', source)
        between = re.findall(r"</a>(.*?)<a ", line)
        assert between == [record["crumb_separator"]] * (len(record["breadcrumb"]) - 1)
        assert record["crumb_separator"] not in (" &gt; ", " > ")
    plain = [r for r in articles(records) if "odd_crumbs" not in r["patterns"]]
    assert all(r["crumb_separator"] in (" &gt; ", " > ") for r in plain)


def test_title_less_pages_show_the_headline_only_in_a_biaoti_or_bt_line(site):
    """No <h1>, no <title> holding the headline; a td.biaoti or div.bt above the meta row."""
    root, summary, records = site
    titleless = articles(records, "title_less")
    assert {r["headline_selector"] for r in titleless} == {"td.biaoti", "div.bt"}
    for record in titleless:
        source = source_of(root, record)
        tree = tree_of(root, record)
        assert not tree.xpath("//h1") and record["has_h1"] is False
        titles = [t.text_content() for t in tree.xpath("//title")]
        assert titles == ([] if record["html_title"] is None else [record["html_title"]])
        assert record["headline"] not in "".join(titles)
        assert record["html_title"] in (None, summary["site_name"]) or record[
            "html_title"
        ].endswith("人民政府办公室")
        if record["headline_selector"] == "td.biaoti":
            (line,) = tree.xpath('//td[@class="biaoti"]/font[@size="4"]/b')
        else:
            (line,) = tree.xpath('//div[@class="bt"]/strong')
        assert line.text_content() == record["headline"] == record["title"]
        marker = 'class="info"' if 'class="info"' in source else 'class="content"'
        assert source.index(record["headline"]) < source.index(marker)


def test_rates_are_modest_exact_and_the_same_every_time():
    """On a big site each rule gives its share of its genres' articles, identically per seed."""
    plan = SitePlan(3, 6000, "gbk", "h.example")
    again = SitePlan(3, 6000, "gbk", "h.example")
    by_rule: Counter = Counter()
    eligible: Counter = Counter()
    for position, column in enumerate(plan.columns):
        for index in range(plan.counts[position]):
            ref = plan.article(position, index)
            assert ref.patterns == again.article(position, index).patterns
            assert ref.path == again.article(position, index).path
            for group in {rule.group for rule in RULES if column.genre in rule.genres}:
                eligible[group] += 1
            for pattern, variant in ref.patterns:
                rule = next(
                    r
                    for r in RULES
                    if r.pattern == pattern and column.genre in r.genres and variant in r.variants
                )
                by_rule[(rule.group, pattern)] += 1
    for rule in RULES:
        total = eligible[rule.group]
        expected = max(rule.minimum, total * rule.per_mille // 1000)
        assert by_rule[(rule.group, rule.pattern)] == expected, rule
        assert expected <= 0.06 * total
    paths = [posixpath.basename(plan.article(0, i).path) for i in range(plan.counts[0])]
    assert len(set(paths)) == len(paths)
