"""Stocktakes (盘点): count the shelves, then post the differences as adjustments.

How the count stays true while the store keeps working:

- Starting a stocktake locks its bins (`Bin.locked_by_stocktake_id`, one atomic UPDATE that
  refuses bins another stocktake holds) and freezes the book quantity of every stock row in
  them. The ledger refuses every movement in a locked bin ("stock.bin_counting"), so the
  frozen book figure stays the on-hand until posting: counted − book is the whole variance.
- Stock rows without a bin cannot be locked. A whole-warehouse count (bin_codes=None) puts
  them on the sheet too, and their book figure is re-read at the moment the count is
  recorded: counted − book is then still the variance even if they moved meanwhile.
- A part counted but not on the sheet is "found stock" (book 0) if it has no stock row in the
  warehouse; if it has one in a bin outside this count it is refused ("stocktake.not_on_sheet").
- Posting is one transaction: unlock the bins first (the ledger would refuse the adjustments
  otherwise), post an `adjustment` (in or out, with the stocktake id) for every variance,
  status posted. Uncounted lines are refused unless `treat_uncounted_as_zero=True`.
  Cancelling unlocks and changes no stock.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, update

from dms import audit, clock, validators
from dms.errors import InsufficientStock, NotFound, ValidationError
from dms.models import Bin, Part, Stock, Stocktake, StocktakeLine, Warehouse
from dms.money import money
from dms.numbering import next_number
from dms.parts import stock
from dms.parts.catalogue import part_for_scan
from dms.parts.receipts import own_warehouse
from dms.permissions import require


@dataclass(frozen=True)
class SheetLine:
    line_id: int
    part_id: int
    part_code: str
    part_name: str
    bin_code: str | None
    book_qty: Decimal
    counted_qty: Decimal | None
    variance: Decimal | None  # counted − book; None while uncounted
    unit_cost: Decimal
    variance_value: Decimal | None  # variance × average cost, to the fen


@dataclass(frozen=True)
class StocktakeSheet:
    id: int
    number: str
    status: str
    warehouse_code: str
    locked_bins: tuple[str, ...]  # while counting; empty once posted or cancelled
    lines: tuple[SheetLine, ...]  # the requested page, by bin then part code
    line_count: int  # every line on the sheet
    uncounted: int
    gain_value: Decimal  # totals over every line, not just the page
    loss_value: Decimal


@dataclass(frozen=True)
class StocktakeDone:
    id: int
    number: str
    status: str
    movement_ids: tuple[int, ...] = ()


def _counted(value) -> Decimal:
    return validators.number(value, "stocktake.qty", "quantity", places=3,
                             maximum=validators.MAX_QUANTITY, exact=True)


def _own(s, actor, stocktake_id: int, lock: bool = False) -> Stocktake:
    query = select(Stocktake).where(Stocktake.id == stocktake_id)
    found = s.scalars(query.with_for_update() if lock else query).first()
    if found is None or found.store_id != actor.store_id:
        raise NotFound(what="Stocktake", key=stocktake_id)
    return found


def _counting(take: Stocktake) -> None:
    if take.status != "counting":
        raise ValidationError("stocktake.closed", "Stocktake {number} is already {status}.",
                              number=take.number, status=take.status)


def _on_hand(s, part_id: int, warehouse_id: int) -> Decimal:
    return s.scalar(select(Stock.on_hand).where(Stock.part_id == part_id,
                                                Stock.warehouse_id == warehouse_id)) or Decimal(0)


def start_stocktake(db, actor, warehouse_code: str, bin_codes: list[str] | None = None) -> StocktakeSheet:
    """Lock the bins (all of the warehouse's when bin_codes is None) and print the sheet."""
    with db.transaction() as s:
        require(s, actor, "stocktake.count")
        warehouse = own_warehouse(s, actor, warehouse_code)
        query = select(Bin).where(Bin.warehouse_id == warehouse.id)
        if bin_codes is not None:
            wanted = {(c or "").strip().upper() for c in bin_codes}
            if not wanted:
                raise ValidationError("stocktake.no_bins", "Choose at least one bin to count.")
            query = query.where(Bin.code.in_(wanted))
        bins = s.scalars(query.order_by(Bin.code)).all()
        if bin_codes is not None and len(bins) != len(wanted):
            missing = sorted(wanted - {b.code for b in bins})
            raise NotFound("stocktake.unknown_bin", "No bin {bins} in this warehouse.",
                           bins=", ".join(missing))
        take = Stocktake(store_id=actor.store_id, number=next_number(s, actor.store_id, "stocktake"),
                         warehouse_id=warehouse.id, status="counting", started_by_id=actor.id)
        s.add(take)
        s.flush()
        ids = [b.id for b in bins]
        locked = s.execute(update(Bin).where(Bin.id.in_(ids), Bin.locked_by_stocktake_id.is_(None))
                           .values(locked_by_stocktake_id=take.id)
                           .execution_options(synchronize_session=False)).rowcount if ids else 0
        if locked != len(ids):
            busy = s.scalars(select(Bin.code).where(Bin.id.in_(ids), Bin.locked_by_stocktake_id.is_not(None),
                                                    Bin.locked_by_stocktake_id != take.id)).all()
            raise ValidationError("stocktake.bin_locked", "Bins {bins} are being counted already.",
                                  bins=", ".join(sorted(busy)))
        covered = Stock.bin_id.in_(ids) if bin_codes is not None else None
        rows = s.scalars(select(Stock).where(Stock.warehouse_id == warehouse.id,
                                             *([covered] if covered is not None else []))
                         .order_by(Stock.id).with_for_update()).all()
        for row in rows:
            s.add(StocktakeLine(stocktake_id=take.id, part_id=row.part_id, bin_id=row.bin_id,
                                book_qty=row.on_hand))
        s.flush()
        audit.record(s, actor, "stocktake", take.id, "start", to_state="counting", number=take.number,
                     warehouse=warehouse.code, bins=len(ids), lines=len(rows))
        return _sheet(s, take)


def record_count(db, actor, stocktake_id: int, part_code_or_scan: str, counted_qty,
                 add: bool = False) -> SheetLine:
    """Write down what is on the shelf; a later count of the same part replaces it, or with
    `add` (a scan per unit found at the counter) adds to it."""
    qty = _counted(counted_qty)
    with db.transaction() as s:
        require(s, actor, "stocktake.count")
        take = _own(s, actor, stocktake_id)
        _counting(take)
        part = part_for_scan(s, actor.store_id, part_code_or_scan)
        line = s.scalars(select(StocktakeLine).where(StocktakeLine.stocktake_id == take.id,
                                                     StocktakeLine.part_id == part.id)).first()
        if line is None:
            row = s.scalars(select(Stock).where(Stock.part_id == part.id,
                                                Stock.warehouse_id == take.warehouse_id)).first()
            if row is not None:
                bin_code = s.scalar(select(Bin.code).where(Bin.id == row.bin_id)) if row.bin_id else None
                raise ValidationError("stocktake.not_on_sheet",
                                      "Part {part} belongs in bin {bin}, which this stocktake does "
                                      "not count.", part=part.code, bin=bin_code or "-")
            line = StocktakeLine(stocktake_id=take.id, part_id=part.id, bin_id=None, book_qty=Decimal(0))
            s.add(line)
        if line.bin_id is None:  # not lockable: the book figure is the one at the moment of counting
            line.book_qty = _on_hand(s, part.id, take.warehouse_id)
        line.counted_qty = (line.counted_qty or Decimal(0)) + qty if add else qty
        s.flush()
        audit.record(s, actor, "stocktake", take.id, "count", part=part.code, book=line.book_qty,
                     counted=line.counted_qty)
        return _line(s, line, part)


def variance_report(db, actor, stocktake_id: int, offset: int = 0, limit: int | None = None,
                    differences_only: bool = False) -> StocktakeSheet:
    """The sheet with counted − book per line and the gain and loss at average cost."""
    with db.reading() as s:
        return _sheet(s, _own(s, actor, stocktake_id), offset, limit, differences_only)


def post_stocktake(db, actor, stocktake_id: int, treat_uncounted_as_zero: bool = False) -> StocktakeDone:
    """Unlock the bins and post an adjustment for every variance, in one transaction."""
    with db.transaction() as s:
        require(s, actor, "stocktake.close")
        take = _own(s, actor, stocktake_id, lock=True)
        _counting(take)
        lines = s.scalars(select(StocktakeLine).where(StocktakeLine.stocktake_id == take.id)
                          .order_by(StocktakeLine.id)).all()
        uncounted = [line for line in lines if line.counted_qty is None]
        if uncounted and not treat_uncounted_as_zero:
            raise ValidationError("stocktake.uncounted", "{count} lines are not counted yet.",
                                  count=len(uncounted))
        _unlock(s, take)
        movements = []
        for line in lines:
            if line.counted_qty is None:  # counted as zero now
                line.book_qty = _on_hand(s, line.part_id, take.warehouse_id)
            counted = line.counted_qty if line.counted_qty is not None else Decimal(0)
            diff = counted - line.book_qty
            if diff == 0:
                continue
            part = s.get(Part, line.part_id)
            refs = {"stocktake_id": take.id, "reference": take.number, "reason": "stocktake"}
            try:
                moved = (stock.post_in(s, actor, part.id, take.warehouse_id, diff, "adjustment",
                                       unit_cost=part.avg_cost, **refs) if diff > 0 else
                         stock.post_out(s, actor, part.id, take.warehouse_id, -diff, "adjustment", **refs))
            except InsufficientStock:
                raise ValidationError("stocktake.reserved_shortage",
                                      "Part {part}: counted {counted}, but more is reserved for work "
                                      "orders; release those reservations first.",
                                      part=part.code, counted=counted) from None
            movements.append(moved.id)
        take.status, take.posted_at, take.posted_by_id = "posted", clock.now(), actor.id
        audit.record(s, actor, "stocktake", take.id, "post", from_state="counting", to_state="posted",
                     number=take.number, movements=movements, uncounted_as_zero=len(uncounted))
        return StocktakeDone(take.id, take.number, take.status, tuple(movements))


def cancel_stocktake(db, actor, stocktake_id: int, reason: str | None = None) -> StocktakeDone:
    """Abandon the count: the bins are free again and no stock changes."""
    with db.transaction() as s:
        require(s, actor, "stocktake.close")
        take = _own(s, actor, stocktake_id, lock=True)
        _counting(take)
        _unlock(s, take)
        take.status = "cancelled"
        audit.record(s, actor, "stocktake", take.id, "cancel", from_state="counting",
                     to_state="cancelled", number=take.number,
                     reason=validators.text(reason, "reason"))
        return StocktakeDone(take.id, take.number, take.status)


def _unlock(s, take: Stocktake) -> None:
    s.execute(update(Bin).where(Bin.locked_by_stocktake_id == take.id)
              .values(locked_by_stocktake_id=None).execution_options(synchronize_session=False))


def _line(s, line: StocktakeLine, part: Part, bin_code: str | None = None) -> SheetLine:
    if bin_code is None and line.bin_id is not None:
        bin_code = s.scalar(select(Bin.code).where(Bin.id == line.bin_id))
    variance = None if line.counted_qty is None else line.counted_qty - line.book_qty
    value = None if variance is None else money(variance * part.avg_cost)
    return SheetLine(line.id, part.id, part.code, part.name, bin_code, line.book_qty,
                     line.counted_qty, variance, part.avg_cost, value)


def _sheet(s, take: Stocktake, offset: int = 0, limit: int | None = None,
           differences_only: bool = False) -> StocktakeSheet:
    rows = s.execute(select(StocktakeLine, Part, Bin.code).join(Part, Part.id == StocktakeLine.part_id)
                     .outerjoin(Bin, Bin.id == StocktakeLine.bin_id)
                     .where(StocktakeLine.stocktake_id == take.id)
                     .order_by(Bin.code, Part.code)).all()
    every = [_line(s, line, part, code) for line, part, code in rows]
    lines = [x for x in every if x.variance] if differences_only else every
    values = [x.variance_value for x in every if x.variance_value]
    bins = s.scalars(select(Bin.code).where(Bin.locked_by_stocktake_id == take.id).order_by(Bin.code))
    warehouse = s.get(Warehouse, take.warehouse_id)
    end = None if limit is None else offset + limit
    return StocktakeSheet(take.id, take.number, take.status, warehouse.code, tuple(bins),
                          tuple(lines[offset:end]), len(every),
                          sum(1 for x in every if x.counted_qty is None),
                          sum((v for v in values if v > 0), Decimal("0.00")),
                          sum((v for v in values if v < 0), Decimal("0.00")))
