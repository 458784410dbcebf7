"""Small but real binary files for generated sites: images, office documents, PDFs, ZIPs."""

from __future__ import annotations

import io
import random
import struct
import zipfile

from PIL import Image, ImageDraw

IMAGE_FORMATS = {"jpg": "JPEG", "png": "PNG", "gif": "GIF"}


def image_bytes(rng: random.Random, ext: str, width: int, height: int) -> bytes:
    """Draw a small picture (sky, hills, a few blocks) and return it encoded as ext."""
    sky = (rng.randint(120, 220), rng.randint(160, 230), rng.randint(200, 255))
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    ground = (rng.randint(40, 120), rng.randint(110, 180), rng.randint(40, 100))
    horizon = rng.randint(height // 3, 2 * height // 3)
    draw.polygon(
        [
            (0, horizon),
            (width // 3, horizon - rng.randint(5, 30)),
            (width, horizon),
            (width, height),
            (0, height),
        ],
        fill=ground,
    )
    for _ in range(rng.randint(1, 4) if width > 16 and height > 16 else 0):
        left = rng.randrange(width - 8)
        top = rng.randrange(horizon // 2, height - 4)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle(
            [left, top, left + rng.randint(4, 30), top + rng.randint(3, 20)], fill=colour
        )
    buffer = io.BytesIO()
    if ext == "jpg":
        image.save(buffer, "JPEG", quality=70)
    elif ext == "gif":
        image.convert("P", palette=Image.Palette.ADAPTIVE, colors=32).save(buffer, "GIF")
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def ole_document(text: str, kind: str) -> bytes:
    """Return bytes shaped like an OLE2 compound file (.doc/.xls): header, FAT and a text sector."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 44, 1, 1, 0, 0x1000)  # one FAT sector, directory at sector 1
    struct.pack_into("<iIiI", header, 60, -2, 0, -2, 0)
    struct.pack_into("<i", header, 76, 0)  # FAT lives in sector 0
    for position in range(1, 109):
        struct.pack_into("<i", header, 76 + position * 4, -1)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<iii", fat, 0, -3, -2, -2)
    directory = bytearray(512)
    name = "Root Entry".encode("utf-16-le") + b"\x00\x00"
    directory[0 : len(name)] = name
    struct.pack_into("<HBB", directory, 64, len(name), 5, 1)
    struct.pack_into("<iii", directory, 68, -1, -1, -1)
    label = b"WordDocument" if kind == "doc" else b"Workbook"
    payload = (label + b"\x00" + text.encode("utf-16-le"))[:1024].ljust(1024, b"\x00")
    return bytes(header + fat + directory + payload)


def pdf_document(text: str) -> bytes:
    """Return a minimal valid one-page PDF showing an ASCII line."""
    safe = "".join(c for c in text if c.isascii() and c not in "()\\")
    stream = f"BT /F1 14 Tf 72 720 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def zip_archive(name: str, text: str) -> bytes:
    """Return a real ZIP holding one text file, with a fixed timestamp so bytes repeat."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(name, date_time=(2010, 1, 1, 0, 0, 0))
        info.flag_bits |= 0x800  # UTF-8 file name
        archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def attachment_bytes(ext: str, legacy_name: str, display_name: str) -> bytes:
    """Return the bytes of an attachment file of the given extension."""
    if ext in ("doc", "xls"):
        return ole_document(display_name, ext)
    if ext == "pdf":
        return pdf_document(f"Attachment {legacy_name}")
    return zip_archive(f"{legacy_name}.txt", display_name + "\n")


STYLESHEET = """body { margin: 0; font-size: 12px; font-family: "SimSun", serif; color: #333; }
a { color: #333; text-decoration: none; }
a:hover { color: #c00; text-decoration: underline; }
.nav td { background: #0b4f9c; color: #fff; height: 32px; }
.nav a { color: #fff; font-size: 14px; font-weight: bold; padding: 0 10px; }
.position { height: 28px; border-bottom: 1px solid #ccc; }
.list td { height: 24px; border-bottom: 1px dashed #ddd; }
.title { font-size: 20px; font-weight: bold; color: #c00; padding: 12px; }
.info { color: #666; border-bottom: 1px solid #ddd; }
.content, #zoom, #fontzoom { font-size: 14px; line-height: 26px; }
.footer { border-top: 2px solid #0b4f9c; line-height: 22px; text-align: center; }
"""

SCRIPT = """function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var nCurrIndex = _nCurrIndex || 0;
  if (nCurrIndex == 0) { document.write("<span>1</span>&nbsp;"); }
  else { document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">1</a>&nbsp;"); }
  for (var i = 1; i < _nPageCount; i++) {
    if (nCurrIndex == i) { document.write("<span>" + (i + 1) + "</span>&nbsp;"); }
    else {
      var sHref = _sPageName + "_" + i + "." + _sPageExt;
      document.write("<a href=\\"" + sHref + "\\">" + (i + 1) + "</a>&nbsp;");
    }
  }
}
function doZoom(size) { document.getElementById("zoom").style.fontSize = size + "px"; }
"""
