"""One car through the 12 steps on SQLite and PostgreSQL, with parts picked by scan and an
unused one returned, a QC failure and rework, an added-work approval, a split payment, a
follow-up and a complaint; state, amounts, stock and the audit trail are checked at every step."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from dms import clock
from dms.auth import authenticate
from dms.billing import settlement as billing
from dms.crm import followup
from dms.models import (AuditLog, Bay, Customer, LabourLine, Membership, MembershipTier, Part,
                        PartBarcode, PartLine, Recommendation, Settlement, Stock, Vehicle,
                        WorkOrder)
from dms.parts import picking, stock
from dms.workshop import added_work, appointments, board, dispatch, estimates, qc
from dms.workshop.reception import CheckIn, vehicle_history

FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}  # what a Chinese IME makes of ASCII
START = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)  # Monday 09:00 in Beijing


class Clock:
    def __init__(self):
        self.at = START

    def __call__(self):
        return self.at

    def advance(self, **delta):
        self.at += timedelta(**delta)


@pytest.fixture
def time(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(clock, "now", fake)
    return fake


@pytest.fixture
def staff(demo_db):
    names = ("advisor1", "dispatcher1", "tech1", "tech2", "tech3", "qc1", "cashier1", "care1")
    return {n: authenticate(demo_db, n, "demo123") for n in names}


def _platinum_vehicle(db):
    """Step 1, the file: a platinum member's vehicle (5 % labour, 3 % material discount)."""
    with db.reading() as s:
        return s.execute(
            select(Vehicle.id, Vehicle.mileage, Customer.id).join(Customer)
            .join(Membership, Membership.customer_id == Customer.id)
            .join(MembershipTier).where(MembershipTier.code == "platinum",
                                        Membership.status == "active")
            .order_by(Vehicle.id).limit(1)).one()


def _state(db, wo_id):
    with db.reading() as s:
        return s.get(WorkOrder, wo_id).state


def _stock(db, *codes):
    """(on hand, reserved) of each part, and whether its ledger explains the on-hand."""
    with db.reading() as s:
        rows = s.execute(select(Stock, Part.code).join(Part, Part.id == Stock.part_id)
                         .where(Part.code.in_(codes))).all()
        for row, _ in rows:
            assert stock.ledger_balance(s, row.part_id, row.warehouse_id)[0] == row.on_hand
        return {code: (row.on_hand, row.reserved) for row, code in rows}


def _part_lines(db, wo_id):
    with db.reading() as s:
        return {code: (line.qty, line.qty_issued, line.state) for line, code in s.execute(
            select(PartLine, Part.code).join(Part, Part.id == PartLine.part_id)
            .where(PartLine.work_order_id == wo_id))}


def _trail(db, wo_id):
    with db.reading() as s:
        return [(a.action, a.to_state) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "work_order", AuditLog.entity_id == wo_id)
            .order_by(AuditLog.id))]


def test_a_car_through_all_twelve_steps(demo_db, staff, time):
    db, adv = demo_db, staff["advisor1"]
    vehicle_id, mileage, customer_id = _platinum_vehicle(db)

    # 2. Appointment for tomorrow 10:00, reminded today.
    booking = appointments.book(db, adv, appointments.Booking(
        vehicle_id=vehicle_id, channel="phone", requested_work="常规保养，刹车异响",
        booked_for=START + timedelta(days=1, hours=1), planned_hours=Decimal("2")))
    [reminder] = appointments.reminders_for(db, adv)
    appointments.mark_reminded(db, adv, reminder.appointment_id, "phone", "确认到店")

    # 3. Reception next day.
    time.advance(days=1, hours=1)
    order = appointments.arrive(db, adv, booking.changed.id, CheckIn(
        vehicle_id=vehicle_id, mileage=mileage + 5000, fuel_level=4, complaint="刹车时有异响",
        delivered_by_name="车主本人", documents_kept="行驶证", promised_at=START + timedelta(days=1, hours=8)))
    wo = order.id
    assert order.state == "RECEIVED"

    # 4. Estimate: oil service (catalogue), a brake job, parts, a fee; the wiper is declined.
    #    The parts are reserved as they are added (step 6's pre-picking starts here).
    FILTER, OIL = "26300-35505", "05100-00451"  # oil filter; 4 L bottles of engine oil
    shelf = _stock(db, FILTER, OIL)
    estimates.add_labour(db, adv, wo, name="更换机油机滤", trade="maintenance",
                         standard_hours=Decimal("0.5"), billed_hours=Decimal("0.5"), price_class_code="A")
    estimates.add_labour(db, adv, wo, name="检查刹车系统", trade="mechanical",
                         standard_hours=Decimal("1.0"), billed_hours=Decimal("1.0"), price_class_code="A")
    estimates.add_part(db, adv, wo, FILTER, Decimal("1"))
    estimates.add_part(db, adv, wo, OIL, Decimal("2"))
    assert _stock(db, FILTER, OIL) == {FILTER: (shelf[FILTER][0], shelf[FILTER][1] + 1),
                                       OIL: (shelf[OIL][0], shelf[OIL][1] + 2)}
    estimates.add_labour(db, adv, wo, name="更换雨刮片", trade="maintenance",
                         standard_hours=Decimal("0.2"), billed_hours=Decimal("0.2"), price_class_code="A")
    estimates.add_fee(db, adv, wo, "auxiliary", Decimal("20.00"))
    with db.reading() as s:
        oil, brake, wiper = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo)
                                      .order_by(LabourLine.seq)).all()
    # 0.5 h × 180 = 90.00, 5 % member discount 4.50 → 85.50; 1.0 h × 180 = 180.00 − 9.00 = 171.00
    assert (oil.amount, oil.discount, oil.net) == (Decimal("90.00"), Decimal("4.50"), Decimal("85.50"))
    assert brake.net == Decimal("171.00")
    first = estimates.issue_estimate(db, adv, wo)
    assert first.version == 1 and _state(db, wo) == "ESTIMATED"
    approval = estimates.approve_estimate(db, adv, wo, "车主本人", "signature",
                                          declined_line_ids={"labour": [wiper.id]})
    assert approval.changed.state == "AUTHORIZED" and len(approval.recommendation_ids) == 1
    assert [r.description for r in vehicle_history(db, adv, vehicle_id).recommendations]

    # 6. Pre-picking: the clerk scans the parts out before repair (the scanner's IME leaves
    #    the filter's barcode full-width), one bottle of oil at a time.
    clerk = authenticate(db, "warehouse1", "demo123")
    listing = picking.picking_list(db, clerk, wo)
    assert {(x.code, x.reserved, x.to_pick) for x in listing.lines} == {
        (FILTER, Decimal("1"), Decimal("1")), (OIL, Decimal("2"), Decimal("2"))}
    with db.reading() as s:
        codes = dict(s.execute(select(Part.code, PartBarcode.barcode).join(PartBarcode)
                               .where(Part.code.in_((FILTER, OIL)))).all())
    picking.issue_scan(db, clerk, wo, codes[FILTER].translate(FULL_WIDTH), received_by="李师傅")
    for _ in range(2):
        picking.issue_scan(db, clerk, wo, codes[OIL], received_by="李师傅")
    assert _part_lines(db, wo) == {FILTER: (Decimal("1"), Decimal("1"), "issued"),
                                   OIL: (Decimal("2"), Decimal("2"), "issued")}
    assert _stock(db, FILTER, OIL) == {FILTER: (shelf[FILTER][0] - 1, shelf[FILTER][1]),
                                       OIL: (shelf[OIL][0] - 2, shelf[OIL][1])}
    assert all(x.to_pick == 0 for x in picking.picking_list(db, clerk, wo).lines)

    # 7. Dispatch and repair, with added work found on the way.
    with db.reading() as s:
        bays = {b.kind: b.id for b in s.scalars(select(Bay))}
    tech1, tech2 = staff["tech1"], staff["tech2"]
    dispatch.assign_job(db, staff["dispatcher1"], oil.id, bays["maintenance"], tech2.id)
    dispatch.assign_job(db, staff["dispatcher1"], brake.id, bays["mechanical"], tech1.id)
    assert _state(db, wo) == "DISPATCHED"
    assert {j.labour_line_id for j in board.job_board(db, staff["dispatcher1"])} >= {oil.id, brake.id}
    time.advance(minutes=10)
    dispatch.clock_on(db, tech2, oil.id)
    dispatch.clock_on(db, tech1, brake.id)
    assert _state(db, wo) == "IN_REPAIR"
    time.advance(minutes=30)
    dispatch.clock_off(db, tech2, oil.id, done=True)
    # The engine took one bottle: the unopened one goes back to the counter.
    oil_line = next(x.part_line_id for x in listing.lines if x.code == OIL)
    picking.return_part(db, clerk, oil_line, Decimal("1"), "未开封，退回")
    assert _part_lines(db, wo)[OIL] == (Decimal("1"), Decimal("1"), "issued")
    assert _stock(db, OIL)[OIL] == (shelf[OIL][0] - 1, shelf[OIL][1])
    added_work.propose_added_work(db, tech1, wo, "前刹车片磨损到限，建议更换", part_codes=())
    assert _state(db, wo) == "PAUSED"
    with db.reading() as s:
        added = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo,
                                                   LabourLine.added_work)).one()
    added_work.price_added_work(db, adv, wo, [added_work.AddedWorkPrice(
        "labour", added.id, billed_hours=Decimal("0.8"), price_class_code="A")])
    added_work.approve_added_work(db, adv, wo, "车主本人", "phone", approve=True)
    assert _state(db, wo) == "IN_REPAIR"
    dispatch.assign_job(db, staff["dispatcher1"], added.id, bays["mechanical"], tech1.id)
    dispatch.clock_on(db, tech1, brake.id)
    time.advance(minutes=50)
    dispatch.clock_off(db, tech1, brake.id, done=True)
    dispatch.clock_on(db, tech1, added.id)
    time.advance(minutes=40)
    dispatch.clock_off(db, tech1, added.id, done=True)
    dispatch.finish_repair(db, tech1, wo, self_check_ok=True)
    assert _state(db, wo) == "QC"

    # 8. QC fails once (rework by tech1), then passes.
    qc.final_inspection(db, staff["qc1"], wo, False, reason="刹车仍有轻微异响",
                        rework_owner_id=tech1.id, penalty=Decimal("50.00"))
    assert _state(db, wo) == "REWORK"
    with db.reading() as s:  # tech1's two jobs are back in rework, tech2's oil change is not
        assert {line.id: line.state for line in s.scalars(select(LabourLine).where(
            LabourLine.work_order_id == wo, LabourLine.approval == "approved"))} == {
            oil.id: "done", brake.id: "rework", added.id: "rework"}
    dispatch.clock_on(db, tech1, added.id)
    assert _state(db, wo) == "IN_REPAIR"
    time.advance(minutes=20)
    dispatch.clock_off(db, tech1, added.id, done=True)
    dispatch.clock_on(db, tech1, brake.id)
    time.advance(minutes=10)
    dispatch.clock_off(db, tech1, brake.id, done=True)
    dispatch.finish_repair(db, tech1, wo, self_check_ok=True)
    qc.final_inspection(db, staff["qc1"], wo, True)
    assert _state(db, wo) == "READY"
    hours = board.actual_hours(db, adv, wo)
    # tech1: brake 10:10–10:40 (paused for approval), 10:40–11:30, rework 12:30–12:40;
    # added job 11:30–12:10 and rework 12:10–12:30; tech2: oil 10:10–10:40.
    assert hours == {oil.id: Decimal("0.50"), brake.id: Decimal("1.50"), added.id: Decimal("1.00")}

    # 9. Pre-settlement: 85.50 + 171.00 + 0.8 h × 180 = 144.00 − 7.20 = 136.80 labour,
    #    the oil filter and the one bottle used at list price less 3 %, auxiliary fee 20.00.
    pre = billing.presettle(db, adv, wo)
    with db.reading() as s:
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == wo)).one()
    assert st.labour_receivable == Decimal("414.00") and st.labour_net == Decimal("393.30")
    assert st.total == st.labour_net + st.material_net + Decimal("20.00") == pre.total
    with db.reading() as s:
        prices = dict(s.execute(select(Part.code, Part.sale_price)
                                .where(Part.code.in_((FILTER, OIL)))).all())
    assert st.material_receivable == prices[FILTER] + prices[OIL]
    assert pre.customer_share == pre.total and pre.outstanding == pre.total

    # 10. Settlement with a split payment, gate pass, delivery.
    cash = Decimal("100.00")
    result = billing.settle(db, staff["cashier1"], wo, [
        billing.PaymentIn("cash", cash),
        billing.PaymentIn("wechat", pre.total - cash, "WX20261124001")])
    assert result.outstanding == Decimal("0.00") and result.invoice_no.startswith("INV2026")
    billing.issue_gate_pass(db, staff["cashier1"], wo)
    delivered = billing.deliver(db, adv, wo)
    assert _state(db, wo) == "DELIVERED"
    assert delivered.follow_up_due_at == time.at + timedelta(hours=24)

    # 11. Follow-up the next day: satisfied, the order closes.
    time.advance(days=1)
    [due] = followup.due_follow_ups(db, staff["care1"], time.at)
    followup.record_follow_up(db, staff["care1"], due.id, "车辆正常，服务满意", 5)
    assert _state(db, wo) == "CLOSED"

    # 12. A complaint about the waiting time, resolved with a root cause and prevention.
    complaint = followup.open_complaint(db, staff["care1"], customer_id, "phone", "交车等待时间过长",
                                        "low", adv.id, time.at + timedelta(days=2), wo)
    followup.resolve_complaint(db, adv, complaint.id, "结算窗口高峰排队", "致歉并赠送洗车券",
                               "高峰期增开结算窗口")
    followup.close_complaint(db, staff["care1"], complaint.id)

    assert _trail(db, wo) == [
        ("check_in", "RECEIVED"), ("add_labour", None), ("add_labour", None), ("add_part", None),
        ("add_part", None), ("add_labour", None), ("add_fee", None), ("estimate", "ESTIMATED"),
        ("approve", "AUTHORIZED"), ("issue_part", None), ("issue_part", None),
        ("issue_part", None), ("dispatch", "DISPATCHED"), ("start", "IN_REPAIR"),
        ("return_part", None), ("pause", "PAUSED"), ("propose_added_work", None), ("price_added_work", None),
        ("approve_added_work", None), ("resume", "IN_REPAIR"), ("finish", "QC"),
        ("qc_fail", "REWORK"), ("start", "IN_REPAIR"), ("finish", "QC"), ("qc_pass", "READY"),
        ("presettle", "PRESETTLED"), ("settle", "SETTLED"), ("deliver", "DELIVERED"),
        ("close", "CLOSED")]
    with db.reading() as s:
        assert s.scalar(select(Recommendation.description).where(Recommendation.vehicle_id == vehicle_id))


def test_step_timestamps_are_queryable(demo_orders_db):
    """Waiting and repair times of the demo's closed orders come straight from the timeline."""
    from dms.models import WorkOrder
    from dms.workshop.timeline import first_reached, order_timeline

    manager = authenticate(demo_orders_db, "admin", "admin123")
    with demo_orders_db.reading() as s:
        closed = s.scalars(select(WorkOrder.id).where(WorkOrder.state == "CLOSED")).all()
    assert closed
    for wo in closed:
        events = order_timeline(demo_orders_db, manager, wo)
        reached = first_reached(events)
        assert list(reached) == ["RECEIVED", "ESTIMATED", "AUTHORIZED", "DISPATCHED", "IN_REPAIR",
                                 "QC", "READY", "PRESETTLED", "SETTLED", "DELIVERED", "CLOSED"]
        times = list(reached.values())
        assert times == sorted(times)  # waiting time = DISPATCHED − RECEIVED, and so on
        assert all(e.user for e in events)
