"""Schema changes only through Alembic; the migrated schema matches the models exactly."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from dms import migrate
from dms.db import Database
from dms.errors import ConfigError
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


def _orphan_role(db: Database) -> None:
    """A user_role row whose user does not exist, written with foreign keys off."""
    with db.engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        conn.execute(text("INSERT INTO user_role (user_id, role) VALUES (999999, 'advisor')"))
        conn.commit()
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def _history_with(tmp_path, monkeypatch, source: str) -> str:
    """The project's migrations plus one more revision on top; returns its id."""
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (migrations / "versions" / "9999_test.py").write_text(
        f"from alembic import op\n\nrevision = '9999'\ndown_revision = {head!r}\n"
        f"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n{source}\n",
        encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", migrations)
    monkeypatch.setattr(migrate, "VERSIONS", migrations / "versions")
    return "9999"


def test_head_read_from_the_files_is_alembics(tmp_path, monkeypatch):
    assert migrate.head_revision() == ScriptDirectory.from_config(
        migrate.alembic_config()).get_current_head()
    _history_with(tmp_path, monkeypatch, "    pass")
    assert migrate.head_revision() == "9999" == ScriptDirectory.from_config(
        migrate.alembic_config()).get_current_head()


def test_a_start_on_a_current_sqlite_database_does_not_read_the_whole_database(tmp_path):
    # The integrity check after a migration scans every table (1.7 s on the large benchmark
    # database); a database already at head is left alone, even one with an old orphan row.
    db = Database(f"sqlite:///{tmp_path / 'current.db'}")
    upgrade(db.engine)
    _orphan_role(db)
    assert upgrade(db.engine) == (head_revision(), head_revision())
    db.dispose()


def test_a_migration_that_breaks_references_on_sqlite_is_refused(tmp_path, monkeypatch):
    db = Database(f"sqlite:///{tmp_path / 'broken.db'}")
    upgrade(db.engine)
    new = _history_with(tmp_path, monkeypatch, "    op.execute(\"INSERT INTO user_role (user_id, "
                                               "role) VALUES (999999, 'advisor')\")")
    with pytest.raises(ConfigError) as caught:
        upgrade(db.engine)
    assert caught.value.code == "db.migration_fk" and caught.value.params == {"n": 1}
    assert current_revision(db.engine) != new  # undone: still the revision before
    with db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM user_role WHERE user_id = 999999")
                         ).scalar_one() == 0
    with db.reading() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    db.dispose()


def test_a_migration_that_keeps_references_whole_on_sqlite_goes_through(tmp_path, monkeypatch):
    db = Database(f"sqlite:///{tmp_path / 'fine.db'}")
    _, old = upgrade(db.engine)
    new = _history_with(tmp_path, monkeypatch, "    op.execute(\"UPDATE store SET name = name\")")
    assert upgrade(db.engine) == (old, new)


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


# --- a database made by release 0001 upgrades in place ----------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _release_0001(tmp_path) -> Path:
    """The code as it was before revision 0002 was added (its parent commit), or HEAD while
    0002 is not committed yet."""
    try:
        added = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%H", "--",
             "dms/migrations/versions/0002_lifecycle.py"], cwd=ROOT, capture_output=True,
            text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: release 0001 cannot be rebuilt")
    commit = f"{added[-1]}^" if added else "HEAD"
    archive = subprocess.run(["git", "archive", commit, "dms"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    out = tmp_path / "release_0001"
    out.mkdir()
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def test_a_database_of_release_0001_with_demo_data_upgrades_with_nothing_lost(
        request, tmp_path, backend):
    old_code = _release_0001(tmp_path)
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        url = server.url_for(server.create())
    script = ("import sys; from dms.db import Database; from dms.migrate import upgrade; "
              "from dms.demo.load import load_demo; db = Database(sys.argv[1]); "
              "upgrade(db.engine); load_demo(db, with_orders=True)")
    subprocess.run([sys.executable, "-c", script, url], cwd=old_code, check=True,
                   env={**os.environ, "PYTHONPATH": str(old_code)}, capture_output=True)
    db = Database(url)
    assert current_revision(db.engine) == "0001"
    with db.engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        before = {t: sorted(conn.execute(text(f"SELECT * FROM {t}")).all(), key=repr)
                  for t in tables}
        invoices = conn.execute(text("SELECT store_id, invoice_no FROM settlement "
                                     "WHERE invoice_no IS NOT NULL")).all()
        discounted = conn.execute(text("SELECT count(*) FROM labour_line WHERE payer = "
                                       "'customer' AND discount_pct > 0")).scalar_one()
    assert invoices and discounted and sum(map(len, before.values())) > 10_000

    assert upgrade(db.engine) == ("0001", head_revision())
    with db.engine.connect() as conn:
        for table, rows in before.items():  # every row and every old column, unchanged
            columns = ", ".join(rows[0]._fields) if rows else "*"
            after = conn.execute(text(f"SELECT {columns} FROM {table}")).all()
            assert sorted(after, key=repr) == rows, table
        kept = conn.execute(text("SELECT store_id, number FROM invoice WHERE voided_at IS NULL"
                                 )).all()
        assert sorted(kept) == sorted(invoices)
        assert conn.execute(text("SELECT count(*) FROM labour_line WHERE manual_discount_pct "
                                 "= discount_pct")).scalar_one() == discounted
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []
    db.dispose()


def test_0011_gives_an_existing_store_empty_invoice_details(request, tmp_path, backend):
    """A store of 0010 keeps its record; its invoice details start empty and take a unified
    social credit code of 18 characters."""
    db = _fresh(backend, request, tmp_path)
    upgrade(db.engine, "0010_manager_kpis_bays")
    with db.transaction() as s:
        s.execute(text("INSERT INTO store (code, name, address, phone) VALUES "
                       "('S1', '一店', '北京市朝阳区', '010-1')"))
    assert upgrade(db.engine) == ("0010_manager_kpis_bays", head_revision())
    with db.transaction() as s:
        assert s.execute(text(
            "SELECT code, name, address, phone, invoice_name, tax_id, invoice_address_phone, "
            "invoice_bank_account FROM store")).one() == (
            "S1", "一店", "北京市朝阳区", "010-1", None, None, None, None)
        s.execute(text("UPDATE store SET invoice_name = '一店有限公司', "
                       "tax_id = '91350100M000100Y43'"))
    with db.reading() as s:
        assert s.execute(text("SELECT tax_id FROM store")).scalar_one() == "91350100M000100Y43"
    db.dispose()
