"""PDI (售前检查) of new cars before hand-over (DESIGN §1 step 1): the store's checklist
template, one inspection per car (by VIN) and its items."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dms.models.base import Base, CreatedMixin, IdMixin, StoreMixin, Versioned


class PdiTemplateItem(IdMixin, StoreMixin, Base):
    """One line of the store's checklist; a new inspection copies the active ones."""

    __tablename__ = "pdi_template_item"

    seq: Mapped[int]
    section: Mapped[str] = mapped_column(String(20))  # exterior, interior, engine, chassis, road
    name: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(default=True)


class PdiInspection(IdMixin, StoreMixin, CreatedMixin, Versioned, Base):
    __tablename__ = "pdi_inspection"
    __table_args__ = (UniqueConstraint("store_id", "number"), UniqueConstraint("store_id", "vin"))

    number: Mapped[str] = mapped_column(String(20))
    vin: Mapped[str] = mapped_column(String(17))
    brand: Mapped[str | None] = mapped_column(String(40))
    series: Mapped[str | None] = mapped_column(String(40))
    model_code: Mapped[str | None] = mapped_column(String(40))
    colour: Mapped[str | None] = mapped_column(String(20))
    engine_no: Mapped[str | None] = mapped_column(String(40))
    mileage: Mapped[int] = mapped_column(default=0)  # odometer at the inspection
    state: Mapped[str] = mapped_column(String(12), default="open")  # open, signed, handed_over
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    signed_at: Mapped[datetime | None]
    handed_over_at: Mapped[datetime | None]
    handed_over_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"))

    items: Mapped[list[PdiItem]] = relationship(order_by="PdiItem.seq")


class PdiItem(IdMixin, Base):
    __tablename__ = "pdi_item"

    pdi_id: Mapped[int] = mapped_column(ForeignKey("pdi_inspection.id"), index=True)
    seq: Mapped[int]
    section: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    result: Mapped[str | None] = mapped_column(String(8))  # None (not checked), ok, fail, fixed
    note: Mapped[str | None] = mapped_column(String(200))
    fixed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    fixed_at: Mapped[datetime | None]
