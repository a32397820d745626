"""What the front desk adds: photos attached at check-in."""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from dms.models.base import Base, CreatedMixin, IdMixin


class CheckinPhoto(IdMixin, CreatedMixin, Base):
    """A photo of the car taken at the walk-around, kept in the database with the order: one
    transaction with the check-in, the same on SQLite and on a PostgreSQL shared by several
    PCs, and in every backup (a folder of files would need a share each PC can reach)."""

    __tablename__ = "checkin_photo"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    filename: Mapped[str] = mapped_column(String(100))
    media_type: Mapped[str] = mapped_column(String(20))  # image/jpeg, image/png
    content: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)  # a small JPEG, what lists show
    taken_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
