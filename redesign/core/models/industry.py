"""An industry page: one of the county's specialty or pillar industries."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.streams import figure_blocks, industry_blocks

from ..forms import MediaConfinedPageForm
from .mixins import AutoSlugMixin


class IndustryPage(AutoSlugMixin, Page):
    """A local specialty (地方特色) or pillar industry (支柱产业) with figures and enterprises."""

    base_form_class = MediaConfinedPageForm

    slug_prefix = "industry"

    class Kind(models.TextChoices):
        """Whether the industry is a local specialty or a pillar of the economy."""

        SPECIALTY = "specialty", _("特色产业")
        PILLAR = "pillar", _("支柱产业")

    kind = models.CharField(
        _("产业类别"), max_length=20, choices=Kind.choices, default=Kind.SPECIALTY
    )
    intro = models.TextField(_("简介"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    figures = StreamField(figure_blocks(), blank=True, verbose_name=_("关键数据"))
    body = StreamField(industry_blocks(), blank=True, verbose_name=_("内容"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("intro"), FieldPanel("cover_image")], _("概要")
        ),
        FieldPanel("figures"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["core.HomePage", "core.ColumnPage"]
    subpage_types = ["core.ArticlePage"]

    class Meta:
        verbose_name = _("产业页面")
        verbose_name_plural = _("产业页面")
