"""Parts catalogue, warehouses and bins, stock and its ledger, reservations, transfers,
stocktakes and old parts.

`Stock.on_hand` is a cached sum of `StockMovement.qty`: it changes only in the same
transaction as the movement that explains it, and decrements are one atomic
`UPDATE … WHERE on_hand >= :n` (DESIGN §6), so the CHECK below is a last line of defence.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dms.models.base import Base, CreatedMixin, IdMixin, Quantity, Scaled, StoreMixin

if TYPE_CHECKING:
    from dms.models.workshop import PartLine


class Supplier(IdMixin, StoreMixin, Base):
    __tablename__ = "supplier"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    contact: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(30))


class Part(IdMixin, StoreMixin, Base):
    __tablename__ = "part"
    __table_args__ = (UniqueConstraint("store_id", "code"),
                      Index("ix_part_name", "store_id", "name"))

    code: Mapped[str] = mapped_column(String(40))  # OEM number
    name: Mapped[str] = mapped_column(String(100))
    brand: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str | None] = mapped_column(String(40))
    subcategory: Mapped[str | None] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(10))
    fits_models: Mapped[str | None] = mapped_column(String(200))
    genuine: Mapped[bool] = mapped_column(default=True)  # 正厂 / 副厂
    origin: Mapped[str | None] = mapped_column(String(40))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"))
    sale_price: Mapped[Decimal]
    # Moving-average cost to 1/10000 yuan so repeated receipts do not drift.
    avg_cost: Mapped[Decimal] = mapped_column(Scaled(4), default=Decimal("0"))
    reorder_threshold: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    active: Mapped[bool] = mapped_column(default=True)


class PartBarcode(IdMixin, StoreMixin, Base):
    """A part may carry several barcodes (manufacturer's, supplier's, our own label)."""

    __tablename__ = "part_barcode"
    __table_args__ = (UniqueConstraint("store_id", "barcode"),)

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id", ondelete="CASCADE"), index=True)
    barcode: Mapped[str] = mapped_column(String(60))


class Warehouse(IdMixin, StoreMixin, Base):
    __tablename__ = "warehouse"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(40))


class Bin(IdMixin, Base):
    __tablename__ = "bin"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    code: Mapped[str] = mapped_column(String(20))
    locked_by_stocktake_id: Mapped[int | None] = mapped_column(ForeignKey("stocktake.id"))


class Stock(IdMixin, Base):
    __tablename__ = "stock"
    __table_args__ = (UniqueConstraint("part_id", "warehouse_id"),
                      CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
                      CheckConstraint("reserved >= 0", name="reserved_not_negative"))

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"), index=True)
    bin_id: Mapped[int | None] = mapped_column(ForeignKey("bin.id"))
    on_hand: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    reserved: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))


class StockMovement(IdMixin, StoreMixin, Base):
    """receipt, issue, return, exchange, transfer_out, transfer_in, adjustment, old_part."""

    __tablename__ = "stock_movement"
    # Both indexes carry what a period's KPIs read (dms.reports.kpi), so those reads never
    # visit the table: a part's movements since a day with their quantities (stock values),
    # and a store's movements by time with kind, order, part, quantity and cost (parts issued).
    __table_args__ = (Index("ix_stock_movement_part", "part_id", "at", "qty"),
                      Index("ix_stock_movement_at", "store_id", "at", "kind", "work_order_id",
                            "part_id", "qty", "unit_cost"))

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    bin_id: Mapped[int | None] = mapped_column(ForeignKey("bin.id"))
    kind: Mapped[str] = mapped_column(String(20))
    qty: Mapped[Decimal] = mapped_column(Quantity())  # signed: + in, − out
    unit_cost: Mapped[Decimal | None] = mapped_column(Scaled(4))
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    received_by: Mapped[str | None] = mapped_column(String(60))  # who took the part at the counter
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"), index=True)
    part_line_id: Mapped[int | None] = mapped_column(ForeignKey("part_line.id"))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"))
    transfer_id: Mapped[int | None] = mapped_column(ForeignKey("transfer.id"))
    stocktake_id: Mapped[int | None] = mapped_column(ForeignKey("stocktake.id"))
    batch: Mapped[str | None] = mapped_column(String(40))
    reference: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)


class Reservation(IdMixin, CreatedMixin, Base):
    __tablename__ = "reservation"

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    qty: Mapped[Decimal] = mapped_column(Quantity())
    part_line_id: Mapped[int | None] = mapped_column(ForeignKey("part_line.id"), index=True)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active, consumed, released

    # Only to hold a line not yet written: the flush writes the line first and sets
    # `part_line_id` (`dms.parts.reservations.reserve_line`); read `part_line_id` otherwise.
    part_line: Mapped[PartLine | None] = relationship()


class PurchaseNeed(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "purchase_need"

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"), index=True)
    qty: Mapped[Decimal] = mapped_column(Quantity())
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"), index=True)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, ordered, received, cancelled


class Transfer(IdMixin, StoreMixin, CreatedMixin, Base):
    """Out and in as a pair; between the two the goods are in transit."""

    __tablename__ = "transfer"
    __table_args__ = (UniqueConstraint("store_id", "number"),)

    number: Mapped[str] = mapped_column(String(20))
    from_warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    to_warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    status: Mapped[str] = mapped_column(String(10), default="in_transit")  # in_transit, received
    sent_at: Mapped[datetime]
    sent_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    received_at: Mapped[datetime | None]
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class TransferLine(IdMixin, Base):
    __tablename__ = "transfer_line"

    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfer.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    qty: Mapped[Decimal] = mapped_column(Quantity())


class Stocktake(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "stocktake"
    __table_args__ = (UniqueConstraint("store_id", "number"),)

    number: Mapped[str] = mapped_column(String(20))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    status: Mapped[str] = mapped_column(String(10), default="counting")  # counting, posted, cancelled
    started_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    posted_at: Mapped[datetime | None]
    posted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class StocktakeLine(IdMixin, Base):
    __tablename__ = "stocktake_line"
    __table_args__ = (UniqueConstraint("stocktake_id", "part_id"),)

    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktake.id", ondelete="CASCADE"))
    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    bin_id: Mapped[int | None] = mapped_column(ForeignKey("bin.id"))
    book_qty: Mapped[Decimal] = mapped_column(Quantity())
    counted_qty: Mapped[Decimal | None] = mapped_column(Quantity())


class OldPart(IdMixin, StoreMixin, CreatedMixin, Base):
    """旧件: the part taken off the car; warranty claims need it accounted for."""

    __tablename__ = "old_part"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    part_line_id: Mapped[int | None] = mapped_column(ForeignKey("part_line.id"))
    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    qty: Mapped[Decimal] = mapped_column(Quantity())
    disposition: Mapped[str] = mapped_column(String(16))  # show_customer, warranty_return, scrap
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending, in_store, returned, scrapped, handed_over
    location: Mapped[str | None] = mapped_column(String(40))


class OldPartEvent(IdMixin, Base):
    """Chain of custody of an old part."""

    __tablename__ = "old_part_event"

    old_part_id: Mapped[int] = mapped_column(ForeignKey("old_part.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(20))
    location: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
