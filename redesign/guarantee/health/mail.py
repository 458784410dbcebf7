"""Mail the daily health report: each site's 维护 and 审核, and administrators of red sites."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.utils.translation import gettext as _
from wagtail.models import Site

from redesign.core.staff import site_staff_emails as staff_emails

from .output import describe
from .report import SiteHealth, Status

NOTIFIED_ROLES = ("maintainer", "reviewer")


def site_staff_emails(site: Site, roles: tuple[str, ...] = NOTIFIED_ROLES) -> list[str]:
    """The addresses of the site's 维护 and 审核 (or the given roles)."""
    return staff_emails(site, roles)


def administrator_emails() -> list[str]:
    """The mail addresses of the cluster's administrators (active superusers)."""
    users = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _subject(report: SiteHealth) -> str:
    """A subject that says the site, the day and its status."""
    return _("【网站健康】%(name)s %(date)s：%(status)s") % {
        "name": report.site_name,
        "date": report.day.isoformat(),
        "status": report.status_word,
    }


def notify(reports: list[SiteHealth]) -> dict[str, int]:
    """Send the reports; returns how many mails went to site staff and to administrators."""
    sites = {site.pk: site for site in Site.objects.filter(pk__in=[r.site_id for r in reports])}
    messages = []
    for report in reports:
        recipients = site_staff_emails(sites[report.site_id])
        if recipients:
            body = "\n".join(describe(report))
            messages.append(EmailMessage(_subject(report), body, to=recipients))
    staff_mails = len(messages)
    red = [r for r in reports if r.status == Status.RED]
    admins = administrator_emails()
    if red and admins:
        subject = _("【网群健康】%(n)s 个站点存在单项否决风险") % {"n": len(red)}
        body = "\n\n".join("\n".join(describe(r)) for r in red)
        messages.append(EmailMessage(subject, body, to=admins))
    if messages:
        get_connection().send_messages(messages)
    return {"staff": staff_mails, "administrators": len(messages) - staff_mails}
