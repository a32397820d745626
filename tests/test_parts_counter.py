"""The parts counter's services: the picking queue, the order behind a job card's barcode, the
undo of a scan (stock and holds back as before), roles and bad input; both backends."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from builders import login
from dms import clock
from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import Part, Stock, StockMovement, WorkOrder
from dms.parts import counter, picking
from test_ui_counter import authorized, snapshot, stocked_parts


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "warehouse1", "admin")}


def _promise(db, wo, hours):
    with db.transaction() as s:
        s.get(WorkOrder, wo).promised_at = clock.now() + timedelta(hours=hours)


def test_the_queue_lists_orders_waiting_for_parts_earliest_promise_first(demo_db, users):
    (a, _), (b, _) = stocked_parts(demo_db, 2)
    late = authorized(demo_db, users["advisor1"], [(a, 1)])
    soon = authorized(demo_db, users["advisor1"], [(a, 1), (b, 100000)])  # b cannot be held
    unpromised = authorized(demo_db, users["advisor1"], [(b, 1)])
    _promise(demo_db, late, 8)
    _promise(demo_db, soon, 2)
    with demo_db.transaction() as s:
        s.get(WorkOrder, unpromised).promised_at = None
    rows = counter.picking_queue(demo_db, users["warehouse1"])
    ours = [r for r in rows if r.id in (late, soon, unpromised)]
    assert [r.id for r in ours] == [soon, late, unpromised]
    first = ours[0]
    assert (first.lines, first.to_pick, first.short) == (2, D(100001), (b,))
    assert ours[1].short == ()
    assert counter.picking_queue(demo_db, users["admin"])  # the manager sees it too
    with pytest.raises(Forbidden):
        counter.picking_queue(demo_db, users["advisor1"])
    with pytest.raises(ValidationError):
        counter.picking_queue(demo_db, users["warehouse1"], limit=0)


def test_a_job_card_scan_finds_its_order(demo_db, users):
    (a, _), = stocked_parts(demo_db, 1)
    wo = authorized(demo_db, users["advisor1"], [(a, 1)])
    with demo_db.reading() as s:
        number = s.get(WorkOrder, wo).number
    wide = number.lower().translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789wo"})
    assert counter.is_order_scan(wide) and not counter.is_order_scan("6901234567892")
    assert counter.order_by_scan(demo_db, users["warehouse1"], wide) == wo
    with pytest.raises(NotFound) as refused:
        counter.order_by_scan(demo_db, users["warehouse1"], "WO2099999999")
    assert refused.value.code == "counter.unknown_order"
    head = counter.order_head(demo_db, users["warehouse1"], wo)
    assert head.number == number and head.state == "AUTHORIZED"


def test_undo_puts_the_scan_back_once(demo_db, users):
    (code, barcode), = stocked_parts(demo_db, 1)
    wo = authorized(demo_db, users["advisor1"], [(code, 2)])
    clerk = users["warehouse1"]
    before = snapshot(demo_db)[1]
    done = picking.issue_scan(demo_db, clerk, wo, barcode, received_by="李师傅")
    moves = [i.movement_id for i in done.issued]
    with pytest.raises(Forbidden):
        counter.undo_scan(demo_db, users["advisor1"], moves)
    undone = counter.undo_scan(demo_db, clerk, moves)
    assert snapshot(demo_db)[1] == before  # on hand and reserved as before the scan
    listing = picking.picking_list(demo_db, clerk, wo)
    assert (listing.lines[0].issued, listing.lines[0].state) == (0, "reserved")
    with demo_db.reading() as s:
        back = s.get(StockMovement, undone.movement_ids[0])
        assert (back.kind, back.qty, back.reference) == ("return", D(1), f"UNDO {moves[0]}")
    unchanged = snapshot(demo_db)
    with pytest.raises(ValidationError) as twice:
        counter.undo_scan(demo_db, clerk, moves)
    assert twice.value.code == "counter.undone"
    with pytest.raises(ValidationError):
        counter.undo_scan(demo_db, clerk, [])
    with pytest.raises(NotFound):
        counter.undo_scan(demo_db, clerk, undone.movement_ids)  # a return is not an issue
    assert snapshot(demo_db) == unchanged


def test_the_counter_lists_its_choices_and_open_counts(demo_db, users):
    clerk = users["warehouse1"]
    found = counter.choices(demo_db, clerk)
    assert ("WH1" in {c for c, _ in found["warehouses"]}) and found["suppliers"]
    assert counter.open_stocktakes(demo_db, clerk) == []
    (code, _), = stocked_parts(demo_db, 1)
    with demo_db.reading() as s:
        part = s.scalar(select(Part.id).where(Part.code == code))
        free = sum((r.on_hand - r.reserved for r in s.scalars(
            select(Stock).where(Stock.part_id == part))), D(0))
    assert counter.on_order(demo_db, clerk, part) == 0
    authorized(demo_db, users["advisor1"], [(code, free + 5)])  # 5 short: a purchase need
    assert counter.on_order(demo_db, clerk, part) == 5
