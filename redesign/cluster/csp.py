"""Content Security Policy: the strict public policy, and a relaxed one for the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .admin_host import is_admin_path


class ClusterCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with REDESIGN_ADMIN_CSP_DIRECTIVES for paths under /admin/.

    Wagtail's admin writes inline scripts and styles (its own documentation on CSP says to
    allow them, or nonces, for the admin), so the admin's pages get that policy while every
    public page keeps CONTENT_SECURITY_POLICY. A view's own @csp_update and the like still win.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        """The policy parts of the response, with the admin's directives on admin paths."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = dict(settings.REDESIGN_ADMIN_CSP_DIRECTIVES)
        return parts
