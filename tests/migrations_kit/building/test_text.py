"""The shared text helpers: cuts, tidying, alt text and small integer attributes."""

import pytest

from migrations_kit.building.text import good_alt, small_int, tidy, truncate


def test_truncate_marks_the_cut():
    assert truncate("县城全景", 4) == "县城全景"
    assert truncate("县城全景照片", 4) == "县城全…"


def test_tidy_removes_empty_formatting_until_nothing_changes():
    assert (
        tidy('<p><b> </b></p><p><b>王</b><b>某</b></p><a href="x">　</a>')
        == " <p><b>王某</b></p>　"
    )


@pytest.mark.parametrize(
    ("text", "alt"),
    [
        ("县城全景", "县城全景"),
        ("图片", ""),
        ("IMG", ""),
        ("W020080305_1.jpg", ""),
        ("县", ""),
        (None, ""),
    ],
)
def test_good_alt(text, alt):
    assert good_alt(text) == alt


def test_small_int():
    assert small_int("3", 1, 10) == 3
    assert small_int(" 300 ", 1, 10) == 10
    assert small_int("0", 1, 10) == 1
    assert small_int("宽", 7, 10) == 7
