"""checkin: the customer's signature on the check-in sheet, drawn on the screen

Revision ID: 0008_checkin
Revises: 0007_counter
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0008_checkin"
down_revision: Union[str, Sequence[str], None] = "0007_counter"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # batch: SQLite rebuilds work_order (dms.migrate turns foreign keys off for it)
    with op.batch_alter_table("work_order") as batch:
        batch.add_column(sa.Column("checkin_signature", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("work_order") as batch:
        batch.drop_column("checkin_signature")
