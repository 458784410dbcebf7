"""/hudong/ on every county host: answered questions, one question, the form, the status lookup."""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_ratelimit.core import is_ratelimited
from wagtail.models import Site

from redesign.core.clients import client_ip
from redesign.core.column_types import ColumnType
from redesign.core.models import ColumnPage

from .. import codes
from ..models import Category, Department, InteractionSettings, Question
from ..models.figures import local_date
from ..submit import store_question
from .forms import LookupForm, QuestionForm

# What the public pages read of a question: never its asker's name, phone, mail or address.
PUBLIC_FIELDS = (
    "pk", "site_id", "subject", "content", "category", "submitted_at", "answered_at",
    "answer", "answer_department__name", "department__name", "due_date", "status",
)  # fmt: skip
RECEIPT_KEY = "interaction_receipt"
logger = logging.getLogger(__name__)


def _board(request: HttpRequest) -> tuple[Site, ColumnPage]:
    """The request's site and its live 互动 column: no board without one."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("没有与此域名对应的网站。"))
    column = (
        ColumnPage.objects.live()
        .descendant_of(site.root_page)
        .filter(column_type=ColumnType.INTERACTION)
        .order_by("path")
        .first()
    )
    if column is None:
        raise Http404(_("本站未开设互动交流栏目。"))
    return site, column


def _context(site: Site, column: ColumnPage, **extra) -> dict:
    """What every board page shows: the column as the page, the site, the categories."""
    return {"page": column, "self": column, "site": site, "categories": Category.choices, **extra}


def public_questions(site: Site):
    """The site's published questions, with the public fields only, newest answer first."""
    return (
        Question.objects.published()
        .filter(site=site)
        .order_by("-answered_at", "-pk")
        .values(*PUBLIC_FIELDS)
    )


def with_days_taken(item: dict) -> dict:
    """The public row with the calendar days from submission to answer."""
    if item.get("answered_at") and item.get("submitted_at"):
        item["days_taken"] = (
            local_date(item["answered_at"]) - local_date(item["submitted_at"])
        ).days
    else:
        item["days_taken"] = None
    return item


def index(request: HttpRequest) -> HttpResponse:
    """The answered, published questions: search, category and department filters, pages."""
    site, column = _board(request)
    questions = public_questions(site)
    query = request.GET.get("q", "").strip()[:50]
    if query:
        questions = questions.filter(
            Q(subject__icontains=query) | Q(content__icontains=query) | Q(answer__icontains=query)
        )
    category = request.GET.get("category", "")
    if category in Category.values:
        questions = questions.filter(category=category)
    else:
        category = ""  # an unknown value filters nothing, so the page must not say it does
    departments = list(Department.objects.of_site(site).only("pk", "name"))
    department = request.GET.get("department", "")
    if department.isdigit() and any(d.pk == int(department) for d in departments):
        questions = questions.filter(answer_department_id=int(department))
    else:
        department = ""
    page = Paginator(questions, settings.REDESIGN_INTERACTION_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = [with_days_taken(item) for item in page.object_list]
    return TemplateResponse(
        request,
        "interaction/index.html",
        _context(
            site,
            column,
            questions=page,
            query=query,
            category=category,
            department=department,
            departments=departments,
            labels=dict(Category.choices),
        ),
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One published question and its answer."""
    site, column = _board(request)
    question = public_questions(site).filter(pk=pk).first()
    if question is None:
        raise Http404(_("留言不存在或尚未公开。"))
    return TemplateResponse(
        request,
        "interaction/detail.html",
        _context(site, column, question=with_days_taken(question), labels=dict(Category.choices)),
    )


def rate_limited(request: HttpRequest, exception=None) -> HttpResponse:
    """429 with the reason in words."""
    return HttpResponse(_("提交过于频繁，请稍后再试。"), status=429, content_type="text/plain")


def _phone_key(group: str, request: HttpRequest) -> str:
    """The phone number as posted, digits only: the per-number limit's key."""
    return "".join(ch for ch in request.POST.get("phone", "") if ch.isdigit())[:20]


def _over(request: HttpRequest, group: str, key, rate: str) -> bool:
    """Count this request against a limit; True when over it. A cache that cannot be reached
    lets the citizen through (and is logged): the board must not go down with the cache."""
    try:
        return is_ratelimited(request, group=group, key=key, rate=rate, increment=True)
    except Exception:  # the cache backend's own connection errors
        logger.exception("Rate limit %s could not be counted; the request is let through", group)
        return False


def _address_limited(request: HttpRequest) -> bool:
    """Every post counts against its address (IPv6 grouped by /64, as django-ratelimit does)."""
    return _over(request, "interaction.ask.ip", "ip", settings.REDESIGN_INTERACTION_RATE_IP)


def _phone_limited(request: HttpRequest) -> bool:
    """A valid new question counts against its phone number (so typos cost nothing)."""
    return _over(
        request, "interaction.ask.phone", _phone_key, settings.REDESIGN_INTERACTION_RATE_PHONE
    )


@never_cache
@csrf_protect
def ask(request: HttpRequest) -> HttpResponse:
    """我要留言: the form; on a valid post the question is stored once and a receipt shown."""
    site, column = _board(request)
    interaction = InteractionSettings.for_site(site)
    status = 200
    if request.method == "POST":
        form = QuestionForm(request.POST, request.FILES, site=site, interaction=interaction)
        limited = _address_limited(request)
        if not limited and form.is_valid():
            repeat = Question.objects.filter(site=site, form_token=form.cleaned_data["token"])
            limited = not repeat.exists() and _phone_limited(request)
            if not limited:
                stored = store_question(site, form.cleaned_data, ip_address=client_ip(request))
                request.session[RECEIPT_KEY] = stored.question.code
                return redirect("interaction:receipt")
        if limited:
            form.is_valid()  # keep what was typed on the page
            form.add_error(None, _("提交过于频繁，请稍后再试。您填写的内容已保留在下面。"))
            status = 429
        else:
            status = 400
    else:
        form = QuestionForm(site=site, interaction=interaction)
    return TemplateResponse(
        request,
        "interaction/ask.html",
        _context(site, column, form=form, interaction=interaction),
        status=status,
    )


@never_cache
def receipt(request: HttpRequest) -> HttpResponse:
    """The receipt of the session's last stored question: its query code and deadline."""
    site, column = _board(request)
    code = request.session.get(RECEIPT_KEY)
    question = Question.objects.filter(site=site, code=code).only("code", "due_date").first()
    if question is None:
        return redirect("interaction:ask")
    return TemplateResponse(
        request, "interaction/receipt.html", _context(site, column, question=question)
    )


@never_cache
def status(request: HttpRequest) -> HttpResponse:
    """办理查询: the question's state by its query code; no personal data on the page."""
    site, column = _board(request)
    form = LookupForm(request.GET or None)
    question, code_status = None, 200
    if form.is_bound and form.is_valid():
        if _over(request, "interaction.lookup", "ip", settings.REDESIGN_INTERACTION_RATE_LOOKUP):
            form.add_error("code", _("查询过于频繁，请稍后再试。"))
            code_status = 429
        else:
            code = codes.normalize(form.cleaned_data["code"])
            question = (
                Question.objects.filter(site=site, code=code)
                .select_related("answer_department", "handling_department")
                .only(
                    "code",
                    "subject",
                    "status",
                    "submitted_at",
                    "due_date",
                    "answered_at",
                    "answer",
                    "reason",
                    "answer_department__name",
                    "handling_department__name",
                    "category",
                    "site_id",
                )  # fmt: skip
                .first()
            )
            if question is None:
                form.add_error("code", _("没有找到这个查询码对应的留言，请核对后重新输入。"))
                code_status = 404
    return TemplateResponse(
        request,
        "interaction/status.html",
        _context(site, column, form=form, question=question),
        status=code_status,
    )
