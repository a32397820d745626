"""Secrets (issue 13): the database password never reaches a command line, settings and
backups are 0600, and a client tool dies with a killed `dms`."""

import json
import os
import signal
import stat
import subprocess
import sys

import pytest

from dms import backup, db as dbmod


def test_pg_tools_get_the_password_in_the_environment(monkeypatch, tmp_path):
    seen = {}

    def fake_run(args, **kwargs):
        seen.update(args=args, env=kwargs["env"])
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(backup, "_pg_tool", lambda name, code: name)
    monkeypatch.setattr(backup.subprocess, "run", fake_run)
    backup._pg_restore(tmp_path / "x.dump", "postgresql+psycopg://dms:s3cr%40t@db.local:5432/dms")
    assert not any("s3cr" in a for a in seen["args"])
    assert "postgresql://dms@db.local:5432/dms" in seen["args"]
    assert seen["env"]["PGPASSWORD"] == "s3cr@t"


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_settings_are_written_0600(monkeypatch, tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{}")
    path.chmod(0o644)  # as an older version left it
    monkeypatch.setattr(dbmod, "settings_path", lambda: path)
    dbmod.save_settings({"database_url": "postgresql://dms:secret@db/dms"})
    assert _mode(path) == 0o600 and json.loads(path.read_text())["database_url"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_backup_and_its_manifest_are_0600(tmp_path, templates):
    import shutil

    from dms.db import Database

    live = tmp_path / "live.db"
    shutil.copy(templates("sqlite", "base"), live)
    db = Database(f"sqlite:///{live}")
    try:
        backup.backup(db, str(tmp_path / "b.db"))
    finally:
        db.dispose()
    assert _mode(tmp_path / "b.db") == 0o600
    assert _mode(backup.manifest_path(tmp_path / "b.db")) == 0o600


CHILD = """
import sys
from dms.backup import run_tool
run_tool(["sh", "-c", "echo $$ > " + sys.argv[1] + "; exec sleep 60"], {"PATH": "/bin:/usr/bin"})
"""


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_a_tool_dies_with_a_killed_dms(tmp_path):
    pid_file = tmp_path / "tool.pid"
    parent = subprocess.Popen([sys.executable, "-c", CHILD, str(pid_file)])
    try:
        for _ in range(200):  # wait for the tool to start (at most ~10 s)
            if pid_file.exists() and pid_file.read_text().strip():
                break
            try:
                parent.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                pass
        tool = int(pid_file.read_text())
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    for _ in range(200):
        try:
            os.kill(tool, 0)
        except ProcessLookupError:
            return
        try:  # a zombie until reaped by init: a dead process whose state is Z
            with open(f"/proc/{tool}/stat") as handle:
                if handle.read().split()[2] == "Z":
                    return
        except FileNotFoundError:
            return
        subprocess.run(["true"])  # let the kernel deliver the signal
    pytest.fail(f"the tool {tool} outlived its killed parent")
