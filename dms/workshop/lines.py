"""The lines of a work order: how each is priced, which are billable, and how they read (DESIGN
§1, §2, §4). No Qt.

Each line is priced when it is written (`price`, through `dms.billing.pricing`). Only lines
whose approval is "approved" are ever done or billed (`billable_lines`); `order_lines` shows
every line with the totals of the billable ones, and `snapshot` is what an estimate freezes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from functools import cache

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session

from dms import clock
from dms.billing.pricing import (NO_DISCOUNTS, PAYERS, Discounts, FeeItem, InsuranceTerms,
                                 LabourItem, OrderTotals, PartItem, price_line, price_order)
from dms.errors import ValidationError
from dms.models import (InsuranceClaim, LabourLine, Membership, MembershipTier, Part,
                        PartLine, WorkOrder)
from dms.parts.reservations import CLOSED
from dms.workshop.common import (forget_along, load_order, order_rows, part_name,
                                 read_along)


@dataclass(frozen=True)
class PricedLineView:
    id: int
    amount: Decimal
    discount_pct: Decimal
    discount: Decimal
    net: Decimal
    payer: str
    approval: str  # proposed, priced, approved, declined
    added_work: bool
    state: str


@dataclass(frozen=True)
class LabourView(PricedLineView):
    seq: int
    code: str
    name: str
    trade: str
    standard_hours: Decimal
    billed_hours: Decimal
    rate: Decimal
    technician_id: int | None


@dataclass(frozen=True)
class PartView(PricedLineView):
    part_id: int
    code: str
    name: str
    qty: Decimal
    unit: str
    unit_price: Decimal
    labour_line_id: int | None


@dataclass(frozen=True)
class FeeView:
    id: int
    kind: str
    description: str | None
    amount: Decimal
    payer: str


@dataclass(frozen=True)
class OrderLines:
    work_order_id: int
    version: int
    state: str
    labour: tuple[LabourView, ...]
    parts: tuple[PartView, ...]
    fees: tuple[FeeView, ...]
    totals: OrderTotals  # of the billable lines and fees, insurance terms applied


# --- pricing ------------------------------------------------------------------------------------

def _tier(*columns, customer_id, today):
    return (select(*columns).join(Membership)
            .where(Membership.customer_id == customer_id, Membership.status == "active",
                   Membership.joined_on <= today, Membership.valid_until >= today)
            .order_by(MembershipTier.level.desc()).limit(1))


def _today():
    return clock.now().astimezone().date()


# For `load_order(also=...)`: the order's customer's member discounts, read with it.
WITH_DISCOUNTS = {"discounts": tuple(
    _tier(c, customer_id=WorkOrder.customer_id,
          today=bindparam("dms_today", callable_=_today)).scalar_subquery()
    for c in (MembershipTier.labour_discount_pct, MembershipTier.material_discount_pct))}


def member_discounts(s, order) -> Discounts:
    """The discounts of the customer's highest active membership tier, if any."""
    found = read_along(s, "discounts", order.id)
    if found is None:
        found = s.execute(_tier(MembershipTier.labour_discount_pct,
                                MembershipTier.material_discount_pct,
                                customer_id=order.customer_id, today=_today())).first() \
            or (None, None)
    return NO_DISCOUNTS if found[0] is None else Discounts(*found)


@event.listens_for(Session, "after_flush")
def _forget_discounts(session: Session, _flush_context) -> None:
    # A membership bought, renewed or lapsed in this transaction: read the discounts again.
    if any(isinstance(obj, (Membership, MembershipTier))
           for obj in (*session.new, *session.dirty, *session.deleted)):
        forget_along(session, "discounts")


def kept_pct(line) -> Decimal | None:
    """The advisor's manual discount, kept when a line is priced again; the member part is
    taken afresh from the membership of the day, so a lapsed card loses it."""
    return line.manual_discount_pct if line.payer == "customer" else None


def agreed_pct(line) -> Decimal | None:
    """The discount the line was last priced with: totals of priced lines (estimate,
    settlement, slip) go through the same `price_line` with it, so they add up to the fen."""
    return line.discount_pct if line.payer == "customer" and line.discount_pct else None


def _item(line, manual=None) -> LabourItem | PartItem:
    if isinstance(line, LabourLine):
        return LabourItem(line.billed_hours, line.rate, line.payer, manual)
    return PartItem(line.qty, line.unit_price, line.payer, manual)


def price(line, discounts: Discounts, manual=None, approved_by_id: int | None = None) -> None:
    """Price the line with the member `discounts` and its `manual` discount (the better one
    applies); `approved_by_id`: the manager who allowed a manual discount above the limit."""
    p = price_line(_item(line, manual), discounts)
    line.amount, line.discount_pct, line.discount, line.net = (p.amount, p.discount_pct,
                                                               p.discount, p.net)
    line.manual_discount_pct = manual
    if manual is None:
        line.discount_approved_by_id = None
    elif approved_by_id is not None:
        line.discount_approved_by_id = approved_by_id


_DEFAULT_PAYER = {"warranty": "warranty", "insurance": "insurance", "internal": "internal"}


def line_payer(order, payer: str | None) -> str:
    """The payer given, else the business type's (a warranty order bills the maker…)."""
    payer = payer or _DEFAULT_PAYER.get(order.business_type, "customer")
    if payer not in PAYERS:
        raise ValidationError("estimate.payer", "Unknown payer {payer}.", payer=payer)
    return payer


# --- reading the lines ------------------------------------------------------------------------

def lines(s, order):
    """(labour, parts, fees), read once per transaction (`dms.workshop.common.order_rows`)."""
    labour, parts, fees, _ = order_rows(s, order.id)
    return list(labour), list(parts), list(fees)


def is_billable(line) -> bool:
    """A job or part that may be clocked on, issued and billed: the customer agreed to it, and
    (a part) it was not handed back or exchanged for another."""
    return line.approval == "approved" and line.state not in CLOSED


def billable_lines(session, order) -> tuple[list[LabourLine], list[PartLine]]:
    labour, parts, _ = lines(session, order)
    return [x for x in labour if is_billable(x)], [x for x in parts if is_billable(x)]


def insurance_claim(s, order) -> InsuranceClaim | None:
    return order_rows(s, order.id)[3]


def priced_order(s, order) -> tuple[list[LabourLine], list[PartLine], OrderTotals]:
    """The billable lines and their totals: the one pricing path of the estimate, the
    settlement and the slip. Fees of 0.00 are left out; a free part is a line at 0.00."""
    labour, parts, fees = lines(s, order)
    labour, parts = [x for x in labour if is_billable(x)], [x for x in parts if is_billable(x)]
    claim = insurance_claim(s, order)
    terms = InsuranceTerms(claim.assessed_amount, claim.deductible) if claim else None
    totals = price_order([_item(x, agreed_pct(x)) for x in labour],
                         [_item(x, agreed_pct(x)) for x in parts],
                         [FeeItem(f.kind, f.amount, f.payer) for f in fees if f.amount > 0],
                         insurance=terms)
    return labour, parts, totals


def order_totals(s, order) -> OrderTotals:
    return priced_order(s, order)[2]


def part_names(s, parts) -> dict:
    """{part id: its id, code and name}; those read with the order's lines are not read again."""
    names = {p.part_id: part_name(s, p.part_id) for p in parts}
    missing = {k for k, v in names.items() if v is None}
    if missing:
        names |= {r.id: r for r in s.execute(select(Part.id, Part.code, Part.name)
                                              .where(Part.id.in_(missing)))}
    return names


def _views(s, order):
    labour, parts, fees = lines(s, order)
    names = part_names(s, parts)

    def view(cls, obj, **extra):
        own = {name: getattr(obj, name) for name in _names(cls) if name not in extra}
        return cls(**own, **extra)

    return (tuple(view(LabourView, x) for x in labour),
            tuple(view(PartView, x, code=names[x.part_id].code, name=names[x.part_id].name)
                  for x in parts),
            tuple(view(FeeView, x) for x in fees))


@cache
def _names(cls) -> tuple[str, ...]:
    """The field names of a view class (flat: every field a plain value)."""
    return tuple(f.name for f in fields(cls))


def plain(value):
    return format(value.normalize(), "f") if isinstance(value, Decimal) else value


def snapshot(s, order) -> dict:
    """The lines and payer shares as the customer sees them, in plain JSON types."""
    rows = {kind: [{k: plain(getattr(row, k)) for k in _names(type(row))} for row in views]
            for kind, views in zip(("labour", "parts", "fees"), _views(s, order))}
    return rows | {"shares": {k: plain(v) for k, v in order_totals(s, order).shares.items()}}


# --- read ------------------------------------------------------------------------------------

def order_lines(db, actor, work_order_id: int) -> OrderLines:
    """Every line with its amounts, payer and approval, and the totals of what is billable."""
    with db.reading() as s:
        order = load_order(s, actor, work_order_id, lock=False)
        labour, parts, fees = _views(s, order)
        return OrderLines(order.id, order.version, order.state, labour, parts, fees,
                          order_totals(s, order))
