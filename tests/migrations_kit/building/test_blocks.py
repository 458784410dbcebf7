"""build_body: a legacy GBK-era body becomes valid ArticlePage.body stream data."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image

from migrations_kit.building.blocks import TOO_DEEP, build_body
from migrations_kit.issues import Issue, IssueCode
from redesign.core.models import ArticlePage
from tests.conftest import add_article, column_of

from .conftest import BASE, PAGE_URL

LEGACY_BODY = (Path(__file__).parent / "fixtures" / "legacy_body.html").read_text(encoding="utf-8")


class FakeAssets:
    """An AssetResolver that hands out numbered stand-ins and remembers what it was asked."""

    def __init__(self, missing: tuple[str, ...] = ()) -> None:
        """Treat the URLs in missing as absent from the mirror."""
        self.missing = missing
        self.asked: list[tuple[str, str, str]] = []

    def image(self, url: str, alt: str):
        """Return a stand-in image unless the URL is missing."""
        self.asked.append(("image", url, alt))
        return None if url in self.missing else SimpleNamespace(pk=len(self.asked))

    def document(self, url: str, title: str):
        """Return a stand-in document unless the URL is missing."""
        self.asked.append(("document", url, title))
        return None if url in self.missing else SimpleNamespace(pk=len(self.asked))


def _types(stream: list[dict]) -> list[str]:
    """The block types of a stream, in order."""
    return [block["type"] for block in stream]


def test_legacy_body_becomes_blocks_in_order():
    built = build_body(LEGACY_BODY, PAGE_URL, FakeAssets())
    assert _types(built.stream) == [
        "paragraph",
        "heading",
        "image",
        "paragraph",
        "table",
        "attachments",
        "paragraph",
    ]
    first = built.stream[0]["value"]
    assert first.startswith("<p>您现在的位置：")
    assert "<p>3月5日上午，县委书记<b>王某</b>率队到" in first
    assert '<a href="http://www.napo.gov.cn/xwzx/zwdt/t20080301_11.htm">城关镇</a>' in first
    assert "<p>调研组一行查看了育秧基地。</p><p>王某强调" in first
    assert "font" not in first and "alert" not in first and "　" not in first
    assert built.stream[1]["value"] == {"text": "一、基本情况", "level": "h2"}
    image = built.stream[2]["value"]
    assert image["alt"] == "王某在城关镇育秧基地调研"
    assert image["caption"] == "图为王某在城关镇育秧基地调研"
    assert image["credit"] == "李四"
    table = built.stream[4]["value"]["table"]
    assert table["data"] == [["乡镇", "育秧点（个）"], ["城关镇", "12"], ["那坡镇", "24"]]
    assert table["table_header_choice"] == "row"
    files = built.stream[5]["value"]
    assert files["heading"] == "附件"
    assert files["attachments"][0]["value"]["title"] == "那坡县春耕生产工作方案"
    assert "关闭窗口" in built.stream[6]["value"] and "javascript" not in built.stream[6]["value"]
    assert built.links == [
        "http://www.napo.gov.cn/",
        "http://www.napo.gov.cn/xwzx/zwdt/t20080301_11.htm",
    ]
    assert built.images == [1] and built.documents == [2]
    assert built.issues == []


def test_stream_ids_are_stable():
    first = build_body(LEGACY_BODY, PAGE_URL, FakeAssets())
    second = build_body(LEGACY_BODY, PAGE_URL, FakeAssets())
    assert [b["id"] for b in first.stream] == [b["id"] for b in second.stream]


@pytest.mark.parametrize("body", ["", "   ", "<script>x()</script>", "<p>&nbsp;　</p>"])
def test_empty_bodies_give_empty_streams(body):
    built = build_body(body, PAGE_URL, FakeAssets())
    assert built.stream == [] and built.links == [] and built.issues == []


def test_data_table_with_caption_th_and_spans():
    html = (
        "<table><caption>2023年主要指标</caption>"
        "<tr><th>指标</th><th colspan='2'>数值</th></tr>"
        "<tr><th>生产总值</th><td>186.4</td><td rowspan='2'>亿元</td></tr>"
        "<tr><th>财政收入</th><td>9.8</td></tr></table>"
    )
    value = build_body(html, PAGE_URL, FakeAssets()).stream[0]["value"]
    assert value["caption"] == "2023年主要指标"
    assert value["table"]["table_header_choice"] == "both"
    assert value["table"]["data"] == [
        ["指标", "数值", None],
        ["生产总值", "186.4", "亿元"],
        ["财政收入", "9.8", None],
    ]
    assert value["table"]["mergeCells"] == [
        {"row": 0, "col": 1, "rowspan": 1, "colspan": 2},
        {"row": 1, "col": 2, "rowspan": 2, "colspan": 1},
    ]


def test_headings_lists_and_missing_assets():
    html = (
        "<h1>总标题</h1><h3>小节</h3><ol><li>甲<br>乙</li><li>丙</li></ol>"
        '<p><img src="gone.jpg" alt="县城全景"></p><p>图为县城全景</p>'
        '<p>下载：<a href="gone.pdf">通知</a>，<a href="biao.xls">附表</a></p>'
    )
    assets = FakeAssets(missing=(BASE + "gone.jpg", BASE + "gone.pdf"))
    built = build_body(html, PAGE_URL, assets)
    assert _types(built.stream) == ["heading", "heading", "paragraph", "attachments", "paragraph"]
    assert built.stream[0]["value"]["level"] == "h2"
    assert built.stream[1]["value"]["level"] == "h3"
    text = built.stream[2]["value"]
    assert text.startswith("<ol><li>甲<br/>乙</li><li>丙</li></ol><p>图为县城全景</p>")
    assert f'<a href="{BASE}gone.pdf">通知</a>' in built.stream[4]["value"]
    assert built.stream[3]["value"]["attachments"][0]["value"]["title"] == "附表"
    assert f"{BASE}gone.pdf" in built.links


def test_deeply_nested_layout_tables_build():
    html = "<table><tr><td>" * 200 + "<p>最里层的正文</p>" + "</td></tr></table>" * 200
    built = build_body(html, PAGE_URL, FakeAssets())
    assert built.stream == [
        {"type": "paragraph", "value": "<p>最里层的正文</p>", "id": built.stream[0]["id"]}
    ]


@pytest.mark.django_db
def test_stream_validates_and_renders_on_an_article(county, store, source):
    built = build_body(LEGACY_BODY, PAGE_URL, store)
    assert built.issues == [] and store.issues == []
    assert Image.objects.filter(collection=store.collection).count() == 1
    assert Document.objects.filter(collection=store.collection).count() == 1
    article = add_article(
        column_of(county, "zwdt"), "王某到城关镇调研", body=json.dumps(built.stream)
    )
    article = ArticlePage.objects.get(pk=article.pk)
    cleaned = ArticlePage.body.field.stream_block.clean(article.body)
    assert [child.block_type for child in cleaned] == [block["type"] for block in built.stream]
    rendered = str(article.body)
    assert "城关镇" in rendered and "那坡镇" in rendered and "一、基本情况" in rendered
    assert "那坡县春耕生产工作方案" in rendered and 'alt="王某在城关镇育秧基地调研"' in rendered


def test_attachment_named_in_a_query_and_credit_only_caption():
    html = (
        '<p><img src="a.jpg" title="县城新貌"></p><p>（图片来源：县融媒体中心）</p>'
        '<p><a href="/download.jsp?file=fangan.docx">方案</a></p>'
    )
    assets = FakeAssets()
    built = build_body(html, PAGE_URL, assets)
    assert _types(built.stream) == ["image", "attachments"]
    assert built.stream[0]["value"]["alt"] == "县城新貌"
    assert built.stream[0]["value"]["credit"] == "县融媒体中心"
    assert assets.asked[-1] == (
        "document",
        "http://www.napo.gov.cn/download.jsp?file=fangan.docx",
        "方案",
    )


def test_problems_become_typed_issues_in_body_order():
    html = (
        '<p><img alt="无地址"></p>'
        "<table><tr><th>名称</th><th>数量</th></tr>"
        '<tr><td><a href="/x.htm">甲</a></td><td>3</td></tr><tr><td>乙</td><td>4</td></tr></table>'
        '<p><img src="plain.jpg"></p>'
    )
    built = build_body(html, PAGE_URL, FakeAssets())
    assert built.issues == [
        Issue(IssueCode.IMAGE_NO_SOURCE, "", "图片缺少有效地址，已跳过"),
        Issue(
            IssueCode.TABLE_LINK_FLATTENED,
            "http://www.napo.gov.cn/x.htm",
            "表格中的链接已转为文字 http://www.napo.gov.cn/x.htm",
        ),
        Issue(IssueCode.IMAGE_NO_ALT, BASE + "plain.jpg", f"图片缺少替代文本 {BASE}plain.jpg"),
    ]
    assert built.stream[1]["value"] == {
        "image": 1,
        "alt": "正文配图",
        "caption": "",
        "credit": "",
    }


def test_a_body_too_deep_for_lxml_is_read_as_paragraphs():
    html = "<p>正文</p>" + "<span>" * 3000 + "<p>深处</p>" + "</span>" * 3000
    built = build_body(html, PAGE_URL, FakeAssets())
    assert [(issue.code, str(issue)) for issue in built.issues] == [
        (IssueCode.BODY_TOO_DEEP, TOO_DEEP)
    ]
    assert TOO_DEEP == "正文嵌套过深，已按段落导入，表格与列表结构未保留"
    assert "深处" in built.stream[0]["value"]
