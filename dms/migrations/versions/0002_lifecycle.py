"""lifecycle: invoices kept, refunds, manual discounts apart, store settings, change feed seats

Revision ID: 0002
Revises: 0001

Upgrades a database of release 0001 in place: every invoice number given so far goes into the
invoice table (the current ones from the settlements, the voided ones from the reopen entries
of the audit log), and the discount a line carries today is kept as its manual discount, so
re-pricing an old line never takes a discount away (as 0001's code did).
"""
import json
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

LINE_TABLES = ('labour_line', 'part_line')


def upgrade() -> None:
    for table in LINE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('manual_discount_pct', sa.BigInteger(), nullable=True))
            batch_op.add_column(sa.Column('discount_approved_by_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f(f'fk_{table}_discount_approved_by_id_user_account'), 'user_account',
                ['discount_approved_by_id'], ['id'])
        op.execute(f"UPDATE {table} SET manual_discount_pct = discount_pct "
                   "WHERE payer = 'customer' AND discount_pct > 0")

    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('txid', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_change_log_txid'), ['txid'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_log_at'), ['at'], unique=False)

    op.create_table('change_seat',
    sa.Column('upto', sa.BigInteger(), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_seat'))
    )
    op.create_table('store_setting',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_store_setting_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_store_setting')),
    sa.UniqueConstraint('store_id', 'key', name=op.f('uq_store_setting_store_id_key'))
    )
    with op.batch_alter_table('store_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_store_setting_store_id'), ['store_id'], unique=False)

    op.create_table('invoice',
    sa.Column('settlement_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('voided_by_id', sa.Integer(), nullable=True),
    sa.Column('void_reason', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_invoice_issued_by_id_user_account')),
    sa.ForeignKeyConstraint(['settlement_id'], ['settlement.id'], name=op.f('fk_invoice_settlement_id_settlement')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_invoice_store_id_store')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['user_account.id'], name=op.f('fk_invoice_voided_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_invoice_store_id_number'))
    )
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_settlement_id'), ['settlement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoice_store_id'), ['store_id'], unique=False)

    op.create_table('refund',
    sa.Column('settlement_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('cashier_id', sa.Integer(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('points_returned', sa.Integer(), nullable=False),
    sa.Column('points_taken_back', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_refund_amount_positive')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user_account.id'], name=op.f('fk_refund_approved_by_id_user_account')),
    sa.ForeignKeyConstraint(['cashier_id'], ['user_account.id'], name=op.f('fk_refund_cashier_id_user_account')),
    sa.ForeignKeyConstraint(['settlement_id'], ['settlement.id'], name=op.f('fk_refund_settlement_id_settlement')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_refund_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_refund_store_id_number'))
    )
    with op.batch_alter_table('refund', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_settlement_id'), ['settlement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refund_store_id'), ['store_id'], unique=False)

    op.create_table('refund_line',
    sa.Column('refund_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_refund_line_amount_positive')),
    sa.ForeignKeyConstraint(['refund_id'], ['refund.id'], name=op.f('fk_refund_line_refund_id_refund')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund_line'))
    )
    with op.batch_alter_table('refund_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_line_refund_id'), ['refund_id'], unique=False)

    _keep_invoice_numbers(op.get_bind())


def _keep_invoice_numbers(conn) -> None:
    """The numbers given under 0001: current ones on the settlements, voided ones only in the
    audit log's reopen entries."""
    invoice = sa.table('invoice', *(sa.column(c) for c in (
        'store_id', 'settlement_id', 'number', 'issued_at', 'issued_by_id', 'voided_at',
        'voided_by_id', 'void_reason')))
    rows = []
    settlements = conn.execute(sa.text(
        "SELECT id, store_id, work_order_id, invoice_no, settled_at, presettled_at, cashier_id "
        "FROM settlement")).all()
    by_order = {s.work_order_id: s for s in settlements}
    for s in settlements:
        if s.invoice_no:
            rows.append(dict(store_id=s.store_id, settlement_id=s.id, number=s.invoice_no,
                             issued_at=s.settled_at or s.presettled_at, issued_by_id=s.cashier_id,
                             voided_at=None, voided_by_id=None, void_reason=None))
    current = {(r['store_id'], r['number']) for r in rows}
    for entry in conn.execute(sa.text(
            "SELECT entity_id, at, user_id, reason, data FROM audit_log "
            "WHERE entity = 'work_order' AND action = 'reopen' ORDER BY id")):
        number = json.loads(entry.data or "{}").get('voided_invoice')
        s = by_order.get(entry.entity_id)
        if not number or s is None or (s.store_id, number) in current:
            continue
        current.add((s.store_id, number))
        rows.append(dict(store_id=s.store_id, settlement_id=s.id, number=number,
                         issued_at=entry.at, issued_by_id=None, voided_at=entry.at,
                         voided_by_id=entry.user_id, void_reason=(entry.reason or '')[:200]))
    if rows:
        op.bulk_insert(invoice, rows)


def downgrade() -> None:
    for table in ('refund_line', 'refund', 'invoice', 'store_setting', 'change_seat'):
        op.drop_table(table)
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_at'))
        batch_op.drop_index(batch_op.f('ix_change_log_txid'))
        batch_op.drop_column('txid')
    for table in LINE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f'fk_{table}_discount_approved_by_id_user_account'), type_='foreignkey')
            batch_op.drop_column('discount_approved_by_id')
            batch_op.drop_column('manual_discount_pct')
