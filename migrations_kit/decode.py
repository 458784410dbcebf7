"""Byte sniffing and decoding of legacy pages: never trust the meta tag alone."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
"""Files bigger than this are read only up to this many bytes and flagged ``truncated``."""

_SNIFF_WINDOW = 8192

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""")

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz-gb-2312", "x-gbk", "cp936", "euc-cn", "ms936"}
_WESTERN = {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png image"),
    (b"GIF87a", "gif image"),
    (b"GIF89a", "gif image"),
    (b"\xff\xd8\xff", "jpeg image"),
    (b"%PDF-", "pdf document"),
    (b"PK\x03\x04", "zip archive (docx/xlsx/zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole document (doc/xls/ppt/wps)"),
    (b"Rar!\x1a\x07", "rar archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"BM", "bmp image"),
    (b"II*\x00", "tiff image"),
    (b"MM\x00*", "tiff image"),
    (b"FWS", "flash movie"),
    (b"CWS", "flash movie"),
    (b"\x00\x00\x01\x00", "icon image"),
)


@dataclass
class DecodedDocument:
    """Text of a legacy file with how it was decoded and what went wrong."""

    text: str
    encoding: str
    declared: str | None = None
    flags: list[str] = field(default_factory=list)
    error: str | None = None

    def __post_init__(self) -> None:
        """Drop NUL characters: no page text needs them and PostgreSQL text refuses them."""
        if "\x00" in self.text:
            self.text = self.text.replace("\x00", "")
            self.flags = [*self.flags, "nul-removed"]

    @property
    def ok(self) -> bool:
        """True when the file holds decodable text (not binary, not empty)."""
        return self.error is None


def normalize_charset(name: str | None) -> str | None:
    """Return a Python codec name for a declared charset; GB2312/GBK become gb18030."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _GB_FAMILY or name.startswith("gb_2312") or name == "chinese":
        return "gb18030"
    if name in {"utf8", "utf-8", "unicode-1-1-utf-8"}:
        return "utf-8"
    if name in {"big5", "big5-hkscs", "cp950", "x-x-big5"}:
        return "big5hkscs"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(raw: bytes) -> str | None:
    """Return the charset named by a meta tag or XML declaration near the top, if any."""
    head = raw[:_SNIFF_WINDOW]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    return match.group(1).decode("ascii", "replace").lower()


def sniff_binary(raw: bytes) -> str | None:
    """Describe the file when its bytes are not a text document, else return None."""
    head = raw[:16]
    for magic, label in _MAGIC:
        if head.startswith(magic):
            if label == "bmp image" and len(raw) > 14 and b"<" in raw[:64]:
                continue
            return label
    window = raw[:4096]
    if window.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in window and not _looks_utf16(window):
        return "binary data (NUL bytes)"
    return None


def _looks_utf16(window: bytes) -> str | None:
    """Return the UTF-16 variant when every other byte is NUL (BOM-less UTF-16)."""
    if len(window) < 8:
        return None
    even = window[0::2]
    odd = window[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _strict(raw: bytes, codec: str, *, truncated: bool) -> str | None:
    """Decode strictly, tolerating a multibyte character cut at the end of a capped prefix."""
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        pass
    if truncated:
        for cut in (1, 2, 3):
            try:
                return raw[:-cut].decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    return None


def _charset_normalizer_guess(raw: bytes) -> str | None:
    """Ask charset-normalizer for its best guess (one signal among ours)."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:65536], steps=3, chunk_size=2048).best()
    if best is None:
        return None
    return normalize_charset(best.encoding)


def maybe_gunzip(raw: bytes, limit: int = MAX_BYTES) -> tuple[bytes, bool]:
    """Inflate a gzip-compressed page (wget mirrors keep some); return (bytes, truncated)."""
    if not raw.startswith(b"\x1f\x8b"):
        return raw, False
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(raw, limit)
        return data, bool(inflater.unconsumed_tail)
    except (zlib.error, gzip.BadGzipFile):
        return raw, False


def decode_bytes(raw: bytes, *, truncated: bool = False) -> DecodedDocument:
    """Decode page bytes: BOM, strict UTF-8, declared charset, a sniffed guess, then GB18030."""
    flags: list[str] = ["truncated"] if truncated else []
    raw, inflated_truncated = maybe_gunzip(raw)
    if inflated_truncated:
        flags.append("truncated")
    declared = declared_charset(raw)
    if not raw.strip():
        return DecodedDocument("", "empty", declared, [*flags, "empty"], "empty file")
    binary = sniff_binary(raw)
    if binary:
        return DecodedDocument(
            "", "binary", declared, [*flags, "binary"], f"not a text page: {binary}"
        )

    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return DecodedDocument(
                raw[len(bom) :].decode(codec, "replace"), codec, declared, [*flags, "bom"]
            )
    utf16 = _looks_utf16(raw[:4096])
    if utf16:
        return DecodedDocument(raw.decode(utf16, "replace"), utf16, declared, flags)

    text = _strict(raw, "utf-8", truncated=truncated)
    if text is not None:
        encoding = "utf-8" if not raw.isascii() else (normalize_charset(declared) or "ascii")
        if declared and normalize_charset(declared) not in {"utf-8", None} and not raw.isascii():
            flags.append("declared-charset-wrong")
        return DecodedDocument(text, encoding, declared, flags)

    codec = normalize_charset(declared)
    candidates: list[str] = []
    if codec and codec not in _WESTERN and codec not in {"utf-8", "ascii"}:
        candidates.append(codec)
    if "gb18030" not in candidates:
        candidates.append("gb18030")
    if codec is None:
        # Nothing declared: let charset-normalizer speak for Big5 and other CJK neighbours.
        guess = _charset_normalizer_guess(raw)
        if (
            guess
            and guess not in candidates
            and guess.startswith(("big5", "cp950", "euc_jp", "shift_jis", "euc_kr"))
        ):
            candidates.insert(0, guess)
    for candidate in candidates:
        text = _strict(raw, candidate, truncated=truncated)
        if text is not None:
            if codec and candidate != codec:
                flags.append("declared-charset-wrong")
            return DecodedDocument(text, candidate, declared, flags)

    # Neither decodes cleanly: count replacement characters to see which is nearly right.
    high = sum(1 for byte in raw if byte >= 0x80) or 1
    utf8_text = raw.decode("utf-8", "replace")
    utf8_bad = utf8_text.count("\ufffd")
    if utf8_bad * 8 < high:
        # Valid UTF-8 runs are a strong signal: a few broken bytes do not make it GBK.
        return DecodedDocument(utf8_text, "utf-8", declared, [*flags, "replacement-characters"])
    scored = []
    for candidate in candidates:
        text = raw.decode(candidate, "replace")
        scored.append((text.count("\ufffd"), candidate, text))
    bad, best, text = min(scored, key=lambda item: item[0])
    if bad > 0.1 * high:
        guess = _charset_normalizer_guess(raw)
        if guess and guess not in candidates and not guess.startswith(("utf", "ascii")):
            guessed = _strict(raw, guess, truncated=truncated)
            if guessed is not None and _cjk_share(guessed) > 0.2:
                return DecodedDocument(guessed, guess, declared, [*flags, "guessed-charset"])
    return DecodedDocument(text, best, declared, [*flags, "replacement-characters"])


def _cjk_share(text: str) -> float:
    """Share of CJK ideographs among the non-ASCII characters (a sanity check on a guess)."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if "\u4e00" <= ch <= "\u9fff") / len(non_ascii)


def read_capped(path: str | Path, limit: int = MAX_BYTES) -> tuple[bytes, bool]:
    """Read at most ``limit`` bytes of a file; return (bytes, truncated)."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        return data[:limit], True
    return data, False


def decode_file(path: str | Path, limit: int = MAX_BYTES) -> DecodedDocument:
    """Read a file (capped) and decode it."""
    raw, truncated = read_capped(path, limit)
    return decode_bytes(raw, truncated=truncated)
