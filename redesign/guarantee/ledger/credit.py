"""The ledger of one contract: each person's credited work and share of the budget, from the logs.

The 内容更新 stage is credited from the publication records (ItemRecord, kept from the workflow
and the publish log): each live item first published within the contract's dates gives the
contract's role weights as points to whoever submitted, reviewed and published it. The stage's
budget goes to each person in proportion to their points; each other stage's budget is split
equally among its people. Every amount is in cents, rounded by largest remainder so that the
shares of a stage sum exactly to the stage's budget and the stages sum exactly to the budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from redesign.core.workdays import day_bounds

from ..models import Contract, ItemRecord, Stage

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")
ROLES = (("submitted", "submitted_by"), ("reviewed", "reviewed_by"), ("published", "published_by"))


def split(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """The amount split in proportion to the weights, in cents that sum exactly to the amount.

    Each part is rounded down to the cent; the cents left go one each to the parts with the
    largest remainders (the earlier part first on a tie). No weight at all gets nothing.
    """
    total = sum(weights, Decimal(0))
    if total <= 0:
        return [ZERO for _weight in weights]
    cents = int((Decimal(amount) / CENT).to_integral_value(ROUND_HALF_UP))
    exact = [Decimal(cents) * Decimal(weight) / total for weight in weights]
    floors = [int(part.to_integral_value(ROUND_FLOOR)) for part in exact]
    order = sorted(range(len(exact)), key=lambda i: (floors[i] - exact[i], i))
    for index in order[: cents - sum(floors)]:
        floors[index] += 1
    return [(Decimal(part) * CENT).quantize(CENT) for part in floors]


def person_name(user) -> str:
    """A person's name as Chinese writes it (family name first), else the username."""
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()


def credited_records(site_id: int | None, start: date, end: date) -> QuerySet:
    """The records of live items first published from start to end (inclusive, local days)."""
    since, until = day_bounds(start)[0], day_bounds(end)[1]
    records = ItemRecord.objects.filter(
        first_published_at__gte=since, first_published_at__lt=until, page__live=True
    )
    return records if site_id is None else records.filter(site_id=site_id)


def role_counts(records: QuerySet) -> dict[int, dict[str, int]]:
    """Each user's items submitted, reviewed and published among the records (three queries)."""
    counts: dict[int, dict[str, int]] = {}
    for role, user_field in ROLES:
        rows = (
            records.filter(**{f"{user_field}__isnull": False})
            .order_by()
            .values_list(user_field)
            .annotate(n=Count("pk"))
        )
        for user_id, n in rows:
            counts.setdefault(user_id, dict.fromkeys(("submitted", "reviewed", "published"), 0))
            counts[user_id][role] = n
    return counts


@dataclass
class PersonCredit:
    """One person's credited work under a contract and their money, stage by stage."""

    user_id: int
    name: str
    username: str
    submitted: int = 0
    reviewed: int = 0
    published: int = 0
    points: Decimal = Decimal(0)
    update_share: Decimal = Decimal(0)  # their points over all points (0 to 1)
    stages: dict[str, Decimal] = field(default_factory=dict)  # stage → amount
    total: Decimal = ZERO
    budget_share: Decimal = Decimal(0)  # their total over the budget (0 to 1)


@dataclass
class StageCredit:
    """One stage of a contract: its weight, its budget and who shares it."""

    stage: str
    label: str
    weight: Decimal
    amount: Decimal | None
    people: list[int] = field(default_factory=list)  # user ids
    unassigned: Decimal = ZERO


@dataclass
class LedgerResult:
    """A contract's ledger: items, points, the stages and every person credited."""

    contract: Contract
    items: int
    points: Decimal
    stages: list[StageCredit]
    people: list[PersonCredit]
    messages: list[str]
    valid: bool  # the stage weights sum to 100%: the money figures stand

    @property
    def assigned(self) -> Decimal:
        """The budget credited to people."""
        return sum((person.total for person in self.people), ZERO)

    @property
    def unassigned(self) -> Decimal:
        """The budget of stages nobody is credited with."""
        return sum((stage.unassigned for stage in self.stages), ZERO)

    def stage(self, key: str) -> StageCredit | None:
        """The stage of that key, if the contract has it."""
        return next((stage for stage in self.stages if stage.stage == key), None)


def weight_problems(weights: dict[str, Decimal]) -> list[str]:
    """What is wrong with a contract's stage weights (stage → weight), in Chinese."""
    problems = []
    total = sum(weights.values(), Decimal(0))
    if total != HUNDRED:
        problems.append(
            _("四个阶段的权重之和必须为 100%%（现为 %(sum)s%%），经费份额未计算。")
            % {"sum": format(total.normalize(), "f")}
        )
    missing = [label for key, label in Stage.choices if key not in weights]
    if missing:
        problems.append(
            _("缺少阶段：%(stages)s。") % {"stages": "、".join(str(m) for m in missing)}
        )
    return problems


def _role_points(contract: Contract, counts: dict[str, int]) -> Decimal:
    """A person's points: items per role times the contract's weight for the role."""
    return (
        counts["submitted"] * contract.submit_weight
        + counts["reviewed"] * contract.review_weight
        + counts["published"] * contract.publish_weight
    )


def credit(contract: Contract) -> LedgerResult:
    """Compute a contract's ledger from the publication records and the stages' people."""
    records = credited_records(contract.site_id, contract.starts_on, contract.ends_on)
    counts = role_counts(records)
    items = records.count()
    stages = list(contract.stages.prefetch_related("people"))
    weights = {stage.stage: stage.weight for stage in stages}
    messages = weight_problems(weights)
    valid = sum(weights.values(), Decimal(0)) == HUNDRED

    user_ids = set(counts)
    for stage in stages:
        if stage.stage != Stage.UPDATE:
            user_ids |= {person.pk for person in stage.people.all()}
    users = get_user_model().objects.in_bulk(user_ids)
    people = {
        pk: PersonCredit(pk, person_name(user), user.get_username()) for pk, user in users.items()
    }
    for pk, role in counts.items():
        if pk in people:
            person = people[pk]
            person.submitted, person.reviewed, person.published = (
                role["submitted"],
                role["reviewed"],
                role["published"],
            )
            person.points = _role_points(contract, role)
    points = sum((person.points for person in people.values()), Decimal(0))
    scorers = sorted(pk for pk, person in people.items() if person.points > 0)
    for pk in scorers:
        people[pk].update_share = people[pk].points / points

    amounts = split(contract.budget, [stage.weight for stage in stages]) if valid else []
    results = []
    for index, stage in enumerate(stages):
        if stage.stage == Stage.UPDATE:
            members, parts = scorers, [people[pk].points for pk in scorers]
        else:
            members = sorted(person.pk for person in stage.people.all())
            parts = [Decimal(1)] * len(members)
        amount = amounts[index] if valid else None
        result = StageCredit(stage.stage, stage.get_stage_display(), stage.weight, amount, members)
        if amount is not None:
            if members:
                for pk, share in zip(members, split(amount, parts), strict=True):
                    people[pk].stages[stage.stage] = share
                    people[pk].total += share
            else:
                result.unassigned = amount
                if amount:
                    messages.append(
                        _("“%(stage)s”阶段无人可计，%(amount)s 元未分配。")
                        % {"stage": result.label, "amount": amount}
                    )
        results.append(result)

    if valid and contract.budget:
        for person in people.values():
            person.budget_share = person.total / contract.budget
    ranked = sorted(people.values(), key=lambda p: (-p.total, -p.points, p.name, p.user_id))
    return LedgerResult(contract, items, points, results, ranked, messages, valid)
