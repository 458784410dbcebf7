"""Management command: write a realistic old county government site as a wget mirror folder."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redesign.demo.legacy_site import (
    ENCODINGS,
    MANIFEST_NAME,
    MAX_PAGES,
    MIN_PAGES,
    SUMMARY_NAME,
    clear_previous,
    generate_site,
)

HOST_PATTERN = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*$"
)
PROGRESS_FROM = 1000  # pages; smaller runs print only the summary


def parse_int(name: str, value: str, low: int, high: int) -> int:
    """Parse an integer option, or raise a one-line CommandError."""
    try:
        number = int(value)
    except (TypeError, ValueError) as err:
        raise CommandError(f"{name} must be a whole number, got {value!r}.") from err
    if not low <= number <= high:
        raise CommandError(f"{name} must be between {low} and {high}, got {number}.")
    return number


class Command(BaseCommand):
    """Generate a legacy county site (table or frame layout, GBK bytes) and its manifest."""

    help = (
        "Write an old county government site into DIR as `wget --mirror` would have saved it "
        "(DIR/<host>/...), with DIR/manifest.jsonl (one JSON object per file: the truth the "
        "migration kit's import is checked against) and DIR/site.json (a summary). "
        "Deterministic for a given --seed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the options (validated in handle, so every error is one clear line)."""
        parser.add_argument("dir", help="output folder; must be empty or missing unless --force")
        parser.add_argument(
            "--pages",
            required=True,
            help=f"number of HTML pages to write ({MIN_PAGES} to {MAX_PAGES})",
        )
        parser.add_argument(
            "--encoding",
            default="gbk",
            help=f"bytes of most pages: {', '.join(ENCODINGS)} (default gbk)",
        )
        parser.add_argument("--seed", default="0", help="random seed (default 0)")
        parser.add_argument(
            "--host",
            default="www.example-county.gov.cn",
            help="the old site's host name (names the mirror folder and the URLs in the manifest)",
        )
        parser.add_argument(
            "--no-host-dir",
            action="store_true",
            help="write the mirror straight into DIR (like wget -nH) instead of DIR/<host>/",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="write into a non-empty DIR (the files of an earlier run listed in its manifest "
            "are removed first; other files are left alone)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Validate the options, generate the site and report what was written."""
        pages = parse_int("--pages", options["pages"], MIN_PAGES, MAX_PAGES)
        seed = parse_int("--seed", options["seed"], 0, 2**63 - 1)
        encoding = str(options["encoding"]).lower().replace("_", "-")
        if encoding == "utf8":
            encoding = "utf-8"
        if encoding not in ENCODINGS:
            raise CommandError(
                f"--encoding must be one of {', '.join(ENCODINGS)}, got {options['encoding']!r}."
            )
        host = options["host"]
        if not HOST_PATTERN.match(host):
            raise CommandError(f"--host must be a host name like www.example.gov.cn, got {host!r}.")
        out_dir = Path(options["dir"])
        if out_dir.exists() and not out_dir.is_dir():
            raise CommandError(f"{out_dir} exists and is not a folder.")
        if out_dir.is_dir() and any(out_dir.iterdir()):
            if not options["force"]:
                raise CommandError(f"{out_dir} is not empty; pass --force to write into it anyway.")
            try:
                clear_previous(out_dir)
            except (ValueError, KeyError, OSError) as err:
                raise CommandError(f"could not remove the earlier run in {out_dir}: {err}") from err

        verbosity = options.get("verbosity", 1)
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            """Report progress on large runs."""
            if verbosity >= 1 and total >= PROGRESS_FROM:
                self.stdout.write(f"  {done}/{total} pages")

        try:
            site = generate_site(
                out_dir,
                pages,
                encoding=encoding,
                seed=seed,
                host=host,
                host_dir=not options["no_host_dir"],
                progress=progress,
            )
        except (ValueError, OSError) as err:
            raise CommandError(f"could not generate the site: {err}") from err
        elapsed = time.monotonic() - started
        if verbosity >= 1:
            kinds = ", ".join(f"{kind} {count}" for kind, count in site.kinds.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {site.pages} pages ({site.files} files, {site.layout} layout, "
                    f"{site.encoding}) to {site.root} in {elapsed:.1f}s."
                )
            )
            self.stdout.write(f"Kinds: {kinds}")
            patterns = ", ".join(f"{name} {count}" for name, count in site.patterns.items())
            self.stdout.write(f"Patterns (articles): {patterns}")
            self.stdout.write(
                f"Manifest: {out_dir / MANIFEST_NAME} (one JSON object per file), "
                f"summary: {out_dir / SUMMARY_NAME}"
            )
