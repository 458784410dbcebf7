"""Bring a legacy page's images and files into Wagtail: verified, deduplicated, cached per URL."""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from io import BytesIO
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from ..issues import Issue, IssueCode
from .urls import url_extension, url_filename

if TYPE_CHECKING:
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage

KEPT_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
"""Image formats Wagtail renders as they are; anything else Pillow reads is stored as PNG."""
TITLE_MAX = 255
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<?xml", b"<script")


def content_hash(data: bytes) -> str:
    """Return the SHA-1 hex digest Wagtail stores as file_hash."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _stem(url: str, default: str) -> str:
    """Return a file name stem for a URL."""
    name = url_filename(url)
    stem = os.path.splitext(name)[0] if "." in name else name
    return stem.strip() or default


class WagtailAssetStore:
    """Create Wagtail images and documents in one collection from fetched legacy files."""

    def __init__(
        self,
        collection: Collection | None,
        fetch: Callable[[str], bytes | None],
        dry_run: bool = False,
        max_image_pixels: int = 40_000_000,
        max_bytes: int = 50 * 1024 * 1024,
    ) -> None:
        """Store into collection (the root one if None), reading files through fetch."""
        self.collection = collection or Collection.get_first_root_node()
        self.fetch = fetch
        self.dry_run = dry_run
        self.max_image_pixels = max_image_pixels
        self.max_bytes = max_bytes
        self.created_images: list[int] = []
        self.created_documents: list[int] = []
        self.issues: list[Issue] = []
        self.planned: list[str] = []
        self._images: dict[str, Any] = {}
        self._documents: dict[str, Any] = {}
        self._planned_hashes: set[str] = set()

    # shared ------------------------------------------------------------------------------

    def _issue(self, code: IssueCode, url: str, detail: str) -> None:
        """Record a problem with the file at url."""
        self.issues.append(Issue(code, url, detail))

    def _read(self, url: str, missing: str, too_big: str) -> bytes | None:
        """Fetch a file through the importer's fetch, recording why it could not be had."""
        try:
            data = self.fetch(url)
        except Exception as err:  # the importer's reader may fail in many ways
            self._issue(IssueCode.ASSET_UNREADABLE, url, f"读取失败 {url}：{err}")
            return None
        if data is None:
            self._issue(IssueCode.ASSET_MISSING, url, f"{missing} {url}")
            return None
        if len(data) > self.max_bytes:
            self._issue(IssueCode.ASSET_TOO_BIG, url, f"{too_big} {url}")
            return None
        return data

    def _plan(self, url: str, digest: str) -> None:
        """Record, in a dry run, a file that would be created."""
        if digest not in self._planned_hashes:
            self._planned_hashes.add(digest)
            self.planned.append(url)

    # images ------------------------------------------------------------------------------

    def image(self, url: str, alt: str) -> AbstractImage | None:
        """Return the Wagtail image for url, creating it on first use; None if unusable."""
        if url not in self._images:
            self._images[url] = self._image(url, alt)
        return self._images[url]

    def _check_image(self, url: str, data: bytes) -> tuple[bytes, str, int, int] | None:
        """Verify image bytes; return (bytes to store, extension, width, height) or None."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(BytesIO(data)) as probe:
                    probe.verify()
                with PILImage.open(BytesIO(data)) as img:
                    width, height = img.size
                    if width * height > self.max_image_pixels:
                        self._issue(
                            IssueCode.ASSET_TOO_BIG, url, f"图片尺寸过大 {url}（{width}×{height}）"
                        )
                        return None
                    img.load()
                    ext = KEPT_FORMATS.get(img.format or "")
                    if ext is None:
                        mode = (
                            "RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB"
                        )
                        buffer = BytesIO()
                        img.convert(mode).save(buffer, "PNG")
                        data, ext = buffer.getvalue(), "png"
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            self._issue(IssueCode.ASSET_TOO_BIG, url, f"图片尺寸过大 {url}")
            return None
        except Exception:  # Pillow raises many kinds of errors for broken files
            self._issue(IssueCode.ASSET_INVALID, url, f"不是有效图片 {url}")
            return None
        return data, ext, width, height

    def _image(self, url: str, alt: str) -> AbstractImage | None:
        """Fetch, verify, deduplicate and create one image."""
        data = self._read(url, "缺少图片", "图片文件过大")
        if data is None:
            return None
        checked = self._check_image(url, data)
        if checked is None:
            return None
        data, ext, width, height = checked
        digest = content_hash(data)
        model = get_image_model()
        found, existing = self._existing(model, url, digest)
        if found:
            return existing
        stem = _stem(url, "image")
        image = model(
            title=(alt.strip() or stem)[:TITLE_MAX],
            collection=self.collection,
            file=ImageFile(BytesIO(data), name=f"{stem}.{ext}"),
            width=width,
            height=height,
            file_size=len(data),
            file_hash=digest,
        )
        try:
            image.save()
        except OSError as err:
            self._issue(IssueCode.ASSET_SAVE_FAILED, url, f"保存图片失败 {url}：{err}")
            return None
        self.created_images.append(image.pk)
        return image

    def _existing(self, model, url: str, digest: str) -> tuple[bool, Any]:
        """(True, object) when the answer is known: a same-hash file, or None in a dry run."""
        existing = model.objects.filter(collection=self.collection, file_hash=digest).first()
        if self.dry_run:
            if existing is None:
                self._plan(url, digest)
            return True, None
        return existing is not None, existing

    # documents ---------------------------------------------------------------------------

    def document(self, url: str, title: str) -> AbstractDocument | None:
        """Return the Wagtail document for url, creating it on first use; None if unusable."""
        if url not in self._documents:
            self._documents[url] = self._document(url, title)
        return self._documents[url]

    def _document(self, url: str, title: str) -> AbstractDocument | None:
        """Fetch, check, deduplicate and create one document."""
        data = self._read(url, "缺少附件", "附件文件过大")
        if data is None:
            return None
        ext = url_extension(url)
        if not data:
            self._issue(IssueCode.ASSET_INVALID, url, f"附件为空 {url}")
            return None
        if ext not in {"txt", "htm", "html"} and data[:512].lstrip().lower().startswith(
            _HTML_STARTS
        ):
            self._issue(IssueCode.ASSET_INVALID, url, f"不是有效附件 {url}（内容是网页）")
            return None
        digest = content_hash(data)
        model = get_document_model()
        found, existing = self._existing(model, url, digest)
        if found:
            return existing
        stem = _stem(url, "document")
        name = f"{stem}.{ext}" if ext and not stem.lower().endswith(f".{ext}") else stem
        document = model(
            title=(title.strip() or stem)[:TITLE_MAX],
            collection=self.collection,
            file=ContentFile(data, name=name),
            file_size=len(data),
            file_hash=digest,
        )
        try:
            document.save()
        except OSError as err:
            self._issue(IssueCode.ASSET_SAVE_FAILED, url, f"保存附件失败 {url}：{err}")
            return None
        self.created_documents.append(document.pk)
        return document
