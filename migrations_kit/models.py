"""The migration kit's id map: import runs, one row per source file, and what each run created."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One run of import_legacy over a source, with its options and final counts."""

    class Status(models.TextChoices):
        """Where the run is."""

        RUNNING = "running", _("运行中")
        FINISHED = "finished", _("已完成")
        FAILED = "failed", _("中断")
        ROLLED_BACK = "rolled_back", _("已回滚")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(_("来源"), max_length=2000)
    started_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    dry_run = models.BooleanField(_("试运行"), default=False)
    options = models.JSONField(_("选项"), default=dict, blank=True)
    counts = models.JSONField(_("统计"), default=dict, blank=True)

    class Meta:
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")

    def __str__(self) -> str:
        """Run number and source."""
        return f"#{self.pk} {self.source}"


def key_digest(legacy_key: str) -> str:
    """The sha256 of a legacy key: an index-friendly unique column for long URLs."""
    return hashlib.sha256(legacy_key.encode("utf-8")).hexdigest()


class LegacyRecord(models.Model):
    """The id map: one source file of one site, its content hash, its page and its fate."""

    class Status(models.TextChoices):
        """The fate of a source file in the last run that saw it."""

        IMPORTED = "imported", _("新导入")
        UPDATED = "updated", _("已更新")
        UNCHANGED = "unchanged", _("未变化")
        CONFLICT = "conflict", _("冲突（编辑已修改，新内容存为草稿）")
        DUPLICATE = "duplicate", _("重复页面（指向同一新页面）")
        COLUMN = "column", _("栏目列表页（重定向到新栏目）")
        SKIPPED = "skipped", _("跳过")
        FAILED = "failed", _("失败")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    key_hash = models.CharField(max_length=64, editable=False)
    legacy_key = models.TextField(_("旧站地址"))
    source_path = models.TextField(_("源文件"), blank=True)
    kind = models.CharField(_("类型"), max_length=20, blank=True)
    content_hash = models.CharField(_("内容摘要值"), max_length=64, blank=True)
    text_hash = models.CharField(
        _("正文摘要值"),
        max_length=64,
        blank=True,
        help_text=_("标题、日期和正文文字：找出重复页面。"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("导入程序最后保存的修订版本；之后若有人工修订，则视为编辑已修改。"),
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices)
    reason = models.TextField(_("原因"), blank=True)
    run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="records")
    pending_links = models.JSONField(
        default=list, blank=True, help_text=_("正文中尚未解析为新页面的旧站内部链接。")
    )
    issues = models.JSONField(
        _("问题"),
        default=list,
        blank=True,
        help_text=_("最近一次写入页面时发现的问题（缺失的图片和附件等），每次导入的报告都会列出。"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("旧站映射")
        verbose_name_plural = _("旧站映射")
        constraints = [
            models.UniqueConstraint(fields=["site", "key_hash"], name="legacy_record_unique_key")
        ]
        indexes = [models.Index(fields=["site", "text_hash"])]

    def __str__(self) -> str:
        """The legacy key and its fate."""
        return f"{self.legacy_key} ({self.status})"

    def save(self, *args, **kwargs) -> None:
        """Keep key_hash in step with legacy_key."""
        self.key_hash = key_digest(self.legacy_key)
        super().save(*args, **kwargs)


class RunObject(models.Model):
    """Something a run created (page, image, document, redirect, column): what rollback undoes."""

    class Kind(models.TextChoices):
        """The kind of object created."""

        PAGE = "page", _("页面")
        IMAGE = "image", _("图片")
        DOCUMENT = "document", _("文档")
        REDIRECT = "redirect", _("重定向")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="created")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.BigIntegerField()
    legacy_key = models.TextField(blank=True)

    class Meta:
        verbose_name = _("导入创建的对象")
        verbose_name_plural = _("导入创建的对象")
        indexes = [models.Index(fields=["run", "kind"])]

    def __str__(self) -> str:
        """Kind and id."""
        return f"{self.kind} {self.object_id}"


class LegacyColumn(models.Model):
    """An old column the import made a new column for: found again by its old path on re-runs."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    old_path = models.CharField(_("旧栏目路径"), max_length=500)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("空表示新建的栏目已被删除：再次导入时不再新建。"),
    )
    run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("新建栏目")
        verbose_name_plural = _("新建栏目")
        constraints = [
            models.UniqueConstraint(fields=["site", "old_path"], name="legacy_column_unique_path")
        ]

    def __str__(self) -> str:
        """The old column path."""
        return self.old_path
