"""Workflow notices: mail to the right people once, the group robot, the admin's own panel."""

import base64
import hashlib
import hmac
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from redesign.core.models import ArticlePage
from redesign.guarantee import webhook
from redesign.guarantee.models import ContentPolicy, WebhookKind
from tests.conftest import column_of

NAPO = "napo.localhost"


class StubRobot(BaseHTTPRequestHandler):
    """A group robot on 127.0.0.1: records each POST and answers as the server is told."""

    def do_POST(self) -> None:  # noqa: N802  (http.server's name)
        """Record the request; answer with the configured status, body and delay."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        server = self.server
        server.requests.append({"path": self.path, "body": json.loads(body.decode("utf-8"))})
        if server.delay:
            time.sleep(server.delay)
        answer = json.dumps(server.answer).encode("utf-8")
        self.send_response(server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args) -> None:  # noqa: A002
        """Keep the test output quiet."""


@pytest.fixture
def robot():
    """A running stub robot server; .url is its base address, .requests what it received."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), StubRobot)
    server.requests, server.status, server.answer, server.delay = [], 200, {"errcode": 0}, 0
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def set_robot(result, kind: str, url: str, secret: str = "") -> ContentPolicy:
    """Save a site's robot through the ORM (the admin form insists on https)."""
    policy = ContentPolicy.for_site(result.site)
    policy.webhook_kind, policy.webhook_url, policy.webhook_secret = kind, url, secret
    policy.save()
    return policy


def submit(county, informant, title: str = "我县举办农民丰收节") -> ArticlePage:
    """Submit an article through the 投稿 form as the informant."""
    client = Client()
    client.force_login(informant)
    data = {
        "title": title,
        "text": "丰收节当天，全县20个乡镇参展。",
        "origin": "original",
        "column": str(column_of(county, "yaowen").pk),
    }
    response = client.post("/tougao/new/", data, HTTP_HOST=NAPO)
    assert response.status_code == 302
    return ArticlePage.objects.get(title=title)


def act(page, user, action: str, comment: str = "") -> None:
    """Take a workflow action on the page's current task in the admin as the user."""
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    client = Client()
    client.force_login(user)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state_id]
    )
    assert client.post(url, {"comment": comment}, HTTP_HOST=NAPO).status_code == 302


def mail_to(user) -> list:
    """The mails in the outbox addressed to the user."""
    return [message for message in mail.outbox if user.email in message.to]


def test_submission_mails_the_sites_reviewers_and_maintainers_at_once(county, staff, other_staff):
    """Wagtail's own notice of 审核 goes to its groups: napo's reviewer and maintainer only."""
    page = submit(county, staff["informant"])
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["napo_maintainer@example.cn", "napo_reviewer@example.cn"]
    body = mail_to(staff["maintainer"])[0].body
    assert page.title in body and f"/admin/pages/{page.pk}/edit/" in body


def test_rejection_mails_the_informant_once_with_the_comment(
    county, staff, other_staff, django_capture_on_commit_callbacks
):
    """The reviewer's comment reaches the informant in one mail; 靖西 staff get nothing."""
    page = submit(county, staff["informant"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["reviewer"], "reject", "请补充活动时间和地点")
    informant_mail = mail_to(staff["informant"])
    assert len(informant_mail) == 1
    assert "请补充活动时间和地点" in informant_mail[0].body
    assert not any(mail_to(user) for user in other_staff.values())


def test_each_approval_reaches_the_informant_once(
    county, staff, other_staff, django_capture_on_commit_callbacks
):
    """审核's approval (our mail, with its comment), then publication (Wagtail's), once each."""
    page = submit(county, staff["informant"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["reviewer"], "approve", "内容属实")
    first = mail_to(staff["informant"])
    assert len(first) == 1
    assert "已通过审核，待终审发布" in first[0].subject and "内容属实" in first[0].body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in first[0].body
    assert len(mail_to(staff["maintainer"])) == 1  # Wagtail: 终审发布 is waiting for them
    assert not mail_to(staff["reviewer"])

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["maintainer"], "approve")
    page.refresh_from_db()
    assert page.live
    assert len(mail_to(staff["informant"])) == 1  # Wagtail's approval notice
    assert not any(mail_to(user) for user in other_staff.values())


def test_informant_who_turned_approvals_off_gets_no_step_mail(
    county, staff, django_capture_on_commit_callbacks
):
    """Our step mail honours the admin's notification preference, as Wagtail's mails do."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff["informant"])
    profile.approved_notifications = False
    profile.save()
    page = submit(county, staff["informant"])
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["reviewer"], "approve")
    assert not mail_to(staff["informant"])


def test_wecom_robot_hears_every_step(
    robot, county, other_county, staff, django_capture_on_commit_callbacks
):
    """企业微信 markdown: submitted, 审核 passed, published; another site's robot hears nothing."""
    set_robot(county, WebhookKind.WECOM, f"{robot.url}/napo?key=k1")
    set_robot(other_county, WebhookKind.WECOM, f"{robot.url}/jingxi?key=k2")
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(county, staff["informant"])
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["reviewer"], "approve", "同意")
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["maintainer"], "approve")

    assert [request["path"] for request in robot.requests] == ["/napo?key=k1"] * 3
    bodies = [request["body"] for request in robot.requests]
    assert {body["msgtype"] for body in bodies} == {"markdown"}
    texts = [body["markdown"]["content"] for body in bodies]
    assert all("那坡县人民政府" in text and "我县举办农民丰收节" in text for text in texts)
    assert "已投稿待审核" in texts[0]
    assert "已通过审核，待终审发布" in texts[1] and "同意" in texts[1]
    assert "已通过并发布" in texts[2]
    assert f"(http://testserver/admin/pages/{page.pk}/edit/)" in texts[0]


def test_dingtalk_robot_is_signed_and_hears_the_rejection(
    robot, county, staff, django_capture_on_commit_callbacks
):
    """钉钉 text with 加签: timestamp and sign in the query; the comment is in the text."""
    set_robot(county, WebhookKind.DINGTALK, f"{robot.url}/robot/send?access_token=t", "SECxyz")
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(county, staff["informant"])
    with django_capture_on_commit_callbacks(execute=True):
        act(page, staff["reviewer"], "reject", "标题有错别字")

    assert len(robot.requests) == 2
    for request in robot.requests:
        query = parse_qs(urlsplit(request["path"]).query)
        assert query["access_token"] == ["t"]
        timestamp, sign = query["timestamp"][0], query["sign"][0]
        expected = hmac.new(b"SECxyz", f"{timestamp}\nSECxyz".encode(), hashlib.sha256).digest()
        assert base64.b64decode(sign) == expected
        assert abs(int(timestamp) - time.time() * 1000) < 60_000
        assert request["body"]["msgtype"] == "text"
    text = robot.requests[1]["body"]["text"]["content"]
    assert "【那坡县人民政府】稿件已退回修改" in text and "标题有错别字" in text
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in text


def test_failing_robot_does_not_break_the_approval(
    robot, county, staff, caplog, django_capture_on_commit_callbacks
):
    """A robot answering 500 is logged as a warning; the approval still goes through."""
    robot.status = 500
    set_robot(county, WebhookKind.WECOM, f"{robot.url}/down?key=secret-key")
    page = submit(county, staff["informant"])
    with caplog.at_level(logging.WARNING, logger="redesign.guarantee.webhook"):
        with django_capture_on_commit_callbacks(execute=True):
            act(page, staff["reviewer"], "approve")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "那坡县人民政府 终审发布"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and "500" in warnings[0].getMessage()
    assert "secret-key" not in warnings[0].getMessage()


def test_an_error_in_our_notice_code_does_not_break_the_action(county, staff, monkeypatch, caplog):
    """Even a database error while preparing a notice is logged; the approval still happens."""
    from django.db import DatabaseError

    page = submit(county, staff["informant"])

    def broken(site):
        """A policy lookup that fails as a broken query would."""
        raise DatabaseError("no such table")

    monkeypatch.setattr(ContentPolicy, "for_site", broken)
    with caplog.at_level(logging.ERROR, logger="redesign.guarantee.notify"):
        act(page, staff["reviewer"], "approve")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.current_task_state.task.name == "那坡县人民政府 终审发布"
    assert any("task_approved" in record.getMessage() for record in caplog.records)


def test_slow_or_absent_robot_times_out_with_a_warning(robot, settings, caplog):
    """The timeout is REDESIGN_WEBHOOK_TIMEOUT; a closed port fails at once; both are logged."""
    settings.REDESIGN_WEBHOOK_TIMEOUT = 0.3
    robot.delay = 1
    notice = webhook.Notice("那坡县人民政府", "标题", "已投稿待审核", "http://testserver/x")
    with caplog.at_level(logging.WARNING, logger="redesign.guarantee.webhook"):
        assert webhook.deliver(WebhookKind.WECOM, f"{robot.url}/slow", "", notice) is False
        closed = ThreadingHTTPServer(("127.0.0.1", 0), StubRobot)
        port = closed.server_address[1]
        closed.server_close()
        assert (
            webhook.deliver(WebhookKind.DINGTALK, f"http://127.0.0.1:{port}/", "", notice) is False
        )
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 2


def test_robot_error_code_and_plain_http_are_refused(robot, caplog):
    """A robot's errcode ≠ 0 is a failure; http to anything but this machine is never sent."""
    notice = webhook.Notice("那坡县人民政府", "标题", "已退回修改", "http://testserver/x", "意见")
    robot.answer = {"errcode": 310000, "errmsg": "keywords not in content"}
    with caplog.at_level(logging.WARNING, logger="redesign.guarantee.webhook"):
        assert webhook.deliver(WebhookKind.DINGTALK, f"{robot.url}/r", "", notice) is False
        assert webhook.deliver(WebhookKind.WECOM, "http://example.com/hook", "", notice) is False
    assert len(robot.requests) == 1
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "310000" in messages and "only https" in messages
    assert webhook.address_allowed("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x")


def test_robot_bodies_follow_each_vendors_format():
    """企业微信 markdown and 钉钉 text bodies; a title cannot forge a markdown link."""
    notice = webhook.Notice("那坡县", "[假链接](http://evil)", "已退回修改", "http://a/b", "改")
    wecom = webhook.wecom_payload(notice)
    assert wecom["msgtype"] == "markdown" and "](http://evil)" not in wecom["markdown"]["content"]
    assert wecom["markdown"]["content"].endswith("[在后台查看](http://a/b)")
    dingtalk = webhook.dingtalk_payload(notice)
    assert dingtalk == {"msgtype": "text", "text": {"content": notice.text()}}
    assert "审核意见：改" in notice.text()
    signed = webhook.dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?a=1", "s", 1000)
    assert signed.startswith("https://oapi.dingtalk.com/robot/send?a=1&timestamp=1000&sign=")


def test_no_robot_configured_posts_nothing(
    robot, county, staff, django_capture_on_commit_callbacks
):
    """Without a robot in the site's policy, the workflow runs and nothing is posted."""
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(county, staff["informant"])
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert robot.requests == []


def test_dashboard_awaiting_review_panel_is_the_sites_own(county, staff, other_staff):
    """Wagtail's 'awaiting your review' panel lists the page for napo's reviewer only."""
    page = submit(county, staff["informant"])
    for user, shown in (
        (staff["reviewer"], True),
        (staff["maintainer"], True),
        (other_staff["reviewer"], False),
        (other_staff["maintainer"], False),
    ):
        client = Client()
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"), HTTP_HOST=NAPO)
        assert response.status_code == 200
        html = response.content.decode()
        assert (page.title in html) is shown, user.username
        if shown:
            assert f"/admin/pages/{page.pk}/edit/" in html
