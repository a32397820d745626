"""front: photos attached at check-in, the customer's signature on the estimate approval, and
why the customer declined work

Revision ID: 0009_front_photos
Revises: 0008_checkin
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0009_front_photos"
down_revision: Union[str, Sequence[str], None] = "0008_checkin"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "checkin_photo",
        sa.Column("work_order_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=100), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("taken_by_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["work_order_id"], ["work_order.id"],
                                name=op.f("fk_checkin_photo_work_order_id_work_order")),
        sa.ForeignKeyConstraint(["taken_by_id"], ["user_account.id"],
                                name=op.f("fk_checkin_photo_taken_by_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_photo")))
    op.create_index(op.f("ix_checkin_photo_work_order_id"), "checkin_photo", ["work_order_id"],
                    unique=False)
    # ADD COLUMN of a nullable column: SQLite does it in place, no table rebuild.
    with op.batch_alter_table("estimate_approval") as batch:
        batch.add_column(sa.Column("signature", sa.Text(), nullable=True))
    with op.batch_alter_table("recommendation") as batch:
        batch.add_column(sa.Column("reason", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("reason_note", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("recommendation") as batch:
        batch.drop_column("reason_note")
        batch.drop_column("reason")
    with op.batch_alter_table("estimate_approval") as batch:
        batch.drop_column("signature")
    op.drop_index(op.f("ix_checkin_photo_work_order_id"), table_name="checkin_photo")
    op.drop_table("checkin_photo")
