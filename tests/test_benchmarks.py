"""benchmarks/run.py at the tiny scale runs end to end and writes the JSON report (issue #7).
The benchmark itself is not part of the suite: `make bench`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
