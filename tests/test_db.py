"""The database layer: URL resolution, SQLite tuning, network shares, one transaction per action."""

import sqlite3

import pytest
from sqlalchemy import text

from dms import db as dbmod
from dms.db import Database, is_network_path, make_engine, resolve_url
from dms.errors import ConfigError
from dms.models import Store


def test_url_resolution_order(monkeypatch, tmp_path):
    monkeypatch.setattr(dbmod, "settings_path", lambda: tmp_path / "settings.json")
    monkeypatch.setattr(dbmod.platformdirs, "user_data_dir", lambda app: str(tmp_path / "data"))
    monkeypatch.delenv("DMS_DATABASE_URL", raising=False)
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'dms.sqlite3'}"
    dbmod.save_settings({"database_url": "sqlite:///from-settings.db"})
    assert resolve_url() == "sqlite:///from-settings.db"
    monkeypatch.setenv("DMS_DATABASE_URL", "sqlite:///from-env.db")
    assert resolve_url() == "sqlite:///from-env.db"
    assert resolve_url("sqlite:///explicit.db") == "sqlite:///explicit.db"


def test_sqlite_connections_are_tuned(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 't.db'}")
    with db.reading() as s:
        pragmas = {name: s.execute(text(f"PRAGMA {name}")).scalar_one()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1,
                       "busy_timeout": 10000}


def test_sqlite_write_transactions_take_the_write_lock_at_begin(tmp_path):
    """BEGIN IMMEDIATE: while a write transaction is open, another writer cannot start one."""
    path = tmp_path / "lock.db"
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    with db.transaction() as s:
        s.execute(text("SELECT 1"))  # a write transaction that has only read so far
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    # …whereas a read transaction leaves the database open to writers.
    with db.reading() as s:
        s.execute(text("SELECT 1"))
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()


def test_a_failed_action_changes_nothing(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            s.add(Store(code="X1", name="半途"))
            s.flush()
            raise RuntimeError("boom")
    with db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM store")).scalar_one() == 0


def test_network_share_is_refused(monkeypatch, tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    real_path = dbmod.Path

    def fake_path(*args):
        return mounts if args == ("/proc/mounts",) else real_path(*args)

    monkeypatch.setattr(dbmod, "Path", fake_path)
    assert is_network_path(tmp_path / "dms.sqlite3")
    with pytest.raises(ConfigError) as err:
        make_engine(f"sqlite:///{tmp_path / 'dms.sqlite3'}")
    assert err.value.code == "db.network_share"
    assert "network share" in err.value.text()
    assert is_network_path(real_path("//server/share/dms.sqlite3"))


def test_local_disk_is_not_a_network_share(tmp_path):
    assert not is_network_path(tmp_path / "dms.sqlite3")


def test_unsupported_url_is_refused():
    with pytest.raises(ConfigError) as err:
        make_engine("mysql://localhost/x")
    assert err.value.code == "db.unsupported"
