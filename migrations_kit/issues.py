"""A problem found while importing one file, as a small typed value the report counts by code."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class IssueCode(StrEnum):
    """What kind of problem an issue is (the report groups and counts by it)."""

    ASSET_UNREADABLE = "asset_unreadable"
    """The source could not read an image or attachment (读取失败)."""
    ASSET_MISSING = "asset_missing"
    """An image or attachment the page names is not in the source (缺少图片, 缺少附件)."""
    ASSET_TOO_BIG = "asset_too_big"
    """An image or attachment is over the size limit (文件过大, 图片尺寸过大)."""
    ASSET_INVALID = "asset_invalid"
    """The file is not what its name says (不是有效图片, 不是有效附件, 附件为空)."""
    ASSET_SAVE_FAILED = "asset_save_failed"
    """Wagtail refused to store a readable image or attachment (保存失败)."""
    IMAGE_NO_SOURCE = "image_no_source"
    """An <img> without a usable address; skipped."""
    IMAGE_NO_ALT = "image_no_alt"
    """An image imported without alternative text."""
    TABLE_LINK_FLATTENED = "table_link_flattened"
    """A link inside a table cell became plain text (table cells hold text)."""
    BODY_TOO_DEEP = "body_too_deep"
    """The body nests too deep for its structure to be kept; imported as paragraphs."""
    BODY_TOO_LONG = "body_too_long"
    """The body has more blocks (or the page more tags) than a page takes; the rest is rich text."""
    EMPTY_BODY = "empty_body"
    """The old article has a title but no text (its text was an attachment, or nothing)."""
    LINK_BROKEN = "link_broken"
    """A link of the legacy page points at nothing the import knows."""
    REDIRECT_TOO_LONG = "redirect_too_long"
    """A legacy address too long for a redirect."""
    REDIRECT_KEPT_MANUAL = "redirect_kept_manual"
    """A redirect a person set up already uses the legacy address; not overwritten."""

    @property
    def label(self) -> str:
        """The kind of problem in Chinese, as the report names it."""
        return str(ISSUE_LABELS.get(self, self.value))


ISSUE_LABELS = {
    IssueCode.ASSET_UNREADABLE: _("图片或附件读取失败"),
    IssueCode.ASSET_MISSING: _("缺少图片或附件"),
    IssueCode.ASSET_TOO_BIG: _("图片或附件过大"),
    IssueCode.ASSET_INVALID: _("图片或附件无效"),
    IssueCode.ASSET_SAVE_FAILED: _("图片或附件保存失败"),
    IssueCode.IMAGE_NO_SOURCE: _("图片缺少地址"),
    IssueCode.IMAGE_NO_ALT: _("图片缺少替代文本"),
    IssueCode.TABLE_LINK_FLATTENED: _("表格中的链接转为文字"),
    IssueCode.BODY_TOO_DEEP: _("正文嵌套过深"),
    IssueCode.BODY_TOO_LONG: _("正文过长"),
    IssueCode.EMPTY_BODY: _("正文为空"),
    IssueCode.LINK_BROKEN: _("旧站失效链接"),
    IssueCode.REDIRECT_TOO_LONG: _("旧地址过长，无法重定向"),
    IssueCode.REDIRECT_KEPT_MANUAL: _("已有人工重定向"),
}
"""Each issue code's label in Chinese (the report titles its short lists with them)."""


MISSING_ASSET_CODES = frozenset(
    {
        IssueCode.ASSET_UNREADABLE,
        IssueCode.ASSET_MISSING,
        IssueCode.ASSET_TOO_BIG,
        IssueCode.ASSET_INVALID,
    }
)
"""Codes the report lists under 缺失的图片和附件."""


@dataclass(frozen=True)
class Issue:
    """One problem: its code, the address it concerns, and the sentence shown to people."""

    code: IssueCode
    url: str = ""
    detail: str = ""

    def __str__(self) -> str:
        """The sentence for the report and the id map (Chinese, as editors read it)."""
        return self.detail or f"{self.code} {self.url}".strip()

    def as_dict(self) -> dict[str, str]:
        """The issue as JSON-ready fields."""
        return {"code": str(self.code), "url": self.url, "detail": str(self)}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Issue:
        """An issue read back from as_dict()'s fields."""
        return cls(IssueCode(data["code"]), data.get("url", ""), data.get("detail", ""))
