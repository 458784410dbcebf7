"""Fixtures for the building tests: image bytes, a fake legacy file reader and an asset store."""

import struct
import zlib
from io import BytesIO

import pytest
from PIL import Image as PILImage
from wagtail.models import Collection

from migrations_kit.building.assets import WagtailAssetStore

BASE = "http://www.napo.gov.cn/xwzx/bmdt/200803/"
PAGE_URL = BASE + "t20080305_1234.htm"


def png_bytes(colour: str = "#2a6fb0", size: tuple[int, int] = (64, 48)) -> bytes:
    """A small real PNG."""
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def bmp_bytes() -> bytes:
    """A small real BMP (a format Wagtail does not render as is)."""
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "#c00000").save(buffer, "BMP")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk with its length and CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny file whose PNG header declares a huge image (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


class FakeSource:
    """A legacy mirror in memory: URL to bytes, counting every read."""

    def __init__(self, files: dict[str, bytes]) -> None:
        """Serve files, a URL-to-bytes map."""
        self.files = files
        self.reads: list[str] = []

    def __call__(self, url: str) -> bytes | None:
        """Return the file's bytes, or None when the mirror lacks it."""
        self.reads.append(url)
        return self.files.get(url)


@pytest.fixture
def collection(db) -> Collection:
    """A collection for one county's imported assets."""
    root = Collection.get_first_root_node()
    return root.add_child(name="那坡县旧站导入")


@pytest.fixture
def source() -> FakeSource:
    """A legacy mirror with a photo, the same photo under a second URL, a BMP and a document."""
    photo = png_bytes()
    word = b"\xd0\xcf\x11\xe0 fake word file"
    return FakeSource(
        {
            BASE + "W020080305_1.jpg": photo,
            BASE + "W020080305_1_copy.jpg": photo,
            BASE + "small.jpg": png_bytes("#00aa00", (32, 32)),
            BASE + "scan.bmp": bmp_bytes(),
            BASE + "fake.jpg": b"<html><body>404 Not Found</body></html>",
            BASE + "bomb.png": bomb_png(),
            "http://www.napo.gov.cn/uploads/2008/fangan.doc": word,
            "http://www.napo.gov.cn/uploads/2008/fangan_copy.doc": word,
            "http://www.napo.gov.cn/uploads/2008/biao.xls": b"\xd0\xcf\x11\xe0 fake excel file",
            "http://www.napo.gov.cn/uploads/2008/error.pdf": b"<!DOCTYPE html><html>error</html>",
        }
    )


@pytest.fixture
def store(collection, source) -> WagtailAssetStore:
    """An asset store writing into the test collection from the fake mirror."""
    return WagtailAssetStore(collection, source)
