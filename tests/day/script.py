"""The day (issue 20): who acts at each step, the most actions the step may take (DESIGN §9's
table where one of its tasks applies, else what the screen needs at one key or click per
decision), and who watches for the result on their own screen."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select


@dataclass(frozen=True)
class Step:
    seat: str  # who acts
    step: str
    task: str  # the counted task, as `make efficiency` reports it
    target: int  # at most this many actions
    args: tuple[str, ...] = ()  # which of the day's facts the step takes (plate, number...)
    watcher: str | None = None  # who must see it, on their own screen, with no reload
    watch: str | None = None
    watch_args: dict = field(default_factory=dict)


CASH = "200.00"  # paid in cash; the rest by WeChat Pay


def facts(db, seats: dict | None = None) -> dict:
    """The day's car, a returning customer's with a plate and a mileage reading, no open order,
    and a plate whose last five characters (what the advisor types) find only it — on a big
    database a tail may also end a phone number or another plate; and what the seats type: its
    new mileage, the technician's name, the cash and the WeChat reference. `seats`: who sits
    where, when not `SEATS`."""
    seats = seats or SEATS
    from dms.auth import authenticate
    from dms.crm.find import front_desk_search
    from dms.models import User, Vehicle, WorkOrder

    advisor = authenticate(db, seats["advisor"], "demo123")
    open_order = select(WorkOrder.id).where(
        WorkOrder.vehicle_id == Vehicle.id,
        WorkOrder.state.not_in(("DELIVERED", "CLOSED", "CANCELLED"))).exists()
    with db.reading() as s:
        cars = s.execute(select(Vehicle.plate, Vehicle.mileage)
                         .where(Vehicle.plate.is_not(None), Vehicle.mileage > 1000, ~open_order)
                         .order_by(Vehicle.id).limit(50)).all()
        technician = s.scalar(select(User.display_name)
                              .where(User.username == seats["technician"]))
    plate, mileage = next(c for c in cars if len(front_desk_search(db, advisor, c.plate[-5:])) == 1)
    return {"plate": plate, "mileage": mileage + 3210, "technician": technician,
            "cash": CASH, "reference": "WX4200009876"}


SEATS = {"advisor": "advisor1", "dispatcher": "dispatcher1", "technician": "tech1",
         "qc": "qc1", "clerk": "warehouse1", "cashier": "cashier1", "care": "care1"}


def _step(seat, step, task, target, args=(), watcher=None, watch=None, **watch_args) -> Step:
    return Step(seat, step, task, target, args, watcher, watch, watch_args)


# `$name` in a watch's arguments is one of the day's facts (the plate, the order's number...).
DAY = (
    _step("advisor", "book_by_phone", "day: phone appointment for a returning car (plate → "
          "vehicle file → booking with a package)", 5, ("plate",),
          "care", "booked", plate="$plate"),
    _step("advisor", "check_in", "day: arrival from the book → check-in (mileage, fuel, 2 "
          "damage marks, valuables, the package, print for signature)", 15, ("plate", "mileage"),
          "care", "booked", plate="$plate", status="arrived"),
    _step("advisor", "issue_estimate", "day: issue and print the estimate", 2),
    _step("advisor", "approve_estimate", "day: the customer approves the estimate", 2, (),
          "dispatcher", "board", number="$number", lane="waiting"),
    _step("dispatcher", "dispatch_by_drag", "day: dispatcher switches to the plan and drags the "
          "order's two jobs to a technician (1 drag a job)", 3, ("number", "technician"),
          "technician", "my_jobs", number="$number", order_state="DISPATCHED", jobs=2),
    _step("technician", "clock_on", "day: technician clocks on", 1, ("number",),
          "dispatcher", "board", number="$number", lane="in_repair"),
    _step("technician", "propose_added_work", "day: technician proposes added work (hours, a part)",
          7, (), "advisor", "added_work_queue", number="$number"),
    _step("advisor", "approve_added_work", "day: added work priced and approved by phone "
          "(F4 queue, Ctrl+P price, then the 2-action approval)", 3, ("number",),
          "dispatcher", "board", number="$number", lane="waiting"),
    _step("dispatcher", "dispatch_by_drag", "day: dispatcher switches to the plan and drags the "
          "agreed added work to the technician", 2, ("number", "technician"),
          "technician", "my_jobs", number="$number", order_state="IN_REPAIR", jobs=3),
    _step("clerk", "scan_parts", "day: parts counter issues the order's parts by scan", 0,
          ("number",), "dispatcher", "parts_issued", number="$number"),
    _step("technician", "finish_jobs", "day: technician finishes three jobs (clock on/off) "
          "and self-checks", 9, (), "qc", "qc_desk", number="$number"),
    _step("qc", "qc_fail", "day: final inspection fails with a reason and the faulty job → "
          "rework", 5, ("number",),
          "technician", "my_jobs", number="$number", order_state="REWORK", rework=True),
    _step("technician", "finish_jobs", "day: technician redoes the faulty job (the only one "
          "the QC fail sent back) and self-checks", 5, (),
          "qc", "qc_desk", number="$number"),
    _step("qc", "qc_pass", "day: final inspection passes", 1, ("number",),
          "advisor", "order", order_id="$order_id", state="READY"),
    _step("advisor", "pre_settle", "day: pre-settlement (slip printed)", 2, (),
          "cashier", "cashier_queue", number="$number"),
    _step("cashier", "split_payment", "day: cashier takes a split payment (cash + WeChat Pay), "
          "slip and gate pass printed", 10, ("number", "cash", "reference"),
          "advisor", "order", order_id="$order_id", state="SETTLED"),
    _step("advisor", "deliver", "day: delivery with the keys, follow-up planned", 2, (),
          "care", "follow_ups", number="$number"),
    _step("care", "follow_up_call", "day: follow-up call recorded (score 5, satisfied)", 5,
          ("number",),
          "advisor", "order", order_id="$order_id", state="CLOSED"),
)
