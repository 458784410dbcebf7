"""WagtailAssetStore: images and documents land in the collection, deduplicated and checked."""

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image

from migrations_kit.building.assets import WagtailAssetStore
from migrations_kit.issues import Issue, IssueCode

from .conftest import BASE

DOCS = "http://www.napo.gov.cn/uploads/2008/"
pytestmark = pytest.mark.django_db


def _issues(store: WagtailAssetStore) -> list[tuple[IssueCode, str]]:
    """The store's issues as (code, sentence) pairs."""
    return [(issue.code, str(issue)) for issue in store.issues]


def test_image_is_created_in_the_collection_and_cached_per_url(store, source, collection):
    first = store.image(BASE + "W020080305_1.jpg", "县城全景")
    again = store.image(BASE + "W020080305_1.jpg", "县城全景")
    assert first is again
    assert source.reads == [BASE + "W020080305_1.jpg"]
    assert first.collection == collection and first.title == "县城全景"
    assert (first.width, first.height) == (64, 48)
    assert first.file_hash and first.file_size
    assert first.file.name.endswith(".png")
    assert store.created_images == [first.pk] and store.issues == []


def test_same_content_under_two_urls_is_one_image(store, collection):
    first = store.image(BASE + "W020080305_1.jpg", "")
    second = store.image(BASE + "W020080305_1_copy.jpg", "")
    assert first.pk == second.pk
    assert Image.objects.filter(collection=collection).count() == 1
    assert first.title == "W020080305_1"


def test_dedupe_reaches_images_of_an_earlier_run(collection, source):
    earlier = WagtailAssetStore(collection, source).image(BASE + "small.jpg", "")
    rerun = WagtailAssetStore(collection, source)
    assert rerun.image(BASE + "small.jpg", "").pk == earlier.pk
    assert rerun.created_images == []


def test_bad_images_become_issues_not_errors(store):
    assert store.image(BASE + "nothere.jpg", "") is None
    assert store.image(BASE + "fake.jpg", "") is None
    assert store.image(BASE + "bomb.png", "") is None
    missing, fake, bomb = store.issues
    assert missing == Issue(
        IssueCode.ASSET_MISSING, BASE + "nothere.jpg", f"缺少图片 {BASE}nothere.jpg"
    )
    assert (fake.code, str(fake)) == (IssueCode.ASSET_INVALID, f"不是有效图片 {BASE}fake.jpg")
    assert bomb.code == IssueCode.ASSET_TOO_BIG and bomb.url == BASE + "bomb.png"
    assert str(bomb).startswith(f"图片尺寸过大 {BASE}bomb.png")
    assert Image.objects.count() == 0


def test_pixel_and_byte_caps(collection, source):
    small_cap = WagtailAssetStore(collection, source, max_image_pixels=1000, max_bytes=10_000)
    assert small_cap.image(BASE + "small.jpg", "") is None
    assert _issues(small_cap) == [
        (IssueCode.ASSET_TOO_BIG, f"图片尺寸过大 {BASE}small.jpg（32×32）")
    ]
    tiny_cap = WagtailAssetStore(collection, source, max_bytes=10)
    assert tiny_cap.image(BASE + "small.jpg", "") is None
    assert _issues(tiny_cap) == [(IssueCode.ASSET_TOO_BIG, f"图片文件过大 {BASE}small.jpg")]


def test_failing_reader_is_an_issue(collection):
    def broken(url: str) -> bytes | None:
        """A reader whose disk has gone."""
        raise OSError("disk gone")

    store = WagtailAssetStore(collection, broken)
    assert store.image(BASE + "a.jpg", "") is None
    assert _issues(store) == [(IssueCode.ASSET_UNREADABLE, f"读取失败 {BASE}a.jpg：disk gone")]
    assert store.issues[0].url == BASE + "a.jpg"


def test_formats_wagtail_cannot_render_are_stored_as_png(store):
    image = store.image(BASE + "scan.bmp", "扫描件")
    assert image.file.name.endswith(".png") and (image.width, image.height) == (40, 30)


def test_documents_are_created_deduplicated_and_checked(store, collection):
    first = store.document(DOCS + "fangan.doc", "工作方案")
    copy = store.document(DOCS + "fangan_copy.doc", "工作方案（副本）")
    other = store.document(DOCS + "biao.xls", "")
    assert first.pk == copy.pk != other.pk
    assert first.title == "工作方案" and other.title == "biao"
    assert first.file.name.endswith(".doc") and first.file_size == len(
        b"\xd0\xcf\x11\xe0 fake word file"
    )
    assert first.collection == collection
    assert store.created_documents == [first.pk, other.pk]
    assert store.document(DOCS + "missing.pdf", "") is None
    assert store.document(DOCS + "error.pdf", "") is None
    assert _issues(store) == [
        (IssueCode.ASSET_MISSING, f"缺少附件 {DOCS}missing.pdf"),
        (IssueCode.ASSET_INVALID, f"不是有效附件 {DOCS}error.pdf（内容是网页）"),
    ]
    assert [issue.url for issue in store.issues] == [DOCS + "missing.pdf", DOCS + "error.pdf"]
    assert Document.objects.filter(collection=collection).count() == 2


def test_dry_run_creates_nothing_and_plans_each_file_once(collection, source):
    store = WagtailAssetStore(collection, source, dry_run=True)
    assert store.image(BASE + "W020080305_1.jpg", "") is None
    assert store.image(BASE + "W020080305_1_copy.jpg", "") is None
    assert store.image(BASE + "fake.jpg", "") is None
    assert store.document(DOCS + "fangan.doc", "") is None
    assert store.planned == [BASE + "W020080305_1.jpg", DOCS + "fangan.doc"]
    assert _issues(store) == [(IssueCode.ASSET_INVALID, f"不是有效图片 {BASE}fake.jpg")]
    assert Image.objects.count() == 0 and Document.objects.count() == 0
    assert store.created_images == [] and store.created_documents == []


def test_empty_and_oversized_documents_are_issues(collection):
    files = {DOCS + "empty.doc": b"", DOCS + "big.pdf": b"%PDF" + b"0" * 100}
    store = WagtailAssetStore(collection, files.get, max_bytes=50)
    assert store.document(DOCS + "empty.doc", "") is None
    assert store.document(DOCS + "big.pdf", "") is None
    assert _issues(store) == [
        (IssueCode.ASSET_INVALID, f"附件为空 {DOCS}empty.doc"),
        (IssueCode.ASSET_TOO_BIG, f"附件文件过大 {DOCS}big.pdf"),
    ]


def test_a_storage_that_refuses_the_file_is_an_issue(store, monkeypatch):
    def refuse(self, *args, **kwargs):
        """A save whose storage is full."""
        raise OSError("no space left")

    monkeypatch.setattr(Image, "save", refuse)
    monkeypatch.setattr(Document, "save", refuse)
    assert store.image(BASE + "W020080305_1.jpg", "县城全景") is None
    assert store.document(DOCS + "fangan.doc", "工作方案") is None
    assert _issues(store) == [
        (IssueCode.ASSET_SAVE_FAILED, f"保存图片失败 {BASE}W020080305_1.jpg：no space left"),
        (IssueCode.ASSET_SAVE_FAILED, f"保存附件失败 {DOCS}fangan.doc：no space left"),
    ]
