"""Settlement pricing (DESIGN §4): worked examples with the arithmetic written out, plus properties.

Every expected figure below was worked by hand, half up to the fen, once per line. The `why`
string of each example is the settlement an advisor would check on a calculator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dms.billing.pricing import (
    FEE_KINDS,
    PAYERS,
    Discounts,
    FeeItem,
    InsuranceTerms,
    LabourItem,
    PartItem,
    price_line,
    price_order,
)
from dms.errors import ValidationError

NONE = Discounts()
PLATINUM = Discounts(labour_pct=D("10"), material_pct=D("5"))
DIAMOND = Discounts(labour_pct=D("15"), material_pct=D("8"))
VIP = Discounts(labour_pct=D("20"), material_pct=D("10"))


def L(hours, rate, payer="customer", manual=None):  # noqa: N802 - reads like a slip line
    return LabourItem(D(hours), D(rate), payer, None if manual is None else D(manual))


def P(qty, price, payer="customer", manual=None):  # noqa: N802
    return PartItem(D(qty), D(price), payer, None if manual is None else D(manual))


def F(kind, amount, payer="customer"):  # noqa: N802
    return FeeItem(kind, D(amount), payer)


@dataclass
class Case:
    id: str
    why: str
    labour: list
    parts: list
    # expected lines: (amount, discount_pct applied, discount, net)
    expect_labour: list
    expect_parts: list
    # labour_receivable, labour_net, material_receivable, material_net, fees_total, total
    totals: tuple
    shares: dict  # payers left out are expected to be 0.00
    fees: list = field(default_factory=list)
    expect_fees: dict = field(default_factory=dict)  # kinds left out are expected to be 0.00
    discounts: Discounts = NONE
    insurance: InsuranceTerms | None = None
    shortfall: str = "0.00"


CASES = [
    Case(
        id="no-membership",
        why="labour 2 h × 150.00 = 300.00; part 1 × 128.00 = 128.00; no tier, no discount; "
        "total 428.00, all customer",
        labour=[L("2", "150.00")],
        parts=[P("1", "128.00")],
        expect_labour=[("300.00", "0", "0.00", "300.00")],
        expect_parts=[("128.00", "0", "0.00", "128.00")],
        totals=("300.00", "300.00", "128.00", "128.00", "0.00", "428.00"),
        shares={"customer": "428.00"},
    ),
    Case(
        id="platinum-10-5",
        why="labour 1.25 h × 180.00 = 225.00, −10 % 22.50 → 202.50; "
        "part 2 × 45.50 = 91.00, −5 % 4.55 → 86.45; total 202.50 + 86.45 = 288.95",
        labour=[L("1.25", "180.00")],
        parts=[P("2", "45.50")],
        discounts=PLATINUM,
        expect_labour=[("225.00", "10", "22.50", "202.50")],
        expect_parts=[("91.00", "5", "4.55", "86.45")],
        totals=("225.00", "202.50", "91.00", "86.45", "0.00", "288.95"),
        shares={"customer": "288.95"},
    ),
    Case(
        id="diamond-15-8",
        why="labour 3 h × 220.00 = 660.00, −15 % 99.00 → 561.00; "
        "parts 4 × 86.50 = 346.00, −8 % 27.68 → 318.32 and 1 × 1299.00, −8 % 103.92 → 1195.08; "
        "material 1645.00 list, 1513.40 net; total 561.00 + 1513.40 = 2074.40",
        labour=[L("3", "220.00")],
        parts=[P("4", "86.50"), P("1", "1299.00")],
        discounts=DIAMOND,
        expect_labour=[("660.00", "15", "99.00", "561.00")],
        expect_parts=[("346.00", "8", "27.68", "318.32"), ("1299.00", "8", "103.92", "1195.08")],
        totals=("660.00", "561.00", "1645.00", "1513.40", "0.00", "2074.40"),
        shares={"customer": "2074.40"},
    ),
    Case(
        id="vip-20-10-fee-not-discounted",
        why="labour 0.8 h × 200.00 = 160.00, −20 % 32.00 → 128.00; "
        "oil 4.5 L × 68.80 = 309.60, −10 % 30.96 → 278.64; management fee 30.00 is not discounted; "
        "total 128.00 + 278.64 + 30.00 = 436.64",
        labour=[L("0.8", "200.00")],
        parts=[P("4.5", "68.80")],
        fees=[F("management", "30.00")],
        discounts=VIP,
        expect_labour=[("160.00", "20", "32.00", "128.00")],
        expect_parts=[("309.60", "10", "30.96", "278.64")],
        expect_fees={"management": "30.00"},
        totals=("160.00", "128.00", "309.60", "278.64", "30.00", "436.64"),
        shares={"customer": "436.64"},
    ),
    Case(
        id="fractional-quantities",
        why="oil 4.5 L × 68.80 = 309.60; coolant 2.5 L × 38.30 = 95.75; "
        "brake fluid 0.75 L × 34.90 = 26.175 → 26.18; labour 1.25 h × 180.00 = 225.00; "
        "material 309.60 + 95.75 + 26.18 = 431.53; total 656.53",
        labour=[L("1.25", "180.00")],
        parts=[P("4.5", "68.80"), P("2.5", "38.30"), P("0.75", "34.90")],
        expect_labour=[("225.00", "0", "0.00", "225.00")],
        expect_parts=[
            ("309.60", "0", "0.00", "309.60"),
            ("95.75", "0", "0.00", "95.75"),
            ("26.18", "0", "0.00", "26.18"),
        ],
        totals=("225.00", "225.00", "431.53", "431.53", "0.00", "656.53"),
        shares={"customer": "656.53"},
    ),
    Case(
        id="half-up-not-half-even",
        why="0.5 h × 181.01 = 90.505 → 90.51 (half-to-even would give 90.50), twice: labour "
        "90.51 + 90.51 = 181.02 (rounding the sum 181.01 once would lose a fen); "
        "part 1 × 10.10 with 5 % material: the net 9.595 → 9.60 (DESIGN §4 rounds the net, "
        "half up; rounding the discount 0.505 → 0.51 would give 9.59), discount 0.50; "
        "total 181.02 + 9.60 = 190.62",
        labour=[L("0.5", "181.01"), L("0.5", "181.01")],
        parts=[P("1", "10.10")],
        discounts=Discounts(material_pct=D("5")),
        expect_labour=[("90.51", "0", "0.00", "90.51")] * 2,
        expect_parts=[("10.10", "5", "0.50", "9.60")],
        totals=("181.02", "181.02", "10.10", "9.60", "0.00", "190.62"),
        shares={"customer": "190.62"},
    ),
    Case(
        id="half-up-diamond",
        why="labour 0.3 h × 168.35 = 50.505 → 50.51, −15 % 7.5765 → 7.58, net 42.93; "
        "part 2.5 × 7.37 = 18.425 → 18.43 (half-even 18.42), −8 % 1.4744 → 1.47, net 16.96; "
        "total 42.93 + 16.96 = 59.89",
        labour=[L("0.3", "168.35")],
        parts=[P("2.5", "7.37")],
        discounts=DIAMOND,
        expect_labour=[("50.51", "15", "7.58", "42.93")],
        expect_parts=[("18.43", "8", "1.47", "16.96")],
        totals=("50.51", "42.93", "18.43", "16.96", "0.00", "59.89"),
        shares={"customer": "59.89"},
    ),
    Case(
        id="manual-discount-larger-than-member",
        why="platinum 10 %/5 %, advisor gives 15 % on labour and 12 % on the part: the larger "
        "wins, not both. labour 2 h × 180.00 = 360.00, −15 % 54.00 → 306.00; "
        "part 1 × 200.00, −12 % 24.00 → 176.00; total 482.00",
        labour=[L("2", "180.00", manual="15")],
        parts=[P("1", "200.00", manual="12")],
        discounts=PLATINUM,
        expect_labour=[("360.00", "15", "54.00", "306.00")],
        expect_parts=[("200.00", "12", "24.00", "176.00")],
        totals=("360.00", "306.00", "200.00", "176.00", "0.00", "482.00"),
        shares={"customer": "482.00"},
    ),
    Case(
        id="manual-discount-smaller-than-member",
        why="platinum 10 %/5 %, advisor gives 5 % on labour and 3 % on the part: the member "
        "discount is better and stays. labour 360.00, −10 % 36.00 → 324.00; "
        "part 200.00, −5 % 10.00 → 190.00; total 514.00",
        labour=[L("2", "180.00", manual="5")],
        parts=[P("1", "200.00", manual="3")],
        discounts=PLATINUM,
        expect_labour=[("360.00", "10", "36.00", "324.00")],
        expect_parts=[("200.00", "5", "10.00", "190.00")],
        totals=("360.00", "324.00", "200.00", "190.00", "0.00", "514.00"),
        shares={"customer": "514.00"},
    ),
    Case(
        id="mixed-payers-diamond",
        why="diamond 15 %/8 % only on customer lines; rate 200.00. "
        "labour: customer 1 h 200.00 −30.00 → 170.00; warranty 2 h 400.00; insurance 3 h 600.00; "
        "internal 0.5 h 100.00 → list 1300.00, net 1270.00. "
        "parts: customer 150.00 −12.00 → 138.00; warranty 880.00; insurance 2 × 450.00 = 900.00; "
        "internal 4 × 12.50 = 50.00 → list 1980.00, net 1968.00. total 3238.00 = customer "
        "170 + 138 = 308.00, warranty 400 + 880 = 1280.00, insurance 600 + 900 = 1500.00, "
        "internal 100 + 50 = 150.00",
        labour=[
            L("1", "200.00"),
            L("2", "200.00", "warranty"),
            L("3", "200.00", "insurance"),
            L("0.5", "200.00", "internal"),
        ],
        parts=[
            P("1", "150.00"),
            P("1", "880.00", "warranty"),
            P("2", "450.00", "insurance"),
            P("4", "12.50", "internal"),
        ],
        discounts=DIAMOND,
        expect_labour=[
            ("200.00", "15", "30.00", "170.00"),
            ("400.00", "0", "0.00", "400.00"),
            ("600.00", "0", "0.00", "600.00"),
            ("100.00", "0", "0.00", "100.00"),
        ],
        expect_parts=[
            ("150.00", "8", "12.00", "138.00"),
            ("880.00", "0", "0.00", "880.00"),
            ("900.00", "0", "0.00", "900.00"),
            ("50.00", "0", "0.00", "50.00"),
        ],
        totals=("1300.00", "1270.00", "1980.00", "1968.00", "0.00", "3238.00"),
        shares={"customer": "308.00", "warranty": "1280.00", "insurance": "1500.00", "internal": "150.00"},
    ),
    Case(
        id="every-fee-kind",
        why="VIP 20 %/10 %: labour 1 h × 100.00 = 100.00, −20.00 → 80.00. fees undiscounted: "
        "management 25.00 + auxiliary 12.50 (customer), subcontract 300.00 (warranty), "
        "rescue 200.00 (insurance), other 8.00 (internal) = 545.50; total 625.50 = customer "
        "80 + 25 + 12.50 = 117.50, warranty 300.00, insurance 200.00, internal 8.00",
        labour=[L("1", "100.00")],
        parts=[],
        fees=[
            F("management", "25.00"),
            F("auxiliary", "12.50"),
            F("subcontract", "300.00", "warranty"),
            F("rescue", "200.00", "insurance"),
            F("other", "8.00", "internal"),
        ],
        discounts=VIP,
        expect_labour=[("100.00", "20", "20.00", "80.00")],
        expect_parts=[],
        expect_fees={
            "management": "25.00",
            "auxiliary": "12.50",
            "subcontract": "300.00",
            "rescue": "200.00",
            "other": "8.00",
        },
        totals=("100.00", "80.00", "0.00", "0.00", "545.50", "625.50"),
        shares={"customer": "117.50", "warranty": "300.00", "insurance": "200.00", "internal": "8.00"},
    ),
    Case(
        id="insurance-claim-with-deductible",
        why="insurance lines: labour 4 h × 180.00 = 720.00, bumper 2350.00, rescue fee 150.00 "
        "= 3220.00; assessed 3500.00 does not cap; minus deductible 500.00 → insurer 2720.00. "
        "customer's own oil change 1 h × 180.00 = 180.00, platinum −18.00 → 162.00, plus the "
        "deductible 500.00 = 662.00. total 720 + 162 + 2350 + 150 = 3382.00 = 2720.00 + 662.00",
        labour=[L("4", "180.00", "insurance"), L("1", "180.00")],
        parts=[P("1", "2350.00", "insurance")],
        fees=[F("rescue", "150.00", "insurance")],
        discounts=PLATINUM,
        insurance=InsuranceTerms(D("3500.00"), D("500.00")),
        expect_labour=[("720.00", "0", "0.00", "720.00"), ("180.00", "10", "18.00", "162.00")],
        expect_parts=[("2350.00", "0", "0.00", "2350.00")],
        expect_fees={"rescue": "150.00"},
        totals=("900.00", "882.00", "2350.00", "2350.00", "150.00", "3382.00"),
        shares={"customer": "662.00", "insurance": "2720.00"},
        shortfall="500.00",
    ),
    Case(
        id="insurance-assessed-below-lines",
        why="insurance lines: labour 5 h × 200.00 = 1000.00, parts 3 × 1200.00 = 3600.00, "
        "management fee 100.00 = 4700.00; assessed only 4200.00, minus deductible 300.00 → "
        "insurer 3900.00; customer pays 500.00 above the assessment + 300.00 deductible = 800.00",
        labour=[L("5", "200.00", "insurance")],
        parts=[P("3", "1200.00", "insurance")],
        fees=[F("management", "100.00", "insurance")],
        insurance=InsuranceTerms(D("4200.00"), D("300.00")),
        expect_labour=[("1000.00", "0", "0.00", "1000.00")],
        expect_parts=[("3600.00", "0", "0.00", "3600.00")],
        expect_fees={"management": "100.00"},
        totals=("1000.00", "1000.00", "3600.00", "3600.00", "100.00", "4700.00"),
        shares={"customer": "800.00", "insurance": "3900.00"},
        shortfall="800.00",
    ),
    Case(
        id="deductible-exceeds-claim",
        why="insurance lines 1 h × 200.00 + 1 × 380.00 = 580.00, no assessment cap, deductible "
        "1000.00: insurer max(0, 580.00 − 1000.00) = 0.00, never negative; customer 580.00",
        labour=[L("1", "200.00", "insurance")],
        parts=[P("1", "380.00", "insurance")],
        insurance=InsuranceTerms(None, D("1000.00")),
        expect_labour=[("200.00", "0", "0.00", "200.00")],
        expect_parts=[("380.00", "0", "0.00", "380.00")],
        totals=("200.00", "200.00", "380.00", "380.00", "0.00", "580.00"),
        shares={"customer": "580.00"},
        shortfall="580.00",
    ),
    Case(
        id="internal-order",
        why="used-car department's reconditioning, all internal at list price (VIP tier of the "
        "vehicle's owner ignored): labour 1.5 h × 180.00 = 270.00, part 1 × 35.00; "
        "customer pays 0.00, internal 305.00",
        labour=[L("1.5", "180.00", "internal")],
        parts=[P("1", "35.00", "internal")],
        discounts=VIP,
        expect_labour=[("270.00", "0", "0.00", "270.00")],
        expect_parts=[("35.00", "0", "0.00", "35.00")],
        totals=("270.00", "270.00", "35.00", "35.00", "0.00", "305.00"),
        shares={"internal": "305.00"},
    ),
    Case(
        id="zero-total-internal-order",
        why="internal order with nothing billable (e.g. a free check logged for the workshop): "
        "no lines, no fees → every total and every share is 0.00, all keys present",
        labour=[],
        parts=[],
        insurance=InsuranceTerms(D("1000.00"), D("500.00")),
        expect_labour=[],
        expect_parts=[],
        totals=("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
        shares={},
    ),
    Case(
        id="goodwill-100-percent",
        why="comeback repair given free by the advisor: labour 1 h × 180.00 = 180.00, manual "
        "100 % → discount 180.00, net 0.00; receivable 180.00, total 0.00",
        labour=[L("1", "180.00", manual="100")],
        parts=[],
        expect_labour=[("180.00", "100", "180.00", "0.00")],
        expect_parts=[],
        totals=("180.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
        shares={},
    ),
]


def _is_fen(value) -> bool:
    return isinstance(value, D) and value.as_tuple().exponent == -2


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_worked_settlement(case: Case):
    t = price_order(case.labour, case.parts, case.fees, case.discounts, case.insurance)

    for got, want in [(t.labour, case.expect_labour), (t.parts, case.expect_parts)]:
        assert len(got) == len(want), case.why
        for line, (amount, pct, discount, net) in zip(got, want):
            assert (line.amount, line.discount_pct, line.discount, line.net) == (
                D(amount), D(pct), D(discount), D(net)), case.why
            assert all(_is_fen(x) for x in (line.amount, line.discount, line.net))

    got_totals = (t.labour_receivable, t.labour_net, t.material_receivable, t.material_net,
                  t.fees_total, t.total)
    assert got_totals == tuple(D(x) for x in case.totals), case.why
    assert all(_is_fen(x) for x in got_totals)

    assert t.fees == {k: D(case.expect_fees.get(k, "0.00")) for k in FEE_KINDS}, case.why
    assert t.shares == {p: D(case.shares.get(p, "0.00")) for p in PAYERS}, case.why
    assert all(_is_fen(x) for x in [*t.fees.values(), *t.shares.values()])
    assert t.customer_share == D(case.shares.get("customer", "0.00"))
    assert t.insurance_share == D(case.shares.get("insurance", "0.00"))
    assert t.insurance_shortfall == D(case.shortfall)
    assert sum(t.shares.values()) == t.total


def test_price_line_picks_the_member_discount_by_line_type():
    assert price_line(L("1", "100.00"), DIAMOND).discount == D("15.00")
    assert price_line(P("1", "100.00"), DIAMOND).discount == D("8.00")
    assert price_line(P("1", "100.00", "warranty"), DIAMOND).net == D("100.00")
    assert price_line(L("1", "100.00")).net == D("100.00")  # no tier given


@pytest.mark.parametrize("payer", ["warranty", "insurance", "internal"])
def test_manual_discount_refused_on_non_customer_lines(payer):
    with pytest.raises(ValueError, match="customer-paid"):
        LabourItem(D("1"), D("180.00"), payer, D("10"))
    with pytest.raises(ValueError, match="customer-paid"):
        PartItem(D("1"), D("99.00"), payer, D("10"))


FLOATS = {
    "hours": lambda: LabourItem(1.5, D("180"), "customer"),
    "rate": lambda: LabourItem(D("1.5"), 180.0, "customer"),
    "labour-manual": lambda: LabourItem(D("1"), D("180"), "customer", 10.0),
    "qty": lambda: PartItem(4.5, D("68.80"), "customer"),
    "unit-price": lambda: PartItem(D("1"), 68.8, "customer"),
    "part-manual": lambda: PartItem(D("1"), D("68.80"), "customer", 5.0),
    "fee": lambda: FeeItem("management", 30.0, "customer"),
    "member-labour": lambda: Discounts(labour_pct=10.0),
    "member-material": lambda: Discounts(material_pct=5.0),
    "assessed": lambda: InsuranceTerms(3500.0, D("500")),
    "deductible": lambda: InsuranceTerms(None, 500.0),
}


@pytest.mark.parametrize("make", FLOATS.values(), ids=FLOATS.keys())
def test_float_anywhere_is_refused(make):
    with pytest.raises(ValidationError) as err:
        make()
    assert err.value.code == "value.number"


@pytest.mark.parametrize("value", ["NaN", "inf", "1e400x", "12,3", None])
def test_a_malformed_number_is_a_validation_error_naming_the_field(value):
    with pytest.raises(ValidationError) as err:
        PartItem(D("1"), value, "customer")
    assert (err.value.code, err.value.params["field"]) == ("value.number", "PartItem.unit_price")


INVALID = {
    "negative-hours": lambda: LabourItem(D("-1"), D("180"), "customer"),
    "negative-rate": lambda: LabourItem(D("1"), D("-180"), "customer"),
    "zero-qty": lambda: PartItem(D("0"), D("10"), "customer"),
    "negative-price": lambda: PartItem(D("1"), D("-0.01"), "customer"),
    "zero-fee": lambda: FeeItem("management", D("0"), "customer"),
    "negative-fee": lambda: FeeItem("management", D("-5"), "customer"),
    "unknown-fee-kind": lambda: FeeItem("parking", D("5"), "customer"),
    "unknown-payer": lambda: LabourItem(D("1"), D("180"), "dealer"),
    "manual-over-100": lambda: LabourItem(D("1"), D("180"), "customer", D("101")),
    "member-negative": lambda: Discounts(labour_pct=D("-1")),
    "negative-deductible": lambda: InsuranceTerms(None, D("-1")),
    "negative-assessment": lambda: InsuranceTerms(D("-1"), D("0")),
}


@pytest.mark.parametrize("make", INVALID.values(), ids=INVALID.keys())
def test_invalid_input_is_refused_with_value_error(make):
    with pytest.raises(ValueError):
        make()


def test_negative_hours_message_names_the_field():
    with pytest.raises(ValueError, match=r"LabourItem\.billed_hours must be zero or more"):
        LabourItem(D("-0.5"), D("180"), "customer")


def test_a_free_part_or_an_unpriced_job_is_a_line_at_zero():
    totals = price_order([LabourItem(D("0"), D("180"), "customer")],
                         [PartItem(D("1"), D("0"), "customer", D("10"))])
    assert [(x.amount, x.net) for x in totals.labour + totals.parts] == [(D("0.00"), D("0.00"))] * 2
    assert totals.total == D("0.00")


def test_a_part_in_the_labour_list_is_refused():
    with pytest.raises(TypeError):
        price_order(labour=[P("1", "10.00")])


# --- property: for any order, shares add up to the total and no line goes negative ----------

amounts = st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2)
quantities = st.decimals(min_value=D("0.01"), max_value=D("999.99"), places=2)
percents = st.decimals(min_value=D("0"), max_value=D("100"), places=2)
payers = st.sampled_from(PAYERS)


@st.composite
def lines(draw, cls):
    payer = draw(payers)
    manual = draw(st.none() | percents) if payer == "customer" else None
    return cls(draw(quantities), draw(amounts), payer, manual)


fees = st.builds(FeeItem, st.sampled_from(FEE_KINDS), amounts, payers)
terms = st.none() | st.builds(
    InsuranceTerms, st.none() | amounts | st.just(D("0.00")), amounts | st.just(D("0.00")))


@settings(max_examples=300, deadline=None)
@given(
    labour=st.lists(lines(LabourItem), max_size=6),
    parts=st.lists(lines(PartItem), max_size=6),
    fee_items=st.lists(fees, max_size=5),
    discounts=st.builds(Discounts, percents, percents),
    insurance=terms,
)
def test_shares_always_add_up(labour, parts, fee_items, discounts, insurance):
    t = price_order(labour, parts, fee_items, discounts, insurance)
    assert sum(t.shares.values()) == t.total
    assert set(t.shares) == set(PAYERS) and all(s >= 0 for s in t.shares.values())
    for line in t.labour + t.parts:
        assert line.net == line.amount - line.discount >= 0
        assert all(_is_fen(x) for x in (line.amount, line.discount, line.net))
    assert t.total == t.labour_net + t.material_net + t.fees_total
    assert t.labour_net == sum((x.net for x in t.labour), D("0"))
    # the customer never pays less than their own lines, nor the insurer more than assessed
    own = sum((x.net for x in t.labour + t.parts if x.payer == "customer"), D("0"))
    assert t.customer_share >= own
    if insurance is not None and insurance.assessed_amount is not None:
        assert t.insurance_share <= insurance.assessed_amount
