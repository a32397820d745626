"""Customers, memberships, vehicles, insurance, maintenance plans, reminders, follow-ups, complaints.

`*_rev` columns hold the reversed normalised value: a suffix search (VIN last 6, plate
without its province, last digits of a phone) becomes an indexed prefix range on both backends.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from dms.models.base import Base, CreatedMixin, IdMixin, Percent, StoreMixin


def _prefix_index(name: str, column: str) -> Index:
    """(store_id, column) index usable by prefix searches; PostgreSQL needs text_pattern_ops
    for LIKE 'x%' under a non-C collation, SQLite uses it for GLOB 'x*'."""
    return Index(name, "store_id", column, postgresql_ops={column: "text_pattern_ops"})


def reverse(value: str | None) -> str | None:
    return None if value is None else value[::-1]


def name_key(value: str | None) -> str | None:
    """A name as the lookup matches it: NFKC, lower case, single spaces ("John  SMITH" →
    "john smith"), so an ASCII name is found in any case and by its first words."""
    return None if value is None else " ".join(unicodedata.normalize("NFKC", value).lower().split())


class Customer(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "customer"
    __table_args__ = (
        UniqueConstraint("store_id", "code"),
        _prefix_index("ix_customer_name", "name"),
        _prefix_index("ix_customer_name_key", "name_key"),
        _prefix_index("ix_customer_mobile", "mobile"),
        _prefix_index("ix_customer_mobile_rev", "mobile_rev"),
    )

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str | None] = mapped_column(String(100))  # set with the name (name_key())
    kind: Mapped[str] = mapped_column(String(10), default="person")  # person | company
    gender: Mapped[str | None] = mapped_column(String(1))
    mobile: Mapped[str | None] = mapped_column(String(20))  # digits only
    mobile_rev: Mapped[str | None] = mapped_column(String(20))
    home_phone: Mapped[str | None] = mapped_column(String(30))
    office_phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    employer: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(40))
    id_number: Mapped[str | None] = mapped_column(String(30))
    birthday: Mapped[date | None]
    email: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    vehicles: Mapped[list[Vehicle]] = relationship(back_populates="owner")

    @validates("mobile")
    def _set_mobile_rev(self, _key, value):
        self.mobile_rev = reverse(value)
        return value

    @validates("name")
    def _set_name_key(self, _key, value):
        self.name_key = name_key(value)
        return value


class MembershipTier(IdMixin, StoreMixin, Base):
    __tablename__ = "membership_tier"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(40))
    level: Mapped[int]
    validity_months: Mapped[int]
    fee: Mapped[Decimal]
    points_threshold: Mapped[int]
    labour_discount_pct: Mapped[Decimal] = mapped_column(Percent())
    material_discount_pct: Mapped[Decimal] = mapped_column(Percent())


class Membership(IdMixin, StoreMixin, Base):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("store_id", "card_no"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    tier_id: Mapped[int] = mapped_column(ForeignKey("membership_tier.id"))
    card_no: Mapped[str] = mapped_column(String(30))
    joined_on: Mapped[date]
    valid_until: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | expired | quit
    points_balance: Mapped[int] = mapped_column(default=0)
    balance: Mapped[Decimal] = mapped_column(default=Decimal("0"))  # stored value for payments

    tier: Mapped[MembershipTier] = relationship()


class MembershipEvent(IdMixin, Base):
    """join, renew, upgrade, downgrade, quit, card_replacement."""

    __tablename__ = "membership_event"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    from_tier_id: Mapped[int | None] = mapped_column(ForeignKey("membership_tier.id"))
    to_tier_id: Mapped[int | None] = mapped_column(ForeignKey("membership_tier.id"))
    fee: Mapped[Decimal | None]
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str | None] = mapped_column(Text)


class PointsEntry(IdMixin, Base):
    __tablename__ = "points_entry"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), index=True)
    at: Mapped[datetime]
    points: Mapped[int]  # earned > 0, redeemed < 0
    reason: Mapped[str] = mapped_column(String(40))
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"))


class Vehicle(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "vehicle"
    __table_args__ = (
        UniqueConstraint("vin"),
        UniqueConstraint("store_id", "plate"),
        _prefix_index("ix_vehicle_plate", "plate"),
        _prefix_index("ix_vehicle_plate_rev", "plate_rev"),
        Index("ix_vehicle_vin_rev", "vin_rev", postgresql_ops={"vin_rev": "text_pattern_ops"}),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    plate: Mapped[str | None] = mapped_column(String(12))  # normalised; None before registration
    plate_rev: Mapped[str | None] = mapped_column(String(12))
    vin: Mapped[str] = mapped_column(String(17))
    vin_rev: Mapped[str] = mapped_column(String(17))
    vin_warning_overridden_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    vin_warning_overridden_at: Mapped[datetime | None]
    brand: Mapped[str | None] = mapped_column(String(40))
    series: Mapped[str | None] = mapped_column(String(40))
    model_code: Mapped[str | None] = mapped_column(String(40))
    model_year: Mapped[int | None]
    engine_no: Mapped[str | None] = mapped_column(String(40))
    engine_model: Mapped[str | None] = mapped_column(String(40))
    transmission: Mapped[str | None] = mapped_column(String(40))
    key_no: Mapped[str | None] = mapped_column(String(40))
    displacement: Mapped[str | None] = mapped_column(String(10))
    colour: Mapped[str | None] = mapped_column(String(20))
    fuel_type: Mapped[str | None] = mapped_column(String(20))
    production_date: Mapped[date | None]
    purchase_date: Mapped[date | None]
    purchase_mileage: Mapped[int | None]
    selling_dealer: Mapped[str | None] = mapped_column(String(100))
    usage: Mapped[str | None] = mapped_column(String(20))
    mileage: Mapped[int | None]  # last trusted odometer reading
    mileage_on: Mapped[date | None]

    owner: Mapped[Customer] = relationship(back_populates="vehicles")

    @validates("plate", "vin")
    def _set_reversed(self, key, value):
        setattr(self, f"{key}_rev", reverse(value))
        return value


class VehicleOwnership(IdMixin, Base):
    """Owner history: a vehicle can change hands and keep its file."""

    __tablename__ = "vehicle_ownership"

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    from_date: Mapped[date]
    to_date: Mapped[date | None]


class InsurancePolicy(IdMixin, Base):
    __tablename__ = "insurance_policy"
    __table_args__ = (Index("ix_insurance_policy_expiry", "expiry_date"),)

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    insurer: Mapped[str] = mapped_column(String(60))
    policy_no: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str | None] = mapped_column(String(40))
    start_date: Mapped[date | None]
    expiry_date: Mapped[date]
    insured_amount: Mapped[Decimal | None]


class MaintenancePackage(IdMixin, StoreMixin, Base):
    """首保, 二保, regular service: items and a package price."""

    __tablename__ = "maintenance_package"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    interval_km: Mapped[int]
    interval_months: Mapped[int]
    price: Mapped[Decimal]

    items: Mapped[list[MaintenancePackageItem]] = relationship(cascade="all, delete-orphan")


class MaintenancePackageItem(IdMixin, Base):
    __tablename__ = "maintenance_package_item"

    package_id: Mapped[int] = mapped_column(ForeignKey("maintenance_package.id", ondelete="CASCADE"),
                                            index=True)
    kind: Mapped[str] = mapped_column(String(10))  # labour | part
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    qty: Mapped[Decimal] = mapped_column(Percent())


class MaintenancePlanItem(IdMixin, Base):
    __tablename__ = "maintenance_plan_item"
    __table_args__ = (Index("ix_maintenance_plan_item_due", "status", "due_date"),)

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("maintenance_package.id"))
    due_date: Mapped[date | None]
    due_mileage: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(10), default="planned")  # planned | done | skipped
    done_on: Mapped[date | None]
    done_mileage: Mapped[int | None]
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"))


class Reminder(IdMixin, StoreMixin, Base):
    """A call to make: maintenance due, insurance expiry, membership expiry, birthday, declined work."""

    __tablename__ = "reminder"
    __table_args__ = (Index("ix_reminder_due", "store_id", "kind", "due_date"),)

    kind: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"))
    due_date: Mapped[date]
    due_mileage: Mapped[int | None]
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    method: Mapped[str | None] = mapped_column(String(20))  # phone, sms, wechat, app
    result: Mapped[str | None] = mapped_column(Text)
    reminded_at: Mapped[datetime | None]
    reminded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"))


class FollowUp(IdMixin, StoreMixin, Base):
    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint("satisfaction BETWEEN 1 AND 5", name="satisfaction"),
        Index("ix_follow_up_due", "store_id", "status", "due_at"),
    )

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    due_at: Mapped[datetime]
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | done | unreachable
    result: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None]
    issue: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")  # calls made
    scores: Mapped[dict | None] = mapped_column(JSON)  # question → 1–5, as the customer answered


class Complaint(IdMixin, StoreMixin, CreatedMixin, Base):
    __tablename__ = "complaint"
    __table_args__ = (UniqueConstraint("store_id", "number"),
                      Index("ix_complaint_open", "store_id", "status", "deadline"))

    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"))
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("follow_up.id"))
    source: Mapped[str] = mapped_column(String(20))  # follow_up, phone, walk_in, manufacturer, online
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10))  # low | medium | high
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    deadline: Mapped[datetime | None]
    escalation_level: Mapped[int] = mapped_column(default=0)
    escalated_at: Mapped[datetime | None]
    root_cause: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    prevention: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | resolved | closed
    closed_at: Mapped[datetime | None]
    closing_note: Mapped[str | None] = mapped_column(Text)  # what the customer said on the closing call
