"""Transfers between warehouses (调拨), also to a warehouse of another store of the group.

Sending posts `transfer_out` at once and numbers the transfer (sender's store); until the
destination books it in with `transfer_in` the goods are in transit, on neither shelf. Between
stores the receiving clerk belongs to the destination store, parts are matched by code (the
destination catalogue must carry every code: checked when sending) and the destination's
moving-average cost takes in the sender's cost recorded on the `transfer_out` movement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from dms import audit, clock
from dms.errors import NotFound, ValidationError
from dms.models import Part, StockMovement, Store, Transfer, TransferLine, User, Warehouse
from dms.numbering import next_number
from dms.parts import stock
from dms.parts.catalogue import page
from dms.parts.receipts import own_part_by_code, own_warehouse
from dms.permissions import require


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
