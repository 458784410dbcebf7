"""A column (栏目): a paginated listing of the articles filed under it."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from blocks.feeds import with_cover_images

from ..column_types import FRESHNESS_RULES, ColumnType, FreshnessRule
from ..forms import MediaConfinedPageForm
from .mixins import AutoSlugMixin

# The most industry pages a 特色产业 column shows as cards.
INDUSTRY_CARDS = 24


class ColumnPage(AutoSlugMixin, Page):
    """A column of a county site; its type decides the freshness rule the inspection applies."""

    base_form_class = MediaConfinedPageForm

    slug_prefix = "column"

    column_type = models.CharField(
        _("栏目类型"),
        max_length=20,
        choices=ColumnType.choices,
        default=ColumnType.NEWS,
        help_text=_("栏目类型决定检查时适用的更新时限，例如要闻/动态类栏目 2 周内必须更新。"),
    )
    intro = RichTextField(_("栏目介绍"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("column_type"), FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.FilterField("column_type"),
    ]

    parent_page_types = ["core.HomePage", "core.ColumnPage"]
    subpage_types = [
        "core.ArticlePage",
        "core.ColumnPage",
        "core.StandardPage",
        "core.IndustryPage",
    ]

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    @property
    def freshness_rule(self) -> FreshnessRule:
        """The update interval the national inspection applies to this column."""
        return FRESHNESS_RULES[self.column_type]

    def serve(self, request, *args, **kwargs):
        """A 互动 column is the message board: its page sends visitors to the board's address."""
        if self.column_type == ColumnType.INTERACTION:
            try:
                board = reverse("interaction:index")
            except NoReverseMatch:  # the interaction app is not installed
                board = None
            if board and board != request.path:
                return redirect(board)
        return super().serve(request, *args, **kwargs)

    def articles(self):
        """Live articles filed anywhere under this column, newest first, undated last."""
        from .article import ArticlePage

        return (
            ArticlePage.objects.live()
            .public()
            .filter(path__startswith=self.path, depth__gt=self.depth)
            # undated (imported) articles last: PostgreSQL sorts NULL first in descending order
            .order_by(F("publish_date").desc(nulls_last=True), "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        """Add one page of articles and the sub-columns to the template context."""
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(
            self.articles().only(
                "title", "slug", "url_path", "path", "depth", "publish_date",
                "first_published_at", "source", "issuing_body", "document_number",
                "locale_id", "live",
            ),
            getattr(settings, "REDESIGN_COLUMN_PAGE_SIZE", 20),
        )  # fmt: skip
        context["articles"] = paginator.get_page(request.GET.get("page"))
        context["paginator"] = paginator
        context["subcolumns"] = self.get_children().live().in_menu().specific()
        if self.column_type == ColumnType.INDUSTRY:
            context["industry_pages"] = self.industry_pages()
        return context

    def industry_pages(self) -> list:
        """The live industry pages under a 特色产业 column, with their pictures (two queries)."""
        from .industry import IndustryPage

        pages = IndustryPage.objects.child_of(self).live().public().order_by("path")
        return list(with_cover_images(pages)[:INDUSTRY_CARDS])
