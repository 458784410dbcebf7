"""Workflow notices: each step told to the site's group robot, and the one mail Wagtail lacks.

Wagtail's own notifiers (wagtail.admin.mail, connected by wagtail.admin) already mail:
  a task's group members when the task starts (审核: the site's reviewers and maintainers, so
  maintainers learn of a submission at once; 终审发布: its maintainers);
  the requester when the whole workflow is approved (published) or rejected, with the comment.
What they do not mail is the requester when a step other than the last one approves: the
informant would hear nothing between submitting and publication. That mail is sent here, once.

The site's group robot (ContentPolicy: 企业微信 or 钉钉) hears every step: submitted (or
resubmitted), a step approved, approved at last, sent back with the comment. Robot posts and
our mail go out after the transaction commits; any failure is logged and never breaks the
workflow action.
"""

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.admin.mail import send_mail
from wagtail.models import Page, Site, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from .models import ContentPolicy
from .submission.service import admin_edit_url
from .webhook import Notice, deliver

logger = logging.getLogger(__name__)


def _page_of(workflow_state: WorkflowState) -> Page | None:
    """The page a workflow state is about (None for snippets and deleted pages)."""
    obj = workflow_state.content_object
    return obj.specific if isinstance(obj, Page) else None


def _display_name(user: AbstractBaseUser | None) -> str:
    """A user's full name, else their username; '' for nobody."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _task_label(name: str, site: Site) -> str:
    """A task's name without its site's name in front: 那坡县人民政府 终审发布 → 终审发布."""
    return name.removeprefix(site.site_name or "").strip() or name


def _notice(page: Page, site: Site, state: str, comment: str = "", actor=None) -> Notice:
    """The notice of one workflow event on a page of the site."""
    return Notice(
        site_name=site.site_name or site.hostname,
        title=page.get_admin_display_title(),
        state=state,
        edit_url=admin_edit_url(page),
        comment=(comment or "").strip(),
        actor=_display_name(actor),
    )


def post_to_site_robot(site: Site, notice: Notice) -> None:
    """Queue the notice for the site's group robot, posted once the transaction commits."""
    policy = ContentPolicy.for_site(site)
    if not policy.webhook_kind or not policy.webhook_url:
        return
    kind, url, secret = policy.webhook_kind, policy.webhook_url, policy.webhook_secret
    transaction.on_commit(lambda: deliver(kind, url, secret, notice), robust=True)


def _guarded(handler):
    """Run a receiver so that no error of ours reaches the workflow action that sent it."""

    def receiver(sender, instance=None, user=None, **kwargs) -> None:
        """Call the handler in a savepoint; log anything it raises."""
        try:
            with transaction.atomic():  # a database error of ours must not spoil the action's
                handler(instance, user)
        except Exception:
            logger.exception("Workflow notice %s failed", handler.__name__)

    receiver.__name__ = handler.__name__
    receiver.__doc__ = handler.__doc__
    return receiver


def _previous_task_state(task_state: TaskState) -> TaskState | None:
    """The task state this workflow ran before this one, if any."""
    return (
        TaskState.objects.filter(workflow_state_id=task_state.workflow_state_id)
        .exclude(pk=task_state.pk)
        .order_by("-started_at", "-pk")
        .first()
    )


def task_submitted(task_state: TaskState, user) -> None:
    """A page was submitted (or resubmitted) to a task: tell the site's robot."""
    workflow_state = task_state.workflow_state
    page = _page_of(workflow_state)
    if page is None:
        return
    previous = _previous_task_state(task_state)
    if previous is not None and previous.status == TaskState.STATUS_APPROVED:
        return  # the step before approved: task_approved tells it
    site = page.get_site()
    if site is None:
        return
    if previous is None:
        state = _("已投稿待审核")
    else:
        state = _("已重新提交，待%(task)s") % {"task": _task_label(task_state.task.name, site)}
    post_to_site_robot(site, _notice(page, site, state, actor=user))


def task_approved(task_state: TaskState, user) -> None:
    """A step approved with more to come: tell the robot, and mail the requester (Wagtail won't)."""
    workflow_state = WorkflowState.objects.select_related(
        "requested_by", "current_task_state__task"
    ).get(pk=task_state.workflow_state_id)
    if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return  # the last step: Wagtail mails the requester and workflow_approved tells the robot
    page = _page_of(workflow_state)
    site = page.get_site() if page is not None else None
    if site is None:
        return
    step = _task_label(task_state.task.name, site)
    following = workflow_state.current_task_state
    if following is not None and following.pk != task_state.pk:
        state = _("已通过%(step)s，待%(next)s") % {
            "step": step,
            "next": _task_label(following.task.name, site),
        }
    else:
        state = _("已通过%(step)s") % {"step": step}
    notice = _notice(page, site, state, task_state.comment, actor=user)
    post_to_site_robot(site, notice)
    requester = workflow_state.requested_by
    if _wants_mail(requester, user, "approved"):
        address = requester.email
        subject = _("【%(site)s】您的稿件《%(title)s》%(state)s") % {
            "site": notice.site_name,
            "title": notice.title,
            "state": state,
        }
        body = _("%(name)s，您好：\n\n%(text)s\n") % {
            "name": _display_name(requester),
            "text": notice.text(),
        }
        transaction.on_commit(lambda: _mail(subject, body, address), robust=True)


def workflow_approved(workflow_state: WorkflowState, user) -> None:
    """The last step approved (the page is published): tell the robot."""
    page = _page_of(workflow_state)
    site = page.get_site() if page is not None else None
    if site is None:
        return
    state = _("已通过并发布") if page.live else _("已通过")
    comment = workflow_state.current_task_state.comment if workflow_state.current_task_state else ""
    post_to_site_robot(site, _notice(page, site, state, comment, actor=user))


def workflow_rejected(workflow_state: WorkflowState, user) -> None:
    """A step sent the page back: tell the robot, with the comment (Wagtail mails the requester)."""
    page = _page_of(workflow_state)
    site = page.get_site() if page is not None else None
    if site is None:
        return
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state is not None else ""
    post_to_site_robot(site, _notice(page, site, _("已退回修改"), comment, actor=user))


def _wants_mail(recipient, actor, kind: str) -> bool:
    """Whether the recipient takes this kind of workflow mail (their admin notification prefs)."""
    if recipient is None or recipient == actor or not recipient.is_active or not recipient.email:
        return False
    return bool(getattr(UserProfile.get_for_user(recipient), f"{kind}_notifications", True))


def _mail(subject: str, body: str, address: str) -> None:
    """Send one notice mail; a failing mail server is logged, not raised."""
    try:
        send_mail(" ".join(subject.split()), body, [address])
    except Exception:
        logger.warning("Workflow notice mail to %s failed", address, exc_info=True)


on_task_submitted = _guarded(task_submitted)
on_task_approved = _guarded(task_approved)
on_workflow_approved = _guarded(workflow_approved)
on_workflow_rejected = _guarded(workflow_rejected)
