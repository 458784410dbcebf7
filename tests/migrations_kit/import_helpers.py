"""Shared helpers for the import_legacy tests: a generated GBK site and a runner."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from migrations_kit.importer import Importer, ImportOptions, ImportResult
from migrations_kit.models import LegacyRecord, key_digest
from migrations_kit.sources import open_source
from migrations_kit.urls import normalize_url
from redesign.demo.legacy_site import generate_site, read_manifest

PAGES = 60
HOST = "www.example-county.gov.cn"
"""The legacy host of hand-written mirrors (tests write pages under a folder of this name)."""
_PAGE = (
    "<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    "<div>当前位置：首页 &gt; {column}</div><h1>{title}</h1>"
    "<p>发布时间：{date} 来源：{source}</p>"
    "<div id='zoom'>{body}</div></body></html>"
)


def legacy_page(
    title: str,
    body: str,
    *,
    column: str = "通知公告",
    date: str = "2015-03-05",
    source: str = "县政府办",
) -> str:
    """A legacy article page as county CMSs print it: crumbs, headline, date and 来源, body."""
    return _PAGE.format(title=title, body=body, column=column, date=date, source=source)


def make_site(folder: Path, pages: int = PAGES) -> tuple[Path, list[dict[str, Any]]]:
    """Generate a GBK legacy site into folder; return (out_dir, manifest records)."""
    site = generate_site(folder, pages, encoding="gbk", seed=0)
    return site.out_dir, list(read_manifest(site.manifest_path))


def copy_site(source: Path, target: Path) -> Path:
    """A private copy of a generated site (tests that change files)."""
    shutil.copytree(source, target)
    return target


def run_import(county, source: str | Path, **options: Any) -> ImportResult:
    """Import source into the county site with ImportOptions."""
    opened = open_source(str(source), delay=options.pop("delay", 0.0))
    return Importer(county.site, opened, ImportOptions(**options)).run()


def record_of(county, url: str) -> LegacyRecord | None:
    """The id map row of a legacy URL."""
    return LegacyRecord.objects.filter(
        site=county.site, key_hash=key_digest(normalize_url(url))
    ).first()


def path_of(url: str) -> str:
    """The path and query of a manifest URL."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
