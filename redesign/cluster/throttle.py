"""Login throttling around django-axes: the client's address, who is locked out, and unlocking."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from axes.helpers import get_cool_off, get_lockout_message
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def cool_off_minutes(request: HttpRequest | None = None) -> int | None:
    """The cool-off in whole minutes (AXES_COOLOFF_TIME), None when lockouts last until cleared."""
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds() // 60) if cool_off else None


@dataclass(frozen=True)
class Lockout:
    """A username or an address with too many failed logins within the cool-off."""

    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime.datetime
    locked_until: datetime.datetime | None


def recent_attempts():
    """Failed-login records still inside the cool-off (all of them without a cool-off)."""
    attempts = AccessAttempt.objects.all()
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


def lockouts(kind: str) -> list[Lockout]:
    """The usernames (kind "username") or addresses ("ip_address") that are locked out now."""
    if kind not in {"username", "ip_address"}:
        raise ValueError(f"unknown lockout kind {kind!r}")
    cool_off = get_cool_off()
    rows = (
        recent_attempts()
        .exclude(**{f"{kind}__isnull": True})
        .values(kind)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [
        Lockout(
            kind=kind,
            value=row[kind],
            failures=row["failures"],
            last_attempt=row["last_attempt"],
            locked_until=row["last_attempt"] + cool_off if cool_off is not None else None,
        )
        for row in rows
    ]


def unlock(kind: str, value: str) -> int:
    """Clear the failed logins of one username or address; return how many records went."""
    if not value:
        return 0  # axes' reset() with neither name nor address would clear every record
    if kind == "username":
        return reset(username=value)
    if kind == "ip_address":
        return reset(ip=value)
    raise ValueError(f"unknown lockout kind {kind!r}")


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The page a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE), status 429."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": cool_off_minutes(request),
        "message": get_lockout_message(),
    }
    return render(request, "cluster/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
