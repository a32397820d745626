"""Declarative base, naming convention and the column types shared by every table."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, DateTime, ForeignKey, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from dms import clock
from dms.money import from_fen, to_fen

# Named constraints: Alembic batch mode on SQLite can only alter what has a name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Money(TypeDecorator):
    """Decimal yuan in Python, BIGINT fen in the database: exact on SQLite and PostgreSQL."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_fen(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_fen(value)


class Scaled(TypeDecorator):
    """A fixed-point Decimal stored as a scaled integer (quantities, hours, percentages).

    SQLite keeps NUMERIC as a float; an integer keeps `qty - :n` exact in atomic updates.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int):
        super().__init__()
        self.places = places

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("fixed-point value must not be a float")
        return int(Decimal(value).scaleb(self.places).to_integral_value(ROUND_HALF_UP))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value).scaleb(-self.places)


def Quantity() -> Scaled:  # noqa: N802 - reads like a type in mapped_column()
    """Part quantities: thousandths, so oil can be issued by the litre (4.5 L)."""
    return Scaled(3)


def Hours() -> Scaled:  # noqa: N802
    return Scaled(2)


def Percent() -> Scaled:  # noqa: N802
    return Scaled(2)


class UTCDateTime(TypeDecorator):
    """Aware datetimes in Python, UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime (dms.clock.now())")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Decimal: Money, datetime: UTCDateTime}


class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True)


class StoreMixin:
    """Every business record belongs to a store (a dealer group runs several on one server)."""

    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)


class CreatedMixin:
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class Versioned:
    """Optimistic concurrency: who changed the row last, and when, for the conflict message."""

    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}
