"""Give a generated database something for the parts counter to pick (issue #17).

    python benchmarks/picking_workload.py --url URL [--orders 30] [--lines 6] [--burst 50]

The generator's open orders carry part lines that hold no stock, so the counter's scan
benchmarks (`ui.py` as warehouse1: counter_order, counter_scan, the scan burst) would find
nothing to issue. This checks in `--orders` cars as advisor1 through the services the front desk
uses (check-in, a job, `--lines` parts of one unit each from the shelf, estimate, the customer's
approval: the parts are reserved), promised before every other open order so they head the
picking queue; and one more order holding `--burst` units over six lines for the burst. Run it
on a copy (`cp large.sqlite3 /tmp/x.sqlite3`): it writes.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from dms import clock  # noqa: E402
from dms.auth import authenticate  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.errors import DomainError  # noqa: E402
from dms.models import Part, PartBarcode, Stock, Vehicle, WorkOrder  # noqa: E402
from dms.workshop import estimates as est  # noqa: E402
from dms.workshop.reception import CheckIn, check_in  # noqa: E402
from dms.workshop.states import OPEN_STATES  # noqa: E402

JOB = "JX01"  # a labour operation of the demo catalogue


def shelf_parts(db, store_id: int, free: int, n: int) -> list[str]:
    """Codes of parts with a barcode and at least `free` units not reserved in one warehouse
    (compared here: the columns hold scaled integers, a bound number is not scaled)."""
    with db.reading() as s:
        rows = s.execute(select(Part.code, Stock.on_hand, Stock.reserved)
                         .join(Stock, Stock.part_id == Part.id)
                         .where(Part.store_id == store_id,
                                Part.id.in_(select(PartBarcode.part_id)))
                         .order_by(Part.id).limit(5000))
        return list(dict.fromkeys(code for code, on_hand, reserved in rows
                                  if on_hand - reserved >= free))[:n]


def free_vehicles(db, store_id: int, n: int) -> list[tuple[int, int]]:
    """(id, mileage) of vehicles without an open order."""
    with db.reading() as s:
        busy = select(WorkOrder.vehicle_id).where(WorkOrder.state.in_(OPEN_STATES))
        return list(s.execute(select(Vehicle.id, Vehicle.mileage)
                              .where(Vehicle.store_id == store_id, Vehicle.id.not_in(busy))
                              .order_by(Vehicle.id).limit(n)).all())


def approved_order(db, advisor, vehicle, promised, parts: list[tuple[str, Decimal]]) -> str:
    vehicle_id, mileage = vehicle
    wo = check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=(mileage or 0) + 100,
                                       fuel_level=4, complaint="保养", promised_at=promised)).id
    est.add_labour(db, advisor, wo, JOB)
    for code, qty in parts:
        est.add_part(db, advisor, wo, code, qty)
    est.issue_estimate(db, advisor, wo)
    est.approve_estimate(db, advisor, wo, "车主", "signature")
    with db.reading() as s:
        return s.get(WorkOrder, wo).number


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--orders", type=int, default=30)
    ap.add_argument("--lines", type=int, default=6)
    ap.add_argument("--burst", type=int, default=50, help="units of the burst order (0: none)")
    args = ap.parse_args(argv)
    db = Database(args.url)
    advisor = authenticate(db, "advisor1", "demo123")
    per_line = -(-args.burst // 6) if args.burst else 0
    codes = shelf_parts(db, advisor.store_id, per_line + args.orders, max(6, args.lines))
    if len(codes) < args.lines:
        raise SystemExit("picking_workload.py: not enough parts on the shelves")
    vehicles = iter(free_vehicles(db, advisor.store_id, args.orders + 1))
    # Promised before every open order, so the orders head the picking queue.
    first = clock.now() - timedelta(days=400)
    started, made = time.perf_counter(), []
    for n in range(args.orders):
        parts = [(c, Decimal(1)) for c in itertools.islice(itertools.cycle(codes), n,
                                                             n + args.lines)]
        try:
            made.append(approved_order(db, advisor, next(vehicles),
                                       first + timedelta(minutes=n), parts))
        except DomainError as error:
            raise SystemExit(f"picking_workload.py: {error}") from error
    if args.burst:
        burst = approved_order(db, advisor, next(vehicles), first - timedelta(minutes=1),
                               [(c, Decimal(per_line)) for c in codes[:6]])
        print(f"burst order {burst}: {per_line * min(6, len(codes))} units on 6 lines")
    print(f"{len(made)} orders with {args.lines} reserved lines each in "
          f"{time.perf_counter() - started:.1f} s: {made[0]} … {made[-1]}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
