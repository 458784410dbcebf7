"""Generator of realistic old county government sites, as a `wget --mirror` folder with its truth.

`generate_site(out_dir, pages)` writes:

- `out_dir/<host>/...`: the mirror (wget's host folder; `host_dir=False` writes it straight into
  `out_dir`, like `wget -nH`);
- `out_dir/manifest.jsonl`: one JSON object per file under the mirror, in write order;
- `out_dir/site.json`: a summary (seed, encoding, layout, counts, column list, patterns).

A few percent of the articles show the awkward habits of real legacy sites (patterns.py: dates
written by script, pages with no date, empty bodies with a missing attachment, pages with no
<title> or <h1> naming the headline), some columns have no twin on the new site and some sections
print odd breadcrumb separators; each article's manifest record lists its `patterns` and truth.

Everything is derived from the seed, streamed to disk page by page, and byte-identical across runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pages import SiteBuilder
from .plan import ENCODINGS, MAX_PAGES, MIN_PAGES, SitePlan
from .writer import MANIFEST_NAME, SUMMARY_NAME, SiteWriter, clear_previous

__all__ = [
    "ENCODINGS",
    "MANIFEST_NAME",
    "MAX_PAGES",
    "MIN_PAGES",
    "SUMMARY_NAME",
    "GeneratedSite",
    "clear_previous",
    "generate_site",
    "read_manifest",
]

DEFAULT_HOST = "www.example-county.gov.cn"


@dataclass(frozen=True)
class GeneratedSite:
    """What generate_site wrote: where, how many files and pages, and the manifest's path."""

    out_dir: Path
    root: Path
    manifest_path: Path
    summary_path: Path
    host: str
    encoding: str
    seed: int
    layout: str
    pages: int
    files: int
    kinds: dict[str, int] = field(default_factory=dict)
    patterns: dict[str, int] = field(default_factory=dict)  # articles per real-site pattern

    def records(self) -> Iterator[dict[str, Any]]:
        """Iterate over the manifest records."""
        return read_manifest(self.manifest_path)


def read_manifest(path: Path) -> Iterator[dict[str, Any]]:
    """Iterate over the records of a manifest.jsonl file."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def generate_site(
    out_dir: Path,
    pages: int,
    encoding: str = "gbk",
    seed: int = 0,
    host: str = DEFAULT_HOST,
    *,
    host_dir: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> GeneratedSite:
    """Write a legacy county site of exactly `pages` HTML pages, and its manifest, to out_dir."""
    plan = SitePlan(seed, pages, encoding, host)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir / host if host_dir else out_dir
    writer = SiteWriter(out_dir, root, plan.profile)
    builder = SiteBuilder(plan, writer)
    try:
        builder.build(progress)
    finally:
        writer.close()
    if writer.pages != pages:
        raise RuntimeError(f"generator wrote {writer.pages} pages, planned {pages}")
    profile = plan.profile
    writer.summary(
        {
            "generator": "redesign.demo.legacy_site",
            "format": 1,
            "seed": seed,
            "host": host,
            "root": host if host_dir else ".",
            "manifest": MANIFEST_NAME,
            "encoding": encoding,
            "declared_charset": profile.declared_charset,
            "layout": profile.layout,
            "body_style": profile.body_style,
            "pager_style": profile.pager_style,
            "county": profile.county.name,
            "site_name": profile.site_name,
            "date_range": [f"{profile.start:%Y-%m-%d}", f"{plan.latest_day:%Y-%m-%d}"],
            "pages": writer.pages,
            "files": writer.files,
            "kinds": dict(sorted(writer.kinds.items())),
            "articles": plan.budget.articles,
            "duplicates": plan.budget.duplicates,
            "columns": [
                {
                    "path": column.path,
                    "name": column.name,
                    "genre": column.genre,
                    "articles": count,
                    "old_column": column.crumbs,
                    "twin": column.twin,
                }
                for column, count in zip(plan.columns, plan.counts, strict=True)
            ],
            "patterns": dict(sorted(builder.pattern_counts.items())),
        }
    )
    return GeneratedSite(
        out_dir=out_dir,
        root=root,
        manifest_path=out_dir / MANIFEST_NAME,
        summary_path=out_dir / SUMMARY_NAME,
        host=host,
        encoding=encoding,
        seed=seed,
        layout=profile.layout,
        pages=writer.pages,
        files=writer.files,
        kinds=dict(sorted(writer.kinds.items())),
        patterns=dict(sorted(builder.pattern_counts.items())),
    )
