"""Storing a citizen's question: once, whole, with its deadline, its code and its first log line."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from redesign.core.workdays import local_zone

from .codes import new_code
from .deadlines import due_date
from .models import InteractionSettings, Question, QuestionEvent, Status
from .public.guard import matched_words

CODE_ATTEMPTS = 5


@dataclass(frozen=True)
class Stored:
    """The stored question and whether this call stored it (False: the form was posted before)."""

    question: Question
    created: bool


def store_question(site, data: dict, *, ip_address: str | None, now=None) -> Stored:
    """Store the form's cleaned data as a new question of the site (once per form token)."""
    interaction = InteractionSettings.for_site(site)
    now = now or timezone.now()
    token = data["token"]
    existing = Question.objects.filter(form_token=token, site=site).first()
    if existing is not None:
        return Stored(existing, False)
    words = matched_words(f"{data['subject']}\n{data['content']}", interaction.words())
    submitted_day = timezone.localtime(now, local_zone()).date()
    question = Question(
        site=site,
        form_token=token,
        subject=data["subject"],
        content=data["content"],
        category=data["category"],
        department=data.get("department"),
        name=data["name"],
        phone=data["phone"],
        email=data.get("email") or "",
        publish_consent=bool(data.get("publish_consent")),
        ip_address=ip_address,
        flagged_words="、".join(words)[:200],
        submitted_at=now,
        due_date=due_date(site.pk, submitted_day, interaction.reply_days),
    )
    upload = data.get("attachment")
    for attempt in range(CODE_ATTEMPTS):
        question.code = new_code()
        try:
            with transaction.atomic():
                if upload:
                    upload.name = f"{question.code}.{upload.proven_extension}"
                    question.attachment = upload
                question.save()
                QuestionEvent.objects.create(
                    question=question,
                    at=now,
                    action="submit",
                    to_status=Status.NEW,
                    note="、".join(words),
                )
            return Stored(question, True)
        except IntegrityError:
            question.pk = None
            again = Question.objects.filter(form_token=token).first()
            if again is not None and again.site_id == site.pk:  # the same form won the race
                return Stored(again, False)
            if again is not None:  # a token of another site's form: never answer with its question
                raise
            if attempt == CODE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
