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
                        Fee, LabourLine, Membership, MembershipTier, Part, PartLine, PriceClass,
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
    """An AUTHORIZED order with approved jobs. The estimate service is being written elsewhere
    right now, so the approved labour lines are inserted directly and the state set by hand."""
    with db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    wo = check_in(db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 100,
                                       fuel_level=4, complaint="保养，刹车异响",
                                       promised_at=promised_at))
    ids = []
    with db.transaction() as s:
        pc = s.scalars(select(PriceClass).order_by(PriceClass.id)).first()
        jobs = [("M01", "更换机油机滤", "maintenance", "1.00"), ("B02", "更换前刹车片", "mechanical", "1.50"),
                ("X03", "更换空调滤芯", "maintenance", "0.30")][:lines]
        for seq, (code, name, trade, hours) in enumerate(jobs, start=1):
            amount = Decimal(hours) * pc.hourly_rate
            line = LabourLine(work_order_id=wo.id, seq=seq, code=code, name=name, trade=trade,
                              standard_hours=Decimal(hours), billed_hours=Decimal(hours),
                              price_class_id=pc.id, rate=pc.hourly_rate, amount=amount,
                              net=amount, payer="customer", approval="approved")
            s.add(line)
            s.flush()
            ids.append(line.id)
        s.add(LabourLine(work_order_id=wo.id, seq=9, code="P09", name="四轮定位", trade="mechanical",
                         standard_hours=Decimal(1), billed_hours=Decimal(1), price_class_id=pc.id,
                         rate=pc.hourly_rate, amount=pc.hourly_rate, net=pc.hourly_rate,
                         payer="customer", approval="declined"))
        s.get(WorkOrder, wo.id).state = "AUTHORIZED"
    return wo.id, ids


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
SHARE = Decimal("592.62")  # customer share of the order built by make_ready


def login(db, name, password=None):
    return authenticate(db, name, password or ("admin123" if name == "admin" else "demo123"))


def make_ready(db, vehicle_id=None, *, warranty_only=False):
    """A READY order with known lines. The estimate, dispatch and QC services are being written
    in parallel, so the lines are inserted directly and the state is set by hand here."""
    advisor = login(db, "advisor1")
    with db.reading() as s:
        vehicle_id = vehicle_id or s.scalars(select(Vehicle.id).order_by(Vehicle.id)).first()
    order_id = check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=999_999, fuel_level=4,
                                             complaint="保养，刹车异响")).id
    with db.transaction() as s:
        classes = {p.code: p.id for p in s.scalars(select(PriceClass))}
        parts = s.scalars(select(Part).order_by(Part.id).limit(3)).all()

        def labour(seq, hours, rate, payer, pct="0", approval="approved"):
            amount = (Decimal(hours) * Decimal(rate)).quantize(Decimal("0.01"))
            discount = (amount * Decimal(pct) / 100).quantize(Decimal("0.01"))
            s.add(LabourLine(work_order_id=order_id, seq=seq, code=f"L{seq}", name=f"工时{seq}",
                             trade="mechanical", standard_hours=Decimal(hours),
                             billed_hours=Decimal(hours),
                             price_class_id=classes["A"], rate=Decimal(rate), amount=amount,
                             discount_pct=Decimal(pct), discount=discount, net=amount - discount,
                             payer=payer, approval=approval))

        def part(p, qty, price, payer, pct="0", approval="approved"):
            amount = (Decimal(qty) * Decimal(price)).quantize(Decimal("0.01"))
            discount = (amount * Decimal(pct) / 100).quantize(Decimal("0.01"))
            s.add(PartLine(work_order_id=order_id, part_id=p.id, qty=Decimal(qty), unit=p.unit,
                           unit_price=Decimal(price), amount=amount, discount_pct=Decimal(pct),
                           discount=discount, net=amount - discount, payer=payer,
                           approval=approval))

        if warranty_only:
            labour(1, "2.0", "150.00", "warranty")
            part(parts[0], "1", "420.00", "warranty")
        else:
            labour(1, "1.5", "180.00", "customer", "10")  # 270.00 − 27.00 = 243.00
            labour(2, "1.0", "150.00", "warranty")  # 150.00
            part(parts[0], "4.5", "68.80", "customer", "5")  # 309.60 − 15.48 = 294.12
            part(parts[1], "1", "35.50", "customer")  # 35.50
            part(parts[2], "1", "500.00", "customer", approval="declined")  # not billed
            s.add(Fee(work_order_id=order_id, kind="management", amount=Decimal("20.00"),
                      payer="customer"))
        s.get(WorkOrder, order_id).state = "READY"
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
