"""我要留言: a valid question is stored once; every bad input is refused whole, with a reason."""

import io
import re
from html import escape

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from redesign.interaction.models import Question, QuestionEvent
from redesign.interaction.public.forms import new_form_token

from .conftest import settings_of

ASK = "/hudong/ask/"


def form_data(board, **overrides) -> dict:
    """A valid post of the form."""
    data = {
        "subject": "小区门口路灯坏了",
        "content": "幸福路小区门口的三盏路灯坏了一个多月，晚上出行不便。",
        "category": "help",
        "department": board.departments[0].pk,
        "name": "黄先生",
        "phone": "13812345678",
        "email": "",
        "publish_consent": "on",
        "website": "",
        "token": new_form_token(board.site.pk),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(client: Client, board, data: dict, ip: str = "198.51.100.1"):
    """Post the form to the board's host from an address."""
    return client.post(ASK, data, HTTP_HOST=board.host, REMOTE_ADDR=ip)


def png_bytes() -> bytes:
    """A real small PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#2a6fb0").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_valid_question_is_stored_with_a_code_deadline_and_log(client, board):
    """302 to the receipt; the receipt shows the code; the question holds what was posted."""
    response = post(client, board, form_data(board))
    assert response.status_code == 302
    assert response["Location"] == "/hudong/ask/done/"
    question = Question.objects.get()
    assert re.fullmatch(r"[A-Z2-9]{12}", question.code)
    assert (question.site, question.status, question.department) == (
        board.site,
        "new",
        board.departments[0],
    )
    assert (question.name, question.phone, question.ip_address) == (
        "黄先生",
        "13812345678",
        "198.51.100.1",
    )
    assert question.publish_consent is True
    assert question.due_date > question.submitted_at.date()
    assert list(QuestionEvent.objects.values_list("action", "to_status")) == [("submit", "new")]
    receipt = client.get("/hudong/ask/done/", HTTP_HOST=board.host)
    assert question.code in receipt.content.decode()


def test_another_sites_form_token_is_refused(client, board, other_board):
    """A token signed for 靖西's form does not pass on 那坡's board."""
    data = form_data(board, token=new_form_token(other_board.site.pk))
    response = post(client, board, data)
    assert response.status_code == 400 and "表单已过期" in response.content.decode()
    assert not Question.objects.exists()


def test_the_same_form_posted_twice_stores_one_question(client, board):
    """A double tap (same one-time token) answers with the first question's receipt."""
    data = form_data(board)
    assert post(client, board, data).status_code == 302
    assert post(client, board, data).status_code == 302
    assert Question.objects.count() == 1


def test_csrf_is_enforced(board):
    """No token, or a wrong one: 403 and nothing stored."""
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, board, form_data(board)).status_code == 403
    strict.cookies["csrftoken"] = "a" * 32
    wrong = form_data(board, csrfmiddlewaretoken="b" * 32)
    assert post(strict, board, wrong).status_code == 403
    assert not Question.objects.exists()


def test_csrf_token_from_the_page_lets_the_post_through(board):
    """The real path: GET the form, post with its CSRF token."""
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(ASK, HTTP_HOST=board.host)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    form_token = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    data = form_data(board, csrfmiddlewaretoken=token.group(1), token=form_token.group(1))
    assert post(strict, board, data).status_code == 302
    assert Question.objects.count() == 1


def test_a_filled_honeypot_is_refused(client, board):
    """Bots fill the hidden field: 400, nothing stored."""
    response = post(client, board, form_data(board, website="http://spam.example/"))
    assert response.status_code == 400
    assert "提交未成功" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("subject", "", "请填写“标题”"),
        ("subject", "路灯", "“标题”太短，请至少写 4 个字"),
        ("subject", "<b></b>路灯", "标题太短"),
        ("subject", "长" * 101, "“标题”最多 100 个字，现在是 101 个"),
        ("content", "太短了", "至少写 10 个字"),
        ("content", "长" * 3001, "最多 3000 个字"),
        ("name", "", "请填写“姓名”"),
        ("phone", "12345", "请填写正确的手机号码"),
        ("email", "not-an-address", "请填写正确的电子邮箱地址"),
        ("category", "bribe", "选择一个有效的选项"),
        ("category", "", "请填写“类别”"),
        ("token", "forged-token", "表单已过期"),
    ],
)
def test_bad_fields_are_refused_with_a_message(client, board, field, value, message):
    """Each bad field: 400, its message on the page, what was typed kept, nothing stored."""
    data = form_data(board, **{field: value})
    response = post(client, board, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "幸福路小区门口" in html or field == "content"  # the content typed is kept
    assert not Question.objects.exists()


def test_control_characters_are_refused(client, board):
    """An escape or bell character in the text: a clear message."""
    response = post(client, board, form_data(board, subject="路灯\x1b[31m坏了很久"))
    assert response.status_code == 400
    assert "控制字符" in response.content.decode()
    assert not Question.objects.exists()


def test_a_department_of_another_site_is_refused(client, board, other_board):
    """The department list is the site's own: another site's id is not a choice."""
    data = form_data(board, department=other_board.departments[0].pk)
    response = post(client, board, data)
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>路灯坏了很久",
        '"><img src=x onerror=alert(1)>路灯坏了很久',
        "<svg/onload=alert(1)>路灯坏了很久",
        "javascript:alert(1)//路灯坏了很久",
    ],
)
def test_html_is_stripped_and_what_remains_is_escaped(client, board, payload):
    """Stored as plain text; shown escaped on the status page."""
    response = post(client, board, form_data(board, subject=payload, content=payload * 2))
    assert response.status_code == 302
    question = Question.objects.get()
    assert "<" not in question.subject and "<" not in question.content
    page = client.get(f"/hudong/chaxun/?code={question.code}", HTTP_HOST=board.host)
    html = page.content.decode()
    assert escape(question.subject) in html
    for fragment in ("<script>alert", "onerror=alert", "<svg/onload", "<img src=x"):
        assert fragment not in html


def test_text_that_merely_mentions_brackets_survives(client, board):
    """'a < b' and '&' are ordinary text: they come through unchanged."""
    content = "请问 3 < 5 岁儿童入园要求 & 材料清单是什么？"
    assert post(client, board, form_data(board, content=content)).status_code == 302
    assert Question.objects.get().content == content


def test_a_sensitive_word_routes_the_question_to_moderation(client, board):
    """Stored, not refused, with the words it matched."""
    settings_of(board, sensitive_words="赌博\n代开发票")
    data = form_data(board, content="我们村有人晚上在仓库里聚众赌博，请有关部门查处。")
    assert post(client, board, data).status_code == 302
    question = Question.objects.get()
    assert (question.status, question.flagged_words) == ("new", "赌博")


def test_an_image_attachment_is_kept_privately_under_its_code(client, board, settings):
    """A real PNG: stored in the private storage, named by the code, not under MEDIA_ROOT."""
    upload = SimpleUploadedFile("照片.jpg", png_bytes(), content_type="image/jpeg")
    assert post(client, board, form_data(board, attachment=upload)).status_code == 302
    question = Question.objects.get()
    assert question.attachment.name.endswith(f"{question.code}.png")
    private = storages["interaction"]
    assert private.exists(question.attachment.name)
    assert not private.path(question.attachment.name).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no public URL"):
        _ = question.attachment.url


def test_a_pdf_attachment_is_accepted(client, board):
    """%PDF at the start: a PDF."""
    upload = SimpleUploadedFile("材料.pdf", b"%PDF-1.4\n%demo\n", content_type="application/pdf")
    assert post(client, board, form_data(board, attachment=upload)).status_code == 302
    assert Question.objects.get().attachment.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("材料.pdf", b"<html><script>alert(1)</script></html>", "只能是图片"),
        ("run.exe", b"MZ\x90\x00\x03", "只能是图片"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "已损坏"),
        ("empty.png", b"", "空"),
    ],
)
def test_bad_attachments_are_refused(client, board, name, content, message):
    """The kind is read from the bytes: a disguised file is refused, nothing stored."""
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = post(client, board, form_data(board, attachment=upload))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_an_attachment_over_five_megabytes_is_refused(client, board):
    """5 MB at most."""
    big = b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024)
    upload = SimpleUploadedFile("big.pdf", big, content_type="application/pdf")
    response = post(client, board, form_data(board, attachment=upload))
    assert response.status_code == 400
    assert "5 MB" in response.content.decode()
    assert not Question.objects.exists()


def test_one_address_is_limited_without_blocking_others(client, board, settings):
    """Over the per-address limit: 429, the typing kept; another address still gets through."""
    settings.REDESIGN_INTERACTION_RATE_IP = "3/h"
    for n in range(3):
        data = form_data(board, phone=f"1381234000{n}")
        assert post(client, board, data, ip="203.0.113.5").status_code == 302
    response = post(client, board, form_data(board, phone="13812340009"), ip="203.0.113.5")
    assert response.status_code == 429
    assert "提交过于频繁" in response.content.decode()
    assert "幸福路小区门口" in response.content.decode()
    other = Client()
    assert (
        post(other, board, form_data(board, phone="13912340000"), "203.0.113.6").status_code == 302
    )
    assert Question.objects.count() == 4


def test_one_phone_number_is_limited_across_addresses(client, board, settings):
    """The per-number limit holds whatever address the posts come from."""
    settings.REDESIGN_INTERACTION_RATE_PHONE = "2/d"
    statuses = [
        post(Client(), board, form_data(board), ip=f"192.0.2.{n}").status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Question.objects.count() == 2


def test_the_captcha_when_the_site_turns_it_on(client, board):
    """A site with 验证码 on: no answer or a wrong one is refused; the right one passes."""
    from captcha.models import CaptchaStore

    settings_of(board, captcha=True)
    page = client.get(ASK, HTTP_HOST=board.host).content.decode()
    hashkey = re.search(r'name="captcha_0" value="([0-9a-f]+)"', page).group(1)
    assert 'alt="验证码图片' in page
    image = client.get(f"/captcha/image/{hashkey}/", HTTP_HOST=board.host)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert post(client, board, form_data(board)).status_code == 400
    wrong = form_data(board, captcha_0=hashkey, captcha_1="wrong")
    response = post(client, board, wrong)
    assert response.status_code == 400 and "验证码不正确" in response.content.decode()
    assert not Question.objects.exists()
    page = client.get(ASK, HTTP_HOST=board.host).content.decode()
    hashkey = re.search(r'name="captcha_0" value="([0-9a-f]+)"', page).group(1)
    answer = CaptchaStore.objects.get(hashkey=hashkey).response
    right = form_data(board, captcha_0=hashkey, captcha_1=answer)
    assert post(client, board, right).status_code == 302
    assert Question.objects.count() == 1


def test_no_board_without_an_interaction_column(client, board):
    """A host whose site has no live 互动 column has no /hudong/."""
    from redesign.core.models import ColumnPage

    ColumnPage.objects.filter(column_type="interaction").update(live=False)
    assert client.get(ASK, HTTP_HOST=board.host).status_code == 404
    assert client.get(ASK, HTTP_HOST="unknown.example").status_code in (400, 404)


def test_mistakes_do_not_use_up_the_phone_limit(client, board, settings):
    """Refused forms and double taps cost the number nothing; only new questions count."""
    settings.REDESIGN_INTERACTION_RATE_PHONE = "2/d"
    for _ in range(4):
        assert post(Client(), board, form_data(board, content="太短")).status_code == 400
    data = form_data(board)
    assert post(client, board, data).status_code == 302
    assert post(client, board, data).status_code == 302  # the same form again
    assert post(Client(), board, form_data(board), ip="192.0.2.50").status_code == 302
    assert Question.objects.count() == 2


def test_a_blocked_address_cannot_use_up_someone_elses_number(board, settings):
    """Posts refused for their address do not count against the phone they name."""
    settings.REDESIGN_INTERACTION_RATE_IP = "1/h"
    settings.REDESIGN_INTERACTION_RATE_PHONE = "2/d"
    flooder = Client()
    victim = {"phone": "13900009999"}
    assert (
        post(flooder, board, form_data(board, phone="13800000001"), "203.0.113.77").status_code
        == 302
    )
    for _ in range(5):
        response = post(flooder, board, form_data(board, **victim), "203.0.113.77")
        assert response.status_code == 429
    assert post(Client(), board, form_data(board, **victim), "198.51.100.99").status_code == 302


def test_ipv6_addresses_of_one_network_share_a_limit(board, settings):
    """Rotating addresses inside one /64 does not escape the per-address limit."""
    settings.REDESIGN_INTERACTION_RATE_IP = "2/h"
    statuses = [
        post(
            Client(), board, form_data(board, phone=f"1370000000{n}"), f"2001:db8:1:2::{n + 1}"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    other_net = post(Client(), board, form_data(board, phone="13700000009"), "2001:db8:9::1")
    assert other_net.status_code == 302


def test_an_unreachable_cache_lets_citizens_through(client, board, monkeypatch, caplog):
    """The limits cannot be counted: the question is stored and the failure logged, no 500."""
    from redesign.interaction.public import views

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(views, "is_ratelimited", broken)
    assert post(client, board, form_data(board)).status_code == 302
    assert Question.objects.count() == 1
    assert "could not be counted" in caplog.text
