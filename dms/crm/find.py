"""What the front desk's search and the quick-open palette find (DESIGN §9).

`front_desk_search` is the lookup (plate, VIN tail, phone, name: `dms.crm.lookup.search`) with
each vehicle's open work order beside it, and work orders and invoices found by their number:
"WO2026…" or "INV2026…" as printed. One page per call, off the GUI thread.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import astuple, dataclass

from sqlalchemy import select

from dms import permissions
from dms.crm import lookup
from dms.models import Customer, Settlement, Vehicle, WorkOrder
from dms.workshop import states

_NUMBER = re.compile(r"(WO|INV)\d[0-9A-Z-]*")


@dataclass(frozen=True)
class FoundRow(lookup.LookupRow):
    order_id: int | None = None  # the vehicle's open work order (or the one found by number)
    order_number: str | None = None
    order_state: str | None = None

    @property
    def key(self) -> tuple[int, int | None]:
        return self.customer_id, self.vehicle_id


def _number(text: str) -> str | None:
    text = unicodedata.normalize("NFKC", text).strip().upper()
    return text if _NUMBER.fullmatch(text) else None


def _by_number(s, actor, number: str, limit: int) -> list[FoundRow]:
    """Work orders whose number, or whose settlement's invoice number, starts with `number`."""
    upper = number + "\uffff"  # a prefix range the (store_id, number) index answers
    if number.startswith("INV"):
        ids = select(Settlement.work_order_id).where(
            Settlement.store_id == actor.store_id, Settlement.invoice_no >= number,
            Settlement.invoice_no < upper)
        cond = WorkOrder.id.in_(ids)
    else:
        cond = (WorkOrder.number >= number) & (WorkOrder.number < upper)
    rows = s.execute(
        select(WorkOrder, Customer, Vehicle)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
        .where(WorkOrder.store_id == actor.store_id, cond)
        .order_by(WorkOrder.number.desc()).limit(limit))
    return [FoundRow(c.id, c.code, c.name, c.mobile, v.id, v.plate, v.vin, v.brand, v.series,
                     o.id, o.number, o.state) for o, c, v in rows]


def _open_orders(s, vehicle_ids: list[int]) -> dict[int, tuple[int, str, str]]:
    if not vehicle_ids:
        return {}
    rows = s.execute(select(WorkOrder.vehicle_id, WorkOrder.id, WorkOrder.number, WorkOrder.state)
                     .where(WorkOrder.vehicle_id.in_(vehicle_ids),
                            WorkOrder.state.in_(states.OPEN_STATES))
                     .order_by(WorkOrder.entry_at))
    return {vehicle_id: (wo_id, number, state) for vehicle_id, wo_id, number, state in rows}


def front_desk_search(db, actor, text: str, offset: int = 0, limit: int = 50) -> list[FoundRow]:
    number = _number(text)
    if number is not None:
        with db.reading() as s:
            permissions.require(s, actor, "lookup.search")
            return _by_number(s, actor, number, limit) if offset == 0 else []
    rows = lookup.search(db, actor, text, offset, limit)
    with db.reading() as s:
        permissions.require(s, actor, "lookup.search")
        orders = _open_orders(s, [r.vehicle_id for r in rows if r.vehicle_id is not None])
    return [FoundRow(*astuple(row), *orders.get(row.vehicle_id, (None, None, None)))
            for row in rows]
