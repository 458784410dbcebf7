"""What the form checks beyond field types: plain text, sensitive words, the attachment's bytes."""

import html
import io
import unicodedata

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_CONTROLS = {"\n", "\r", "\t"}

# The attachment's kind is read from its first bytes, never from its name or the browser's word.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image", "png"),
    (b"GIF87a", "image", "gif"),
    (b"GIF89a", "image", "gif"),
    (b"%PDF-", "pdf", "pdf"),
)


def plain_text(value: str, *, multiline: bool) -> str:
    """The text with any HTML taken out and its entities read; control characters refused."""
    bad = [ch for ch in value if unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS]
    if bad:
        raise ValidationError(_("内容含有不可见的控制字符，请删除后重新输入。"), code="control")
    if "<" in value or "&" in value:
        value = html.unescape(nh3.clean(value, tags=set()))
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        value = " ".join(value.split())
    return value.strip()


def matched_words(text: str, words: list[str]) -> list[str]:
    """The sensitive words that occur in the text (case-insensitive), in list order."""
    folded = text.casefold()
    return [word for word in words if word.casefold() in folded]


def attachment_kind(upload, max_bytes: int) -> str:
    """The file's extension as its bytes prove it (jpg, png, gif, webp, pdf), or a clear error."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("附件不能超过 %(mb)s MB。") % {"mb": max_bytes // (1024 * 1024)}, code="size"
        )
    if upload.size == 0:
        raise ValidationError(_("附件是空文件。"), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    found = next(((kind, ext) for sig, kind, ext in SIGNATURES if head.startswith(sig)), None)
    if found is None and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        found = ("image", "webp")
    if found is None:
        raise ValidationError(_("附件只能是图片（JPG、PNG、GIF、WebP）或 PDF 文件。"), code="type")
    kind, ext = found
    if kind == "image":
        try:
            with Image.open(io.BytesIO(upload.read())) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
            raise ValidationError(_("图片文件已损坏，无法打开。"), code="broken") from err
        finally:
            upload.seek(0)
    return ext
