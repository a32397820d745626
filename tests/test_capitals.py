"""Amounts in Chinese capitals (大写) per the PBOC writing rules; see dms.reports.capitals for
the choices made where the rules allow two forms."""

from decimal import Decimal

import pytest

from dms.errors import ValidationError
from dms.reports.capitals import amount_in_capitals

CASES = [
    # (amount, capitals, why)
    ("0.00", "零元整", "nothing to pay: 零元整"),
    ("0.50", "伍角整", "under one yuan: no 元 part; 整 written after a final 角 (our choice)"),
    ("0.05", "伍分", "分 is never followed by 整"),
    ("0.32", "叁角贰分", "角 and 分 under one yuan"),
    ("1", "壹元整", "a whole yuan: 元 then 整"),
    ("10", "壹拾元整", "拾 always carries its 壹 (PBOC: the 壹 of 壹拾 must not be left out)"),
    ("15", "壹拾伍元整", "as above, 壹拾伍 not 拾伍"),
    ("1005.07", "壹仟零伍元零柒分", "zeros between 仟 and 元 → one 零; 角 is 0, 分 is not → 零"),
    ("325.04", "叁佰贰拾伍元零肆分", "PBOC's own example: 角 zero, 分 not"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分",
     "PBOC example, first form: the 元 digit is 0 and 角 is not → 零 after 元"),
    ("107000.53", "壹拾万柒仟元零伍角叁分",
     "PBOC example, first form: the zero closing the 万 section is not written, 零 after 元"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分", "PBOC example: 零 for the 拾 digit and for 角"),
    ("10000", "壹万元整", "zeros closing a section are absorbed by 万; no trailing 零"),
    ("1000010", "壹佰万零壹拾元整", "zeros between 佰万 and 拾 → one 零 across the 万 boundary"),
    ("100000001", "壹亿零壹元整", "an all-zero 万 section and leading zeros → a single 零"),
    ("100001000", "壹亿零壹仟元整", "an all-zero 万 section before 壹仟 → 零"),
    ("100000.50", "壹拾万元零伍角整", "元 digit 0 before a 角 → 零; 整 after the final 角"),
    ("20000000", "贰仟万元整", "贰仟万: the empty lower section writes nothing"),
    ("1234567890123456.78",
     "壹仟贰佰叁拾肆万亿伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
     "the largest supported range: 万亿 sections; the 16-digit amount stays exact"),
    ("584.00", "伍佰捌拾肆元整", "a typical settlement total"),
    ("1.004", "壹元整", "quantised to the fen first: 1.004 → 1.00"),
    ("1.005", "壹元零壹分", "ROUND_HALF_UP, not Python's half-to-even: 1.005 → 1.01"),
    ("0.005", "壹分", "rounds up to one fen"),
    ("-0.004", "零元整", "rounds to zero (−0.00) first, so it is not a negative amount"),
]


@pytest.mark.parametrize("amount, expected, why", CASES, ids=[c[0] for c in CASES])
def test_amount_in_capitals(amount, expected, why):
    assert amount_in_capitals(Decimal(amount)) == expected, why


def test_int_and_str_are_accepted():
    assert amount_in_capitals(1005) == "壹仟零伍元整"
    assert amount_in_capitals("1005.07") == "壹仟零伍元零柒分"


@pytest.mark.parametrize("bad, code", [
    (Decimal("-0.01"), "capitals.negative"), (Decimal("-100"), "capitals.negative"),
    (0.5, "capitals.not_exact"), (None, "capitals.not_exact"),
    (Decimal("NaN"), "capitals.not_a_number"), ("abc", "capitals.not_a_number"),
    (Decimal("1E16"), "capitals.too_large")])
def test_refused(bad, code):
    with pytest.raises(ValidationError) as err:
        amount_in_capitals(bad)
    assert err.value.code == code
