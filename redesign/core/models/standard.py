"""A standard page: static content such as 概况信息, 机构职能 or 负责人信息."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.streams import body_blocks

from ..forms import MediaConfinedPageForm
from .mixins import AutoSlugMixin


class StandardPage(AutoSlugMixin, Page):
    """Static content that changes rarely: the site's overview, functions and leaders."""

    base_form_class = MediaConfinedPageForm

    intro = models.TextField(_("导语"), blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("正文"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["core.HomePage", "core.ColumnPage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("普通页面")
        verbose_name_plural = _("普通页面")
