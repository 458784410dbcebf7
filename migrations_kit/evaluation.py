"""Score the extractor against a corpus with truth.jsonl, as the corpus README defines it."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extract import ExtractedPage, extract_file

_WS = re.compile(r"\s+")

DENOMINATORS = {
    "body": "pages whose truth has a main text (body_chars not null)",
    "title": "all pages",
    "date": "pages whose truth kind is not list (null dates included)",
    "source": "pages whose truth kind is not list and whose truth source is not null",
    "list": "pages whose truth kind is list",
}
OFFICIAL = ("body", "title", "date", "source", "list")


def squash(text: str | None) -> str:
    """Remove all whitespace."""
    return _WS.sub("", text or "")


@dataclass
class Metric:
    """Hits and misses of one figure."""

    name: str
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        """Return the hit rate in percent (0 when nothing was counted)."""
        return 100.0 * self.hits / self.total if self.total else 0.0

    def add(self, ok: bool, file: str) -> None:
        """Count one page."""
        self.total += 1
        if ok:
            self.hits += 1
        else:
            self.misses.append(file)


@dataclass
class Report:
    """The figures of one evaluation run."""

    metrics: dict[str, Metric]
    pages: int
    seconds: float
    cpu_seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        """Return extraction throughput."""
        return self.pages / self.seconds if self.seconds > 0 else float("inf")

    @property
    def cpu_pages_per_second(self) -> float:
        """Return throughput per CPU second (steady on a busy machine)."""
        return self.pages / self.cpu_seconds if self.cpu_seconds > 0 else float("inf")


def title_ok(truth: dict[str, Any], got: ExtractedPage) -> bool:
    """Title: exact match after whitespace removal."""
    return squash(truth.get("title")) == squash(got.title)


def date_ok(truth: dict[str, Any], got: ExtractedPage) -> bool:
    """Date: exact match, null included."""
    return (truth.get("publish_date") or None) == (got.publish_date or None)


def source_ok(truth: dict[str, Any], got: ExtractedPage) -> bool:
    """Source: the truth's ``source`` (what the page prints; ``source_note`` is not scored),
    without 《》, occurs in the extracted source + author."""
    wanted = squash(truth.get("source")).replace("《", "").replace("》", "")
    return bool(wanted) and wanted in squash(got.source) + squash(got.author)


def body_ok(truth: dict[str, Any], got: ExtractedPage) -> bool:
    """Body: start and end snippets occur, and the length is within 0.8 to 1.25 of the truth."""
    body = squash(got.body_text)
    start = squash(truth.get("body_start"))[:15]
    end = squash(truth.get("body_end"))[-15:]
    expected = truth.get("body_chars") or 0
    if not body or not expected:
        return False
    ratio = len(body) / expected
    return start in body and end in body and 0.8 <= ratio <= 1.25


def list_ok(truth: dict[str, Any], got: ExtractedPage) -> bool:
    """List: kind list and the item count within 10% of the truth count."""
    expected = truth.get("list_count") or 0
    return got.kind == "list" and abs(len(got.list_items) - expected) <= 0.1 * expected


def load_truth(corpus: Path) -> list[dict[str, Any]]:
    """Read truth.jsonl (one JSON object a line)."""
    path = corpus / "truth.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(
    corpus: str | Path,
    extractor: Callable[[Path], ExtractedPage] | None = None,
) -> Report:
    """Extract every page named in truth.jsonl and score it."""
    corpus = Path(corpus)
    truths = load_truth(corpus)
    run = extractor or (lambda path: extract_file(path))
    metrics = {name: Metric(name) for name in DENOMINATORS}
    elapsed = 0.0
    cpu = 0.0
    for truth in truths:
        file = truth["file"]
        started = time.perf_counter()
        cpu_started = time.process_time()
        got = run(corpus / file)
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        is_list = truth.get("kind") == "list"
        metrics["title"].add(title_ok(truth, got), file)
        if truth.get("body_chars"):
            metrics["body"].add(body_ok(truth, got), file)
        if not is_list:
            metrics["date"].add(date_ok(truth, got), file)
            if truth.get("source"):
                metrics["source"].add(source_ok(truth, got), file)
        else:
            metrics["list"].add(list_ok(truth, got), file)
    return Report(metrics, len(truths), elapsed, cpu)
