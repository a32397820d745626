"""Stores, users and roles, number sequences and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dms.models.base import Base, CreatedMixin, IdMixin, StoreMixin

ROLES = ("advisor", "dispatcher", "technician", "team_lead", "qc_inspector",
         "warehouse_clerk", "cashier", "customer_care", "manager")


class Store(IdMixin, Base):
    __tablename__ = "store"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    logo_path: Mapped[str | None] = mapped_column(String(300))
    # The seller's invoice details (开票信息), as the settlement slip prints them: the name on
    # the invoice (发票抬头), the taxpayer ID (纳税人识别号: the unified social credit code),
    # address and telephone, bank and account.
    invoice_name: Mapped[str | None] = mapped_column(String(100))
    tax_id: Mapped[str | None] = mapped_column(String(18))
    invoice_address_phone: Mapped[str | None] = mapped_column(String(200))
    invoice_bank_account: Mapped[str | None] = mapped_column(String(200))


class User(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "user_account"  # "user" is reserved on PostgreSQL
    __table_args__ = (UniqueConstraint("username"),)

    username: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(60))
    password_hash: Mapped[str] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)
    # set by someone else (a manager's reset, `dms init`'s demo): changed at the next sign-in
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())

    roles: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class UserRole(Base):
    """A user may hold several roles (DESIGN §3)."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"),
                                         primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class SignInThrottle(Base):
    """Failed sign-ins per user name (lower case, known or not): what locks a name for a while.
    A success deletes the row."""

    __tablename__ = "sign_in_throttle"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]


class NumberSequence(IdMixin, StoreMixin, Base):
    """Gap-free numbers per store, kind and year: incremented inside the caller's transaction."""

    __tablename__ = "number_sequence"
    __table_args__ = (UniqueConstraint("store_id", "kind", "year"),)

    kind: Mapped[str] = mapped_column(String(20))  # workorder, invoice, gatepass, appointment…
    year: Mapped[int]
    last_value: Mapped[int] = mapped_column(default=0)


class AuditLog(IdMixin, StoreMixin, Base):
    """Who did what when: also the source of the KPIs (waiting time, repair time, on-time rate)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id", "at"),)

    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[str | None] = mapped_column(Text)  # JSON details


class ChangeLog(IdMixin, Base):
    """What each committed transaction changed, for the other seats' screens to refresh
    (written by `dms.changes`; PostgreSQL NOTIFY or SQLite's data_version wakes them)."""

    __tablename__ = "change_log"

    at: Mapped[datetime] = mapped_column(index=True)
    # PostgreSQL: the writing transaction's id (txid_current()). Ids are taken before commit,
    # so a feed follows transactions, not ids (see dms.changes). None on SQLite.
    txid: Mapped[int | None] = mapped_column(BigInteger, index=True)
    store_id: Mapped[int | None]
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int]


class ChangeSeat(IdMixin, Base):
    """A seat following the change feed and how far it has read (`upto`: the change_log id on
    SQLite, the transaction horizon on PostgreSQL), so rows every seat has read are pruned."""

    __tablename__ = "change_seat"

    upto: Mapped[int] = mapped_column(BigInteger)
    seen_at: Mapped[datetime]


class StoreSetting(IdMixin, StoreMixin, Base):
    """A store's configurable rule (discount limits, refund limit, how long stock is held);
    the defaults live in `dms.policy`."""

    __tablename__ = "store_setting"
    __table_args__ = (UniqueConstraint("store_id", "key"),)

    key: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(200))
