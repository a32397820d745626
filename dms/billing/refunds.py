"""Refunds and credit notes after settlement (DESIGN §2: money taken is corrected only this
way, never by editing a payment). The cashier gives a reason; above the store's limit
(`dms.policy`, "refund_approval_limit") a manager signed in at the desk approves. No Qt.

- A refund gives money back by the methods it came in, newest payment first: stored value and
  redeemed points go back to the member card, and the points earned on the refunded money are
  taken back. Before the order is settled again (after a reopen) up to everything received can
  be refunded; a settled order only what was paid above its customer share.
- A credit note (红字冲销) lowers the customer share of a settled order: its invoice number is
  voided on record and a new one issued for the lower amount. What was paid above the new
  share is then refunded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from dms import audit, clock, policy, validators
from dms.billing import invoices
from dms.billing.settlement import PAYABLE_STATES, _reason, _settlement
from dms.crm import membership
from dms.errors import InvalidTransition, NotFound, ValidationError
from dms.models import Payment, Refund, RefundLine, Settlement, User, WorkOrder
from dms.money import ZERO
from dms.numbering import next_number
from dms.permissions import allows, require
from dms.workshop import states
from dms.workshop.common import Changed, changed, load_order, touch

REOPENED_STATES = (states.READY, states.PRESETTLED)  # a reopened order, not yet settled again


@dataclass(frozen=True)
class RefundResult:
    changed: Changed
    refund_id: int
    number: str
    kind: str  # refund, credit_note
    amount: Decimal
    by_method: tuple[tuple[str, Decimal], ...]
    customer_share: Decimal
    received: Decimal
    outstanding: Decimal
    points_returned: int = 0
    points_taken_back: int = 0
    invoice_no: str | None = None


@dataclass(frozen=True)
class RefundView:
    id: int
    number: str
    kind: str
    work_order_id: int
    work_order_number: str
    invoice_no: str | None
    amount: Decimal
    reason: str
    at: datetime
    cashier: str
    approved_by: str | None
    by_method: tuple[tuple[str, Decimal, str | None], ...]
    points_returned: int
    points_taken_back: int


def _amount(value) -> Decimal:
    return validators.number(value, "refund.amount", "amount", places=2,
                             maximum=validators.MAX_AMOUNT, allow_minimum=False, exact=True)


def _approver(s, actor, amount: Decimal, approved_by) -> int | None:
    limit = policy.value(s, actor.store_id, "refund_approval_limit")
    if amount <= limit:
        return None
    if approved_by is None or not allows(s, approved_by, "refund.approve"):
        raise ValidationError("refund.approval_needed", "Above {limit} a manager approves the "
                              "refund or credit note.", limit=limit, amount=amount)
    return approved_by.id


def _open(s, actor, work_order_id, expected_version, action, allowed):
    require(s, actor, f"payment.{action}")
    order = load_order(s, actor, work_order_id, expected_version)
    if order.state not in allowed:
        raise InvalidTransition(action=action, state=order.state)
    return order, _settlement(s, order)


def _refunded(s, st: Settlement) -> list[Refund]:
    return list(s.scalars(select(Refund).where(Refund.settlement_id == st.id).order_by(Refund.id)))


def _give_back(s, st: Settlement, amount: Decimal) -> list[RefundLine]:
    """What goes back by which method: the newest payments first, each method never more than
    was paid by it less what was already refunded by it."""
    left = {}
    for p in s.scalars(select(Payment).where(Payment.settlement_id == st.id)):
        left[p.method] = left.get(p.method, ZERO) + p.amount
    for r in _refunded(s, st):
        for line in r.lines:
            left[line.method] -= line.amount
    out, rest = [], amount
    for p in s.scalars(select(Payment).where(Payment.settlement_id == st.id)
                       .order_by(Payment.at.desc(), Payment.id.desc())):
        take = min(rest, left[p.method], p.amount)
        if take > 0:
            out.append(RefundLine(method=p.method, amount=take, reference=p.reference))
            left[p.method] -= take
            rest -= take
    return out


def _record(s, actor, order, st, kind, amount, reason, approver, **values) -> Refund:
    row = Refund(store_id=order.store_id, settlement_id=st.id, kind=kind, amount=amount,
                 reason=reason, number=next_number(s, order.store_id, "refund"), at=clock.now(),
                 cashier_id=actor.id, approved_by_id=approver, **values)
    s.add(row)
    s.flush()
    return row


def _result(s, order, st, row: Refund, lines=()) -> RefundResult:
    return RefundResult(changed(s, order), row.id, row.number, row.kind, row.amount,
                        tuple((x.method, x.amount) for x in lines), st.customer_share,
                        st.received, st.outstanding, row.points_returned, row.points_taken_back,
                        st.invoice_no)


def refund(db, actor, work_order_id: int, amount, reason: str, approved_by=None,
           expected_version: int | None = None) -> RefundResult:
    """Give `amount` back to the customer, by the methods it was paid in."""
    amount, reason = _amount(amount), _reason(reason)
    with db.transaction() as s:
        order, st = _open(s, actor, work_order_id, expected_version, "refund",
                          REOPENED_STATES + PAYABLE_STATES)
        settled = order.state in PAYABLE_STATES
        most = st.received - st.customer_share if settled else st.received
        if amount > most:
            raise ValidationError("refund.too_much", "At most {most} can be refunded.",
                                  most=max(most, ZERO), amount=amount)
        approver = _approver(s, actor, amount, approved_by)
        lines = _give_back(s, st, amount)
        earlier = _refunded(s, st)
        in_money = amount - sum((x.amount for x in lines if x.method == "points"), ZERO)
        money_before = sum((x.amount for r in earlier for x in r.lines if x.method != "points"),
                           ZERO)
        owed_back = (membership.points_for(money_before + in_money)
                     - sum((r.points_taken_back for r in earlier), 0))
        points = int(sum((x.amount for x in lines if x.method == "points"), ZERO)
                     * membership.POINTS_PER_YUAN_REDEEMED)
        to_card = sum((x.amount for x in lines if x.method == "member_balance"), ZERO)
        if to_card or points:
            membership.refund_to_card(s, actor, order, to_card, points)
        taken = membership.take_back_points(s, actor, order, owed_back)
        row = _record(s, actor, order, st, "refund", amount, reason, approver,
                      points_returned=points, points_taken_back=taken)
        for line in lines:
            line.refund_id = row.id
            s.add(line)
        st.received -= amount
        st.outstanding = st.customer_share - st.received
        st.points_redeemed -= points
        touch(st, actor)
        touch(order, actor)
        audit.record(s, actor, "settlement", st.id, "refund", reason=reason, work_order_id=order.id,
                     number=row.number, amount=amount, approved_by=approver,
                     methods=[[x.method, x.amount] for x in lines], points_returned=points,
                     points_taken_back=taken)
        s.flush()
        return _result(s, order, st, row, lines)


def credit_note(db, actor, work_order_id: int, amount, reason: str, approved_by=None,
                expected_version: int | None = None) -> RefundResult:
    """Lower a settled order's customer share by `amount`; the invoice is issued again."""
    amount, reason = _amount(amount), _reason(reason)
    with db.transaction() as s:
        order, st = _open(s, actor, work_order_id, expected_version, "credit_note",
                          PAYABLE_STATES)
        if amount > st.customer_share:
            raise ValidationError("refund.too_much", "At most {most} can be refunded.",
                                  most=st.customer_share, amount=amount)
        approver = _approver(s, actor, amount, approved_by)
        row = _record(s, actor, order, st, "credit_note", amount, reason, approver)
        voided = invoices.void(s, actor, st, reason)
        invoices.issue(s, actor, st)
        st.customer_share -= amount
        st.total -= amount
        st.outstanding = st.customer_share - st.received
        touch(st, actor)
        touch(order, actor)
        audit.record(s, actor, "settlement", st.id, "credit_note", reason=reason,
                     work_order_id=order.id, number=row.number, amount=amount,
                     approved_by=approver, voided_invoice=voided, invoice_no=st.invoice_no)
        s.flush()
        return _result(s, order, st, row)


def refund_view(db, actor, refund_id: int) -> RefundView:
    """What the refund slip prints."""
    with db.reading() as s:
        row = s.get(Refund, refund_id)
        if row is None or row.store_id != actor.store_id:
            raise NotFound(what="Refund", key=refund_id)
        st = s.get(Settlement, row.settlement_id)
        order = s.get(WorkOrder, st.work_order_id)
        names = {u.id: u.display_name for u in s.scalars(select(User).where(
            User.id.in_([row.cashier_id, row.approved_by_id or row.cashier_id])))}
        return RefundView(row.id, row.number, row.kind, order.id, order.number, st.invoice_no,
                          row.amount, row.reason, row.at, names[row.cashier_id],
                          names.get(row.approved_by_id),
                          tuple((x.method, x.amount, x.reference) for x in row.lines),
                          row.points_returned, row.points_taken_back)
