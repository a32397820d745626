"""Builders shared by several test modules: orders in a known state and the snapshots that prove
a refused call changed nothing. Plain functions; each test module keeps its own fixtures."""

import shutil
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.models import (AuditLog, Bay, ClockEvent, DispatchAssignment, Estimate, EstimateApproval,
                        LabourLine, Membership, MembershipTier, Part, PartLine,
                        QCInspection, Recommendation, Vehicle, WorkOrder)
from dms.workshop import estimates as est
from dms.workshop.reception import CheckIn, check_in

# --- estimates and added work (test_estimates, test_added_work) -------------------------------

OIL_FILTER = "26300-35505"


def member_vehicle(db, tier: str | None) -> Vehicle:
    """A vehicle whose owner holds an active membership of `tier` (None: no membership)."""
    with db.reading() as s:
        members = select(Membership.customer_id).join(MembershipTier).where(
            Membership.status == "active", Membership.valid_until >= date.today(),
            *([MembershipTier.code == tier] if tier else []))
        where = Vehicle.customer_id.in_(members) if tier else Vehicle.customer_id.not_in(
            select(Membership.customer_id))
        return s.scalars(select(Vehicle).where(where).order_by(Vehicle.id)).first()


def received_order(db, advisor, tier="diamond", business_type="repair") -> int:
    vehicle = member_vehicle(db, tier)
    return check_in(db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=(vehicle.mileage or 0) + 100,
                                         fuel_level=4, complaint="刹车异响",
                                         business_type=business_type)).id


def estimate_snapshot(db, wo_id):
    """Row counts and the order's version: a refused call must change none of them."""
    with db.reading() as s:
        counts = tuple(s.scalar(select(func.count(m.id))) for m in (
            LabourLine, PartLine, Estimate, EstimateApproval, Recommendation, AuditLog))
        order = s.get(WorkOrder, wo_id)
        return counts, order.version, order.state


def sale_price(db, code=OIL_FILTER) -> Decimal:
    with db.reading() as s:
        return s.scalar(select(Part.sale_price).where(Part.code == code))


def authorized_order(db, advisor, tier="diamond") -> int:
    wo = received_order(db, advisor, tier)
    est.add_labour(db, advisor, wo, "JX01")
    est.issue_estimate(db, advisor, wo)
    est.approve_estimate(db, advisor, wo, "王先生", "signature")
    return wo


def in_repair_order(db, advisor) -> tuple[int, object]:
    """(order, technician): an authorised order taken to IN_REPAIR through the transition table
    with the proper users."""
    from dms.workshop.common import load_order, move

    wo = authorized_order(db, advisor)
    dispatcher = authenticate(db, "dispatcher1", "demo123")
    tech = authenticate(db, "tech2", "demo123")
    with db.transaction() as s:
        order = load_order(s, dispatcher, wo)
        move(s, dispatcher, order, "dispatch")
        move(s, tech, order, "start")
    return wo, tech


def photo_file(path, size=(1600, 1200), fmt="JPEG"):
    """A real photo file (a gradient) as a phone or camera writes it."""
    from io import BytesIO

    from PIL import Image

    image = Image.linear_gradient("L").resize(size).convert("RGB")
    out = BytesIO()
    image.save(out, fmt)
    path.write_bytes(out.getvalue())
    return path


# --- dispatch and QC (test_dispatch, test_qc) ----------------------------------------------------

T0 = datetime(2026, 3, 2, 0, 0, tzinfo=timezone.utc)  # 08:00 in Beijing


class Clock:
    def __init__(self, monkeypatch):
        self.at = T0
        monkeypatch.setattr(clock, "now", lambda: self.at)

    def set(self, hours: float = 0, minutes: int = 0):
        self.at = T0 + timedelta(hours=hours, minutes=minutes)


WORKSHOP_USERS = ("dispatcher1", "advisor1", "qc1", "cashier1") + tuple(
    f"tech{n}" for n in range(1, 9))


def workshop_users(db):
    return {n: authenticate(db, n, "demo123") for n in WORKSHOP_USERS}


def bay_ids(db):
    with db.reading() as s:
        return {b.code: b.id for b in s.scalars(select(Bay))}


def make_order(db, advisor, promised_at=None, lines=2):
    """An AUTHORIZED order with approved jobs and one declined job, made through the estimate
    services. Returns (order id, ids of the approved jobs)."""
    with db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    wo = check_in(db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 100,
                                       fuel_level=4, complaint="保养，刹车异响",
                                       promised_at=promised_at)).id
    jobs = [("更换机油机滤", "maintenance", "1.00"), ("更换前刹车片", "mechanical", "1.50"),
            ("更换空调滤芯", "maintenance", "0.30")][:lines] + [("四轮定位", "mechanical", "1.00")]
    for name, trade, hours in jobs:
        est.add_labour(db, advisor, wo, name=name, trade=trade, billed_hours=hours)
    with db.reading() as s:
        ids = s.scalars(select(LabourLine.id).where(LabourLine.work_order_id == wo)
                        .order_by(LabourLine.seq)).all()
    est.issue_estimate(db, advisor, wo)
    est.approve_estimate(db, advisor, wo, "王先生", "signature",
                         declined_line_ids={"labour": [ids[-1]]})
    return wo, list(ids[:-1])


def snapshot(db, wo_id):
    """Row counts and the order's version: a refused action must leave all of them alone."""
    with db.reading() as s:
        o = s.get(WorkOrder, wo_id)
        counts = tuple(s.scalar(select(func.count()).select_from(m))
                       for m in (AuditLog, DispatchAssignment, ClockEvent, QCInspection))
        lines = tuple((x.state, x.bay_id, x.technician_id) for x in o.labour_lines)
        return counts, o.version, o.state, lines


def transitions(db, wo_id):
    with db.reading() as s:
        return [(a.action, a.from_state, a.to_state) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "work_order", AuditLog.entity_id == wo_id,
                                   AuditLog.from_state.is_not(None)).order_by(AuditLog.id))]


# --- settlement and follow-up (test_settlement, test_followup) --------------------------------

FIXED = datetime(2026, 3, 10, 6, 30, tzinfo=timezone.utc)
# The order make_ready builds for a customer without membership:
#   job 1  1.5 h × 180.00 (class A), customer, 10 % off   270.00 − 27.00 = 243.00
#   job 2  1.0 h × 150.00 (class C), warranty                            150.00
#   part 1 4 × 49.00 (26300-35505), customer, 5 % off     196.00 − 9.80 = 186.20
#   part 2 1 × 37.00 (W 417/37), customer                                 37.00
#   part 3 declined (not billed); management fee, customer                20.00
SHARE = Decimal("486.20")  # customer share; the total adds the warranty job: 636.20


def login(db, name, password=None):
    return authenticate(db, name, password or ("admin123" if name == "admin" else "demo123"))


def self_checked(db, technician: str = "tech2", lines: int = 3):
    """An order whose `lines` jobs one technician did (dispatched, clocked on, done) and
    self-checked: at QC. Returns (order id, job ids)."""
    from dms.workshop import dispatch

    wo, jobs = make_order(db, login(db, "advisor1"), lines=lines)
    dispatcher, tech = login(db, "dispatcher1"), login(db, technician)
    for job in jobs:
        dispatch.assign_job(db, dispatcher, job, dispatch.bay_for(db, dispatcher, job), tech.id)
    for job in jobs:
        dispatch.clock_on(db, tech, job)
        dispatch.clock_off(db, tech, job, done=True)
    dispatch.finish_repair(db, tech, wo, self_check_ok=True)
    return wo, jobs


def work_through(db, order_id):
    """An AUTHORIZED order's approved jobs dispatched, clocked, done and inspected, and its
    approved parts issued: READY through the services, as the workshop would do it."""
    from dms.parts.picking import issue_scan, picking_list
    from dms.workshop import dispatch, qc

    clerk, tech = login(db, "warehouse1"), login(db, "tech1")
    advisor = login(db, "advisor1")
    for line in picking_list(db, clerk, order_id).lines:
        if line.to_pick > 0:
            issue_scan(db, clerk, order_id, line.barcodes[0], line.to_pick, received_by="李师傅")
    with db.reading() as s:
        jobs = s.scalars(select(LabourLine.id).where(
            LabourLine.work_order_id == order_id, LabourLine.approval == "approved")
            .order_by(LabourLine.seq)).all()
    if not jobs:
        from dms.workshop.completion import complete_parts_order

        return complete_parts_order(db, advisor, order_id)
    dispatcher = login(db, "dispatcher1")
    for job in jobs:
        dispatch.assign_job(db, dispatcher, job, dispatch.bay_for(db, dispatcher, job), tech.id)
    for job in jobs:
        dispatch.clock_on(db, tech, job)
        dispatch.clock_off(db, tech, job, done=True)
    dispatch.finish_repair(db, tech, order_id, self_check_ok=True)
    return qc.final_inspection(db, login(db, "qc1"), order_id, passed=True,
                               delay_reason="测试")


def make_ready(db, vehicle_id=None, *, warranty_only=False):
    """A READY order with the lines above (warranty_only: two warranty jobs, 2.0 h and
    2.8 h × 150.00 = 720.00), made through the estimate, picking, dispatch and QC services."""
    advisor = login(db, "advisor1")
    with db.reading() as s:
        vehicle_id = vehicle_id or s.scalars(select(Vehicle.id).order_by(Vehicle.id)).first()
    order_id = check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=999_999, fuel_level=4,
                                             complaint="保养，刹车异响")).id
    if warranty_only:
        est.add_labour(db, advisor, order_id, name="更换水泵", trade="mechanical",
                       billed_hours="2.0", price_class_code="C", payer="warranty")
        est.add_labour(db, advisor, order_id, name="更换正时链条", trade="mechanical",
                       billed_hours="2.8", price_class_code="C", payer="warranty")
        declined = None
    else:
        est.add_labour(db, advisor, order_id, name="更换前刹车片", trade="mechanical",
                       billed_hours="1.5", price_class_code="A", discount_pct="10")
        est.add_labour(db, advisor, order_id, name="检查异响", trade="mechanical",
                       billed_hours="1.0", price_class_code="C", payer="warranty")
        est.add_part(db, advisor, order_id, OIL_FILTER, 4, discount_pct="5")
        est.add_part(db, advisor, order_id, "W 417/37", 1)
        est.add_part(db, advisor, order_id, "OC 205", 1)
        est.add_fee(db, advisor, order_id, "management", "20.00")
        with db.reading() as s:
            declined = {"part": [s.scalar(select(func.max(PartLine.id))
                                          .where(PartLine.work_order_id == order_id))]}
    est.issue_estimate(db, advisor, order_id)
    est.approve_estimate(db, advisor, order_id, "王先生", "signature", declined_line_ids=declined)
    work_through(db, order_id)
    return order_id


def full_width(text: str) -> str:
    """What a scanner types with a Chinese input method in full-width mode."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def qt_tool(name: str) -> Path:
    """A Qt command-line tool (pyside6-lrelease, pyside6-lupdate) beside this Python, else on
    PATH; the test is skipped when it is not installed."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        found = shutil.which(name)
        if not found:
            pytest.skip(f"{name} is not installed")
        path = Path(found)
    return path


def as_user(db, username: str):
    """A user of the database as signed in, without the cost of a password check (tests that
    are about something else than signing in)."""
    from dms.auth import current, find_user

    with db.reading() as s:
        row = find_user(s, username)
        return current(row.User, row.name)
