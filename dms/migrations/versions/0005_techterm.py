"""techterm: photos of proposed added work, parts requests to the counter, PDI of new cars

Revision ID: 0005_techterm
Revises: 0004_care
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0005_techterm"
down_revision: Union[str, Sequence[str], None] = "0004_care"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # new tables only: nothing existing is rebuilt, so no batch mode is needed on SQLite
    op.create_table('pdi_template_item',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pdi_template_item_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pdi_template_item'))
    )
    op.create_index(op.f('ix_pdi_template_item_store_id'), 'pdi_template_item', ['store_id'], unique=False)
    op.create_table('pdi_inspection',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('brand', sa.String(length=40), nullable=True),
    sa.Column('series', sa.String(length=40), nullable=True),
    sa.Column('model_code', sa.String(length=40), nullable=True),
    sa.Column('colour', sa.String(length=20), nullable=True),
    sa.Column('engine_no', sa.String(length=40), nullable=True),
    sa.Column('mileage', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('handed_over_at', sa.DateTime(), nullable=True),
    sa.Column('handed_over_by_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_pdi_inspection_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_pdi_inspection_customer_id_customer')),
    sa.ForeignKeyConstraint(['handed_over_by_id'], ['user_account.id'], name=op.f('fk_pdi_inspection_handed_over_by_id_user_account')),
    sa.ForeignKeyConstraint(['inspector_id'], ['user_account.id'], name=op.f('fk_pdi_inspection_inspector_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pdi_inspection_store_id_store')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_pdi_inspection_updated_by_id_user_account')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_pdi_inspection_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pdi_inspection')),
    sa.UniqueConstraint('store_id', 'number', name=op.f('uq_pdi_inspection_store_id_number')),
    sa.UniqueConstraint('store_id', 'vin', name=op.f('uq_pdi_inspection_store_id_vin'))
    )
    op.create_index(op.f('ix_pdi_inspection_store_id'), 'pdi_inspection', ['store_id'], unique=False)
    op.create_table('pdi_item',
    sa.Column('pdi_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('result', sa.String(length=8), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('fixed_by_id', sa.Integer(), nullable=True),
    sa.Column('fixed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['fixed_by_id'], ['user_account.id'], name=op.f('fk_pdi_item_fixed_by_id_user_account')),
    sa.ForeignKeyConstraint(['pdi_id'], ['pdi_inspection.id'], name=op.f('fk_pdi_item_pdi_id_pdi_inspection')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pdi_item'))
    )
    op.create_index(op.f('ix_pdi_item_pdi_id'), 'pdi_item', ['pdi_id'], unique=False)
    op.create_table('added_work_photo',
    sa.Column('labour_line_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=100), nullable=False),
    sa.Column('media_type', sa.String(length=20), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('taken_by_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['labour_line_id'], ['labour_line.id'], name=op.f('fk_added_work_photo_labour_line_id_labour_line')),
    sa.ForeignKeyConstraint(['taken_by_id'], ['user_account.id'], name=op.f('fk_added_work_photo_taken_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_added_work_photo'))
    )
    op.create_index(op.f('ix_added_work_photo_labour_line_id'), 'added_work_photo', ['labour_line_id'], unique=False)
    op.create_table('part_request',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('labour_line_id', sa.Integer(), nullable=True),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('served_by_id', sa.Integer(), nullable=True),
    sa.Column('served_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['labour_line_id'], ['labour_line.id'], name=op.f('fk_part_request_labour_line_id_labour_line')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'], name=op.f('fk_part_request_requested_by_id_user_account')),
    sa.ForeignKeyConstraint(['served_by_id'], ['user_account.id'], name=op.f('fk_part_request_served_by_id_user_account')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_part_request_store_id_store')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_order.id'], name=op.f('fk_part_request_work_order_id_work_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part_request'))
    )
    op.create_index(op.f('ix_part_request_store_id'), 'part_request', ['store_id'], unique=False)
    op.create_index(op.f('ix_part_request_work_order_id'), 'part_request', ['work_order_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_part_request_work_order_id'), table_name='part_request')
    op.drop_index(op.f('ix_part_request_store_id'), table_name='part_request')
    op.drop_table('part_request')
    op.drop_index(op.f('ix_added_work_photo_labour_line_id'), table_name='added_work_photo')
    op.drop_table('added_work_photo')
    op.drop_index(op.f('ix_pdi_item_pdi_id'), table_name='pdi_item')
    op.drop_table('pdi_item')
    op.drop_index(op.f('ix_pdi_inspection_store_id'), table_name='pdi_inspection')
    op.drop_table('pdi_inspection')
    op.drop_index(op.f('ix_pdi_template_item_store_id'), table_name='pdi_template_item')
    op.drop_table('pdi_template_item')
