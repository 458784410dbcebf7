"""留言办理: the questions of the user's sites, with what is due, overdue and near the veto line."""

from datetime import timedelta

import django_filters
from django.db.models import QuerySet
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.models import Site

from redesign.core.scope import ConfinedFilterSetMixin
from redesign.core.workdays import day_bounds, local_today

from ..models import Category, Department, Question, Status
from ..models.question import OPEN_STATUSES, VETO_DAYS, VETO_WARNING_DAYS
from .access import handled_departments, handled_questions


def _departments(request) -> QuerySet:
    """The filter's department choices: the user's sites' departments."""
    return handled_departments(request.user) if request else Department.objects.none()


class DeadlineChoice:
    """The deadline filter's choices."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    VETO = "veto"
    FLAGGED = "flagged"


class QuestionFilterSet(ConfinedFilterSetMixin, WagtailFilterSet):
    """Filters by state, deadline, category, site and department; choices of the user's sites."""

    status = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("办理状态"), choices=Status.choices
    )
    deadline = django_filters.ChoiceFilter(
        label=gettext_lazy("期限"),
        method="filter_deadline",
        choices=[
            (DeadlineChoice.OVERDUE, gettext_lazy("已超过答复期限")),
            (DeadlineChoice.DUE_SOON, gettext_lazy("今明两天到期")),
            (DeadlineChoice.VETO, gettext_lazy("距 3 个月否决线不足 30 天或已超过")),
            (DeadlineChoice.FLAGGED, gettext_lazy("含敏感词待审查")),
        ],
    )
    category = django_filters.ChoiceFilter(label=gettext_lazy("类别"), choices=Category.choices)
    site = django_filters.ModelChoiceFilter(label=gettext_lazy("站点"), queryset=Site.objects.all())
    handling_department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("承办部门"), queryset=_departments
    )

    class Meta:
        model = Question
        fields = ["status", "deadline", "category", "site", "handling_department"]

    def filter_deadline(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Open questions past their deadline, due today or tomorrow, or near the veto line."""
        today = local_today()
        if value == DeadlineChoice.FLAGGED:
            return queryset.exclude(flagged_words="").filter(status__in=OPEN_STATUSES)
        queryset = queryset.filter(status__in=OPEN_STATUSES)
        if value == DeadlineChoice.OVERDUE:
            return queryset.filter(due_date__lt=today)
        if value == DeadlineChoice.DUE_SOON:
            return queryset.filter(due_date__gte=today, due_date__lte=today + timedelta(days=1))
        if value == DeadlineChoice.VETO:
            line, _end = day_bounds(today - timedelta(days=VETO_DAYS - VETO_WARNING_DAYS))
            return queryset.filter(submitted_at__lt=line)
        return queryset


class DeadlineColumn(Column):
    """The reply deadline, marked when passed; the days left before the 3-month line when close."""

    def get_value(self, instance) -> str:
        """E.g. 「2026-12-08」, 「2026-12-01（已超期 3 天）」, 「…；距否决线 12 天」."""
        today = local_today()
        text = f"{instance.due_date:%Y-%m-%d}"
        if not instance.is_open:
            return text
        if instance.due_date < today:
            text += _("（已超期 %(days)s 天）") % {"days": (today - instance.due_date).days}
        left = (instance.veto_date - today).days
        if left < 0:
            text += _("；已超过 3 个月未答复")
        elif left < VETO_WARNING_DAYS:
            text += _("；距 3 个月否决线 %(days)s 天") % {"days": left}
        return text


class StatusColumn(Column):
    """The state, with a mark for questions routed to moderation by a sensitive word."""

    def get_value(self, instance) -> str:
        """The state's name, and 「敏感词」 when flagged."""
        if instance.flagged_words and instance.is_open:
            return format_html(
                '{} <span class="w-status w-status--label">{}</span>',
                instance.get_status_display(),
                _("敏感词待审查"),
            )
        return instance.get_status_display()


class QuestionIndexView(IndexView):
    """The questions of the user's sites, newest first; the phone shown masked."""

    default_ordering = "-submitted_at"
    search_fields = ["subject", "content", "code"]
    search_backend_name = None
    page_title = gettext_lazy("留言办理")

    def get_base_queryset(self) -> QuerySet:
        """Only the user's sites' questions, with what the table shows."""
        return handled_questions(self.request.user).select_related("site", "handling_department")

    def get_list_more_buttons(self, instance) -> list:
        """No delete, copy or history: questions are kept, their log is on their own page."""
        return []

    @property
    def columns(self) -> list:
        """Subject (opens the handling page), site, category, state, dates, masked phone."""
        return [
            TitleColumn(
                "subject",
                label=_("标题"),
                url_name=self.edit_url_name,
                sort_key="subject",
            ),
            Column("site", label=_("站点"), accessor="site.site_name"),
            Column("category", label=_("类别"), accessor="get_category_display"),
            StatusColumn("status", label=_("办理状态"), sort_key="status"),
            DateColumn("submitted_at", label=_("留言时间"), sort_key="submitted_at"),
            DeadlineColumn("due_date", label=_("答复期限"), sort_key="due_date"),
            Column("handling_department", label=_("承办部门")),
            Column("masked_phone", label=_("联系电话")),
        ]
