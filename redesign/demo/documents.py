"""Small, valid attachment files written by hand: a one-page PDF and a minimal DOCX.

The PDF uses the standard Adobe-GB1 CID font STSong-Light with the UniGB-UCS2-H encoding, so
Chinese text displays in PDF readers without embedding a font.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72
FONT_SIZE = 12
LINE_HEIGHT = 20


def _pdf_hex(text: str) -> str:
    """Text as a PDF hex string in UCS-2 (characters outside the BMP become a full stop)."""
    encoded = "".join(ch if ord(ch) <= 0xFFFF else "。" for ch in text).encode("utf-16-be")
    return "<" + encoded.hex().upper() + ">"


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most ``width`` full-width characters."""
    lines, line, used = [], "", 0.0
    for ch in text:
        cost = 0.5 if ord(ch) < 0x2000 else 1.0
        if used + cost > width:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += cost
    if line:
        lines.append(line)
    return lines


def make_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and paragraphs (cut off at the foot of the page)."""
    per_line = (PAGE_WIDTH - 2 * MARGIN) // FONT_SIZE
    commands = ["BT", f"/F1 {FONT_SIZE + 6} Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
    y = PAGE_HEIGHT - MARGIN
    first = True
    for title_line in wrap(title, (PAGE_WIDTH - 2 * MARGIN) // (FONT_SIZE + 6)):
        if not first:
            commands.append(f"0 -{LINE_HEIGHT + 6} Td")
            y -= LINE_HEIGHT + 6
        commands.append(f"{_pdf_hex(title_line)} Tj")
        first = False
    commands.append(f"/F1 {FONT_SIZE} Tf")
    commands.append(f"0 -{LINE_HEIGHT * 2} Td")
    y -= LINE_HEIGHT * 2
    for paragraph in lines:
        for i, line in enumerate(wrap(("　　" if paragraph else "") + paragraph, per_line) or [""]):
            if y < MARGIN:
                break
            commands.append(f"{_pdf_hex(line)} Tj")
            commands.append(f"0 -{LINE_HEIGHT} Td")
            y -= LINE_HEIGHT
            del i
    commands.append("ET")
    stream = "\n".join(commands).encode("ascii")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ).encode("ascii"),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [6 0 R] >>"
        ),
        (
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
            b"/FontDescriptor 7 0 R /DW 1000 >>"
        ),
        (
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
            b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
            b"/CapHeight 880 /StemV 93 >>"
        ),
        (
            "<< /Title <FEFF" + title.encode("utf-16-be").hex().upper() + "> "
            "/Producer (redesign demo) >>"
        ).encode("ascii"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n" % (len(objects) + 1))
    out.write(b"0000000000 65535 f \n")
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return out.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_paragraph(text: str, bold: bool = False, size: int = 24, centre: bool = False) -> str:
    """One WordprocessingML paragraph."""
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centre else ""
    rpr = (
        "<w:rPr>"
        '<w:rFonts w:ascii="SimSun" w:eastAsia="SimSun" w:hAnsi="SimSun"/>'
        + ("<w:b/>" if bold else "")
        + f'<w:sz w:val="{size}"/></w:rPr>'
    )
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def make_docx(title: str, rows: list[str]) -> bytes:
    """A minimal Word document with a centred title and one paragraph per row."""
    body = _docx_paragraph(title, bold=True, size=32, centre=True) + "".join(
        _docx_paragraph(row) for row in rows
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
        'w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()
