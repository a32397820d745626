"""benchmarks/latency.py with tiny numbers: it builds its own database, every change reaches
every subscriber, and the JSON report is complete. The measurement itself is not part of the
suite (see benchmarks/README.md)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import latency  # noqa: E402

SEATS, CHANGES = 2, 5


def _run(url: str, tmp_path: Path) -> dict:
    out = tmp_path / "latency.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "latency.py"), "--url", url,
                           "--seats", str(SEATS), "--changes", str(CHANGES), "--interval", "0.05",
                           "--json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["seats"] == SEATS and report["changes"] == CHANGES
    assert report["missed"] == 0 and report["deliveries"] == SEATS * CHANGES
    figures = report["latency_ms"]
    assert set(figures) >= {"p50", "p95", "max"}
    assert all(isinstance(figures[k], (int, float)) for k in ("p50", "p95", "max"))
    assert figures["p50"] <= figures["p95"] <= figures["max"]
    return report


def test_tiny_run_on_sqlite_generates_its_database(tmp_path):
    report = _run(f"sqlite:///{tmp_path / 'latency.sqlite3'}", tmp_path)
    assert report["backend"] == "sqlite"
    # A poll every half second: nothing can take much longer than one interval plus the query.
    assert report["latency_ms"]["max"] < 2000


def test_tiny_run_on_postgresql_creates_its_database(pg_server, tmp_path):
    name = f"latency_t{uuid.uuid4().hex[:10]}"
    try:
        report = _run(pg_server.url_for(name), tmp_path)
    finally:
        pg_server.drop(name)
    assert report["backend"] == "postgresql"


def test_subscribers_poll_at_the_screens_interval():
    from dms.ui.shell.feed import POLL_S

    assert latency.POLL_S == POLL_S


def test_summary_counts_every_pair_not_received_as_missed():
    writes = [(10, 100.0, 0.002), (11, 101.0, 0.004), (12, 102.0, 0.003)]
    seats = {0: {10: 100.010, 11: 101.020, 12: 102.030}, 1: {10: 100.5}}  # seat 1 missed two
    report = latency.summarise(writes, seats, n_seats=3)  # seat 2 never reported
    assert report["missed"] == 2 + 3
    assert report["deliveries"] == 4
    assert report["latency_ms"]["p50"] == 20.0 and report["latency_ms"]["max"] == 500.0
    assert report["commit_ms"]["p50"] == 3.0
