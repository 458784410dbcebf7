"""A citizen's question (留言), its handling state, its answer, and the log of every change."""

from datetime import date, timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redesign.core.workdays import day_bounds, local_today

from ..privacy import mask_phone
from .figures import MonthStats, local_date, month_start, stats_of_rows

VETO_DAYS = 90  # 国办秘函〔2019〕19号: a valid question unanswered over 3 months fails the site
VETO_WARNING_DAYS = 30  # lists, the dashboard and the 督办 mail name a question this close to it


def private_storage():
    """Where attachments live: never under MEDIA_URL, served to the site's handlers only."""
    return storages["interaction"]


class Category(models.TextChoices):
    """What the citizen asks for."""

    CONSULT = "consult", _("咨询")
    SUGGEST = "suggest", _("建议")
    COMPLAIN = "complain", _("投诉")
    HELP = "help", _("求助")


class Status(models.TextChoices):
    """The handling states, in the order a question passes them."""

    NEW = "new", _("待受理")
    ACCEPTED = "accepted", _("已受理")
    ASSIGNED = "assigned", _("转办")
    DRAFTED = "drafted", _("答复待审核")
    ANSWERED = "answered", _("已答复")
    PUBLISHED = "published", _("已公开")
    WITHHELD = "withheld", _("不予公开")
    REJECTED = "rejected", _("不予受理")


# Valid questions still owed an answer: the deadline and the 90-day veto clock run on these.
OPEN_STATUSES = frozenset({Status.NEW, Status.ACCEPTED, Status.ASSIGNED, Status.DRAFTED})
ANSWERED_STATUSES = frozenset({Status.ANSWERED, Status.PUBLISHED, Status.WITHHELD})


class QuestionQuerySet(models.QuerySet):
    """Questions, by site and state."""

    def of_sites(self, sites) -> "QuestionQuerySet":
        """The questions of these sites."""
        return self.filter(site__in=sites)

    def published(self) -> "QuestionQuerySet":
        """Questions whose answer the public may read."""
        return self.filter(status=Status.PUBLISHED)

    def open(self) -> "QuestionQuerySet":
        """Valid questions not yet answered."""
        return self.filter(status__in=OPEN_STATUSES)

    def valid(self) -> "QuestionQuerySet":
        """Every question except those refused as invalid (不予受理)."""
        return self.exclude(status=Status.REJECTED)

    def monthly_figures(self, site_id: int, months: int = 6, today: date | None = None):
        """公开办理情况: the site's last months' figures (newest first) and their total, in one
        query; blocks reach this by the model's name."""
        today = today or local_today()
        begin, _end = day_bounds(month_start(today, months - 1))
        rows = (
            self.valid()
            .filter(site_id=site_id, submitted_at__gte=begin)
            .values_list("submitted_at", "status", "submitted_at", "answered_at", "due_date")
        )
        keyed = [(local_date(key).replace(day=1), *rest) for key, *rest in rows]
        keys = [month_start(today, back) for back in range(months)]
        per_month = stats_of_rows(keys, keyed, ANSWERED_STATUSES)
        every = [("all", *rest) for _key, *rest in keyed]
        total = stats_of_rows(["all"], every, ANSWERED_STATUSES)["all"]
        return total, [MonthStats(key, per_month[key]) for key in keys]


class Question(models.Model):
    """留言: what a citizen asked, who they are (for the site's handlers only), the answer."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("站点"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("查询码"), max_length=16, unique=True, editable=False)
    # The signed token of the form it came from: a form posted twice stores one question.
    form_token = models.CharField(  # noqa: DJ001  (NULL: questions entered by staff have none)
        max_length=80, unique=True, null=True, editable=False
    )

    subject = models.CharField(_("标题"), max_length=100)
    content = models.TextField(_("留言内容"))
    category = models.CharField(_("类别"), max_length=10, choices=Category.choices)
    department = models.ForeignKey(
        "interaction.Department",
        verbose_name=_("留言对象"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publish_consent = models.BooleanField(_("同意公开"), default=False)
    attachment = models.FileField(
        _("附件"), storage=private_storage, upload_to="interaction/%Y/%m/", blank=True
    )

    # Personal data: the site's handlers only; cleared by purge_questions after retention.
    name = models.CharField(_("姓名"), max_length=30, blank=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    ip_address = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    purged_at = models.DateTimeField(_("个人信息清除时间"), null=True, blank=True)

    status = models.CharField(
        _("办理状态"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    flagged_words = models.CharField(_("命中敏感词"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("留言时间"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("答复期限"))
    handling_department = models.ForeignKey(
        "interaction.Department",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    answer = models.TextField(_("答复内容"), blank=True)
    answer_department = models.ForeignKey(
        "interaction.Department",
        verbose_name=_("答复单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复拟稿人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("公开决定时间"), null=True, blank=True)
    reason = models.TextField(_("不予公开或不予受理的理由"), blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("留言")
        verbose_name_plural = _("留言")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("approve_question", _("可审核答复并决定是否公开"))]
        indexes = [models.Index(fields=["site", "status", "submitted_at"])]

    def __str__(self) -> str:
        """The subject."""
        return self.subject

    @property
    def is_open(self) -> bool:
        """Whether the question is valid and still owed an answer."""
        return self.status in OPEN_STATUSES

    @property
    def veto_date(self):
        """The last day before the question breaks the inspection's 3-month rule."""
        return (timezone.localtime(self.submitted_at) + timedelta(days=VETO_DAYS)).date()

    @property
    def days_taken(self) -> int | None:
        """Calendar days from submission to the approved answer."""
        if self.answered_at is None:
            return None
        return (
            timezone.localtime(self.answered_at).date()
            - timezone.localtime(self.submitted_at).date()
        ).days

    @property
    def answered_on_time(self) -> bool | None:
        """Whether the answer came by the deadline."""
        if self.answered_at is None:
            return None
        return timezone.localtime(self.answered_at).date() <= self.due_date

    @property
    def masked_phone(self) -> str:
        """The phone number as staff lists show it: 138****1234."""
        return mask_phone(self.phone)


ACTION_LABELS = {
    "submit": _("提交留言"),
    "accept": _("受理"),
    "assign": _("转办"),
    "draft": _("提交答复"),
    "approve": _("审核通过"),
    "return": _("退回修改"),
    "publish": _("公开"),
    "withhold": _("不予公开"),
    "reject": _("不予受理"),
    "escalate": _("超期督办"),
}


class QuestionEvent(models.Model):
    """One change of a question: who (none for the citizen), when, from which state to which."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("时间"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("操作"), max_length=20)
    from_status = models.CharField(_("原状态"), max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=10, choices=Status.choices)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        """The action and when."""
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def action_label(self) -> str:
        """The action in words."""
        return str(ACTION_LABELS.get(self.action, self.action))
