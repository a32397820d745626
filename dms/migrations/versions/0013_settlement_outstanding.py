"""billing: an index on what each settlement still owes, for the cashier's queue (the orders
with money owed), which otherwise walked the years' settlements at every change

Revision ID: 0013_settlement_outstanding
Revises: 0012_bay_in_repair
"""
from typing import Sequence, Union

from alembic import op


revision: str = "0013_settlement_outstanding"
down_revision: Union[str, Sequence[str], None] = "0012_bay_in_repair"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_settlement_outstanding", "settlement", ["store_id", "outstanding"])


def downgrade() -> None:
    op.drop_index("ix_settlement_outstanding", "settlement")
