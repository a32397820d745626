"""One whole work order, in process, through the services (issue 12 "Speed").

    .venv/bin/python benchmarks/lifecycle.py --url URL [--orders 30] [--warmup 5] [--json FILE]
                                             [--by-step]

Each order: check-in, 2 labour + 4 part lines, estimate, approval, 4 scans at the counter,
dispatch of both jobs, clock on/off on each, finish, final inspection, pre-settle, settle,
gate pass, delivery. Prints p50/p95 ms per order, this process's CPU per order (p50) and the
SQL statements per order (counted on the engine), after `--warmup` orders; on a PostgreSQL
server on this machine also the CPU its backends spent on the orders (from /proc). An empty
database gets the schema and the demo dealership (no orders); the parts used are stocked up
first so no order runs short.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from database import ensure_database, prepare, staff  # noqa: E402 (benchmarks/database.py)
from sqlalchemy import event, select  # noqa: E402

JOBS = ("JX01", "JX02")


def _setup(db):
    from dms.models import Bay, Part, PartBarcode, Stock, Supplier, Vehicle, Warehouse
    from dms.parts.receipts import ReceiptLine, receive

    users = {n: staff(db, n) for n in ("advisor1", "dispatcher1", "tech1", "qc1",
                                              "warehouse1", "cashier1")}
    with db.reading() as s:
        parts = s.execute(select(Part.code, PartBarcode.barcode).join(PartBarcode)
                          .join(Stock, Stock.part_id == Part.id).where(Part.active.is_(True),
                                                                       Part.sale_price > 0)
                          .order_by(Stock.on_hand.desc(), Part.id).limit(4)).all()
        supplier = s.scalar(select(Supplier.code).order_by(Supplier.id))
        warehouse = s.scalar(select(Warehouse.code).order_by(Warehouse.id))
        bay = s.scalar(select(Bay.id).where(Bay.kind == "mechanical").order_by(Bay.id))  # JOBS
        vehicles = s.execute(select(Vehicle.id, Vehicle.mileage).order_by(Vehicle.id)
                             .limit(200)).all()
    receive(db, users["warehouse1"], supplier, "purchase", warehouse,
            [ReceiptLine(code, Decimal(500), Decimal("10.00")) for code, _ in parts])
    return users, parts, bay, [[v, m or 0] for v, m in vehicles]


def one_order(db, users, parts, bay, vehicle, call=None) -> None:
    """`call(fn, *args, **kwargs)` makes each service call (`--by-step` counts through it)."""
    from dms.billing import settlement as billing
    from dms.parts import picking
    from dms.workshop import dispatch, qc
    from dms.workshop import estimates as est
    from dms.workshop.reception import CheckIn, check_in

    call = call or (lambda fn, *args, **kwargs: fn(*args, **kwargs))
    adv, tech = users["advisor1"], users["tech1"]
    vehicle[1] += 100
    wo = call(check_in, db, adv, CheckIn(vehicle_id=vehicle[0], mileage=vehicle[1], fuel_level=4,
                                         complaint="保养，刹车异响", business_type="repair")).id
    for code in JOBS:
        call(est.add_labour, db, adv, wo, code)
    for code, _ in parts:
        call(est.add_part, db, adv, wo, code, 1)
    call(est.issue_estimate, db, adv, wo)
    call(est.approve_estimate, db, adv, wo, "王先生", "signature")
    for _, barcode in parts:
        call(picking.issue_scan, db, users["warehouse1"], wo, barcode, 1, received_by="李师傅")
    jobs = call(est_lines, db, wo)
    for job in jobs:
        call(dispatch.assign_job, db, users["dispatcher1"], job, bay, tech.id)
    for job in jobs:
        call(dispatch.clock_on, db, tech, job)
        call(dispatch.clock_off, db, tech, job, done=True)
    call(dispatch.finish_repair, db, tech, wo, self_check_ok=True)
    call(qc.final_inspection, db, users["qc1"], wo, passed=True, delay_reason="基准测试")
    share = call(billing.presettle, db, adv, wo).customer_share
    call(billing.settle, db, users["cashier1"], wo, [billing.PaymentIn("cash", share)])
    call(billing.issue_gate_pass, db, users["cashier1"], wo)
    call(billing.deliver, db, adv, wo)


def est_lines(db, wo):
    """The order's jobs (ids), as the dispatcher's board has them."""
    from dms.models import LabourLine

    with db.reading() as s:
        return s.scalars(select(LabourLine.id).where(LabourLine.work_order_id == wo)
                         .order_by(LabourLine.seq)).all()


class ServerCpu:
    """The CPU time (user + system, s) of the PostgreSQL backends serving this database, read
    from /proc when the server runs on this machine; None elsewhere (or on SQLite, whose work
    is in this process's CPU). The backends are listed once, after the warm-up, on a connection
    of its own (not counted, not one of them)."""

    def __init__(self, url: str):
        self.pids: list[int] = []
        if not url.startswith("postgresql"):
            return
        import psycopg
        from sqlalchemy.engine import make_url

        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(plain, autocommit=True) as conn:
            self.pids = [pid for (pid,) in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")]

    def seconds(self) -> float | None:
        total = 0.0
        for pid in self.pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total if self.pids else None


def run(url: str, orders: int, warmup: int, by_step: bool = False) -> dict:
    from dms.db import Database

    ensure_database(url)
    db = Database(url)
    prepare(db)
    users, parts, bay, vehicles = _setup(db)
    counted = [0]
    # The read engine is an option view of this engine: its statements reach this listener too
    # (listening on both counted every read twice).
    event.listen(db.engine, "before_cursor_execute",
                 lambda *_: counted.__setitem__(0, counted[0] + 1))
    steps: dict[str, int] = {}

    def counted_call(fn, *args, **kwargs):
        before = counted[0]
        try:
            return fn(*args, **kwargs)
        finally:
            steps[fn.__name__] = steps.get(fn.__name__, 0) + counted[0] - before

    times, cpu, statements = [], [], []
    server, server_start = None, None
    for n in range(warmup + orders):
        if n == warmup:
            server = ServerCpu(url)
            server_start = server.seconds()
        counted[0] = 0
        start, start_cpu = time.perf_counter(), time.process_time()
        one_order(db, users, parts, bay, vehicles[n % len(vehicles)])
        if n >= warmup:
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            statements.append(counted[0])
    server_end = server.seconds() if server is not None else None
    if by_step:  # one more order, its statements per service (summed over repeated calls)
        one_order(db, users, parts, bay, vehicles[(warmup + orders) % len(vehicles)],
                  counted_call)
    db.dispose()
    times.sort()
    return {"backend": db.backend, "orders": orders, "warmup": warmup,
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
            # this process's CPU alone (the server's is not in it): what the wall times mean
            # on a machine others are using
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            # the server's CPU (PostgreSQL on this machine), the mean over the timed orders
            "server_cpu_ms": None if server_start is None or server_end is None
            else round((server_end - server_start) * 1000 / orders, 1),
            "statements_per_order": round(statistics.mean(statements), 1),
            "statements_by_step": dict(sorted(steps.items(), key=lambda kv: -kv[1])) or None,
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--orders", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--json")
    parser.add_argument("--by-step", action="store_true",
                        help="also count one order's statements per service call")
    args = parser.parse_args(argv)
    result = run(args.url, args.orders, args.warmup, args.by_step)
    print(json.dumps(result, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
