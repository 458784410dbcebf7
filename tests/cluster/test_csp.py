"""Content Security Policy: strict on public pages, relaxed for the admin, no inline theme JS."""

import re
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

ROOT = Path(__file__).resolve().parent.parent.parent
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def _policy(response) -> dict[str, list[str]]:
    """The response's CSP header as directive → sources."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def test_a_county_page_runs_only_the_clusters_own_scripts(client, county):
    response = client.get("/", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]  # the theme tokens' <style>, block styles


def test_the_admin_gets_the_relaxed_policy_wagtail_needs(client, county):
    response = client.get("/admin/login/", HTTP_HOST="napo.localhost")
    policy = _policy(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "blob:" in policy["img-src"]
    assert policy["object-src"] == ["'none'"]


def test_documents_keep_wagtails_own_locked_down_policy(client, county, settings):
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    document = get_document_model().objects.create(
        title="政策文件", file=ContentFile(b"%PDF-1.4\n", name="zhengce.pdf")
    )
    response = client.get(document.url, HTTP_HOST="napo.localhost")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_theme_templates_have_no_inline_scripts_or_event_handlers():
    templates = sorted((ROOT / "site_templates").glob("*/templates/**/*.html"))
    assert len(templates) > 10
    offenders = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JAVASCRIPT_URL):
            offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert offenders == []


def test_the_inline_script_scan_finds_what_it_looks_for():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/a.js"></script>')
    assert EVENT_HANDLER.search('<button type="button" onclick="print()">')
    assert JAVASCRIPT_URL.search('<a href="javascript:window.close()">')
