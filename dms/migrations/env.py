"""Alembic environment: always driven by `dms.migrate`, which passes the connection in."""

from alembic import context
from sqlalchemy.types import TypeDecorator

from dms.models import Base


def render_item(kind, obj, _autogen_context):
    """Write the storage type (BIGINT fen, DATETIME) so old migrations never import models."""
    if kind == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{type(obj.impl_instance).__name__}()"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table (DESIGN §6).
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
