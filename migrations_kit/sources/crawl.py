"""A polite same-host crawl: breadth-first from a start URL, no other host ever contacted."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterator
from email.message import Message
from typing import IO
from urllib.parse import urljoin, urlsplit

from ..urls import host_of, normalize_url
from .base import ASSET_LIMIT, PAGE_LIMIT, FileKind, SourceError, SourceItem, capped


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only within the crawled host."""

    def __init__(self, host: str) -> None:
        """Remember the one host requests may go to."""
        self.host = host

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        """Refuse a redirect to another host or scheme."""
        if urlsplit(newurl).scheme not in ("http", "https") or host_of(newurl) != self.host:
            raise urllib.error.HTTPError(
                newurl, code, "redirect to another host refused", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_LINK = re.compile(rb"""(?:href|src)\s*=\s*["']?([^"'\s<>]+)""", re.IGNORECASE)
_SCRIPT_PAGE = re.compile(
    rb"""["']((?:\.{1,2}/|/)[^"'\s<>+]{1,300}?\.(?:s?html?|shtm|jsp|aspx?|php)(?:\?[^"'\s<>+]*)?)["']""",
    re.IGNORECASE,
)
"""Page addresses in script strings: TRS list templates write their rows with document.write."""


class CrawlSource:
    """A polite breadth-first crawl of one http(s) host: no other host is ever contacted."""

    user_agent = "redesign-migrations-kit/1.0 (legacy site import)"
    page_limit: int = PAGE_LIMIT
    damaged: str | None = None
    """A folder or a crawl is never damaged as a whole (each file reports its own trouble)."""
    """Pages are read up to this many bytes (a longer one is reported as truncated)."""

    def __init__(
        self,
        start_url: str,
        max_pages: int = 5000,
        delay: float = 0.5,
        timeout: float = 15.0,
    ) -> None:
        """Prepare an opener without proxies that follows same-host redirects only."""
        if urlsplit(start_url).scheme not in ("http", "https"):
            raise SourceError(f"不是 http(s) 地址: {start_url}")
        self.start_url = normalize_url(start_url)
        self.base_url = normalize_url(urljoin(self.start_url, "/"))
        self.host = host_of(self.start_url)
        self.description = self.start_url
        self.max_pages = max_pages
        self.delay = delay
        self.timeout = timeout
        self.requests = 0
        self._last = 0.0
        self._opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), _SameHostRedirects(self.host)
        )

    def _get(self, url: str, limit: int) -> tuple[bytes, bool, str | None]:
        """GET one same-host URL politely, capped at limit bytes."""
        if host_of(url) != self.host or urlsplit(url).scheme not in ("http", "https"):
            raise OSError(f"不抓取其他主机: {url}")
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})  # noqa: S310
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data = response.read(limit + 1)
                ctype = response.headers.get("Content-Type")
        finally:
            self._last = time.monotonic()
            self.requests += 1
        return (*capped(data, limit), ctype)

    def __iter__(self) -> Iterator[SourceItem]:
        """Fetch pages breadth-first from the start URL, up to max_pages."""
        queue: deque[str] = deque([self.start_url])
        seen = {self.start_url}
        fetched = 0
        while queue and fetched < self.max_pages:
            url = queue.popleft()
            fetched += 1
            try:
                data, truncated, ctype = self._get(url, self.page_limit)
            except (OSError, ValueError) as err:
                yield SourceItem(url, url, error=f"抓取失败: {err}")
                continue
            item = SourceItem(
                url,
                url,
                size=len(data),
                content_type=ctype,
                loader=lambda data=data, truncated=truncated: (data, truncated),
            )
            if item.kind is FileKind.PAGE:
                for link in self._links(data, url):
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
            yield item

    def _links(self, data: bytes, page_url: str) -> Iterator[str]:
        """Same-host page links of a page (assets are fetched when a page uses them)."""
        head = data[: self.page_limit]
        for match in [*_LINK.finditer(head), *_SCRIPT_PAGE.finditer(head)]:
            href = match.group(1).decode("latin-1").strip()
            if href.startswith(("javascript:", "mailto:", "#", "data:", "tel:")):
                continue
            try:
                link = normalize_url(urljoin(page_url, href))
            except ValueError:
                continue
            if urlsplit(link).scheme in ("http", "https") and host_of(link) == self.host:
                if FileKind.of(link) is FileKind.PAGE:
                    yield link

    def fetch(self, url: str, limit: int = ASSET_LIMIT) -> bytes | None:
        """GET an asset of the crawled host (None for other hosts and failures)."""
        try:
            data, truncated, _ = self._get(normalize_url(url), limit)
        except (OSError, ValueError):
            return None
        return None if truncated else data

    def close(self) -> None:
        """Nothing to release."""
