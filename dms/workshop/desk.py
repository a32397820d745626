"""The advisor's desk (DESIGN §9 front desk): what the check-in screen and the estimate editor
need beyond the one-line services. No Qt.

- `check_in`: the check-in with its package (a standard job) and insurance block, one
  transaction, whether the car walked in or its appointment arrived.
- `add_package`: a maintenance package as a "smart job": its labour with its parts tied to the
  first job, priced and the parts reserved, in one action.
- `catalogue`: packages, labour operations (code, name or pinyin initials: 机滤 → JL) and parts
  (code, name, barcode; stock, bin, price) in one list for the editor's single add field.
- `propose_promise`: a promise time from the job's hours and the work already in the shop.
- `sign_check_in`: the customer's signature drawn on the screen, kept with the order.
- `change_line`: one line's payer, discount, a job's hours or a part's quantity (its
  reservation follows).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from sqlalchemy import func, select

from dms import clock, permissions
from dms.auth import authenticate
from dms.errors import InvalidTransition, NotFound, ValidationError
from dms.crm.membership import active_card
from dms.models import (Bay, Bin, Customer, LabourLine, LabourOperation, MaintenancePackage,
                        MaintenancePackageItem, PartLine, PriceClass, Stock, User, UserRole,
                        Vehicle, WorkOrder)
from dms.parts import picking
from dms.parts.catalogue import normalise_scan, search_parts
from dms.parts.reservations import refit_line
from dms.reports import documents
from dms.workshop import appointments, estimates, intake, photos as checkin_photos
from dms.workshop import states as st
from dms.workshop.common import Changed, changed, load_order
from dms.workshop.estimates import audit_order, labour_line, new_part_line, open_order, operation
from dms.workshop.lines import line_payer, member_discounts, part_names, plain, price
from dms.workshop.reception import CheckIn
from dms.workshop.signatures import signature_json

# The shop's day for promise times: work is not promised outside it.
OPENS, CLOSES = time(8, 30), time(18, 0)
_IN_SHOP = (st.RECEIVED, st.ESTIMATED, st.AUTHORIZED, st.DISPATCHED, st.IN_REPAIR, st.PAUSED,
            st.REWORK)


@dataclass(frozen=True)
class Claim:
    """The insurance block of a check-in (保险理赔)."""

    insurer: str
    report_no: str
    assessed_amount: Decimal | str | None = None
    deductible: Decimal | str = Decimal(0)


@dataclass(frozen=True)
class CatalogueHit:
    kind: str  # package | labour | part
    code: str
    name: str
    hours: Decimal | None = None  # labour / package: standard hours
    price: Decimal | None = None  # labour at its class rate, a package's list, a part's sale price
    trade: str | None = None
    available: Decimal | None = None  # part: on hand less reserved
    bin: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class OrderHeader:
    id: int
    version: int
    number: str
    state: str
    business_type: str
    vehicle_id: int
    plate: str | None
    vehicle: str
    customer_name: str
    customer_mobile: str | None
    member_tier: str | None
    promised_at: datetime | None
    entry_mileage: int
    complaint: str | None


# --- check-in ------------------------------------------------------------------------------

def check_in(db, actor, data: CheckIn, taken_up: tuple[int, ...] = (),
             package_code: str | None = None, claim: Claim | None = None,
             appointment_version: int | None = None, photos: Iterable = ()) -> Changed:
    """Open the order (an arriving appointment when `data.appointment_id`), add the package,
    write the insurance block and attach the walk-around's photos (paths of JPEG or PNG
    files): all or nothing."""
    prepared = checkin_photos.prepare(photos)  # read and checked before the transaction
    with db.transaction() as s:
        if data.appointment_id is not None:
            order = appointments.arrive_in(s, actor, data.appointment_id, data,
                                           appointment_version)
        else:
            order = intake.open_taking_up(s, actor, data, taken_up)
        if package_code:
            _package_lines(s, actor, order, package_code)
        if claim is not None:
            estimates.write_claim(s, actor, order, claim.insurer, claim.report_no,
                                  claim.assessed_amount, claim.deductible)
        checkin_photos.attach(s, actor, order.id, prepared)
        return changed(s, order)


# --- the customer's signature on the check-in sheet ------------------------------------------

def sign_check_in(db, actor, work_order_id: int, strokes, expected_version: int | None = None
                  ) -> Changed:
    """The customer signs the check-in sheet on the screen: the strokes (lists of (x, y),
    each 0–1 of the pad) and the time go into the order; the sheet prints them."""
    signature = signature_json(strokes)
    with db.transaction() as s:
        permissions.require(s, actor, "workorder.open")
        order = load_order(s, actor, work_order_id, expected_version)
        if order.state not in st.OPEN_STATES:
            raise InvalidTransition(action="sign_check_in", state=order.state)
        order.checkin_signature = signature
        audit_order(s, actor, order, "sign_check_in",
                    strokes=len(json.loads(signature)["strokes"]))
        return changed(s, order)


# --- packages as smart jobs ----------------------------------------------------------------

def add_package(db, actor, work_order_id: int, package_code: str, payer: str | None = None,
                expected_version: int | None = None) -> Changed:
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "add_package")
        _package_lines(s, actor, order, package_code, payer)
        return changed(s, order)


def _package_lines(s, actor, order, code: str, payer: str | None = None) -> None:
    permissions.require(s, actor, "estimate.edit")
    package = estimates._by_code(s, MaintenancePackage, order.store_id, code, "Package")
    items = s.scalars(select(MaintenancePackageItem)
                      .where(MaintenancePackageItem.package_id == package.id)
                      .order_by(MaintenancePackageItem.id)).all()
    discounts, first_job = member_discounts(s, order), None
    for item in (i for i in items if i.kind == "labour"):
        op = operation(s, actor, item.code)
        hours = op.standard_hours * item.qty
        line = labour_line(s, order, op, standard_hours=hours, billed_hours=hours,
                           payer=line_payer(order, payer))
        price(line, discounts)
        s.add(line)
        s.flush()  # the next job's seq counts this one
        first_job = first_job or line
    for item in (i for i in items if i.kind == "part"):
        line = new_part_line(s, order, item.code, item.qty, payer,
                             labour_line_id=first_job.id if first_job else None)
        price(line, discounts)
        s.add(line)
        picking.reserve_line(s, actor, line)
    s.flush()
    audit_order(s, actor, order, "add_package", package=package.code)


# --- one line's payer, hours, quantity and discount ---------------------------------------

def change_line(db, actor, work_order_id: int, kind: str, line_id: int, payer: str,
                discount_pct=None, billed_hours=None, manager: tuple[str, str] | None = None,
                expected_version: int | None = None, qty=None) -> Changed:
    """Payer, manual discount (None: none) and, for a job, billed hours, for a part its
    quantity (what is held for it follows), of one line before authorisation. A discount
    above the advisor's limit needs `manager`: (user name, password) of a manager at the
    desk, checked like a sign-in, recorded with the line."""
    approved_by = authenticate(db, *manager) if manager else None
    model = {"labour": LabourLine, "part": PartLine}.get(kind)
    if model is None:
        raise ValidationError("estimate.line_kind", "Unknown line kind {kind}.", kind=kind)
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "change_line")
        line = s.get(model, line_id)
        if line is None or line.work_order_id != order.id:
            raise NotFound(what=f"{kind} line", key=line_id)
        line.payer = line_payer(order, payer)
        if kind == "labour" and billed_hours is not None:
            line.billed_hours = estimates.number(billed_hours, "estimate.hours")
        new_qty = None
        if kind == "part" and qty is not None:
            new_qty = estimates.number(qty, "estimate.qty", 3)
            if new_qty < line.qty_issued:
                raise ValidationError("estimate.qty_issued", "{issued} of this part are issued "
                                      "already: the quantity cannot be lower.",
                                      issued=plain(line.qty_issued))
        price_with = estimates.manual_pct(s, actor, discount_pct, line.payer, approved_by)
        if new_qty is not None and new_qty != line.qty:
            line.qty = new_qty
            refit_line(s, actor, line)
        price(line, member_discounts(s, order), *price_with)
        audit_order(s, actor, order, "change_line", kind=kind, line_id=line.id, payer=line.payer,
                    net=line.net, discount_approved_by=line.discount_approved_by_id,
                    qty=new_qty)
        return changed(s, order)


# --- the catalogue, as the advisor types ---------------------------------------------------

@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """Pinyin initials of a name as people type them in a Chinese DMS: 更换机油 → GHJY."""
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).upper()


def _matches(key: str, raw: str, code: str, name: str) -> int | None:
    """0 code, 1 initials, 2 name: how well `code`/`name` answer what was typed; None: not."""
    if code.upper().startswith(key):
        return 0
    if key.isascii() and key.isalpha() and initials(name).startswith(key):
        return 1
    return 2 if raw.lower() in name.lower() else None


def catalogue(db, actor, text: str, limit: int = 20) -> list[CatalogueHit]:
    """Packages first, then labour operations, then parts, each best match first."""
    raw, key = (text or "").strip(), normalise_scan(text)
    if not key:
        return []
    with db.reading() as s:
        permissions.require(s, actor, "estimate.edit")
        rates = dict(s.execute(select(PriceClass.id, PriceClass.hourly_rate)
                               .where(PriceClass.store_id == actor.store_id)).all())
        ops = s.scalars(select(LabourOperation).where(LabourOperation.store_id == actor.store_id)
                        .order_by(LabourOperation.code)).all()
        hours = {op.code: op.standard_hours for op in ops}
        found = []
        for p in s.scalars(select(MaintenancePackage)
                           .where(MaintenancePackage.store_id == actor.store_id)
                           .order_by(MaintenancePackage.code)):
            rank = _matches(key, raw, p.code, p.name)
            if rank is not None:
                total = sum((hours.get(i.code, Decimal(0)) * i.qty for i in p.items
                             if i.kind == "labour"), Decimal(0))
                found.append((0, rank, CatalogueHit("package", p.code, p.name, total, p.price)))
        for op in ops:
            rank = _matches(key, raw, op.code, op.name)
            if rank is not None:
                amount = (op.standard_hours * rates[op.price_class_id]).quantize(Decimal("0.01"))
                found.append((1, rank, CatalogueHit("labour", op.code, op.name, op.standard_hours,
                                                    amount, trade=op.trade)))
    hits = [hit for *_, hit in sorted(found, key=lambda x: (x[0], x[1]))][:limit]
    if len(hits) < limit:
        hits += _parts(db, actor, raw, limit - len(hits))
    return hits


def _parts(db, actor, text: str, limit: int) -> list[CatalogueHit]:
    parts = search_parts(db, actor, text, 0, limit)
    if not parts:
        return []
    with db.reading() as s:
        bins = dict(s.execute(select(Stock.part_id, func.min(Bin.code))
                              .join(Bin, Bin.id == Stock.bin_id)
                              .where(Stock.part_id.in_([p.id for p in parts]))
                              .group_by(Stock.part_id)).all())
    return [CatalogueHit("part", p.code, p.name, price=p.sale_price, available=p.available,
                         bin=bins.get(p.id), unit=p.unit) for p in parts]


# --- promise time ----------------------------------------------------------------------------

def _within_day(start: datetime, hours: Decimal) -> datetime:
    """`hours` of shop time from `start`, carried over the nights, rounded up to a half hour."""
    left = timedelta(hours=float(hours))  # a proposal, not money: minutes are enough
    at = start
    while True:
        opens = at.replace(hour=OPENS.hour, minute=OPENS.minute, second=0, microsecond=0)
        closes = at.replace(hour=CLOSES.hour, minute=CLOSES.minute, second=0, microsecond=0)
        if at < opens:
            at = opens
        if at >= closes:
            at = opens + timedelta(days=1)
            continue
        if at + left <= closes:
            at += left
            break
        left -= closes - at
        at = opens + timedelta(days=1)
    extra = (30 - at.minute % 30) % 30
    return (at + timedelta(minutes=extra)).replace(second=0, microsecond=0)


def propose_promise(db, actor, hours) -> datetime:
    """When the car can be ready: the approved, unfinished labour already in the shop shared
    over the hands that can do it (min of technicians and bays), then this job's `hours`."""
    hours = Decimal(str(hours or 0))
    with db.reading() as s:
        permissions.require(s, actor, "workorder.open")
        hands = min(
            s.scalar(select(func.count(User.id)).join(UserRole).where(
                User.store_id == actor.store_id, User.active, UserRole.role == "technician")),
            s.scalar(select(func.count(Bay.id)).where(Bay.store_id == actor.store_id, Bay.active)))
        queued = s.scalars(select(LabourLine.billed_hours)
                           .join(WorkOrder, WorkOrder.id == LabourLine.work_order_id)
                           .where(WorkOrder.store_id == actor.store_id,
                                  WorkOrder.state.in_(_IN_SHOP),
                                  LabourLine.approval == "approved",
                                  LabourLine.state != "done")).all()
    wait = sum(queued, Decimal(0)) / max(hands, 1)
    return _within_day(clock.now().astimezone(), wait + max(hours, Decimal("0.5")))


# --- the editor's header ---------------------------------------------------------------------

def order_header(db, actor, work_order_id: int) -> OrderHeader:
    with db.reading() as s:
        permissions.require(s, actor, "customer.read")
        order = load_order(s, actor, work_order_id, lock=False)
        vehicle, customer = s.get(Vehicle, order.vehicle_id), s.get(Customer, order.customer_id)
        model = " ".join(x for x in (vehicle.brand, vehicle.series, vehicle.model_code) if x)
        card = active_card(s, order.store_id, customer.id)
        return OrderHeader(order.id, order.version, order.number, order.state,
                           order.business_type, vehicle.id, vehicle.plate, model, customer.name,
                           customer.mobile, card.tier.name if card else None, order.promised_at,
                           order.entry_mileage, order.complaint)


def order_document(db, actor, work_order_id: int, kind: str,
                   lang: str = "zh_CN") -> tuple[str, bytes]:
    """(the order's number, the PDF of its document `kind`) for the preview at the desk."""
    with db.reading() as s:
        number = load_order(s, actor, work_order_id, lock=False).number
    return number, documents.render(db, actor, kind, number, lang)


# --- added work waiting at the desk -----------------------------------------------------------

@dataclass(frozen=True)
class AddedWorkOrder:
    """An order in the workshop with added work waiting for a price or the customer's answer."""

    work_order_id: int
    version: int
    number: str
    plate: str | None
    customer_name: str
    phone: str | None
    description: str  # the proposed jobs and parts, as one line
    waiting_price: int  # lines still to be priced
    priced: Decimal  # net of the priced lines, what the customer is asked to agree to
    proposed_at: datetime | None


def _has_pending(line, pending):
    return select(line.id).where(line.work_order_id == WorkOrder.id, line.added_work,
                                 line.approval.in_(pending)).exists()


def added_work_queue(db, actor) -> list[AddedWorkOrder]:
    """Every order of the store with added work proposed or priced, oldest first."""
    with db.reading() as s:
        permissions.require(s, actor, "addedwork.read")  # a read: pricing is the command
        pending = ("proposed", "priced")
        orders = s.execute(
            select(WorkOrder, Vehicle.plate, Customer.name, Customer.mobile)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .join(Customer, Customer.id == WorkOrder.customer_id)
            .where(WorkOrder.store_id == actor.store_id,
                   WorkOrder.state.in_((st.IN_REPAIR, st.PAUSED)),
                   # per order in the workshop, through the lines' order index (not a scan of
                   # every line the store ever had)
                   _has_pending(LabourLine, pending) | _has_pending(PartLine, pending))
            .order_by(WorkOrder.updated_at, WorkOrder.id)).all()
        found = []
        for order, plate, name, mobile in orders:
            labour = [x for x in order.labour_lines if x.added_work and x.approval in pending]
            parts = [x for x in order.part_lines if x.added_work and x.approval in pending]
            names = part_names(s, parts)
            text = "; ".join([x.name for x in labour]
                             + [f"{names[p.part_id].name} ×{plain(p.qty)}" for p in parts])
            lines = (*labour, *parts)
            found.append(AddedWorkOrder(
                order.id, order.version, order.number, plate, name,
                order.delivered_by_phone or mobile, text,
                sum(1 for x in lines if x.approval == "proposed"),
                sum((x.net for x in lines if x.approval == "priced"), Decimal(0)),
                order.updated_at))
        return found

