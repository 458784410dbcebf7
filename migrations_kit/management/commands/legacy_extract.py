"""Management command: extract legacy pages and print one JSON object per file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from migrations_kit.extract import extract_file


class Command(BaseCommand):
    """Print the extraction of each legacy HTML file as one JSON line."""

    help = (
        "Extract title, publish date, 来源/作者, main text, list items, images and "
        "attachments from legacy pages; prints one JSON object per file (one line each)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare FILE... and --base-url."""
        parser.add_argument("files", nargs="+", metavar="FILE", help="legacy HTML files")
        parser.add_argument(
            "--base-url",
            default=None,
            help="URL the files were served from; links resolve against it "
            "(default: the file's folder on disk)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Extract every file in order; a missing file stops the run with an error."""
        paths = [Path(name) for name in options["files"]]
        for path in paths:
            if not path.exists():
                raise CommandError(f"文件不存在 (no such file): {path}")
            if not path.is_file():
                raise CommandError(f"不是文件 (not a file): {path}")
        base_url = options["base_url"]
        if base_url and "://" not in base_url:
            raise CommandError(f"--base-url must be an absolute URL, got {base_url!r}")
        for path in paths:
            try:
                record = extract_file(path, base_url=base_url)
            except OSError as err:
                raise CommandError(f"cannot read {path}: {err}") from err
            self.stdout.write(json.dumps(record.as_dict(), ensure_ascii=False))
