"""Who is asking: the client's address, as the trusted proxies in front report it."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or X-Forwarded-For's entry the trusted proxy added.

    Only with TRUST_PROXY is X-Forwarded-For read; its right end is written by the proxies in
    front (TRUST_PROXY_HOPS of them), anything further left may be the client's own invention.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    if not getattr(settings, "TRUST_PROXY", False):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    hops = max(int(getattr(settings, "TRUST_PROXY_HOPS", 1)), 1)
    if len(forwarded) >= hops:
        return forwarded[-hops]
    return remote
