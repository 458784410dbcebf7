"""/tougao/ on every county host: the user's submissions, the 投稿 form, its login and logout."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from redesign.core.scope import scope_for

from .forms import SubmissionForm
from .service import Submission, create_submission, news_columns, site_collection, submissions_of

LIST_URL = "guarantee_submission:list"
LOGIN_URL = "guarantee_submission:login"
PAGE_SIZE = 20


def in_site_language(view: Callable) -> Callable:
    """Answer in the cluster's language (简体中文) whatever the phone's browser asks for."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Run the view and render its response with the site's language active."""
        with translation.override(settings.LANGUAGE_CODE):
            response = view(request, *args, **kwargs)
            if isinstance(response, TemplateResponse) and not response.is_rendered:
                response.render()
        response.headers["Content-Language"] = settings.LANGUAGE_CODE
        return response

    return wrapper


def _site_or_404(request: HttpRequest) -> Site:
    """The site of the request's host."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("没有与此域名对应的网站。"))
    return site


def _forbidden(request: HttpRequest, site: Site) -> HttpResponse:
    """403: the user may not file articles on this site; name the sites they work on."""
    scope = scope_for(request.user)
    others = [other for other in scope.sites if other.pk != site.pk]
    return TemplateResponse(
        request,
        "guarantee/submission/forbidden.html",
        {"site": site, "site_name": site.site_name, "other_sites": others},
        status=403,
    )


def submission_access(view: Callable) -> Callable:
    """Let in logged-in users who may add articles under a news column of this host's site."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Log in first; then 403 unless the user may file in at least one news column here."""
        site = _site_or_404(request)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(LOGIN_URL))
        columns = news_columns(site, request.user)
        if not columns:
            return _forbidden(request, site)
        return view(request, site, columns, *args, **kwargs)

    return wrapper


@never_cache
@in_site_language
@submission_access
def submission_list(request: HttpRequest, site: Site, columns: list) -> HttpResponse:
    """The user's own submissions to this site with their workflow states."""
    paginator = Paginator(submissions_of(request.user, site), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "guarantee/submission/list.html",
        {"site": site, "site_name": site.site_name, "rows": page, "paginator": paginator},
    )


@never_cache
@in_site_language
@submission_access
def submission_new(request: HttpRequest, site: Site, columns: list) -> HttpResponse:
    """The 投稿 form: a valid post becomes a draft article submitted to the site's workflow."""
    has_collection = site_collection(site) is not None
    if request.method == "POST":
        form = SubmissionForm(
            request.POST, request.FILES, columns=columns, has_collection=has_collection
        )
        if form.is_valid():
            data = form.cleaned_data
            submission = Submission(
                title=data["title"],
                text=data["text"],
                origin=data["origin"],
                origin_source=data["origin_source"],
                column=data["column"],
                photos=data["photos"],
                attachments=data["attachments"],
            )
            try:
                page, state = create_submission(submission, request.user, site)
            except ValidationError as err:
                for message in err.messages:
                    form.add_error(None, message)
            else:
                if state is None:
                    messages.warning(
                        request,
                        _(
                            "稿件「%(title)s」已保存为草稿，但本站没有设置审核流程，请联系网站维护人员。"
                        )
                        % {"title": page.title},
                    )
                else:
                    messages.success(
                        request,
                        _("稿件「%(title)s」已提交，等待审核。审核结果会通知您。")
                        % {"title": page.title},
                    )
                return redirect(LIST_URL)
    else:
        form = SubmissionForm(columns=columns, has_collection=has_collection)
    return TemplateResponse(
        request,
        "guarantee/submission/form.html",
        {"site": site, "site_name": site.site_name, "form": form},
    )


@method_decorator(in_site_language, name="dispatch")
class SubmissionLoginView(auth_views.LoginView):
    """The 投稿 host's own login (the admin may live on another hostname); axes guards it."""

    template_name = "guarantee/submission/login.html"
    next_page = reverse_lazy(LIST_URL)

    def get_context_data(self, **kwargs) -> dict:
        """Add the site's name for the page's header."""
        context = super().get_context_data(**kwargs)
        site = _site_or_404(self.request)
        context.update({"site": site, "site_name": site.site_name})
        return context


@method_decorator(in_site_language, name="dispatch")
class SubmissionLogoutView(auth_views.LogoutView):
    """Log out (POST only) and go back to the 投稿 login."""

    next_page = reverse_lazy(LOGIN_URL)
