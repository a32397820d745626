"""The KPIs a 4S store is measured against, beside those of `dms.reports.kpi`: same-day
delivery, technician utilisation, the workshop's totals and the parts fill rate, with the
reference targets. Plain queries, no Qt; `kpis()` calls these inside its one read.

Definitions (the actor's store, the period's whole local days):

- same-day delivery: orders delivered in the period (delivery time in it); same day when the
  local date of delivery is that of entry.
- utilisation: clocked hours / hours present. Clocked hours are those of the jobs a
  technician clocked on in the period (the one pairing of `dms.workshop.board`); hours present
  are the days the technician clocked anything × the store's working day
  (`workday_hours`, `dms.policy`). The shop keeps no attendance, so a day without a clock
  event counts as a day off, not as idle time: the rate is an upper bound.
- workshop: the technicians' billed, actual and clocked hours added up, efficiency and
  utilisation of the whole shop.
- fill rate (一次满足率): of the parts asked for on orders received in the period (one per order
  and part), those filled from stock: no purchase need raised for that part on that order.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from dms import policy
from dms.models import ClockEvent, LabourLine, PartLine, PurchaseNeed, User, WorkOrder
from dms.money import ZERO
from dms.workshop.board import pair_clock_events

# Reference targets (higher is better for every one of them).
TARGETS: dict[str, Decimal] = {
    "on_time": Decimal("0.95"),
    "same_day": Decimal("0.80"),
    "utilisation": Decimal("0.80"),
    "efficiency": Decimal("1.00"),
    "fill_rate": Decimal("0.90"),
}
RATE = Decimal("0.0001")
HOURS = Decimal("0.01")


def ratio(part, whole) -> Decimal | None:
    return None if not whole else (Decimal(part) / Decimal(whole)).quantize(RATE)


def same_day(s, stream, store_id, start, end) -> dict:
    o = WorkOrder
    delivered = same = 0
    for r in stream(s, select(o.entry_at, o.delivered_at).where(
            o.store_id == store_id, o.delivered_at >= start, o.delivered_at < end)):
        delivered += 1
        same += r.delivered_at.astimezone().date() == r.entry_at.astimezone().date()
    return {"delivered": delivered, "same_day": same, "rate": ratio(same, delivered)}


def utilisation(s, stream, store_id, start, end) -> list[dict]:
    in_period = (select(ClockEvent.labour_line_id)
                 .join(LabourLine, LabourLine.id == ClockEvent.labour_line_id)
                 .join(WorkOrder, WorkOrder.id == LabourLine.work_order_id)
                 # `+ 0`: no index on the order's store, so SQLite starts from the period's
                 # events (ix_clock_event_at), not from every order of the store
                 .where(WorkOrder.store_id + 0 == store_id, ClockEvent.at >= start,
                        ClockEvent.at < end))
    present: dict[int, set[date]] = defaultdict(set)
    for tech, at in stream(s, in_period.with_only_columns(ClockEvent.technician_id,
                                                          ClockEvent.at)):
        present[tech].add(at.astimezone().date())
    clocked: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for techs in pair_clock_events(s, ClockEvent.labour_line_id.in_(in_period)).values():
        for tech, hours in techs.items():
            if tech in present:
                clocked[tech] += hours
    workday = policy.value(s, store_id, "workday_hours")
    names = dict(s.execute(select(User.id, User.display_name)
                           .where(User.id.in_(list(present)))).all()) if present else {}
    out = []
    for tech in sorted(names, key=lambda i: names[i]):
        available = (workday * len(present[tech])).quantize(HOURS)
        out.append({"technician": names[tech], "clocked_hours": clocked[tech],
                    "days_present": len(present[tech]), "available_hours": available,
                    "utilisation": ratio(clocked[tech], available)})
    return out


def workshop(technicians: list[dict], utilised: list[dict]) -> dict:
    billed = sum((t["billed_hours"] for t in technicians), ZERO)
    actual = sum((t["actual_hours"] for t in technicians), ZERO)
    clocked = sum((t["clocked_hours"] for t in utilised), ZERO)
    available = sum((t["available_hours"] for t in utilised), ZERO)
    return {"billed_hours": billed, "actual_hours": actual, "efficiency": ratio(billed, actual),
            "clocked_hours": clocked, "available_hours": available,
            "utilisation": ratio(clocked, available)}


def fill_rate(s, received) -> dict:
    """`received`: the subquery of the period's orders' ids."""
    asked = set(s.execute(select(PartLine.work_order_id, PartLine.part_id).distinct().where(
        PartLine.work_order_id.in_(received), PartLine.approval != "declined")))
    short = set(s.execute(select(PurchaseNeed.work_order_id, PurchaseNeed.part_id).distinct()
                          .where(PurchaseNeed.work_order_id.in_(received),
                                 PurchaseNeed.status != "cancelled")))
    filled = len(asked - short)
    return {"lines": len(asked), "filled": filled, "rate": ratio(filled, len(asked))}
