"""Question-and-answer blocks: 常见问题, the latest public answers and the handling figures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Site

from .base import PARAGRAPH_FEATURES, SectionMixin

# What the latest-answers block reads of a question: never the asker's name, phone, mail or IP.
LATEST_ANSWER_FIELDS = ("subject", "category", "answered_at", "answer_department__name")


class QuestionBlock(blocks.StructBlock):
    """One frequently asked question and its answer."""

    question = blocks.CharBlock(label=_("问题"), max_length=200)
    answer = blocks.RichTextBlock(label=_("解答"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "help"
        template = "blocks/qa/question.html"
        label = _("问答")
        description = _("一个问题及其解答，点击问题展开。")
        preview_value = {
            "question": "新生儿落户需要哪些材料？",
            "answer": "<p>出生医学证明、父母双方户口簿和居民身份证、结婚证。</p>",
        }


class FAQBlock(SectionMixin, blocks.StructBlock):
    """常见问题: a headed list of questions shown as disclosure widgets."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("常见问题"))
    questions = blocks.ListBlock(QuestionBlock(), label=_("问题"), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/qa/faq.html"
        label = _("常见问题")
        description = _("常见问题及解答，点击问题展开答案。")
        preview_value = {
            "heading": "常见问题",
            "questions": [
                {
                    "question": "办理居住证需要哪些材料？",
                    "answer": "<p>居民身份证、近期免冠照片及居住证明（房产证或租赁合同）。</p>",
                },
                {
                    "question": "城乡居民医保每年什么时候缴费？",
                    "answer": "<p>每年9月1日至12月31日集中缴纳次年的医保费用。</p>",
                },
            ],
        }


def question_model() -> Any:
    """Return the message board's Question model, looked up by name; None without the app."""
    try:
        return apps.get_model("interaction", "Question")
    except LookupError:
        return None


def request_site(parent_context: Mapping[str, Any] | None) -> Site | None:
    """Return the site of the rendering request, or None when there is no request or site."""
    request = (parent_context or {}).get("request")
    if request is None:
        return None
    return Site.find_for_request(request)


def percent(rate: float | None) -> float | None:
    """Return a 0-1 rate as a percentage with one decimal; None stays None."""
    return None if rate is None else round(rate * 100, 1)


@dataclass(frozen=True)
class ShownStats:
    """Handling figures as the block shows them: the month (None for the total) and its stats."""

    stats: Any
    month: date | None = None

    @property
    def on_time_percent(self) -> float | None:
        """Answers given by the deadline, in percent of the answered."""
        return percent(self.stats.on_time_rate)


class LatestAnswersBlock(SectionMixin, blocks.StructBlock):
    """最新答复: the site's newest published answers to citizens' questions."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("最新答复"))
    count = blocks.IntegerBlock(label=_("显示条数"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "help"
        template = "blocks/qa/latest_answers.html"
        label = _("最新答复")
        description = _("自动列出本站互动交流中最新公开答复的留言，链接到问答详情。")
        preview_value = {"heading": "最新答复", "count": 5}

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """Add the newest published questions of the request's site as ``items``, one query."""
        context = super().get_context(value, parent_context=parent_context)
        count = value.get("count") or self.child_blocks["count"].get_default()
        site, model = request_site(parent_context), question_model()
        items: list[Any] = []
        if site is not None and model is not None:
            items = list(
                model.objects.published()
                .filter(site=site)
                .select_related("answer_department")
                .only(*LATEST_ANSWER_FIELDS)
                .order_by("-answered_at", "-pk")[:count]
            )
        context["items"] = items
        context["has_board"] = site is not None and model is not None
        return context


class HandlingStatsBlock(SectionMixin, blocks.StructBlock):
    """公开办理情况: the site's questions received and answered, on-time rate and reply time."""

    heading = blocks.CharBlock(label=_("标题"), max_length=40, default=_("公开办理情况"))
    months = blocks.IntegerBlock(label=_("统计月数"), default=6, min_value=1, max_value=12)

    class Meta:
        icon = "table"
        template = "blocks/qa/handling_stats.html"
        label = _("公开办理情况")
        description = _(
            "自动统计本站近几个月收到和答复的留言数、按时答复率和答复用时，并按月列表。"
        )
        preview_value = {"heading": "公开办理情况", "months": 6}

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """Add ``total`` and ``rows`` (one per month, newest first) for the request's site."""
        context = super().get_context(value, parent_context=parent_context)
        months = value.get("months") or self.child_blocks["months"].get_default()
        site, model = request_site(parent_context), question_model()
        total, rows = None, []
        if site is not None and model is not None:
            figures, by_month = model.objects.monthly_figures(site.pk, months)
            total = ShownStats(figures)
            rows = [ShownStats(entry.stats, entry.month) for entry in by_month]
        context.update(total=total, rows=rows, period=months, has_board=total is not None)
        return context
