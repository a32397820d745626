"""store: the seller's invoice details (开票信息): the name on the invoice, the taxpayer ID (the
unified social credit code), address and telephone, bank and account

Revision ID: 0011_store_invoice
Revises: 0010_manager_kpis_bays
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0011_store_invoice"
down_revision: Union[str, Sequence[str], None] = "0010_manager_kpis_bays"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (("invoice_name", 100), ("tax_id", 18), ("invoice_address_phone", 200),
           ("invoice_bank_account", 200))


def upgrade() -> None:
    # ADD COLUMN of a nullable column: SQLite does it in place, no table rebuild.
    with op.batch_alter_table("store") as batch:
        for name, length in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("store") as batch:
        for name, _length in reversed(COLUMNS):
            batch.drop_column(name)
