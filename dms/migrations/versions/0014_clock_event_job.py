"""workshop: the clock events by job, technician and id, in place of the job's index alone, so
that whether a later event follows a clock-on (who is on a job, is a technician on another) is
one look-up whatever the planner's statistics say

Revision ID: 0014_clock_event_job
Revises: 0013_settlement_outstanding
"""
from typing import Sequence, Union

from alembic import op


revision: str = "0014_clock_event_job"
down_revision: Union[str, Sequence[str], None] = "0013_settlement_outstanding"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_clock_event_job", "clock_event",
                    ["labour_line_id", "technician_id", "id"])
    op.drop_index("ix_clock_event_labour_line_id", "clock_event")


def downgrade() -> None:
    op.create_index("ix_clock_event_labour_line_id", "clock_event", ["labour_line_id"])
    op.drop_index("ix_clock_event_job", "clock_event")
