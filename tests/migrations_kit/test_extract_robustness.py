"""Tests that odd files (binary, empty, deep, huge) never crash the extractor."""

from pathlib import Path

from migrations_kit.extract import extract_file, extract_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_binary_htm_is_other_with_error():
    """An image saved under a .htm name is kind other with an error field."""
    page = extract_file(PAGES / "binary_image.htm")
    assert page.kind == "other"
    assert "png" in page.error
    assert page.as_dict()["error"] == page.error


def test_empty_file_is_other_with_error():
    """An empty file is kind other with an error field."""
    page = extract_file(PAGES / "empty.htm")
    assert page.kind == "other"
    assert page.error == "empty file"


def test_truncated_markup_does_not_crash():
    """Cut-off markup is recovered as far as it goes."""
    page = extract_page(
        "<html><body><div id='zoom'><p>只有半截的页面，内容".encode("gbk"), "cut.htm"
    )
    assert page.error is None
    assert "只有半截的页面" in page.body_text
    assert extract_page(b"<html", "tiny.htm").kind == "other"


def test_two_hundred_nested_tables():
    """Tables nested 200 deep (past libxml2's depth cap) keep their text."""
    page = extract_file(PAGES / "deep_tables_200.htm")
    assert page.error is None
    assert page.title == "多层表格页面"
    assert page.body_text.count("两百层表格") == 3


def test_very_deep_divs():
    """Thousands of nested elements are walked without recursion errors."""
    raw = ("<div>" * 5000 + "深层内容，仍然可以读出。" * 10 + "</div>" * 5000).encode()
    page = extract_page(raw, "deep.htm")
    assert "深层内容" in page.body_text


def test_big_file_is_capped_and_flagged(tmp_path, monkeypatch):
    """Files over the size cap are read as a prefix and flagged truncated."""
    import migrations_kit.extract as extract

    monkeypatch.setattr(extract, "MAX_BYTES", 4000)
    path = tmp_path / "big.htm"
    path.write_bytes(
        ("<html><body><div class='content'>" + "<p>很长的正文内容，反复出现。</p>" * 500).encode()
    )
    page = extract.extract_file(path)
    assert "truncated" in page.flags
    assert page.kind == "article"


def test_frameset_page_without_text_lines_does_not_crash():
    raw = (
        '<html><head><meta charset="gbk"><title>某县人民政府</title></head>'
        '<frameset rows="120,*"><frame src="top.htm"><frame src="main.htm"></frameset></html>'
    ).encode("gbk")
    record = extract_page(raw, "index.html")
    assert record.error is None
    assert record.source is None and record.author is None
