"""Transfers between warehouses (调拨), also to a warehouse of another store of the group.

Sending posts `transfer_out` at once and numbers the transfer (sender's store); until the
destination books it in with `transfer_in` the goods are in transit, on neither shelf. Between
stores the receiving clerk belongs to the destination store, parts are matched by code (the
destination catalogue must carry every code: checked when sending) and the destination's
moving-average cost takes in the sender's cost recorded on the `transfer_out` movement.

The printed transfer note (调拨单, `dms.reports.documents.parts`) carries `scan_code()` as its
barcode: the number and the sending store's code, since each store numbers its own transfers
(two stores of the group may both send a TR2026000012 here). At the receiving counter the note
is scanned (`transfer_by_scan`), the clerk sees what came and books it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from dms import audit, clock
from dms.errors import NotFound, ValidationError
from dms.models import (Bin, Part, Stock, StockMovement, Store, Transfer, TransferLine, User,
                        Warehouse)
from dms.numbering import PREFIXES, next_number
from dms.parts import stock
from dms.parts.catalogue import normalise_scan, page
from dms.parts.receipts import own_part_by_code, own_warehouse
from dms.permissions import require


SCAN = re.compile(rf"^({PREFIXES['transfer']}\d{{10}})(?:-(\S+))?$")  # TR2026000012-BJ01
SAFE_CODE = re.compile(r"^[0-9A-Za-z._-]{1,20}$")  # what Code 128 and a keyboard wedge carry


@dataclass(frozen=True)
class TransferItem:
    part_code: str
    qty: Decimal


@dataclass(frozen=True)
class TransferDone:
    id: int
    number: str
    status: str
    movement_ids: tuple[int, ...]


@dataclass(frozen=True)
class TransitLine:
    part_code: str
    part_name: str
    qty: Decimal


@dataclass(frozen=True)
class InTransit:
    id: int
    number: str
    direction: str  # "out": we sent it; "in": it is coming to us
    from_store: str
    from_warehouse: str
    to_store: str
    to_warehouse: str
    sent_at: datetime
    sent_by: str
    lines: tuple[TransitLine, ...]


def _destination(s, actor, code: str, store_code: str | None) -> Warehouse:
    if not store_code:
        return own_warehouse(s, actor, code)
    store = s.scalars(select(Store).where(Store.code == store_code.strip())).first()
    if store is None:
        raise NotFound(what="Store", key=store_code)
    found = s.scalars(select(Warehouse).where(Warehouse.store_id == store.id,
                                              Warehouse.code == (code or "").strip().upper())).first()
    if found is None:
        raise NotFound(what="Warehouse", key=f"{store_code}/{code}")
    return found


def _dest_part(s, part: Part, store_id: int) -> Part:
    if part.store_id == store_id:
        return part
    found = s.scalars(select(Part).where(Part.store_id == store_id, Part.code == part.code)).first()
    if found is None:
        raise ValidationError("transfer.part_unknown_at_destination",
                              "The receiving store has no part {part} in its catalogue.", part=part.code)
    return found


def send_transfer(db, actor, from_warehouse_code: str, to_warehouse_code: str,
                  lines: list[TransferItem], to_store_code: str | None = None) -> TransferDone:
    """Take the goods off the sending shelf now; they are in transit until received."""
    if not lines:
        raise ValidationError("transfer.empty", "A transfer needs at least one line.")
    with db.transaction() as s:
        require(s, actor, "transfer.send")
        source = own_warehouse(s, actor, from_warehouse_code)
        target = _destination(s, actor, to_warehouse_code, to_store_code)
        if target.id == source.id:
            raise ValidationError("transfer.same_warehouse", "Send to a different warehouse.")
        wanted: dict[int, tuple[Part, Decimal]] = {}
        for line in lines:
            part, qty = own_part_by_code(s, actor, line.part_code), stock.quantity(line.qty)
            _dest_part(s, part, target.store_id)
            wanted[part.id] = (part, wanted.get(part.id, (part, Decimal(0)))[1] + qty)
        transfer = Transfer(store_id=actor.store_id, number=next_number(s, actor.store_id, "transfer"),
                            from_warehouse_id=source.id, to_warehouse_id=target.id,
                            status="in_transit", sent_at=clock.now(), sent_by_id=actor.id)
        s.add(transfer)
        s.flush()
        movements = []
        for part, qty in wanted.values():
            s.add(TransferLine(transfer_id=transfer.id, part_id=part.id, qty=qty))
            movements.append(stock.post_out(s, actor, part.id, source.id, qty, "transfer_out",
                                            transfer_id=transfer.id, reference=transfer.number).id)
        audit.record(s, actor, "transfer", transfer.id, "send", to_state="in_transit",
                     number=transfer.number, to_warehouse=target.id, movements=movements)
        return TransferDone(transfer.id, transfer.number, transfer.status, tuple(movements))


def receive_transfer(db, actor, transfer_id: int) -> TransferDone:
    """Book a transfer in at its destination; a clerk of the destination store does it."""
    with db.transaction() as s:
        require(s, actor, "transfer.receive")
        transfer = s.scalars(select(Transfer).where(Transfer.id == transfer_id).with_for_update()).first()
        target = s.get(Warehouse, transfer.to_warehouse_id) if transfer else None
        if transfer is None or target.store_id != actor.store_id:
            raise NotFound(what="Transfer", key=transfer_id)
        if transfer.status != "in_transit":
            raise ValidationError("transfer.not_in_transit", "Transfer {number} is already {status}.",
                                  number=transfer.number, status=transfer.status)
        movements = []
        for line in s.scalars(select(TransferLine).where(TransferLine.transfer_id == transfer.id)
                              .order_by(TransferLine.id)):
            part = _dest_part(s, s.get(Part, line.part_id), target.store_id)
            cost = s.scalar(select(StockMovement.unit_cost).where(
                StockMovement.transfer_id == transfer.id, StockMovement.part_id == line.part_id,
                StockMovement.kind == "transfer_out"))
            # Another store's part: its average takes in the sender's cost.
            movements.append(stock.post_in(s, actor, part.id, target.id, line.qty, "transfer_in",
                                           unit_cost=cost, average=part.id != line.part_id,
                                           transfer_id=transfer.id,
                                           reference=transfer.number).id)
        transfer.status, transfer.received_at, transfer.received_by_id = "received", clock.now(), actor.id
        audit.record(s, actor, "transfer", transfer.id, "receive", from_state="in_transit",
                     to_state="received", number=transfer.number, movements=movements)
        return TransferDone(transfer.id, transfer.number, transfer.status, tuple(movements))


def in_transit(db, actor, offset: int = 0, limit: int = 50) -> list[InTransit]:
    """Transfers sent from or coming to the actor's store and not yet received, oldest first."""
    offset, limit = page(offset, limit)
    src, dst = aliased(Warehouse), aliased(Warehouse)
    src_store, dst_store = aliased(Store), aliased(Store)
    with db.reading() as s:
        rows = s.execute(
            select(Transfer, src, dst, src_store.code, dst_store.code, User.display_name)
            .join(src, src.id == Transfer.from_warehouse_id).join(dst, dst.id == Transfer.to_warehouse_id)
            .join(src_store, src_store.id == src.store_id).join(dst_store, dst_store.id == dst.store_id)
            .join(User, User.id == Transfer.sent_by_id)
            .where(Transfer.status == "in_transit",
                   or_(src.store_id == actor.store_id, dst.store_id == actor.store_id))
            .order_by(Transfer.sent_at, Transfer.id).offset(offset).limit(limit)).all()
        out = []
        for t, a, b, a_store, b_store, sender in rows:
            lines = s.execute(select(Part.code, Part.name, TransferLine.qty)
                              .join(Part, Part.id == TransferLine.part_id)
                              .where(TransferLine.transfer_id == t.id).order_by(TransferLine.id))
            out.append(InTransit(t.id, t.number, "out" if a.store_id == actor.store_id else "in",
                                 a_store, a.code, b_store, b.code, t.sent_at, sender,
                                 tuple(TransitLine(*row) for row in lines)))
        return out


@dataclass(frozen=True)
class NoteLine:
    part_code: str
    part_name: str
    unit: str
    qty: Decimal
    from_bin: str | None  # where it was taken from
    to_bin: str | None  # where it goes at the destination (None: no bin there yet)


@dataclass(frozen=True)
class TransferNote:
    """A transfer as its note prints it and the receiving counter shows it."""
    id: int
    number: str
    scan_code: str  # the note's barcode
    status: str  # in_transit, received
    incoming: bool  # it goes to a warehouse of the reader's store: booked in here
    from_store: str
    from_store_name: str
    from_warehouse: str
    from_warehouse_name: str
    to_store: str
    to_store_name: str
    to_warehouse: str
    to_warehouse_name: str
    sent_at: datetime
    sent_by: str
    received_at: datetime | None
    received_by: str | None
    lines: tuple[NoteLine, ...]


def scan_code(number: str, store_code: str) -> str:
    """What the note's barcode carries: "TR2026000012-BJ01"; the number alone when the store's
    code holds characters a barcode scanner cannot type."""
    return f"{number}-{store_code}" if SAFE_CODE.match(store_code) else number


def is_transfer_scan(text: str) -> bool:
    """A transfer note's barcode (or its number typed) rather than a part's."""
    return bool(SCAN.match(normalise_scan(text)))


def _visible(s, actor, transfer: Transfer) -> bool:
    """Sent from or coming to a warehouse of the actor's store."""
    return actor.store_id in s.scalars(select(Warehouse.store_id).where(
        Warehouse.id.in_((transfer.from_warehouse_id, transfer.to_warehouse_id)))).all()


def _note(s, actor, transfer: Transfer) -> TransferNote:
    src, dst = s.get(Warehouse, transfer.from_warehouse_id), s.get(Warehouse, transfer.to_warehouse_id)
    src_store, dst_store = s.get(Store, src.store_id), s.get(Store, dst.store_id)
    names = dict(s.execute(select(User.id, User.display_name).where(
        User.id.in_({transfer.sent_by_id, transfer.received_by_id or transfer.sent_by_id}))).all())
    src_stock, dst_stock, dst_part = aliased(Stock), aliased(Stock), aliased(Part)
    src_bin, dst_bin = aliased(Bin), aliased(Bin)
    lines = s.execute(
        select(Part.code, Part.name, Part.unit, TransferLine.qty, src_bin.code, dst_bin.code)
        .join(Part, Part.id == TransferLine.part_id)
        .outerjoin(src_stock, (src_stock.part_id == Part.id) & (src_stock.warehouse_id == src.id))
        .outerjoin(src_bin, src_bin.id == src_stock.bin_id)
        .outerjoin(dst_part, (dst_part.store_id == dst.store_id) & (dst_part.code == Part.code))
        .outerjoin(dst_stock, (dst_stock.part_id == dst_part.id) & (dst_stock.warehouse_id == dst.id))
        .outerjoin(dst_bin, dst_bin.id == dst_stock.bin_id)
        .where(TransferLine.transfer_id == transfer.id).order_by(TransferLine.id)).all()
    return TransferNote(
        transfer.id, transfer.number, scan_code(transfer.number, src_store.code), transfer.status,
        dst.store_id == actor.store_id, src_store.code, src_store.name, src.code, src.name,
        dst_store.code, dst_store.name, dst.code, dst.name, transfer.sent_at,
        names[transfer.sent_by_id], transfer.received_at, names.get(transfer.received_by_id),
        tuple(NoteLine(*row) for row in lines))


def transfer_note(db, actor, transfer_id: int) -> TransferNote:
    """A transfer sent from or coming to the actor's store, with its lines and their bins."""
    with db.reading() as s:
        require(s, actor, "document.transfer")
        transfer = s.get(Transfer, transfer_id)
        if transfer is None or not _visible(s, actor, transfer):
            raise NotFound(what="Transfer", key=transfer_id)
        return _note(s, actor, transfer)


def _candidates(s, actor, key: str) -> list[Transfer]:
    """The transfers visible to the actor that `key` (a note's barcode or a number) names."""
    found = SCAN.match(key)
    query = select(Transfer).where(Transfer.number == (found[1] if found else key))
    if found and found[2]:
        query = query.join(Store, Store.id == Transfer.store_id).where(
            func.upper(Store.code) == found[2])
    candidates = [t for t in s.scalars(query.order_by(Transfer.id)) if _visible(s, actor, t)]
    if not candidates:
        raise NotFound("transfer.unknown", "No transfer has the number {key}.", key=key)
    return candidates


def transfer_id(db, actor, number: str) -> int:
    """The transfer a note's barcode or a number names; a bare number is this store's own
    transfer if it has one by that number."""
    with db.reading() as s:
        candidates = _candidates(s, actor, normalise_scan(number))
    own = [t for t in candidates if t.store_id == actor.store_id]
    if len(own or candidates) > 1:
        raise ValidationError("transfer.ambiguous", "Several stores sent a transfer numbered "
                              "{number}; scan the barcode on its note.",
                              number=candidates[0].number)
    return (own or candidates)[0].id


def transfer_by_scan(db, actor, scanned: str) -> TransferNote:
    """The transfer whose note was scanned at the receiving counter: in transit to a warehouse
    of the actor's store. Anything else (unknown, already booked in, going to another store, a
    number typed that two stores used) is refused; nothing is changed either way."""
    with db.reading() as s:
        require(s, actor, "transfer.receive")
        candidates = _candidates(s, actor, normalise_scan(scanned))
        if len(candidates) > 1:
            raise ValidationError("transfer.ambiguous", "Several stores sent a transfer "
                                  "numbered {number}; scan the barcode on its note.",
                                  number=candidates[0].number)
        note = _note(s, actor, candidates[0])
    if not note.incoming:
        raise ValidationError("transfer.elsewhere", "Transfer {number} goes to {store} "
                              "{warehouse}; it is booked in there.", number=note.number,
                              store=note.to_store, warehouse=note.to_warehouse)
    if note.status != "in_transit":
        raise ValidationError("transfer.not_in_transit", "Transfer {number} is already {status}.",
                              number=note.number, status=note.status)
    return note
