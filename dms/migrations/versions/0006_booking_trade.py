"""booking trade: the trade an appointment's work is for, so each kind of bay has a capacity

Revision ID: 0006_booking_trade
Revises: 0005_techterm

Bookings made before this revision have no trade: they count against the store's hours only
(`dms.workshop.appointments.capacities`).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0006_booking_trade"
down_revision: Union[str, Sequence[str], None] = "0005_techterm"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A nullable column is added in place on SQLite too (no batch rebuild of the table).
    op.add_column("appointment", sa.Column("trade", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("appointment") as batch:
        batch.drop_column("trade")
