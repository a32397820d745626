"""Whole-lifecycle paths where modules meet (DESIGN §2): nothing reaches READY with a question
open, what an order holds is released, parts-only orders, a reopened order delivered again."""

from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.billing import settlement as billing
from dms.billing.settlement import PaymentIn
from dms.errors import ValidationError
from dms.models import (LabourLine, MaintenancePlanItem, Part, PartLine, PurchaseNeed, Stock,
                        WorkOrder)
from dms.parts import picking
from dms.workshop import added_work, cancellation, dispatch, qc
from dms.workshop import estimates as est
from dms.workshop.completion import complete_parts_order

from builders import FIXED, OIL_FILTER, SHARE, login, make_ready, received_order


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: FIXED)


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "warehouse1", "dispatcher1", "tech1",
                                           "qc1", "cashier1", "admin")}


def reserved(db, code=OIL_FILTER):
    with db.reading() as s:
        return sum(s.scalars(select(Stock.reserved).join(Part, Part.id == Stock.part_id)
                             .where(Part.code == code)), D(0))


def state(db, wo):
    with db.reading() as s:
        return s.get(WorkOrder, wo).state


def repaired(db, users, wo):
    """Jobs dispatched, clocked and done, the car in QC; parts left as they are."""
    with db.reading() as s:
        jobs = s.scalars(select(LabourLine.id).where(LabourLine.work_order_id == wo,
                                                     LabourLine.approval == "approved")).all()
    tech, disp = users["tech1"], users["dispatcher1"]
    for job in jobs:
        dispatch.assign_job(db, disp, job, dispatch.bay_for(db, disp, job), tech.id)
        dispatch.clock_on(db, tech, job)
        dispatch.clock_off(db, tech, job, done=True)
    dispatch.finish_repair(db, tech, wo, self_check_ok=True)


def authorized(db, adv, parts=((OIL_FILTER, 2),), labour=True):
    wo = received_order(db, adv, tier=None)
    if labour:
        est.add_labour(db, adv, wo, "JX01")
    for code, qty in parts:
        est.add_part(db, adv, wo, code, qty)
    est.issue_estimate(db, adv, wo)
    est.approve_estimate(db, adv, wo, "王先生", "signature")
    return wo


def test_a_reserved_part_never_issued_is_released_not_billed(demo_db, users):
    before = reserved(demo_db)
    wo = authorized(demo_db, users["advisor1"])
    assert reserved(demo_db) == before + 2
    repaired(demo_db, users, wo)
    with pytest.raises(ValidationError) as err:  # the part is still held for the car
        qc.final_inspection(demo_db, users["qc1"], wo, passed=True)
    assert err.value.code == "ready.parts_open" and state(demo_db, wo) == "QC"
    with demo_db.reading() as s:
        line_id = s.scalar(select(PartLine.id).where(PartLine.work_order_id == wo))
    with pytest.raises(ValidationError):
        picking.release_part(demo_db, users["warehouse1"], line_id, " ")
    released = picking.release_part(demo_db, users["warehouse1"], line_id, "车上不需要")
    assert released.state == "released" and reserved(demo_db) == before
    qc.final_inspection(demo_db, users["qc1"], wo, passed=True)
    result = billing.presettle(demo_db, users["advisor1"], wo)
    with demo_db.reading() as s:
        labour = s.scalars(select(LabourLine.net).where(LabourLine.work_order_id == wo)).all()
    assert result.customer_share == sum(labour, D("0.00"))  # the part is not billed


def test_a_partly_issued_line_is_cut_to_what_was_issued(demo_db, users):
    before = reserved(demo_db)
    wo = authorized(demo_db, users["advisor1"], parts=((OIL_FILTER, 3),))
    with demo_db.reading() as s:
        line_id = s.scalar(select(PartLine.id).where(PartLine.work_order_id == wo))
        code = s.scalar(select(Part.code).join(PartLine).where(PartLine.id == line_id))
    scan = picking.picking_list(demo_db, users["warehouse1"], wo).lines[0].barcodes[0]
    picking.issue_scan(demo_db, users["warehouse1"], wo, scan, 1, received_by="李师傅")
    result = picking.release_part(demo_db, users["advisor1"], line_id, "只换了一个")
    assert (result.state, result.qty_issued) == ("issued", D(1)) and reserved(demo_db) == before
    with demo_db.reading() as s:
        line = s.get(PartLine, line_id)
        assert line.qty == 1 and line.amount == line.unit_price and code == OIL_FILTER
    with pytest.raises(ValidationError) as err:
        picking.release_part(demo_db, users["warehouse1"], line_id, "再释放")
    assert err.value.code == "picking.nothing_to_release"


def test_unanswered_added_work_keeps_the_car_from_qc(demo_db, users):
    adv, tech = users["advisor1"], users["tech1"]
    wo = authorized(demo_db, adv, parts=())
    with demo_db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
    disp = users["dispatcher1"]
    dispatch.assign_job(demo_db, disp, job, dispatch.bay_for(demo_db, disp, job), tech.id)
    dispatch.clock_on(demo_db, tech, job)
    dispatch.pause(demo_db, tech, wo, "waiting_parts")
    added_work.propose_added_work(demo_db, tech, wo, "后刹车片磨损", "JX02")
    dispatch.resume(demo_db, adv, wo)
    dispatch.clock_on(demo_db, tech, job)
    dispatch.clock_off(demo_db, tech, job, done=True)
    with pytest.raises(ValidationError) as err:
        dispatch.finish_repair(demo_db, tech, wo, self_check_ok=True)
    assert err.value.code == "ready.added_work_open" and state(demo_db, wo) == "IN_REPAIR"
    with demo_db.reading() as s:
        new = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo,
                                                   LabourLine.added_work.is_(True)))
    added_work.price_added_work(demo_db, adv, wo, [added_work.AddedWorkPrice("labour", new)])
    added_work.approve_added_work(demo_db, adv, wo, "王先生", "phone", approve=False)
    dispatch.finish_repair(demo_db, tech, wo, self_check_ok=True)
    assert state(demo_db, wo) == "QC"


def test_a_parts_only_order_goes_from_authorized_to_delivered(demo_db, users):
    adv, cashier = users["advisor1"], users["cashier1"]
    before = reserved(demo_db)
    wo = authorized(demo_db, adv, labour=False)
    with pytest.raises(ValidationError) as err:
        complete_parts_order(demo_db, adv, wo)
    assert err.value.code == "ready.parts_open" and state(demo_db, wo) == "AUTHORIZED"
    scan = picking.picking_list(demo_db, users["warehouse1"], wo).lines[0].barcodes[0]
    picking.issue_scan(demo_db, users["warehouse1"], wo, scan, 2, received_by="王先生")
    assert complete_parts_order(demo_db, adv, wo).state == "READY"
    share = billing.presettle(demo_db, adv, wo).customer_share
    with demo_db.reading() as s:
        assert share == s.scalar(select(PartLine.net).where(PartLine.work_order_id == wo)) > 0
    billing.settle(demo_db, cashier, wo, [PaymentIn("cash", share)])
    billing.issue_gate_pass(demo_db, cashier, wo)
    assert billing.deliver(demo_db, adv, wo).changed.state == "DELIVERED"
    assert reserved(demo_db) == before


def test_an_order_with_jobs_takes_the_workshop_path(demo_db, users):
    wo = authorized(demo_db, users["advisor1"], parts=())
    with pytest.raises(ValidationError) as err:
        complete_parts_order(demo_db, users["advisor1"], wo)
    assert err.value.code == "ready.has_jobs"


def test_a_part_out_of_stock_released_lets_its_purchase_need_lapse(demo_db, users):
    wo = authorized(demo_db, users["advisor1"], parts=(("0986351980", 1),))  # none on hand
    with demo_db.reading() as s:
        line_id = s.scalar(select(PartLine.id).where(PartLine.work_order_id == wo))
        assert s.scalars(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)
                         ).all() == ["open"]
    picking.release_part(demo_db, users["warehouse1"], line_id, "客户自带配件")
    with demo_db.reading() as s:
        assert s.scalars(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)
                         ).all() == ["cancelled"]
        assert s.get(PartLine, line_id).state == "released"


def test_a_reopened_maintenance_order_is_delivered_again(demo_db, users):
    adv, cashier, manager = users["advisor1"], users["cashier1"], users["admin"]
    order_id = make_ready(demo_db)
    billing.presettle(demo_db, adv, order_id)
    billing.settle(demo_db, cashier, order_id, [PaymentIn("cash", SHARE)])
    billing.issue_gate_pass(demo_db, cashier, order_id)
    billing.deliver(demo_db, adv, order_id)
    billing.reopen(demo_db, manager, order_id, "发票抬头开错")
    billing.presettle(demo_db, adv, order_id)
    billing.settle(demo_db, cashier, order_id, [])
    assert billing.deliver(demo_db, adv, order_id).changed.state == "DELIVERED"
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(MaintenancePlanItem).where(
            MaintenancePlanItem.work_order_id == order_id)) == 1


def test_cancel_releases_the_reservations_and_clocks_the_technician_off(demo_db, users):
    before = reserved(demo_db)
    wo = authorized(demo_db, users["advisor1"])
    tech = users["tech1"]
    with demo_db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
    disp = users["dispatcher1"]
    dispatch.assign_job(demo_db, disp, job, dispatch.bay_for(demo_db, disp, job), tech.id)
    dispatch.clock_on(demo_db, tech, job)
    assert cancellation.cancel(demo_db, users["advisor1"], wo, "客户不修了").state == "CANCELLED"
    assert reserved(demo_db) == before
    with demo_db.reading() as s:
        assert dispatch.open_clocks(s, technician_id=tech.id) == []


def test_a_free_part_is_billed_at_zero(demo_db, users):
    with demo_db.transaction() as s:  # the catalogue gives this part away (a goodwill item)
        s.scalars(select(Part).where(Part.code == OIL_FILTER)).one().sale_price = D(0)
    adv = users["advisor1"]
    wo = authorized(demo_db, adv, parts=((OIL_FILTER, 1),), labour=False)
    scan = picking.picking_list(demo_db, users["warehouse1"], wo).lines[0].barcodes[0]
    picking.issue_scan(demo_db, users["warehouse1"], wo, scan, 1, received_by="王先生")
    complete_parts_order(demo_db, adv, wo)
    result = billing.presettle(demo_db, adv, wo)
    assert (result.total, result.customer_share) == (D("0.00"), D("0.00"))
    assert billing.settle(demo_db, users["cashier1"], wo, []).changed.state == "SETTLED"


def test_delivery_releases_what_the_order_still_holds_and_lets_its_needs_lapse(demo_db, users):
    """The safety net at delivery: a hold left on a line and an open purchase need (put there
    behind the services' back) are let go; delivery reads whether there are any with the
    order, and looks for them only then."""
    from dms.models import Reservation
    from dms.parts import stock

    adv, cashier = users["advisor1"], users["cashier1"]
    wo = authorized(demo_db, adv, labour=False)
    scan = picking.picking_list(demo_db, users["warehouse1"], wo).lines[0].barcodes[0]
    picking.issue_scan(demo_db, users["warehouse1"], wo, scan, 2, received_by="王先生")
    complete_parts_order(demo_db, adv, wo)
    share = billing.presettle(demo_db, adv, wo).customer_share
    billing.settle(demo_db, cashier, wo, [PaymentIn("cash", share)])
    billing.issue_gate_pass(demo_db, cashier, wo)
    before = reserved(demo_db)
    with demo_db.transaction() as s:
        line = s.scalar(select(PartLine).where(PartLine.work_order_id == wo))
        row = s.scalars(select(Stock).where(Stock.part_id == line.part_id)
                        .order_by((Stock.on_hand - Stock.reserved).desc())).first()
        assert stock.reserve(s, line.part_id, row.warehouse_id, D(1)) == D(1)
        s.add(Reservation(part_id=line.part_id, warehouse_id=row.warehouse_id, qty=D(1),
                          part_line_id=line.id))
        s.add(PurchaseNeed(store_id=adv.store_id, part_id=line.part_id, qty=D(3),
                           work_order_id=wo, status="open", created_at=FIXED))
    assert reserved(demo_db) == before + 1
    assert billing.deliver(demo_db, adv, wo).changed.state == "DELIVERED"
    assert reserved(demo_db) == before
    with demo_db.reading() as s:
        assert s.scalars(select(Reservation.status).join(PartLine).where(
            PartLine.work_order_id == wo).order_by(Reservation.id)).all()[-1] == "released"
        assert s.scalars(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)
                         ).all() == ["cancelled"]
