"""Settlement pricing: order lines in, each payer's share out (DESIGN §4 "Money").

Pure functions, no database, no Qt: frozen dataclasses in, frozen dataclasses out, every
amount a `Decimal` quantised to the fen. Each line is rounded half up exactly once; totals are
sums of rounded lines and are never rounded again, so a printed slip always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dms import validators
from dms.money import ZERO, money

PAYERS = ("customer", "insurance", "warranty", "internal")
FEE_KINDS = ("management", "auxiliary", "subcontract", "rescue", "other")
_HUNDRED = Decimal(100)
_NO_PCT = Decimal(0)


def _normalise(obj, name: str, ok, rule: str, *, fen: bool = False) -> None:
    label = f"{type(obj).__name__}.{name}"
    value = validators.decimal(getattr(obj, name), "value.number", label)
    # no line of hours, parts or money reaches this; beyond it money() would overflow
    validators.bounded(value, label, validators.MAX_AMOUNT)
    if fen:  # money typed in by a person (fee, assessment): rounded half up once, here
        value = money(value)
    if not ok(value):
        raise ValueError(f"{label} must be {rule}, got {value}")
    object.__setattr__(obj, name, value)  # frozen: normalised once, in __post_init__


def _positive(obj, name: str, *, fen: bool = False) -> None:
    _normalise(obj, name, lambda v: v > 0, "greater than zero", fen=fen)


def _not_negative(obj, name: str) -> None:
    _normalise(obj, name, lambda v: v >= 0, "zero or more")


def _percent(obj, name: str) -> None:
    if getattr(obj, name) is not None:
        _normalise(obj, name, lambda v: 0 <= v <= 100, "between 0 and 100")


def _payer(obj) -> None:
    if obj.payer not in PAYERS:
        raise ValueError(f"{type(obj).__name__}.payer must be one of {', '.join(PAYERS)}, got {obj.payer!r}")


def _check_line(item, positive: tuple[str, ...], not_negative: tuple[str, ...]) -> None:
    # A free part (a goodwill gift, sale price 0) or a job not yet priced is a line at 0.00.
    for name in positive:
        _positive(item, name)
    for name in not_negative:
        _not_negative(item, name)
    _payer(item)
    _percent(item, "discount_pct")
    # A manual discount is the advisor's concession to the customer; warranty, insurance and
    # internal lines are billed to their payer at list price, so nobody may discount them.
    if item.discount_pct is not None and item.payer != "customer":
        raise ValueError(f"a manual discount is only allowed on customer-paid lines, not {item.payer!r}")


@dataclass(frozen=True)
class LabourItem:
    billed_hours: Decimal
    rate: Decimal
    payer: str
    discount_pct: Decimal | None = None  # advisor's manual discount, customer lines only

    def __post_init__(self) -> None:
        _check_line(self, (), ("billed_hours", "rate"))


@dataclass(frozen=True)
class PartItem:
    qty: Decimal
    unit_price: Decimal
    payer: str
    discount_pct: Decimal | None = None

    def __post_init__(self) -> None:
        _check_line(self, ("qty",), ("unit_price",))


@dataclass(frozen=True)
class FeeItem:
    kind: str
    amount: Decimal
    payer: str

    def __post_init__(self) -> None:
        if self.kind not in FEE_KINDS:
            raise ValueError(f"FeeItem.kind must be one of {', '.join(FEE_KINDS)}, got {self.kind!r}")
        _positive(self, "amount", fen=True)
        _payer(self)


@dataclass(frozen=True)
class Discounts:
    """The membership tier's discounts, in percent."""

    labour_pct: Decimal = _NO_PCT
    material_pct: Decimal = _NO_PCT

    def __post_init__(self) -> None:
        _percent(self, "labour_pct")
        _percent(self, "material_pct")


@dataclass(frozen=True)
class InsuranceTerms:
    assessed_amount: Decimal | None  # the insurer's loss assessment (定损金额); None = not capped
    deductible: Decimal

    def __post_init__(self) -> None:
        if self.assessed_amount is not None:
            _normalise(self, "assessed_amount", lambda v: v >= 0, "zero or more", fen=True)
        _normalise(self, "deductible", lambda v: v >= 0, "zero or more", fen=True)


NO_DISCOUNTS = Discounts()


@dataclass(frozen=True)
class PricedLine:
    amount: Decimal  # list amount, rounded once
    discount_pct: Decimal  # the percentage actually applied (0 for non-customer lines)
    discount: Decimal
    net: Decimal
    payer: str


@dataclass(frozen=True)
class OrderTotals:
    labour: tuple[PricedLine, ...]
    parts: tuple[PricedLine, ...]
    labour_receivable: Decimal
    labour_net: Decimal
    material_receivable: Decimal
    material_net: Decimal
    fees: dict[str, Decimal]
    fees_total: Decimal
    total: Decimal
    shares: dict[str, Decimal]
    insurance_shortfall: Decimal  # what the insurer does not pay and the customer does

    @property
    def customer_share(self) -> Decimal:
        return self.shares["customer"]

    @property
    def insurance_share(self) -> Decimal:
        return self.shares["insurance"]


def price_line(item: LabourItem | PartItem, discounts: Discounts = NO_DISCOUNTS) -> PricedLine:
    """One line: amount rounded half up once, then the better of member and manual discount."""
    if isinstance(item, LabourItem):
        amount, member_pct = money(item.billed_hours * item.rate), discounts.labour_pct
    elif isinstance(item, PartItem):
        amount, member_pct = money(item.qty * item.unit_price), discounts.material_pct
    else:
        raise TypeError(f"expected a LabourItem or PartItem, got {type(item).__name__}")
    pct = _NO_PCT
    if item.payer == "customer":
        # The customer gets the better of the two discounts, never both stacked.
        manual = item.discount_pct if item.discount_pct is not None else _NO_PCT
        pct = max(member_pct, manual)
    # DESIGN §4: the net (what the customer pays, 优惠后金额) is the rounded figure.
    net = money(amount * (_HUNDRED - pct) / _HUNDRED)
    return PricedLine(amount, pct, amount - net, net, item.payer)


def _all(items, kind: type, name: str) -> tuple:
    items = tuple(items)
    for item in items:  # a part among the labour would get the wrong member discount
        if not isinstance(item, kind):
            raise TypeError(f"{name} must hold {kind.__name__}, got {type(item).__name__}")
    return items


def _sum(values) -> Decimal:
    return sum(values, ZERO)  # start from 0.00 so an empty order still has fen precision


def price_order(
    labour=(), parts=(), fees=(), discounts: Discounts = NO_DISCOUNTS,
    insurance: InsuranceTerms | None = None,
) -> OrderTotals:
    labour_lines = tuple(price_line(i, discounts) for i in _all(labour, LabourItem, "labour"))
    part_lines = tuple(price_line(i, discounts) for i in _all(parts, PartItem, "parts"))
    fee_items = _all(fees, FeeItem, "fees")

    fee_totals = {kind: ZERO for kind in FEE_KINDS}
    shares = {payer: ZERO for payer in PAYERS}
    for line in labour_lines + part_lines:
        shares[line.payer] += line.net
    for fee in fee_items:  # fees are never discounted
        fee_totals[fee.kind] += fee.amount
        shares[fee.payer] += fee.amount

    shortfall = ZERO
    if insurance is not None:
        claimed = shares["insurance"]
        covered = claimed if insurance.assessed_amount is None else min(claimed, insurance.assessed_amount)
        paid = max(ZERO, covered - insurance.deductible)
        # The deductible and anything above the assessment stay with the vehicle owner.
        shortfall = claimed - paid
        shares["insurance"] = paid
        shares["customer"] += shortfall

    labour_net = _sum(line.net for line in labour_lines)
    material_net = _sum(line.net for line in part_lines)
    fees_total = _sum(fee_totals.values())
    total = labour_net + material_net + fees_total
    # Not a bare `assert`: it must hold under `python -O` too, or a slip would not add up.
    if _sum(shares.values()) != total:
        raise AssertionError(f"payer shares {shares} do not add up to the total {total}")
    return OrderTotals(
        labour=labour_lines, parts=part_lines,
        labour_receivable=_sum(line.amount for line in labour_lines), labour_net=labour_net,
        material_receivable=_sum(line.amount for line in part_lines), material_net=material_net,
        fees=fee_totals, fees_total=fees_total, total=total,
        shares=shares, insurance_shortfall=shortfall,
    )
