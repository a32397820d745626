"""manager: indexes for a period's KPIs (orders completed and delivered in it, the clocking
in it, the purchase needs of its orders; the stock movements' two indexes carry the columns
the KPIs read, so those reads never visit the table); each bay's capacity in hours a day

Revision ID: 0010_manager_kpis_bays
Revises: 0009_front_photos
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0010_manager_kpis_bays"
down_revision: Union[str, Sequence[str], None] = "0009_front_photos"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


NARROW = {"ix_stock_movement_part": ["part_id", "at"], "ix_stock_movement_at": ["store_id", "at"]}
WIDE = {"ix_stock_movement_part": ["part_id", "at", "qty"],
        "ix_stock_movement_at": ["store_id", "at", "kind", "work_order_id", "part_id", "qty",
                                 "unit_cost"]}


def upgrade() -> None:
    op.create_index("ix_work_order_completed", "work_order", ["store_id", "completed_at"])
    op.create_index("ix_work_order_delivered", "work_order", ["store_id", "delivered_at"])
    op.create_index("ix_clock_event_at", "clock_event", ["at"])
    op.create_index("ix_purchase_need_work_order_id", "purchase_need", ["work_order_id"])
    for name, columns in WIDE.items():
        op.drop_index(name, "stock_movement")
        op.create_index(name, "stock_movement", columns)
    with op.batch_alter_table("bay") as batch:  # 8.00 h, the working day every bay had
        batch.add_column(sa.Column("capacity_hours", sa.BigInteger(), nullable=False,
                                   server_default="800"))


def downgrade() -> None:
    with op.batch_alter_table("bay") as batch:
        batch.drop_column("capacity_hours")
    for name, columns in NARROW.items():
        op.drop_index(name, "stock_movement")
        op.create_index(name, "stock_movement", columns)
    op.drop_index("ix_purchase_need_work_order_id", "purchase_need")
    op.drop_index("ix_clock_event_at", "clock_event")
    op.drop_index("ix_work_order_delivered", "work_order")
    op.drop_index("ix_work_order_completed", "work_order")
