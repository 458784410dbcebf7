"""The link and image check of each site's own pages (首页及其他页面不可用链接).

extract.py reads a page's targets, fetch.py asks whether each answers (in-process for the
cluster's own URLs, storage for files, urllib for other hosts when allowed), run.py walks a site
and keeps the run with its broken links.
"""

from .run import KEEP_RUNS, check_site, latest_runs, prune_runs

__all__ = ["KEEP_RUNS", "check_site", "latest_runs", "prune_runs"]
