"""Schema changes only through Alembic; the migrated schema matches the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from dms.db import Database
from dms.migrate import current_revision, head_revision, upgrade
from dms.models import Base


def _fresh(backend, request, tmp_path) -> Database:
    if backend == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    server = request.getfixturevalue("pg_server")
    return Database(server.url_for(server.create()))


def test_upgrade_empty_database_to_head_matches_models(request, tmp_path, backend):
    db = _fresh(backend, request, tmp_path)
    assert current_revision(db.engine) is None
    assert upgrade(db.engine) == (None, head_revision())
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []
    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())
    # A second upgrade is a no-op, and data survives it.
    with db.transaction() as s:
        s.execute(text("INSERT INTO store (code, name) VALUES ('S1', '保留')"))
    assert upgrade(db.engine) == (head_revision(), head_revision())
    with db.reading() as s:
        assert s.execute(text("SELECT name FROM store")).scalar_one() == "保留"
    db.dispose()


def test_sqlite_foreign_keys_are_back_on_after_migration(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'fk.db'}")
    upgrade(db.engine)
    with db.reading() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    db.dispose()


def test_0003_upgrades_a_database_of_the_previous_release_in_place(request, tmp_path, backend):
    """Users, their roles and customers made at 0001 survive the security revision (a batch
    rebuild of user_account and customer on SQLite) and get their new columns filled."""
    db = _fresh(backend, request, tmp_path)
    upgrade(db.engine, "0001")
    with db.transaction() as s:
        s.execute(text("INSERT INTO store (code, name) VALUES ('S1', '一店')"))
        s.execute(text("INSERT INTO user_account (store_id, username, display_name, "
                       "password_hash, active, created_at) VALUES (1, 'old', '老用户', 'x', "
                       ":yes, CURRENT_TIMESTAMP)"), {"yes": True})
        s.execute(text("INSERT INTO user_role (user_id, role) VALUES (1, 'manager')"))
        s.execute(text("INSERT INTO customer (store_id, code, name, kind, created_at) "
                       "VALUES (1, 'C1', 'John  SMITH', 'person', CURRENT_TIMESTAMP)"))
    upgrade(db.engine)
    with db.reading() as s:
        assert s.execute(text("SELECT must_change_password FROM user_account")).scalar_one() in (
            False, 0)
        assert s.execute(text("SELECT role FROM user_role")).scalar_one() == "manager"
        assert s.execute(text("SELECT name_key FROM customer")).scalar_one() == "john smith"
    db.dispose()
