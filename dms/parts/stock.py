"""The stock ledger: the only code that changes `Stock` quantities.

Every change of on-hand is one `StockMovement` row plus one UPDATE of the cached `Stock` row,
in the caller's transaction, so on-hand always equals the sum of the movements. Decrements
are a single `UPDATE … WHERE on_hand >= :n` (DESIGN §6): two seats issuing the last unit
cannot both succeed, on SQLite or PostgreSQL, and on-hand never goes below zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from dms import changes, clock, validators
from dms.errors import InsufficientStock, NotFound, ValidationError
from dms.models import Bin, Part, Stock, StockMovement, Warehouse

COST = Decimal("0.0001")
INBOUND = ("receipt", "return", "transfer_in", "adjustment", "old_part")
OUTBOUND = ("issue", "transfer_out", "adjustment", "supplier_return")


def quantity(value, code: str = "stock.qty") -> Decimal:
    """A positive quantity to the thousandth; floats and non-positive values are refused."""
    return validators.number(value, code, "quantity", places=3, maximum=validators.MAX_QUANTITY,
                             allow_minimum=False, exact=True)


def stock_row(s: Session, part_id: int, warehouse_id: int, lock: bool = False) -> Stock:
    """The part's stock row in the warehouse, created empty on first use."""
    query = select(Stock).where(Stock.part_id == part_id, Stock.warehouse_id == warehouse_id)
    if lock:  # and read afresh: the row may sit stale in the session since an atomic update
        query = query.with_for_update().execution_options(populate_existing=True)
    row = s.scalars(query).first()
    if row is None:
        row = Stock(part_id=part_id, warehouse_id=warehouse_id, on_hand=Decimal(0), reserved=Decimal(0))
        s.add(row)
        s.flush()
    return row


UNREAD = object()  # a bin's stocktake not read yet


def _check_bin_open(s: Session, row: Stock, locked=UNREAD) -> None:
    """`locked`: the bin's stocktake, when it was read with the stock row (SQLite)."""
    if row.bin_id is None:
        return
    # FOR SHARE: a stocktake locking this bin right now waits for us, or we wait for it and
    # then see the lock, so no movement slips past a count's book figure (PostgreSQL).
    if locked is UNREAD:
        locked = s.scalar(select(Bin.locked_by_stocktake_id).where(Bin.id == row.bin_id)
                          .with_for_update(read=True))
    if locked is not None:
        code = s.scalar(select(Bin.code).where(Bin.id == row.bin_id))
        raise ValidationError("stock.bin_counting",
                              "Bin {bin} is being counted; stock there cannot move until the "
                              "stocktake is posted.", bin=code)


def _part_label(s: Session, part_id: int) -> str:
    part = s.get(Part, part_id)
    if part is None:
        raise NotFound(what="Part", key=part_id)
    return f"{part.code} {part.name}"


def post_in(s: Session, actor, part_id: int, warehouse_id: int, qty, kind: str,
            unit_cost: Decimal | None = None, average: bool | None = None, **refs) -> StockMovement:
    """Stock comes in. With a cost, a receipt (or, with `average=True`, e.g. goods arriving from
    another store) moves the part's moving-average cost."""
    if kind not in INBOUND:
        raise ValueError(f"not an inbound movement: {kind}")
    qty = quantity(qty)
    row, store_id, locked = _row_and_store(s, part_id, warehouse_id)
    _check_bin_open(s, row, locked)
    if unit_cost is not None and (kind == "receipt" if average is None else average):
        _average_cost(s, part_id, qty, unit_cost)
    s.execute(_PUT_IN, {"row": row.id, "qty": qty})
    bin_id = row.bin_id  # read before the expiry, or reading it would load the row again
    s.expire(row)
    changes.announce(s, "stock", part_id)
    return _movement(s, actor, store_id, part_id, warehouse_id, bin_id, kind, qty,
                     unit_cost, refs)


def post_out(s: Session, actor, part_id: int, warehouse_id: int, qty, kind: str,
             from_reserved: Decimal = Decimal(0), written: bool = True, found=None,
             **refs) -> StockMovement:
    """Stock goes out, atomically. `from_reserved` of it consumes a reservation; the rest must
    come from stock nobody else has reserved. `written=False`: the movement is only added to
    the session, for the caller's next flush to write (and number) with the rest. `found`:
    (the stock row, its warehouse's store, its bin's stocktake or `UNREAD`) as the caller read
    them in this transaction (`dms.parts.reservations.lines_holding`)."""
    if kind not in OUTBOUND:
        raise ValueError(f"not an outbound movement: {kind}")
    qty = quantity(qty)
    row, store_id, locked = found or _row_and_store(s, part_id, warehouse_id)
    _check_bin_open(s, row, locked)
    done = s.execute(_TAKE_OUT, {"row": row.id, "qty": qty, "from_reserved": from_reserved,
                                 "free": qty - from_reserved}).rowcount
    if done != 1:
        s.expire(row)
        raise InsufficientStock(part=_part_label(s, part_id), requested=qty,
                                available=row.on_hand - row.reserved + from_reserved)
    bin_id = row.bin_id  # read before the expiry, or reading it would load the row again
    s.expire(row)
    changes.announce(s, "stock", part_id)
    unit_cost = s.get(Part, part_id).avg_cost  # the scan loaded the part in this transaction
    return _movement(s, actor, store_id, part_id, warehouse_id, bin_id, kind, -qty, unit_cost,
                     refs, written)


def most_free(s: Session, store_id: int, part_id: int) -> Stock | None:
    """The part's stock row with the most free stock in the store's warehouses, locked and read
    afresh as `reserve` wants it; None when no warehouse of the store has a row for it."""
    return s.scalars(_MOST_FREE, {"part": part_id, "store": store_id}).first()


def reserve(s: Session, part_id: int, warehouse_id: int, qty, row: Stock | None = None) -> Decimal:
    """Reserve up to `qty`; returns what could be reserved (the rest is a shortage). `row`: the
    stock row, already locked and read afresh (`most_free`)."""
    qty = quantity(qty)
    if row is None:
        row = stock_row(s, part_id, warehouse_id, lock=True)  # row lock: read-then-write is safe
    granted = max(Decimal(0), min(qty, row.on_hand - row.reserved))
    if granted:
        s.execute(_RESERVE, {"row": row.id, "qty": granted})
        s.expire(row)
        changes.announce(s, "stock", part_id)
    return granted


def release(s: Session, part_id: int, warehouse_id: int, qty) -> None:
    qty = quantity(qty)
    done = s.execute(_RELEASE, {"part": part_id, "warehouse": warehouse_id, "qty": qty}).rowcount
    if done != 1:
        raise ValidationError("stock.release", "Cannot release more than is reserved.")
    changes.announce(s, "stock", part_id)


def _average_cost(s: Session, part_id: int, qty: Decimal, unit_cost) -> None:
    """Moving average over the part's on-hand in every warehouse, to 1/10000 yuan."""
    if isinstance(unit_cost, float):
        raise TypeError("cost must not be a float")
    cost = Decimal(unit_cost)
    if not cost.is_finite() or cost < 0:
        raise ValidationError("stock.cost", "The unit cost must be zero or more: {value}.", value=unit_cost)
    part = s.scalars(select(Part).where(Part.id == part_id).with_for_update()).one()
    on_hand = s.scalar(select(func.sum(Stock.on_hand)).where(Stock.part_id == part_id)) or Decimal(0)
    total = on_hand + qty
    part.avg_cost = ((on_hand * part.avg_cost + qty * cost) / total).quantize(COST, ROUND_HALF_UP)


def _row_and_store(s: Session, part_id: int, warehouse_id: int) -> tuple[Stock, int, object]:
    """The stock row (created empty on first use), its warehouse's store and, on SQLite, its
    bin's stocktake (PostgreSQL locks the bin apart, `_check_bin_open`), in one read."""
    serialised = s.get_bind().dialect.name == "sqlite"  # no FOR SHARE to take
    found = s.execute(_ROW_STORE_BIN if serialised else _ROW_STORE,
                      {"part": part_id, "warehouse": warehouse_id}).first()
    if found is not None:
        return found[0], found[1], found[2] if serialised else UNREAD
    row = stock_row(s, part_id, warehouse_id)
    return row, s.scalar(select(Warehouse.store_id).where(Warehouse.id == warehouse_id)), UNREAD


# The statements every movement and reservation runs, built once (bound values at each call).
# The updates are Core statements on the table: the session's Stock objects are expired or
# read afresh by whoever changes them, and nothing is pending that they would have to follow.
_STOCK = Stock.__table__
_QTY = bindparam("qty", type_=_STOCK.c.on_hand.type)
_PUT_IN = update(_STOCK).where(_STOCK.c.id == bindparam("row")) \
    .values(on_hand=_STOCK.c.on_hand + _QTY)
_FROM_RESERVED = bindparam("from_reserved", type_=_STOCK.c.reserved.type)
_TAKE_OUT = update(_STOCK).where(
    _STOCK.c.id == bindparam("row"), _STOCK.c.on_hand >= _QTY,
    _STOCK.c.reserved >= _FROM_RESERVED,
    _STOCK.c.on_hand - _STOCK.c.reserved >= bindparam("free", type_=_STOCK.c.on_hand.type)) \
    .values(on_hand=_STOCK.c.on_hand - _QTY, reserved=_STOCK.c.reserved - _FROM_RESERVED)
_RESERVE = update(_STOCK).where(_STOCK.c.id == bindparam("row")) \
    .values(reserved=_STOCK.c.reserved + _QTY)
_RELEASE = update(_STOCK).where(_STOCK.c.part_id == bindparam("part"),
                                _STOCK.c.warehouse_id == bindparam("warehouse"),
                                _STOCK.c.reserved >= _QTY) \
    .values(reserved=_STOCK.c.reserved - _QTY)
_MOST_FREE = select(Stock).join(Warehouse, Warehouse.id == Stock.warehouse_id) \
    .where(Stock.part_id == bindparam("part"), Warehouse.store_id == bindparam("store")) \
    .order_by((Stock.on_hand - Stock.reserved).desc(), Stock.id).limit(1) \
    .with_for_update(of=Stock).execution_options(populate_existing=True)
_ROW_STORE = select(Stock, Warehouse.store_id) \
    .join(Warehouse, Warehouse.id == Stock.warehouse_id) \
    .where(Stock.part_id == bindparam("part"), Stock.warehouse_id == bindparam("warehouse"))
_ROW_STORE_BIN = _ROW_STORE.add_columns(Bin.locked_by_stocktake_id) \
    .outerjoin(Bin, Bin.id == Stock.bin_id)


def _movement(s: Session, actor, store_id, part_id, warehouse_id, bin_id, kind, qty, unit_cost,
              refs, written: bool = True):
    movement = StockMovement(store_id=store_id, part_id=part_id, warehouse_id=warehouse_id,
                             bin_id=bin_id, kind=kind, qty=qty, unit_cost=unit_cost,
                             at=clock.now(), user_id=actor.id, **refs)
    s.add(movement)
    if written:
        s.flush()
    return movement


def ledger_balance(s: Session, part_id: int, warehouse_id: int) -> tuple[Decimal, Decimal]:
    """(cached on-hand, sum of movements): equal unless something bypassed this module."""
    row = stock_row(s, part_id, warehouse_id)
    s.refresh(row)
    moved = sum(s.scalars(select(StockMovement.qty).where(
        StockMovement.part_id == part_id, StockMovement.warehouse_id == warehouse_id)), Decimal(0))
    return row.on_hand, moved
