"""question_deadlines (超期督办 mail) and purge_questions (the retention rule)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.utils import timezone

from redesign.interaction.models import Question, QuestionEvent

from .conftest import make_question, settings_of


def run(*args) -> str:
    """The command's output."""
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_deadlines_list_and_mail_each_sites_overdue_questions(board, other_board):
    """Overdue and near the 3-month line: mailed to the escalation list, department and staff."""
    settings_of(board, escalation_emails="duban@napo.example\n")
    department = board.departments[0]
    department.email = "zhujian@napo.example"
    department.save()
    overdue = make_question(board, days_ago=15, status="assigned", handling_department=department)
    near = make_question(board, days_ago=70, subject="临近否决线的留言")
    make_question(board, days_ago=0)  # due later: not in the mail
    make_question(other_board, days_ago=1)
    output = run("question_deadlines", "--notify")
    assert "napo.localhost：超期 2" in output and "临近否决线 1" in output
    assert "jingxi.localhost" not in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert {"duban@napo.example", "zhujian@napo.example", "napo_reviewer@example.org"} <= set(
        message.to
    )
    assert "jingxi_reviewer@example.org" not in message.to
    assert near.subject in message.body and overdue.code in message.body
    assert "张三" not in message.body and "13812345678" not in message.body
    logged = QuestionEvent.objects.filter(action="escalate")
    assert set(logged.values_list("question_id", flat=True)) == {overdue.pk, near.pk}


def test_deadlines_dry_run_sends_nothing(board):
    """--dry-run names the recipients and leaves no mail and no log."""
    settings_of(board, escalation_emails="duban@napo.example")
    make_question(board, days_ago=15)
    output = run("question_deadlines", "--notify", "--dry-run")
    assert "将发送给" in output and "duban@napo.example" in output
    assert mail.outbox == []
    assert not QuestionEvent.objects.filter(action="escalate").exists()


def test_deadlines_refuse_an_unknown_site(board):
    """A clear error for a host that is no site."""
    with pytest.raises(CommandError, match="没有这些站点"):
        call_command("question_deadlines", "--site", "nowhere.example")


def test_purge_clears_personal_data_of_old_closed_questions(board):
    """Past retention and closed: name, phone, mail, address and attachment go; the Q&A stays."""
    settings_of(board, retention_days=365)
    old = make_question(board, days_ago=400, status="published", answer="答复内容")
    old.attachment.save("OLD.pdf", ContentFile(b"%PDF-1.4 old"), save=True)
    stored = old.attachment.name
    still_open = make_question(board, days_ago=400, status="assigned")
    recent = make_question(board, days_ago=30, status="published")
    assert "将清除 1 条" in run("purge_questions", "--dry-run")
    assert Question.objects.get(pk=old.pk).name == "张三"
    assert "已清除 1 条" in run("purge_questions")
    old.refresh_from_db()
    assert (old.name, old.phone, old.email, old.ip_address) == ("", "", "", None)
    assert not old.attachment and not storages["interaction"].exists(stored)
    assert old.purged_at is not None and old.answer == "答复内容" and old.status == "published"
    assert Question.objects.get(pk=still_open.pk).phone == "13812345678"
    assert Question.objects.get(pk=recent.pk).phone == "13812345678"
    assert "共 0 条" in run("purge_questions")  # nothing twice


def test_purged_questions_still_count_in_the_figures(board):
    """Purging personal data leaves the handling figures whole."""
    from redesign.core.workdays import local_today
    from redesign.interaction.interface import reply_stats

    settings_of(board, retention_days=30)
    make_question(board, days_ago=60, status="published", answered_at=timezone.now())
    run("purge_questions")
    start = local_today() - timedelta(days=90)
    assert reply_stats([board.site.pk], start, local_today())[board.site.pk].answered == 1
