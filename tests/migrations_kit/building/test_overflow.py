"""The block cap: items past it and a capped page's rest become rich text, nothing dropped."""

import re

from migrations_kit.building import overflow
from migrations_kit.building.blocks import build_body
from migrations_kit.building.overflow import MAX_BLOCKS, clean_rest
from migrations_kit.building.validation import check_stream
from migrations_kit.issues import IssueCode

from .conftest import BASE, PAGE_URL
from .test_blocks import FakeAssets

_TAG = re.compile(r"<[^>]+>")


def _section(n: int) -> str:
    """A heading, a paragraph, an image and a data table: four blocks."""
    return (
        f"<h3>第{n}节</h3><p>第{n}段正文，全县各乡镇认真落实养护责任制。</p>"
        f'<p><img src="road{n}.jpg" alt="第{n}号路段"></p>'
        f"<table><tr><td>路段{n}</td><td>{n}公里</td></tr><tr><td>乡镇</td><td>城关镇</td></tr>"
        "</table>"
    )


def test_items_past_the_cap_are_rich_text_in_the_last_block_in_their_order():
    sections = MAX_BLOCKS // 4 + 50
    assets = FakeAssets()
    built = build_body("".join(_section(n) for n in range(sections)), PAGE_URL, assets)
    assert len(built.stream) == MAX_BLOCKS
    last = built.stream[-1]
    assert last["type"] == "paragraph"
    text = _TAG.sub(" ", last["value"])
    assert f"第{sections - 1}段正文" in text and f"{sections - 1}公里" in text
    assert f"<h3>第{sections - 1}节</h3>" in last["value"]
    assert (
        f'<a href="{BASE}road{sections - 1}.jpg">图片：第{sections - 1}号路段</a>' in last["value"]
    )
    asked = {url for kind, url, _ in assets.asked if kind == "image"}
    assert f"{BASE}road{sections - 1}.jpg" not in asked, "images past the cap are not fetched"
    (issue,) = [i for i in built.issues if i.code == IssueCode.BODY_TOO_LONG]
    assert f"超过{MAX_BLOCKS}块" in issue.detail


def test_a_body_at_the_cap_is_left_as_it_is():
    body = "".join(f"<h3>第{n}节</h3><p>第{n}段。</p>" for n in range(MAX_BLOCKS // 2))
    built = build_body(body, PAGE_URL, FakeAssets())
    assert len(built.stream) == MAX_BLOCKS
    assert built.stream[-1]["value"] == f"<p>第{MAX_BLOCKS // 2 - 1}段。</p>"
    assert built.issues == []


def test_the_rest_is_sanitized_in_pieces_as_rich_text_blocks_after_the_body(monkeypatch):
    monkeypatch.setattr(overflow, "REST_CHUNK", 200)
    rest = "".join(
        f'<p onclick="x()">第{n}段<script>alert(1)</script><img src="p{n}.png" alt="图{n}"></p>'
        for n in range(40)
    )
    built = build_body("<p>开头一段。</p>", PAGE_URL, FakeAssets(), rest + "</div>")
    assert built.stream[0]["value"] == "<p>开头一段。</p>"
    pieces = [block["value"] for block in built.stream[1:]]
    assert len(pieces) > 5 and all(block["type"] == "paragraph" for block in built.stream)
    check_stream(built.stream)
    joined = "".join(pieces)
    assert all(f"第{n}段" in joined for n in range(40))
    assert "alert" not in joined and "onclick" not in joined and "<img" not in joined
    assert f'<a href="{BASE}p39.png">图片：图39</a>' in joined
    (issue,) = built.issues
    assert issue.code == IssueCode.BODY_TOO_LONG and "页面标签过多" in issue.detail


def test_a_rest_piece_is_never_cut_inside_a_script():
    script = "<script>var s = '" + "<p>脚本</p>" * 40 + "';</script>"
    pieces = clean_rest("<p>一</p>" * 30 + script + "<p>二</p>" * 30, PAGE_URL, size=100)
    assert "脚本" not in "".join(pieces)
    assert "".join(pieces).count("二") == 30
