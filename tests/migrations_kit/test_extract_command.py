"""Tests for the legacy_extract management command."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_prints_one_json_line_per_file():
    """Each file gives one JSON object on its own line, Chinese kept as is."""
    out = StringIO()
    call_command(
        "legacy_extract",
        str(PAGES / "trs_gbk_lying_meta.htm"),
        str(PAGES / "binary_image.htm"),
        "--base-url",
        "http://www.qs.gov.cn/xwzx/",
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert "我县召开" in lines[0]
    expected = {
        "file",
        "encoding",
        "kind",
        "title",
        "publish_date",
        "source",
        "author",
        "body_text",
        "list_items",
        "images",
        "attachments",
    }
    assert expected <= set(first)
    assert first["kind"] == "article"
    assert second["kind"] == "other" and second["error"]


def test_missing_file_is_a_command_error():
    """A missing file stops with one clear CommandError."""
    with pytest.raises(CommandError, match="no such file"):
        call_command("legacy_extract", str(PAGES / "does_not_exist.htm"), stdout=StringIO())


def test_relative_base_url_is_rejected():
    """--base-url must be absolute."""
    with pytest.raises(CommandError, match="base-url"):
        call_command(
            "legacy_extract", str(PAGES / "empty.htm"), "--base-url", "xwzx/", stdout=StringIO()
        )
