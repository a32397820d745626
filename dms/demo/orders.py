"""Demo work orders in every state, driven through the real services (DESIGN §2).

Each order replays its visit on the clock of a past or present day, so the audit log, the
follow-up due dates and the KPIs derived from them look like a store's last four weeks: the
closed orders are that history, the others today's workshop. Visits add up as a store's do:
首保 is billed to the manufacturer (warranty payer), technicians clock about the hours billed
(0.85-1.2 times), and no clock runs past the end of a shift or into the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from decimal import Decimal
from random import Random

from sqlalchemy import func, select

from dms import clock
from dms.auth import CurrentUser
from dms.billing import settlement as billing
from dms.billing.queries import settlement_view
from dms.crm import followup
from dms.models import (Appointment, LabourLine, LabourOperation, PartBarcode, PartLine,
                        Store, User, Vehicle, WorkOrder)
from dms.parts import old_parts, picking
from dms.workshop import appointments, cancellation, dispatch, estimates, qc
from dms.workshop.reception import CheckIn, check_in

# Final state → how many demo orders end there (88 in all). CLOSED ones are the history.
PLAN = (("CLOSED", 60), ("DELIVERED", 3), ("SETTLED", 2), ("PRESETTLED", 2), ("READY", 2),
        ("REWORK", 1), ("QC", 2), ("PAUSED", 2), ("DISPATCHED", 2), ("IN_REPAIR", 4),
        ("AUTHORIZED", 2), ("ESTIMATED", 2), ("RECEIVED", 3), ("CANCELLED", 1))
ORDER = ("RECEIVED", "ESTIMATED", "AUTHORIZED", "DISPATCHED", "IN_REPAIR", "QC", "READY",
         "PRESETTLED", "SETTLED", "DELIVERED", "CLOSED")
HISTORY_DAYS = (2, 28)  # closed orders were received this many days ago
# (complaint, labour operation codes, part codes, business type, payer of every line)
VISITS = (
    ("常规保养", ("BY01", "BY04"), ("26300-35505", "05100-00451", "21513-23001"), "maintenance",
     "customer"),
    ("刹车有异响", ("JX01", "DQ02"), (), "repair", "customer"),
    ("空调不凉", ("DQ05",), (), "repair", "customer"),
    # The first service is free to the customer: the manufacturer pays it (索赔).
    ("首保", ("BY01", "BY02"), ("26300-35505", "05100-00451"), "maintenance", "warranty"),
    ("前保险杠刮擦", ("BJ02", "PQ01"), (), "body_paint", "customer"),
)
SHIFT = (time(8, 30), time(18, 0))
BOOKINGS = 5  # appointments for tomorrow


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


def planned() -> int:
    return sum(n for _, n in PLAN)


def load_orders(db, store_code: str, seed: int = 2026) -> int:
    """Create the demo orders; returns how many. Times are replayed with `clock.frozen_at`.

    Resumable: the visits the store already has an order for are skipped (each visit draws
    from a random stream of its own, so the rest come out as in one go), as are the bookings
    already made. A visit cut short stays where it stopped, one more car in the workshop.
    """
    staff = _staff(db, store_code)
    with db.reading() as s:
        store_id = staff.advisors[0].store_id
        vehicles = s.execute(select(Vehicle.id, Vehicle.mileage).where(Vehicle.store_id == store_id)
                             .order_by(Vehicle.id)).all()
        hours = dict(s.execute(select(LabourOperation.code, LabourOperation.standard_hours)
                               .where(LabourOperation.store_id == store_id)).all())
        done = s.scalar(select(func.count(WorkOrder.id)).where(WorkOrder.store_id == store_id))
        booked = s.scalar(select(func.count(Appointment.id))
                          .where(Appointment.store_id == store_id))
    now = clock.now().astimezone()
    today = now.replace(hour=SHIFT[0].hour, minute=SHIFT[0].minute, second=0, microsecond=0)
    picks = Random(f"{seed}:orders").sample(vehicles, planned())
    targets = [target for target, n in PLAN for _ in range(n)]
    for count in range(done, len(targets)):
        target, rng = targets[count], Random(f"{seed}:orders:{count}")
        # Technicians in turn, so the cars in repair at once have one each.
        tech = staff.technicians[count % len(staff.technicians)]
        visit = _Visit(db, staff, rng, picks[count], tech, VISITS[count % len(VISITS)],
                       hours)
        stages = visit.stages(target)
        if target in ("CLOSED", "DELIVERED"):
            days = rng.randint(*HISTORY_DAYS) if target == "CLOSED" else rng.randint(1, 2)
            start = today - timedelta(days=days) + timedelta(minutes=rng.randint(0, 240))
        else:  # today's workshop: its last step a little before now (or the shift's end)
            slack = timedelta(minutes=rng.randint(25, 60))  # more than the last step's
            start = _workday_end(now) - slack - visit.duration(stages)
        visit.run(target, stages, start, now)
    _book_tomorrow(db, staff, vehicles[-BOOKINGS:][booked:], today, first=booked)
    return len(targets) - done


def _workday_end(now: datetime) -> datetime:
    """Now, within the shift; else the end of the last shift (the workshop is closed)."""
    end = now.replace(hour=SHIFT[1].hour, minute=SHIFT[1].minute, second=0, microsecond=0)
    if now.time() >= time(12, 0):
        return min(now, end)
    return end - timedelta(days=1)


class _Visit:
    def __init__(self, db, staff: Staff, rng: Random, vehicle, tech: CurrentUser, visit,
                 hours: dict[str, Decimal]):
        self.db, self.staff, self.rng, self.tech = db, staff, rng, tech
        self.vehicle, self.visit = vehicle, visit
        self.advisor = rng.choice(staff.advisors)
        # Minutes clocked on each job, in order: the billed hours give or take a realistic spread.
        self.work = [int(hours[code] * 60 * Decimal(rng.randint(85, 120)) / 100)
                     for code in visit[1]]

    def stages(self, target: str) -> list[tuple[str, int]]:
        """(stage, minutes until the next one) up to `target`; after IN_REPAIR the work itself."""
        last = ORDER.index(target) if target in ORDER else ORDER.index(
            {"PAUSED": "IN_REPAIR", "REWORK": "QC", "CANCELLED": "ESTIMATED"}[target])
        return [(stage, sum(self.work) if stage == "IN_REPAIR" else self.rng.randint(15, 70))
                for stage in ORDER[:last + 1]]

    @staticmethod
    def duration(stages) -> timedelta:
        """From the first step to the last (the minutes after the last are not spent)."""
        return timedelta(minutes=sum(minutes for _, minutes in stages[:-1]))

    def run(self, target: str, stages, start: datetime, now: datetime) -> None:
        complaint, ops, parts, business, payer = self.visit
        self.at = start.astimezone(timezone.utc)
        for n, (stage, minutes) in enumerate(stages):
            with clock.frozen_at(self.at):
                getattr(self, "_" + stage.lower())(complaint, ops, parts, business, payer)
            if n < len(stages) - 1:
                self.at += timedelta(minutes=minutes)
        self.at += timedelta(minutes=self.rng.randint(5, 20))  # the last step, if any
        with clock.frozen_at(self.at):
            if target == "PAUSED":
                dispatch.pause(self.db, self.staff["dispatcher1"], self.wo, "waiting_parts")
            elif target == "REWORK":
                qc.final_inspection(self.db, self.staff["qc1"], self.wo, False, reason="异响未消除",
                                    rework_owner_id=self.tech.id)
            elif target == "CANCELLED":
                cancellation.cancel(self.db, self.advisor, self.wo, "客户决定暂不维修")
        if target == "IN_REPAIR":
            self._end_of_shift(now)

    def _end_of_shift(self, now: datetime) -> None:
        """A car still in repair when the workshop has closed: its technician clocked off then."""
        end = _workday_end(now)
        if end < now:
            with clock.frozen_at(end.astimezone(timezone.utc)):
                dispatch.clock_off(self.db, self.tech, self.jobs[0][0])

    def _received(self, complaint, _ops, _parts, business, _payer):
        vehicle_id, mileage = self.vehicle
        self.wo = check_in(self.db, self.advisor, CheckIn(
            vehicle_id=vehicle_id, mileage=(mileage or 0) + self.rng.randint(800, 6000),
            fuel_level=self.rng.randint(1, 8), complaint=complaint, business_type=business,
            delivered_by_name="车主本人", documents_kept="行驶证",
            promised_at=self.at + timedelta(hours=6))).id

    def _estimated(self, _complaint, ops, parts, _business, payer):
        for code in ops:
            estimates.add_labour(self.db, self.advisor, self.wo, code, payer=payer)
        for code in parts:
            estimates.add_part(self.db, self.advisor, self.wo, code, Decimal("1"), payer=payer)
        estimates.add_fee(self.db, self.advisor, self.wo, "auxiliary", Decimal("20.00"),
                          payer=payer)
        estimates.issue_estimate(self.db, self.advisor, self.wo)
    def _authorized(self, *_):
        estimates.approve_estimate(self.db, self.advisor, self.wo, "车主本人", "signature")

    def _dispatched(self, *_):
        with self.db.reading() as s:
            self.jobs = s.execute(select(LabourLine.id, LabourLine.trade)
                                  .where(LabourLine.work_order_id == self.wo)).all()
        dispatcher = self.staff["dispatcher1"]
        for job_id, _trade in self.jobs:
            dispatch.assign_job(self.db, dispatcher, job_id,
                                dispatch.bay_for(self.db, dispatcher, job_id), self.tech.id)
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
        self.clocked_on = self.at

    def _qc(self, _complaint, _ops, _parts, _business, payer):
        """The jobs one after another, each clocked for its share of `work`."""
        at = self.clocked_on
        for n, ((job_id, _trade), minutes) in enumerate(zip(self.jobs, self.work)):
            if n:
                with clock.frozen_at(at):
                    dispatch.clock_on(self.db, self.tech, job_id)
            at += timedelta(minutes=minutes)
            with clock.frozen_at(at):
                dispatch.clock_off(self.db, self.tech, job_id, done=True)
        if payer == "warranty":
            self._keep_old_parts()
        dispatch.finish_repair(self.db, self.tech, self.wo, self_check_ok=True)

    def _keep_old_parts(self):
        """A warranty claim is paid against the parts taken off: into the old-part store."""
        with self.db.reading() as s:
            lines = s.scalars(select(PartLine.id).where(PartLine.work_order_id == self.wo)
                              .order_by(PartLine.id)).all()
        for line_id in lines:
            old = old_parts.record_old_part(self.db, self.tech, line_id, old_parts.WARRANTY,
                                            "工位")
            old_parts.move_old_part(self.db, self.staff["warehouse1"], old.old_part_id, "intake",
                                    "旧件库")

    def _ready(self, *_):
        qc.final_inspection(self.db, self.staff["qc1"], self.wo, True, delay_reason="配件到货延迟")

    def _presettled(self, *_):
        self.bill = billing.presettle(self.db, self.advisor, self.wo)

    def _settled(self, *_):
        share = self.bill.customer_share
        if not share:  # the manufacturer pays it all (首保)
            payments = []
        elif self.rng.random() < 0.3:  # part paid now, the rest on collection
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


def _book_tomorrow(db, staff: Staff, vehicles, today: datetime, first: int = 0) -> None:
    tomorrow = today + timedelta(days=1)
    for n, (vehicle_id, _mileage) in enumerate(vehicles, first):
        appointments.book(db, staff.advisors[n % len(staff.advisors)], appointments.Booking(
            vehicle_id=vehicle_id, channel=("phone", "app", "wechat")[n % 3],
            requested_work=("常规保养", "更换轮胎", "首保", "空调检查", "刹车检查")[n],
            trade=("maintenance", "mechanical", "maintenance", "electrical", "mechanical")[n],
            booked_for=tomorrow + timedelta(hours=n + 1), planned_hours=Decimal("1.5")))
