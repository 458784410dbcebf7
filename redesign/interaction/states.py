"""The handling states and the moves between them: who may make each, and the log they leave."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Department, Question, QuestionEvent, Status

HANDLE = "interaction.change_question"
APPROVE = "interaction.approve_question"


class TransitionError(Exception):
    """A move the question's state or the handler's rights do not allow; the message says why."""


@dataclass(frozen=True)
class Transition:
    """A move from some states to one, the permission it takes and what it asks for."""

    name: str
    label: str
    sources: frozenset
    target: str
    permission: str
    needs_reason: bool = False
    needs_answer: bool = False
    needs_department: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "accept", gettext_lazy("受理"), frozenset({Status.NEW}), Status.ACCEPTED, HANDLE
        ),
        Transition(
            "assign",
            gettext_lazy("转办"),
            frozenset({Status.NEW, Status.ACCEPTED, Status.ASSIGNED}),
            Status.ASSIGNED,
            HANDLE,
            needs_department=True,
        ),
        Transition(
            "draft",
            gettext_lazy("提交答复"),
            frozenset({Status.ACCEPTED, Status.ASSIGNED, Status.DRAFTED}),
            Status.DRAFTED,
            HANDLE,
            needs_answer=True,
        ),
        Transition(
            "approve",
            gettext_lazy("审核通过"),
            frozenset({Status.DRAFTED}),
            Status.ANSWERED,
            APPROVE,
        ),
        Transition(
            "return",
            gettext_lazy("退回修改"),
            frozenset({Status.DRAFTED}),
            Status.ACCEPTED,  # or ASSIGNED when a department holds it: see _target
            APPROVE,
            needs_reason=True,
        ),
        Transition(
            "publish", gettext_lazy("公开"), frozenset({Status.ANSWERED}), Status.PUBLISHED, APPROVE
        ),
        Transition(
            "withhold",
            gettext_lazy("不予公开"),
            frozenset({Status.ANSWERED, Status.PUBLISHED}),
            Status.WITHHELD,
            APPROVE,
            needs_reason=True,
        ),
        Transition(
            "reject",
            gettext_lazy("不予受理"),
            frozenset({Status.NEW, Status.ACCEPTED, Status.ASSIGNED}),
            Status.REJECTED,
            APPROVE,
            needs_reason=True,
        ),
    )
}


def available(question: Question, user) -> list[Transition]:
    """The moves the user may make on the question now."""
    return [
        t
        for t in TRANSITIONS.values()
        if question.status in t.sources and user.has_perm(t.permission)
    ]


def _target(transition: Transition, question: Question) -> str:
    """Where the move leads: a returned answer goes back to whoever held the question."""
    if transition.name == "return" and question.handling_department_id:
        return Status.ASSIGNED
    return transition.target


def perform(
    question_id: int,
    name: str,
    user,
    *,
    site_ids: set[int] | None,
    reason: str = "",
    answer: str = "",
    department_id: int | None = None,
) -> Question:
    """Make a move on a question, atomically, checked against its state as stored; log it."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise TransitionError(_("没有这个办理操作。"))
    if not user.has_perm(transition.permission):
        raise TransitionError(_("您没有“%(action)s”的权限。") % {"action": transition.label})
    reason, answer = reason.strip(), answer.strip()
    if transition.needs_reason and not reason:
        raise TransitionError(_("请填写理由。"))
    if transition.needs_answer and not answer:
        raise TransitionError(_("请填写答复内容。"))
    with transaction.atomic():
        rows = Question.objects.select_for_update().filter(pk=question_id)
        if site_ids is not None:
            rows = rows.filter(site_id__in=site_ids)
        question = rows.first()
        if question is None:
            raise TransitionError(_("留言不存在，或不属于您管理的站点。"))
        if question.status not in transition.sources:
            raise TransitionError(
                _("该留言当前状态为“%(status)s”，不能%(action)s。")
                % {"status": question.get_status_display(), "action": transition.label}
            )
        department = None
        if department_id is not None or transition.needs_department:
            department = Department.objects.filter(
                pk=department_id, site_id=question.site_id, active=True
            ).first()
            if department is None:
                raise TransitionError(_("请选择本站点的承办部门。"))
        if name == "publish" and not question.publish_consent:
            raise TransitionError(_("留言人未同意公开，只能选择不予公开。"))
        previous = question.status
        _apply(question, transition, user, reason=reason, answer=answer, department=department)
        question.status = _target(transition, question)
        question.save()
        QuestionEvent.objects.create(
            question=question,
            actor=user,
            action=name,
            from_status=previous,
            to_status=question.status,
            note=reason or (department.name if department else ""),
        )
    return question


def _apply(question: Question, transition: Transition, user, *, reason, answer, department) -> None:
    """Set the fields a move writes."""
    now = timezone.now()
    name = transition.name
    if name in ("accept", "assign") and question.accepted_at is None:
        question.accepted_at = now
    if name == "accept" and department is not None:
        question.handling_department = department
    if name == "assign":
        question.handling_department = department
    if name == "draft":
        question.answer = answer
        question.answer_department = department or question.handling_department
        question.drafted_by = user
    if name == "approve":
        question.approved_by = user
        question.answered_at = now
    if name in ("publish", "withhold"):
        question.closed_at = now
    if name in ("withhold", "reject"):
        question.reason = reason
