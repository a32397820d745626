"""benchmarks/ui.py with tiny numbers on the demo dealership: it starts the real application,
signs in, opens every screen and writes the JSON report with every figure. The measurement
itself is not part of the suite (see benchmarks/README.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from big_orders import thirty_line_orders  # noqa: E402
from ui import SCREENS  # noqa: E402

from dms.auth import authenticate  # noqa: E402

STARTS, SIGN_INS, REPEAT = 1, 1, 2


def _figures(doc: dict, key: str, *names: str) -> dict:
    figures = doc[key]
    assert all(isinstance(figures[n], (int, float)) and figures[n] >= 0 for n in names), key
    return figures


def test_tiny_run_writes_every_figure(demo_orders_db, tmp_path):
    demo_db = demo_orders_db  # orders in every state: every screen has something to open
    thirty_line_orders(demo_db, authenticate(demo_db, "advisor1", "demo123"), 1)
    out = tmp_path / "ui.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ui.py"), "--url", demo_db.url,
                           "--json", str(out), "--starts", str(STARTS), "--sign-ins", str(SIGN_INS),
                           "--repeat", str(REPEAT),
                           "--user", "admin", "--password", "admin123"],  # every workspace
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["backend"] == demo_db.backend

    cold = _figures(doc, "cold_start_ms", "p50", "p95")
    assert cold["n"] == STARTS and 0 < cold["p50"] <= cold["p95"]
    assert _figures(doc, "cold_start_cpu_ms", "p50", "p95")["n"] == STARTS
    signs = _figures(doc, "sign_in_ms", "p50", "p95")
    hashes = _figures(doc, "password_hash_ms", "p50", "p95")
    assert signs["n"] == SIGN_INS and signs["first"] > 0 and signs["p50"] > 0 and hashes["p50"] > 0
    lag = _figures(doc, "gui_lag_ms", "p50", "p99", "max")
    assert lag["n"] > 0 and lag["p50"] <= lag["p99"] <= lag["max"]

    admin = authenticate(demo_db, "admin", "admin123")
    assert set(doc["screens"]) == {name for name, screen in SCREENS.items()
                                   if screen.opens_for(admin)} >= {"lookup", "customer_card"}
    for name, screen in doc["screens"].items():
        assert screen["n"] == REPEAT, name
        assert 0 < screen["open_p50_ms"] <= screen["open_p95_ms"], name
        assert screen["lag_max_ms"] >= 0, name


def test_the_day_with_writers_reports_every_seats_lag(demo_db, tmp_path):
    """benchmarks/ui_day.py: the day's seven seats, one other seat writing, every figure."""
    out = tmp_path / "day.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ui_day.py"), "--url",
                           demo_db.url, "--json", str(out), "--writers", "1", "--pause", "0.2"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]  # exit 1: lag over target
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["backend"] == demo_db.backend
    assert set(doc["gui_lag_ms_per_seat"]) == {"advisor", "dispatcher", "technician", "qc",
                                               "clerk", "cashier", "care"}
    lag = doc["gui_lag_ms"]
    assert lag["n"] > 100 and 0 <= lag["p50"] <= lag["p99"] <= lag["max"]
    assert [s["step"] for s in doc["steps"]][:2] == ["book_by_phone", "check_in"]
    assert all(s["latency_ms"] is not None for s in doc["steps"] if s["watcher"])
    assert doc["writers"]["commands"] > 0 and not doc["writers"]["errors"].get("seat_crashed")


def test_the_counters_scans_on_a_picking_workload(demo_db, tmp_path):
    """picking_workload.py gives the database orders with reserved parts, then ui.py as the
    clerk times a job card, single part scans and the 50-scan burst, and puts them back."""
    made = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "picking_workload.py"),
                           "--url", demo_db.url, "--orders", "3", "--burst", "50"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert made.returncode == 0, made.stderr[-3000:]
    assert "burst order WO" in made.stdout and "3 orders with 6 reserved lines" in made.stdout
    out = tmp_path / "ui.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ui.py"), "--url", demo_db.url,
                           "--json", str(out), "--starts", "1", "--sign-ins", "1",
                           "--repeat", str(REPEAT), "--user", "warehouse1",
                           # the scans (part_card once timed out here in a full PostgreSQL run:
                           # see the closing note of 6 Dec; the tiny run above opens it)
                           "--screens", "counter_order,counter_scan"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {"counter_order", "counter_scan"} <= set(doc["screens"])
    burst = doc["scan_burst"]
    assert burst["scans"] == 50 and burst["scan_to_feedback_ms"]["n"] == 50
    assert 0 < burst["scan_to_feedback_ms"]["p50"] <= burst["scan_to_feedback_ms"]["max"]
    assert burst["ms_per_scan"] > 0 and burst["gui_lag_ms"]["n"] > 0
    from dms.parts.counter import picking_queue

    clerk = authenticate(demo_db, "warehouse1", "demo123")
    assert max(r.to_pick for r in picking_queue(demo_db, clerk)) >= 50  # put back
