"""Management command: score legacy_extract against a corpus, or a site's import against a truth."""

from __future__ import annotations

import json
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
        "with a truth source; list = list pages. Also prints pages/second. "
        "With --site HOST --truth FILE instead: follow every old article URL of FILE (JSON lines "
        "with url and date, e.g. a generated site's manifest.jsonl) on an imported site and print "
        "how many reach their live page and show the old page's date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --corpus."""
        parser.add_argument("--corpus", metavar="DIR", help="folder with truth.jsonl")
        parser.add_argument("--site", help="an imported site's hostname (with --truth)")
        parser.add_argument("--truth", metavar="FILE", help="JSON lines: url, date, kind")

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the evaluation and print each figure with the pages it misses."""
        if options["site"] or options["truth"]:
            return self._site(options["site"], options["truth"])
        if not options["corpus"]:
            raise CommandError("give --corpus DIR, or --site HOST --truth FILE")
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

    def _site(self, host: str | None, truth: str | None) -> None:
        """Print the whole-site figures of an import."""
        from migrations_kit.management.commands.import_legacy import find_site
        from migrations_kit.site_eval import evaluate_site_import

        if not host or not truth:
            raise CommandError("--site and --truth go together")
        site = find_site(host)
        try:
            with open(truth, encoding="utf-8") as lines:
                records = [json.loads(line) for line in lines if line.strip()]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise CommandError(f"cannot read {truth}: {err}") from err
        articles = [r for r in records if r.get("kind", "article") == "article" and r.get("url")]
        if not articles:
            raise CommandError(f"no article with a url in {truth}")
        for line in evaluate_site_import(site, articles).lines():
            self.stdout.write(line)
