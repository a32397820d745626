"""Step 6, parts pre-picking: reservations and purchase needs, the picking list, issue by scan,
refusals that change nothing, returns and exchanges that keep the ledger balanced."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.errors import Forbidden, InsufficientStock, InvalidTransition, NotFound, ValidationError
from dms.models import (AuditLog, LabourLine, Part, PartBarcode, PartLine, PurchaseNeed,
                        Reservation, Stock, StockMovement, Vehicle, WorkOrder)
from dms.parts import picking, stock
from dms.workshop import added_work, appointments, cancellation, dispatch, estimates as est
from dms.workshop import states as st
from dms.workshop.reception import CheckIn

from builders import OIL_FILTER, bay_ids, full_width, login, received_order

SPARK_PLUG = "18846-FG100"  # letters in the code: scanned in lower case below
OIL = "05100-00451"  # 4 L bottles, kept in the fluids store


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "warehouse1", "dispatcher1", "tech1")}


def free(db, code):
    with db.reading() as s:  # in Python: SQL arithmetic would drop the quantity type
        return sum((x.on_hand - x.reserved for x in s.scalars(
            select(Stock).join(Part, Part.id == Stock.part_id).where(Part.code == code))), D(0))


def part_id(db, code):
    with db.reading() as s:
        return s.scalar(select(Part.id).where(Part.code == code))


def barcode(db, code):
    with db.reading() as s:
        return s.scalar(select(PartBarcode.barcode).join(Part).where(Part.code == code))


def authorized(db, adv, parts, business_type="repair"):
    wo = received_order(db, adv, business_type=business_type)
    est.add_labour(db, adv, wo, "JX01")
    for code, qty in parts:
        est.add_part(db, adv, wo, code, D(qty))
    est.issue_estimate(db, adv, wo)
    est.approve_estimate(db, adv, wo, "王先生", "signature")
    return wo


def in_repair(db, users, wo):
    with db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo,
                                                   LabourLine.approval == "approved"))
    dispatch.assign_job(db, users["dispatcher1"], job, bay_ids(db)["BAY3"], users["tech1"].id)
    dispatch.clock_on(db, users["tech1"], job)
    return job


def part_lines(db, wo):
    with db.reading() as s:
        return {x.id: x for x in s.scalars(select(PartLine).where(PartLine.work_order_id == wo)
                                           .order_by(PartLine.id))}


def snapshot(db, wo=None):
    """Everything a refused call must leave alone."""
    with db.reading() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(m)) for m in (
            StockMovement, Reservation, PurchaseNeed, PartLine, AuditLog))
        stock_rows = tuple(s.execute(select(Stock.id, Stock.on_hand, Stock.reserved)
                                     .order_by(Stock.id)).all())
        lines = tuple(s.execute(select(PartLine.id, PartLine.qty, PartLine.qty_issued,
                                       PartLine.state, PartLine.approval)
                                .order_by(PartLine.id)).all())
        version = s.get(WorkOrder, wo).version if wo else None
        return counts, stock_rows, lines, version


def assert_balanced(db):
    """On-hand is explained by the movements; reserved by the active reservations."""
    with db.reading() as s:
        for row in s.scalars(select(Stock)):
            on_hand, moved = stock.ledger_balance(s, row.part_id, row.warehouse_id)
            assert on_hand == moved, row.part_id
            held = sum(s.scalars(select(Reservation.qty).where(
                Reservation.part_id == row.part_id, Reservation.warehouse_id == row.warehouse_id,
                Reservation.status == "active")), D(0))
            assert row.reserved == held, row.part_id


def test_a_part_line_is_reserved_and_a_shortage_raises_a_purchase_need(demo_db, users):
    db, adv = demo_db, users["advisor1"]
    plugs = free(db, SPARK_PLUG)
    wo = received_order(db, adv)
    est.add_part(db, adv, wo, OIL_FILTER, D(1))
    est.add_part(db, adv, wo, SPARK_PLUG, plugs + 2)
    filter_line, plug_line = part_lines(db, wo).values()
    assert (filter_line.state, plug_line.state) == ("reserved", "requested")
    assert free(db, SPARK_PLUG) == 0
    with db.reading() as s:
        [need] = s.scalars(select(PurchaseNeed).where(PurchaseNeed.work_order_id == wo)).all()
        assert (need.part_id, need.qty, need.status) == (part_id(db, SPARK_PLUG), D(2), "open")
        assert s.scalar(select(Reservation.qty).where(
            Reservation.part_line_id == plug_line.id)) == plugs
    assert_balanced(db)

    # Removed before the estimate: the plugs go back and the need lapses.
    est.remove_line(db, adv, wo, "part", plug_line.id)
    assert free(db, SPARK_PLUG) == plugs
    with db.reading() as s:
        assert s.get(PurchaseNeed, need.id).status == "cancelled"
    # Declined by the customer: the filter goes back too.
    before = free(db, OIL_FILTER)
    est.add_labour(db, adv, wo, "JX01")
    est.issue_estimate(db, adv, wo)
    est.approve_estimate(db, adv, wo, "王先生", "signature",
                         declined_line_ids={"part": [filter_line.id]})
    assert free(db, OIL_FILTER) == before + 1
    assert part_lines(db, wo)[filter_line.id].approval == "declined"
    assert_balanced(db)


def test_appointment_parts_are_reserved_then_released_or_handed_to_the_order(demo_db, users):
    db, adv = demo_db, users["advisor1"]
    filters, plugs = free(db, OIL_FILTER), free(db, SPARK_PLUG)
    with db.reading() as s:
        vehicles = s.scalars(select(Vehicle.id).order_by(Vehicle.id).limit(2)).all()

    def book(vehicle_id):
        return appointments.book(db, adv, appointments.Booking(
            vehicle_id=vehicle_id, channel="phone", requested_work="保养",
            booked_for=clock.now() + timedelta(days=2),
            expected_parts=((OIL_FILTER, D(1)), (SPARK_PLUG, plugs + 1))),
            confirm_overbooking=True).changed.id

    first = book(vehicles[0])
    assert free(db, OIL_FILTER) == filters - 1 and free(db, SPARK_PLUG) == 0
    with db.reading() as s:
        [need] = s.scalars(select(PurchaseNeed).where(PurchaseNeed.appointment_id == first)).all()
        assert need.qty == 1 and need.status == "open"
    appointments.cancel(db, adv, first, "客户改期")
    assert (free(db, OIL_FILTER), free(db, SPARK_PLUG)) == (filters, plugs)
    with db.reading() as s:
        assert s.get(PurchaseNeed, need.id).status == "cancelled"
    assert_balanced(db)

    second = book(vehicles[1])
    wo = appointments.arrive(db, adv, second, CheckIn(vehicle_id=vehicles[1], mileage=999_999,
                                                      fuel_level=4, complaint="保养")).id
    est.add_labour(db, adv, wo, "JX01")
    est.add_part(db, adv, wo, OIL_FILTER, D(1))  # takes over the appointment's filter
    assert free(db, OIL_FILTER) == filters - 1
    [line] = part_lines(db, wo).values()
    assert line.state == "reserved"
    with db.reading() as s:
        held = s.scalars(select(Reservation).where(Reservation.part_line_id == line.id)).one()
        assert held.appointment_id == second
    est.issue_estimate(db, adv, wo)
    est.approve_estimate(db, adv, wo, "王先生", "signature")
    # The plugs nobody added are released; their need (now the order's) is cancelled.
    assert free(db, SPARK_PLUG) == plugs
    with db.reading() as s:
        assert s.scalars(select(PurchaseNeed.status).where(
            PurchaseNeed.work_order_id == wo)).all() == ["cancelled"]
    assert_balanced(db)


def test_the_clerk_picks_by_scan_in_any_case_or_width(demo_db, users):
    db, clerk = demo_db, users["warehouse1"]
    wo = authorized(db, users["advisor1"], [(OIL_FILTER, 1), (SPARK_PLUG, 4)])
    filters, plugs = free(db, OIL_FILTER), free(db, SPARK_PLUG)
    listing = picking.picking_list(db, clerk, wo)
    by_code = {x.code: x for x in listing.lines}
    assert barcode(db, OIL_FILTER) in by_code[OIL_FILTER].barcodes
    assert by_code[OIL_FILTER].warehouse == "WH1" and by_code[OIL_FILTER].bin
    assert (by_code[SPARK_PLUG].requested, by_code[SPARK_PLUG].reserved,
            by_code[SPARK_PLUG].to_pick) == (D(4), D(4), D(4))

    result = picking.issue_scan(db, clerk, wo, " " + full_width(barcode(db, OIL_FILTER)) + " ",
                                received_by="李师傅", batch="B2026")
    [issued] = result.issued
    assert result.code == OIL_FILTER and issued.state == "issued"
    picking.issue_scan(db, clerk, wo, SPARK_PLUG.lower(), qty=D(1), received_by="李师傅")
    plug_line = part_lines(db, wo)[by_code[SPARK_PLUG].part_line_id]
    assert (plug_line.qty_issued, plug_line.state) == (D(1), "reserved")
    picking.issue_scan(db, clerk, wo, SPARK_PLUG.lower(), qty="3", received_by="李师傅")
    assert part_lines(db, wo)[plug_line.id].state == "issued"
    # Issued from what was reserved: free stock is untouched.
    assert (free(db, OIL_FILTER), free(db, SPARK_PLUG)) == (filters, plugs)
    with db.reading() as s:
        move = s.get(StockMovement, issued.movement_id)
        assert (move.kind, move.qty, move.work_order_id, move.part_line_id, move.received_by,
                move.batch, move.user_id) == ("issue", D(-1), wo, issued.part_line_id, "李师傅",
                                             "B2026", clerk.id)
        assert s.scalars(select(Reservation.status).where(
            Reservation.part_line_id == plug_line.id)).all() == ["consumed", "consumed"]
    assert all(x.to_pick == 0 for x in picking.picking_list(db, clerk, wo).lines)
    assert_balanced(db)


def test_refused_scans_change_nothing(demo_db, users):
    db, clerk, adv = demo_db, users["warehouse1"], users["advisor1"]
    wo = authorized(db, adv, [(OIL_FILTER, 1)])
    scan = barcode(db, OIL_FILTER)
    before = snapshot(db, wo)
    refusals = [
        (dict(scanned=scan, qty=2), ValidationError, "picking.over_issue"),
        (dict(scanned=SPARK_PLUG), ValidationError, "picking.not_on_order"),
        (dict(scanned="NO-SUCH-PART-9"), NotFound, "part.unknown_scan"),
        (dict(scanned=scan, qty=1.0), ValidationError, "picking.qty"),
        (dict(scanned=scan, qty=0), ValidationError, "picking.qty"),
        (dict(scanned=scan, received_by=" "), ValidationError, "picking.received_by"),
    ]
    for kwargs, error, code in refusals:
        with pytest.raises(error) as caught:
            picking.issue_scan(db, clerk, wo, **({"received_by": "李师傅"} | kwargs))
        assert caught.value.code == code
        assert snapshot(db, wo) == before, code
    with pytest.raises(Forbidden):
        picking.issue_scan(db, adv, wo, scan, received_by="李师傅")
    received = received_order(db, adv)
    est.add_part(db, adv, received, OIL_FILTER, D(1))
    before = snapshot(db, received)
    with pytest.raises(InvalidTransition):  # not before the customer approved the estimate
        picking.issue_scan(db, clerk, received, scan, received_by="李师傅")
    assert snapshot(db, received) == before
    picking.issue_scan(db, clerk, wo, scan, received_by="李师傅")
    before = snapshot(db, wo)
    with pytest.raises(ValidationError) as caught:  # already issued in full
        picking.issue_scan(db, clerk, wo, scan, received_by="李师傅")
    assert caught.value.code == "picking.over_issue" and snapshot(db, wo) == before


def test_a_part_not_on_the_order_is_added_as_proposed_work_with_a_reason(demo_db, users):
    db, clerk, adv = demo_db, users["warehouse1"], users["advisor1"]
    wo = authorized(db, adv, [(OIL_FILTER, 1)])
    in_repair(db, users, wo)
    plugs = free(db, SPARK_PLUG)
    result = picking.issue_scan(db, clerk, wo, SPARK_PLUG, qty=4, received_by="李师傅",
                                add_reason="技师反馈火花塞烧蚀")
    assert result.issued == () and result.added_line_id
    line = part_lines(db, wo)[result.added_line_id]
    assert (line.added_work, line.approval, line.qty_issued, line.state) == (
        True, "proposed", D(0), "reserved")
    assert free(db, SPARK_PLUG) == plugs - 4  # held for the customer's answer
    before = snapshot(db, wo)
    with pytest.raises(ValidationError) as caught:
        picking.issue_scan(db, clerk, wo, SPARK_PLUG, received_by="李师傅", add_reason="再次")
    assert caught.value.code == "picking.awaiting_approval" and snapshot(db, wo) == before
    # The advisor prices three (one plug was fine): the fourth goes back once three are out.
    added_work.price_added_work(db, adv, wo, [added_work.AddedWorkPrice("part", line.id,
                                                                        qty=D(3))])
    added_work.approve_added_work(db, adv, wo, "王先生", "phone", approve=True)
    picking.issue_scan(db, clerk, wo, SPARK_PLUG, qty=3, received_by="李师傅")
    line = part_lines(db, wo)[line.id]
    assert (line.qty_issued, line.state, line.approval) == (D(3), "issued", "approved")
    assert line.net > 0 and free(db, SPARK_PLUG) == plugs - 3
    assert_balanced(db)


def test_returns_and_exchanges_keep_the_ledger_balanced(demo_db, users):
    db, clerk, adv = demo_db, users["warehouse1"], users["advisor1"]
    wo = authorized(db, adv, [(OIL, 2), (OIL_FILTER, 1)])
    oil_line, filter_line = part_lines(db, wo)
    oil, filters = free(db, OIL), free(db, OIL_FILTER)
    picking.issue_scan(db, clerk, wo, OIL, qty=2, received_by="李师傅")
    picking.issue_scan(db, clerk, wo, OIL_FILTER, received_by="李师傅")
    net = part_lines(db, wo)[oil_line].net

    result = picking.return_part(db, clerk, oil_line, D(1), "一瓶未开封")
    line = part_lines(db, wo)[oil_line]
    assert (result.state, line.qty, line.qty_issued) == ("issued", D(1), D(1))
    assert line.net == (net / 2).quantize(D("0.01"))  # the customer pays for one bottle
    assert free(db, OIL) == oil + 1
    before = snapshot(db, wo)
    for qty, code in ((D(2), "picking.over_return"), (1.0, "picking.qty")):
        with pytest.raises(ValidationError) as caught:
            picking.return_part(db, clerk, oil_line, qty, "多退")
        assert caught.value.code == code and snapshot(db, wo) == before
    with pytest.raises(ValidationError):
        picking.return_part(db, clerk, oil_line, D(1), "  ")
    with pytest.raises(Forbidden):
        picking.return_part(db, adv, oil_line, D(1), "未用")
    assert snapshot(db, wo) == before
    picking.return_part(db, clerk, oil_line, D(1), "保养取消换油")
    assert part_lines(db, wo)[oil_line].state == "returned" and free(db, OIL) == oil + 2

    # Exchange: a replacement that is out of stock is refused whole.
    empty = "0986351980"
    assert free(db, empty) == 0
    before = snapshot(db, wo)
    with pytest.raises(InsufficientStock):
        picking.exchange_part(db, clerk, filter_line, barcode(db, empty), D(1), "型号不符")
    assert snapshot(db, wo) == before
    swap = picking.exchange_part(db, clerk, filter_line, barcode(db, OIL_FILTER).lower(), D(1),
                                 "包装破损", received_by="李师傅")
    lines = part_lines(db, wo)
    assert (swap.state, lines[filter_line].state) == ("exchanged", "exchanged")
    new = lines[swap.replacement.part_line_id]
    assert (new.part_id, new.qty_issued, new.state, new.approval) == (
        part_id(db, OIL_FILTER), D(1), "issued", "approved")
    assert free(db, OIL_FILTER) == filters  # one back, one out
    with db.reading() as s:
        kinds = s.scalars(select(StockMovement.kind).where(StockMovement.work_order_id == wo)
                          .order_by(StockMovement.id)).all()
    assert kinds == ["issue", "issue", "return", "return", "return", "issue"]
    assert_balanced(db)


def test_cancel_waits_for_issued_parts_then_releases_everything(demo_db, users):
    db, clerk, adv = demo_db, users["warehouse1"], users["advisor1"]
    filters = free(db, OIL_FILTER)
    wo = authorized(db, adv, [(OIL_FILTER, 2)])
    [line] = part_lines(db, wo)
    picking.issue_scan(db, clerk, wo, OIL_FILTER, received_by="李师傅")
    before = snapshot(db, wo)
    with pytest.raises(ValidationError) as caught:
        cancellation.cancel(db, adv, wo, "客户取消")
    assert caught.value.code == "picking.parts_issued" and snapshot(db, wo) == before
    picking.return_part(db, clerk, line, D(1), "客户取消")
    cancellation.cancel(db, adv, wo, "客户取消")
    assert free(db, OIL_FILTER) == filters
    assert_balanced(db)


def test_demo_orders_have_their_parts_issued_from_dispatch_on(demo_orders_db):
    with demo_orders_db.reading() as s:
        picked = st.STATES[st.STATES.index(st.DISPATCHED):st.STATES.index(st.CANCELLED)]
        rows = s.execute(select(WorkOrder.state, PartLine.qty, PartLine.qty_issued, PartLine.state)
                         .join(PartLine, PartLine.work_order_id == WorkOrder.id)
                         .where(PartLine.approval == "approved")).all()
    assert any(state in picked for state, *_ in rows)
    for state, qty, issued, line_state in rows:
        if state in picked:
            assert (issued, line_state) == (qty, "issued")
        else:
            assert issued == 0 and line_state in ("reserved", "requested")
    assert_balanced(demo_orders_db)


def test_returned_or_exchanged_parts_are_not_billed():
    from types import SimpleNamespace

    from dms.workshop.lines import is_billable

    assert is_billable(SimpleNamespace(approval="approved", state="issued"))
    for state in ("returned", "exchanged"):
        assert not is_billable(SimpleNamespace(approval="approved", state=state))
    assert not is_billable(SimpleNamespace(approval="declined", state="requested"))


def test_a_scan_across_two_lines_of_one_part_moves_stock_once_for_each(demo_db, users):
    """One scan covering two lines of the same part: a movement per line, each numbered and
    named in the result (the movements are written with the rest of the command)."""
    db, clerk = demo_db, users["warehouse1"]
    wo = authorized(db, users["advisor1"], [(SPARK_PLUG, 2), (SPARK_PLUG, 1)])
    result = picking.issue_scan(db, clerk, wo, SPARK_PLUG.lower(), qty="3", received_by="李师傅")
    assert sorted(i.qty for i in result.issued) == [D(1), D(2)]
    assert {i.state for i in result.issued} == {"issued"}
    with db.reading() as s:
        moves = {i.movement_id: s.get(StockMovement, i.movement_id) for i in result.issued}
        assert len(moves) == 2
        for i in result.issued:
            move = moves[i.movement_id]
            assert (move.kind, move.qty, move.part_line_id, move.work_order_id) == (
                "issue", -i.qty, i.part_line_id, wo)
    assert len({i.part_line_id for i in result.issued}) == 2
    assert_balanced(db)


def test_a_scan_from_a_bin_being_counted_is_refused_and_changes_nothing(demo_db, users):
    """The stock row and its bin's stocktake come with the order's lines (one read): a bin
    locked by a stocktake still refuses the issue, and the refusal leaves stock alone."""
    from dms.models import Bin, Warehouse
    from dms.parts.stocktake import cancel_stocktake, start_stocktake

    db, clerk = demo_db, users["warehouse1"]
    wo = authorized(db, users["advisor1"], [(OIL_FILTER, 1)])
    with db.reading() as s:
        warehouse, bin_code = s.execute(
            select(Warehouse.code, Bin.code).select_from(Reservation)
            .join(PartLine, PartLine.id == Reservation.part_line_id)
            .join(Stock, (Stock.part_id == Reservation.part_id)
                  & (Stock.warehouse_id == Reservation.warehouse_id))
            .join(Warehouse, Warehouse.id == Stock.warehouse_id).join(Bin, Bin.id == Stock.bin_id)
            .where(PartLine.work_order_id == wo, Reservation.status == "active")).one()
    sheet = start_stocktake(db, clerk, warehouse, [bin_code])

    def now():
        return free(db, OIL_FILTER), [(x.state, x.qty_issued) for x in part_lines(db, wo).values()]

    before = now()
    with pytest.raises(ValidationError) as err:
        picking.issue_scan(db, clerk, wo, barcode(db, OIL_FILTER), received_by="李师傅")
    assert err.value.code == "stock.bin_counting"
    assert now() == before
    cancel_stocktake(db, clerk, sheet.id)
    [issued] = picking.issue_scan(db, clerk, wo, barcode(db, OIL_FILTER),
                                  received_by="李师傅").issued
    assert issued.state == "issued"
    assert_balanced(db)


def test_a_new_part_line_holds_stock_where_most_of_it_is_free(demo_db, users):
    """A part line being added reserves in the store's warehouse with the most free stock of
    the part (on SQLite that row comes with the order's locking read), and a later line
    follows the stock when another warehouse has become the freer one."""
    from dms.models import Warehouse

    db, adv, clerk = demo_db, users["advisor1"], users["warehouse1"]
    spark = part_id(db, SPARK_PLUG)
    with db.reading() as s:
        houses = s.scalars(select(Warehouse.id).where(Warehouse.store_id == adv.store_id)
                           .order_by(Warehouse.id)).all()
        free_in = {w: sum((r.on_hand - r.reserved for r in s.scalars(select(Stock).where(
            Stock.part_id == spark, Stock.warehouse_id == w))), D(0)) for w in houses}
    assert len(houses) >= 2
    other = min(houses, key=lambda w: (free_in[w], w))  # the less free one gets ahead
    with db.transaction() as s:
        stock.post_in(s, clerk, spark, other, max(free_in.values()) - free_in[other] + 10,
                      "adjustment")

    def held_in(wo):
        with db.reading() as s:
            return s.scalars(select(Reservation.warehouse_id).join(PartLine).where(
                PartLine.work_order_id == wo, Reservation.status == "active")).all()

    first = received_order(db, adv)
    est.add_part(db, adv, first, SPARK_PLUG, D(2))
    assert held_in(first) == [other]
    ahead = max((w for w in houses if w != other), key=lambda w: free_in[w])
    with db.transaction() as s:
        stock.post_in(s, clerk, spark, ahead, D(50), "adjustment")
    second = received_order(db, adv)
    est.add_part(db, adv, second, SPARK_PLUG, D(2))
    assert held_in(second) == [ahead]
    assert_balanced(db)
