"""Fixtures of the cluster tests: two realistic county trees for the isolation tests."""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction, UploadedFile

from tests.conftest import add_article


@pytest.fixture
def two_sites(make_county_tree):
    """Two realistic demo trees (那坡县, 靖西市), each with a draft besides its published pages."""
    data = {}
    for key, county in (("a", "napo"), ("b", "jingxi")):
        tree = make_county_tree(county, "tiny", standard_pages=False, home=False)
        column = tree.column("yaowen")
        data[key] = {
            "result": tree.result,
            "column": column,
            "article": tree.articles["yaowen"][0],
            "draft": add_article(column, f"{key} 草稿文章", publish=False),
            "images": list(get_image_model().objects.filter(collection=tree.collection)),
            "documents": list(get_document_model().objects.filter(collection=tree.collection)),
        }
    return data


def only_in(sites, key: str, media: str) -> set[str]:
    """Titles of one site's images or documents that the other site has no file of."""
    other = "b" if key == "a" else "a"
    return {f.title for f in sites[key][media]} - {f.title for f in sites[other][media]}


def editor_of(result, role: str, username: str):
    """A user in one of a provisioned site's groups (informant, reviewer or maintainer)."""
    user = get_user_model().objects.create_user(username=username, password="x-pass-123456")
    user.groups.add(result.groups[role])
    return user


@dataclass
class SiteAtWork:
    """One site of busy_sites: its staff, the pages in each state, and the objects they left."""

    key: str
    result: object
    data: dict
    staff: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    @property
    def short(self) -> str:
        """The short name (那坡县, 靖西市) that starts every title made here."""
        return self.result.site.site_name[:3]

    @property
    def images(self) -> list:
        """The site's images."""
        return self.data["images"]

    @property
    def documents(self) -> list:
        """The site's documents."""
        return self.data["documents"]


def _staff_of(result, key: str) -> dict:
    """One named user per role of the site, with a username and full name unique to the site."""
    short = result.site.site_name[:2]
    staff = {}
    for role, label in (("informant", "信息员"), ("reviewer", "审核员"), ("maintainer", "维护员")):
        user = editor_of(result, role, f"{key}_{role}_staff")
        user.first_name, user.last_name = f"{short}{label}", "韦"
        user.email = f"{key}_{role}@example.cn"
        user.save(update_fields=["first_name", "last_name", "email"])
        staff[role] = user
    return staff


def _put_to_work(sites, key: str) -> SiteAtWork:
    """Give one site of two_sites a private page, a revision-only title, a page in review,
    a locked page, a redirect, an editing session, an upload and a translation."""
    data = sites[key]
    work = SiteAtWork(key, data["result"], data)
    work.staff = staff = _staff_of(work.result, key)
    column, short = data["column"], work.short
    work.pages.update(
        home=work.result.home,
        column=column,
        article=data["article"],
        draft=data["draft"],
    )

    private = add_article(
        column, f"{short}内部通知（凭密码访问）", slug="neibu", owner=staff["informant"]
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x-pass-1"
    )
    work.pages["private"] = private

    revised = add_article(column, f"{short}旧标题稿件", slug="xiuding", owner=staff["informant"])
    revised.title = f"{short}新版标题（尚未发布）"
    revised.save_revision(user=staff["reviewer"], log_action=True)
    work.pages["revised"] = revised

    in_review = add_article(
        column, f"{short}送审稿件", publish=False, slug="songshen", owner=staff["informant"]
    )
    workflow = in_review.get_workflow()
    workflow_state = workflow.start(in_review, staff["informant"])
    work.pages["in_review"] = in_review
    work.objects.update(
        workflow=workflow,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        task=workflow_state.current_task_state.task,
    )

    locked = data["article"]
    locked.locked, locked.locked_by, locked.locked_at = True, staff["reviewer"], timezone.now()
    locked.save(update_fields=["locked", "locked_by", "locked_at"])
    log(instance=locked, action="wagtail.lock", user=staff["reviewer"])
    published = add_article(column, f"{short}维护员发布的稿件", publish=False, slug="fabu")
    published.save_revision(user=staff["maintainer"]).publish(user=staff["maintainer"])
    work.pages["published"] = published

    page_type = ContentType.objects.get_for_model(Page)
    work.objects.update(
        revision=revised.latest_revision,
        redirect=Redirect.objects.create(
            old_path=f"/{key}-jiu-lianjie", site=work.result.site, redirect_page=locked
        ),
        editing_session=EditingSession.objects.create(
            user=staff["reviewer"],
            content_type=page_type,
            object_id=str(revised.pk),
            last_seen_at=timezone.now(),
        ),
        uploaded_image=UploadedFile.objects.create(
            file=ContentFile(b"GIF89a", name=f"{key}-upload.gif"),
            for_content_type=ContentType.objects.get_for_model(get_image_model()),
            uploaded_by_user=staff["maintainer"],
        ),
        uploaded_document=UploadedFile.objects.create(
            file=ContentFile(b"%PDF-1.4", name=f"{key}-upload.pdf"),
            for_content_type=ContentType.objects.get_for_model(get_document_model()),
            uploaded_by_user=staff["maintainer"],
        ),
    )
    _guarantee_objects(work)
    _interaction_objects(work)
    return work


def _interaction_objects(work: SiteAtWork) -> None:
    """The message board's objects of the site: a department and a question with an attachment."""
    from datetime import timedelta

    from redesign.interaction.models import Department, Question

    site, key, short = work.result.site, work.key, work.short
    department = Department.objects.create(
        site=site, name=f"{short}住建局", email=f"{key}-zhujian@example.org"
    )
    question = Question.objects.create(
        site=site,
        code=f"{key.upper()}QUESTN23456",
        subject=f"{short}路灯不亮的留言",
        content=f"{short}幸福小区门口的路灯坏了很久。",
        category="help",
        department=department,
        handling_department=department,
        status="assigned",
        name=f"{short}留言人",
        phone=f"1380000{'1234' if key == 'a' else '5678'}",
        email=f"{key}-citizen@example.org",
        ip_address="198.51.100.7" if key == "a" else "203.0.113.9",
        attachment=ContentFile(b"%PDF-1.4 demo", name=f"{key}-liuyan.pdf"),
        due_date=timezone.localdate() + timedelta(days=5),
    )
    work.objects.update(question=question, department=department)
    work.objects["model_ids"].update(
        {("interaction", "question"): [question.pk], ("interaction", "department"): [department.pk]}
    )


def _guarantee_objects(work: SiteAtWork) -> None:
    """The content guarantee's objects of the site: its policy, calendar day, contract, links."""
    from datetime import date

    from redesign.core.models import CalendarDay
    from redesign.guarantee.models import (
        BrokenLink,
        ContentPolicy,
        Contract,
        ContractStage,
        LinkCheckRun,
    )

    site, key, short = work.result.site, work.key, work.short
    ContentPolicy.objects.update_or_create(
        site=site,
        defaults={"webhook_kind": "wecom", "webhook_url": f"https://{key}-robot.example/"},
    )
    day = CalendarDay.objects.create(
        date=date(2026, 2, 14 + (key == "b")),
        is_working_day=True,
        site=site,
        note=f"{short}调休上班",
    )
    contract = Contract.objects.create(
        site=site,
        year=2026,
        title=f"{short}网站年度责任协议",
        budget=120000,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    stage = ContractStage.objects.create(contract=contract, stage="agreement", weight=10)
    stage.people.add(work.staff["maintainer"])
    run = LinkCheckRun.objects.create(
        site=site, pages_checked=3, broken_internal=1, finished_at=timezone.now()
    )
    BrokenLink.objects.create(
        run=run,
        page=work.pages["article"],
        page_url=work.pages["article"].url_path,
        target_url=f"/{key}-duankai-lianjie/",
        kind="internal",
        status=404,
    )
    work.objects.update(calendar_day=day, contract=contract, link_check=run)
    work.objects["model_ids"] = {
        ("core", "calendarday"): [day.pk],
        ("guarantee", "contract"): [contract.pk],
    }


@pytest.fixture
def busy_sites(two_sites) -> dict:
    """two_sites with each site's staff at work (see _put_to_work): {"a": SiteAtWork, "b": ...}."""
    return {key: _put_to_work(two_sites, key) for key in ("a", "b")}
