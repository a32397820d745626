"""Declarative base, naming convention and the column types shared by every table."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, ForeignKey, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
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
