"""适老化 reading aids chosen by a visitor: type size, high contrast, line spacing, large cursor.

The choice lives in one small cookie that both the toolbar's script and this module read and
write, so it is remembered per visitor and the server renders the chosen look on the next page:
with JavaScript the toolbar applies a change at once; without it, each button is a plain GET form
that comes back here, which sets the cookie and returns the visitor to the page they were on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache

from .next_url import same_host_next

COOKIE_NAME = "redesign_a11y"
COOKIE_MAX_AGE = 365 * 24 * 3600
# Type steps of 12.5% each: 1.125×, 1.25× (大字号), 1.375×, 1.5×.
MAX_STEP = 4
LARGE_STEP = 2
_VALUE = re.compile(r"^s(?P<s>[0-4])c(?P<c>[01])l(?P<l>[01])k(?P<k>[01])$")


@dataclass(frozen=True)
class ReadingAids:
    """One visitor's reading aids: the type step (0 standard) and three switches."""

    step: int = 0
    contrast: bool = False
    spacing: bool = False
    cursor: bool = False

    @classmethod
    def parse(cls, value: str | None) -> ReadingAids:
        """The aids a cookie value names; anything malformed means none."""
        match = _VALUE.match(value or "")
        if match is None:
            return cls()
        return cls(
            step=int(match["s"]),
            contrast=match["c"] == "1",
            spacing=match["l"] == "1",
            cursor=match["k"] == "1",
        )

    def serialize(self) -> str:
        """The cookie value (the same format a11y.js writes)."""
        return f"s{self.step}c{int(self.contrast)}l{int(self.spacing)}k{int(self.cursor)}"

    @property
    def is_default(self) -> bool:
        """Whether nothing is switched on."""
        return self == ReadingAids()

    @property
    def large(self) -> bool:
        """Whether the type is at least the 大字号 step."""
        return self.step >= LARGE_STEP

    @property
    def classes(self) -> str:
        """The classes of <html> and <body> that the theme's CSS styles, space-separated."""
        names = [
            ("is-large-text", self.step > 0),
            ("is-high-contrast", self.contrast),
            ("is-wide-spacing", self.spacing),
            ("is-large-cursor", self.cursor),
        ]
        return " ".join(name for name, on in names if on)

    def after(self, action: str) -> ReadingAids:
        """The aids once a toolbar button is pressed (an unknown action changes nothing)."""
        if action == "font-up":
            return replace(self, step=min(MAX_STEP, self.step + 1))
        if action == "font-down":
            return replace(self, step=max(0, self.step - 1))
        if action == "large-text":
            return replace(self, step=0 if self.large else LARGE_STEP)
        if action == "high-contrast":
            return replace(self, contrast=not self.contrast)
        if action == "line-spacing":
            return replace(self, spacing=not self.spacing)
        if action == "large-cursor":
            return replace(self, cursor=not self.cursor)
        if action == "reset":
            return ReadingAids()
        return self


def for_request(request: HttpRequest) -> ReadingAids:
    """The aids the visitor's cookie asks for."""
    return ReadingAids.parse(request.COOKIES.get(COOKIE_NAME))


@never_cache
def reading_aids_view(request: HttpRequest) -> HttpResponse:
    """Apply one toolbar button (?do=) without JavaScript, then go back to the page (?next=)."""
    aids = for_request(request).after(request.GET.get("do", ""))
    response = HttpResponseRedirect(same_host_next(request))
    if aids.is_default:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    else:
        # Readable by a11y.js, which writes the same value: not httponly, nothing secret in it.
        response.set_cookie(
            COOKIE_NAME, aids.serialize(), max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=False
        )
    return response
