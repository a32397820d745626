"""The store's own record, as every printed document heads it (name, address, telephone, logo:
`dms.reports.documents`), and the data housekeeping run from the manager's window: what
expired by itself (`dms.housekeeping`), released now for the manager's store, with the
appointments and orders it let go of named. Each change one audited transaction. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from dms import audit, housekeeping, validators
from dms.admin import Changed
from dms.errors import ValidationError
from dms.models import Appointment, Customer, Store, Vehicle, WorkOrder
from dms.permissions import require

LOGO_TYPES = (".png", ".jpg", ".jpeg")  # what reportlab draws on the documents' heading


@dataclass(frozen=True)
class StoreInfo:
    id: int
    code: str
    name: str
    address: str | None
    phone: str | None
    logo_path: str | None


def store_info(db, actor) -> StoreInfo:
    with db.reading() as s:
        require(s, actor, "admin.read")
        store = s.get(Store, actor.store_id)
        return StoreInfo(store.id, store.code, store.name, store.address, store.phone,
                         store.logo_path)


def _logo(path) -> str | None:
    path = validators.text(path, "logo_path", 300)
    if path is None:
        return None
    if Path(path).suffix.lower() not in LOGO_TYPES or not Path(path).is_file():
        raise ValidationError("store.logo", "The logo must be a PNG or JPEG file that exists: "
                              "{path}.", path=path)
    return path


def save_store(db, actor, name: str, address: str | None, phone: str | None,
               logo_path: str | None) -> Changed:
    """The store's name, address, telephone and logo, as the documents print them."""
    clean = {"name": validators.limited_text(name, "store.name", 100, field="name"),
             "address": validators.text(address, "address", 200),
             "phone": validators.text(phone, "phone", 40), "logo_path": _logo(logo_path)}
    with db.transaction() as s:
        require(s, actor, "store.edit")
        store = s.get(Store, actor.store_id)
        before = {key: getattr(store, key) for key in clean}
        for key, value in clean.items():
            setattr(store, key, value)
        audit.record(s, actor, "store", store.id, "store_saved", before=before, after=clean)
        return Changed("store", store.id)


@dataclass(frozen=True)
class Released:
    """One thing housekeeping let go of: a no-show's appointment or an expired estimate's order."""

    kind: str  # no_show | estimate
    id: int  # appointment or work order
    number: str
    plate: str | None
    customer_name: str
    at: datetime  # booked for (no-show), received (estimate)


@dataclass(frozen=True)
class HousekeepingRun:
    released: tuple[Released, ...]
    changes_pruned: int


def run_housekeeping(db, actor) -> HousekeepingRun:
    """`dms housekeeping` for the manager's store, now: the no-shows past their hold, the
    estimates expired past theirs (stock released), the change log pruned."""
    with db.transaction() as s:
        require(s, actor, "housekeeping.run")
        done = housekeeping.sweep(s, [actor.store_id])
        a, o = Appointment, WorkOrder
        no_shows = s.execute(select(a.id, a.number, Vehicle.plate, Customer.name, a.booked_for)
                             .join(Vehicle, Vehicle.id == a.vehicle_id)
                             .join(Customer, Customer.id == a.customer_id)
                             .where(a.id.in_(done.no_shows)).order_by(a.booked_for)).all()
        orders = s.execute(select(o.id, o.number, Vehicle.plate, Customer.name, o.entry_at)
                           .join(Vehicle, Vehicle.id == o.vehicle_id)
                           .join(Customer, Customer.id == o.customer_id)
                           .where(o.id.in_(done.estimates_released)).order_by(o.entry_at)).all()
        audit.record(s, actor, "store", actor.store_id, "housekeeping",
                     no_shows=list(done.no_shows), estimates_released=list(done.estimates_released),
                     changes_pruned=done.changes_pruned)
        return HousekeepingRun(
            tuple(Released("no_show", *row) for row in no_shows)
            + tuple(Released("estimate", *row) for row in orders), done.changes_pruned)
