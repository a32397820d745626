"""A seat killed with SIGKILL in the middle of a settlement or a picking leaves the database
consistent: the child process starts the transaction, does all its writes, and blocks just
before COMMIT; the parent kills it with -9, then checks the ledger, the invoice sequence and
the payments, and the next action on the order succeeds."""

import multiprocessing as mp
import os
import signal
import sys
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import event, func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import stress  # noqa: E402

from builders import as_user  # noqa: E402
from dms.billing import settlement as billing  # noqa: E402
from dms.models import (Bay, LabourLine, NumberSequence, Part, PartBarcode, PartLine, Payment,  # noqa: E402
                        Settlement, Stock, StockMovement, Vehicle, WorkOrder)
from dms.parts import picking  # noqa: E402
from dms.workshop import dispatch, estimates, qc  # noqa: E402
from dms.workshop.reception import CheckIn, check_in  # noqa: E402

PART = "26300-35505"  # oil filter, well stocked in the demo


def _child(url, action, wo, barcode, ready):
    """Runs in a spawned process: the action's transaction blocks before its COMMIT."""
    from sqlalchemy.orm import Session

    from dms.db import Database

    db = Database(url)

    @event.listens_for(Session, "before_commit")
    def hang(session):
        session.flush()  # everything written, nothing committed
        ready.set()
        time.sleep(600)

    if action == "settle":
        share = billing_share(db, wo)
        cash = (share / 2).quantize(Decimal("0.01"))
        billing.settle(db, as_user(db, "cashier1"), wo, [
            billing.PaymentIn("cash", cash), billing.PaymentIn("wechat", share - cash, "WX1")])
    else:
        picking.issue_scan(db, as_user(db, "warehouse1"), wo, barcode, received_by="李师傅")


def billing_share(db, wo):
    with db.reading() as s:
        return s.scalar(select(Settlement.customer_share).where(Settlement.work_order_id == wo))


def _order(db, until):
    """A car taken through the flow with the services, up to `until`."""
    u = {n: as_user(db, n) for n in ("advisor1", "dispatcher1", "tech1", "qc1", "warehouse1")}
    with db.reading() as s:
        v = s.scalars(select(Vehicle).order_by(Vehicle.id).limit(1)).one()
        barcode = s.scalar(select(PartBarcode.barcode).join(Part).where(Part.code == PART))
    wo = check_in(db, u["advisor1"], CheckIn(vehicle_id=v.id, mileage=(v.mileage or 0) + 100,
                                             fuel_level=4, complaint="保养")).id
    estimates.add_labour(db, u["advisor1"], wo, name="更换机油机滤", trade="maintenance",
                         standard_hours=Decimal("0.5"), billed_hours=Decimal("0.5"),
                         price_class_code="A")
    estimates.add_part(db, u["advisor1"], wo, PART, Decimal("1"))
    estimates.issue_estimate(db, u["advisor1"], wo)
    estimates.approve_estimate(db, u["advisor1"], wo, "车主本人", "signature")
    if until == "authorized":
        return wo, barcode
    picking.issue_scan(db, u["warehouse1"], wo, barcode, received_by="李师傅")
    with db.reading() as s:
        line = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
    with db.reading() as s:
        bay = s.scalar(select(Bay.id).where(Bay.kind == "maintenance").limit(1))
    dispatch.assign_job(db, u["dispatcher1"], line, bay, u["tech1"].id)
    dispatch.clock_on(db, u["tech1"], line)
    dispatch.clock_off(db, u["tech1"], line, done=True)
    dispatch.finish_repair(db, u["tech1"], wo, self_check_ok=True)
    qc.final_inspection(db, u["qc1"], wo, True)
    billing.presettle(db, u["advisor1"], wo)
    return wo, barcode


def _kill_mid_transaction(db, action, wo, barcode):
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    child = ctx.Process(target=_child, args=(db.url, action, wo, barcode, ready))
    child.start()
    try:
        assert ready.wait(120), "the child never reached its commit"
        os.kill(child.pid, signal.SIGKILL)
        child.join(30)
        assert child.exitcode == -signal.SIGKILL
    finally:
        if child.is_alive():
            child.kill()
    db.engine.dispose()  # no pooled connection from before the kill


def _invoices(db):
    with db.reading() as s:
        return (s.scalars(select(Settlement.invoice_no).where(Settlement.invoice_no.is_not(None))).all(),
                s.scalar(select(NumberSequence.last_value).where(NumberSequence.kind == "invoice")) or 0)


def test_killed_during_settlement(demo_db):
    db = demo_db
    wo, _ = _order(db, "presettled")
    before = _invoices(db)
    _kill_mid_transaction(db, "settle", wo, None)

    assert stress.check_invariants(db) == []
    assert _invoices(db) == before  # no number burnt, no gap
    with db.reading() as s:
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == wo)).one()
        assert s.scalar(select(func.count(Payment.id)).where(Payment.settlement_id == st.id)) == 0
        assert (st.state, st.received, st.invoice_no) == ("presettled", Decimal("0.00"), None)
        assert s.get(WorkOrder, wo).state == "PRESETTLED"

    result = billing.settle(db, as_user(db, "cashier1"), wo,
                            [billing.PaymentIn("cash", billing_share(db, wo))])
    assert result.outstanding == 0
    invoices, last = _invoices(db)
    assert last == before[1] + 1 and result.invoice_no.endswith(f"{last:06d}")
    assert stress.check_invariants(db) == []


def test_killed_during_picking(demo_db):
    db = demo_db
    wo, barcode = _order(db, "authorized")
    with db.reading() as s:
        part_id = s.scalar(select(Part.id).where(Part.code == PART))
        shelf = s.execute(select(Stock.on_hand, Stock.reserved).where(Stock.part_id == part_id)).one()
    _kill_mid_transaction(db, "issue", wo, barcode)

    assert stress.check_invariants(db) == []
    with db.reading() as s:
        assert s.execute(select(Stock.on_hand, Stock.reserved)
                         .where(Stock.part_id == part_id)).one() == shelf
        assert s.scalar(select(func.count(StockMovement.id)).where(
            StockMovement.work_order_id == wo)) == 0
        assert s.scalar(select(PartLine.qty_issued).where(PartLine.work_order_id == wo)) == 0

    picking.issue_scan(db, as_user(db, "warehouse1"), wo, barcode, received_by="李师傅")
    with db.reading() as s:
        assert s.execute(select(Stock.on_hand, Stock.reserved).where(Stock.part_id == part_id)
                         ).one() == (shelf[0] - 1, shelf[1] - 1)
    assert stress.check_invariants(db) == []
