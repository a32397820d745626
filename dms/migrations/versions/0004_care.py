"""care: follow-up attempts and per-question scores, the complaint's closing call

Revision ID: 0004_care
Revises: 0003

Attempts let the follow-up queue escalate a customer who cannot be reached after repeated
calls; the scores keep each question's 1–5 answer (the order's satisfaction stays the overall
one); the closing note is what the customer said when the complaint was closed.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0004_care"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("follow_up") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("scores", sa.JSON(), nullable=True))
    with op.batch_alter_table("complaint") as batch:
        batch.add_column(sa.Column("closing_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("complaint") as batch:
        batch.drop_column("closing_note")
    with op.batch_alter_table("follow_up") as batch:
        batch.drop_column("scores")
        batch.drop_column("attempts")
