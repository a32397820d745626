"""Steps 9–10: pre-settlement (advisor), settlement and payments (cashier), gate pass, delivery.

Pricing: `presettle` prices the billable lines through `dms.workshop.lines.priced_order`, the
same path as the estimate, with the discount each line was agreed at; the figures are written
back onto the lines, so the lines, the settlement row and the printed slip add up to the fen.

Payments received before a reopen stay on the same settlement row and count against the next
settlement; `received`/`outstanding` always follow the payments. The slip (`settlement_view`)
is read in `dms.billing.queries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import bindparam, select

from dms import audit, clock, validators
from dms.billing import invoices
from dms.billing.pricing import FEE_KINDS, OrderTotals
from dms.crm import maintenance, membership
from dms.errors import InvalidTransition, NotFound, ValidationError
from dms.models import FollowUp, GatePass, Payment, Settlement, WorkOrder
from dms.money import ZERO
from dms.numbering import next_number
from dms.parts import old_parts, picking, reservations
from dms.permissions import require
from dms.workshop import completion, states
from dms.workshop.common import (Changed, Joined, changed, load_order, move, read_along,
                                 take_along, touch)
from dms.workshop.lines import lines, priced_order

# "points": 100 points pay ¥1.00, drawn from the active card (dms.crm.membership).
PAYMENT_METHODS = ("cash", "card", "wechat", "alipay", "transfer", "member_balance", "points")
NEEDS_REFERENCE = frozenset({"card", "wechat", "alipay", "transfer"})
FOLLOW_UP_HOURS = (24, 72)  # DESIGN §1 step 11: within 24 h or 3 days
PAYABLE_STATES = (states.SETTLED, states.DELIVERED, states.CLOSED)


@dataclass(frozen=True)
class PaymentIn:
    method: str
    amount: Decimal
    reference: str | None = None


@dataclass(frozen=True)
class SettlementResult:
    changed: Changed  # the work order
    settlement_id: int
    state: str
    total: Decimal
    customer_share: Decimal
    received: Decimal
    outstanding: Decimal
    invoice_no: str | None = None


@dataclass(frozen=True)
class GatePassResult:
    changed: Changed
    gate_pass_id: int
    number: str


@dataclass(frozen=True)
class DeliveryResult:
    changed: Changed
    follow_up_id: int
    follow_up_due_at: datetime


def _reason(reason: str | None) -> str:
    return validators.required_text(reason, "settlement.reason_required", "reason")


def _settlement(s, order: WorkOrder) -> Settlement:
    # Locked on PostgreSQL so two cashiers cannot both take the same outstanding balance; on
    # SQLite it may have come with the order (`_with_settlement`).
    found = take_along(s, "settlement", order.id)
    row = found[0] if found is not None else s.scalars(
        _LOCKED_SETTLEMENT, {"order": order.id}).one_or_none()
    if row is None:
        raise NotFound(what="Settlement", key=order.number)
    return row


_LOCKED_SETTLEMENT = select(Settlement).where(Settlement.work_order_id == bindparam("order")) \
    .with_for_update()
_SETTLEMENT = {"settlement": Joined(Settlement, Settlement.work_order_id == WorkOrder.id)}


def _with_settlement(s, guarded: dict | None) -> dict | None:
    """`guarded` (for `load_order`) and, on SQLite, the order's settlement: there it comes with
    the order's locking read (BEGIN IMMEDIATE has made this the only writer, and SQLite has no
    FOR UPDATE to take); PostgreSQL reads it locked, apart (`_settlement`)."""
    if s.get_bind().dialect.name != "sqlite":
        return guarded
    return {**(guarded or {}), **_SETTLEMENT}


def _settled_order(s, actor, work_order_id, expected_version, action, permission: str | None,
                   allowed=(states.SETTLED,), guarded=None):
    """The order (in one of `allowed` states) and its locked settlement, for the cashier desk;
    `permission` checked first."""
    order = load_order(s, actor, work_order_id, expected_version, permission=permission,
                       guarded=_with_settlement(s, guarded))
    if order.state not in allowed:
        raise InvalidTransition(action=action, state=order.state)
    return order, _settlement(s, order)


def _owing(st: Settlement) -> None:
    if st.outstanding <= 0:
        raise ValidationError("settlement.nothing_outstanding", "Nothing is outstanding.")


def _result(s, order: WorkOrder, st: Settlement) -> SettlementResult:
    return SettlementResult(changed(s, order), st.id, st.state, st.total, st.customer_share,
                            st.received, st.outstanding, st.invoice_no)


def _cleared(st: Settlement) -> bool:
    return st.outstanding <= 0 or st.credit_approved_by_id is not None


def _check_payments(payments) -> tuple[PaymentIn, ...]:
    """Validated, normalised payments; pure, so bad input fails before any database work."""
    out = []
    for p in payments:
        if p.method not in PAYMENT_METHODS:
            raise ValidationError("settlement.payment_method", "Unknown payment method {method}.",
                                  method=p.method)
        amount = validators.number(p.amount, "settlement.payment_amount", "amount", places=2,
                                   maximum=validators.MAX_AMOUNT, allow_minimum=False, exact=True)
        reference = (p.reference or "").strip() or None
        if p.method in NEEDS_REFERENCE and not reference:
            raise ValidationError("settlement.reference_required",
                                  "A {method} payment needs its voucher or transaction number.",
                                  method=p.method)
        if reference and len(reference) > 60:
            raise ValidationError("settlement.reference_too_long", "The reference is too long.")
        out.append(PaymentIn(p.method, amount, reference))
    return tuple(out)


def _take(s, actor, order: WorkOrder, st: Settlement, payments: tuple[PaymentIn, ...]) -> Decimal:
    """Record `payments` against the settlement; never more than the outstanding balance."""
    paid = sum((p.amount for p in payments), ZERO)
    if paid > st.outstanding:
        raise ValidationError("settlement.overpayment",
                              "{paid} is more than the {outstanding} outstanding.",
                              paid=paid, outstanding=st.outstanding)
    from_card = sum((p.amount for p in payments if p.method == "member_balance"), ZERO)
    if from_card:
        membership.draw_balance(s, actor, order, from_card)
    in_points = sum((p.amount for p in payments if p.method == "points"), ZERO)
    if in_points:
        st.points_redeemed += membership.redeem_points(s, actor, order, in_points)
    now = clock.now()
    for p in payments:
        s.add(Payment(settlement_id=st.id, method=p.method,
                      amount=p.amount, reference=p.reference, at=now, cashier_id=actor.id))
    st.received += paid
    st.outstanding -= paid
    touch(st, actor)
    membership.earn_points(s, actor, order, paid - in_points)  # money paid earns points
    return paid


def _price(s, order: WorkOrder) -> OrderTotals:
    """Through the same pricing as the estimate (`dms.workshop.lines.priced_order`); the
    priced figures are written back so lines, settlement and slip agree to the fen."""
    labour, parts, _ = lines(s, order)
    pending = [ln for ln in labour + parts if ln.approval not in ("approved", "declined")]
    if pending:
        raise ValidationError("settlement.pending_approval",
                              "{count} line(s) still wait for the customer's decision.",
                              count=len(pending))
    labour, parts, totals = priced_order(s, order)
    if not (labour or parts or totals.fees_total):
        raise ValidationError("settlement.nothing_to_bill", "The order has no approved line or fee.")
    for line, p in zip(labour + parts, totals.labour + totals.parts):
        line.amount, line.discount_pct, line.discount, line.net = (p.amount, p.discount_pct,
                                                                   p.discount, p.net)
    return totals


def presettle(db, actor, work_order_id: int,
              expected_version: int | None = None) -> SettlementResult:
    """READY → PRESETTLED: price the order and write (or rewrite, after a reopen) its settlement."""
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version,
                           permission="workorder.presettle", guarded=old_parts.TO_CHECK)
        roles = require(s, actor, "workorder.presettle")
        states.transition("presettle", order.state, roles)
        lines(s, order)  # read once, for the old-part check and the pricing
        old_parts.check_settlement(s, order)  # a warranty claim is paid against its old parts
        totals = _price(s, order)
        completion.check_ready(s, order)  # e.g. a part added back after a reopen
        with s.no_autoflush:  # the priced lines are written once, with the settlement
            st = s.scalars(_LOCKED_SETTLEMENT, {"order": order.id}).one_or_none()
        received = st.received if st is not None else ZERO
        if received > totals.customer_share:
            raise ValidationError("settlement.refund_needed",
                                  "{received} was already received, more than the new customer "
                                  "share {share}; refund the difference first.",
                                  received=received, share=totals.customer_share)
        if st is None:
            st = Settlement(store_id=order.store_id, work_order_id=order.id, received=ZERO)
            s.add(st)
        st.state, st.presettled_at, st.presettled_by_id = "presettled", clock.now(), actor.id
        st.labour_receivable, st.labour_net = totals.labour_receivable, totals.labour_net
        st.material_receivable, st.material_net = totals.material_receivable, totals.material_net
        for kind in FEE_KINDS:
            setattr(st, f"{kind}_fee", totals.fees[kind])
        st.total = totals.total
        st.customer_share, st.insurance_share = totals.shares["customer"], totals.shares["insurance"]
        st.warranty_share, st.internal_share = totals.shares["warranty"], totals.shares["internal"]
        st.outstanding = st.customer_share - received
        touch(st, actor)
        move(s, actor, order, "presettle", total=totals.total, customer_share=st.customer_share)
        return _result(s, order, st)


def settle(db, actor, work_order_id: int, payments: list[PaymentIn],
           expected_version: int | None = None) -> SettlementResult:
    """PRESETTLED → SETTLED: take the payments (possibly partial) and assign the invoice number."""
    payments = _check_payments(payments)
    with db.transaction() as s:
        return settle_in(s, actor, work_order_id, payments, expected_version)


def settle_in(s, actor, work_order_id: int, payments: tuple[PaymentIn, ...],
              expected_version: int | None = None) -> SettlementResult:
    """`settle` inside the caller's transaction (the cashier desk settles and releases the car
    in one), with `payments` already checked by `_check_payments`."""
    order = load_order(s, actor, work_order_id, expected_version, permission="workorder.settle",
                       guarded=_with_settlement(s, old_parts.TO_CHECK))
    roles = require(s, actor, "workorder.settle")
    states.transition("settle", order.state, roles)
    old_parts.check_settlement(s, order)
    st = _settlement(s, order)
    with s.no_autoflush:  # the settlement is written once, with its invoice number
        paid = _take(s, actor, order, st, payments)
        invoices.issue(s, actor, st)  # a refused settle burns no number
    st.state, st.settled_at, st.cashier_id = "settled", clock.now(), actor.id
    move(s, actor, order, "settle", invoice_no=st.invoice_no, paid=paid,
         outstanding=st.outstanding)
    return _result(s, order, st)


def pay_outstanding(db, actor, work_order_id: int, payments: list[PaymentIn],
                    expected_version: int | None = None) -> SettlementResult:
    """A later payment against the balance of a settled order (same rules as `settle`)."""
    payments = _check_payments(payments)
    if not payments:
        raise ValidationError("settlement.no_payment", "Enter at least one payment.")
    with db.transaction() as s:
        return pay_outstanding_in(s, actor, work_order_id, payments, expected_version)


def pay_outstanding_in(s, actor, work_order_id: int, payments: tuple[PaymentIn, ...],
                       expected_version: int | None = None) -> SettlementResult:
    """`pay_outstanding` inside the caller's transaction, `payments` checked and not empty."""
    order, st = _settled_order(s, actor, work_order_id, expected_version, "pay_outstanding",
                               "payment.collect", PAYABLE_STATES)
    _owing(st)
    paid = _take(s, actor, order, st, payments)
    audit.record(s, actor, "settlement", st.id, "pay_outstanding", work_order_id=order.id,
                 paid=paid, outstanding=st.outstanding)
    return _result(s, order, st)


def approve_credit(db, actor, work_order_id: int, reason: str,
                   expected_version: int | None = None) -> SettlementResult:
    """The manager lets the car go with a balance outstanding (挂账)."""
    reason = _reason(reason)
    with db.transaction() as s:
        return approve_credit_in(s, actor, work_order_id, reason, expected_version)


def approve_credit_in(s, actor, work_order_id: int, reason: str,
                      expected_version: int | None = None) -> SettlementResult:
    """`approve_credit` inside the caller's transaction; `actor` is the approving manager."""
    order, st = _settled_order(s, actor, work_order_id, expected_version, "approve_credit",
                               "credit.approve")
    _owing(st)
    st.credit_approved_by_id = actor.id
    touch(st, actor)
    audit.record(s, actor, "settlement", st.id, "approve_credit", reason=reason,
                 work_order_id=order.id, outstanding=st.outstanding)
    return _result(s, order, st)


def issue_gate_pass(db, actor, work_order_id: int,
                    expected_version: int | None = None) -> GatePassResult:
    """出门证 for a settled order: paid in full, or the balance approved as credit."""
    with db.transaction() as s:
        order, st = _settled_order(s, actor, work_order_id, expected_version, "issue_gate_pass",
                                   "gatepass.issue", guarded=_GATE_PASS)
        return gate_pass_in(s, actor, order, st)


# For `load_order(guarded=...)`: the order's gate pass, and its open follow-up call.
_GATE_PASS = {"gate_pass": Joined(GatePass, GatePass.work_order_id == WorkOrder.id)}
_DELIVERY = _GATE_PASS | {"follow_up": Joined(FollowUp, (FollowUp.work_order_id == WorkOrder.id)
                                               & (FollowUp.status == "open"))}


def gate_pass_in(s, actor, order: WorkOrder, st: Settlement) -> GatePassResult:
    """`issue_gate_pass` inside the caller's transaction, for a loaded settled order."""
    require(s, actor, "gatepass.issue")
    found = read_along(s, "gate_pass", order.id)
    existing = found[0] if found is not None else s.scalars(
        select(GatePass).where(GatePass.work_order_id == order.id)).first()
    if existing is not None:
        raise ValidationError("gatepass.exists", "Gate pass {number} was already issued.",
                              number=existing.number)
    if not _cleared(st):
        raise ValidationError("gatepass.unpaid",
                              "{outstanding} is still outstanding; take the payment or ask "
                              "the manager to approve credit.", outstanding=st.outstanding)
    gate_pass = GatePass(store_id=order.store_id, work_order_id=order.id,
                         number=next_number(s, order.store_id, "gatepass"),
                         issued_at=clock.now(), issued_by_id=actor.id)
    s.add(gate_pass)
    s.flush()
    audit.record(s, actor, "gate_pass", gate_pass.id, "issue", work_order_id=order.id,
                 number=gate_pass.number, outstanding=st.outstanding)
    return GatePassResult(changed(s, order), gate_pass.id, gate_pass.number)


def deliver(db, actor, work_order_id: int, keys_returned: bool = True,
            documents_returned: bool = True, follow_up_after_hours: int = 24,
            expected_version: int | None = None) -> DeliveryResult:
    """SETTLED → DELIVERED against the gate pass; opens the follow-up call task."""
    if follow_up_after_hours not in FOLLOW_UP_HOURS:
        raise ValidationError("delivery.follow_up_hours",
                              "The follow-up is due after 24 or 72 hours.")
    if not keys_returned:
        raise ValidationError("delivery.keys_not_returned", "Hand the keys back to the customer.")
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version,
                           permission="workorder.deliver", guarded=_with_settlement(
                               s, _DELIVERY | reservations.HELD_OR_NEEDED))
        roles = require(s, actor, "workorder.deliver")
        states.transition("deliver", order.state, roles)
        gate_pass = read_along(s, "gate_pass", order.id)[0]
        if gate_pass is None:
            raise ValidationError("delivery.no_gate_pass", "Issue the gate pass first.")
        if not _cleared(_settlement(s, order)):  # e.g. a pass issued before a reopen
            raise ValidationError("gatepass.unpaid", "The balance is neither paid nor on credit.")
        follow_up = read_along(s, "follow_up", order.id)[0]
        now = clock.now()  # the order is written once, with its new state
        order.delivered_at = now
        gate_pass.released_at = gate_pass.released_at or now
        due = now + timedelta(hours=follow_up_after_hours)
        if follow_up is None:
            follow_up = FollowUp(store_id=order.store_id, work_order_id=order.id, due_at=due)
            s.add(follow_up)
        follow_up.due_at = due
        move(s, actor, order, "deliver", gate_pass=gate_pass.number, keys_returned=keys_returned,
             documents_returned=documents_returned, follow_up_due=due.isoformat())
        # nothing stays reserved for a car that left
        picking.release_held(s, actor, order, read_along(s, "held_or_needed", order.id))
        if (order.business_type == "maintenance" and not maintenance.completed_by(s, order.id)
                and maintenance.has_planned(s, order.vehicle_id)):
            maintenance.complete_for_order(s, actor, order)  # the plan moves on from this visit
        s.flush()
        return DeliveryResult(changed(s, order), follow_up.id, due)


def reopen(db, actor, work_order_id: int, reason: str,
           expected_version: int | None = None) -> SettlementResult:
    """Manager only: back to READY; the invoice number is voided, kept on record (`invoice`),
    and the next settlement takes a new one. Money taken is corrected only by a refund."""
    reason = _reason(reason)
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version, permission="workorder.reopen")
        roles = require(s, actor, "workorder.reopen")
        states.transition("reopen", order.state, roles)
        st = _settlement(s, order)
        voided = invoices.void(s, actor, st, reason)
        st.state, st.settled_at, st.cashier_id = "reopened", None, None
        st.credit_approved_by_id = None  # approved for the old amount
        touch(st, actor)
        move(s, actor, order, "reopen", reason, voided_invoice=voided, received=st.received)
        return _result(s, order, st)
