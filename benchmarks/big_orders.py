"""Open work orders of 30 lines for the estimate editor's screens (`ui_screens.py`: opening
one, adding a line), made through the services an advisor's desk uses: a check-in, then 15
jobs from the catalogue and 15 parts with stock, one command each. Write to a copy of a
benchmark database, never to the shared one.

    .venv/bin/python benchmarks/big_orders.py --url sqlite:////tmp/copy.sqlite3 [--orders 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from dms.auth import authenticate  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.migrate import upgrade  # noqa: E402
from dms.models import LabourOperation, Part, Stock, Vehicle, WorkOrder  # noqa: E402
from dms.workshop import estimates  # noqa: E402
from dms.workshop.reception import CheckIn, check_in  # noqa: E402

JOBS = PARTS = 15


def thirty_line_orders(db: Database, user, n: int) -> list[int]:
    """`n` RECEIVED orders of 15 jobs and 15 parts, on cars with no open order."""
    with db.reading() as s:
        ops = s.scalars(select(LabourOperation.code).where(
            LabourOperation.store_id == user.store_id).order_by(LabourOperation.code)
            .limit(JOBS)).all()
        parts = s.scalars(select(Part.code).join(Stock, Stock.part_id == Part.id)
                          .where(Part.store_id == user.store_id, Part.active,
                                 Stock.on_hand - Stock.reserved >= 2)
                          .order_by(Part.id).limit(PARTS)).all()
        busy = select(WorkOrder.vehicle_id).where(WorkOrder.state.not_in(
            ("SETTLED", "DELIVERED", "CLOSED", "CANCELLED")))
        cars = s.execute(select(Vehicle.id, Vehicle.mileage).where(
            Vehicle.store_id == user.store_id, Vehicle.id.not_in(busy))
            .order_by(Vehicle.id.desc()).limit(n)).all()
    if len(ops) < JOBS or len(parts) < PARTS:
        raise SystemExit("big_orders.py: the store has too few labour operations or parts")
    made = []
    for vehicle_id, mileage in cars:
        wo = check_in(db, user, CheckIn(vehicle_id=vehicle_id, mileage=(mileage or 0) + 500,
                                        fuel_level=4, complaint="全车检查：保养、刹车、空调、底盘",
                                        business_type="repair")).id
        for code in ops:
            estimates.add_labour(db, user, wo, code)
        for code in parts:
            estimates.add_part(db, user, wo, code, 1)
        made.append(wo)
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--orders", type=int, default=5)
    ap.add_argument("--user", default="advisor1")
    ap.add_argument("--password", default="demo123")
    args = ap.parse_args(argv)
    db = Database(args.url)
    upgrade(db.engine)
    made = thirty_line_orders(db, authenticate(db, args.user, args.password), args.orders)
    print(f"30-line orders: {made}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
