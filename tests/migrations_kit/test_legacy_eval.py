"""Tests for the scoring used by legacy_eval, on a tiny corpus written for the tests."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from migrations_kit.evaluation import body_ok, evaluate, list_ok, source_ok, title_ok
from migrations_kit.extract import ExtractedPage

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _got(**fields) -> ExtractedPage:
    """Build an extraction result for scoring."""
    return ExtractedPage(file="x", encoding="utf-8", kind=fields.pop("kind", "article"), **fields)


def test_rules_match_the_readme():
    """Whitespace is ignored, 《》 dropped from the truth source, body needs ends and length."""
    assert title_ok({"title": "县里 开会"}, _got(title="县里开会 "))
    assert source_ok({"source": "《青山日报》"}, _got(source="青山日报"))
    assert source_ok({"source": "张三"}, _got(source="县政府", author="张三"))
    assert not source_ok({"source": "青山日报（转载）"}, _got(source="青山日报"))
    # source_note (the hosting site's annotations) is never scored
    assert source_ok({"source": "青山日报", "source_note": "（转载）"}, _got(source="青山日报"))
    text = "开头十五个字符在这里一二三四五" + "中" * 70 + "结尾十五个字符也在这里六七八九"
    truth = {"body_start": text[:30], "body_end": text[-30:], "body_chars": len(text)}
    assert body_ok(truth, _got(body_text=text))
    assert not body_ok(truth, _got(body_text=text + "多" * 40))  # too long (> 1.25)
    assert not body_ok(truth, _got(body_text=text[1:]))  # start missing
    assert list_ok({"list_count": 10}, _got(kind="list", list_items=[{}] * 11))
    assert not list_ok({"list_count": 10}, _got(kind="list", list_items=[{}] * 12))
    assert not list_ok({"list_count": 10}, _got(kind="article", list_items=[{}] * 10))


def test_evaluate_fixture_corpus():
    """The fixture corpus scores as worked out by hand (one title is deliberately wrong)."""
    report = evaluate(PAGES)
    figures = {name: (m.hits, m.total) for name, m in report.metrics.items()}
    assert figures["title"] == (3, 4)
    assert report.metrics["title"].misses == ["static_no_date.html"]
    assert figures["date"] == (3, 3)
    assert figures["source"] == (2, 2)
    assert figures["body"] == (3, 3)
    assert figures["list"] == (1, 1)
    assert report.pages == 4


def test_command_prints_figures_and_misses():
    """legacy_eval prints every figure, the pages missed and the speed."""
    out = StringIO()
    call_command("legacy_eval", "--corpus", str(PAGES), stdout=out)
    text = out.getvalue()
    assert "title" in text and "75.0%" in text and "3/4" in text
    assert "miss: static_no_date.html" in text
    assert "pages/s" in text


def test_command_without_truth_fails(tmp_path):
    """A folder without truth.jsonl is a CommandError."""
    with pytest.raises(CommandError, match="truth.jsonl"):
        call_command("legacy_eval", "--corpus", str(tmp_path), stdout=StringIO())
