"""The customer lounge board 休息室看板 (DESIGN §1 step 5, §9). No Qt, no sign-in.

The board hangs where every customer can read it, so this query is the only thing it may see:
a masked plate (京A·***3X), the step the car is at and the estimated time. No names, no phone
numbers, no prices, no work-order numbers; the rows carry nothing else, so a screen cannot show
more even by mistake.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from dms.errors import NotFound
from dms.models import Bay, LabourLine, Store, Vehicle, WorkOrder
from dms.workshop import states as st

STEPS = ("received", "in_repair", "qc", "washing", "ready")
_STEP_OF = {st.RECEIVED: "received", st.ESTIMATED: "received", st.AUTHORIZED: "received",
            st.DISPATCHED: "received", st.IN_REPAIR: "in_repair", st.PAUSED: "in_repair",
            st.REWORK: "in_repair", st.QC: "qc", st.READY: "ready", st.PRESETTLED: "ready",
            st.SETTLED: "ready"}
MAX_ROWS = 200  # a lounge shows the cars in the store today, never the history


@dataclass(frozen=True)
class LoungeCar:
    key: int  # for the screen to keep its rows apart; not shown
    plate: str  # masked
    step: str  # one of STEPS
    estimated_at: datetime | None


@dataclass(frozen=True)
class Lounge:
    store_name: str
    cars: tuple[LoungeCar, ...]


def mask_plate(plate: str | None, vin: str) -> str:
    """京AB123X → 京A·***3X: province and authority, then the last two characters; a car not
    yet registered shows the last four of its VIN the same way."""
    if not plate:
        return "VIN·****" + vin[-4:]
    hidden = len(plate) - 4
    return f"{plate[:2]}·{'*' * max(hidden, 1)}{plate[-2:]}"


def lounge_board(db, store_code: str | None = None) -> Lounge:
    """The cars in the store now, in the order they arrived (customers look for their plate).

    `store_code` None: the database's only store (the usual single-store install)."""
    with db.reading() as s:
        stores = select(Store).where(Store.code == store_code) if store_code else select(Store)
        found = s.scalars(stores.order_by(Store.id).limit(2)).all()
        if len(found) != 1:
            raise NotFound(what="Store", key=store_code or "-")
        store = found[0]
        rows = s.execute(
            select(WorkOrder.id, WorkOrder.state, WorkOrder.promised_at, Vehicle.plate,
                   Vehicle.vin)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .where(WorkOrder.store_id == store.id, WorkOrder.state.in_(_STEP_OF))
            .order_by(WorkOrder.entry_at, WorkOrder.id).limit(MAX_ROWS)).all()
        washing = _washing(s, [r.id for r in rows if r.state in (st.IN_REPAIR, st.REWORK)])
        cars = tuple(LoungeCar(r.id, mask_plate(r.plate, r.vin),
                               "washing" if r.id in washing else _STEP_OF[r.state],
                               r.promised_at) for r in rows)
        return Lounge(store.name, cars)


def _washing(s, order_ids: list[int]) -> set[int]:
    """Orders whose only jobs left are in a wash bay (the repair itself is done)."""
    if not order_ids:
        return set()
    left: dict[int, set[str | None]] = defaultdict(set)
    for order_id, kind in s.execute(
            select(LabourLine.work_order_id, Bay.kind)
            .outerjoin(Bay, Bay.id == LabourLine.bay_id)
            .where(LabourLine.work_order_id.in_(order_ids), LabourLine.approval == "approved",
                   LabourLine.state != "done")):
        left[order_id].add(kind)
    return {order_id for order_id, kinds in left.items() if kinds == {"wash"}}
