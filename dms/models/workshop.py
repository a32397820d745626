"""Appointments, work orders with their lines, estimates, dispatch, clock, QC, tools.

Work orders, appointments and settlements carry a version counter: a second writer gets a
clear conflict instead of silently overwriting the first (DESIGN §6).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dms.models.base import (Base, CreatedMixin, Hours, IdMixin, Percent, Quantity, StoreMixin,
                             Versioned)


class PriceClass(IdMixin, StoreMixin, Base):
    """Labour rate class (价类): labour = billed hours × the line's class rate."""

    __tablename__ = "price_class"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(40))
    hourly_rate: Mapped[Decimal]


class LabourOperation(IdMixin, StoreMixin, Base):
    __tablename__ = "labour_operation"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    trade: Mapped[str] = mapped_column(String(20))  # maintenance, mechanical, electrical, body, paint
    standard_hours: Mapped[Decimal] = mapped_column(Hours())
    price_class_id: Mapped[int] = mapped_column(ForeignKey("price_class.id"))
    # loaded with the operation: a job from the catalogue is priced at its class's rate
    price_class: Mapped[PriceClass] = relationship(lazy="joined", viewonly=True)


class Bay(IdMixin, StoreMixin, Base):
    __tablename__ = "bay"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))  # maintenance, mechanical, body, paint, wash
    active: Mapped[bool] = mapped_column(default=True)
    # the hours of work the bay takes a day (the appointment book's capacity of its kind)
    capacity_hours: Mapped[Decimal] = mapped_column(Hours(), default=Decimal("8"),
                                                    server_default="800")


class Appointment(IdMixin, StoreMixin, CreatedMixin, Versioned, Base):
    __tablename__ = "appointment"
    __table_args__ = (UniqueConstraint("store_id", "number"),
                      Index("ix_appointment_booked", "store_id", "booked_for"))

    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(60))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))  # phone, app, walk_in, wechat
    requested_work: Mapped[str] = mapped_column(Text)
    booked_for: Mapped[datetime]
    planned_hours: Mapped[Decimal | None] = mapped_column(Hours())
    estimate: Mapped[Decimal | None]
    trade: Mapped[str | None] = mapped_column(String(20))  # dms.workshop.trades; None: not given
    taken_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="booked")  # booked, arrived, no_show, cancelled
    reminded_at: Mapped[datetime | None]
    arrived_at: Mapped[datetime | None]


class AppointmentPart(IdMixin, Base):
    """Parts the booked work is expected to need: reserved, or a purchase need raised."""

    __tablename__ = "appointment_part"

    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id", ondelete="CASCADE"),
                                                index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    qty: Mapped[Decimal] = mapped_column(Quantity())


class WorkOrder(IdMixin, StoreMixin, CreatedMixin, Versioned, Base):
    __tablename__ = "work_order"
    __table_args__ = (UniqueConstraint("store_id", "number"),
                      Index("ix_work_order_state", "store_id", "state"),
                      Index("ix_work_order_entry", "store_id", "entry_at"),
                      # the KPIs of a period: orders completed, delivered in it
                      Index("ix_work_order_completed", "store_id", "completed_at"),
                      Index("ix_work_order_delivered", "store_id", "delivered_at"))

    number: Mapped[str] = mapped_column(String(20))
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"))
    advisor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    business_type: Mapped[str] = mapped_column(String(20))  # maintenance, repair, body_paint, warranty, insurance, internal
    state: Mapped[str] = mapped_column(String(12))
    paused_from: Mapped[str | None] = mapped_column(String(12))
    pause_reason: Mapped[str | None] = mapped_column(String(20))  # waiting_parts, waiting_approval
    delivered_by_name: Mapped[str | None] = mapped_column(String(60))  # 送修人
    delivered_by_phone: Mapped[str | None] = mapped_column(String(20))
    entry_at: Mapped[datetime]
    entry_mileage: Mapped[int]
    odometer_change_note: Mapped[str | None] = mapped_column(Text)
    fuel_level: Mapped[int | None]  # eighths of a tank, 0–8
    complaint: Mapped[str | None] = mapped_column(Text)  # the customer's words
    documents_kept: Mapped[str | None] = mapped_column(Text)
    valuables: Mapped[str | None] = mapped_column(Text)
    damage_marks: Mapped[str | None] = mapped_column(Text)  # JSON list of {zone, kind, note}
    # JSON {"strokes": [[[x, y], ...], ...] (0–1 of the pad), "signed_at": ISO time}
    checkin_signature: Mapped[str | None] = mapped_column(Text)
    estimated_amount: Mapped[Decimal | None]
    promised_at: Mapped[datetime | None]
    last_visit_at: Mapped[datetime | None]
    last_visit_mileage: Mapped[int | None]
    completed_at: Mapped[datetime | None]
    delay_reason: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    # Read only: lines are added and removed as rows of their own (`s.add`, `s.delete`), never
    # through these lists, so the unit of work need not walk them at every flush of the order.
    labour_lines: Mapped[list[LabourLine]] = relationship(order_by="LabourLine.seq",
                                                          viewonly=True)
    part_lines: Mapped[list[PartLine]] = relationship(order_by="PartLine.id", viewonly=True)
    fees: Mapped[list[Fee]] = relationship(order_by="Fee.id", viewonly=True)


class InsuranceClaim(IdMixin, Base):
    __tablename__ = "insurance_claim"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), unique=True)
    insurer: Mapped[str] = mapped_column(String(60))
    payer_company: Mapped[str | None] = mapped_column(String(60))  # 赔款公司
    report_no: Mapped[str] = mapped_column(String(40))
    assessed_amount: Mapped[Decimal | None]
    deductible: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    injury: Mapped[bool] = mapped_column(default=False)
    property_damage: Mapped[bool] = mapped_column(default=False)
    towing: Mapped[bool] = mapped_column(default=False)


class LabourLine(IdMixin, Base):
    __tablename__ = "labour_line"
    __table_args__ = (CheckConstraint("billed_hours >= 0", name="billed_hours"),
                      # whether another car is in repair on a bay: every assignment, clock-on
                      Index("ix_labour_line_bay_state", "bay_id", "state"))

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    seq: Mapped[int]
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("labour_operation.id"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    trade: Mapped[str] = mapped_column(String(20))
    standard_hours: Mapped[Decimal] = mapped_column(Hours())
    billed_hours: Mapped[Decimal] = mapped_column(Hours())
    price_class_id: Mapped[int] = mapped_column(ForeignKey("price_class.id"))
    rate: Mapped[Decimal]
    amount: Mapped[Decimal]
    discount_pct: Mapped[Decimal] = mapped_column(Percent(), default=Decimal("0"))  # applied
    discount: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    net: Mapped[Decimal]
    # The advisor's own concession, kept apart from the member discount so a lapsed
    # membership loses its part while the concession stays; above the role's limit the
    # manager who approved it is recorded.
    manual_discount_pct: Mapped[Decimal | None] = mapped_column(Percent())
    discount_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    payer: Mapped[str] = mapped_column(String(10))  # customer, insurance, warranty, internal
    state: Mapped[str] = mapped_column(String(12), default="waiting")  # waiting, in_progress, done, rework
    approval: Mapped[str] = mapped_column(String(10), default="approved")  # proposed, priced, approved, declined
    added_work: Mapped[bool] = mapped_column(default=False)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    bay_id: Mapped[int | None] = mapped_column(ForeignKey("bay.id"))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    team_lead_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class PartLine(IdMixin, Base):
    __tablename__ = "part_line"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),
                      CheckConstraint("qty_issued >= 0", name="qty_issued"))

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    labour_line_id: Mapped[int | None] = mapped_column(ForeignKey("labour_line.id"))
    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"), index=True)
    qty: Mapped[Decimal] = mapped_column(Quantity())
    qty_issued: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    unit: Mapped[str] = mapped_column(String(10))
    unit_price: Mapped[Decimal]
    amount: Mapped[Decimal]
    discount_pct: Mapped[Decimal] = mapped_column(Percent(), default=Decimal("0"))  # applied
    discount: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    net: Mapped[Decimal]
    # The advisor's own concession, kept apart from the member discount so a lapsed
    # membership loses its part while the concession stays; above the role's limit the
    # manager who approved it is recorded.
    manual_discount_pct: Mapped[Decimal | None] = mapped_column(Percent())
    discount_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    payer: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(10), default="requested")  # requested, reserved, issued, returned, exchanged, released
    approval: Mapped[str] = mapped_column(String(10), default="approved")
    added_work: Mapped[bool] = mapped_column(default=False)


class Fee(IdMixin, Base):
    __tablename__ = "fee"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # management, auxiliary, subcontract, rescue, other
    description: Mapped[str | None] = mapped_column(String(100))
    amount: Mapped[Decimal]
    payer: Mapped[str] = mapped_column(String(10))


class Estimate(IdMixin, CreatedMixin, Base):
    """A numbered version of the estimate as shown to the customer (lines frozen as JSON)."""

    __tablename__ = "estimate"
    __table_args__ = (UniqueConstraint("work_order_id", "version"),)

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    version: Mapped[int]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    labour_total: Mapped[Decimal]
    parts_total: Mapped[Decimal]
    fees_total: Mapped[Decimal]
    total: Mapped[Decimal]
    customer_share: Mapped[Decimal]
    valid_until: Mapped[datetime | None]
    lines: Mapped[str] = mapped_column(Text)  # JSON snapshot


class EstimateApproval(IdMixin, Base):
    __tablename__ = "estimate_approval"

    estimate_id: Mapped[int] = mapped_column(ForeignKey("estimate.id"), index=True)
    approved_by_name: Mapped[str] = mapped_column(String(60))  # the customer or their representative
    method: Mapped[str] = mapped_column(String(10))  # signature, phone, in_person
    approved_at: Mapped[datetime]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    declined_lines: Mapped[str | None] = mapped_column(Text)  # JSON list of line ids
    signature: Mapped[str | None] = mapped_column(Text)  # JSON strokes and time, drawn on screen


class Recommendation(IdMixin, StoreMixin, CreatedMixin, Base):
    """Work the customer declined: follows the vehicle to the next visit and the reminder list."""

    __tablename__ = "recommendation"

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"))
    description: Mapped[str] = mapped_column(String(200))
    estimated_amount: Mapped[Decimal | None]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, done, dismissed
    reason: Mapped[str | None] = mapped_column(String(20))  # why declined: price, time, …
    reason_note: Mapped[str | None] = mapped_column(String(200))  # in the customer's words
    done_work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"))


class DispatchAssignment(IdMixin, Base):
    __tablename__ = "dispatch_assignment"

    labour_line_id: Mapped[int] = mapped_column(ForeignKey("labour_line.id"), index=True)
    bay_id: Mapped[int] = mapped_column(ForeignKey("bay.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    team_lead_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    planned_hours: Mapped[Decimal | None] = mapped_column(Hours())
    planned_start: Mapped[datetime | None]
    planned_end: Mapped[datetime | None]
    dispatcher_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    equipment: Mapped[str | None] = mapped_column(String(200))
    assigned_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(default=True)


class ClockEvent(IdMixin, Base):
    """Clock on/off per job per technician; actual hours are derived from these."""

    __tablename__ = "clock_event"
    __table_args__ = (Index("ix_clock_event_at", "at"),  # a period's clocking (utilisation)
                      # a job's events, and whether a later one follows a clock-on
                      Index("ix_clock_event_job", "labour_line_id", "technician_id", "id"))

    labour_line_id: Mapped[int] = mapped_column(ForeignKey("labour_line.id"))
    technician_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # on, off
    at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(String(100))


class QCInspection(IdMixin, Base):
    __tablename__ = "qc_inspection"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    level: Mapped[str] = mapped_column(String(10))  # self, team_lead, final
    inspector_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    passed: Mapped[bool]
    at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    rework_owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    penalty: Mapped[Decimal | None]


class Tool(IdMixin, StoreMixin, Base):
    __tablename__ = "tool"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))  # tool, equipment
    status: Mapped[str] = mapped_column(String(12), default="available")  # available, out, damaged, maintenance


class ToolCheckout(IdMixin, Base):
    __tablename__ = "tool_checkout"

    tool_id: Mapped[int] = mapped_column(ForeignKey("tool.id"), index=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"))
    out_at: Mapped[datetime]
    in_at: Mapped[datetime | None]
    damage_report: Mapped[str | None] = mapped_column(Text)


class ToolMaintenance(IdMixin, Base):
    __tablename__ = "tool_maintenance"

    tool_id: Mapped[int] = mapped_column(ForeignKey("tool.id"), index=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str] = mapped_column(Text)
