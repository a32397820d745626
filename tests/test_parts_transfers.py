"""Transfers: out now, in transit, in at the destination (also another store of the group)."""

import shutil
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms.auth import CurrentUser, authenticate
from dms.errors import Forbidden, InsufficientStock, NotFound, ValidationError
from dms.models import (AuditLog, Bin, Part, Stock, StockMovement, Store, Transfer, User, UserRole,
                        Warehouse)
from dms.parts import stock
from dms.parts.transfers import (TransferItem, in_transit, is_transfer_scan, receive_transfer,
                                 send_transfer, transfer_by_scan, transfer_note)

from builders import OIL_FILTER


def _stock(db, code=OIL_FILTER, warehouse="WH1", store_id=None):
    with db.reading() as s:
        query = (select(Stock.part_id, Stock.warehouse_id, Stock.on_hand).join(Part, Part.id == Stock.part_id)
                 .join(Warehouse, Warehouse.id == Stock.warehouse_id)
                 .where(Part.code == code, Warehouse.code == warehouse))
        if store_id:
            query = query.where(Warehouse.store_id == store_id)
        row = s.execute(query).first()
        return row.on_hand if row else Decimal(0)


def _balanced(db):
    with db.reading() as s:
        for part_id, wh in s.execute(select(Stock.part_id, Stock.warehouse_id)):
            cached, moved = stock.ledger_balance(s, part_id, wh)
            assert cached == moved, (part_id, wh)


def _snapshot(db):
    with db.reading() as s:
        return (s.scalar(select(func.count(Transfer.id))), s.scalar(select(func.count(StockMovement.id))),
                s.scalar(select(func.sum(Stock.on_hand))), s.scalar(select(func.count(AuditLog.id))))


def test_transfer_out_in_transit_then_in(demo_db, clerk):
    wh1, wh2 = _stock(demo_db), _stock(demo_db, warehouse="WH2")
    sent = send_transfer(demo_db, clerk, "WH1", "wh2", [TransferItem(OIL_FILTER, Decimal(2)),
                                                      TransferItem(OIL_FILTER, Decimal(1))])
    assert sent.number.startswith("TR") and sent.status == "in_transit" and len(sent.movement_ids) == 1
    assert _stock(demo_db) == wh1 - 3 and _stock(demo_db, warehouse="WH2") == wh2  # on neither shelf
    [moving] = in_transit(demo_db, clerk)
    assert (moving.id, moving.direction, moving.from_warehouse, moving.to_warehouse) == (sent.id, "out", "WH1", "WH2")
    assert [(x.part_code, x.qty) for x in moving.lines] == [(OIL_FILTER, Decimal(3))]
    _balanced(demo_db)
    done = receive_transfer(demo_db, clerk, sent.id)
    assert done.status == "received" and in_transit(demo_db, clerk) == []
    assert _stock(demo_db) == wh1 - 3 and _stock(demo_db, warehouse="WH2") == wh2 + 3
    _balanced(demo_db)
    with demo_db.reading() as s:
        kinds = s.execute(select(StockMovement.kind, StockMovement.qty)
                          .where(StockMovement.transfer_id == sent.id).order_by(StockMovement.id)).all()
        assert kinds == [("transfer_out", Decimal(-3)), ("transfer_in", Decimal(3))]
        assert s.get(Transfer, sent.id).received_by_id == clerk.id
    before = _snapshot(demo_db)
    with pytest.raises(ValidationError) as err:
        receive_transfer(demo_db, clerk, sent.id)
    assert err.value.code == "transfer.not_in_transit" and _snapshot(demo_db) == before


@pytest.mark.parametrize("lines, to, error, code", [
    ([TransferItem(OIL_FILTER, Decimal(99_999))], "WH2", InsufficientStock, "stock.insufficient"),
    ([TransferItem(OIL_FILTER, Decimal(1))], "WH1", ValidationError, "transfer.same_warehouse"),
    ([TransferItem(OIL_FILTER, Decimal(1))], "WH9", NotFound, "not_found"),
    ([TransferItem(OIL_FILTER, Decimal(1)), TransferItem("NOPE", Decimal(1))], "WH2", NotFound, "part.unknown_code"),
    ([], "WH2", ValidationError, "transfer.empty"),
])
def test_refused_transfers_change_nothing(demo_db, clerk, lines, to, error, code):
    before = _snapshot(demo_db)
    with pytest.raises(error) as err:
        send_transfer(demo_db, clerk, "WH1", to, lines)
    assert err.value.code == code and _snapshot(demo_db) == before


def test_advisor_cannot_move_stock(demo_db, clerk):
    advisor = authenticate(demo_db, "advisor1", "demo123")
    with pytest.raises(Forbidden):
        send_transfer(demo_db, advisor, "WH1", "WH2", [TransferItem(OIL_FILTER, Decimal(1))])
    sent = send_transfer(demo_db, clerk, "WH1", "WH2", [TransferItem(OIL_FILTER, Decimal(1))])
    with pytest.raises(Forbidden):
        receive_transfer(demo_db, advisor, sent.id)


def _second_store(db, carry=True):
    """Another store of the group with its own warehouse, clerk and (maybe) the oil filter."""
    with db.transaction() as s:
        store = Store(code="BJ02", name="北京二店")
        s.add(store)
        s.flush()
        s.add(Warehouse(store_id=store.id, code="WH1", name="配件主仓"))
        if carry:
            s.add(Part(store_id=store.id, code=OIL_FILTER, name="机油滤清器", unit="个",
                       sale_price=Decimal("49.00"), avg_cost=Decimal(0)))
        user = User(store_id=store.id, username="clerk2", display_name="二店库管", password_hash="-",
                    roles=[UserRole(role="warehouse_clerk")])
        s.add(user)
        s.flush()
        return CurrentUser(id=user.id, username="clerk2", display_name="二店库管", store_id=store.id,
                           store_name=store.name, roles=frozenset({"warehouse_clerk"}))


def test_transfer_to_another_store(demo_db, clerk):
    other = _second_store(demo_db)
    with demo_db.reading() as s:
        cost = s.scalar(select(Part.avg_cost).where(Part.code == OIL_FILTER, Part.store_id == clerk.store_id))
    held = _stock(demo_db)
    sent = send_transfer(demo_db, clerk, "WH1", "WH1", [TransferItem(OIL_FILTER, Decimal(4))],
                         to_store_code="BJ02")
    [incoming] = in_transit(demo_db, other)
    assert (incoming.direction, incoming.from_store, incoming.to_store) == ("in", "BJ01", "BJ02")
    assert in_transit(demo_db, clerk)[0].direction == "out"
    with pytest.raises(NotFound):  # the sender's clerk cannot book it in at the other store
        receive_transfer(demo_db, clerk, sent.id)
    receive_transfer(demo_db, other, sent.id)
    assert _stock(demo_db) == held - 4
    assert _stock(demo_db, store_id=other.store_id) == 4
    with demo_db.reading() as s:
        # the other store had none: its average becomes the sender's cost
        theirs = s.scalars(select(Part).where(Part.code == OIL_FILTER, Part.store_id == other.store_id)).one()
        assert theirs.avg_cost == cost
        moved = s.scalars(select(StockMovement).where(StockMovement.transfer_id == sent.id,
                                                      StockMovement.kind == "transfer_in")).one()
        assert moved.store_id == other.store_id and moved.part_id == theirs.id
    _balanced(demo_db)


def test_the_other_store_must_carry_the_part(demo_db, clerk):
    _second_store(demo_db, carry=False)
    before = _snapshot(demo_db)
    with pytest.raises(ValidationError) as err:
        send_transfer(demo_db, clerk, "WH1", "WH1", [TransferItem(OIL_FILTER, Decimal(1))], to_store_code="BJ02")
    assert err.value.code == "transfer.part_unknown_at_destination" and _snapshot(demo_db) == before


def test_a_transfer_note_scanned_at_the_receiving_store(demo_db, clerk):
    """Each store numbers its own transfers, so the note's barcode names the sending store too;
    the scan finds the transfer coming here, and refuses anything else with nothing changed."""
    other = _second_store(demo_db)
    own = send_transfer(demo_db, clerk, "WH1", "WH2", [TransferItem(OIL_FILTER, Decimal(1))])
    out = send_transfer(demo_db, clerk, "WH1", "WH1", [TransferItem(OIL_FILTER, Decimal(4))],
                        to_store_code="BJ02")
    receive_transfer(demo_db, other, out.id)
    back = send_transfer(demo_db, other, "WH1", "WH1", [TransferItem(OIL_FILTER, Decimal(2))],
                         to_store_code="BJ01")
    assert back.number == own.number  # BJ02's first transfer, BJ01's first transfer
    note = transfer_by_scan(demo_db, clerk, f"{back.number}-BJ02")
    assert (note.id, note.scan_code, note.status, note.incoming) == (
        back.id, f"{back.number}-BJ02", "in_transit", True)
    assert (note.from_store, note.from_warehouse, note.to_store, note.to_warehouse,
            note.sent_by) == ("BJ02", "WH1", "BJ01", "WH1", "二店库管")
    [line] = note.lines
    assert (line.part_code, line.qty, line.from_bin) == (OIL_FILTER, Decimal(2), None)
    assert line.to_bin == _bin(demo_db, OIL_FILTER, clerk.store_id)
    assert transfer_by_scan(demo_db, clerk, f"{back.number}-bj02".lower()).id == back.id
    assert transfer_by_scan(demo_db, clerk, f"{own.number}-BJ01").id == own.id
    assert is_transfer_scan(note.scan_code) and is_transfer_scan(own.number.lower())
    assert not is_transfer_scan(OIL_FILTER) and not is_transfer_scan("WO2026000001")

    advisor = authenticate(demo_db, "advisor1", "demo123")
    before = _snapshot(demo_db)
    for scanned, actor, error, code in (
            (own.number, clerk, ValidationError, "transfer.ambiguous"),  # typed: two stores' TR…1
            (f"{out.number}-BJ01", clerk, ValidationError, "transfer.elsewhere"),
            (f"{out.number}-BJ01", other, ValidationError, "transfer.not_in_transit"),
            (f"{own.number[:-1]}9-BJ01", clerk, NotFound, "transfer.unknown"),
            (f"{own.number}-XX99", clerk, NotFound, "transfer.unknown"),
            (f"{own.number}-BJ01", other, NotFound, "transfer.unknown"),  # not BJ02's business
            (f"{own.number}-BJ01", advisor, Forbidden, "forbidden")):
        with pytest.raises(error) as err:
            transfer_by_scan(demo_db, actor, scanned)
        assert err.value.code == code, scanned
    assert _snapshot(demo_db) == before

    receive_transfer(demo_db, clerk, note.id)
    with pytest.raises(ValidationError) as err:
        transfer_by_scan(demo_db, clerk, note.scan_code)
    assert err.value.code == "transfer.not_in_transit"
    assert transfer_note(demo_db, clerk, back.id).received_by == clerk.display_name


def _bin(db, code, store_id):
    with db.reading() as s:
        return s.scalar(select(Bin.code).join(Stock, Stock.bin_id == Bin.id)
                        .join(Part, Part.id == Stock.part_id)
                        .join(Warehouse, Warehouse.id == Stock.warehouse_id)
                        .where(Part.code == code, Part.store_id == store_id,
                               Warehouse.code == "WH1"))


@pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm",
                                                      "zbarimg")),
                    reason="poppler-utils and zbar-tools are needed")
def test_the_transfer_note_prints_with_its_barcode(demo_db, clerk, tmp_path):
    from dms.reports import documents
    from dms.reports.documents.words import EN
    from test_documents import _barcodes, _fonts, _text

    sent = send_transfer(demo_db, clerk, "WH1", "WH2", [TransferItem(OIL_FILTER, Decimal(3))])
    note = transfer_note(demo_db, clerk, sent.id)
    pdf = documents.render(demo_db, clerk, "transfer", sent.number)
    text = _text(tmp_path, pdf)
    for needle in ("调拨单", "北京京华现代汽车4S店", sent.number, note.scan_code, OIL_FILTER,
                   "WH1", "WH2", "在途", clerk.display_name, "发货人：", "收货人：",
                   _bin(demo_db, OIL_FILTER, clerk.store_id), "第1页/共1页"):
        assert needle.replace(" ", "") in text, needle
    assert note.scan_code in _barcodes(tmp_path, pdf)
    assert all(emb == "yes" for _, emb in _fonts(tmp_path, pdf))
    english = _text(tmp_path, documents.render(demo_db, clerk, "transfer", note.scan_code, "en"))
    assert "Transfernote" in english and "Intransit" in english and sent.number in english
    own = {zh for zh in EN if "{" not in zh and len(zh) >= 3}
    assert not sorted(zh for zh in own if zh.replace(" ", "") in english)
    assert "调拨单" not in english and "Receiver:" in english
    receive_transfer(demo_db, clerk, sent.id)  # booked in: the note says so
    assert "已入库" in _text(tmp_path, documents.render(demo_db, clerk, "transfer", sent.number))
    with pytest.raises(Forbidden):
        documents.render(demo_db, authenticate(demo_db, "advisor1", "demo123"), "transfer",
                         sent.number)
    with pytest.raises(NotFound):
        documents.render(demo_db, clerk, "transfer", "TR1999000001")
