"""Tests for byte sniffing and decoding of legacy pages."""

from pathlib import Path

from migrations_kit.decode import (
    declared_charset,
    decode_bytes,
    decode_file,
    normalize_charset,
    sniff_binary,
)

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_gbk_bytes_with_lying_utf8_meta_decode_as_gb18030():
    """GBK bytes under a meta tag that claims UTF-8 are sniffed and decoded as GB18030."""
    doc = decode_file(PAGES / "trs_gbk_lying_meta.htm")
    assert doc.encoding == "gb18030"
    assert doc.declared == "utf-8"
    assert "我县召开春季农业生产工作会议" in doc.text
    assert "declared-charset-wrong" in doc.flags


def test_utf8_bytes_declared_gb2312_decode_as_utf8():
    """A page that declares gb2312 but holds UTF-8 bytes is read as UTF-8."""
    doc = decode_file(PAGES / "hanweb_utf8_declared_gb2312.html")
    assert doc.encoding == "utf-8"
    assert doc.declared == "gb2312"
    assert "村级财务专项检查" in doc.text


def test_gb2312_declaration_maps_to_gb18030():
    """GB2312 and GBK are decoded with the GB18030 superset."""
    assert normalize_charset("GB2312") == "gb18030"
    assert normalize_charset("gbk") == "gb18030"
    assert normalize_charset("x-unknown") is None
    # 镕 is outside GB2312 but inside GBK: a gb2312 decoder would fail on it.
    raw = '<meta charset="gb2312"><p>朱镕基</p>'.encode("gbk")
    assert "朱镕基" in decode_bytes(raw).text


def test_no_declaration_gbk_is_sniffed():
    """A page that declares nothing is still decoded correctly."""
    raw = "<html><body><p>县人民政府办公室关于做好防汛工作的通知</p></body></html>".encode("gbk")
    assert declared_charset(raw) is None
    doc = decode_bytes(raw)
    assert doc.encoding == "gb18030"
    assert "防汛工作" in doc.text


def test_undecodable_bytes_are_replaced_and_flagged():
    """Broken bytes never crash: they become U+FFFD and the document is flagged."""
    raw = "<p>正文内容，测试页面。</p>".encode("gbk") + b"\xff\xff" + "结尾".encode("gbk")
    doc = decode_bytes(raw)
    assert doc.ok
    assert "replacement-characters" in doc.flags
    assert "\ufffd" in doc.text
    assert "结尾" in doc.text


def test_utf8_with_a_broken_byte_stays_utf8():
    """A UTF-8 page with one stray byte is not mistaken for GBK."""
    raw = "<p>县里召开会议，部署工作。</p>".encode() + b"\xff" + "<p>第二段内容。</p>".encode()
    doc = decode_bytes(raw)
    assert doc.encoding == "utf-8"
    assert "第二段内容" in doc.text


def test_bom_wins():
    """A UTF-8 byte-order mark decides the encoding."""
    doc = decode_bytes(b"\xef\xbb\xbf<meta charset=gbk><p>" + "中文".encode() + b"</p>")
    assert doc.encoding == "utf-8"
    assert "中文" in doc.text


def test_binary_and_empty_files_are_flagged_not_raised():
    """Image bytes named .htm and empty files come back with an error, not an exception."""
    assert sniff_binary(b"\x89PNG\r\n\x1a\n....") == "png image"
    assert sniff_binary(b"<html>") is None
    doc = decode_file(PAGES / "binary_image.htm")
    assert not doc.ok and "binary" in doc.flags
    empty = decode_file(PAGES / "empty.htm")
    assert not empty.ok and "empty" in empty.flags


def test_nul_bytes_mean_binary():
    """NUL bytes in the first kilobytes (not UTF-16) mark the file as binary."""
    doc = decode_bytes(b"<html>\x00\x01\x02\x03garbage\x00\x00\x10")
    assert doc.error and "binary" in doc.flags


def test_capped_read_flags_truncation(tmp_path):
    """Files over the cap are read only up to it and flagged; a cut character is tolerated."""
    path = tmp_path / "big.htm"
    path.write_bytes(("<p>" + "很长的正文。" * 400 + "</p>").encode())
    doc = decode_file(path, limit=1001)
    assert "truncated" in doc.flags
    assert doc.encoding == "utf-8"
    assert "\ufffd" not in doc.text


def test_gzip_mirror_copy_is_inflated():
    """A gzip-compressed page saved by a mirror tool is inflated before decoding."""
    import gzip

    doc = decode_bytes(gzip.compress("<p>压缩保存的页面</p>".encode("gbk")))
    assert "压缩保存的页面" in doc.text


def test_nul_characters_after_the_sniffed_window_are_dropped():
    raw = ("<html><body><p>" + "正文" * 3000 + "</p>\x00<p>尾部</p></body></html>").encode("utf-8")
    decoded = decode_bytes(raw)
    assert "\x00" not in decoded.text
    assert "尾部" in decoded.text
    assert "nul-removed" in decoded.flags
