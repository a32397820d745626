"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 15:09:19.870583

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('change_log',
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log'))
    )
    op.create_table('store',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('logo_path', sa.String(length=300), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_store')),
    sa.UniqueConstraint('code', name=op.f('uq_store_code'))
    )
    op.create_table('bay',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_bay_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bay')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_bay_store_id_code'))
    )
    with op.batch_alter_table('bay', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bay_store_id'), ['store_id'], unique=False)

    op.create_table('customer',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('mobile', sa.String(length=20), nullable=True),
    sa.Column('mobile_rev', sa.String(length=20), nullable=True),
    sa.Column('home_phone', sa.String(length=30), nullable=True),
    sa.Column('office_phone', sa.String(length=30), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('postcode', sa.String(length=10), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=True),
    sa.Column('title', sa.String(length=40), nullable=True),
    sa.Column('id_number', sa.String(length=30), nullable=True),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('email', sa.String(length=100), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_customer_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_customer_store_id_code'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index('ix_customer_mobile', ['store_id', 'mobile'], unique=False, postgresql_ops={'mobile': 'text_pattern_ops'})
        batch_op.create_index('ix_customer_mobile_rev', ['store_id', 'mobile_rev'], unique=False, postgresql_ops={'mobile_rev': 'text_pattern_ops'})
        batch_op.create_index('ix_customer_name', ['store_id', 'name'], unique=False, postgresql_ops={'name': 'text_pattern_ops'})
        batch_op.create_index(batch_op.f('ix_customer_store_id'), ['store_id'], unique=False)

    op.create_table('maintenance_package',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('interval_km', sa.Integer(), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_maintenance_package_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_package')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_maintenance_package_store_id_code'))
    )
    with op.batch_alter_table('maintenance_package', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_maintenance_package_store_id'), ['store_id'], unique=False)

    op.create_table('membership_tier',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('validity_months', sa.Integer(), nullable=False),
    sa.Column('fee', sa.BigInteger(), nullable=False),
    sa.Column('points_threshold', sa.Integer(), nullable=False),
    sa.Column('labour_discount_pct', sa.BigInteger(), nullable=False),
    sa.Column('material_discount_pct', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_membership_tier_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership_tier')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_membership_tier_store_id_code'))
    )
    with op.batch_alter_table('membership_tier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_tier_store_id'), ['store_id'], unique=False)

    op.create_table('number_sequence',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_number_sequence_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_sequence')),
    sa.UniqueConstraint('store_id', 'kind', 'year', name=op.f('uq_number_sequence_store_id_kind_year'))
    )
    with op.batch_alter_table('number_sequence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_number_sequence_store_id'), ['store_id'], unique=False)

    op.create_table('price_class',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('hourly_rate', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_price_class_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_class')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_price_class_store_id_code'))
    )
    with op.batch_alter_table('price_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_price_class_store_id'), ['store_id'], unique=False)

    op.create_table('supplier',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.String(length=60), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_supplier_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_supplier_store_id_code'))
    )
    with op.batch_alter_table('supplier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supplier_store_id'), ['store_id'], unique=False)

    op.create_table('tool',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_tool_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_tool_store_id_code'))
    )
    with op.batch_alter_table('tool', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_store_id'), ['store_id'], unique=False)

    op.create_table('user_account',
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('team', sa.String(length=40), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_user_account_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_store_id'), ['store_id'], unique=False)

    op.create_table('warehouse',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_warehouse_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warehouse')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_warehouse_store_id_code'))
    )
    with op.batch_alter_table('warehouse', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_warehouse_store_id'), ['store_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=True),
    sa.Column('to_state', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('data', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_audit_log_store_id_store')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_audit_log_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_store_id'), ['store_id'], unique=False)

    op.create_table('campaign',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('labour_code', sa.String(length=20), nullable=True),
    sa.Column('labour_text', sa.String(length=200), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('campaign', 'recall')", name=op.f('ck_campaign_kind')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_campaign_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_campaign_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_campaign_store_id_code'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_store_id'), ['store_id'], unique=False)

    op.create_table('labour_operation',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('trade', sa.String(length=20), nullable=False),
    sa.Column('standard_hours', sa.BigInteger(), nullable=False),
    sa.Column('price_class_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['price_class_id'], ['price_class.id'], name=op.f('fk_labour_operation_price_class_id_price_class')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_labour_operation_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_operation')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_labour_operation_store_id_code'))
    )
    with op.batch_alter_table('labour_operation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_labour_operation_store_id'), ['store_id'], unique=False)

    op.create_table('maintenance_package_item',
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['maintenance_package.id'], name=op.f('fk_maintenance_package_item_package_id_maintenance_package'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_package_item'))
    )
    with op.batch_alter_table('maintenance_package_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_maintenance_package_item_package_id'), ['package_id'], unique=False)

    op.create_table('membership',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=False),
    sa.Column('card_no', sa.String(length=30), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('points_balance', sa.Integer(), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_membership_customer_id_customer')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_membership_store_id_store')),
    sa.ForeignKeyConstraint(['tier_id'], ['membership_tier.id'], name=op.f('fk_membership_tier_id_membership_tier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('store_id', 'card_no', name=op.f('uq_membership_store_id_card_no'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_store_id'), ['store_id'], unique=False)

    op.create_table('part',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('brand', sa.String(length=40), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=True),
    sa.Column('subcategory', sa.String(length=40), nullable=True),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('fits_models', sa.String(length=200), nullable=True),
    sa.Column('genuine', sa.Boolean(), nullable=False),
    sa.Column('origin', sa.String(length=40), nullable=True),
    sa.Column('supplier_id', sa.Integer(), nullable=True),
    sa.Column('sale_price', sa.BigInteger(), nullable=False),
    sa.Column('avg_cost', sa.BigInteger(), nullable=False),
    sa.Column('reorder_threshold', sa.BigInteger(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_part_store_id_store')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_part_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_part_store_id_code'))
    )
    with op.batch_alter_table('part', schema=None) as batch_op:
        batch_op.create_index('ix_part_name', ['store_id', 'name'], unique=False)
        batch_op.create_index(batch_op.f('ix_part_store_id'), ['store_id'], unique=False)

    op.create_table('stocktake',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=True),
    sa.Column('posted_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['posted_by_id'], ['user_account.id'], name=op.f('fk_stocktake_posted_by_id_user_account')),
    sa.ForeignKeyConstraint(['started_by_id'], ['user_account.id'], name=op.f('fk_stocktake_started_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_stocktake_store_id_store')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouse.id'], name=op.f('fk_stocktake_warehouse_id_warehouse')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stocktake')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_stocktake_store_id_number'))
    )
    with op.batch_alter_table('stocktake', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stocktake_store_id'), ['store_id'], unique=False)

    op.create_table('tool_maintenance',
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tool.id'], name=op.f('fk_tool_maintenance_tool_id_tool')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_tool_maintenance_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_maintenance'))
    )
    with op.batch_alter_table('tool_maintenance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_maintenance_tool_id'), ['tool_id'], unique=False)

    op.create_table('transfer',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('from_warehouse_id', sa.Integer(), nullable=False),
    sa.Column('to_warehouse_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('received_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_warehouse_id'], ['warehouse.id'], name=op.f('fk_transfer_from_warehouse_id_warehouse')),
    sa.ForeignKeyConstraint(['received_by_id'], ['user_account.id'], name=op.f('fk_transfer_received_by_id_user_account')),
    sa.ForeignKeyConstraint(['sent_by_id'], ['user_account.id'], name=op.f('fk_transfer_sent_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_transfer_store_id_store')),
    sa.ForeignKeyConstraint(['to_warehouse_id'], ['warehouse.id'], name=op.f('fk_transfer_to_warehouse_id_warehouse')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_transfer_store_id_number'))
    )
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_store_id'), ['store_id'], unique=False)

    op.create_table('user_role',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_role_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_user_role'))
    )
    op.create_table('vehicle',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('plate', sa.String(length=12), nullable=True),
    sa.Column('plate_rev', sa.String(length=12), nullable=True),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('vin_rev', sa.String(length=17), nullable=False),
    sa.Column('vin_warning_overridden_by_id', sa.Integer(), nullable=True),
    sa.Column('vin_warning_overridden_at', sa.DateTime(), nullable=True),
    sa.Column('brand', sa.String(length=40), nullable=True),
    sa.Column('series', sa.String(length=40), nullable=True),
    sa.Column('model_code', sa.String(length=40), nullable=True),
    sa.Column('model_year', sa.Integer(), nullable=True),
    sa.Column('engine_no', sa.String(length=40), nullable=True),
    sa.Column('engine_model', sa.String(length=40), nullable=True),
    sa.Column('transmission', sa.String(length=40), nullable=True),
    sa.Column('key_no', sa.String(length=40), nullable=True),
    sa.Column('displacement', sa.String(length=10), nullable=True),
    sa.Column('colour', sa.String(length=20), nullable=True),
    sa.Column('fuel_type', sa.String(length=20), nullable=True),
    sa.Column('production_date', sa.Date(), nullable=True),
    sa.Column('purchase_date', sa.Date(), nullable=True),
    sa.Column('purchase_mileage', sa.Integer(), nullable=True),
    sa.Column('selling_dealer', sa.String(length=100), nullable=True),
    sa.Column('usage', sa.String(length=20), nullable=True),
    sa.Column('mileage', sa.Integer(), nullable=True),
    sa.Column('mileage_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_vehicle_customer_id_customer')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_vehicle_store_id_store')),
    sa.ForeignKeyConstraint(['vin_warning_overridden_by_id'], ['user_account.id'], name=op.f('fk_vehicle_vin_warning_overridden_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle')),
    sa.UniqueConstraint('store_id', 'plate', name=op.f('uq_vehicle_store_id_plate')),
    sa.UniqueConstraint('vin', name=op.f('uq_vehicle_vin'))
    )
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_vehicle_plate', ['store_id', 'plate'], unique=False, postgresql_ops={'plate': 'text_pattern_ops'})
        batch_op.create_index('ix_vehicle_plate_rev', ['store_id', 'plate_rev'], unique=False, postgresql_ops={'plate_rev': 'text_pattern_ops'})
        batch_op.create_index(batch_op.f('ix_vehicle_store_id'), ['store_id'], unique=False)
        batch_op.create_index('ix_vehicle_vin_rev', ['vin_rev'], unique=False, postgresql_ops={'vin_rev': 'text_pattern_ops'})

    op.create_table('appointment',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('contact_name', sa.String(length=60), nullable=True),
    sa.Column('contact_phone', sa.String(length=20), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('requested_work', sa.Text(), nullable=False),
    sa.Column('booked_for', sa.DateTime(), nullable=False),
    sa.Column('planned_hours', sa.BigInteger(), nullable=True),
    sa.Column('estimate', sa.BigInteger(), nullable=True),
    sa.Column('taken_by_id', sa.Integer(), nullable=False),
    sa.Column('advisor_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.Column('arrived_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['advisor_id'], ['user_account.id'], name=op.f('fk_appointment_advisor_id_user_account')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_appointment_customer_id_customer')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_appointment_store_id_store')),
    sa.ForeignKeyConstraint(['taken_by_id'], ['user_account.id'], name=op.f('fk_appointment_taken_by_id_user_account')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_appointment_updated_by_id_user_account')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_appointment_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_appointment_store_id_number'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_booked', ['store_id', 'booked_for'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('bin',
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('locked_by_stocktake_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['locked_by_stocktake_id'], ['stocktake.id'], name=op.f('fk_bin_locked_by_stocktake_id_stocktake')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouse.id'], name=op.f('fk_bin_warehouse_id_warehouse')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bin')),
    sa.UniqueConstraint('warehouse_id', 'code', name=op.f('uq_bin_warehouse_id_code'))
    )
    op.create_table('insurance_policy',
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('insurer', sa.String(length=60), nullable=False),
    sa.Column('policy_no', sa.String(length=40), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('expiry_date', sa.Date(), nullable=False),
    sa.Column('insured_amount', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_insurance_policy_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_policy'))
    )
    with op.batch_alter_table('insurance_policy', schema=None) as batch_op:
        batch_op.create_index('ix_insurance_policy_expiry', ['expiry_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_insurance_policy_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('membership_event',
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('from_tier_id', sa.Integer(), nullable=True),
    sa.Column('to_tier_id', sa.Integer(), nullable=True),
    sa.Column('fee', sa.BigInteger(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['from_tier_id'], ['membership_tier.id'], name=op.f('fk_membership_event_from_tier_id_membership_tier')),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_membership_event_membership_id_membership')),
    sa.ForeignKeyConstraint(['to_tier_id'], ['membership_tier.id'], name=op.f('fk_membership_event_to_tier_id_membership_tier')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_membership_event_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership_event'))
    )
    with op.batch_alter_table('membership_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_event_membership_id'), ['membership_id'], unique=False)

    op.create_table('part_barcode',
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('barcode', sa.String(length=60), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_part_barcode_part_id_part'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_part_barcode_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part_barcode')),
    sa.UniqueConstraint('store_id', 'barcode', name=op.f('uq_part_barcode_store_id_barcode'))
    )
    with op.batch_alter_table('part_barcode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_part_barcode_part_id'), ['part_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_part_barcode_store_id'), ['store_id'], unique=False)

    op.create_table('transfer_line',
    sa.Column('transfer_id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_transfer_line_part_id_part')),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfer.id'], name=op.f('fk_transfer_line_transfer_id_transfer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer_line'))
    )
    with op.batch_alter_table('transfer_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_line_transfer_id'), ['transfer_id'], unique=False)

    op.create_table('vehicle_ownership',
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('from_date', sa.Date(), nullable=False),
    sa.Column('to_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_vehicle_ownership_customer_id_customer')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_vehicle_ownership_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle_ownership'))
    )
    with op.batch_alter_table('vehicle_ownership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_ownership_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vehicle_ownership_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('appointment_part',
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_appointment_part_appointment_id_appointment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_appointment_part_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_part'))
    )
    with op.batch_alter_table('appointment_part', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_part_appointment_id'), ['appointment_id'], unique=False)

    op.create_table('reminder',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('due_mileage', sa.Integer(), nullable=True),
    sa.Column('advisor_id', sa.Integer(), nullable=True),
    sa.Column('method', sa.String(length=20), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.Column('reminded_by_id', sa.Integer(), nullable=True),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['advisor_id'], ['user_account.id'], name=op.f('fk_reminder_advisor_id_user_account')),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_reminder_appointment_id_appointment')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_reminder_customer_id_customer')),
    sa.ForeignKeyConstraint(['reminded_by_id'], ['user_account.id'], name=op.f('fk_reminder_reminded_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_reminder_store_id_store')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_reminder_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder'))
    )
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_reminder_due', ['store_id', 'kind', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_store_id'), ['store_id'], unique=False)

    op.create_table('stock',
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=True),
    sa.Column('on_hand', sa.BigInteger(), nullable=False),
    sa.Column('reserved', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('on_hand >= 0', name=op.f('ck_stock_on_hand_not_negative')),
    sa.CheckConstraint('reserved >= 0', name=op.f('ck_stock_reserved_not_negative')),
    sa.ForeignKeyConstraint(['bin_id'], ['bin.id'], name=op.f('fk_stock_bin_id_bin')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_stock_part_id_part')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouse.id'], name=op.f('fk_stock_warehouse_id_warehouse')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock')),
    sa.UniqueConstraint('part_id', 'warehouse_id', name=op.f('uq_stock_part_id_warehouse_id'))
    )
    with op.batch_alter_table('stock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('stocktake_line',
    sa.Column('stocktake_id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=True),
    sa.Column('book_qty', sa.BigInteger(), nullable=False),
    sa.Column('counted_qty', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bin_id'], ['bin.id'], name=op.f('fk_stocktake_line_bin_id_bin')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_stocktake_line_part_id_part')),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktake.id'], name=op.f('fk_stocktake_line_stocktake_id_stocktake'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stocktake_line')),
    sa.UniqueConstraint('stocktake_id', 'part_id', name=op.f('uq_stocktake_line_stocktake_id_part_id'))
    )
    op.create_table('work_order',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('advisor_id', sa.Integer(), nullable=False),
    sa.Column('business_type', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('paused_from', sa.String(length=12), nullable=True),
    sa.Column('pause_reason', sa.String(length=20), nullable=True),
    sa.Column('delivered_by_name', sa.String(length=60), nullable=True),
    sa.Column('delivered_by_phone', sa.String(length=20), nullable=True),
    sa.Column('entry_at', sa.DateTime(), nullable=False),
    sa.Column('entry_mileage', sa.Integer(), nullable=False),
    sa.Column('odometer_change_note', sa.Text(), nullable=True),
    sa.Column('fuel_level', sa.Integer(), nullable=True),
    sa.Column('complaint', sa.Text(), nullable=True),
    sa.Column('documents_kept', sa.Text(), nullable=True),
    sa.Column('valuables', sa.Text(), nullable=True),
    sa.Column('damage_marks', sa.Text(), nullable=True),
    sa.Column('estimated_amount', sa.BigInteger(), nullable=True),
    sa.Column('promised_at', sa.DateTime(), nullable=True),
    sa.Column('last_visit_at', sa.DateTime(), nullable=True),
    sa.Column('last_visit_mileage', sa.Integer(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('delay_reason', sa.Text(), nullable=True),
    sa.Column('delivered_at', sa.DateTime(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['advisor_id'], ['user_account.id'], name=op.f('fk_work_order_advisor_id_user_account')),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_work_order_appointment_id_appointment')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_work_order_customer_id_customer')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_work_order_store_id_store')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_work_order_updated_by_id_user_account')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_work_order_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_order')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_work_order_store_id_number'))
    )
    with op.batch_alter_table('work_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_order_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_work_order_entry', ['store_id', 'entry_at'], unique=False)
        batch_op.create_index('ix_work_order_state', ['store_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_order_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_order_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('campaign_vehicle',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('done_work_order_id', sa.Integer(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'done')", name=op.f('ck_campaign_vehicle_status')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_campaign_vehicle_campaign_id_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['done_by_id'], ['user_account.id'], name=op.f('fk_campaign_vehicle_done_by_id_user_account')),
    sa.ForeignKeyConstraint(['done_work_order_id'], ['work_order.id'], name=op.f('fk_campaign_vehicle_done_work_order_id_work_order')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_campaign_vehicle_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_vehicle')),
    sa.UniqueConstraint('campaign_id', 'vin', name=op.f('uq_campaign_vehicle_campaign_id_vin'))
    )
    with op.batch_alter_table('campaign_vehicle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_vehicle_vehicle_id'), ['vehicle_id'], unique=False)
        batch_op.create_index('ix_campaign_vehicle_vin', ['vin', 'status'], unique=False)

    op.create_table('estimate',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('labour_total', sa.BigInteger(), nullable=False),
    sa.Column('parts_total', sa.BigInteger(), nullable=False),
    sa.Column('fees_total', sa.BigInteger(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('customer_share', sa.BigInteger(), nullable=False),
    sa.Column('valid_until', sa.DateTime(), nullable=True),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_estimate_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_estimate_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_estimate')),
    sa.UniqueConstraint('work_order_id', 'version', name=op.f('uq_estimate_work_order_id_version'))
    )
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_estimate_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('fee',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('description', sa.String(length=100), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('payer', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_fee_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee'))
    )
    with op.batch_alter_table('fee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fee_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('issue', sa.Text(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('satisfaction BETWEEN 1 AND 5', name=op.f('ck_follow_up_satisfaction')),
    sa.ForeignKeyConstraint(['agent_id'], ['user_account.id'], name=op.f('fk_follow_up_agent_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_follow_up_store_id_store')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_follow_up_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index('ix_follow_up_due', ['store_id', 'status', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('gate_pass',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=False),
    sa.Column('released_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_gate_pass_issued_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_gate_pass_store_id_store')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_gate_pass_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gate_pass')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_gate_pass_store_id_number')),
    sa.UniqueConstraint('work_order_id', name=op.f('uq_gate_pass_work_order_id'))
    )
    with op.batch_alter_table('gate_pass', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gate_pass_store_id'), ['store_id'], unique=False)

    op.create_table('insurance_claim',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('insurer', sa.String(length=60), nullable=False),
    sa.Column('payer_company', sa.String(length=60), nullable=True),
    sa.Column('report_no', sa.String(length=40), nullable=False),
    sa.Column('assessed_amount', sa.BigInteger(), nullable=True),
    sa.Column('deductible', sa.BigInteger(), nullable=False),
    sa.Column('injury', sa.Boolean(), nullable=False),
    sa.Column('property_damage', sa.Boolean(), nullable=False),
    sa.Column('towing', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_insurance_claim_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_claim')),
    sa.UniqueConstraint('work_order_id', name=op.f('uq_insurance_claim_work_order_id'))
    )
    op.create_table('labour_line',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('trade', sa.String(length=20), nullable=False),
    sa.Column('standard_hours', sa.BigInteger(), nullable=False),
    sa.Column('billed_hours', sa.BigInteger(), nullable=False),
    sa.Column('price_class_id', sa.Integer(), nullable=False),
    sa.Column('rate', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('discount_pct', sa.BigInteger(), nullable=False),
    sa.Column('discount', sa.BigInteger(), nullable=False),
    sa.Column('net', sa.BigInteger(), nullable=False),
    sa.Column('payer', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('approval', sa.String(length=10), nullable=False),
    sa.Column('added_work', sa.Boolean(), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('bay_id', sa.Integer(), nullable=True),
    sa.Column('technician_id', sa.Integer(), nullable=True),
    sa.Column('team_lead_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('billed_hours >= 0', name=op.f('ck_labour_line_billed_hours')),
    sa.ForeignKeyConstraint(['bay_id'], ['bay.id'], name=op.f('fk_labour_line_bay_id_bay')),
    sa.ForeignKeyConstraint(['operation_id'], ['labour_operation.id'], name=op.f('fk_labour_line_operation_id_labour_operation')),
    sa.ForeignKeyConstraint(['price_class_id'], ['price_class.id'], name=op.f('fk_labour_line_price_class_id_price_class')),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['user_account.id'], name=op.f('fk_labour_line_proposed_by_id_user_account')),
    sa.ForeignKeyConstraint(['team_lead_id'], ['user_account.id'], name=op.f('fk_labour_line_team_lead_id_user_account')),
    sa.ForeignKeyConstraint(['technician_id'], ['user_account.id'], name=op.f('fk_labour_line_technician_id_user_account')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_labour_line_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_line'))
    )
    with op.batch_alter_table('labour_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_labour_line_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('maintenance_plan_item',
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('due_mileage', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('done_mileage', sa.Integer(), nullable=True),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['maintenance_package.id'], name=op.f('fk_maintenance_plan_item_package_id_maintenance_package')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_maintenance_plan_item_vehicle_id_vehicle')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_maintenance_plan_item_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_plan_item'))
    )
    with op.batch_alter_table('maintenance_plan_item', schema=None) as batch_op:
        batch_op.create_index('ix_maintenance_plan_item_due', ['status', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_maintenance_plan_item_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('points_entry',
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_points_entry_membership_id_membership')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_points_entry_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_entry'))
    )
    with op.batch_alter_table('points_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_entry_membership_id'), ['membership_id'], unique=False)

    op.create_table('purchase_need',
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_purchase_need_appointment_id_appointment')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_purchase_need_part_id_part')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_purchase_need_store_id_store')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_purchase_need_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_need'))
    )
    with op.batch_alter_table('purchase_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_need_part_id'), ['part_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purchase_need_store_id'), ['store_id'], unique=False)

    op.create_table('qc_inspection',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('rework_owner_id', sa.Integer(), nullable=True),
    sa.Column('penalty', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['inspector_id'], ['user_account.id'], name=op.f('fk_qc_inspection_inspector_id_user_account')),
    sa.ForeignKeyConstraint(['rework_owner_id'], ['user_account.id'], name=op.f('fk_qc_inspection_rework_owner_id_user_account')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_qc_inspection_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qc_inspection'))
    )
    with op.batch_alter_table('qc_inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qc_inspection_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('recommendation',
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('estimated_amount', sa.BigInteger(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('done_work_order_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['done_work_order_id'], ['work_order.id'], name=op.f('fk_recommendation_done_work_order_id_work_order')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_recommendation_store_id_store')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_recommendation_vehicle_id_vehicle')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_recommendation_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation'))
    )
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('settlement',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('presettled_at', sa.DateTime(), nullable=False),
    sa.Column('presettled_by_id', sa.Integer(), nullable=False),
    sa.Column('labour_receivable', sa.BigInteger(), nullable=False),
    sa.Column('labour_net', sa.BigInteger(), nullable=False),
    sa.Column('material_receivable', sa.BigInteger(), nullable=False),
    sa.Column('material_net', sa.BigInteger(), nullable=False),
    sa.Column('management_fee', sa.BigInteger(), nullable=False),
    sa.Column('auxiliary_fee', sa.BigInteger(), nullable=False),
    sa.Column('subcontract_fee', sa.BigInteger(), nullable=False),
    sa.Column('rescue_fee', sa.BigInteger(), nullable=False),
    sa.Column('other_fee', sa.BigInteger(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('customer_share', sa.BigInteger(), nullable=False),
    sa.Column('insurance_share', sa.BigInteger(), nullable=False),
    sa.Column('warranty_share', sa.BigInteger(), nullable=False),
    sa.Column('internal_share', sa.BigInteger(), nullable=False),
    sa.Column('points_redeemed', sa.Integer(), nullable=False),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('outstanding', sa.BigInteger(), nullable=False),
    sa.Column('invoice_no', sa.String(length=30), nullable=True),
    sa.Column('settled_at', sa.DateTime(), nullable=True),
    sa.Column('cashier_id', sa.Integer(), nullable=True),
    sa.Column('credit_approved_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('received >= 0', name=op.f('ck_settlement_received_not_negative')),
    sa.ForeignKeyConstraint(['cashier_id'], ['user_account.id'], name=op.f('fk_settlement_cashier_id_user_account')),
    sa.ForeignKeyConstraint(['credit_approved_by_id'], ['user_account.id'], name=op.f('fk_settlement_credit_approved_by_id_user_account')),
    sa.ForeignKeyConstraint(['presettled_by_id'], ['user_account.id'], name=op.f('fk_settlement_presettled_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_settlement_store_id_store')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_settlement_updated_by_id_user_account')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_settlement_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settlement')),
    sa.UniqueConstraint('store_id', 'invoice_no', name=op.f('uq_settlement_store_id_invoice_no')),
    sa.UniqueConstraint('work_order_id', name=op.f('uq_settlement_work_order_id'))
    )
    with op.batch_alter_table('settlement', schema=None) as batch_op:
        batch_op.create_index('ix_settlement_settled', ['store_id', 'settled_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_settlement_store_id'), ['store_id'], unique=False)

    op.create_table('tool_checkout',
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('borrower_id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('out_at', sa.DateTime(), nullable=False),
    sa.Column('in_at', sa.DateTime(), nullable=True),
    sa.Column('damage_report', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['borrower_id'], ['user_account.id'], name=op.f('fk_tool_checkout_borrower_id_user_account')),
    sa.ForeignKeyConstraint(['tool_id'], ['tool.id'], name=op.f('fk_tool_checkout_tool_id_tool')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_tool_checkout_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_checkout'))
    )
    with op.batch_alter_table('tool_checkout', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_checkout_tool_id'), ['tool_id'], unique=False)

    op.create_table('clock_event',
    sa.Column('labour_line_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=100), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['labour_line_id'], ['labour_line.id'], name=op.f('fk_clock_event_labour_line_id_labour_line')),
    sa.ForeignKeyConstraint(['technician_id'], ['user_account.id'], name=op.f('fk_clock_event_technician_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clock_event'))
    )
    with op.batch_alter_table('clock_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clock_event_labour_line_id'), ['labour_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clock_event_technician_id'), ['technician_id'], unique=False)

    op.create_table('complaint',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('follow_up_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('deadline', sa.DateTime(), nullable=True),
    sa.Column('escalation_level', sa.Integer(), nullable=False),
    sa.Column('escalated_at', sa.DateTime(), nullable=True),
    sa.Column('root_cause', sa.Text(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('prevention', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_complaint_customer_id_customer')),
    sa.ForeignKeyConstraint(['follow_up_id'], ['follow_up.id'], name=op.f('fk_complaint_follow_up_id_follow_up')),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_complaint_owner_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_complaint_store_id_store')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_complaint_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_complaint_store_id_number'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_complaint_open', ['store_id', 'status', 'deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_store_id'), ['store_id'], unique=False)

    op.create_table('dispatch_assignment',
    sa.Column('labour_line_id', sa.Integer(), nullable=False),
    sa.Column('bay_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('team_lead_id', sa.Integer(), nullable=True),
    sa.Column('planned_hours', sa.BigInteger(), nullable=True),
    sa.Column('planned_start', sa.DateTime(), nullable=True),
    sa.Column('planned_end', sa.DateTime(), nullable=True),
    sa.Column('dispatcher_id', sa.Integer(), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('equipment', sa.String(length=200), nullable=True),
    sa.Column('assigned_at', sa.DateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bay_id'], ['bay.id'], name=op.f('fk_dispatch_assignment_bay_id_bay')),
    sa.ForeignKeyConstraint(['dispatcher_id'], ['user_account.id'], name=op.f('fk_dispatch_assignment_dispatcher_id_user_account')),
    sa.ForeignKeyConstraint(['labour_line_id'], ['labour_line.id'], name=op.f('fk_dispatch_assignment_labour_line_id_labour_line')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['user_account.id'], name=op.f('fk_dispatch_assignment_supervisor_id_user_account')),
    sa.ForeignKeyConstraint(['team_lead_id'], ['user_account.id'], name=op.f('fk_dispatch_assignment_team_lead_id_user_account')),
    sa.ForeignKeyConstraint(['technician_id'], ['user_account.id'], name=op.f('fk_dispatch_assignment_technician_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_assignment'))
    )
    with op.batch_alter_table('dispatch_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_assignment_bay_id'), ['bay_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_assignment_labour_line_id'), ['labour_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_assignment_technician_id'), ['technician_id'], unique=False)

    op.create_table('estimate_approval',
    sa.Column('estimate_id', sa.Integer(), nullable=False),
    sa.Column('approved_by_name', sa.String(length=60), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('declined_lines', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['estimate_id'], ['estimate.id'], name=op.f('fk_estimate_approval_estimate_id_estimate')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_estimate_approval_recorded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_estimate_approval'))
    )
    with op.batch_alter_table('estimate_approval', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_estimate_approval_estimate_id'), ['estimate_id'], unique=False)

    op.create_table('part_line',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('labour_line_id', sa.Integer(), nullable=True),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('qty_issued', sa.BigInteger(), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('discount_pct', sa.BigInteger(), nullable=False),
    sa.Column('discount', sa.BigInteger(), nullable=False),
    sa.Column('net', sa.BigInteger(), nullable=False),
    sa.Column('payer', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('approval', sa.String(length=10), nullable=False),
    sa.Column('added_work', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('qty > 0', name=op.f('ck_part_line_qty_positive')),
    sa.CheckConstraint('qty_issued >= 0', name=op.f('ck_part_line_qty_issued')),
    sa.ForeignKeyConstraint(['labour_line_id'], ['labour_line.id'], name=op.f('fk_part_line_labour_line_id_labour_line')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_part_line_part_id_part')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_part_line_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part_line'))
    )
    with op.batch_alter_table('part_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_part_line_part_id'), ['part_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_part_line_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('payment',
    sa.Column('settlement_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('cashier_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_payment_amount_positive')),
    sa.ForeignKeyConstraint(['cashier_id'], ['user_account.id'], name=op.f('fk_payment_cashier_id_user_account')),
    sa.ForeignKeyConstraint(['settlement_id'], ['settlement.id'], name=op.f('fk_payment_settlement_id_settlement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_settlement_id'), ['settlement_id'], unique=False)

    op.create_table('old_part',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('part_line_id', sa.Integer(), nullable=True),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('disposition', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('location', sa.String(length=40), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_old_part_part_id_part')),
    sa.ForeignKeyConstraint(['part_line_id'], ['part_line.id'], name=op.f('fk_old_part_part_line_id_part_line')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_old_part_store_id_store')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_old_part_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_old_part'))
    )
    with op.batch_alter_table('old_part', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_old_part_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_old_part_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('reservation',
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('part_line_id', sa.Integer(), nullable=True),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_reservation_appointment_id_appointment')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_reservation_part_id_part')),
    sa.ForeignKeyConstraint(['part_line_id'], ['part_line.id'], name=op.f('fk_reservation_part_line_id_part_line')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouse.id'], name=op.f('fk_reservation_warehouse_id_warehouse')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reservation'))
    )
    with op.batch_alter_table('reservation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reservation_appointment_id'), ['appointment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reservation_part_id'), ['part_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reservation_part_line_id'), ['part_line_id'], unique=False)

    op.create_table('stock_movement',
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('unit_cost', sa.BigInteger(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('received_by', sa.String(length=60), nullable=True),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('part_line_id', sa.Integer(), nullable=True),
    sa.Column('supplier_id', sa.Integer(), nullable=True),
    sa.Column('transfer_id', sa.Integer(), nullable=True),
    sa.Column('stocktake_id', sa.Integer(), nullable=True),
    sa.Column('batch', sa.String(length=40), nullable=True),
    sa.Column('reference', sa.String(length=60), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bin_id'], ['bin.id'], name=op.f('fk_stock_movement_bin_id_bin')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_stock_movement_part_id_part')),
    sa.ForeignKeyConstraint(['part_line_id'], ['part_line.id'], name=op.f('fk_stock_movement_part_line_id_part_line')),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktake.id'], name=op.f('fk_stock_movement_stocktake_id_stocktake')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_stock_movement_store_id_store')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_stock_movement_supplier_id_supplier')),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfer.id'], name=op.f('fk_stock_movement_transfer_id_transfer')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_stock_movement_user_id_user_account')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouse.id'], name=op.f('fk_stock_movement_warehouse_id_warehouse')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_stock_movement_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movement'))
    )
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movement_at', ['store_id', 'at'], unique=False)
        batch_op.create_index('ix_stock_movement_part', ['part_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('old_part_event',
    sa.Column('old_part_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('location', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['old_part_id'], ['old_part.id'], name=op.f('fk_old_part_event_old_part_id_old_part'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_old_part_event_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_old_part_event'))
    )
    with op.batch_alter_table('old_part_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_old_part_event_old_part_id'), ['old_part_id'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('old_part_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_old_part_event_old_part_id'))

    op.drop_table('old_part_event')
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_movement_work_order_id'))
        batch_op.drop_index(batch_op.f('ix_stock_movement_store_id'))
        batch_op.drop_index('ix_stock_movement_part')
        batch_op.drop_index('ix_stock_movement_at')

    op.drop_table('stock_movement')
    with op.batch_alter_table('reservation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reservation_part_line_id'))
        batch_op.drop_index(batch_op.f('ix_reservation_part_id'))
        batch_op.drop_index(batch_op.f('ix_reservation_appointment_id'))

    op.drop_table('reservation')
    with op.batch_alter_table('old_part', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_old_part_work_order_id'))
        batch_op.drop_index(batch_op.f('ix_old_part_store_id'))

    op.drop_table('old_part')
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_settlement_id'))

    op.drop_table('payment')
    with op.batch_alter_table('part_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_part_line_work_order_id'))
        batch_op.drop_index(batch_op.f('ix_part_line_part_id'))

    op.drop_table('part_line')
    with op.batch_alter_table('estimate_approval', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_estimate_approval_estimate_id'))

    op.drop_table('estimate_approval')
    with op.batch_alter_table('dispatch_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_assignment_technician_id'))
        batch_op.drop_index(batch_op.f('ix_dispatch_assignment_labour_line_id'))
        batch_op.drop_index(batch_op.f('ix_dispatch_assignment_bay_id'))

    op.drop_table('dispatch_assignment')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_store_id'))
        batch_op.drop_index('ix_complaint_open')
        batch_op.drop_index(batch_op.f('ix_complaint_customer_id'))

    op.drop_table('complaint')
    with op.batch_alter_table('clock_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clock_event_technician_id'))
        batch_op.drop_index(batch_op.f('ix_clock_event_labour_line_id'))

    op.drop_table('clock_event')
    with op.batch_alter_table('tool_checkout', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_checkout_tool_id'))

    op.drop_table('tool_checkout')
    with op.batch_alter_table('settlement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_settlement_store_id'))
        batch_op.drop_index('ix_settlement_settled')

    op.drop_table('settlement')
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_recommendation_store_id'))

    op.drop_table('recommendation')
    with op.batch_alter_table('qc_inspection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qc_inspection_work_order_id'))

    op.drop_table('qc_inspection')
    with op.batch_alter_table('purchase_need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_need_store_id'))
        batch_op.drop_index(batch_op.f('ix_purchase_need_part_id'))

    op.drop_table('purchase_need')
    with op.batch_alter_table('points_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_entry_membership_id'))

    op.drop_table('points_entry')
    with op.batch_alter_table('maintenance_plan_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maintenance_plan_item_vehicle_id'))
        batch_op.drop_index('ix_maintenance_plan_item_due')

    op.drop_table('maintenance_plan_item')
    with op.batch_alter_table('labour_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_labour_line_work_order_id'))

    op.drop_table('labour_line')
    op.drop_table('insurance_claim')
    with op.batch_alter_table('gate_pass', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gate_pass_store_id'))

    op.drop_table('gate_pass')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_work_order_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_store_id'))
        batch_op.drop_index('ix_follow_up_due')

    op.drop_table('follow_up')
    with op.batch_alter_table('fee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fee_work_order_id'))

    op.drop_table('fee')
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_estimate_work_order_id'))

    op.drop_table('estimate')
    with op.batch_alter_table('campaign_vehicle', schema=None) as batch_op:
        batch_op.drop_index('ix_campaign_vehicle_vin')
        batch_op.drop_index(batch_op.f('ix_campaign_vehicle_vehicle_id'))

    op.drop_table('campaign_vehicle')
    with op.batch_alter_table('work_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_order_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_work_order_store_id'))
        batch_op.drop_index('ix_work_order_state')
        batch_op.drop_index('ix_work_order_entry')
        batch_op.drop_index(batch_op.f('ix_work_order_customer_id'))

    op.drop_table('work_order')
    op.drop_table('stocktake_line')
    with op.batch_alter_table('stock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_warehouse_id'))

    op.drop_table('stock')
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_store_id'))
        batch_op.drop_index('ix_reminder_due')
        batch_op.drop_index(batch_op.f('ix_reminder_customer_id'))

    op.drop_table('reminder')
    with op.batch_alter_table('appointment_part', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_part_appointment_id'))

    op.drop_table('appointment_part')
    with op.batch_alter_table('vehicle_ownership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicle_ownership_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_vehicle_ownership_customer_id'))

    op.drop_table('vehicle_ownership')
    with op.batch_alter_table('transfer_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_line_transfer_id'))

    op.drop_table('transfer_line')
    with op.batch_alter_table('part_barcode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_part_barcode_store_id'))
        batch_op.drop_index(batch_op.f('ix_part_barcode_part_id'))

    op.drop_table('part_barcode')
    with op.batch_alter_table('membership_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_event_membership_id'))

    op.drop_table('membership_event')
    with op.batch_alter_table('insurance_policy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_insurance_policy_vehicle_id'))
        batch_op.drop_index('ix_insurance_policy_expiry')

    op.drop_table('insurance_policy')
    op.drop_table('bin')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_appointment_store_id'))
        batch_op.drop_index(batch_op.f('ix_appointment_customer_id'))
        batch_op.drop_index('ix_appointment_booked')

    op.drop_table('appointment')
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_index('ix_vehicle_vin_rev', postgresql_ops={'vin_rev': 'text_pattern_ops'})
        batch_op.drop_index(batch_op.f('ix_vehicle_store_id'))
        batch_op.drop_index('ix_vehicle_plate_rev', postgresql_ops={'plate_rev': 'text_pattern_ops'})
        batch_op.drop_index('ix_vehicle_plate', postgresql_ops={'plate': 'text_pattern_ops'})
        batch_op.drop_index(batch_op.f('ix_vehicle_customer_id'))

    op.drop_table('vehicle')
    op.drop_table('user_role')
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_store_id'))

    op.drop_table('transfer')
    with op.batch_alter_table('tool_maintenance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_maintenance_tool_id'))

    op.drop_table('tool_maintenance')
    with op.batch_alter_table('stocktake', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stocktake_store_id'))

    op.drop_table('stocktake')
    with op.batch_alter_table('part', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_part_store_id'))
        batch_op.drop_index('ix_part_name')

    op.drop_table('part')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_store_id'))
        batch_op.drop_index(batch_op.f('ix_membership_customer_id'))

    op.drop_table('membership')
    with op.batch_alter_table('maintenance_package_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maintenance_package_item_package_id'))

    op.drop_table('maintenance_package_item')
    with op.batch_alter_table('labour_operation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_labour_operation_store_id'))

    op.drop_table('labour_operation')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_store_id'))

    op.drop_table('campaign')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_store_id'))
        batch_op.drop_index('ix_audit_log_entity')

    op.drop_table('audit_log')
    with op.batch_alter_table('warehouse', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_warehouse_store_id'))

    op.drop_table('warehouse')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_store_id'))

    op.drop_table('user_account')
    with op.batch_alter_table('tool', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_store_id'))

    op.drop_table('tool')
    with op.batch_alter_table('supplier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supplier_store_id'))

    op.drop_table('supplier')
    with op.batch_alter_table('price_class', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_price_class_store_id'))

    op.drop_table('price_class')
    with op.batch_alter_table('number_sequence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_number_sequence_store_id'))

    op.drop_table('number_sequence')
    with op.batch_alter_table('membership_tier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_tier_store_id'))

    op.drop_table('membership_tier')
    with op.batch_alter_table('maintenance_package', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maintenance_package_store_id'))

    op.drop_table('maintenance_package')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_store_id'))
        batch_op.drop_index('ix_customer_name', postgresql_ops={'name': 'text_pattern_ops'})
        batch_op.drop_index('ix_customer_mobile_rev', postgresql_ops={'mobile_rev': 'text_pattern_ops'})
        batch_op.drop_index('ix_customer_mobile', postgresql_ops={'mobile': 'text_pattern_ops'})

    op.drop_table('customer')
    with op.batch_alter_table('bay', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bay_store_id'))

    op.drop_table('bay')
    op.drop_table('store')
    op.drop_table('change_log')
