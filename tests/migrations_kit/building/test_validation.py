"""check_stream: a built body passes ArticlePage.body's StreamBlock; malformed data is named."""

import copy
import json
from pathlib import Path

import pytest

from migrations_kit.building import StreamCheckError, check_stream
from migrations_kit.building.blocks import build_body
from redesign.core.models import ArticlePage
from tests.conftest import add_article, column_of

from .conftest import PAGE_URL

LEGACY_BODY = (Path(__file__).parent / "fixtures" / "legacy_body.html").read_text(encoding="utf-8")
pytestmark = pytest.mark.django_db


@pytest.fixture
def built(store):
    """The fixture body built with real Wagtail images and documents."""
    return build_body(LEGACY_BODY, PAGE_URL, store)


def test_a_built_body_passes_and_saves(built, county):
    assert [block["type"] for block in built.stream] == [
        "paragraph", "heading", "image", "paragraph", "table", "attachments", "paragraph",
    ]  # fmt: skip
    check_stream(built.stream)
    article = add_article(
        column_of(county, "zwdt"), "王某到城关镇调研", body=json.dumps(built.stream)
    )
    check_stream(list(ArticlePage.objects.get(pk=article.pk).body.raw_data))


def test_an_empty_stream_passes():
    check_stream([])


def _refusal(stream) -> StreamCheckError:
    """The error check_stream raises for stream."""
    with pytest.raises(StreamCheckError) as caught:
        check_stream(stream)
    assert isinstance(caught.value, ValueError)
    return caught.value


def test_an_unknown_block_type_is_named(built):
    stream = [*built.stream[:2], {"type": "marquee", "value": "滚动字幕", "id": "x1"}]
    error = _refusal(stream)
    assert (error.index, error.block_type, error.block_id) == (2, "marquee", "x1")
    assert str(error) == "正文第3块（marquee，id x1）无效：未知的块类型"


@pytest.mark.parametrize(
    ("stream", "problem"),
    [
        ({"type": "paragraph", "value": "<p>x</p>"}, "不是块的列表（dict）"),
        (["<p>x</p>"], "不是 {type, value} 形式的块"),
        ([{"type": "paragraph"}], "不是 {type, value} 形式的块"),
    ],
)
def test_data_that_is_not_a_stream_is_refused(stream, problem):
    assert _refusal(stream).problems == [problem]


def test_a_dangling_image_and_an_unknown_heading_level_are_named(built):
    stream = copy.deepcopy(built.stream)
    stream[1]["value"]["level"] = "h7"
    stream[2]["value"]["image"] = 999_999
    error = _refusal(stream)
    assert (error.index, error.block_type, error.block_id) == (1, "heading", stream[1]["id"])
    assert error.problems[0].startswith("level: ") and error.problems[-1] == "另有1块无效"
    error = _refusal(stream[2:])
    assert error.block_type == "image" and error.problems[0].startswith("image: ")


def test_values_of_the_wrong_shape_are_named(built):
    stream = copy.deepcopy(built.stream)
    stream[4]["value"] = 12345
    error = _refusal(stream)
    assert (error.index, error.block_type) == (4, "table")
    assert error.problems[0].startswith("数据无法读取：")
    stream[4]["value"] = "不是表格"  # read as a struct with every field missing
    assert _refusal(stream).problems[0].startswith("caption: ")


def test_nested_list_errors_carry_their_path(built):
    stream = copy.deepcopy(built.stream)
    stream[5]["value"]["attachments"][0]["value"]["title"] = "长" * 201
    error = _refusal(stream)
    assert error.block_type == "attachments"
    assert error.problems[0].startswith("attachments.0.title: ")
