"""Question-and-answer blocks: 常见问题."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import PARAGRAPH_FEATURES, SectionMixin


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
