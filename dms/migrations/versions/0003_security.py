"""security: forced password change, the sign-in throttle, customer.name_key for the lookup

Revision ID: 0003
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # batch: SQLite rebuilds user_account (dms.migrate turns foreign keys off for it)
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("name_key", sa.String(length=100), nullable=True))
        batch.create_index("ix_customer_name_key", ["store_id", "name_key"], unique=False,
                           postgresql_ops={"name_key": "text_pattern_ops"})
    _fill_name_keys()
    op.create_table(
        "sign_in_throttle",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_throttle")),
    )


def _fill_name_keys() -> None:
    """The key of every existing customer, computed in Python like the model does (SQL's
    lower() differs between the backends beyond ASCII), in chunks."""
    from dms.models.crm import name_key

    conn = op.get_bind()
    customer = sa.table("customer", sa.column("id", sa.Integer), sa.column("name", sa.String),
                        sa.column("name_key", sa.String))
    last = 0
    while True:
        rows = conn.execute(sa.select(customer.c.id, customer.c.name).where(customer.c.id > last)
                            .order_by(customer.c.id).limit(1000)).all()
        if not rows:
            return
        conn.execute(customer.update().where(customer.c.id == sa.bindparam("cid"))
                     .values(name_key=sa.bindparam("key")),
                     [{"cid": i, "key": name_key(n)} for i, n in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table("sign_in_throttle")
    with op.batch_alter_table("customer") as batch:
        batch.drop_index("ix_customer_name_key", postgresql_ops={"name_key": "text_pattern_ops"})
        batch.drop_column("name_key")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("must_change_password")
