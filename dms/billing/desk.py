"""The cashier desk's services (DESIGN §1 step 10, §9): the queue, finding an order by what the
customer hands over, and each desk action as one command in one transaction. No Qt.

- `queue`: pre-settled orders waiting for payment and settled orders with a balance, newest
  first.
- `find_order`: a scanned job card or a typed work-order, invoice (also a voided one) or plate
  number → the order to take payment for.
- `take_payment`: settles a pre-settled order (invoice number) or takes a later payment, and
  issues the gate pass as soon as nothing is outstanding — so the slip and the gate pass can
  print at once.
- `approve_credit`: a manager, signed in at the desk or typing their password there, lets the
  car go with the balance outstanding (挂账); the gate pass is issued with it.
- `refund` / `credit_note`: the manager's password, when the amount needs it, checked first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, or_, select, union

from dms.auth import authenticate
from dms.billing import refunds, settlement as billing
from dms.billing.settlement import PAYABLE_STATES, PaymentIn
from dms.crm import membership
from dms.crm.identifiers import normalise_plate
from dms.errors import NotFound, ValidationError
from dms.models import Customer, GatePass, Invoice, Settlement, Vehicle, WorkOrder
from dms.permissions import allows, require
from dms.workshop import states
from dms.workshop.common import Changed, load_order

QUEUE_STATES = (states.PRESETTLED, *PAYABLE_STATES)


@dataclass(frozen=True)
class QueueRow:
    work_order_id: int
    number: str
    plate: str | None
    customer_name: str
    state: str
    since: datetime  # pre-settled, or settled
    invoice_no: str | None
    customer_share: Decimal
    received: Decimal
    outstanding: Decimal
    credit_approved: bool


@dataclass(frozen=True)
class Member:
    """The card that pays at the desk: stored value and points (100 points = ¥1.00)."""

    card_no: str
    tier_name: str
    balance: Decimal
    points: int


@dataclass(frozen=True)
class DeskResult:
    changed: Changed
    work_order_id: int
    invoice_no: str | None
    paid: Decimal
    outstanding: Decimal
    gate_pass_number: str | None  # issued by this command


def _waiting(actor):
    """The orders at the cashier's desk: pre-settled, or settled with money still owed. Each
    half is an index search (the order's state; what is owed), not a walk over the years'
    settlements (55 ms on 200,000)."""
    candidates = union(
        select(WorkOrder.id).where(WorkOrder.store_id == actor.store_id,
                                   WorkOrder.state == states.PRESETTLED),
        select(Settlement.work_order_id).where(Settlement.store_id == actor.store_id,
                                               Settlement.outstanding > 0))
    return Settlement.work_order_id.in_(candidates) & or_(
        WorkOrder.state == states.PRESETTLED,
        WorkOrder.state.in_(PAYABLE_STATES) & (Settlement.outstanding > 0))


def queue(db, actor, offset: int = 0, limit: int = 50) -> list[QueueRow]:
    with db.reading() as s:
        require(s, actor, "cashier.queue")
        since = func.coalesce(Settlement.settled_at, Settlement.presettled_at)
        rows = s.execute(
            select(Settlement, WorkOrder.number, WorkOrder.state, Vehicle.plate, Customer.name,
                   since.label("since"))
            .join(WorkOrder, WorkOrder.id == Settlement.work_order_id)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .join(Customer, Customer.id == WorkOrder.customer_id)
            .where(_waiting(actor))
            .order_by(since.desc(), Settlement.id.desc()).offset(offset).limit(limit))
        return [QueueRow(st.work_order_id, number, plate, name, state, at, st.invoice_no,
                         st.customer_share, st.received, st.outstanding,
                         st.credit_approved_by_id is not None)
                for st, number, state, plate, name, at in rows]


def find_order(db, actor, text: str) -> int:
    """The work order for a scanned job card or a typed WO…, INV… or plate: by plate, the
    vehicle's order waiting at the desk, else its latest settled one."""
    key = unicodedata.normalize("NFKC", text or "").strip().upper()
    if not key:
        raise ValidationError("cashier.find_empty", "Scan the job card or type a plate, work "
                              "order or invoice number.")
    with db.reading() as s:
        require(s, actor, "cashier.queue")
        base = (select(WorkOrder.id).join(Settlement, Settlement.work_order_id == WorkOrder.id)
                .where(WorkOrder.store_id == actor.store_id))
        found = s.scalars(base.where(WorkOrder.number == key)).first()
        if found is None and key.startswith("INV"):
            found = s.scalars(base.join(Invoice, Invoice.settlement_id == Settlement.id)
                              .where(Invoice.store_id == actor.store_id,
                                     Invoice.number == key)).first()
        if found is None:
            by_plate = base.join(Vehicle, Vehicle.id == WorkOrder.vehicle_id).where(
                Vehicle.plate == normalise_plate(key), WorkOrder.state.in_(QUEUE_STATES))
            found = (s.scalars(by_plate.where(_waiting(actor))
                               .order_by(WorkOrder.id.desc())).first()
                     or s.scalars(by_plate.order_by(WorkOrder.id.desc())).first())
        if found is None:
            raise NotFound(what="Work order", key=text.strip())
        return found


def member(db, actor, work_order_id: int) -> Member | None:
    """The active card of the order's customer, which stored value and points are drawn from."""
    with db.reading() as s:
        require(s, actor, "membership.read")
        order = load_order(s, actor, work_order_id, lock=False)
        card = membership.active_card(s, order.store_id, order.customer_id)
        if card is None:
            return None
        return Member(card.card_no, card.tier.name, card.balance, card.points_balance)


def _release(s, actor, order_id: int) -> str | None:
    """The gate pass, when the order is settled, cleared and has none yet."""
    order, st = billing._settled_order(s, actor, order_id, None, "issue_gate_pass", None)
    if s.scalars(select(GatePass.id).where(GatePass.work_order_id == order.id)).first():
        return None
    if not billing._cleared(st) or not allows(s, actor, "gatepass.issue"):
        return None
    return billing.gate_pass_in(s, actor, order, st).number


def take_payment(db, actor, work_order_id: int, payments: list[PaymentIn],
                 expected_version: int | None = None) -> DeskResult:
    """Settle a pre-settled order (invoice number) or take a payment against the balance of a
    settled one; the gate pass comes with it once nothing is outstanding."""
    payments = billing._check_payments(payments)
    with db.transaction() as s:
        state = load_order(s, actor, work_order_id, lock=False).state
        if state == states.PRESETTLED:
            result = billing.settle_in(s, actor, work_order_id, payments, expected_version)
        else:
            if not payments:
                raise ValidationError("settlement.no_payment", "Enter at least one payment.")
            result = billing.pay_outstanding_in(s, actor, work_order_id, payments,
                                                expected_version)
        paid = sum((p.amount for p in payments), Decimal(0))
        gate_pass = (_release(s, actor, work_order_id)
                     if load_order(s, actor, work_order_id, lock=False).state == states.SETTLED
                     else None)
        return DeskResult(result.changed, work_order_id, result.invoice_no, paid,
                          result.outstanding, gate_pass)


def _manager(db, actor, action: str, username: str | None, password: str | None):
    """The approving manager: the signed-in user when they may, else the one whose name and
    password were typed at the desk (checked like a sign-in, before the transaction)."""
    with db.reading() as s:
        if allows(s, actor, action):
            return actor
    if not (username or "").strip() or not password:
        raise ValidationError("cashier.manager_needed",
                              "A manager approves this: the manager types their user name "
                              "and password.")
    return authenticate(db, username.strip(), password)


def approve_credit(db, actor, work_order_id: int, reason: str, manager: str | None = None,
                   password: str | None = None,
                   expected_version: int | None = None) -> DeskResult:
    """挂账: the balance stays outstanding, approved by a manager; the gate pass is issued."""
    reason = billing._reason(reason)
    approver = _manager(db, actor, "credit.approve", manager, password)
    with db.transaction() as s:
        result = billing.approve_credit_in(s, approver, work_order_id, reason, expected_version)
        gate_pass = _release(s, actor, work_order_id)
        return DeskResult(result.changed, work_order_id, result.invoice_no, Decimal(0),
                          result.outstanding, gate_pass)


def refund(db, actor, work_order_id: int, kind: str, amount, reason: str,
           manager: str | None = None, password: str | None = None,
           expected_version: int | None = None) -> refunds.RefundResult:
    """A refund or a credit note (`kind`); a manager's approval only when one was typed or the
    service asks for it (above the store's limit)."""
    if kind not in ("refund", "credit_note"):
        raise ValidationError("cashier.refund_kind", "Unknown refund kind {kind}.", kind=kind)
    approver = (_manager(db, actor, "refund.approve", manager, password)
                if (manager or "").strip() else None)
    service = refunds.refund if kind == "refund" else refunds.credit_note
    return service(db, actor, work_order_id, amount, reason, approved_by=approver,
                   expected_version=expected_version)
