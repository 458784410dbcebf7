"""The whole path, and the handling side's rules: moves by state and right, logs, isolation."""

import re

import pytest
from django.test import Client

from redesign.interaction.models import Question, QuestionEvent
from redesign.interaction.states import TransitionError, perform

from .conftest import make_question
from .test_submit import form_data, post

ADMIN = "/admin/interaction_questions/"


def handle_url(question) -> str:
    """The question's handling page."""
    return f"{ADMIN}{question.pk}/"


def staff_client(user) -> Client:
    """A client logged in as the user."""
    client = Client()
    client.force_login(user)
    return client


def move(user, question, action: str, **data):
    """Post a move on the handling page as the user."""
    return staff_client(user).post(handle_url(question), {"action": action, **data})


def test_the_whole_path_from_phone_to_public_answer(board):
    """Submit → status by code → accept → assign → answer → approve → publish → public list."""
    citizen = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)")
    data = form_data(
        board, subject="城东小学报名材料咨询", content="孩子今年上一年级，需要带哪些材料报名？"
    )
    assert post(citizen, board, data).status_code == 302
    question = Question.objects.get()
    status = citizen.get(f"/hudong/chaxun/?code={question.code.lower()}", HTTP_HOST=board.host)
    assert status.status_code == 200 and "待受理" in status.content.decode()

    department = board.departments[1]
    assert move(board.maintainer, question, "accept").status_code == 302
    assert move(board.maintainer, question, "assign", department=department.pk).status_code == 302
    answer = "您好！请携带户口簿、不动产权证和儿童预防接种证到划片学校报名。"
    response = move(board.maintainer, question, "draft", answer=answer, department=department.pk)
    assert response.status_code == 302
    assert move(board.reviewer, question, "approve").status_code == 302
    assert move(board.reviewer, question, "publish").status_code == 302

    question.refresh_from_db()
    assert question.status == "published"
    assert (question.answer, question.answer_department) == (answer, department)
    assert (question.drafted_by, question.approved_by) == (board.maintainer, board.reviewer)
    log = list(question.events.values_list("action", "actor__username", "to_status"))
    assert log == [
        ("submit", None, "new"),
        ("accept", "napo_maintainer", "accepted"),
        ("assign", "napo_maintainer", "assigned"),
        ("draft", "napo_maintainer", "drafted"),
        ("approve", "napo_reviewer", "answered"),
        ("publish", "napo_reviewer", "published"),
    ]

    listing = citizen.get("/hudong/", HTTP_HOST=board.host).content.decode()
    detail = citizen.get(f"/hudong/{question.pk}/", HTTP_HOST=board.host).content.decode()
    assert "城东小学报名材料咨询" in listing
    assert answer in detail and department.name in detail
    for page in (listing, detail):
        for private in ("黄先生", "13812345678", "198.51.100.1", question.code):
            assert private not in page
    status = citizen.get(f"/hudong/chaxun/?code={question.code}", HTTP_HOST=board.host)
    assert answer in status.content.decode()


def test_only_approvers_approve_publish_or_refuse(board):
    """The 维护 group drafts; approving is the 审核 group's: refused with a reason, no change."""
    question = make_question(board, status="drafted", answer="答复稿")
    for action in ("approve", "publish", "reject"):
        response = move(board.maintainer, question, action, reason="理由")
        assert response.status_code == 400
        assert "没有" in response.content.decode() and "权限" in response.content.decode()
    question.refresh_from_db()
    assert question.status == "drafted"
    assert question.events.count() == 1


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("new", "publish"),
        ("new", "approve"),
        ("accepted", "publish"),
        ("published", "draft"),
        ("rejected", "accept"),
        ("answered", "draft"),
        ("withheld", "publish"),
    ],
)
def test_a_forged_move_is_refused_and_leaves_nothing(board, status, action):
    """A move the stored state does not allow: the state's name in the message, no log line."""
    question = make_question(board, status=status, answer="答复", publish_consent=True)
    response = move(board.reviewer, question, action, answer="新答复", reason="理由")
    assert response.status_code == 400
    text = response.content.decode()
    assert "当前状态为" in text
    question.refresh_from_db()
    assert question.status == status
    assert question.answer == "答复"
    assert question.events.count() == 1


def test_an_unknown_move_is_refused(board):
    """An action name that is not a move: the form refuses it."""
    question = make_question(board)
    assert move(board.reviewer, question, "delete_everything").status_code == 400
    question.refresh_from_db()
    assert question.status == "new"


def test_publishing_needs_the_citizens_consent(board):
    """No consent: only 不予公开, with a reason."""
    question = make_question(board, status="answered", answer="答复", publish_consent=False)
    response = move(board.reviewer, question, "publish")
    assert response.status_code == 400 and "未同意公开" in response.content.decode()
    assert move(board.reviewer, question, "withhold").status_code == 400  # no reason
    assert move(board.reviewer, question, "withhold", reason="留言人未同意公开").status_code == 302
    question.refresh_from_db()
    assert (question.status, question.reason) == ("withheld", "留言人未同意公开")


def test_a_department_of_another_site_cannot_be_assigned(board, other_board):
    """The handler's form and the state machine both keep to the question's site."""
    question = make_question(board)
    response = move(board.maintainer, question, "assign", department=other_board.departments[0].pk)
    assert response.status_code == 400
    with pytest.raises(TransitionError, match="承办部门"):
        perform(
            question.pk,
            "assign",
            board.maintainer,
            site_ids={board.site.pk},
            department_id=other_board.departments[0].pk,
        )
    question.refresh_from_db()
    assert (question.status, question.handling_department) == ("new", None)


def test_a_returned_answer_goes_back_to_the_department(board):
    """退回修改: back to 转办 when a department holds it, the note in the log."""
    question = make_question(
        board, status="drafted", answer="草稿", handling_department=board.departments[0]
    )
    assert move(board.reviewer, question, "return", reason="请补充办理时限").status_code == 302
    question.refresh_from_db()
    assert question.status == "assigned"
    assert question.events.last().note == "请补充办理时限"


def test_another_sites_handlers_find_nothing(board, other_board):
    """靖西's 审核 and 维护: 404 on 那坡's question, nothing in their list, no move possible."""
    question = make_question(board, subject="那坡路灯留言")
    for user in (other_board.reviewer, other_board.maintainer):
        client = staff_client(user)
        assert client.get(handle_url(question)).status_code == 404
        assert client.post(handle_url(question), {"action": "accept"}).status_code == 404
        listing = client.get(ADMIN).content.decode()
        assert "那坡路灯留言" not in listing
        assert client.get(f"{handle_url(question)}attachment/").status_code == 404
    with pytest.raises(TransitionError, match="不属于"):
        perform(question.pk, "accept", other_board.reviewer, site_ids={other_board.site.pk})
    question.refresh_from_db()
    assert question.status == "new"


def test_informants_have_no_board(board):
    """信息员 hold no handling right: the listing and the page are closed to them."""
    question = make_question(board)
    client = staff_client(board.informant)
    for url in (ADMIN, handle_url(question), f"{handle_url(question)}attachment/"):
        response = client.get(url)  # Wagtail turns the refusal into a message on its home
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.post(handle_url(question), {"action": "accept"}).status_code == 302
    question.refresh_from_db()
    assert question.status == "new"


def test_the_list_masks_phones_and_the_page_shows_them_to_handlers(board):
    """138****5678 in the list; the full number, name and address on the handling page."""
    question = make_question(board, phone="13812345678")
    client = staff_client(board.reviewer)
    listing = client.get(ADMIN).content.decode()
    assert "138****5678" in listing and "13812345678" not in listing
    page = client.get(handle_url(question)).content.decode()
    assert "13812345678" in page and "张三" in page and "198.51.100.20" in page


def test_the_deadline_filters(board):
    """已超期 lists the open questions past their deadline; 否决线 those near 90 days."""
    overdue = make_question(board, days_ago=20, subject="超期未答复的留言")
    near = make_question(board, days_ago=75, subject="临近三个月的留言")
    make_question(board, days_ago=1, subject="刚收到的留言")
    make_question(board, days_ago=40, subject="已经答复的留言", status="answered")
    client = staff_client(board.reviewer)
    listed = client.get(f"{ADMIN}?deadline=overdue").content.decode()
    titles = set(re.findall(r"(\S+的留言)", listed))
    assert titles == {overdue.subject, near.subject}
    listed = client.get(f"{ADMIN}?deadline=veto").content.decode()
    assert set(re.findall(r"(\S+的留言)", listed)) == {near.subject}


def test_the_attachment_reaches_handlers_only_as_a_download(board, client):
    """The handler downloads it; the public has no address for it."""
    from django.core.files.base import ContentFile

    question = make_question(board)
    question.attachment.save("X.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
    response = staff_client(board.reviewer).get(f"{handle_url(question)}attachment/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert client.get(f"{handle_url(question)}attachment/").status_code == 302  # to login
    public = client.get(f"/media/{question.attachment.name}", HTTP_HOST=board.host)
    assert public.status_code == 404


def test_a_question_is_never_deleted_or_added_in_the_admin(board):
    """No add or delete routes, and no delete button."""
    question = make_question(board)
    client = staff_client(board.reviewer)
    assert client.get(f"{ADMIN}new/").status_code == 404
    assert client.get(f"{ADMIN}delete/{question.pk}/").status_code == 404
    assert QuestionEvent.objects.filter(question=question).exists()


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_staff_pages_escape_what_citizens_typed(board):
    """A payload stored by an earlier version or typed by staff shows as text in the admin."""
    question = make_question(
        board,
        subject=f"路灯{XSS}",
        content=XSS,
        name="<img src=x onerror=alert(1)>",  # the field holds 30 characters
        answer=XSS,
        flagged_words=XSS,
    )
    client = staff_client(board.reviewer)
    for url in (ADMIN, handle_url(question), "/admin/"):
        html = client.get(url).content.decode()
        assert "<script>alert(" not in html and "<img src=x" not in html


def test_reply_days_stay_between_three_and_fifteen(board):
    """留言办理设置 refuses a deadline outside what localities use."""
    from django.core.exceptions import ValidationError

    from redesign.interaction.models import InteractionSettings

    settings = InteractionSettings.for_site(board.site)
    for days in (2, 16):
        settings.reply_days = days
        with pytest.raises(ValidationError):
            settings.full_clean()
    settings.reply_days = 15
    settings.full_clean()
