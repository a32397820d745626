"""counter: purchase orders to suppliers and their lines

Revision ID: 0007_counter
Revises: 0006_booking_trade
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0007_counter"
down_revision: Union[str, Sequence[str], None] = "0006_booking_trade"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # new tables only: nothing existing is rebuilt
    op.create_table(
        "purchase_order",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["user_account.id"],
                                name=op.f("fk_purchase_order_created_by_id_user_account")),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"],
                                name=op.f("fk_purchase_order_store_id_store")),
        sa.ForeignKeyConstraint(["supplier_id"], ["supplier.id"],
                                name=op.f("fk_purchase_order_supplier_id_supplier")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order")),
        sa.UniqueConstraint("store_id", "number", name=op.f("uq_purchase_order_store_id_number")),
    )
    op.create_index(op.f("ix_purchase_order_store_id"), "purchase_order", ["store_id"],
                    unique=False)
    op.create_table(
        "purchase_order_line",
        sa.Column("purchase_order_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("qty_received", sa.BigInteger(), nullable=False),
        sa.Column("unit_cost", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["part_id"], ["part.id"],
                                name=op.f("fk_purchase_order_line_part_id_part")),
        sa.ForeignKeyConstraint(
            ["purchase_order_id"], ["purchase_order.id"], ondelete="CASCADE",
            name=op.f("fk_purchase_order_line_purchase_order_id_purchase_order")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order_line")),
        sa.UniqueConstraint("purchase_order_id", "part_id",
                            name=op.f("uq_purchase_order_line_purchase_order_id_part_id")),
    )
    op.create_index(op.f("ix_purchase_order_line_purchase_order_id"), "purchase_order_line",
                    ["purchase_order_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_purchase_order_line_purchase_order_id"),
                  table_name="purchase_order_line")
    op.drop_table("purchase_order_line")
    op.drop_index(op.f("ix_purchase_order_store_id"), table_name="purchase_order")
    op.drop_table("purchase_order")
