"""The day-end report 日结 of the cashier desk: one local day of the store, per cashier and per
payment method — receipts, refunds and what is left — the balances still outstanding, and the
invoice numbers issued and voided that day. Sums are exact Decimals added in Python (never in
SQL: DESIGN §4), so the report adds up to the payments table to the fen. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from dms import clock
from dms.billing.settlement import PAYABLE_STATES, PAYMENT_METHODS
from dms.models import Invoice, Payment, Refund, RefundLine, Settlement, User, WorkOrder
from dms.money import ZERO
from dms.permissions import require


@dataclass(frozen=True)
class DayEndLine:
    cashier: str
    method: str
    receipts: Decimal
    refunds: Decimal
    count: int  # payments taken

    @property
    def net(self) -> Decimal:
        return self.receipts - self.refunds


@dataclass(frozen=True)
class InvoiceRow:
    number: str
    work_order_number: str
    at: datetime
    customer_share: Decimal
    voided: bool
    reason: str | None = None


@dataclass(frozen=True)
class DayEnd:
    day: date
    store_id: int
    lines: tuple[DayEndLine, ...]  # per cashier, then method in PAYMENT_METHODS order
    receipts: Decimal
    refunds: Decimal
    credit_notes: Decimal  # bills lowered by a credit note (红字冲销); no money moved
    outstanding: Decimal  # balances of settled orders still open now
    outstanding_orders: int
    issued: tuple[InvoiceRow, ...]
    voided: tuple[InvoiceRow, ...]

    @property
    def net(self) -> Decimal:
        return self.receipts - self.refunds

    def by_method(self) -> list[tuple[str, Decimal, Decimal]]:
        return [(m, sum((x.receipts for x in self.lines if x.method == m), ZERO),
                 sum((x.refunds for x in self.lines if x.method == m), ZERO))
                for m in PAYMENT_METHODS if any(x.method == m for x in self.lines)]

    def by_cashier(self) -> list[tuple[str, Decimal, Decimal]]:
        names = dict.fromkeys(x.cashier for x in self.lines)
        return [(c, sum((x.receipts for x in self.lines if x.cashier == c), ZERO),
                 sum((x.refunds for x in self.lines if x.cashier == c), ZERO)) for c in names]


def bounds(day: date) -> tuple[datetime, datetime]:
    """The local day as aware datetimes (stored times are UTC)."""
    zone = clock.now().astimezone().tzinfo
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, start + timedelta(days=1)


def day_end(db, actor, day: date | None = None) -> DayEnd:
    day = day or clock.now().astimezone().date()
    start, end = bounds(day)
    with db.reading() as s:
        require(s, actor, "cashier.dayend")
        store = actor.store_id
        names = dict(s.execute(select(User.id, User.display_name)
                             .where(User.store_id == store)).all())
        sums: dict[tuple[str, str], list] = {}

        def add(cashier_id: int, method: str, received=ZERO, refunded=ZERO, count=0):
            entry = sums.setdefault((names.get(cashier_id, str(cashier_id)), method),
                                    [ZERO, ZERO, 0])
            entry[0] += received
            entry[1] += refunded
            entry[2] += count

        for cashier_id, method, amount in s.execute(
                select(Payment.cashier_id, Payment.method, Payment.amount)
                .join(Settlement, Settlement.id == Payment.settlement_id)
                .where(Settlement.store_id == store, Payment.at >= start, Payment.at < end)):
            add(cashier_id, method, received=amount, count=1)
        credit_notes = ZERO
        for kind, amount, cashier_id, method, line_amount in s.execute(
                select(Refund.kind, Refund.amount, Refund.cashier_id, RefundLine.method,
                       RefundLine.amount)
                .outerjoin(RefundLine, RefundLine.refund_id == Refund.id)
                .where(Refund.store_id == store, Refund.at >= start, Refund.at < end)):
            if kind == "credit_note":
                credit_notes += amount
            elif method is not None:
                add(cashier_id, method, refunded=line_amount)
        order = {m: n for n, m in enumerate(PAYMENT_METHODS)}
        lines = tuple(DayEndLine(c, m, r, f, n) for (c, m), (r, f, n) in
                      sorted(sums.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99))))
        owing = [st_out for st_out in s.scalars(
            select(Settlement.outstanding).join(WorkOrder, WorkOrder.id == Settlement.work_order_id)
            .where(Settlement.store_id == store, WorkOrder.state.in_(PAYABLE_STATES),
                   Settlement.outstanding > 0))]
        invoices = s.execute(
            select(Invoice, WorkOrder.number, Settlement.customer_share)
            .join(Settlement, Settlement.id == Invoice.settlement_id)
            .join(WorkOrder, WorkOrder.id == Settlement.work_order_id)
            .where(Invoice.store_id == store,
                   ((Invoice.issued_at >= start) & (Invoice.issued_at < end))
                   | ((Invoice.voided_at >= start) & (Invoice.voided_at < end)))
            .order_by(Invoice.number)).all()
        issued = tuple(InvoiceRow(i.number, wo, i.issued_at, share, i.voided_at is not None)
                       for i, wo, share in invoices if start <= i.issued_at < end)
        voided = tuple(InvoiceRow(i.number, wo, i.voided_at, share, True, i.void_reason)
                       for i, wo, share in invoices
                       if i.voided_at is not None and start <= i.voided_at < end)
        return DayEnd(day, store, lines, sum((x.receipts for x in lines), ZERO),
                      sum((x.refunds for x in lines), ZERO), credit_notes,
                      sum(owing, ZERO), len(owing), issued, voided)
