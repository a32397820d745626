"""Schema changes only through Alembic; the migrated schema matches the models exactly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
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
