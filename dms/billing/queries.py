"""Step 10's read side: the settlement slip (结算单) of an order, as seed 003 shows it. No Qt.

The amounts are the ones `dms.billing.settlement.presettle` wrote onto the settlement row and
the approved lines; payments are summed per method here, in exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from dms.billing.pricing import FEE_KINDS, PAYERS
from dms.billing.settlement import PAYMENT_METHODS
from dms.errors import NotFound
from dms.models import Customer, GatePass, Part, Settlement, User, Vehicle
from dms.money import ZERO
from dms.workshop.common import load_order


@dataclass(frozen=True)
class SlipLine:
    kind: str  # labour | part
    code: str
    name: str
    quantity: Decimal  # billed hours or part quantity
    unit: str | None
    unit_price: Decimal  # hourly rate or part price
    amount: Decimal
    discount: Decimal
    net: Decimal
    payer: str


@dataclass(frozen=True)
class PaymentRow:
    method: str
    amount: Decimal
    reference: str | None
    at: datetime
    cashier: str


@dataclass(frozen=True)
class SettlementView:
    """Everything the settlement slip (结算单) of seed 003 shows."""

    settlement_id: int
    version: int
    work_order_id: int
    work_order_number: str
    state: str
    customer_name: str
    vin: str
    vehicle_model: str | None
    plate: str | None
    engine_no: str | None
    entry_at: datetime
    mileage: int
    presettled_at: datetime
    settled_at: datetime | None
    invoice_no: str | None
    lines: tuple[SlipLine, ...]
    labour_receivable: Decimal  # 应收工时费
    labour_net: Decimal  # 实收工时费
    material_receivable: Decimal
    material_net: Decimal
    fees: tuple[tuple[str, Decimal], ...]  # (kind, amount) in FEE_KINDS order
    total: Decimal
    shares: tuple[tuple[str, Decimal], ...]  # (payer, share)
    customer_share: Decimal
    received: Decimal  # 已收金额
    outstanding: Decimal  # 欠收金额
    payments: tuple[PaymentRow, ...]
    by_method: tuple[tuple[str, Decimal], ...]
    credit_approved: bool
    gate_pass_number: str | None


_COPIED = ("version", "state", "presettled_at", "settled_at", "invoice_no", "labour_receivable",
           "labour_net", "material_receivable", "material_net", "total", "customer_share",
           "received", "outstanding")


def settlement_view(db, actor, work_order_id: int) -> SettlementView:
    with db.reading() as s:
        order = load_order(s, actor, work_order_id, lock=False)
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == order.id)).one_or_none()
        if st is None:
            raise NotFound(what="Settlement", key=order.number)
        vehicle, customer = s.get(Vehicle, order.vehicle_id), s.get(Customer, order.customer_id)
        lines = [SlipLine("labour", ln.code, ln.name, ln.billed_hours, None, ln.rate, ln.amount,
                          ln.discount, ln.net, ln.payer)
                 for ln in order.labour_lines if ln.approval == "approved"]
        for ln in order.part_lines:
            if ln.approval == "approved":
                part = s.get(Part, ln.part_id)
                lines.append(SlipLine("part", part.code, part.name, ln.qty, ln.unit, ln.unit_price,
                                      ln.amount, ln.discount, ln.net, ln.payer))
        names = dict(s.execute(select(User.id, User.display_name)
                               .where(User.id.in_({p.cashier_id for p in st.payments}))).all())
        payments = tuple(PaymentRow(p.method, p.amount, p.reference, p.at,
                                    names[p.cashier_id]) for p in st.payments)
        by_method = {m: ZERO for m in PAYMENT_METHODS}
        for p in payments:  # summed in Python: exact Decimals
            by_method[p.method] += p.amount
        gate_pass = s.scalars(select(GatePass.number)
                              .where(GatePass.work_order_id == order.id)).first()
        return SettlementView(
            settlement_id=st.id, work_order_id=order.id, work_order_number=order.number,
            customer_name=customer.name, vin=vehicle.vin, plate=vehicle.plate,
            vehicle_model=vehicle.series or vehicle.model_code, engine_no=vehicle.engine_no,
            entry_at=order.entry_at, mileage=order.entry_mileage, lines=tuple(lines),
            fees=tuple((k, getattr(st, f"{k}_fee")) for k in FEE_KINDS),
            shares=tuple((p, getattr(st, f"{p}_share")) for p in PAYERS),
            payments=payments, by_method=tuple((m, a) for m, a in by_method.items() if a),
            credit_approved=st.credit_approved_by_id is not None, gate_pass_number=gate_pass,
            **{name: getattr(st, name) for name in _COPIED})
