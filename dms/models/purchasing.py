"""Purchase orders to suppliers (采购订单): what the store ordered, and how much of each line
has come in. The purchase needs an order covers move to "ordered"; a receipt against it moves
them on as any receipt does (`dms.parts.receipts`)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dms.models.base import Base, CreatedMixin, IdMixin, Quantity, Scaled, StoreMixin


class PurchaseOrder(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "purchase_order"
    __table_args__ = (UniqueConstraint("store_id", "number"),)

    number: Mapped[str] = mapped_column(String(20))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, partial, received, cancelled
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class PurchaseOrderLine(IdMixin, Base):
    __tablename__ = "purchase_order_line"
    __table_args__ = (UniqueConstraint("purchase_order_id", "part_id"),)

    purchase_order_id: Mapped[int] = mapped_column(
        ForeignKey("purchase_order.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    qty: Mapped[Decimal] = mapped_column(Quantity())
    qty_received: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    unit_cost: Mapped[Decimal] = mapped_column(Scaled(4))  # expected: the average cost then
