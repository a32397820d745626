"""Demo work orders in every state, driven through the real services (DESIGN §2).

Each order replays its visit on the clock of a past or present day, so the audit log, the
follow-up due dates and the KPIs derived from them look like a store's last fortnight.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from random import Random

from sqlalchemy import select

from dms import clock
from dms.auth import CurrentUser
from dms.billing import settlement as billing
from dms.billing.queries import settlement_view
from dms.crm import followup
from dms.models import Bay, LabourLine, PartBarcode, PartLine, Store, User, Vehicle
from dms.parts import picking
from dms.workshop import appointments, cancellation, dispatch, estimates, qc
from dms.workshop.reception import CheckIn, check_in

# Final state → how many demo orders end there (34 in all).
PLAN = (("CLOSED", 6), ("DELIVERED", 3), ("SETTLED", 2), ("PRESETTLED", 2), ("READY", 2),
        ("REWORK", 1), ("QC", 2), ("PAUSED", 2), ("IN_REPAIR", 4), ("DISPATCHED", 2),
        ("AUTHORIZED", 2), ("ESTIMATED", 2), ("RECEIVED", 3), ("CANCELLED", 1))
ORDER = ("RECEIVED", "ESTIMATED", "AUTHORIZED", "DISPATCHED", "IN_REPAIR", "QC", "READY",
         "PRESETTLED", "SETTLED", "DELIVERED", "CLOSED")
# (complaint, labour operation codes, part codes, business type)
VISITS = (
    ("常规保养", ("BY01", "BY04"), ("26300-35505", "05100-00451", "21513-23001"), "maintenance"),
    ("刹车有异响", ("JX01", "DQ02"), (), "repair"),
    ("空调不凉", ("DQ05",), (), "repair"),
    ("首保", ("BY01", "BY02"), ("26300-35505", "05100-00451"), "maintenance"),
    ("前保险杠刮擦", ("BJ02", "PQ01"), (), "body_paint"),
)
BAY_KIND = {"maintenance": "maintenance", "electrical": "mechanical", "mechanical": "mechanical",
            "body": "body", "paint": "paint"}


@dataclass
class Staff:
    advisors: list[CurrentUser]
    technicians: list[CurrentUser]
    by_name: dict[str, CurrentUser]

    def __getitem__(self, username: str) -> CurrentUser:
        return self.by_name[username]


def _staff(db, store_code: str) -> Staff:
    with db.reading() as s:
        store = s.scalars(select(Store).where(Store.code == store_code)).one()
        users = s.scalars(select(User).where(User.store_id == store.id).order_by(User.id)).all()
        actors = {u.username: CurrentUser(u.id, u.username, u.display_name, store.id, store.name,
                                          frozenset(r.role for r in u.roles)) for u in users}
    return Staff([a for a in actors.values() if "advisor" in a.roles],
                 [a for a in actors.values() if a.roles == {"technician"}], actors)


def load_orders(db, store_code: str, seed: int = 2026) -> int:
    """Create the demo orders; returns how many. Times are replayed with `clock.frozen_at`."""
    rng = Random(f"{seed}:orders")
    staff = _staff(db, store_code)
    with db.reading() as s:
        vehicles = s.execute(select(Vehicle.id, Vehicle.mileage).order_by(Vehicle.id)).all()
        bays = {b.kind: b.id for b in s.scalars(select(Bay).order_by(Bay.id))}
    today = clock.now().astimezone().replace(hour=8, minute=30, second=0, microsecond=0)
    picks = rng.sample(vehicles, sum(n for _, n in PLAN))
    count = 0
    for target, n in PLAN:
        for _ in range(n):
            vehicle = picks[count]
            days_ago = {"CLOSED": rng.randint(4, 12), "DELIVERED": rng.randint(1, 2)}.get(target, 0)
            start = today - timedelta(days=days_ago) + timedelta(minutes=rng.randint(0, 90))
            # Technicians in turn, so the cars in repair at once have one each.
            tech = staff.technicians[count % len(staff.technicians)]
            _Visit(db, staff, bays, rng, vehicle, start, tech).run(target, VISITS[count % len(VISITS)])
            count += 1
    _book_tomorrow(db, staff, vehicles[-5:], today)
    return count


class _Visit:
    def __init__(self, db, staff: Staff, bays, rng: Random, vehicle, start: datetime,
                 tech: CurrentUser):
        self.db, self.staff, self.bays, self.rng, self.tech = db, staff, bays, rng, tech
        self.vehicle, self.at = vehicle, start.astimezone(timezone.utc)
        self.advisor = rng.choice(staff.advisors)

    def step(self, minutes: int) -> None:
        self.at += timedelta(minutes=minutes)

    def run(self, target: str, visit) -> None:
        complaint, ops, parts, business = visit
        last = ORDER.index(target) if target in ORDER else ORDER.index(
            {"PAUSED": "IN_REPAIR", "REWORK": "QC", "CANCELLED": "ESTIMATED"}[target])
        for stage in ORDER[:last + 1]:
            with clock.frozen_at(self.at):
                getattr(self, "_" + stage.lower())(complaint, ops, parts, business)
            self.step(self.rng.randint(15, 70))
        with clock.frozen_at(self.at):
            if target == "PAUSED":
                dispatch.pause(self.db, self.staff["dispatcher1"], self.wo, "waiting_parts")
            elif target == "REWORK":
                qc.final_inspection(self.db, self.staff["qc1"], self.wo, False, reason="异响未消除",
                                    rework_owner_id=self.tech.id)
            elif target == "CANCELLED":
                cancellation.cancel(self.db, self.advisor, self.wo, "客户决定暂不维修")

    def _received(self, complaint, _ops, _parts, business):
        vehicle_id, mileage = self.vehicle
        self.wo = check_in(self.db, self.advisor, CheckIn(
            vehicle_id=vehicle_id, mileage=(mileage or 0) + self.rng.randint(800, 6000),
            fuel_level=self.rng.randint(1, 8), complaint=complaint, business_type=business,
            delivered_by_name="车主本人", documents_kept="行驶证",
            promised_at=self.at + timedelta(hours=6))).id

    def _estimated(self, _complaint, ops, parts, _business):
        for code in ops:
            estimates.add_labour(self.db, self.advisor, self.wo, code)
        for code in parts:
            estimates.add_part(self.db, self.advisor, self.wo, code, Decimal("1"))
        estimates.add_fee(self.db, self.advisor, self.wo, "auxiliary", Decimal("20.00"))
        estimates.issue_estimate(self.db, self.advisor, self.wo)

    def _authorized(self, *_):
        estimates.approve_estimate(self.db, self.advisor, self.wo, "车主本人", "signature")

    def _dispatched(self, *_):
        with self.db.reading() as s:
            self.jobs = s.execute(select(LabourLine.id, LabourLine.trade)
                                  .where(LabourLine.work_order_id == self.wo)).all()
        for job_id, trade in self.jobs:
            dispatch.assign_job(self.db, self.staff["dispatcher1"], job_id,
                                self.bays[BAY_KIND[trade]], self.tech.id)
        self._pick()

    def _pick(self):
        """Step 6: the clerk scans each approved part out to the technician."""
        wanted: dict[int, Decimal] = {}
        with self.db.reading() as s:
            for part_id, qty in s.execute(select(PartLine.part_id, PartLine.qty).where(
                    PartLine.work_order_id == self.wo, PartLine.approval == "approved")):
                wanted[part_id] = wanted.get(part_id, Decimal(0)) + qty
            barcodes = {p: s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id == p)
                                    .order_by(PartBarcode.id).limit(1)) for p in wanted}
        for part_id, qty in wanted.items():
            picking.issue_scan(self.db, self.staff["warehouse1"], self.wo, barcodes[part_id], qty,
                               received_by=self.tech.display_name)

    def _in_repair(self, *_):
        dispatch.clock_on(self.db, self.tech, self.jobs[0][0])

    def _qc(self, *_):
        for n, (job_id, _trade) in enumerate(self.jobs):
            if n:
                dispatch.clock_on(self.db, self.tech, job_id)
            dispatch.clock_off(self.db, self.tech, job_id, done=True)
        dispatch.finish_repair(self.db, self.tech, self.wo, self_check_ok=True)

    def _ready(self, *_):
        qc.final_inspection(self.db, self.staff["qc1"], self.wo, True, delay_reason="配件到货延迟")

    def _presettled(self, *_):
        self.bill = billing.presettle(self.db, self.advisor, self.wo)

    def _settled(self, *_):
        share = self.bill.customer_share
        if self.rng.random() < 0.3:  # part paid now, the rest on collection
            payments = [billing.PaymentIn("cash", (share / 2).quantize(Decimal("0.01")))]
        else:
            payments = [billing.PaymentIn("wechat", share, f"WX{self.wo:08d}")]
        billing.settle(self.db, self.staff["cashier1"], self.wo, payments)

    def _delivered(self, *_):
        view = settlement_view(self.db, self.staff["cashier1"], self.wo)
        if view.outstanding:
            billing.pay_outstanding(self.db, self.staff["cashier1"], self.wo,
                                    [billing.PaymentIn("card", view.outstanding, f"POS{self.wo:06d}")])
        billing.issue_gate_pass(self.db, self.staff["cashier1"], self.wo)
        self.follow_up = billing.deliver(self.db, self.advisor, self.wo).follow_up_id

    def _closed(self, *_):
        self.at += timedelta(days=1)
        score = self.rng.choice((5, 5, 4, 4, 3, 2))
        with clock.frozen_at(self.at):
            followup.record_follow_up(self.db, self.staff["care1"], self.follow_up,
                                      "回访完成" if score > 2 else "客户对等待时间不满", score,
                                      issue="交车晚于承诺时间" if score <= 2 else None)


def _book_tomorrow(db, staff: Staff, vehicles, today: datetime) -> None:
    tomorrow = today + timedelta(days=1)
    for n, (vehicle_id, _mileage) in enumerate(vehicles):
        appointments.book(db, staff.advisors[n % len(staff.advisors)], appointments.Booking(
            vehicle_id=vehicle_id, channel=("phone", "app", "wechat")[n % 3],
            requested_work=("常规保养", "更换轮胎", "首保", "空调检查", "刹车检查")[n],
            booked_for=tomorrow + timedelta(hours=n + 1), planned_hours=Decimal("1.5")))
