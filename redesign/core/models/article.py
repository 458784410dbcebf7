"""An article: a news item, a notice or a government document filed under a column."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.streams import attachment_blocks, body_blocks

from ..forms import MediaConfinedPageForm
from .mixins import AutoSlugMixin


class ArticleOrigin(models.TextChoices):
    """Whether an article is the site's own work or taken from elsewhere."""

    ORIGINAL = "original", _("原创")
    REPRINT = "reprint", _("转载")
    ADAPTED = "adapted", _("改编")


class ArticlePage(AutoSlugMixin, Page):
    """One published item with its shown date, source, origin and optional document numbers."""

    base_form_class = MediaConfinedPageForm

    publish_date = models.DateTimeField(
        _("发布日期"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("页面上显示的发布日期。留空则在发布时自动填写；不得晚于实际发布时间。"),
    )
    source = models.CharField(_("来源"), max_length=100, blank=True)
    author = models.CharField(_("作者"), max_length=100, blank=True)
    origin = models.CharField(
        _("原创性"), max_length=10, choices=ArticleOrigin.choices, default=ArticleOrigin.ORIGINAL
    )
    origin_source = models.CharField(
        _("转载来源"), max_length=200, blank=True, help_text=_("转载或改编时必填：原文出处。")
    )
    origin_url = models.URLField(_("原文链接"), max_length=500, blank=True)

    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    issuing_body = models.CharField(_("发布机构"), max_length=100, blank=True)
    index_number = models.CharField(_("索引号"), max_length=100, blank=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)

    summary = models.TextField(_("摘要"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("正文"))
    attachments = StreamField(attachment_blocks(), blank=True, verbose_name=_("附件"))

    is_imported = models.BooleanField(_("旧站导入"), default=False, editable=False)
    legacy_url = models.CharField(_("旧站地址"), max_length=2000, blank=True, editable=False)
    content_hash = models.CharField(_("内容摘要值"), max_length=64, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("publish_date"),
                FieldRowPanel([FieldPanel("source"), FieldPanel("author")]),
                FieldRowPanel([FieldPanel("origin"), FieldPanel("origin_source")]),
                FieldPanel("origin_url"),
            ],
            heading=_("发布信息"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("index_number")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("written_date")]),
            ],
            heading=_("公文信息（政府文件填写）"),
            classname="collapsed",
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.AutocompleteField("document_number"),
        index.FilterField("publish_date"),
        index.SearchField("source"),
    ]

    parent_page_types = ["core.ColumnPage", "core.IndustryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    def fallback_slug_base(self) -> str:
        """Articles with a Chinese title get a slug from their shown date: 20260305."""
        moment = self.publish_date or timezone.now()
        return f"{timezone.localtime(moment):%Y%m%d}"

    @property
    def display_date(self) -> datetime | None:
        """The date shown to visitors: the publish date, else the first publication.

        An imported article without a date shows none: the import moment is not its date.
        """
        if self.publish_date or not self.fills_missing_date:
            return self.publish_date
        return self.first_published_at

    def _publish_moment(self) -> datetime:
        """The moment this version goes live: the scheduled time, or now."""
        now = timezone.now()
        if self.go_live_at and self.go_live_at > now:
            return self.go_live_at
        return now

    def publication_errors(self) -> dict[str, str]:
        """The shown-date and origin rules every write must pass (the importer's fast path too)."""
        errors = {}
        if self.publish_date and self.publish_date > self._publish_moment():
            errors["publish_date"] = _(
                "发布日期不能晚于实际发布时间（伪造发布日期会导致网站检查单项否决）。"
                "如需定时发布，请在“设置”中填写定时发布时间。"
            )
        if self.origin in (ArticleOrigin.REPRINT, ArticleOrigin.ADAPTED) and not self.origin_source:
            errors["origin_source"] = _("转载或改编的文章必须注明原文出处。")
        return errors

    def clean(self) -> None:
        """Refuse a forged (future) publish date and a reprint without its source."""
        super().clean()
        errors = self.publication_errors()
        if errors:
            raise ValidationError(errors)

    @property
    def fills_missing_date(self) -> bool:
        """Whether publishing fills an empty shown date with the moment of first publication.

        An imported article keeps a missing date: its legacy page showed none, and a date made
        up at import time would be a forged one.
        """
        return not self.is_imported

    def save(self, *args, **kwargs):
        """Fill in the shown publish date with the moment of first publication (not imports)."""
        if self.live and self.publish_date is None and self.fills_missing_date:
            self.publish_date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Add the previous and next articles of the same column."""
        context = super().get_context(request, *args, **kwargs)
        context["previous_article"], context["next_article"] = self.neighbours()
        return context

    def neighbours(self) -> tuple["ArticlePage | None", "ArticlePage | None"]:
        """The older and newer live siblings by shown date."""
        if self.publish_date is None:
            return None, None
        siblings = (
            ArticlePage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .only("title", "url_path", "path", "depth", "publish_date", "locale_id")
        )
        older = (
            siblings.filter(publish_date__lt=self.publish_date)
            .order_by("-publish_date", "-pk")
            .first()
        )
        newer = (
            siblings.filter(publish_date__gt=self.publish_date)
            .order_by("publish_date", "pk")
            .first()
        )
        return older, newer
