"""Run the benchmark operations on a generated dealership (issue #7).

    python benchmarks/run.py --url URL --scale tiny|small|large[,...] --json FILE [--repeat N]

For each scale its own database: with one scale, URL itself; with several, the SQLite file name
(or the PostgreSQL database name) gets a "-SCALE" / "_SCALE" suffix. An empty database is
generated first (benchmarks/generate.py). Every operation runs once to warm up, then N times;
p50/p95 in milliseconds. With two or more scales, `ratios.scale_ratio` is p95(last) / p95(first)
per operation and `ratios.floor_ratio` is, on SQLite, p95(app lookup) / p95(bare sqlite3 lookup)
on the last scale. `scales` holds each scale's own ops and generation figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

import generate as gen  # noqa: E402
from dms.auth import trusted_user  # noqa: E402
from dms.billing.settlement import PaymentIn, presettle, settle  # noqa: E402
from dms.crm.lookup import search  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.demo.load import is_empty  # noqa: E402
from dms.migrate import current_revision  # noqa: E402
from dms.reports.documents import render  # noqa: E402
from dms.reports.excel import export  # noqa: E402
from dms.workshop.board import job_board  # noqa: E402
from dms.workshop.lines import order_lines  # noqa: E402
from dms.workshop.timeline import order_timeline  # noqa: E402

LOOKUPS = ("lookup_plate", "lookup_vin6", "lookup_phone", "lookup_name")
OPS = (LOOKUPS + tuple(f"floor_{x}" for x in LOOKUPS)
       + ("open_work_order", "job_board", "settlement", "jobcard_pdf", "export_month_xlsx",
          "cold_start"))
REPEAT = {"tiny": 20, "small": 50, "large": 50}
HEAVY = {"settlement": 0.5, "jobcard_pdf": 0.5, "export_month_xlsx": 0.2, "cold_start": 0.1}

COLD_START = r"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from dms.app import create_main_window
from dms.auth import trusted_user
from dms.db import Database
db = Database(sys.argv[1])
window = create_main_window(db, trusted_user(db, "admin"))
window.show()
app.processEvents()
db.dispose()
"""


def scale_url(url: str, scale: str, several: bool) -> str:
    if not several:
        return url
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        p = Path(u.database)
        return u.set(database=str(p.with_name(f"{p.stem}-{scale}{p.suffix}"))).render_as_string(False)
    return u.set(database=f"{u.database}_{scale}").render_as_string(False)


def ensure_pg_database(url: str) -> None:
    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        return
    admin = create_engine(u.set(drivername="postgresql+psycopg", database="postgres"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                            {"n": u.database}).first():
            conn.execute(text(f'CREATE DATABASE "{u.database}"'))
    admin.dispose()


def timed(fn, n: int, warm: int = 1) -> dict:
    for _ in range(warm):
        fn()
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, max(0, round(0.95 * len(samples)) - 1))]
    return {"p50_ms": round(statistics.median(samples), 3), "p95_ms": round(p95, 3), "n": n}


def samples_for(db: Database) -> dict:
    """Search terms taken from the data: fragments that hit real rows."""
    with db.engine.connect() as c:
        rows = c.execute(text("SELECT v.plate, v.vin, c.mobile, c.name FROM vehicle v "
                              "JOIN customer c ON c.id = v.customer_id "
                              "WHERE c.code LIKE 'B%' ORDER BY v.id")).all()
        step = max(1, len(rows) // 50)
        rows = rows[::step][:50]
        open_id, number = c.execute(text(
            "SELECT id, number FROM work_order WHERE state IN ('IN_REPAIR','DISPATCHED','QC',"
            "'AUTHORIZED','PAUSED','REWORK') ORDER BY id LIMIT 1")).one()
        closed_id = c.execute(text("SELECT id FROM work_order WHERE state = 'CLOSED' "
                                   "ORDER BY id DESC LIMIT 1")).scalar()
        last = c.execute(text("SELECT MAX(entry_at) FROM work_order WHERE state = 'CLOSED'")).scalar()
    last = last if isinstance(last, date) else date.fromisoformat(str(last)[:10])
    month_end = last.replace(day=1) - timedelta(days=1)
    return {"plate": [r.plate[2:6] for r in rows], "vin6": [r.vin[-6:] for r in rows],
            "phone": [r.mobile[-4:] for r in rows], "name": [r.name[:2] for r in rows],
            "open": (open_id, number), "closed": closed_id,
            "month": (month_end.replace(day=1), month_end)}


def cycle(values):
    state = {"i": 0}

    def nxt():
        v = values[state["i"] % len(values)]
        state["i"] += 1
        return v
    return nxt


def floor_ops(path: str, store_id: int) -> dict:
    """The same prefix searches as dms.crm.lookup, as bare sqlite3 on the same indexes."""
    conn = sqlite3.connect(path)
    cols = ("c.id, c.code, c.name, c.mobile, v.id, v.plate, v.vin, v.brand, v.series")
    veh = f"SELECT {cols} FROM vehicle v JOIN customer c ON c.id = v.customer_id WHERE v.store_id = ? AND "
    cus = f"SELECT {cols} FROM customer c LEFT JOIN vehicle v ON v.customer_id = c.id WHERE c.store_id = ? AND "
    tail = " ORDER BY 3, 1, 6, 5 LIMIT 50"

    def q(parts):
        sql = "SELECT * FROM (" + " UNION ".join(parts) + ")" + tail
        return lambda *args: conn.execute(sql, [x for a in args for x in (store_id, a)]).fetchall()

    plate = q([veh + "v.plate GLOB ?", veh + "v.plate_rev GLOB ?"])
    vin = q([veh + "v.vin_rev GLOB ?"])
    phone = q([cus + "c.mobile GLOB ?", cus + "c.mobile_rev GLOB ?"])
    name = q([cus + "c.name GLOB ?"])
    return {"plate": lambda t: plate(t + "*", t[::-1] + "*"),
            "vin6": lambda t: vin(t[::-1] + "*"),
            "phone": lambda t: phone(t + "*", t[::-1] + "*"),
            "name": lambda t: name(t + "*"), "conn": conn}


def run_scale(url: str, scale: str, repeat: int | None, log) -> dict:
    ensure_pg_database(url)
    generation = None
    probe = Database(url)
    empty = current_revision(probe.engine) is None or is_empty(probe)
    probe.dispose()
    if empty:
        generation = gen.generate(url, scale, log=log)
    db = Database(url)
    n = repeat or REPEAT[scale]
    actor = trusted_user(db, "admin")
    advisor, cashier = trusted_user(db, "advisor1"), trusted_user(db, "cashier1")
    s = samples_for(db)
    ops = {}
    for kind in ("plate", "vin6", "phone", "name"):
        nxt = cycle(s[kind])
        ops[f"lookup_{kind}"] = timed(lambda: search(db, nxt(), store_id=actor.store_id), n)
    if db.backend == "sqlite":
        floor = floor_ops(make_url(url).database, actor.store_id)
        for kind in ("plate", "vin6", "phone", "name"):
            nxt = cycle(s[kind])
            ops[f"floor_lookup_{kind}"] = timed(lambda f=floor[kind]: f(nxt()), n)
        floor["conn"].close()
    closed = s["closed"]
    ops["open_work_order"] = timed(lambda: (order_lines(db, actor, closed),
                                            order_timeline(db, actor, closed)), n)
    ops["job_board"] = timed(lambda: job_board(db, actor), n)

    k = max(3, int(n * HEAVY["settlement"]))
    ready = iter(gen.add_ready_orders(db, k + 1))

    def settle_one():
        wid = next(ready)
        r = presettle(db, advisor, wid)
        pay = [PaymentIn("cash", r.outstanding)] if r.outstanding > 0 else []
        settle(db, cashier, wid, pay)
    ops["settlement"] = timed(settle_one, k)

    number = s["open"][1]
    ops["jobcard_pdf"] = timed(lambda: render(db, actor, "jobcard", number),
                               max(3, int(n * HEAVY["jobcard_pdf"])))
    since, until = s["month"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "workorders.xlsx"
        ops["export_month_xlsx"] = timed(
            lambda: export(db, actor, "workorders", out, since=since, until=until),
            max(3, int(n * HEAVY["export_month_xlsx"])))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-c", COLD_START, url]
    ops["cold_start"] = timed(lambda: subprocess.run(cmd, check=True, env=env, cwd=ROOT,
                                                     capture_output=True),
                              max(3, int(n * HEAVY["cold_start"])), warm=1)
    db.dispose()
    for name, r in ops.items():
        log(f"  {scale:6s} {name:24s} p50 {r['p50_ms']:10.2f} ms  p95 {r['p95_ms']:10.2f} ms  n={r['n']}")
    return {"ops": ops, "generation": generation, "url": url}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--scale", required=True, help="tiny, small, large or a comma list")
    ap.add_argument("--json", required=True)
    ap.add_argument("--repeat", type=int, help="timed runs per operation (default by scale)")
    args = ap.parse_args(argv)
    scales = [x.strip() for x in args.scale.split(",") if x.strip()]
    for x in scales:
        if x not in gen.SCALES:
            ap.error(f"unknown scale {x}")
    log = lambda m: print(m, flush=True)  # noqa: E731
    results = {}
    for sc in scales:
        results[sc] = run_scale(scale_url(args.url, sc, len(scales) > 1), sc, args.repeat, log)
    last = results[scales[-1]]["ops"]
    ratios = {}
    if len(scales) > 1:
        first = results[scales[0]]["ops"]
        ratios["scale_ratio"] = {k: round(last[k]["p95_ms"] / first[k]["p95_ms"], 3)
                                 for k in last if first.get(k, {}).get("p95_ms")}
        ratios["floor_ratio"] = {k: round(last[k]["p95_ms"] / last[f"floor_{k}"]["p95_ms"], 3)
                                 for k in LOOKUPS if last.get(f"floor_{k}", {}).get("p95_ms")}
    backend = make_url(args.url).get_backend_name()
    doc = {"backend": backend, "scale": ",".join(scales), "ops": last, "ratios": ratios,
           "scales": {sc: {"ops": r["ops"], "generation": r["generation"]}
                      for sc, r in results.items()}}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
