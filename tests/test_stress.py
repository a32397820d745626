"""The stress harness (benchmarks/stress.py): a short run completes flows with every invariant
holding, on SQLite and (with DMS_TEST_PG_URL) PostgreSQL; the checker catches a planted fault."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import stress  # noqa: E402


def _run(url, tmp_path):
    out = tmp_path / "report.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "stress.py"), "--url", url,
                           "--seats", "3", "--seconds", "8", "--json", str(out)],
                          capture_output=True, text=True, timeout=400)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 0, (report["invariant_violations"], proc.stderr[-3000:])
    assert report["invariant_violations"] == []
    assert report["seats"] == 3 and report["flows_completed"] > 0
    assert report["unexplained_errors"] == 0, report["errors"]
    return report


def test_short_run_on_sqlite(tmp_path):
    report = _run(f"sqlite:///{tmp_path / 'stress.db'}", tmp_path)
    assert report["backend"] == "sqlite"


def test_short_run_on_postgresql(pg_server, tmp_path):
    report = _run(pg_server.url_for(pg_server.create()), tmp_path)
    assert report["backend"] == "postgresql"


def test_checker_holds_on_the_demo(demo_orders_db):
    assert stress.check_invariants(demo_orders_db) == []


def test_checker_catches_planted_violations(demo_db):
    from dms import clock
    from builders import as_user
    from dms.models import Stock, StockMovement

    db = demo_db
    assert stress.check_invariants(db) == []
    with db.transaction() as s:  # a movement that bypassed the stock row
        row = s.scalars(select(Stock).where(Stock.on_hand > 0).order_by(Stock.id).limit(1)).one()
        store = as_user(db, "warehouse1")
        s.add(StockMovement(store_id=store.store_id, part_id=row.part_id,
                            warehouse_id=row.warehouse_id, kind="adjustment", qty=Decimal("-1"),
                            at=clock.now(), user_id=store.id))
    [found] = stress.check_invariants(db)
    assert f"part {row.part_id} warehouse {row.warehouse_id}" in found and "movements sum" in found


def test_checker_catches_state_without_audit_and_open_orders(demo_db):
    from builders import as_user
    from dms.models import Vehicle, WorkOrder
    from dms.workshop.reception import CheckIn, check_in

    adv = as_user(demo_db, "advisor1")
    with demo_db.reading() as s:
        v = s.scalars(select(Vehicle).order_by(Vehicle.id).limit(1)).one()
    wo = check_in(demo_db, adv, CheckIn(vehicle_id=v.id, mileage=(v.mileage or 0) + 10,
                                        fuel_level=4, complaint="test")).id
    assert stress.check_invariants(demo_db) == []
    assert any("left open in state RECEIVED" in x for x in stress.check_invariants(demo_db, 0))
    with demo_db.transaction() as s:  # a state change behind the audit log's back
        s.get(WorkOrder, wo).state = "IN_REPAIR"
    found = stress.check_invariants(demo_db, 0)
    assert any("last audit entry says RECEIVED" in x for x in found)
    assert any("left IN_REPAIR with no one clocked on" in x for x in found)
