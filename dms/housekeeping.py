"""What expires by itself (DESIGN §2: whatever an order holds is released when it expires).
Run at start by the app, hourly by its window, by `dms housekeeping` and from the manager's
administration (`dms.admin.store.run_housekeeping`, the manager's store). No Qt.

- A booked appointment whose car has not come `hold_hours.no_show` after the booked time is
  marked no-show; its reservations go back and its open purchase needs lapse.
- An estimate not approved `hold_hours.estimate` after its valid_until lets go of the stock
  its order holds; approving needs a new estimate anyway (`estimates.approve_estimate`), and
  the approval reserves again.
- `change_log` rows every seat has read, or older than a day, are pruned.

Each store's rules come from `dms.policy`. The actions are audited as the system's (no user).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from dms import audit, changes, clock, policy
from dms.models import Appointment, Estimate, Store, WorkOrder
from dms.parts import reservations
from dms.workshop import states


@dataclass(frozen=True)
class SystemActor:
    """Who the audit log names for what expired by itself."""

    store_id: int
    id: None = None
    roles: frozenset = frozenset()


@dataclass(frozen=True)
class HousekeepingResult:
    no_shows: tuple[int, ...]  # appointment ids
    estimates_released: tuple[int, ...]  # work order ids
    changes_pruned: int


def _hours(s, store_id: int, key: str) -> timedelta:
    return timedelta(hours=float(policy.value(s, store_id, key)))


def _no_shows(s, actor, now) -> list[int]:
    cutoff = now - _hours(s, actor.store_id, "hold_hours.no_show")
    done = []
    for appointment in s.scalars(select(Appointment).where(
            Appointment.store_id == actor.store_id, Appointment.status == "booked",
            Appointment.booked_for < cutoff).order_by(Appointment.id).with_for_update()):
        appointment.status = "no_show"
        reservations.release_appointment(s, actor, appointment)
        audit.record(s, actor, "appointment", appointment.id, "no_show", from_state="booked",
                     to_state="no_show", reason="expired")
        done.append(appointment.id)
    return done


def _abandoned(s, actor, now) -> list[int]:
    cutoff = now - _hours(s, actor.store_id, "hold_hours.estimate")
    latest = (select(Estimate.work_order_id, func.max(Estimate.valid_until).label("until"))
              .group_by(Estimate.work_order_id).subquery())
    orders = s.scalars(select(WorkOrder).join(latest, latest.c.work_order_id == WorkOrder.id)
                       .where(WorkOrder.store_id == actor.store_id,
                              WorkOrder.state == states.ESTIMATED, latest.c.until < cutoff)
                       .order_by(WorkOrder.id))
    done = []
    for order in orders:
        lines = [x for x in reservations.live_lines(s, order.id)
                 if reservations.active(s, part_line_id=x.id)]
        if not lines:
            continue
        for line in lines:
            reservations.release_line(s, actor, line)
        audit.record(s, actor, "work_order", order.id, "estimate_expired",
                     lines=[x.id for x in lines])
        done.append(order.id)
    return done


def sweep(s, store_ids) -> HousekeepingResult:
    """One pass over the stores named, in the caller's transaction."""
    now = clock.now()
    no_shows, released = [], []
    for store_id in store_ids:
        actor = SystemActor(store_id)
        no_shows += _no_shows(s, actor, now)
        released += _abandoned(s, actor, now)
    pruned = changes.prune(s)
    return HousekeepingResult(tuple(no_shows), tuple(released), pruned)


def run(db) -> HousekeepingResult:
    """One pass over every store, one transaction."""
    with db.transaction() as s:
        return sweep(s, s.scalars(select(Store.id).order_by(Store.id)).all())
