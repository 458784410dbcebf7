"""The importer's fast page write against Wagtail's public add_child + save_revision().publish().

Both paths create the same page at the same place (the reference inside a rolled-back savepoint)
and the test compares what each leaves: the page row, its tree fields, the revision, the history
entries and the signals Wagtail sends. What differs, by design:

- ids, the translation key and timestamps (compared as set or unset, not by value);
- the page row is written once, so Django's post_save for the page model fires once (created)
  where the public path fires it three times (add_child, save_revision, publish);
- history rows go in with one bulk insert, so PageLogEntry's full_clean and post_save do not run
  (the rows are the same: same actions, labels, revision links, flags and data).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, page_unpublished, published

from migrations_kit.pagesave import ParentCache, ParentTypeError, create_page
from redesign.core.models import ArticlePage, StandardPage
from tests.conftest import column_of

VOLATILE = {
    "pk",
    "id",
    "page_ptr",
    "translation_key",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
}
"""Fields that differ between two equal creations; their set-or-unset state is still compared."""
SHOWN = datetime(2019, 3, 5, tzinfo=ZoneInfo("Asia/Shanghai"))


class _Rollback(Exception):
    """Raised to undo the reference creation after it has been observed."""


def _article(publish: bool, shown: datetime | None = SHOWN) -> ArticlePage:
    """An imported article as the writer builds it."""
    body = [{"type": "paragraph", "value": "<p>全县春耕生产工作会议召开。</p>", "id": "b1"}]
    return ArticlePage(
        title="全县春耕生产工作会议召开",
        slug="t20190305_1001",
        live=publish,
        publish_date=shown,
        source="县政府办",
        is_imported=True,
        legacy_url="http://www.napo.gov.cn/zwdt/201903/t20190305_1001.htm",
        content_hash="c" * 64,
        body=body,
    )


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """A field dict with volatile values reduced to whether they are set."""
    return {k: (v is not None if k in VOLATILE else v) for k, v in values.items()}


def _observe(page_id: int, signals: list[tuple[str, str, bool]]) -> dict[str, Any]:
    """Everything the creation left behind, in comparable form."""
    page = Page.objects.get(pk=page_id).specific
    row = {
        field.attname: getattr(page, field.attname)
        for field in page._meta.concrete_fields
        if field.attname not in {"page_ptr_id"}
    }
    row = {
        k.removesuffix("_id"): list(v.raw_data) if hasattr(v, "raw_data") else v
        for k, v in row.items()
    }
    revisions = list(Revision.page_revisions.filter(object_id=str(page_id)).order_by("pk"))
    logs = list(PageLogEntry.objects.filter(page_id=page_id).order_by("pk"))
    return {
        "row": _plain(row),
        "revision_is_latest": page.latest_revision_id == revisions[-1].pk,
        "revision_is_live": page.live_revision_id == revisions[-1].pk,
        "revisions": [
            {
                "content": _plain(revision.content),
                "user": revision.user_id,
                "object_str": revision.object_str,
                "base_content_type": revision.base_content_type_id,
                "content_type": revision.content_type_id,
                "approved_go_live_at": revision.approved_go_live_at,
            }
            for revision in revisions
        ],
        "logs": [
            {
                "action": entry.action,
                "label": entry.label,
                "revision_is_page_revision": entry.revision_id == revisions[-1].pk,
                "has_revision": entry.revision_id is not None,
                "content_changed": entry.content_changed,
                "deleted": entry.deleted,
                "data": entry.data,
                "user": entry.user_id,
                "content_type": entry.content_type_id,
            }
            for entry in logs
        ],
        "parent_numchild": page.get_parent().numchild,
        "signals": signals,
    }


class _Signals:
    """Records Wagtail's publishing signals while active."""

    def __init__(self) -> None:
        """Start with nothing heard."""
        self.heard: list[tuple[str, str, bool]] = []

    def __enter__(self) -> list[tuple[str, str, bool]]:
        """Connect to page_published, published and page_unpublished."""
        for name, signal in self._signals():
            signal.connect(self._receiver(name), weak=False, dispatch_uid=f"contract-{name}")
        return self.heard

    def __exit__(self, *exc: object) -> None:
        """Disconnect."""
        for name, signal in self._signals():
            signal.disconnect(dispatch_uid=f"contract-{name}")

    @staticmethod
    def _signals():
        """The signals compared."""
        return [("page_published", page_published), ("published", published)] + [
            ("page_unpublished", page_unpublished)
        ]

    def _receiver(self, name: str):
        """A receiver noting the signal, its sender and whether the revision is the live one."""

        def receive(sender, instance, revision=None, **kwargs):
            live = revision is not None and instance.live_revision_id == revision.pk
            self.heard.append((name, sender.__name__, live))

        return receive


def _reference(parent: Page, page: Page, publish: bool) -> dict[str, Any]:
    """What Wagtail's public API leaves, observed, then rolled back."""
    observed: dict[str, Any] = {}
    try:
        with transaction.atomic(), _Signals() as heard:
            parent.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
            observed = _observe(page.pk, heard)
            raise _Rollback
    except _Rollback:
        pass
    return observed


def _fast(parent: Page, page: Page, publish: bool) -> dict[str, Any]:
    """What the importer's fast path leaves, observed."""
    with _Signals() as heard:
        create_page(Page.objects.get(pk=parent.pk), page, publish, ParentCache())
        return _observe(page.pk, heard)


@pytest.mark.parametrize("publish", [True, False], ids=["published", "draft"])
@pytest.mark.parametrize("shown", [SHOWN, None], ids=["dated", "undated"])
def test_the_fast_path_writes_what_add_child_and_publish_write(county, publish, shown):
    column = column_of(county, "yaowen")
    expected = _reference(Page.objects.get(pk=column.pk), _article(publish, shown), publish)
    assert not ArticlePage.objects.filter(slug="t20190305_1001").exists()
    actual = _fast(column, _article(publish, shown), publish)
    assert actual == expected
    assert [entry["action"] for entry in actual["logs"]] == (
        ["wagtail.create", "wagtail.publish"] if publish else ["wagtail.create"]
    )
    assert actual["signals"] == (
        [("page_published", "ArticlePage", True), ("published", "ArticlePage", True)]
        if publish
        else []
    )
    assert actual["row"]["publish_date"] == shown, "an imported article keeps its shown date"
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_fast_path_appends_after_existing_children(county):
    column = column_of(county, "yaowen")
    first = _article(True)
    create_page(column, first, True)
    second = _article(True)
    second.slug = "t20190305_1002"
    create_page(Page.objects.get(pk=column.pk), second, True)
    children = list(Page.objects.get(pk=column.pk).get_children())
    assert children[-2:] == [Page.objects.get(pk=first.pk), Page.objects.get(pk=second.pk)]
    assert Page.objects.get(pk=column.pk).numchild == len(children)
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_fast_path_refuses_a_parent_its_page_type_forbids(county):
    with pytest.raises(ParentTypeError, match="「文章」类型的页面不能放在"):
        create_page(Page.objects.get(pk=county.home.pk), _article(True), True)
    assert not ArticlePage.objects.filter(slug="t20190305_1001").exists()
    article = _article(True)
    create_page(column_of(county, "yaowen"), article, True)
    standard = StandardPage(title="概况", slug="gaikuang-imported")
    with pytest.raises(ParentTypeError, match="「普通页面」类型的页面不能放在「全县春耕"):
        create_page(Page.objects.get(pk=article.pk), standard, True)
    assert not StandardPage.objects.filter(slug="gaikuang-imported").exists()
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_fast_path_sends_no_extra_page_saves_beyond_its_one_insert(county):
    saves: list[bool] = []

    def heard(sender, instance, created, **kwargs):
        saves.append(created)

    post_save.connect(heard, sender=ArticlePage, weak=False, dispatch_uid="contract-save")
    try:
        create_page(column_of(county, "yaowen"), _article(True), True)
    finally:
        post_save.disconnect(sender=ArticlePage, dispatch_uid="contract-save")
    assert saves == [True]
