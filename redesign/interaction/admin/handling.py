"""One question's handling page: the citizen's words and details, the answer, the moves, the log."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from redesign.core.workdays import local_today

from ..models import Department
from ..states import TRANSITIONS, TransitionError, available, perform
from .access import handled_questions, handler_site_ids

NAMESPACE = "interaction_questions"
USES_DEPARTMENT = frozenset({"accept", "assign", "draft"})  # the others ignore the form's choice


class ActionForm(forms.Form):
    """A move and what it asks for: an answer, a department, a reason."""

    action = forms.ChoiceField(choices=[(name, t.label) for name, t in TRANSITIONS.items()])
    answer = forms.CharField(
        label=gettext_lazy("答复内容"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    department = forms.ModelChoiceField(
        label=gettext_lazy("承办/答复部门"), queryset=Department.objects.none(), required=False
    )
    reason = forms.CharField(
        label=gettext_lazy("理由或说明"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("退回修改、不予公开、不予受理时必填。"),
    )

    def __init__(self, *args, site_id: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(site_id=site_id, active=True)


class HandleView(WagtailAdminTemplateMixin, TemplateView):
    """办理: the question in full for its site's handlers, and the moves its state allows."""

    template_name = "interaction/admin/handle.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        """Find the question among the user's sites' (another site's answers 404)."""
        if handler_site_ids(request.user) == set():
            raise PermissionDenied
        self.question = get_object_or_404(
            handled_questions(request.user).select_related(
                "site",
                "department",
                "handling_department",
                "answer_department",
                "drafted_by",
                "approved_by",
            ),  # fmt: skip
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        """留言办理."""
        return _("留言办理")

    def get_page_subtitle(self) -> str:
        """The subject."""
        return self.question.subject

    def get_breadcrumbs_items(self) -> list[dict]:
        """Home › 留言办理 › the question."""
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("首页")},
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("留言办理")},
            {"url": "", "label": self.question.subject},
        ]

    def get_context_data(self, **kwargs) -> dict:
        """The question, its log, the moves open to the user and the form for them."""
        context = super().get_context_data(**kwargs)
        question = self.question
        today = local_today()
        context.update(
            question=question,
            overdue_days=max(0, (today - question.due_date).days),
            veto_days_left=(question.veto_date - today).days,
            events=question.events.select_related("actor"),
            moves=available(question, self.request.user),
            form=kwargs.get("form")
            or ActionForm(
                site_id=question.site_id,
                initial={
                    "answer": question.answer,
                    "department": question.answer_department_id
                    or question.handling_department_id
                    or question.department_id,
                },
            ),
            attachment_url=reverse(f"{NAMESPACE}:attachment", args=(question.pk,))
            if question.attachment
            else "",
        )
        return context

    def post(self, request, *args, **kwargs) -> HttpResponse:
        """Make the chosen move; a refused one says why and keeps what was typed."""
        form = ActionForm(request.POST, site_id=self.question.site_id)
        if not form.is_valid():
            messages.error(request, _("提交的内容有误，请检查后重试。"))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        department = data.get("department") if data["action"] in USES_DEPARTMENT else None
        try:
            question = perform(
                self.question.pk,
                data["action"],
                request.user,
                site_ids=handler_site_ids(request.user),
                reason=data.get("reason", ""),
                answer=data.get("answer", ""),
                department_id=department.pk if department else None,
            )
        except TransitionError as err:
            messages.error(request, str(err))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            request,
            _("已%(action)s，当前状态：%(status)s。")
            % {
                "action": TRANSITIONS[data["action"]].label,
                "status": question.get_status_display(),
            },
        )
        return redirect(f"{NAMESPACE}:edit", pk=question.pk)


def attachment(request, pk: int) -> FileResponse:
    """The question's attachment, to its site's handlers only, always as a download."""
    if handler_site_ids(request.user) == set():
        raise PermissionDenied
    question = get_object_or_404(handled_questions(request.user), pk=pk)
    if not question.attachment:
        raise Http404(_("该留言没有附件。"))
    handle = question.attachment.open("rb")
    return FileResponse(
        handle, as_attachment=True, filename=question.attachment.name.rsplit("/", 1)[-1]
    )
