"""The store's own record, as every printed document heads it (name, address, telephone, logo:
`dms.reports.documents`) and as the settlement slip names the seller (the invoice details:
name, taxpayer ID, address and telephone, bank and account), and the data housekeeping run
from the manager's window: what
expired by itself (`dms.housekeeping`), released now for the manager's store, with the
appointments and orders it let go of named. Each change one audited transaction. No Qt.
"""

from __future__ import annotations

import unicodedata
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
# The unified social credit code (统一社会信用代码, GB 32100-2015), a company's taxpayer ID: 18
# characters of this set (table 1: the digits and the capital letters but I, O, S, V and Z,
# worth 0-30), the 3rd to 8th the registering authority's administrative division (digits);
# the 18th checks the others: 31 - MOD(sum of C_i * W_i, 31), where W_i = MOD(3^(i-1), 31)
# and 31 is written 0.
USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = tuple(3 ** i % 31 for i in range(17))


@dataclass(frozen=True)
class InvoiceDetails:
    """The seller's invoice details (开票信息) as a VAT invoice carries them."""

    name: str | None = None  # 名称: the invoice header (发票抬头)
    tax_id: str | None = None  # 纳税人识别号: the unified social credit code
    address_phone: str | None = None  # 地址、电话
    bank_account: str | None = None  # 开户行及账号


@dataclass(frozen=True)
class StoreInfo:
    id: int
    code: str
    name: str
    address: str | None
    phone: str | None
    logo_path: str | None
    invoice: InvoiceDetails


def store_info(db, actor) -> StoreInfo:
    with db.reading() as s:
        require(s, actor, "admin.read")
        store = s.get(Store, actor.store_id)
        return StoreInfo(store.id, store.code, store.name, store.address, store.phone,
                         store.logo_path, InvoiceDetails(
                             store.invoice_name, store.tax_id, store.invoice_address_phone,
                             store.invoice_bank_account))


def tax_id(value) -> str | None:
    """A unified social credit code as typed (full-width, lower case, spaces and hyphens
    allowed) → its 18 capitals; empty is None. Refused: another length or character, or a
    wrong check character."""
    code = "".join(unicodedata.normalize("NFKC", "" if value is None else str(value))
                   .upper().replace("-", " ").split())
    if not code:
        return None
    if (len(code) != 18 or any(ch not in USCC_CHARACTERS for ch in code)
            or not code[2:8].isdigit()):
        raise ValidationError("store.tax_id", "The taxpayer ID {value} is not a unified social "
                              "credit code: 18 digits and capital letters (no I, O, S, V or Z).",
                              value=str(value).strip())
    total = sum(USCC_CHARACTERS.index(ch) * weight for ch, weight in zip(code, USCC_WEIGHTS))
    if code[17] != USCC_CHARACTERS[(31 - total % 31) % 31]:
        raise ValidationError("store.tax_id_check", "The taxpayer ID {value} has a wrong check "
                              "character: compare it with the business licence.", value=code)
    return code


def _invoice(details: InvoiceDetails) -> dict:
    clean = {"invoice_name": validators.text(details.name, "invoice_name", 100),
             "tax_id": tax_id(details.tax_id),
             "invoice_address_phone": validators.text(details.address_phone,
                                                      "invoice_address_phone", 200),
             "invoice_bank_account": validators.text(details.bank_account,
                                                     "invoice_bank_account", 200)}
    if any(clean.values()) and not (clean["invoice_name"] and clean["tax_id"]):
        raise ValidationError("store.invoice_incomplete", "The invoice details need at least "
                              "the name and the taxpayer ID.")
    return clean


def _logo(path) -> str | None:
    path = validators.text(path, "logo_path", 300)
    if path is None:
        return None
    if Path(path).suffix.lower() not in LOGO_TYPES or not Path(path).is_file():
        raise ValidationError("store.logo", "The logo must be a PNG or JPEG file that exists: "
                              "{path}.", path=path)
    return path


def save_store(db, actor, name: str, address: str | None, phone: str | None,
               logo_path: str | None, invoice: InvoiceDetails) -> Changed:
    """The store's name, address, telephone and logo, as the documents print them, and the
    invoice details the settlement slip names the seller with."""
    clean = {"name": validators.limited_text(name, "store.name", 100, field="name"),
             "address": validators.text(address, "address", 200),
             "phone": validators.text(phone, "phone", 40), "logo_path": _logo(logo_path),
             **_invoice(invoice)}
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
