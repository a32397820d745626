"""Stress harness (#8): N seats run the 12-step flow against one database, then the
invariants are checked.

    python benchmarks/stress.py --url sqlite:///tmp/x.db --seats 4 --seconds 30 --json out.json

Each seat is a process (multiprocessing spawn) with its own `Database`; it plays advisor,
dispatcher, technician, warehouse clerk, QC inspector and cashier for one car at a time, with
exactly the service calls of tests/test_flow_e2e.py. Domain errors (ConcurrentChange,
InsufficientStock, "clocked on elsewhere", SQLite busy, PostgreSQL deadlocks) are counted;
the step is retried, or the flow abandoned and its order cancelled (issued parts returned
first). A car waits for a free maintenance bay (the demo has two), as in a shop. Afterwards
`check_invariants` (stress_invariants.py) looks at the whole database; the JSON report lists
the violations and counts the errors no conflict explains; the exit status is 1 when there is
any. On PostgreSQL `stress_sampler.Sampler` watches the server processes meanwhile.

Note: the services allow issuing parts only in the workshop states (AUTHORIZED … REWORK), so the
part is picked by scan right after the customer's approval (pre-picking), as in the e2e test.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import time
import traceback
from collections import Counter
from decimal import Decimal

if __name__ == "__main__" or "dms" not in sys.modules:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from database import prepare  # noqa: E402 (benchmarks/database.py)
from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402
from stress_invariants import TERMINAL, check_invariants  # noqa: E402
from stress_sampler import Sampler  # noqa: E402

RETRIES = 5
BAY_WAIT_S = 60  # how long a car waits for a free bay before the flow is given up
# What several seats working on one database legitimately run into; anything else counted
# (a generic database error, a crashed or lost seat, an unexpected exception) is unexplained.
CONFLICT_KINDS = {"concurrent_change", "stock.insufficient", "clock.on_other_job",
                  "clock.already_on", "dispatch.job_clocked_on", "dispatch.bay_busy",
                  "reception.mileage_lower", "bay_wait",
                  "db.locked", "db.deadlock", "db.serialization"}
TECHS = tuple(f"tech{i}" for i in range(1, 9))


class Abandon(Exception):
    pass


def _db_kind(exc: DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).lower()
    if "locked" in text or "busy" in text:
        return "db.locked"
    if "deadlock" in text:
        return "db.deadlock"
    if "serializ" in text or "could not obtain lock" in text:
        return "db.serialization"
    return "db.error"


# --- one seat ---------------------------------------------------------------------------------

class Seat:
    def __init__(self, url: str, seat_no: int, seed: int):
        from database import staff
        from dms.db import Database
        from dms.models import Part, PartBarcode, Stock, Vehicle

        self.db = Database(url)
        self.rng = random.Random(seed * 1000 + seat_no)
        self.errors: Counter = Counter()
        self.completed = self.abandoned = self.cancelled = 0
        self.calls: Counter = Counter()  # seconds inside each service, retries included
        self.commands = 0  # service calls made (each attempt), and bay looks while waiting
        self.bay_looks = 0
        self.retries, self.waited, self.worked = 0, 0.0, 0.0
        self.bay_waits, self.bay_wait_s = 0, 0.0  # cars that waited for a bay, and how long
        names = ("advisor1", "advisor2", "advisor3", "dispatcher1", "qc1", "warehouse1",
                 "cashier1", "admin") + TECHS
        self.u = {n: staff(self.db, n) for n in names}
        with self.db.reading() as s:
            self.vehicles = s.scalars(select(Vehicle.id).order_by(Vehicle.id)).all()
            rows = s.execute(select(Part.code, PartBarcode.barcode, Stock.on_hand)
                             .join(PartBarcode, PartBarcode.part_id == Part.id)
                             .join(Stock, Stock.part_id == Part.id)
                             .where(Part.active, Part.sale_price > 0)
                             .order_by(Part.id)).all()
        # A few scarce parts (they run out: InsufficientStock) and plenty of well-stocked ones.
        low = [(c, b) for c, b, q in rows if 1 <= q <= 6][:8]
        high = [(c, b) for c, b, q in rows if q >= 30][:16]
        self.parts = low + high

    # -- helpers -------------------------------------------------------------------------
    def _count(self, kind: str) -> None:
        self.errors[kind] += 1

    def step(self, fn, *args, retry_on=(), **kwargs):
        """Call a service; count what goes wrong; retry conflicts, give up on the rest."""
        from dms.errors import ConcurrentChange, DomainError

        for attempt in range(RETRIES):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            except ConcurrentChange as exc:
                self._count(exc.code)
            except DomainError as exc:
                self._count(exc.code)
                if exc.code not in retry_on:
                    raise Abandon(exc.code) from exc
            except DBAPIError as exc:
                self._count(_db_kind(exc))
            finally:
                self.calls[fn.__name__] += time.perf_counter() - started
                self.commands += 1
            self.retries += 1
            back_off = self.rng.uniform(0.005, 0.05) * (attempt + 1)
            self.waited += back_off
            time.sleep(back_off)
        raise Abandon("retries")

    def free_bay(self, find) -> int:
        """A free bay (`find()`, None while every bay of the kind has a car in repair): the car
        waits for one, as in a shop, and the dispatcher looks again now and then; given up
        (the flow abandoned) only after BAY_WAIT_S."""
        started, pause, waited = time.perf_counter(), 0.01, False
        while (bay := find()) is None:
            if time.perf_counter() - started > BAY_WAIT_S:
                self.bay_wait_s += time.perf_counter() - started
                self._count("bay_wait")
                raise Abandon("bay_wait")
            waited = True
            self.bay_looks += 1
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
        if waited:
            self.bay_waits += 1
            self.bay_wait_s += time.perf_counter() - started
        return bay

    # -- the flow ------------------------------------------------------------------------
    def flow(self) -> None:
        from dms.billing import settlement as billing
        from dms.models import LabourLine, Vehicle
        from dms.parts import picking
        from dms.workshop import dispatch, estimates, qc
        from dms.workshop.reception import CheckIn, check_in

        u, rng = self.u, self.rng
        adv = u[rng.choice(("advisor1", "advisor2", "advisor3"))]
        vehicle_id = rng.choice(self.vehicles)

        def arrive():
            with self.db.reading() as s:
                mileage = s.get(Vehicle, vehicle_id).mileage or 0
            return check_in(self.db, adv, CheckIn(vehicle_id=vehicle_id,
                                                  mileage=mileage + rng.randint(5, 500),
                                                  fuel_level=4, complaint="常规保养（压力测试）",
                                                  delivered_by_name="车主本人"))

        wo = self.step(arrive, retry_on=("reception.mileage_lower",)).id
        self.wo, self.tech = wo, None
        code, barcode = rng.choice(self.parts)
        self.step(estimates.add_labour, self.db, adv, wo, name="更换机油机滤", trade="maintenance",
                  standard_hours=Decimal("0.5"), billed_hours=Decimal("0.5"), price_class_code="A")
        self.step(estimates.add_part, self.db, adv, wo, code, Decimal("1"))
        self.step(estimates.issue_estimate, self.db, adv, wo)
        self.step(estimates.approve_estimate, self.db, adv, wo, "车主本人", "signature")
        # Pre-picking: the clerk scans the part out (issue only allowed in workshop states).
        self.step(picking.issue_scan, self.db, u["warehouse1"], wo, barcode, received_by="李师傅")
        with self.db.reading() as s:
            line = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))

        def assign_job(tech):  # to a free maintenance bay (another seat may take it first)
            bay = self.free_bay(lambda: dispatch.bay_for(self.db, u["dispatcher1"], line))
            return dispatch.assign_job(self.db, u["dispatcher1"], line, bay, u[tech].id)

        # Dispatch and clock on; a technician busy elsewhere means dispatching someone else,
        # a bay taken meanwhile another bay.
        for attempt in range(RETRIES):
            tech = rng.choice(TECHS)
            self.step(assign_job, tech, retry_on=("dispatch.bay_busy",))
            try:
                self.step(dispatch.clock_on, self.db, u[tech], line)
            except Abandon as exc:
                if str(exc) in ("clock.on_other_job", "dispatch.bay_busy") \
                        and attempt < RETRIES - 1:
                    continue
                raise
            self.tech = tech
            break
        work = rng.uniform(0.0, 0.05)  # the work itself
        self.worked += work
        time.sleep(work)
        self.step(dispatch.clock_off, self.db, u[self.tech], line, done=True)
        self.tech = None
        self.step(dispatch.finish_repair, self.db, u[tech], wo, self_check_ok=True)
        self.step(qc.final_inspection, self.db, u["qc1"], wo, True)
        pre = self.step(billing.presettle, self.db, adv, wo)
        share = pre.customer_share
        cash = (share / 3).quantize(Decimal("0.01"))
        partial = rng.random() < 0.2  # some pay the rest later, before the gate pass
        rest = share - cash
        payments = [billing.PaymentIn("cash", cash)] if cash > 0 else []
        if rest > 0 and not partial:
            payments.append(billing.PaymentIn("wechat", rest, f"WX{wo:010d}"))
        self.step(billing.settle, self.db, u["cashier1"], wo, payments)
        if partial and rest > 0:
            self.step(billing.pay_outstanding, self.db, u["cashier1"], wo,
                      [billing.PaymentIn("alipay", rest, f"ALI{wo:010d}")])
        self.step(billing.issue_gate_pass, self.db, u["cashier1"], wo)
        self.step(billing.deliver, self.db, adv, wo)

    def abandon(self) -> None:
        """Undo what can be undone: clock off, return issued parts, cancel the order."""
        from dms.models import PartLine, WorkOrder
        from dms.parts import picking
        from dms.workshop import cancellation, dispatch

        wo = getattr(self, "wo", None)
        self.abandoned += 1
        if wo is None:
            return
        try:
            if self.tech:
                from dms.models import LabourLine
                with self.db.reading() as s:
                    line = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
                self.step(dispatch.clock_off, self.db, self.u[self.tech], line)
            with self.db.reading() as s:
                state = s.get(WorkOrder, wo).state
                issued = s.execute(select(PartLine.id, PartLine.qty_issued).where(
                    PartLine.work_order_id == wo, PartLine.qty_issued > 0)).all()
            if state in TERMINAL:
                return
            for line_id, qty in issued:
                self.step(picking.return_part, self.db, self.u["warehouse1"], line_id, qty,
                          "压力测试放弃，退回")
            self.step(cancellation.cancel, self.db, self.u["advisor1"], wo, "压力测试放弃")
            self.cancelled += 1
        except Abandon as exc:
            self._count(f"cancel_failed:{exc}")

    def run(self, seconds: float) -> dict:
        cpu = time.process_time()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.wo, self.tech = None, None
            try:
                self.flow()
                self.completed += 1
            except Abandon:
                self.abandon()
            except Exception as exc:  # a bug, not a domain error: count it and go on
                self._count(f"unexpected:{type(exc).__name__}")
                traceback.print_exc()
                self.abandon()
        self.db.dispose()
        return {"completed": self.completed, "abandoned": self.abandoned,
                "cancelled": self.cancelled, "errors": dict(self.errors),
                "retries": self.retries, "waited_s": self.waited, "work_s": self.worked,
                "bay_waits": self.bay_waits, "bay_wait_s": self.bay_wait_s,
                "commands": self.commands, "bay_looks": self.bay_looks,
                "calls_s": dict(self.calls), "cpu_s": time.process_time() - cpu}


def seat_main(url: str, seat_no: int, seconds: float, seed: int, queue, go) -> None:
    try:
        seat = Seat(url, seat_no, seed)
        queue.put(("ready", seat_no))
        go.wait()  # every seat starts together, once all have started up
        queue.put((seat_no, seat.run(seconds)))
    except Exception as exc:
        traceback.print_exc()
        queue.put(("ready", seat_no))
        queue.put((seat_no, {"completed": 0, "abandoned": 0, "cancelled": 0,
                             "errors": {f"seat_crashed:{type(exc).__name__}": 1}}))


# --- the run -----------------------------------------------------------------------------

def run(url: str, seats: int, seconds: float, seed: int = 8) -> dict:
    from contextlib import nullcontext

    from dms.db import Database
    from dms.models import WorkOrder

    db = Database(url)
    prepare(db)
    with db.reading() as s:
        since = s.scalar(select(func.max(WorkOrder.id))) or 0
    ctx = mp.get_context("spawn")
    queue, go = ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=seat_main, args=(url, n, seconds, seed, queue, go), daemon=True)
             for n in range(seats)]
    spawned = time.monotonic()
    for p in procs:
        p.start()
    results, errors, ready = {}, Counter(), set()

    def collect(until: float, done) -> None:
        while not done() and time.monotonic() < until:
            try:
                seat_no, result = queue.get(timeout=1)
            except Exception:
                if not any(p.is_alive() for p in procs) and queue.empty():
                    return
                continue
            if seat_no == "ready":
                ready.add(result)
            else:
                results[seat_no] = result

    # Starting a seat (a Python process importing the services) is not a flow: the clock runs
    # from the moment every seat is ready, so 16 start-ups do not count against 16 seats.
    collect(spawned + 300, lambda: len(ready) == seats)
    startup = time.monotonic() - spawned
    sampler = Sampler(url) if db.backend == "postgresql" else nullcontext()
    with sampler:
        go.set()
        started = time.monotonic()
        collect(started + seconds + 120, lambda: len(results) == seats)
        elapsed = time.monotonic() - started
    for n, p in enumerate(procs):
        # a seat that reported may take a while to exit on a busy machine: not an error
        p.join(timeout=60 if n in results else 5)
        if p.is_alive():
            p.kill()
            errors["seat_killed"] += n not in results
    errors["seat_lost"] += seats - len(results) - errors["seat_killed"]
    completed = abandoned = cancelled = retries = bay_waits = commands = bay_looks = 0
    calls: Counter = Counter()
    waited = worked = client_cpu = bay_wait = 0.0
    for r in results.values():
        client_cpu += r.get("cpu_s", 0.0)
        completed += r["completed"]
        abandoned += r["abandoned"]
        cancelled += r["cancelled"]
        retries += r.get("retries", 0)
        waited += r.get("waited_s", 0.0)
        worked += r.get("work_s", 0.0)
        bay_waits += r.get("bay_waits", 0)
        commands += r.get("commands", 0)
        bay_looks += r.get("bay_looks", 0)
        bay_wait += r.get("bay_wait_s", 0.0)
        calls.update(r.get("calls_s", {}))
        errors.update(r["errors"])
    errors = Counter({k: v for k, v in errors.items() if v > 0})
    violations = check_invariants(db, since)
    backend = db.backend
    db.dispose()
    seat_seconds = max(elapsed * seats, 1e-9)
    return {"backend": backend, "seats": seats, "seconds": seconds,
            "flows_completed": completed,
            "flows_per_minute": round(completed / (elapsed / 60), 1) if elapsed else 0.0,
            "flows_abandoned": abandoned, "orders_cancelled": cancelled,
            "conflicts": sum(v for k, v in errors.items() if k in CONFLICT_KINDS),
            "errors": dict(sorted(errors.items())),
            "unexplained_errors": sum(v for k, v in errors.items() if k not in CONFLICT_KINDS),
            "invariant_violations": violations,
            "startup_s": round(startup, 1), "elapsed_s": round(elapsed, 1), "retries": retries,
            "cars_waiting_for_a_bay": bay_waits,
            # the work a completed flow cost: service calls (attempts, abandoned flows and
            # their cancellations included) and the dispatcher's extra looks for a free bay
            "commands_per_flow": round(commands / max(1, completed), 1),
            "bay_looks_per_flow": round(bay_looks / max(1, completed), 2),
            # where the seats' time went: inside the services, backing off, working on a car,
            # a car waiting for a free bay
            "seat_time": {"in_services": round(sum(calls.values()) / seat_seconds, 3),
                          "backing_off": round(waited / seat_seconds, 3),
                          "working": round(worked / seat_seconds, 3),
                          "waiting_for_a_bay": round(bay_wait / seat_seconds, 3)},
            "service_s_per_flow": {k: round(v / max(1, completed), 4)
                                   for k, v in calls.most_common(8)},
            # CPU per completed flow: the seats' own, and (PostgreSQL on this machine) the
            # server processes serving them -- what the figure means on a shared machine
            "client_cpu_ms_per_flow": round(client_cpu * 1000 / max(1, completed)),
            "server_cpu_ms_per_flow": round(sampler.server_cpu_s() * 1000 / max(1, completed))
            if isinstance(sampler, Sampler) else None,
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "postgresql": sampler.report() if isinstance(sampler, Sampler) else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="SQLAlchemy URL (sqlite:///… or postgresql://…)")
    parser.add_argument("--seats", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--json", help="write the report here")
    args = parser.parse_args(argv)
    report = run(args.url, args.seats, args.seconds, args.seed)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)
    return 1 if report["invariant_violations"] or report["unexplained_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
