"""Management command: score legacy_extract against a corpus's truth.jsonl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from migrations_kit.evaluation import DENOMINATORS, OFFICIAL, evaluate


class Command(BaseCommand):
    """Score extraction on a corpus folder (DIR/truth.jsonl and the pages it names)."""

    help = (
        "Score legacy_extract against DIR/truth.jsonl as the corpus README defines it. "
        "Denominators: body = pages whose truth has a main text; title = all pages; "
        "date = pages whose truth kind is not list (null dates count); source = non-list pages "
        "with a truth source; list = list pages. Also prints pages/second."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --corpus."""
        parser.add_argument(
            "--corpus", required=True, metavar="DIR", help="folder with truth.jsonl"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the evaluation and print each figure with the pages it misses."""
        corpus = Path(options["corpus"])
        if not (corpus / "truth.jsonl").is_file():
            raise CommandError(f"no truth.jsonl in {corpus}")
        try:
            report = evaluate(corpus)
        except (OSError, ValueError, KeyError) as err:
            raise CommandError(f"cannot evaluate {corpus}: {err}") from err
        for name, metric in report.metrics.items():
            if metric.total == 0:
                continue
            label = name if name in OFFICIAL else f"({name})"
            self.stdout.write(
                f"{label:<17} {metric.percent:5.1f}%  {metric.hits}/{metric.total}"
                f"  [{DENOMINATORS[name]}]"
            )
            for missed in metric.misses:
                self.stdout.write(f"    miss: {missed}")
        self.stdout.write(
            f"speed             {report.pages_per_second:.0f} pages/s "
            f"({report.pages} pages in {report.seconds:.2f} s wall clock, one process; "
            f"{report.cpu_pages_per_second:.0f} pages per CPU second)"
        )
