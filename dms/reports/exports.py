"""What each Excel export contains: its sheets, their columns and the query feeding each sheet.

Rows are plain tuples (str, int, Decimal, date, aware datetime, bool) pulled from the database
in chunks (`yield_per`, or key-set pages of orders for the lines sheet), never the whole table;
`dms.reports.excel` turns them into cells. Every query is limited to the actor's store.

"With lines" and "with payments" are a second sheet: one row per work-order line (labour,
part, fee) or per payment, carrying the order number, plate and invoice number to link back.
Repeating the order's amounts on every line row would make a column sum count them twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from dms.models import (Appointment, Bin, Complaint, Customer, Fee, FollowUp, LabourLine, Part,
                        PartLine, Payment, Settlement, Stock, StockMovement, Supplier, User,
                        Vehicle, Warehouse, WorkOrder)
from dms.money import money

CHUNK = 1000  # rows per fetch; also the page size of the work-order lines sheet


@dataclass(frozen=True)
class Col:
    key: str  # header key in dms.reports.headers.COLUMNS
    kind: str = "text"  # text, int, money, cost, qty, hours, datetime, date, bool
    width: int | None = None  # None: by kind and header


@dataclass(frozen=True)
class Scope:
    store_id: int
    since: datetime | None  # aware, inclusive
    until: datetime | None  # aware, exclusive

    def window(self, column) -> list:
        return ([column >= self.since] if self.since else []) + (
            [column < self.until] if self.until else [])


@dataclass(frozen=True)
class SheetDef:
    key: str  # sheet title key in dms.reports.headers.SHEETS
    columns: tuple[Col, ...]
    rows: Callable[[Session, Scope], Iterator[tuple]]


def cols(spec: str) -> tuple[Col, ...]:
    """'key:kind:width key …' → columns (kind and width optional)."""
    out = []
    for item in spec.split():
        key, kind, width = (item.split(":") + ["", ""])[:3]
        out.append(Col(key, kind or "text", int(width) if width else None))
    return tuple(out)


def stream(s: Session, stmt) -> Iterator:
    """The rows in buffered chunks (`yield_per`), never .all(): on PostgreSQL a server-side
    cursor, which needs the transaction of `db.reading(streamed=True)`; asked of on both
    backends, so that a read without it fails in every test, not only on PostgreSQL."""
    if not s.info.get("dms_streamed"):
        raise RuntimeError("stream() reads in db.reading(streamed=True)")
    return iter(s.execute(stmt.execution_options(yield_per=CHUNK)))


Advisor, Tech, Taker = aliased(User), aliased(User), aliased(User)


# -- customers, vehicles, appointments --------------------------------------------------------

def _customers(s, scope):
    c = Customer
    yield from stream(s, select(
        c.code, c.name, c.kind, c.gender, c.mobile, c.home_phone, c.office_phone, c.address,
        c.postcode, c.employer, c.title, c.id_number, c.birthday, c.email, c.created_at, c.notes)
        .where(c.store_id == scope.store_id, *scope.window(c.created_at)).order_by(c.code))


def _vehicles(s, scope):
    v = Vehicle
    yield from stream(s, select(
        v.plate, v.vin, Customer.code, Customer.name, v.brand, v.series, v.model_code,
        v.model_year, v.engine_no, v.transmission, v.colour, v.fuel_type, v.purchase_date,
        v.mileage, v.mileage_on, v.created_at)
        .join(Customer, Customer.id == v.customer_id)
        .where(v.store_id == scope.store_id, *scope.window(v.created_at)).order_by(v.id))


def _appointments(s, scope):
    a = Appointment
    yield from stream(s, select(
        a.number, a.booked_for, a.status, a.channel, Customer.name, Vehicle.plate,
        a.contact_name, a.contact_phone, a.requested_work, a.planned_hours, a.estimate,
        Taker.display_name, Advisor.display_name, a.reminded_at, a.arrived_at, a.created_at)
        .join(Customer, Customer.id == a.customer_id).join(Vehicle, Vehicle.id == a.vehicle_id)
        .join(Taker, Taker.id == a.taken_by_id).outerjoin(Advisor, Advisor.id == a.advisor_id)
        .where(a.store_id == scope.store_id, *scope.window(a.booked_for))
        .order_by(a.booked_for, a.id))


# -- work orders and their lines ----------------------------------------------------------------

def _order_filter(scope):
    return (WorkOrder.store_id == scope.store_id, *scope.window(WorkOrder.entry_at))


def _workorders(s, scope):
    o = WorkOrder
    yield from stream(s, select(
        o.number, o.state, o.business_type, o.entry_at, o.entry_mileage, Vehicle.plate,
        Vehicle.vin, Customer.name, Advisor.display_name, o.delivered_by_name, o.complaint,
        o.estimated_amount, o.promised_at, o.completed_at, o.delivered_at, o.delay_reason,
        o.cancel_reason)
        .join(Vehicle, Vehicle.id == o.vehicle_id).join(Customer, Customer.id == o.customer_id)
        .join(Advisor, Advisor.id == o.advisor_id)
        .where(*_order_filter(scope)).order_by(o.id))


def _order_pages(s, scope) -> Iterator[list]:
    """Key-set pages of (id, number, plate): the lines of one page are fetched together."""
    last = 0
    while True:
        page = s.execute(select(WorkOrder.id, WorkOrder.number, Vehicle.plate)
                         .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
                         .where(*_order_filter(scope), WorkOrder.id > last)
                         .order_by(WorkOrder.id).limit(CHUNK)).all()
        if not page:
            return
        yield page
        last = page[-1].id


def _workorder_lines(s, scope):
    for page in _order_pages(s, scope):
        ids = [row.id for row in page]
        lines: dict[int, list[tuple]] = defaultdict(list)
        for r in s.execute(select(
                LabourLine.work_order_id, LabourLine.code, LabourLine.name,
                LabourLine.billed_hours, LabourLine.rate, LabourLine.amount, LabourLine.discount,
                LabourLine.net, LabourLine.payer, LabourLine.state, LabourLine.approval,
                LabourLine.added_work, Tech.display_name)
                .outerjoin(Tech, Tech.id == LabourLine.technician_id)
                .where(LabourLine.work_order_id.in_(ids)).order_by(LabourLine.seq, LabourLine.id)):
            lines[r[0]].append(("labour", r[1], r[2], r[3], None, r[4], r[5], r[6], r[7], r[8],
                                r[9], r[10], r[11], r[12]))
        for r in s.execute(select(
                PartLine.work_order_id, Part.code, Part.name, PartLine.qty, PartLine.unit,
                PartLine.unit_price, PartLine.amount, PartLine.discount, PartLine.net,
                PartLine.payer, PartLine.state, PartLine.approval, PartLine.added_work)
                .join(Part, Part.id == PartLine.part_id)
                .where(PartLine.work_order_id.in_(ids)).order_by(PartLine.id)):
            lines[r[0]].append(("part", *r[1:], None))
        for r in s.execute(select(Fee.work_order_id, Fee.kind, Fee.description, Fee.amount,
                                  Fee.payer).where(Fee.work_order_id.in_(ids)).order_by(Fee.id)):
            lines[r[0]].append(("fee", r[1], r[2], None, None, None, r[3], None, r[3], r[4],
                                None, None, None, None))
        for order in page:
            for line in lines.get(order.id, ()):
                yield (order.number, order.plate, *line)


# -- parts and the stock ledger -----------------------------------------------------------------

def _parts(s, scope):
    p = Part
    rows = stream(s, select(
        p.code, p.name, p.brand, p.category, p.subcategory, p.unit, p.genuine, p.origin,
        Supplier.name, p.sale_price, p.avg_cost, p.reorder_threshold, Warehouse.code, Bin.code,
        Stock.on_hand, Stock.reserved, p.active)
        .outerjoin(Supplier, Supplier.id == p.supplier_id)
        .outerjoin(Stock, Stock.part_id == p.id)
        .outerjoin(Warehouse, Warehouse.id == Stock.warehouse_id)
        .outerjoin(Bin, Bin.id == Stock.bin_id)
        .where(p.store_id == scope.store_id).order_by(p.code, Warehouse.code))
    for r in rows:
        on_hand, reserved = r[14], r[15]
        available = on_hand - reserved if on_hand is not None else None  # Decimals, in Python
        yield (*r[:16], available, r[16])


def _movements(s, scope):
    m = StockMovement
    rows = stream(s, select(
        m.at, m.kind, Part.code, Part.name, Warehouse.code, m.qty, m.unit_cost,
        WorkOrder.number, User.display_name, m.received_by, m.reference, m.batch, m.reason)
        .join(Part, Part.id == m.part_id).join(Warehouse, Warehouse.id == m.warehouse_id)
        .outerjoin(WorkOrder, WorkOrder.id == m.work_order_id)
        .outerjoin(User, User.id == m.user_id)
        .where(m.store_id == scope.store_id, *scope.window(m.at)).order_by(m.at, m.id))
    for r in rows:
        value = money(r[5] * r[6]) if r[6] is not None else None
        yield (*r[:7], value, *r[7:])


# -- settlements and payments -------------------------------------------------------------------

def _settlement_filter(scope):
    settled = and_(*scope.window(Settlement.settled_at)) if scope.since or scope.until else None
    presettled = and_(Settlement.settled_at.is_(None), *scope.window(Settlement.presettled_at))
    where = [Settlement.store_id == scope.store_id]
    if settled is not None:
        where.append(or_(settled, presettled))
    return where


def _settlements(s, scope):
    st = Settlement
    yield from stream(s, select(
        st.invoice_no, WorkOrder.number, Vehicle.plate, Customer.name, WorkOrder.business_type,
        st.state, st.presettled_at, st.settled_at, st.labour_receivable, st.labour_net,
        st.material_receivable, st.material_net, st.management_fee, st.auxiliary_fee,
        st.subcontract_fee, st.rescue_fee, st.other_fee, st.total, st.customer_share,
        st.insurance_share, st.warranty_share, st.internal_share, st.received, st.outstanding,
        User.display_name)
        .join(WorkOrder, WorkOrder.id == st.work_order_id)
        .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .outerjoin(User, User.id == st.cashier_id)
        .where(*_settlement_filter(scope)).order_by(st.presettled_at, st.id))


def _payments(s, scope):
    p = Payment
    yield from stream(s, select(
        Settlement.invoice_no, WorkOrder.number, p.at, p.method, p.amount, p.reference,
        User.display_name)
        .join(Settlement, Settlement.id == p.settlement_id)
        .join(WorkOrder, WorkOrder.id == Settlement.work_order_id)
        .join(User, User.id == p.cashier_id)
        .where(*_settlement_filter(scope)).order_by(Settlement.presettled_at, Settlement.id, p.id))


# -- follow-ups and complaints ------------------------------------------------------------------

def _followups(s, scope):
    f, agent = FollowUp, aliased(User)
    yield from stream(s, select(
        WorkOrder.number, Vehicle.plate, Customer.name, Customer.mobile, Advisor.display_name,
        WorkOrder.delivered_at, f.due_at, f.status, agent.display_name, f.done_at,
        f.satisfaction, f.result, f.issue)
        .join(WorkOrder, WorkOrder.id == f.work_order_id)
        .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(Advisor, Advisor.id == WorkOrder.advisor_id)
        .outerjoin(agent, agent.id == f.agent_id)
        .where(f.store_id == scope.store_id, *scope.window(f.due_at)).order_by(f.due_at, f.id))


def _complaints(s, scope):
    c = Complaint
    yield from stream(s, select(
        c.number, c.created_at, Customer.name, Customer.mobile, WorkOrder.number, c.source,
        c.severity, c.description, User.display_name, c.deadline, c.escalation_level,
        c.escalated_at, c.status, c.root_cause, c.resolution, c.prevention, c.closed_at)
        .join(Customer, Customer.id == c.customer_id)
        .outerjoin(WorkOrder, WorkOrder.id == c.work_order_id)
        .outerjoin(User, User.id == c.owner_id)
        .where(c.store_id == scope.store_id, *scope.window(c.created_at))
        .order_by(c.created_at, c.id))


DEFINITIONS: dict[str, tuple[SheetDef, ...]] = {
    "customers": (SheetDef("customers", cols(
        "code name:text:20 kind gender mobile:text:14 home_phone:text:14 office_phone:text:14 "
        "address:text:36 postcode employer:text:24 title id_number:text:20 birthday:date "
        "email:text:24 created_at:datetime notes:text:30"), _customers),),
    "vehicles": (SheetDef("vehicles", cols(
        "plate:text:12 vin:text:20 customer_code customer_name:text:20 brand series model_code "
        "model_year:int engine_no:text:16 transmission colour fuel_type purchase_date:date "
        "mileage:int mileage_on:date created_at:datetime"), _vehicles),),
    "appointments": (SheetDef("appointments", cols(
        "appointment_number booked_for:datetime status channel customer_name:text:20 plate:text:12 "
        "contact_name contact_phone:text:14 requested_work:text:30 planned_hours:hours "
        "estimate:money taken_by advisor reminded_at:datetime arrived_at:datetime "
        "created_at:datetime"), _appointments),),
    "workorders": (
        SheetDef("workorders", cols(
            "work_order_number state business_type entry_at:datetime entry_mileage:int "
            "plate:text:12 vin:text:20 customer_name:text:20 advisor delivered_by_name "
            "complaint:text:30 estimated_amount:money promised_at:datetime completed_at:datetime "
            "delivered_at:datetime delay_reason:text:24 cancel_reason:text:24"), _workorders),
        SheetDef("workorder_lines", cols(
            "work_order_number plate:text:12 line_kind item_code:text:14 item_name:text:28 "
            "quantity:qty unit unit_price:money amount:money discount:money net:money payer "
            "line_state approval added_work:bool technician"), _workorder_lines)),
    "parts": (SheetDef("parts", cols(
        "part_code:text:16 part_name:text:28 brand category subcategory unit genuine:bool origin "
        "supplier:text:20 sale_price:money avg_cost:cost reorder_threshold:qty warehouse bin "
        "on_hand:qty reserved:qty available:qty active:bool"), _parts),),
    "movements": (SheetDef("movements", cols(
        "at:datetime movement_kind part_code:text:16 part_name:text:28 warehouse qty:qty "
        "unit_cost:cost cost_value:money work_order_number user received_by reference:text:16 "
        "batch reason:text:24"), _movements),),
    "settlements": (
        SheetDef("settlements", cols(
            "invoice_no:text:16 work_order_number plate:text:12 customer_name:text:20 business_type "
            "status presettled_at:datetime settled_at:datetime labour_receivable:money "
            "labour_net:money material_receivable:money material_net:money management_fee:money "
            "auxiliary_fee:money subcontract_fee:money rescue_fee:money other_fee:money "
            "total:money customer_share:money insurance_share:money warranty_share:money "
            "internal_share:money received:money outstanding:money cashier"), _settlements),
        SheetDef("payments", cols(
            "invoice_no:text:16 work_order_number paid_at:datetime method amount:money "
            "reference:text:20 cashier"), _payments)),
    "followups": (SheetDef("followups", cols(
        "work_order_number plate:text:12 customer_name:text:20 mobile:text:14 advisor "
        "delivered_at:datetime due_at:datetime status agent done_at:datetime satisfaction:int "
        "result:text:30 issue:text:30"), _followups),),
    "complaints": (SheetDef("complaints", cols(
        "complaint_number created_at:datetime customer_name:text:20 mobile:text:14 "
        "work_order_number source severity description:text:40 owner deadline:datetime "
        "escalation_level:int escalated_at:datetime status root_cause:text:30 "
        "resolution:text:30 prevention:text:30 closed_at:datetime"), _complaints),),
}
