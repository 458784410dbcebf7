"""Group robots (企业微信, 钉钉): the message bodies, DingTalk's 加签 signature and the POST.

A robot is a plain HTTPS POST of JSON. Delivery never raises: a refused address, a timeout, an
HTTP error or a robot's own error code (errcode ≠ 0) is logged as a warning and reported as
False, so a workflow action is never broken by a robot. Redirects are not followed.
"""

import base64
import hashlib
import hmac
import http.client
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .models import WebhookKind

logger = logging.getLogger(__name__)

# Plain http is refused except to the machine itself (a test's stub server).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Notice:
    """One workflow event told to a site's group: which site, page, state, comment and link."""

    site_name: str
    title: str
    state: str
    edit_url: str
    comment: str = ""
    actor: str = ""

    def text(self) -> str:
        """The notice as plain text (钉钉 text messages)."""
        lines = [
            _("【%(site)s】稿件%(state)s") % {"site": self.site_name, "state": self.state},
            _("标题：%(title)s") % {"title": self.title},
        ]
        if self.actor:
            lines.append(_("操作人：%(actor)s") % {"actor": self.actor})
        if self.comment:
            lines.append(_("审核意见：%(comment)s") % {"comment": self.comment})
        lines.append(_("后台查看：%(url)s") % {"url": self.edit_url})
        return "\n".join(lines)

    def markdown(self) -> str:
        """The notice as 企业微信 markdown: site and state in bold, details quoted, the link."""
        lines = [
            _("**%(site)s** 稿件%(state)s") % {"site": _plain(self.site_name), "state": self.state},
            _("> 标题：%(title)s") % {"title": _plain(self.title)},
        ]
        if self.actor:
            lines.append(_("> 操作人：%(actor)s") % {"actor": _plain(self.actor)})
        if self.comment:
            lines.append(_("> 审核意见：%(comment)s") % {"comment": _plain(self.comment)})
        lines.append(_("[在后台查看](%(url)s)") % {"url": self.edit_url})
        return "\n".join(lines)


def _plain(value: str) -> str:
    """Text on one line without the markdown that would make a link or a heading of it."""
    value = " ".join(str(value).split())
    for char in "[]()<>`*#":
        value = value.replace(char, " ")
    return value.strip()


def wecom_payload(notice: Notice) -> dict:
    """A 企业微信 group robot's markdown message."""
    return {"msgtype": "markdown", "markdown": {"content": notice.markdown()}}


def dingtalk_payload(notice: Notice) -> dict:
    """A 钉钉 group robot's text message."""
    return {"msgtype": "text", "text": {"content": notice.text()}}


def dingtalk_signed_url(url: str, secret: str, timestamp_ms: int | None = None) -> str:
    """The robot's address with DingTalk's 加签 timestamp and sign query parameters.

    sign = urlencode(base64(HMAC-SHA256(key=secret, msg=f"{timestamp}\\n{secret}"))).
    """
    timestamp = str(timestamp_ms if timestamp_ms is not None else int(time.time() * 1000))
    digest = hmac.new(
        secret.encode("utf-8"), f"{timestamp}\n{secret}".encode(), hashlib.sha256
    ).digest()
    sign = base64.b64encode(digest).decode("ascii")
    query = urllib.parse.urlencode({"timestamp": timestamp, "sign": sign})
    return f"{url}{'&' if urllib.parse.urlsplit(url).query else '?'}{query}"


def address_allowed(url: str) -> bool:
    """Whether the robot may be posted to: https, or http to this machine only."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        return bool(parts.hostname)
    return parts.scheme == "http" and (parts.hostname or "") in LOOPBACK_HOSTS


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuse to follow a redirect: the robot's address is the only one posted to."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """No new request: the 3xx answer surfaces as an HTTPError."""
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post_json(url: str, payload: dict, timeout: float) -> dict:
    """POST the payload as UTF-8 JSON and return the JSON answer ({} if it is not JSON)."""
    request = urllib.request.Request(  # noqa: S310  (the scheme is checked by address_allowed)
        url,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    with _opener.open(request, timeout=timeout) as response:
        body = response.read(64 * 1024)
    try:
        answer = json.loads(body.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError):
        return {}
    return answer if isinstance(answer, dict) else {}


def deliver(kind: str, url: str, secret: str, notice: Notice) -> bool:
    """Post the notice to the robot; log a warning and return False on any failure."""
    if kind == WebhookKind.WECOM:
        payload = wecom_payload(notice)
    elif kind == WebhookKind.DINGTALK:
        payload = dingtalk_payload(notice)
        if secret:
            url = dingtalk_signed_url(url, secret)
    else:
        return False
    shown = urllib.parse.urlsplit(url)._replace(query="").geturl()  # keys stay out of the log
    if not address_allowed(url):
        logger.warning("Webhook %s refused: only https addresses are posted to", shown)
        return False
    timeout = getattr(settings, "REDESIGN_WEBHOOK_TIMEOUT", 5)
    try:
        answer = post_json(url, payload, timeout)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        logger.warning("Webhook %s for %s failed: %s", shown, notice.site_name, err)
        return False
    errcode = answer.get("errcode", 0)
    if errcode not in (0, "0"):
        logger.warning(
            "Webhook %s for %s answered errcode %s: %s",
            shown,
            notice.site_name,
            errcode,
            answer.get("errmsg", ""),
        )
        return False
    return True
