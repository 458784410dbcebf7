"""Whether a link answers: the cluster's own URLs in-process, files in storage, other hosts by HTTP.

Internal URLs (a site of the cluster, by hostname) are requested in this process with Django's
test client, as the site's own visitors would (Host and port of the site), following at most
MAX_REDIRECTS redirects that stay inside the cluster; /media/ and /static/ files are looked up
in their storage instead of being served. Other hosts are asked with urllib (HEAD, then GET when
HEAD fails), with a timeout, never following a redirect out of the public internet: an address
that resolves to a private, loopback or link-local network is not asked unless
REDESIGN_LINKCHECK_ALLOW_PRIVATE is on.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client
from django.utils.translation import gettext as _
from wagtail.models import Site

from .extract import DEFAULT_PORTS, normalize

MAX_REDIRECTS = 3
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "Mozilla/5.0 (compatible; wangqun-linkcheck/1.0)"


@dataclass(frozen=True)
class Outcome:
    """How a link answered: fine or broken, with the status code and a reason for editors."""

    ok: bool
    status: int | None = None
    reason: str = ""


def status_reason(status: int) -> str:
    """The editors' words for an HTTP status that means broken."""
    if status == 404 or status == 410:
        return _("页面不存在（%(status)s）") % {"status": status}
    if status in (401, 403):
        return _("禁止访问（%(status)s）") % {"status": status}
    if status >= 500:
        return _("服务器错误（%(status)s）") % {"status": status}
    return _("无法访问（%(status)s）") % {"status": status}


def answered(status: int) -> Outcome:
    """The outcome of a final (non-redirect) HTTP status."""
    return Outcome(True, status) if status < 400 else Outcome(False, status, status_reason(status))


def _url_prefix(url: str) -> tuple[str, str]:
    """A MEDIA_URL or STATIC_URL split into its origin (empty when relative) and its path."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc.lower()}" if parts.netloc else ""
    return origin, parts.path if parts.path.endswith("/") else parts.path + "/"


def asset_outcome(url: str, internal: bool) -> Outcome | None:
    """For a media or static file URL, whether the file exists; None for any other URL."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    for setting, exists in (("MEDIA_URL", _media_exists), ("STATIC_URL", _static_exists)):
        prefix_origin, prefix_path = _url_prefix(getattr(settings, setting) or "/")
        same_origin = origin == prefix_origin if prefix_origin else internal
        if same_origin and parts.path.startswith(prefix_path):
            name = unquote(parts.path[len(prefix_path) :])
            if name and exists(name):
                return Outcome(True)
            return Outcome(False, None, _("文件不存在"))
    return None


def _media_exists(name: str) -> bool:
    """Whether an uploaded file is in the media storage."""
    try:
        return default_storage.exists(name)
    except Exception:  # noqa: BLE001 - a storage that cannot answer counts as missing
        return False


def _static_exists(name: str) -> bool:
    """Whether a static file is collected, or found by the static finders."""
    try:
        if staticfiles_storage.exists(name):
            return True
    except Exception:  # noqa: BLE001, S110 - the finders may still know it
        pass
    return bool(finders.find(name))


class ClusterHosts:
    """The hostnames and ports of the cluster's sites."""

    def __init__(self) -> None:
        """Read every site's hostname and port once."""
        self.ports: dict[str, list[int]] = {}
        for hostname, port in Site.objects.order_by("pk").values_list("hostname", "port"):
            self.ports.setdefault(hostname.lower(), []).append(port)

    def is_internal(self, url: str) -> bool:
        """Whether the URL's host is one of the cluster's sites."""
        return (urlsplit(url).hostname or "") in self.ports

    def port_for(self, url: str) -> int:
        """The port of the site the URL reaches: the same port if a site has it, else the first."""
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        ports = self.ports.get(parts.hostname or "", [])
        return port if port in ports or not ports else ports[0]


class InProcessFetcher:
    """Requests the cluster's own URLs inside this process, through each site's host and port."""

    def __init__(self, hosts: ClusterHosts) -> None:
        """A fresh test client (no session, no cookies of anyone)."""
        self.hosts = hosts
        self.client = Client(raise_request_exception=False)

    def _request(self, url: str):
        """One GET of an internal URL, as a visitor of the site it names."""
        parts = urlsplit(url)
        secure = parts.scheme == "https"
        extra = {"HTTP_HOST": parts.hostname, "SERVER_PORT": str(self.hosts.port_for(url))}
        proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if secure and proxy_header:
            extra[proxy_header[0]] = proxy_header[1]
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.client.get(path, secure=secure, **extra)

    def fetch(self, url: str, want_content: bool = False) -> tuple[Outcome, str, bytes]:
        """The outcome, the final URL and (if wanted and HTML) the body of an internal URL."""
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            asset = asset_outcome(current, internal=True)
            if asset is not None:
                return asset, current, b""
            try:
                response = self._request(current)
            except Exception as err:  # noqa: BLE001 - any failure to answer is a broken link
                return Outcome(False, None, _("请求出错：%s") % type(err).__name__), current, b""
            content = _read(response, want_content)
            if response.status_code not in REDIRECTS:
                return answered(response.status_code), current, content
            target = normalize(response.get("Location"), current)
            if target is None:
                return Outcome(False, response.status_code, _("重定向地址无效")), current, b""
            if not self.hosts.is_internal(target) and asset_outcome(target, False) is None:
                return Outcome(True, response.status_code), target, b""  # leaves the cluster
            current = target
        return Outcome(False, None, _("重定向次数过多")), current, b""


def _read(response, want_content: bool) -> bytes:
    """The body of an HTML answer when wanted; a streamed answer is closed after one chunk."""
    if response.streaming:
        chunks = iter(response.streaming_content)
        next(chunks, None)  # starts the client's wrapper, so closing it ends the request safely
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
        return b""
    if want_content and "html" in response.get("Content-Type", ""):
        return response.content
    return b""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by hand, one checked hop at a time."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """Never follow a redirect automatically."""
        return None


def is_public_host(hostname: str, port: int) -> bool | None:
    """Whether every address of the host is public; None when it does not resolve."""
    try:
        infos = socket.getaddrinfo(hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            return False
    return True


class ExternalFetcher:
    """Asks other hosts whether a link answers: HEAD, then GET, with a timeout and a cap."""

    def __init__(self, cap: int, timeout: float, allow_private: bool) -> None:
        """A fetcher that asks at most `cap` distinct URLs."""
        self.cap, self.timeout, self.allow_private = cap, timeout, allow_private
        self.asked = 0
        self.opener = urllib.request.build_opener(_NoRedirect)

    @property
    def exhausted(self) -> bool:
        """Whether the per-run cap is reached."""
        return self.asked >= self.cap

    def _ask(self, url: str, method: str) -> tuple[int, str | None]:
        """The status and Location of one request (no redirect followed)."""
        request = urllib.request.Request(  # noqa: S310 - the scheme is http(s), checked
            url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
        )
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as err:
            with err:
                return err.code, err.headers.get("Location") if err.headers else None

    def check(self, url: str) -> Outcome | None:
        """Whether an external URL answers; None when it may not be asked (cap, private host)."""
        if self.exhausted:
            return None
        self.asked += 1
        current = url
        for _hop in range(MAX_REDIRECTS + 2):
            parts = urlsplit(current)
            if not self.allow_private:
                public = is_public_host(parts.hostname or "", parts.port or 80)
                if public is None:
                    return Outcome(False, None, _("域名无法解析"))
                if not public:
                    return None  # a private network is never asked
            try:
                status, location = self._ask(current, "HEAD")
                if status >= 400 and status not in (404, 410):
                    status, location = self._ask(current, "GET")  # some servers refuse HEAD
            except (urllib.error.URLError, OSError, ValueError) as err:
                reason = getattr(err, "reason", err)
                return Outcome(False, None, _("无法连接：%s") % str(reason)[:150])
            if status not in REDIRECTS:
                return answered(status)
            target = normalize(location, current)
            if target is None:
                return Outcome(False, status, _("重定向地址无效"))
            current = urljoin(current, target)
        return Outcome(False, None, _("重定向次数过多"))
