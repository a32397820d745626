"""The stock ledger's invariants: on-hand = sum of movements, never negative, cost sane; and
racing seats can never issue more than there is."""

import multiprocessing
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dms.auth import CurrentUser
from dms.db import Database
from dms.errors import InsufficientStock
from dms.models import Part, Stock, StockMovement, Warehouse
from dms.parts import stock

QTY = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("50"), places=3)
COST = st.decimals(min_value=Decimal("0"), max_value=Decimal("5000"), places=4)
OPS = st.lists(st.one_of(
    st.tuples(st.just("receipt"), QTY, COST),
    st.tuples(st.just("issue"), QTY, st.none()),
    st.tuples(st.just("return"), QTY, st.none()),
    st.tuples(st.just("transfer"), QTY, st.none()),
    st.tuples(st.just("adjust_in"), QTY, st.none()),
    st.tuples(st.just("adjust_out"), QTY, st.none()),
), min_size=1, max_size=12)


def _new_part(db, actor, n: int) -> tuple[int, int, int]:
    with db.transaction() as s:
        part = Part(store_id=actor.store_id, code=f"PROP-{n}", name="测试件", unit="个",
                    sale_price=Decimal("10.00"))
        s.add(part)
        s.flush()
        wh1, wh2 = s.scalars(select(Warehouse.id).where(Warehouse.store_id == actor.store_id)
                             .order_by(Warehouse.id)).all()[:2]
        return part.id, wh1, wh2


def _apply(db, actor, part_id, wh1, wh2, op, qty, cost):
    with db.transaction() as s:
        if op == "receipt":
            stock.post_in(s, actor, part_id, wh1, qty, "receipt", unit_cost=cost)
        elif op == "issue":
            stock.post_out(s, actor, part_id, wh1, qty, "issue")
        elif op == "return":
            stock.post_in(s, actor, part_id, wh1, qty, "return")
        elif op == "transfer":
            stock.post_out(s, actor, part_id, wh1, qty, "transfer_out")
            stock.post_in(s, actor, part_id, wh2, qty, "transfer_in")
        elif op == "adjust_in":
            stock.post_in(s, actor, part_id, wh2, qty, "adjustment")
        else:
            stock.post_out(s, actor, part_id, wh2, qty, "adjustment")


def test_any_sequence_keeps_the_ledger_balanced(demo_db, clerk):
    counter = iter(range(10**6))

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(OPS)
    def run(ops):
        part_id, wh1, wh2 = _new_part(demo_db, clerk, next(counter))
        expected = {wh1: Decimal(0), wh2: Decimal(0)}
        for op, qty, cost in ops:
            source = wh2 if op == "adjust_out" else wh1
            try:
                _apply(demo_db, clerk, part_id, wh1, wh2, op, qty, cost)
            except InsufficientStock:
                assert expected[source] < qty  # refused only when there really is not enough
                continue
            if op in ("issue", "adjust_out"):
                expected[source] -= qty
            elif op == "transfer":
                expected[wh1] -= qty
                expected[wh2] += qty
            else:
                expected[wh2 if op == "adjust_in" else wh1] += qty
        with demo_db.transaction() as s:
            for warehouse, qty in expected.items():
                on_hand, moved = stock.ledger_balance(s, part_id, warehouse)
                assert on_hand == moved == qty >= 0
            cost = s.scalar(select(Part.avg_cost).where(Part.id == part_id))
            assert cost.is_finite() and cost >= 0

    run()


def _issue_one(url: str, actor: CurrentUser, part_id: int, warehouse_id: int, barrier) -> str:
    db = Database(url)
    barrier.wait()
    try:
        with db.transaction() as s:
            stock.post_out(s, actor, part_id, warehouse_id, Decimal("1"), "issue")
        return "issued"
    except InsufficientStock as exc:
        return exc.code
    finally:
        db.dispose()


def test_eight_seats_race_for_the_last_three_units(demo_db, clerk):
    part_id, wh1, _ = _new_part(demo_db, clerk, 0)
    with demo_db.transaction() as s:
        stock.post_in(s, clerk, part_id, wh1, Decimal("3"), "receipt", unit_cost=Decimal("8"))
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(8)
        with context.Pool(8) as pool:
            outcomes = pool.starmap(_issue_one, [(demo_db.url, clerk, part_id, wh1, barrier)] * 8)
    assert sorted(outcomes) == ["issued"] * 3 + ["stock.insufficient"] * 5
    with demo_db.reading() as s:
        assert s.scalar(select(Stock.on_hand).where(Stock.part_id == part_id)) == Decimal("0")
        assert s.scalar(select(StockMovement.id).where(StockMovement.part_id == part_id,
                                                       StockMovement.qty < 0).limit(1))
    with demo_db.transaction() as s:
        assert stock.ledger_balance(s, part_id, wh1) == (Decimal("0"), Decimal("0"))
