"""The 投稿 pages: a phone form makes a draft in the workflow, on the informant's own site only."""

from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, WorkflowState

from redesign.core.models import ArticleOrigin, ArticlePage
from redesign.guarantee.models import ItemRecord
from redesign.guarantee.submission import service
from tests.conftest import column_of

NAPO = "napo.localhost"
LIST_URL = "/tougao/"
NEW_URL = "/tougao/new/"


def png(name: str = "现场.png", colour: str = "#2a6fb0") -> SimpleUploadedFile:
    """A small real PNG upload."""
    buffer = BytesIO()
    PILImage.new("RGB", (80, 60), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def form_data(column, **overrides) -> dict:
    """A valid 投稿 post for the column."""
    data = {
        "title": "我县开展春季植树活动",
        "text": "3月12日，我县干部群众200余人参加义务植树。\n\n共栽种树苗3000余株。<b>好</b>",
        "origin": ArticleOrigin.ORIGINAL.value,
        "origin_source": "",
        "column": str(column.pk),
    }
    data.update(overrides)
    return data


def media_files() -> list[Path]:
    """Every file under this test's MEDIA_ROOT."""
    root = Path(django_settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def informant_client(client, staff):
    """A client logged in as 那坡县's informant."""
    client.force_login(staff["informant"])
    return client


def test_anonymous_is_sent_to_the_hosts_own_login(client, county):
    """Without a login, /tougao/ and /tougao/new/ go to /tougao/login/ on the same host."""
    for url in (LIST_URL, NEW_URL):
        response = client.get(url, HTTP_HOST=NAPO)
        assert response.status_code == 302
        assert response["Location"].startswith(f"/tougao/login/?next={url}")


def test_login_page_logs_in_with_the_password_and_returns_to_the_list(client, staff):
    """The host's own login form (Chinese, mobile) authenticates through axes and goes on."""
    page = client.get("/tougao/login/", HTTP_HOST=NAPO)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="zh-hans"' in html and "csrfmiddlewaretoken" in html and "登录投稿" in html
    bad = client.post(
        "/tougao/login/", {"username": "napo_informant", "password": "wrong"}, HTTP_HOST=NAPO
    )
    assert bad.status_code == 200 and not bad.wsgi_request.user.is_authenticated
    good = client.post(
        "/tougao/login/",
        {"username": "napo_informant", "password": "x-pass-123456", "next": NEW_URL},
        HTTP_HOST=NAPO,
    )
    assert good.status_code == 302 and good["Location"] == NEW_URL
    assert client.get(NEW_URL, HTTP_HOST=NAPO).status_code == 200
    logout = client.post("/tougao/logout/", HTTP_HOST=NAPO)
    assert logout.status_code == 302 and logout["Location"] == "/tougao/login/"
    assert client.get(LIST_URL, HTTP_HOST=NAPO).status_code == 302


def test_pages_answer_in_chinese_whatever_the_browser_asks(client, staff):
    """An English phone still gets 用户名/密码 and Chinese errors: the cluster's language."""
    page = client.get("/tougao/login/", HTTP_HOST=NAPO, HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert "用户名" in html and "密码" in html and "Username" not in html
    assert page["Content-Language"] == "zh-hans"
    client.force_login(staff["informant"])
    form = client.post(NEW_URL, {"title": "x" * 300}, HTTP_HOST=NAPO, HTTP_ACCEPT_LANGUAGE="en")
    assert "Ensure this value" not in form.content.decode()


def test_login_is_locked_after_repeated_failures(client, staff, settings):
    """django-axes sees the 投稿 login: after the failure limit even the right password fails."""
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        client.post(
            "/tougao/login/", {"username": "napo_informant", "password": "nope"}, HTTP_HOST=NAPO
        )
    locked = client.post(
        "/tougao/login/",
        {"username": "napo_informant", "password": "x-pass-123456"},
        HTTP_HOST=NAPO,
    )
    assert locked.status_code != 302
    assert not locked.wsgi_request.user.is_authenticated


def test_form_page_is_mobile_and_offers_the_sites_news_columns(informant_client, county):
    """The form names only 要闻 and 政务动态 (news columns), with labels, CSRF and no admin."""
    response = informant_client.get(NEW_URL, HTTP_HOST=NAPO)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-hans"' in html and 'name="viewport"' in html
    assert "csrfmiddlewaretoken" in html and 'enctype="multipart/form-data"' in html
    assert "guarantee/submission.css" in html and "<script" not in html
    assert "wagtailadmin" not in html
    choices = {column.title for column in response.context["form"].fields["column"].queryset}
    assert choices == {"要闻", "政务动态"}
    assert 'for="id_title"' in html and "multiple" in html and 'accept="image/*"' in html


def test_submission_creates_a_draft_in_the_workflow(informant_client, county, staff):
    """A valid post makes a draft owned by the informant under the column, in 审核."""
    column = column_of(county, "zwdt")
    response = informant_client.post(NEW_URL, form_data(column), HTTP_HOST=NAPO)
    assert response.status_code == 302 and response["Location"] == LIST_URL

    page = ArticlePage.objects.get(title="我县开展春季植树活动")
    assert page.get_parent().pk == column.pk
    assert not page.live and page.owner == staff["informant"]
    assert page.origin == ArticleOrigin.ORIGINAL and page.has_unpublished_changes
    revision = page.get_latest_revision()
    assert revision.user == staff["informant"]
    paragraphs = [b.value.source for b in revision.as_object().body if b.block_type == "paragraph"]
    assert paragraphs == [
        "<p>3月12日，我县干部群众200余人参加义务植树。</p>",
        "<p>共栽种树苗3000余株。&lt;b&gt;好&lt;/b&gt;</p>",
    ]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == staff["informant"]
    assert state.current_task_state.task.name == "那坡县人民政府 审核"

    listing = informant_client.get(LIST_URL, HTTP_HOST=NAPO)
    html = listing.content.decode()
    assert "我县开展春季植树活动" in html and "待审核" in html and "已提交，等待审核" in html


def test_photos_and_attachments_go_into_the_sites_collection(informant_client, county):
    """Photos become images (first one the cover, all image blocks), files become documents."""
    column = column_of(county, "yaowen")
    data = form_data(
        column,
        photos=[png("一.png"), png("二.png", "#aa3300")],
        attachments=[SimpleUploadedFile("通知.pdf", b"%PDF-1.4 test", "application/pdf")],
    )
    response = informant_client.post(NEW_URL, data, HTTP_HOST=NAPO)
    assert response.status_code == 302

    page = ArticlePage.objects.get(title="我县开展春季植树活动")
    draft = page.get_latest_revision().as_object()
    images = list(Image.objects.filter(collection=county.collection).order_by("pk"))
    assert len(images) == 2
    assert all(image.uploaded_by_user == page.owner and image.file_size for image in images)
    assert draft.cover_image == images[0]
    image_blocks = [b.value for b in draft.body if b.block_type == "image"]
    assert [value["image"] for value in image_blocks] == images
    assert all(value["alt"] for value in image_blocks)
    documents = list(Document.objects.filter(collection=county.collection))
    assert [d.title for d in documents] == ["通知"]
    assert documents[0].file.name.endswith(".pdf")
    assert [b.value["document"] for b in draft.attachments] == documents


def test_reprint_without_its_source_is_refused(informant_client, county):
    """转载 needs the original's source; the form comes back with a Chinese error, nothing saved."""
    column = column_of(county, "yaowen")
    data = form_data(column, origin=ArticleOrigin.REPRINT.value, origin_source="  ")
    response = informant_client.post(NEW_URL, data, HTTP_HOST=NAPO)
    assert response.status_code == 200
    assert "必须注明原文出处" in response.content.decode()
    assert not ArticlePage.objects.filter(title="我县开展春季植树活动").exists()

    data["origin_source"] = "广西日报"
    assert informant_client.post(NEW_URL, data, HTTP_HOST=NAPO).status_code == 302
    page = ArticlePage.objects.get(title="我县开展春季植树活动")
    assert (page.origin, page.origin_source) == (ArticleOrigin.REPRINT, "广西日报")


def test_non_image_upload_is_refused_with_nothing_created(informant_client, county):
    """A text file posing as a photo stops the whole submission: no page, image, document, file."""
    column = column_of(county, "yaowen")
    pages, images, documents = Page.objects.count(), Image.objects.count(), Document.objects.count()
    data = form_data(
        column,
        photos=[png("好.png"), SimpleUploadedFile("假.jpg", b"not an image", "image/jpeg")],
        attachments=[SimpleUploadedFile("a.pdf", b"%PDF-1.4", "application/pdf")],
    )
    response = informant_client.post(NEW_URL, data, HTTP_HOST=NAPO)
    assert response.status_code == 200
    html = response.content.decode()
    assert "「假.jpg」不是可识别的图片" in html and "需要重新选择" in html
    assert (Page.objects.count(), Image.objects.count(), Document.objects.count()) == (
        pages,
        images,
        documents,
    )
    assert media_files() == []


def test_oversized_photo_and_forbidden_attachment_are_refused(informant_client, county, settings):
    """The image size limit and the document extensions are the admin's own settings."""
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    column = column_of(county, "yaowen")
    data = form_data(
        column,
        photos=[png()],
        attachments=[SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")],
    )
    response = informant_client.post(NEW_URL, data, HTTP_HOST=NAPO)
    html = response.content.decode()
    assert response.status_code == 200
    assert "单张图片不能超过" in html and "「run.exe」的类型不允许上传" in html
    assert not ArticlePage.objects.exists()


def test_failure_while_creating_leaves_no_rows_and_no_files(informant_client, county, monkeypatch):
    """An error after the files are written rolls back the rows and deletes the files."""
    column = column_of(county, "yaowen")

    def broken_start(self, page, user):
        """A workflow that fails to start."""
        raise RuntimeError("workflow down")

    monkeypatch.setattr("wagtail.models.Workflow.start", broken_start)
    data = form_data(
        column,
        photos=[png()],
        attachments=[SimpleUploadedFile("a.pdf", b"%PDF-1.4", "application/pdf")],
    )
    with pytest.raises(RuntimeError):
        informant_client.post(NEW_URL, data, HTTP_HOST=NAPO)
    assert not ArticlePage.objects.exists()
    assert not Image.objects.exists() and not Document.objects.exists()
    assert media_files() == []


def test_column_outside_the_users_choices_is_refused(informant_client, county, other_county):
    """A notice column of the site, or another site's news column, is not a valid choice."""
    for column in (column_of(county, "tzgg"), column_of(other_county, "yaowen")):
        response = informant_client.post(NEW_URL, form_data(column), HTTP_HOST=NAPO)
        assert response.status_code == 200
        assert "请选择本站可以投稿的栏目" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_another_sites_informant_gets_403(client, county, other_staff):
    """靖西's informant cannot reach napo's 投稿 pages, and is pointed to their own site's."""
    client.force_login(other_staff["informant"])
    for url in (LIST_URL, NEW_URL):
        response = client.get(url, HTTP_HOST=NAPO)
        assert response.status_code == 403
        assert "靖西市人民政府" in response.content.decode()
    column = column_of(county, "yaowen")
    assert client.post(NEW_URL, form_data(column), HTTP_HOST=NAPO).status_code == 403
    assert not ArticlePage.objects.exists()
    assert client.get(LIST_URL, HTTP_HOST="jingxi.localhost").status_code == 200


def test_user_without_site_roles_gets_403(client, county, django_user_model):
    """A logged-in user with no group of the site may not file anything."""
    user = django_user_model.objects.create_user("passer", password="x-pass-123456")
    client.force_login(user)
    assert client.get(NEW_URL, HTTP_HOST=NAPO).status_code == 403


def test_list_shows_only_the_users_own_items_of_this_site(client, county, other_county, staff):
    """Another informant's draft and the user's own draft on another site are not listed."""
    other = staff["informant"].__class__.objects.create_user("napo_informant2", password="x")
    other.groups.add(county.groups["informant"])
    mine = ArticlePage(title="我的稿件", slug="mine", owner=staff["informant"], live=False)
    theirs = ArticlePage(title="别人的稿件", slug="theirs", owner=other, live=False)
    column_of(county, "yaowen").add_child(instance=mine)
    column_of(county, "yaowen").add_child(instance=theirs)
    for page in (mine, theirs):
        page.save_revision(user=page.owner)
    client.force_login(staff["informant"])
    html = client.get(LIST_URL, HTTP_HOST=NAPO).content.decode()
    assert "我的稿件" in html and "草稿（未提交）" in html and "别人的稿件" not in html


def test_review_and_publication_keep_the_record(informant_client, county, staff):
    """审核 approves, 终审发布 publishes: the record names informant, reviewer and maintainer."""
    column = column_of(county, "zwdt")
    assert informant_client.post(NEW_URL, form_data(column), HTTP_HOST=NAPO).status_code == 302
    page = ArticlePage.objects.get(title="我县开展春季植树活动")
    state = WorkflowState.objects.get(object_id=str(page.pk))

    def act(user, action: str, comment: str = ""):
        """Post a workflow action on the current task from the admin as the user."""
        admin = Client()
        admin.force_login(user)
        task_state = WorkflowState.objects.get(pk=state.pk).current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        response = admin.post(url, {"comment": comment}, HTTP_HOST=NAPO)
        assert response.status_code == 302
        return task_state

    review = act(staff["reviewer"], "approve", "内容属实")
    page.refresh_from_db()
    assert not page.live
    act(staff["maintainer"], "approve")
    page.refresh_from_db()
    assert page.live and page.publish_date is not None

    record = ItemRecord.objects.get(page=page)
    assert record.submitted_by == staff["informant"]
    assert record.submitted_at == state.created_at
    assert record.reviewed_by == staff["reviewer"]
    review.refresh_from_db()
    assert record.reviewed_at == review.finished_at
    assert record.published_by == staff["maintainer"]
    assert record.first_published_at >= record.reviewed_at >= record.submitted_at
    assert record.minutes_to_publish is not None and record.minutes_to_publish >= 0
    assert record.kind == "dynamic" and record.site == county.site

    html = informant_client.get(LIST_URL, HTTP_HOST=NAPO).content.decode()
    assert "已发布" in html


def test_two_drafts_with_chinese_titles_get_distinct_slugs(informant_client, county):
    """Drafts are saved without Wagtail's full clean; each still gets a free dated slug."""
    column = column_of(county, "yaowen")
    for _round in range(2):
        assert informant_client.post(NEW_URL, form_data(column), HTTP_HOST=NAPO).status_code == 302
    slugs = list(ArticlePage.objects.child_of(column).values_list("slug", flat=True))
    assert len(slugs) == 2 and len(set(slugs)) == 2 and all(slugs)


def test_paragraphs_escape_and_skip_blank_lines():
    """Plain text becomes one escaped paragraph block per non-blank line."""
    assert service.paragraphs("一\r\n\r\n  <script>x</script>  \n") == [
        ("paragraph", "<p>一</p>"),
        ("paragraph", "<p>&lt;script&gt;x&lt;/script&gt;</p>"),
    ]
