"""Money is exact on both backends: integer fen in the database, Decimal in Python."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms.models import PriceClass, Store
from dms.money import from_fen, money, to_fen


def _store(s) -> int:
    store = Store(code="T1", name="测试店")
    s.add(store)
    s.flush()
    return store.id


def test_huge_amount_round_trips_exactly(db):
    amount = Decimal("12345678901234.56")
    with db.transaction() as s:
        s.add(PriceClass(store_id=_store(s), code="X", name="巨额", hourly_rate=amount))
    with db.reading() as s:
        stored = s.scalar(select(PriceClass.hourly_rate))
    assert stored == amount and str(stored) == "12345678901234.56"


def test_sum_in_sql_is_exact(db):
    with db.transaction() as s:
        store_id = _store(s)
        for code, rate in (("A", "0.1"), ("B", "0.2"), ("C", "0.6")):
            s.add(PriceClass(store_id=store_id, code=code, name=code, hourly_rate=Decimal(rate)))
    with db.reading() as s:
        total = s.scalar(select(func.sum(PriceClass.hourly_rate)))
    assert total == Decimal("0.90") and str(total) == "0.90"


@pytest.mark.parametrize("value, fen", [
    ("0.005", 1), ("0.004", 0), ("2.675", 268), ("-1.005", -101), (Decimal("1.125"), 113), (7, 700),
])
def test_rounding_is_half_up_to_the_fen(value, fen):
    assert to_fen(value) == fen
    assert from_fen(fen) == money(value)


def test_float_is_refused():
    with pytest.raises(TypeError):
        money(0.1)
