"""Backup, restore and their verification manifest on SQLite and PostgreSQL."""

import json
import os
import shutil

import pytest
from sqlalchemy import func, select

from dms.__main__ import main
from dms.backup import backup, manifest_path, restore, snapshot, verify_backup
from dms.db import Database
from dms.errors import ConfigError
from dms.models import Customer, Store

needs_pg_tools = pytest.mark.skipif(
    bool(os.environ.get("DMS_TEST_PG_URL")) and not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="PostgreSQL tests need pg_dump and pg_restore")

pytestmark = needs_pg_tools


def _state(db) -> dict:
    with db.engine.connect() as conn:
        found = snapshot(conn)
        conn.rollback()
    return found


def _add_customer(db) -> None:
    with db.transaction() as s:
        store_id = s.scalars(select(Store.id).order_by(Store.id)).first()
        s.add(Customer(store_id=store_id, code="Z99999", name="备份后新客户"))


def _customers(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Customer))


def _empty_database(backend, request, tmp_path) -> Database:
    if backend == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'fresh' / 'new.db'}")
    server = request.getfixturevalue("pg_server")
    return Database(server.url_for(server.create()))


def test_backup_writes_a_manifest_with_counts_and_amount_checksums(demo_orders_db, tmp_path):
    target = tmp_path / "dms.backup"
    backup(demo_orders_db, str(target))
    manifest = json.loads(manifest_path(target).read_text(encoding="utf-8"))
    live = _state(demo_orders_db)
    assert manifest["backend"] == demo_orders_db.backend
    assert manifest["tables"] == live["tables"]
    assert manifest["amounts"] == live["amounts"]
    for table in ("settlement", "payment", "part_line", "labour_line", "fee", "stock_movement"):
        assert table in manifest["amounts"]
    assert manifest["amounts"]["settlement"]["rows"] > 0
    assert manifest["amounts"]["settlement"]["sums"]["total"] > 0  # integer fen
    assert isinstance(manifest["amounts"]["settlement"]["sums"]["total"], int)
    assert verify_backup(target, demo_orders_db).ok


def test_restore_refuses_newer_data_unless_forced(demo_orders_db, tmp_path):
    db = demo_orders_db
    target = tmp_path / "dms.backup"
    backup(db, str(target))
    before = _state(db)
    customers = _customers(db)
    _add_customer(db)
    with pytest.raises(ConfigError) as refused:
        restore(db, target)
    assert refused.value.code == "restore.newer_data"
    assert "customer: newest id" in str(refused.value) and "--force" in str(refused.value)
    assert _customers(db) == customers + 1  # nothing was touched

    result = restore(db, target, force=True)
    assert result.ok and not result.problems
    assert "verification passed" in result.summary()
    assert _customers(db) == customers
    after = _state(db)
    assert after["tables"] == before["tables"]
    assert after["amounts"] == before["amounts"]
    with db.reading() as s:
        assert s.scalar(select(Customer).where(Customer.code == "Z99999")) is None
    # The database is the backed-up state again: restoring once more needs no force.
    assert restore(db, target).ok
    # The restored database works normally.
    _add_customer(db)
    assert _customers(db) == customers + 1


def test_a_tampered_manifest_fails_verification(demo_orders_db, tmp_path):
    db = demo_orders_db
    target = tmp_path / "dms.backup"
    backup(db, str(target))
    path = manifest_path(target)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["amounts"]["payment"]["sums"]["amount"] += 1  # one fen
    manifest["tables"]["customer"]["rows"] += 1
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ConfigError) as failed:
        verify_backup(target, db)
    assert failed.value.code == "restore.verify_failed"
    assert "payment.amount" in str(failed.value) and "customer" in str(failed.value)
    with pytest.raises(ConfigError) as failed:
        restore(db, target, force=True)
    assert failed.value.code == "restore.verify_failed"
    assert "payment.amount: sum" in str(failed.value)


def test_a_tampered_backup_file_is_refused_before_anything_changes(demo_orders_db, tmp_path):
    db = demo_orders_db
    target = tmp_path / "dms.backup"
    backup(db, str(target))
    _add_customer(db)
    before = _state(db)
    with open(target, "r+b") as handle:  # flip one byte in the middle of the file
        handle.seek(target.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    for call in (lambda: restore(db, target, force=True), lambda: verify_backup(target, db)):
        with pytest.raises(ConfigError) as failed:
            call()
        assert failed.value.code == "restore.verify_failed"
        assert "SHA-256 does not match its manifest" in str(failed.value)
    assert _state(db) == before


def test_a_backup_without_manifest_needs_force(demo_db, tmp_path):
    target = tmp_path / "dms.backup"
    backup(demo_db, str(target))
    manifest_path(target).unlink()
    with pytest.raises(ConfigError) as refused:
        restore(demo_db, target)
    assert refused.value.code == "restore.no_manifest"
    result = restore(demo_db, target, force=True)
    assert not result.ok and "NOT verified" in result.summary()


def test_restore_into_an_empty_new_database_needs_no_force(demo_orders_db, request, tmp_path):
    target = tmp_path / "dms.backup"
    backup(demo_orders_db, str(target))
    fresh = _empty_database(demo_orders_db.backend, request, tmp_path)
    try:
        result = restore(fresh, target)
        assert result.ok
        assert _state(fresh)["amounts"] == _state(demo_orders_db)["amounts"]
        assert _customers(fresh) == _customers(demo_orders_db)
    finally:
        fresh.dispose()


def test_restore_refuses_a_backup_of_the_other_backend(demo_db, tmp_path):
    target = tmp_path / "dms.backup"
    backup(demo_db, str(target))
    path = manifest_path(target)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["backend"] = "postgresql" if demo_db.backend == "sqlite" else "sqlite"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        restore(demo_db, target, force=True)
    assert refused.value.code == "restore.wrong_backend"


def test_cli_restore_prints_a_verification_summary(demo_orders_db, tmp_path, capsys,
                                                   monkeypatch):
    monkeypatch.setenv("DMS_USER", "admin")  # backup and restore are a manager's
    monkeypatch.setenv("DMS_PASSWORD", "admin123")
    db = demo_orders_db
    url = db.url
    target = tmp_path / "cli.backup"
    assert main(["backup", str(target), "--url", url]) == 0
    assert "manifest" in capsys.readouterr().out
    _add_customer(db)
    assert main(["restore", str(target), "--url", url]) == 2
    err = capsys.readouterr().err
    assert "newer data" in err and "--force" in err
    assert main(["restore", str(target), "--url", url, "--force"]) == 0
    out = capsys.readouterr().out
    assert "verification passed" in out
    assert "settlement:" in out and "payment:" in out and "sha256" in out
    db.engine.dispose()
    with db.reading() as s:
        assert s.scalar(select(Customer).where(Customer.code == "Z99999")) is None


def test_signing_in_for_a_restore_is_no_newer_data(demo_orders_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DMS_USER", "admin")
    monkeypatch.setenv("DMS_PASSWORD", "admin123")
    target = tmp_path / "cli.backup"
    assert main(["backup", str(target), "--url", demo_orders_db.url]) == 0
    assert main(["restore", str(target), "--url", demo_orders_db.url]) == 0  # signs in again
    assert "verification passed" in capsys.readouterr().out
