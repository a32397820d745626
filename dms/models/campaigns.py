"""Service campaigns and manufacturer recalls: the VINs they cover and which are done.

A campaign vehicle is keyed by its normalised VIN, not only by the vehicle row: a recall list
from the manufacturer names cars the store may not have on file yet, and such a car is flagged
as soon as it is entered with that VIN.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dms.models.base import Base, CreatedMixin, IdMixin, StoreMixin


class Campaign(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "campaign"
    __table_args__ = (UniqueConstraint("store_id", "code"),
                      CheckConstraint("kind IN ('campaign', 'recall')", name="kind"))

    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))  # campaign | recall
    description: Mapped[str | None] = mapped_column(Text)
    labour_code: Mapped[str | None] = mapped_column(String(20))  # the operation to book
    labour_text: Mapped[str | None] = mapped_column(String(200))  # or what to do, in words
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class CampaignVehicle(IdMixin, Base):
    __tablename__ = "campaign_vehicle"
    __table_args__ = (UniqueConstraint("campaign_id", "vin"),
                      CheckConstraint("status IN ('open', 'done')", name="status"),
                      # flags at lookup and reception: open campaigns of one or more VINs
                      Index("ix_campaign_vehicle_vin", "vin", "status"))

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    vin: Mapped[str] = mapped_column(String(17))  # normalised
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done
    done_work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"))
    done_at: Mapped[datetime | None]
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
