"""Run the benchmark operations on a generated dealership (issue #7).

    python benchmarks/run.py --url URL --scale tiny|small|large[,...] --json FILE [--repeat N]

For each scale its own database: with one scale, URL itself; with several, the SQLite file name
(or the PostgreSQL database name) gets a "-SCALE" / "_SCALE" suffix. An empty database is
generated first (benchmarks/generate.py). Every operation runs once to warm up, then N times;
p50/p95 in milliseconds. `ratios.floor_ratio` is p95(app lookup) / p95(the same lookup on a
bare sqlite3 or psycopg connection) on the last scale; with two or more scales,
`ratios.scale_ratio` is p95(last) / p95(first) per operation. `memory` is the peak resident memory of
exporting the newest 20,000 work orders. `scales` holds each scale's own figures.
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

import psycopg  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

import generate as gen  # noqa: E402
from database import ensure_database  # noqa: E402
import orders  # noqa: E402
from database import staff  # noqa: E402
from dms.billing.settlement import PaymentIn, presettle, settle  # noqa: E402
from dms.crm.lookup import _prefixes as lookup_prefixes  # noqa: E402
from dms.crm.lookup import search  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.demo import is_empty  # noqa: E402
from dms.migrate import current_revision  # noqa: E402
from dms.models import WorkOrder  # noqa: E402
from dms.reports.documents import render  # noqa: E402
from dms.reports.excel import export  # noqa: E402
from dms.workshop.board import job_board  # noqa: E402
from dms.workshop.lines import order_lines  # noqa: E402
from dms.workshop.timeline import order_timeline  # noqa: E402

LOOKUPS = ("lookup_plate", "lookup_vin6", "lookup_phone", "lookup_name")
OPS = (LOOKUPS + tuple(f"floor_{x}" for x in LOOKUPS)
       + ("open_work_order", "job_board", "settlement", "jobcard_pdf", "export_month_xlsx"))
REPEAT = {"tiny": 20, "small": 50, "large": 50}
LOOKUP_MORE = 10  # lookups take well under a millisecond: more runs for a steadier p95
HEAVY = {"settlement": 0.5, "jobcard_pdf": 0.5, "export_month_xlsx": 0.2}

# Peak resident memory of one export of the newest EXPORT_ORDERS work orders (with the lines
# sheet), in a fresh process: the high-water mark before (imports, connection) and after the
# export. VmHWM, not ru_maxrss: ru_maxrss carries over the forking parent's size through exec.
EXPORT_ORDERS = 20_000
EXPORT_PEAK = r"""
import re, sys
from datetime import datetime
from dms.auth import current, find_user
from dms.db import Database
from dms.reports.excel import export
def peak_kb():
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1))
db = Database(sys.argv[1])
with db.reading() as s:
    row = find_user(s, "admin")
actor = current(row.User, row.name)
before = peak_kb()
rows = export(db, actor, "workorders", sys.argv[2], since=datetime.fromisoformat(sys.argv[3]))
print(before, peak_kb(), rows)
"""


def scale_url(url: str, scale: str, several: bool) -> str:
    if not several:
        return url
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        p = Path(u.database)
        return u.set(database=str(p.with_name(f"{p.stem}-{scale}{p.suffix}"))).render_as_string(False)
    return u.set(database=f"{u.database}_{scale}").render_as_string(False)


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
    with db.reading() as session:  # through the ORM: entry_at comes back as an aware datetime
        newest = select(WorkOrder.entry_at).order_by(WorkOrder.entry_at.desc())
        since = (session.execute(newest.offset(EXPORT_ORDERS - 1).limit(1)).scalar()
                 or session.execute(select(func.min(WorkOrder.entry_at))).scalar())
    last = last if isinstance(last, date) else date.fromisoformat(str(last)[:10])
    month_end = last.replace(day=1) - timedelta(days=1)
    # What an advisor types: the plate's serial (its last five), the VIN's last six, the
    # mobile's last four digits, the surname and the first character of the given name.
    return {"plate": [r.plate[-5:] for r in rows], "vin6": [r.vin[-6:] for r in rows],
            "phone": [r.mobile[-4:] for r in rows], "name": [r.name[:2] for r in rows],
            "open": (open_id, number), "closed": closed_id,
            "month": (month_end.replace(day=1), month_end), "export_since": since}


def cycle(values):
    state = {"i": 0}

    def nxt():
        v = values[state["i"] % len(values)]
        state["i"] += 1
        return v
    return nxt


def floor_ops(url: str, store_id: int):
    """The same lookups as bare DBAPI queries on the same indexes: for each text the prefix
    searches that dms.crm.lookup picks (digits are a plate fragment and a phone number alike),
    written by hand and run on a plain sqlite3 (or psycopg) connection. Returns (search, close)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        conn, mark, match, wildcard = sqlite3.connect(u.database), "?", "GLOB", "*"
    else:
        conn = psycopg.connect(u.set(drivername="postgresql").render_as_string(False))
        mark, match, wildcard = "%s", "LIKE", "%"
    cols = "c.id, c.code, c.name, c.mobile, v.id, v.plate, v.vin, v.brand, v.series"
    veh = (f"SELECT {cols} FROM vehicle v JOIN customer c ON c.id = v.customer_id "
           f"WHERE v.store_id = {mark} AND ")
    cus = (f"SELECT {cols} FROM customer c LEFT JOIN vehicle v ON v.customer_id = c.id "
           f"WHERE c.store_id = {mark} AND ")
    branch = {"plate": veh + "v.plate", "plate_rev": veh + "v.plate_rev",
              "vin_rev": veh + "v.vin_rev", "mobile": cus + "c.mobile",
              "mobile_rev": cus + "c.mobile_rev", "name_key": cus + "c.name_key"}
    statements = {}

    def search(term: str):
        prefixes = lookup_prefixes(term)
        key = tuple(prefixes)
        if key not in statements:
            statements[key] = ("SELECT * FROM (" + " UNION ".join(
                f"{branch[b]} {match} {mark}" for b in key) + ") AS found ORDER BY 3, 1, 6, 5 LIMIT 50")
        args = [x for p in prefixes.values() for x in (store_id, p + wildcard)]
        cursor = conn.cursor()
        cursor.execute(statements[key], args)
        rows = cursor.fetchall()
        cursor.close()
        return rows
    return search, conn.close


def run_scale(url: str, scale: str, repeat: int | None, log) -> dict:
    ensure_database(url)
    generation = None
    probe = Database(url)
    empty = current_revision(probe.engine) is None or is_empty(probe)
    probe.dispose()
    if empty:
        generation = gen.generate(url, scale, log=log)
    db = Database(url)
    n = repeat or REPEAT[scale]
    actor = staff(db, "admin")
    advisor, cashier = staff(db, "advisor1"), staff(db, "cashier1")
    s = samples_for(db)
    ops = {}
    for kind in ("plate", "vin6", "phone", "name"):
        nxt = cycle(s[kind])
        op = ops[f"lookup_{kind}"] = timed(lambda: search(db, advisor, nxt()),
                                           n * LOOKUP_MORE)
        op["rows_mean"] = round(statistics.mean(
            len(search(db, advisor, term)) for term in s[kind]), 1)
    floor, close = floor_ops(url, actor.store_id)
    for kind in ("plate", "vin6", "phone", "name"):
        nxt = cycle(s[kind])
        ops[f"floor_lookup_{kind}"] = timed(lambda: floor(nxt()), n * LOOKUP_MORE)
    close()
    closed = s["closed"]
    ops["open_work_order"] = timed(lambda: (order_lines(db, actor, closed),
                                            order_timeline(db, actor, closed)), n)
    ops["job_board"] = timed(lambda: job_board(db, actor), n)

    k = max(3, int(n * HEAVY["settlement"]))
    ready = iter(orders.add_ready_orders(db, k + 1))

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
    memory = export_memory(url, s["export_since"], env)
    db.dispose()
    for name, r in ops.items():
        log(f"  {scale:6s} {name:24s} p50 {r['p50_ms']:10.2f} ms  p95 {r['p95_ms']:10.2f} ms  n={r['n']}")
    log(f"  {scale:6s} export of {memory['orders']:,} work orders ({memory['rows']:,} rows): "
        f"peak {memory['peak_mb']} MB (before the export {memory['before_mb']} MB)")
    return {"ops": ops, "memory": memory, "generation": generation, "url": url}


def export_memory(url: str, since, env) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", EXPORT_PEAK, url, str(Path(tmp) / "wo.xlsx"),
                              since.isoformat()], check=True, env=env, cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    before, peak, rows = (int(x) for x in out[-3:])
    db = Database(url)
    with db.reading() as session:
        orders = session.execute(select(func.count()).select_from(WorkOrder)
                                 .where(WorkOrder.entry_at >= since)).scalar()
    db.dispose()
    return {"orders": orders, "rows": rows, "before_mb": round(before / 1024, 1),
            "peak_mb": round(peak / 1024, 1)}


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
    ratios = {"floor_ratio": {k: round(last[k]["p95_ms"] / last[f"floor_{k}"]["p95_ms"], 3)
                              for k in LOOKUPS}}
    if len(scales) > 1:
        first = results[scales[0]]["ops"]
        ratios["scale_ratio"] = {k: round(last[k]["p95_ms"] / first[k]["p95_ms"], 3)
                                 for k in last if first[k]["p95_ms"]}
    backend = make_url(args.url).get_backend_name()
    doc = {"backend": backend, "scale": ",".join(scales), "ops": last, "ratios": ratios,
           "memory": results[scales[-1]]["memory"],
           "scales": {sc: {"ops": r["ops"], "memory": r["memory"], "generation": r["generation"]}
                      for sc, r in results.items()}}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
