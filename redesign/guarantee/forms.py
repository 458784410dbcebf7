"""The guarantee's admin forms: the responsibility contract with its stages."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from redesign.core.scope import scope_for

STAGES_FORMSET = "stages"


class ContractForm(WagtailAdminModelForm):
    """A contract: its site among the user's own; every stage once, the weights summing to 100%."""

    def __init__(self, *args, **kwargs):
        """Offer only the sites (and people) of the user's scope."""
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        scope = scope_for(self.for_user)
        if "site" in self.fields:
            self.fields["site"].queryset = scope.confine(self.fields["site"].queryset)
        formset = self.formsets.get(STAGES_FORMSET)
        for form in [*formset.forms, formset.empty_form] if formset is not None else []:
            if "people" in form.fields:
                form.fields["people"].queryset = scope.confine(form.fields["people"].queryset)

    def stage_problems(self) -> list[str]:
        """What is wrong with the posted stages as a whole: a stage twice or missing, the sum."""
        formset = self.formsets.get(STAGES_FORMSET)
        if formset is None:
            return []
        choices = dict(formset.model._meta.get_field("stage").choices)
        seen: dict[str, int] = {}
        total = Decimal(0)
        for form in formset.forms:
            if "stage" in form.errors or "weight" in form.errors:
                return []  # a stage's own errors come first
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            stage = data.get("stage") or form["stage"].value()  # a duplicate loses it on clean
            seen[stage] = seen.get(stage, 0) + 1
            total += data.get("weight") or 0
        problems = []
        twice = [str(choices[key]) for key, count in seen.items() if count > 1]
        if twice:
            problems.append(
                _("每个阶段只能出现一次：%(stages)s 重复。") % {"stages": "、".join(twice)}
            )
        missing = [str(label) for key, label in choices.items() if key not in seen]
        if missing:
            problems.append(_("缺少阶段：%(stages)s。") % {"stages": "、".join(missing)})
        if total != 100:
            problems.append(
                _("四个阶段的权重之和必须为 100%%（现为 %(sum)s%%）。")
                % {"sum": format(total.normalize(), "f")}
            )
        return problems

    def is_valid(self) -> bool:
        """The form, its stages, and the stages together."""
        valid = super().is_valid()
        if self.is_deferred_validation:  # a draft save does not check the whole
            return valid
        problems = self.stage_problems()
        if problems:
            formset = self.formsets[STAGES_FORMSET]
            formset.non_form_errors().extend(problems)
            for problem in problems:
                self.add_error(None, problem)
        return valid and not problems
