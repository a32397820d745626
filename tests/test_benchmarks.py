"""benchmarks/run.py at the tiny scale runs end to end and writes the JSON report (issue #7);
the generated workshop is one the services could have made. The benchmark itself is not part
of the suite: `make bench`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
OPS = ("lookup_plate", "lookup_vin6", "lookup_phone", "lookup_name",
       "floor_lookup_plate", "floor_lookup_vin6", "floor_lookup_phone", "floor_lookup_name",
       "open_work_order", "job_board", "settlement", "jobcard_pdf", "export_month_xlsx")


def test_tiny_benchmark_writes_every_op(tmp_path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"),
                    "--url", f"sqlite:///{tmp_path / 'bench.sqlite3'}", "--scale", "tiny",
                    "--json", str(out), "--repeat", "5"],
                   check=True, env=env, cwd=ROOT, timeout=180)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["backend"] == "sqlite" and doc["scale"] == "tiny"
    assert set(OPS) <= set(doc["ops"])
    for name in OPS:
        op = doc["ops"][name]
        assert all(isinstance(op[k], (int, float)) for k in ("p50_ms", "p95_ms", "n")), name
        assert op["n"] > 0 and 0 <= op["p50_ms"] <= op["p95_ms"], name
    floor = doc["ratios"]["floor_ratio"]
    assert set(floor) == {name for name in OPS if name.startswith("lookup_")}
    assert all(value > 0 for value in floor.values())
    memory = doc["memory"]  # every tiny order (200 and those settled by the run) was exported
    assert memory["orders"] >= 200 and memory["rows"] > memory["orders"]
    assert 0 < memory["before_mb"] <= memory["peak_mb"]


def test_the_generated_workshop_keeps_the_bay_rules(db):
    """Every job on a bay is on one of its trade's kind (`dispatch.check_bay`), one car at most
    is in repair in a bay, and each job's lane is one its order's state allows: nobody on an
    authorised car's jobs, a dispatched car's jobs not started, a car at QC with every job done,
    a car in rework with a job sent back."""
    from generate import generate

    from dms.auth import authenticate
    from dms.workshop import dispatch, kanban

    generate(db.url, "tiny", log=lambda _line: None)
    board = kanban.board(db, authenticate(db, "dispatcher1", "demo123"))
    bays = {b.id: b for b in board.bays}
    in_repair = {}
    for card in board.cards:
        job = card.job
        if job.bay_id is not None:
            dispatch.check_bay(job.code, job.trade, bays[job.bay_id].name, bays[job.bay_id].kind,
                               None)
        if card.lane == "in_repair":
            in_repair.setdefault(job.bay_id, set()).add(job.work_order_id)
    assert in_repair and all(len(cars) == 1 for cars in in_repair.values())
    lanes = {}
    for card in board.cards:
        lanes.setdefault(card.job.order_state, set()).add(card.lane)
    assert lanes["AUTHORIZED"] == {"waiting"} and lanes["DISPATCHED"] == {"dispatched"}
    assert lanes["QC"] == {"qc"} and lanes["REWORK"] == {"rework"}
    assert lanes["IN_REPAIR"] <= {"dispatched", "in_repair", "qc"}
    assert lanes["PAUSED"] <= {"paused_parts", "paused_approval"}
    assert all(c.job.state == "done" for c in board.cards if c.job.order_state == "QC")
    assert {c.job.work_order_id for c in board.cards if c.job.state == "rework"} == {
        c.job.work_order_id for c in board.cards if c.job.order_state == "REWORK"}
