"""`dms db upgrade`, `dms demo` (twice), `dms backup`, `dms --version` on both backends."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import text

from dms import __version__
from dms.__main__ import main
from dms.db import Database

TABLES = ("store", "user_account", "customer", "vehicle", "part", "stock_movement", "bay")


@pytest.fixture(autouse=True)
def signed_in_as_admin(monkeypatch):
    """Scripts sign in through the environment (the demo's manager here)."""
    monkeypatch.setenv("DMS_USER", "admin")
    monkeypatch.setenv("DMS_PASSWORD", "admin123")


def _url(backend, request, tmp_path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'cli.db'}"
    server = request.getfixturevalue("pg_server")
    return server.url_for(server.create())


def _counts(url) -> dict[str, int]:
    db = Database(url)
    with db.reading() as s:
        counts = {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    db.dispose()
    return counts


def test_upgrade_then_demo_twice(backend, request, tmp_path, capsys):
    url = _url(backend, request, tmp_path)
    assert main(["db", "upgrade", "--url", url]) == 0
    assert "upgraded from empty" in capsys.readouterr().out
    assert main(["db", "upgrade", "--url", url]) == 0
    assert "up to date" in capsys.readouterr().out

    assert main(["demo", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "Demo data loaded" in out and "advisor1" in out and "demo123" in out
    first = _counts(url)
    assert first["customer"] == 300 and first["vehicle"] == 350 and first["part"] == 800
    assert first["bay"] == 6 and first["store"] == 1 and first["user_account"] == 17

    assert main(["demo", "--url", url]) == 0
    assert "already in this database; nothing was changed" in capsys.readouterr().out
    assert _counts(url) == first


def test_url_before_the_subcommand_is_used(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'first.db'}"
    assert main(["--url", url, "db", "upgrade"]) == 0
    assert "first.db" in capsys.readouterr().out and (tmp_path / "first.db").exists()


def test_demo_on_a_database_that_was_never_upgraded_is_refused(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'raw.db'}"
    assert main(["demo", "--url", url]) == 2
    assert "dms db upgrade" in capsys.readouterr().err


def test_sqlite_backup_is_a_consistent_copy(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    main(["db", "upgrade", "--url", url])
    main(["demo", "--url", url])
    target = tmp_path / "backup.db"
    assert main(["backup", str(target), "--url", url]) == 0
    assert "backup written" in capsys.readouterr().out
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT count(*) FROM customer").fetchone() == (300,)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
    assert main(["backup", str(target), "--url", url]) == 2  # never overwrites a file
    assert "already exists" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_a_bad_database_url_is_reported(capsys):
    assert main(["db", "upgrade", "--url", "mysql://nowhere/db"]) == 2
    assert "Unsupported database URL mysql://nowhere/db" in capsys.readouterr().err


@pytest.mark.skipif(not os.environ.get("DMS_TEST_PG_URL") or not shutil.which("pg_dump"),
                    reason="needs DMS_TEST_PG_URL and pg_dump")
def test_postgresql_backup_uses_pg_dump(request, tmp_path, capsys):
    url = _url("postgresql", request, tmp_path)
    main(["db", "upgrade", "--url", url])
    target = tmp_path / "dms.dump"
    assert main(["backup", str(target), "--url", url]) == 0
    assert "pg_restore" in capsys.readouterr().out
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format


def test_import_dry_run_then_import_from_the_command_line(tmp_path, capsys):
    from openpyxl import Workbook

    url = f"sqlite:///{tmp_path / 'imp.db'}"
    main(["db", "upgrade", "--url", url])
    main(["demo", "--url", url])
    book = Workbook()
    book.active.append(["客户编号", "姓名", "类型", "手机"])
    book.active.append(["X00001", "命令行客户", "个人", "13912345678"])
    book.active.append(["X00002", "第二位", "个人", "1391234"])  # not a mobile number
    path = tmp_path / "customers.xlsx"
    book.save(path)
    before = _counts(url)
    assert main(["import", "customers", str(path), "--dry-run", "--url", url, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "row 3, 手机: Not a mobile number" in out and "1 error(s)" in out
    assert main(["import", "customers", str(path), "--dry-run", "--url", url, "--lang", "zh_CN"]) == 1
    out = capsys.readouterr().out
    assert "第 3 行，手机：不是手机号码" in out and "1 个错误" in out
    assert _counts(url) == before
    book.active.delete_rows(3)
    book.save(path)
    assert main(["import", "customers", str(path), "--url", url, "--lang", "en"]) == 0
    assert "1 row(s) imported" in capsys.readouterr().out
    assert _counts(url)["customer"] == before["customer"] + 1


def test_print_and_labels_from_the_command_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'print.db'}"
    main(["db", "upgrade", "--url", url])
    main(["demo", "--url", url])
    out = tmp_path / "jobcard.pdf"
    assert main(["print", "jobcard", "WO2026000001", "-o", str(out), "--url", url]) == 0
    assert out.read_bytes()[:4] == b"%PDF"
    assert main(["print", "jobcard", "WO1999999999", "-o", str(out), "--url", url]) == 2
    assert "WO1999999999" in capsys.readouterr().err
    # In the user's language; a process of its own, as the command line keeps its Qt core
    # application (for the translators) to the end.
    chinese = subprocess.run([sys.executable, "-m", "dms", "print", "jobcard", "WO1999999999",
                              "-o", str(out), "--url", url, "--lang", "zh_CN"],
                             capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert chinese.returncode == 2 and chinese.stderr == "dms: 未找到工单 WO1999999999。\n"
    english = tmp_path / "jobcard_en.pdf"  # documents follow --lang as exports do
    assert main(["print", "jobcard", "WO2026000001", "-o", str(english), "--url", url,
                 "--lang", "en"]) == 0
    english_text = subprocess.run(["pdftotext", str(english), "-"], capture_output=True,
                                  text=True).stdout if shutil.which("pdftotext") else "Job card"
    assert "Job card" in english_text and "派工单" not in english_text
    labels = tmp_path / "labels.pdf"
    assert main(["labels", "26300-35505", "-o", str(labels), "--url", url]) == 0
    assert labels.read_bytes()[:4] == b"%PDF"
    capsys.readouterr()
    sent = _transfer(url)  # a transfer note, by its number as printed
    note = tmp_path / "transfer.pdf"
    assert main(["print", "transfer", sent, "-o", str(note), "--url", url, "--lang", "en"]) == 0
    assert note.read_bytes()[:4] == b"%PDF" and f"transfer {sent}" in capsys.readouterr().out
    assert main(["print", "transfer", "TR1999000001", "-o", str(note), "--url", url]) == 2
    assert "TR1999000001" in capsys.readouterr().err


def _transfer(url: str) -> str:
    """A transfer sent from WH1 to WH2 by the demo clerk: its number."""
    from decimal import Decimal

    from dms.auth import authenticate
    from sqlalchemy import select

    from dms.models import Part, Stock, Warehouse
    from dms.parts.transfers import TransferItem, send_transfer

    db = Database(url)
    try:
        clerk = authenticate(db, "warehouse1", "demo123")
        with db.reading() as s:
            code = s.scalars(select(Part.code).join(Stock, Stock.part_id == Part.id)
                             .join(Warehouse, Warehouse.id == Stock.warehouse_id)
                             .where(Warehouse.code == "WH1", Stock.on_hand - Stock.reserved >= 1)
                             .order_by(Part.code).limit(1)).one()
        return send_transfer(db, clerk, "WH1", "WH2", [TransferItem(code, Decimal(1))]).number
    finally:
        db.dispose()


def test_export_and_kpi_from_the_command_line(tmp_path, capsys):
    from openpyxl import load_workbook

    url = f"sqlite:///{tmp_path / 'xl.db'}"
    main(["db", "upgrade", "--url", url])
    main(["demo", "--url", url])
    out = tmp_path / "customers.xlsx"
    assert main(["export", "customers", "-o", str(out), "--url", url, "--lang", "en"]) == 0
    assert "300 row(s)" in capsys.readouterr().out
    assert load_workbook(out).active.max_row == 301
    assert main(["export", "nothing", "-o", str(out), "--url", url]) == 2
    kpi = tmp_path / "kpi.xlsx"
    assert main(["report", "kpi", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(kpi),
                 "--url", url]) == 0
    assert len(load_workbook(kpi).sheetnames) == 8


# --- issue 13: the command line signs in; the demo only into the embedded trial database ----

def test_commands_that_read_or_write_sign_in(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'auth.db'}"
    main(["db", "upgrade", "--url", url])
    main(["demo", "--url", url])
    out = tmp_path / "c.xlsx"
    monkeypatch.delenv("DMS_USER")
    monkeypatch.delenv("DMS_PASSWORD")
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # a script: nobody to ask
    assert main(["export", "customers", "-o", str(out), "--url", url]) == 2
    assert "DMS_USER" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("DMS_USER", "tech1")
    monkeypatch.setenv("DMS_PASSWORD", "wrong")
    assert main(["export", "customers", "-o", str(out), "--url", url]) == 2
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("DMS_PASSWORD", "demo123")  # right, but a technician
    assert main(["export", "customers", "-o", str(out), "--url", url, "--lang", "en"]) == 2
    assert "export.customers" in capsys.readouterr().err and not out.exists()
    # acting as a named user on trust is gone: --user is an unknown option now
    assert main(["export", "customers", "-o", str(out), "--url", url, "--user", "admin"]) == 2


def test_the_demo_loads_only_into_the_embedded_default_database(tmp_path, monkeypatch):
    from dms import db as dbmod
    from dms.__main__ import first_start
    from dms.demo import is_empty
    from dms.users import is_initialised

    trial = f"sqlite:///{tmp_path / 'trial.db'}"
    monkeypatch.setattr(dbmod, "default_sqlite_url", lambda: trial)
    monkeypatch.delenv("DMS_DATABASE_URL", raising=False)
    monkeypatch.setattr(dbmod, "load_settings", lambda: {})
    real = Database(f"sqlite:///{tmp_path / 'real.db'}")
    assert not first_start(real, True, real.url) and is_empty(real) and not is_initialised(real)
    embedded = Database(trial)
    assert first_start(embedded, True, None) and is_initialised(embedded)
    real.dispose()
    embedded.dispose()


def test_init_creates_the_first_manager_of_a_real_database(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'real.db'}"
    monkeypatch.setenv("DMS_NEW_PASSWORD", "a long secret")
    assert main(["init", "--store-code", "BJ09", "--store-name", "北京九店", "--manager", "boss",
                 "--url", url]) == 0
    assert main(["init", "--store-code", "BJ10", "--store-name", "十店", "--manager", "boss2",
                 "--url", url]) == 2
    monkeypatch.setenv("DMS_USER", "BOSS")
    monkeypatch.setenv("DMS_PASSWORD", "a long secret")
    assert main(["export", "customers", "-o", str(tmp_path / "c.xlsx"), "--url", url]) == 0


def test_passwd_replaces_a_password_a_manager_set(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    main(["db", "upgrade", "--url", url])
    main(["demo", "--url", url])
    monkeypatch.setenv("DMS_NEW_PASSWORD", "temporary-1")
    assert main(["user", "reset", "advisor1", "--url", url]) == 0  # as admin
    monkeypatch.setenv("DMS_USER", "advisor1")
    monkeypatch.setenv("DMS_PASSWORD", "temporary-1")
    assert main(["export", "customers", "-o", str(tmp_path / "c.xlsx"), "--url", url]) == 2
    assert "dms passwd" in capsys.readouterr().err
    monkeypatch.setenv("DMS_NEW_PASSWORD", "my own 2026")
    assert main(["passwd", "--url", url]) == 0
    monkeypatch.setenv("DMS_PASSWORD", "my own 2026")
    assert main(["user", "unlock", "advisor2", "--url", url]) == 2  # an advisor may not
