"""规范用语: the cluster's exact names and terms, kept by its administrators; editors' warnings.

The rules are a snippet only cluster administrators (superusers) may list, add, edit or delete,
whatever permissions a group holds. Each time an editor saves a page (a draft or a publication),
the text just saved is checked and the wrong forms found are listed in a warning.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .. import wording
from ..models import WordingRule

MAX_LISTED = 10  # wrong forms named in one warning; the rest are counted


class SuperusersOnlyPolicy(ModelPermissionPolicy):
    """Only active superusers (the cluster's administrators) may do anything with the model."""

    def user_has_permission(self, user, action: str) -> bool:
        """Whether the user is an active superuser."""
        return bool(user.is_active and user.is_superuser)

    def users_with_any_permission(self, actions) -> QuerySet:
        """The active superusers."""
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(WordingRule, SuperusersOnlyPolicy(WordingRule))


def administrators_only(view):
    """Refuse (403) everyone but active superusers."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


class WordingRuleChooserViewSet(SnippetChooserViewSet):
    """The rules' chooser, which Wagtail opens to every admin user, kept to administrators."""

    def get_urlpatterns(self) -> list:
        """The chooser's URLs, each refusing non-administrators."""
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = administrators_only(pattern.callback)
        return patterns


class WordingRuleForm(WagtailAdminModelForm):
    """The rule's form: each wrong form on its own line, none equal to the correct form."""

    def clean_correct(self) -> str:
        """The correct form without surrounding spaces."""
        correct = self.cleaned_data["correct"].strip()
        if not correct:
            raise ValidationError(_("请填写正确写法。"))
        return correct

    def clean_wrong_forms(self) -> str:
        """One wrong form a line, without blanks or repeats, each at most 100 characters."""
        lines = [line.strip() for line in self.cleaned_data["wrong_forms"].splitlines()]
        forms = list(dict.fromkeys(line for line in lines if line))
        if not forms:
            raise ValidationError(_("至少填写一个错误写法。"))
        too_long = [form for form in forms if len(form) > 100]
        if too_long:
            raise ValidationError(_("错误写法不能超过 100 个字：%s") % too_long[0][:20])
        correct = (self.cleaned_data.get("correct") or self.data.get("correct") or "").strip()
        if correct in forms:
            raise ValidationError(_("错误写法不能与正确写法相同。"))
        return "\n".join(forms)


def _wrong_forms(rule: WordingRule) -> str:
    """The rule's wrong forms on one line."""
    return "、".join(rule.wrong_list)


class WordingRuleViewSet(SnippetViewSet):
    """规范用语: names and terms that must be exact, with the wrong forms they are written in."""

    model = WordingRule
    icon = "pilcrow"
    menu_label = gettext_lazy("规范用语")
    add_to_admin_menu = False
    list_display = [
        "correct",
        Column("wrong_forms", label=gettext_lazy("错误写法"), accessor=_wrong_forms),
        "category",
        BooleanColumn("serious", label=gettext_lazy("严重错误")),
        BooleanColumn("active", label=gettext_lazy("启用")),
    ]
    list_filter = ["category", "serious", "active"]
    search_fields = ["correct", "wrong_forms", "note"]
    search_backend_name = None  # the rules are not indexed: search the two columns directly
    ordering = ["category", "correct"]
    edit_handler = ObjectList(WordingRule.panels, base_form_class=WordingRuleForm)
    chooser_viewset_class = WordingRuleChooserViewSet


register_snippet(WordingRuleViewSet)


# --- the editor's warning ----------------------------------------------------------------------


def warning_text(page: Page, matches: list[wording.Match]) -> str:
    """The warning listing each wrong form found: 「错写」→「正写」, serious ones marked 严重."""
    items = [
        _("「%(wrong)s」→「%(correct)s」") % {"wrong": m.wrong, "correct": m.correct}
        + (_("（严重）") if m.serious else "")
        for m in matches[:MAX_LISTED]
    ]
    if len(matches) > MAX_LISTED:
        items.append(_("等共 %(count)d 处") % {"count": len(matches)})
    serious = sum(1 for m in matches if m.serious)
    text = _("“%(title)s”中可能有写错的规范用语：%(items)s。") % {
        "title": page.get_admin_display_title(),
        "items": "；".join(items),
    }
    if serious:
        text += _(
            "严重错别字（领导人姓名、重要政治术语等）发布后会导致网站检查单项否决，请改正后再发布。"
        )
    return text


def warn_about_wording(request, page: Page) -> None:
    """After a page is saved in the editor, warn of the wrong forms in the text just saved."""
    if not request.accepts("text/html"):
        return  # an autosave or other JSON request: the editor's next full page warns
    matches = wording.distinct(wording.find_errors(wording.page_text(page)))
    if matches:
        messages.warning(request, warning_text(page, matches))


@hooks.register("after_create_page")
def warn_after_create(request, page: Page) -> None:
    """A new page's first draft is checked."""
    warn_about_wording(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page: Page) -> None:
    """Every saved draft or publication is checked."""
    warn_about_wording(request, page)
