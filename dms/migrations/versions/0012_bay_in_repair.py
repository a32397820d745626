"""workshop: an index on the jobs' bay and state, for the question every assignment and
clock-on asks (is another car in repair on this bay?), which otherwise walked the years'
orders

Revision ID: 0012_bay_in_repair
Revises: 0011_store_invoice
"""
from typing import Sequence, Union

from alembic import op


revision: str = "0012_bay_in_repair"
down_revision: Union[str, Sequence[str], None] = "0011_store_invoice"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_labour_line_bay_state", "labour_line", ["bay_id", "state"])


def downgrade() -> None:
    op.drop_index("ix_labour_line_bay_state", "labour_line")
