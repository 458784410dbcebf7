"""A county's life in the content guarantee: its staff, their submissions, its pace, its ledger.

Each county gets two informants and a reviewer beside its maintainer; items that went through
the real workflow (submitted, reviewed, published) on the working days before today, backdated
to their moments; a submission in every state; and this year's contract. The county's
``health`` (data/counties/*.toml) sets its pace: green publishes its quota every working day,
amber has gone quiet for 13 days (its home page goes stale in two), red for 17 days (its home
page is stale), with a 通知公告 column untouched for 200 days and a blank column.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from redesign.cluster.provisioning import ProvisioningResult
from redesign.core.column_types import ColumnType
from redesign.core.models import ArticlePage, ColumnPage
from redesign.core.workdays import WorkingCalendar
from redesign.guarantee.models import ContentPolicy, Contract, ContractStage, ItemRecord

from .content import SEED, ContentGenerator
from .content.base import ArticleSpec
from .profiles import County
from .values import block, heading, rich

QUIET_DAYS = {"green": 0, "amber": 13, "red": 17}
HISTORY_DAYS = 20  # working days of workflow items before today (or before the quiet began)


@dataclass
class Staff:
    """The people who keep one county site alive."""

    informants: list[Any]
    reviewer: Any
    maintainer: Any


def ensure_staff(county: County, result: ProvisioningResult, maintainer: Any, password: str):
    """Two informants and a reviewer in the site's groups (existing ones are kept)."""
    users = get_user_model()
    people = []
    for username, name, group in (
        (f"{county.key}_xinxiyuan1", f"{county.abbr}小梅", "informant"),
        (f"{county.key}_xinxiyuan2", f"{county.abbr}志强", "informant"),
        (f"{county.key}_shenhe", f"{county.abbr}审核员", "reviewer"),
    ):
        user = users.objects.filter(username=username).first()
        if user is None:
            user = users.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=password,
                first_name=name,
            )
        user.groups.add(result.groups[group])
        people.append(user)
    return Staff(informants=people[:2], reviewer=people[2], maintainer=maintainer)


class History:
    """Writes one county's history into its freshly built site."""

    def __init__(self, county: County, result: ProvisioningResult, staff: Staff, now):
        self.county = county
        self.result = result
        self.staff = staff
        self.now = now
        self.zone = now.tzinfo
        self.calendar = WorkingCalendar("statutory")
        self.columns = {c.slug: c for c in ColumnPage.objects.child_of(result.home)}
        self.count = 0
        # its own seed: the history's stories are not the builder's
        self.writer = ContentGenerator(county, now, seed=SEED + 9)

    # -- time ----------------------------------------------------------------------------------

    def working_days(self, before: datetime.date, n: int) -> list[datetime.date]:
        """The n working days before a date, newest first."""
        days, day = [], before
        while len(days) < n:
            day -= datetime.timedelta(days=1)
            if self.calendar.is_working_day(day):
                days.append(day)
        return days

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        """A local moment on a day."""
        return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.zone)

    def today_at(self, minutes_ago: int) -> datetime.datetime:
        """A moment earlier today, never before this morning's midnight."""
        midnight = self.at(self.now.date(), 0, 1)
        return max(midnight, self.now - datetime.timedelta(minutes=minutes_ago))

    # -- writing -------------------------------------------------------------------------------

    def story(self, slug: str, moment: datetime.datetime) -> ArticleSpec:
        """A new story for a column, written for the moment."""
        self.count += 1
        if slug in ("yaowen", "zwdt"):
            return self.writer.news_article(slug, moment, government=slug == "zwdt")
        if slug == "zcwj":
            return self.writer.policy_article(slug, moment)
        return self.writer.notice_article(slug, moment)

    def article(self, slug: str, moment: datetime.datetime, owner: Any) -> ArticlePage:
        """A draft article of a new story in a column, saved as its owner's revision."""
        spec = self.story(slug, moment)
        body = []
        for section in spec.sections:
            if section.heading:
                body.append(heading(section.heading))
            if section.paragraphs:
                body.append(block("paragraph", rich(*section.paragraphs)))
            if section.items:
                body.append(block("paragraph", rich(*section.items)))
        fields = spec.page_fields()
        fields.update(source=spec.source or self.county.media_centre, author=owner.first_name)
        page = ArticlePage(
            **fields, slug=f"gj-{self.count:03d}", live=False, owner=owner, body=body
        )
        self.columns[slug].add_child(instance=page)
        page.save_revision(user=owner)
        return page

    def through_workflow(self, slug: str, moment: datetime.datetime, informant: Any) -> None:
        """Submitted by an informant, approved by the reviewer, published by the maintainer."""
        page = self.article(slug, moment, informant)
        state = page.get_workflow().start(page, informant)
        state.current_task_state.task.specific.on_action(
            state.current_task_state, self.staff.reviewer, "approve"
        )
        state.refresh_from_db()
        state.current_task_state.task.specific.on_action(
            state.current_task_state, self.staff.maintainer, "approve"
        )
        self.backdate(page, moment, submitted=moment - datetime.timedelta(minutes=45))

    def directly(self, slug: str, moment: datetime.datetime) -> None:
        """A notice the maintainer writes and publishes (static items are the office's own)."""
        page = self.article(slug, moment, self.staff.maintainer)
        page.get_latest_revision().publish(user=self.staff.maintainer)
        self.backdate(page, moment)

    def backdate(self, page: Page, moment: datetime.datetime, submitted=None) -> None:
        """Move an item's real times (revisions, workflow, log, record) back to its moment."""
        ArticlePage.objects.filter(pk=page.pk).update(
            publish_date=moment,
            first_published_at=moment,
            last_published_at=moment,
            latest_revision_created_at=moment,
        )
        start = submitted or moment - datetime.timedelta(minutes=5)
        Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=start)
        states = WorkflowState.objects.filter(object_id=str(page.pk))
        states.update(created_at=start)
        tasks = list(TaskState.objects.filter(workflow_state__in=states).order_by("pk"))
        for n, task in enumerate(tasks):
            step = start + datetime.timedelta(minutes=20 * n)
            TaskState.objects.filter(pk=task.pk).update(
                started_at=step, finished_at=step + datetime.timedelta(minutes=20)
            )
        PageLogEntry.objects.filter(page=page).update(timestamp=moment)
        reviewed = start + datetime.timedelta(minutes=20) if tasks else None
        ItemRecord.objects.filter(page=page).update(
            submitted_at=submitted,
            reviewed_at=reviewed,
            first_published_at=moment,
            shown_date_at_publish=moment,
            shown_date=moment,
        )

    def pending(self) -> None:
        """A submission in every state: in review, awaiting the final step, sent back, draft."""
        first, second = self.staff.informants
        review = self.article("yaowen", self.now, first)
        review.get_workflow().start(review, first)
        final = self.article("zwdt", self.now, second)
        state = final.get_workflow().start(final, second)
        state.current_task_state.task.specific.on_action(
            state.current_task_state, self.staff.reviewer, "approve"
        )
        back = self.article("yaowen", self.now, first)
        state = back.get_workflow().start(back, first)
        state.current_task_state.task.specific.on_action(
            state.current_task_state,
            self.staff.reviewer,
            "reject",
            comment="请补充活动现场照片和具体数据，来源写明责任单位。",
        )
        self.article("yaowen", self.now, second)  # a draft, not sent

    # -- the county's pace ---------------------------------------------------------------------

    def quiet(self, days: int) -> None:
        """Move everything the builder dated back by days: the site went quiet that long ago."""
        if not days:
            return
        shift = datetime.timedelta(days=days)
        root = self.result.home
        for page in ArticlePage.objects.descendant_of(root).only(
            "publish_date", "first_published_at", "last_published_at", "written_date"
        ):
            ArticlePage.objects.filter(pk=page.pk).update(
                publish_date=page.publish_date - shift if page.publish_date else None,
                first_published_at=page.first_published_at - shift,
                last_published_at=page.last_published_at - shift,
                written_date=page.written_date - shift if page.written_date else None,
            )
        for record in ItemRecord.objects.filter(page__path__startswith=root.path):
            ItemRecord.objects.filter(pk=record.pk).update(
                first_published_at=record.first_published_at - shift,
                shown_date=record.shown_date - shift if record.shown_date else None,
                shown_date_at_publish=(
                    record.shown_date_at_publish - shift if record.shown_date_at_publish else None
                ),
            )
        Page.objects.filter(path__startswith=root.path).exclude(
            pk__in=ArticlePage.objects.descendant_of(root).values("pk")
        ).update(last_published_at=self.now - shift)

    def settle_static_pages(self, days: int) -> None:
        """The standard and industry pages were last edited weeks before, not at load time."""
        root = self.result.home
        others = (
            Page.objects.descendant_of(root)
            .exclude(pk__in=ArticlePage.objects.descendant_of(root).values("pk"))
            .exclude(pk__in=ColumnPage.objects.descendant_of(root).values("pk"))
            .order_by("path")
        )
        for n, pk in enumerate(others.values_list("pk", flat=True)):
            moment = self.now - datetime.timedelta(days=days + 20 + 3 * n)
            Page.objects.filter(pk=pk).update(last_published_at=moment)

    def dying(self) -> None:
        """The red county: 通知公告 untouched for 200 days and a blank 规划计划 column."""
        notices = ArticlePage.objects.descendant_of(self.columns["tzgg"])
        oldest = self.now - datetime.timedelta(days=200)
        for n, page in enumerate(
            notices.order_by("-publish_date").only("publish_date", "written_date")
        ):
            moment = oldest - datetime.timedelta(days=9 * n)
            written = page.written_date
            if written and page.publish_date:
                written -= page.publish_date - moment
            ArticlePage.objects.filter(pk=page.pk).update(
                publish_date=moment,
                first_published_at=moment,
                last_published_at=moment,
                written_date=written,
            )
            ItemRecord.objects.filter(page_id=page.pk).update(
                first_published_at=moment, shown_date=moment, shown_date_at_publish=moment
            )
        blank = ColumnPage(
            title="规划计划", slug="ghjh", column_type=ColumnType.PLANNING, show_in_menus=True
        )
        self.result.home.add_child(instance=blank)
        blank.save_revision().publish()

    def write(self) -> None:
        """The whole history, by the county's health."""
        health = self.county.health
        quiet = QUIET_DAYS.get(health, 0)
        self.quiet(quiet)
        self.settle_static_pages(quiet)
        # a quiet site's last items are from the day it went quiet; a green one's from yesterday
        until = self.now.date() - datetime.timedelta(days=quiet - 1 if quiet else 0)
        first, second = self.staff.informants
        for n, day in enumerate(self.working_days(until, HISTORY_DAYS)):
            self.through_workflow("yaowen", self.at(day, 9, 30), first)
            self.through_workflow("zwdt", self.at(day, 15, 10), second)
            if n % 2 == 0:
                self.through_workflow("yaowen", self.at(day, 17, 5), first if n % 4 else second)
            self.directly("tzgg", self.at(day, 10, 40))
            self.directly("tzgg", self.at(day, 16, 20))
        if quiet:  # the last item, on the day the site went quiet, weekend or not
            self.through_workflow("yaowen", self.at(until - datetime.timedelta(days=1), 11), first)
        if health == "green":
            self.through_workflow("yaowen", self.today_at(150), first)
            self.through_workflow("zwdt", self.today_at(90), second)
            self.directly("tzgg", self.today_at(120))
            self.directly("tzgg", self.today_at(60))
        if health == "red":
            self.dying()
        self.pending()


def contract_for(county: County, site, staff: Staff, year: int, budget: int) -> Contract:
    """This year's contract of the site, its four stages and the people of each."""
    contract, created = Contract.objects.get_or_create(
        site=site,
        year=year,
        defaults={
            "title": f"{county.name}政府网站{year}年度建设运维协议",
            "budget": Decimal(budget),
            "signed_on": datetime.date(year, 1, 8),
            "starts_on": datetime.date(year, 1, 1),
            "ends_on": datetime.date(year, 12, 31),
        },
    )
    if created:
        for order, (stage, weight, people) in enumerate(
            (
                ("agreement", 10, [staff.maintainer]),
                ("collection", 15, [staff.reviewer, *staff.informants]),
                ("build", 25, [staff.maintainer]),
                ("update", 50, []),
            )
        ):
            row = ContractStage.objects.create(
                contract=contract, stage=stage, weight=weight, sort_order=order
            )
            row.people.set(people)
            row.save()
    return contract


BUDGETS = {"green": 120_000, "amber": 96_000, "red": 80_000}


def build_history(
    county: County, result: ProvisioningResult, maintainer: Any, password: str, now
) -> Staff:
    """The county's staff, history, content policy and contract; returns the staff."""
    staff = ensure_staff(county, result, maintainer, password)
    # Past events: nobody is mailed about them.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        History(county, result, staff, now).write()
    ContentPolicy.objects.get_or_create(site=result.site)
    contract_for(county, result.site, staff, now.year, BUDGETS.get(county.health, 100_000))
    return staff
