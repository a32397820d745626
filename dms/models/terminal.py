"""What the technician terminal adds: photos of proposed added work, and parts asked for at
the counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from dms.models.base import Base, CreatedMixin, IdMixin, StoreMixin


class AddedWorkPhoto(IdMixin, CreatedMixin, Base):
    """A photo the technician attached to proposed added work (what the customer is shown)."""

    __tablename__ = "added_work_photo"

    labour_line_id: Mapped[int] = mapped_column(ForeignKey("labour_line.id"), index=True)
    filename: Mapped[str] = mapped_column(String(100))
    media_type: Mapped[str] = mapped_column(String(20))  # image/jpeg, image/png
    content: Mapped[bytes] = mapped_column(LargeBinary)
    taken_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class PartRequest(IdMixin, StoreMixin, CreatedMixin, Base):
    """A technician asks the counter for the order's parts now (the counter sees the open ones
    and serves them by issuing the order's picking list)."""

    __tablename__ = "part_request"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    labour_line_id: Mapped[int | None] = mapped_column(ForeignKey("labour_line.id"))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, served, cancelled
    served_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    served_at: Mapped[datetime | None]
