"""Pre-settlement and settlement, payments, gate passes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dms.models.base import Base, IdMixin, StoreMixin, Versioned

ZERO = Decimal("0")


class Settlement(IdMixin, StoreMixin, Versioned, Base):
    """Amounts as of pre-settlement; `received`/`outstanding` follow the payments."""

    __tablename__ = "settlement"
    __table_args__ = (UniqueConstraint("store_id", "invoice_no"),
                      CheckConstraint("received >= 0", name="received_not_negative"),
                      Index("ix_settlement_settled", "store_id", "settled_at"),
                      # the cashier's queue: what is still owed, among the years' settlements
                      Index("ix_settlement_outstanding", "store_id", "outstanding"))

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), unique=True)
    state: Mapped[str] = mapped_column(String(12), default="presettled")  # presettled, settled, reopened
    presettled_at: Mapped[datetime]
    presettled_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    labour_receivable: Mapped[Decimal]  # list price before discounts
    labour_net: Mapped[Decimal]  # after discounts (实收工时费)
    material_receivable: Mapped[Decimal]
    material_net: Mapped[Decimal]
    management_fee: Mapped[Decimal] = mapped_column(default=ZERO)
    auxiliary_fee: Mapped[Decimal] = mapped_column(default=ZERO)
    subcontract_fee: Mapped[Decimal] = mapped_column(default=ZERO)
    rescue_fee: Mapped[Decimal] = mapped_column(default=ZERO)
    other_fee: Mapped[Decimal] = mapped_column(default=ZERO)
    total: Mapped[Decimal]
    customer_share: Mapped[Decimal]
    insurance_share: Mapped[Decimal] = mapped_column(default=ZERO)
    warranty_share: Mapped[Decimal] = mapped_column(default=ZERO)
    internal_share: Mapped[Decimal] = mapped_column(default=ZERO)
    points_redeemed: Mapped[int] = mapped_column(default=0)
    received: Mapped[Decimal] = mapped_column(default=ZERO)
    outstanding: Mapped[Decimal]
    invoice_no: Mapped[str | None] = mapped_column(String(30))
    settled_at: Mapped[datetime | None]
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    credit_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    # Read only: payments are added as rows of their own (`s.add`), never through this list.
    payments: Mapped[list[Payment]] = relationship(order_by="Payment.id", viewonly=True)


class Payment(IdMixin, Base):
    __tablename__ = "payment"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    settlement_id: Mapped[int] = mapped_column(ForeignKey("settlement.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))  # cash, card, wechat, alipay, transfer, member_balance
    amount: Mapped[Decimal]
    reference: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[datetime]
    cashier_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class Invoice(IdMixin, StoreMixin, Base):
    """Every invoice number ever given (DESIGN §4): a reopened settlement's number stays here,
    voided, and the settlement takes a new one (`Settlement.invoice_no` is the current one)."""

    __tablename__ = "invoice"
    __table_args__ = (UniqueConstraint("store_id", "number"),)

    settlement_id: Mapped[int] = mapped_column(ForeignKey("settlement.id"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    issued_at: Mapped[datetime]
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    voided_at: Mapped[datetime | None]
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    void_reason: Mapped[str | None] = mapped_column(String(200))


class Refund(IdMixin, StoreMixin, Base):
    """Money given back (refund) or a lowered bill (credit note, 红字冲销) after settlement;
    payments themselves are never edited (DESIGN §2)."""

    __tablename__ = "refund"
    __table_args__ = (UniqueConstraint("store_id", "number"),
                      CheckConstraint("amount > 0", name="amount_positive"))

    settlement_id: Mapped[int] = mapped_column(ForeignKey("settlement.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(12))  # refund, credit_note
    amount: Mapped[Decimal]
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]
    cashier_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    points_returned: Mapped[int] = mapped_column(default=0)  # redeemed points given back
    points_taken_back: Mapped[int] = mapped_column(default=0)  # earned on refunded money

    lines: Mapped[list[RefundLine]] = relationship(order_by="RefundLine.id", viewonly=True)


class RefundLine(IdMixin, Base):
    """How much of a refund went back by one payment method."""

    __tablename__ = "refund_line"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    refund_id: Mapped[int] = mapped_column(ForeignKey("refund.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal]
    reference: Mapped[str | None] = mapped_column(String(60))


class GatePass(IdMixin, StoreMixin, Base):
    """出门证: the guard lets the car out only against it."""

    __tablename__ = "gate_pass"
    __table_args__ = (UniqueConstraint("store_id", "number"),)

    number: Mapped[str] = mapped_column(String(20))
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), unique=True)
    issued_at: Mapped[datetime]
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    released_at: Mapped[datetime | None]
