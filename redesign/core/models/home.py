"""The home page of one county site (or of the cluster's portal)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.streams import home_blocks

from ..forms import MediaConfinedPageForm
from .mixins import AutoSlugMixin


class HomePage(AutoSlugMixin, Page):
    """A county site's home: a column of blocks chosen and ordered by the editors."""

    base_form_class = MediaConfinedPageForm

    slug_prefix = "site"

    intro = models.CharField(_("一句话介绍"), max_length=255, blank=True)
    body = StreamField(home_blocks(), blank=True, verbose_name=_("首页区块"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["core.ColumnPage", "core.StandardPage", "core.IndustryPage"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("站点首页")
        verbose_name_plural = _("站点首页")
