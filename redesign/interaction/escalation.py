"""超期督办: each day, the questions past their deadline, close to it, or near the 3-month line."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.mail import EmailMessage, get_connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from redesign.core.staff import site_staff_emails

from .deadlines import site_calendar, working_days_between
from .models import InteractionSettings, Question, QuestionEvent
from .models.question import VETO_WARNING_DAYS

MAILED_ROLES = ("reviewer", "maintainer")


@dataclass
class SiteDue:
    """One site's questions that need chasing today, and who is told."""

    site: object
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    near_veto: list = field(default_factory=list)
    recipients: list = field(default_factory=list)

    @property
    def questions(self) -> list:
        """Every question the mail names, once."""
        seen, found = set(), []
        for question in [*self.near_veto, *self.overdue, *self.due_soon]:
            if question.pk not in seen:
                seen.add(question.pk)
                found.append(question)
        return found


def due_for_site(site, today: date) -> SiteDue:
    """The site's open questions past or near their deadline, or near the veto line."""
    settings = InteractionSettings.for_site(site)
    calendar = site_calendar(site.pk, today - timedelta(days=1), today + timedelta(days=40))
    found = SiteDue(site)
    questions: QuerySet = (
        Question.objects.open()
        .filter(site=site)
        .select_related("handling_department")
        .order_by("submitted_at")
    )
    departments = set()
    for question in questions:
        if question.veto_date - today < timedelta(days=VETO_WARNING_DAYS):
            found.near_veto.append(question)
        if question.due_date < today:
            found.overdue.append(question)
        elif working_days_between(today, question.due_date, calendar) <= settings.warn_days:
            found.due_soon.append(question)
        else:
            continue
        if question.handling_department and question.handling_department.email:
            departments.add(question.handling_department.email)
    if found.questions:
        found.recipients = sorted(
            {*settings.escalation_list(), *departments, *site_staff_emails(site, MAILED_ROLES)}
        )
    return found


def _body(due: SiteDue, today: date) -> str:
    """The mail: each list with subject, state, deadline and days past it."""
    lines = [_("%(site)s 留言办理提醒（%(day)s）") % {"site": due.site.site_name, "day": today}, ""]
    for title, items in (
        (_("距 3 个月未答复否决线不足 30 天或已超过"), due.near_veto),
        (_("已超过答复期限"), due.overdue),
        (_("即将到期"), due.due_soon),
    ):
        if not items:
            continue
        lines.append(f"{title}（{len(items)}）")
        for question in items:
            lines.append(
                _("  · %(subject)s ［%(status)s］期限 %(due)s，否决线 %(veto)s，查询码 %(code)s")
                % {
                    "subject": question.subject,
                    "status": question.get_status_display(),
                    "due": question.due_date,
                    "veto": question.veto_date,
                    "code": question.code,
                }
            )
        lines.append("")
    return "\n".join(lines)


def notify(due: SiteDue, today: date, connection=None) -> bool:
    """Mail the site's reminder and log it on each question; False when nobody can be told."""
    if not due.questions or not due.recipients:
        return False
    subject = _("【留言督办】%(site)s：%(overdue)s 条超期，%(veto)s 条临近 3 个月否决线") % {
        "site": due.site.site_name,
        "overdue": len(due.overdue),
        "veto": len(due.near_veto),
    }
    message = EmailMessage(subject, _body(due, today), to=due.recipients, connection=connection)
    message.send()
    QuestionEvent.objects.bulk_create(
        QuestionEvent(
            question=question,
            action="escalate",
            from_status=question.status,
            to_status=question.status,
            note="、".join(due.recipients),
        )
        for question in due.questions
    )
    return True


def connection():
    """One mail connection for a run."""
    return get_connection()
