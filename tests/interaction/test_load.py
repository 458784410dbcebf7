"""The question form under load over the real HTTP stack: scripts/bench_interaction.py, smaller.

A server process of its own (runserver, threaded; gunicorn when installed) over a database of
its own (a temporary SQLite file, or a throwaway PostgreSQL database when the suite runs on
PostgreSQL), the rate limits counting in Redis: 20 citizens at once, a 15-post flood beside 5
others, one phone from 8 addresses. Without Redis this test fails, it does not skip.
"""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_interaction.py"


def _bench():
    """The bench script as a module."""
    spec = importlib.util.spec_from_file_location("bench_interaction", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _bench()


def test_the_form_holds_under_concurrent_posts_and_floods(capsys):
    """Each question stored once with its own code; an address and a number cut at their limits."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    config = bench.Config(
        concurrent=20,
        double_taps=3,
        replays=5,
        flood=15,
        flood_workers=4,
        bystanders=5,
        shared_phone=8,
        rate_ip="10/h",
        rate_phone="5/d",
        database="postgres" if on_postgres else "sqlite",
    )
    try:
        with bench.running_stack(config) as stack:
            reports = bench.run_phases(stack)
    except bench.BenchError as err:
        pytest.fail(f"the load run could not run: {err}")
    failed = [
        f"{report.title}: {check.label} ({check.detail})"
        for report in reports
        for check in report.checks
        if not check.ok
    ]
    assert not failed, "\n".join(failed) + "\n" + capsys.readouterr().out
    assert [len(report.checks) for report in reports] == [7, 4, 3]
