"""Every failure of the command line is one line in the user's language and a non-zero exit:
no traceback, no English argparse text under a Chinese --lang."""

import os
import subprocess
import sys

import pytest

from dms.__main__ import main

MISSING = "/nonexistent/dir"


@pytest.fixture(autouse=True)
def signed_in(monkeypatch):
    """Scripts sign in through the environment (the demo's manager); child processes inherit it."""
    monkeypatch.setenv("DMS_USER", "admin")
    monkeypatch.setenv("DMS_PASSWORD", "admin123")


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _dms(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """`dms` in a process of its own (the Chinese texts need the Qt translators, which the
    command line keeps to the end of its process)."""
    return subprocess.run([sys.executable, "-m", "dms", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=120)


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("dms: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("command", [
    ["print", "jobcard", "WO2026000001", "-o", f"{MISSING}/x.pdf"],
    ["export", "parts", "-o", f"{MISSING}/p.xlsx"],
    ["labels", "26300-35505", "-o", f"{MISSING}/l.pdf"],
    ["report", "kpi", "--from", "2026-11-01", "--to", "2026-11-30", "-o", f"{MISSING}/k.xlsx"],
    ["backup", f"{MISSING}/b.bak"],
])
def test_a_file_that_cannot_be_written_is_named(demo_orders_db, capsys, command):
    if command[0] == "backup" and demo_orders_db.backend != "sqlite":
        pytest.skip("pg_dump writes the PostgreSQL backup itself")
    assert main([*command, "--url", _url(demo_orders_db)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line == f"dms: {command[-1]}: the file or folder does not exist."


def test_a_file_that_cannot_be_written_in_chinese(demo_orders_db):
    done = _dms("export", "parts", "-o", f"{MISSING}/p.xlsx", "--url", _url(demo_orders_db),
                "--lang", "zh_CN")
    assert done.returncode == 2
    assert _one_line(done.stderr) == f"dms: {MISSING}/p.xlsx：文件或文件夹不存在。"


@pytest.mark.parametrize("args, english, chinese", [
    (["export", "parts", "-o", "p.xlsx", "--from", "yesterday"],
     "--from: \u201cyesterday\u201d is not a date; write it as YYYY-MM-DD.",
     "--from：“yesterday”不是日期，请写成 YYYY-MM-DD 格式。"),
    (["import", "cars", "f.xlsx"],
     "kind: \u201ccars\u201d is not one of parts, customers, vehicles.",
     "kind：“cars”不在可选值 parts, customers, vehicles 之中。"),
    (["print", "jobcard"], "Missing: number, -o/--output (see dms --help).",
     "缺少参数：number, -o/--output（参见 dms --help）。"),
    (["export", "parts", "-o", "p.xlsx", "--colour", "red"],
     "Unknown arguments: --colour red (see dms --help).",
     "无法识别的参数：--colour red（参见 dms --help）。"),
    (["export", "parts", "-o"], "-o/--output needs a value.", "-o/--output 后面需要一个值。"),
])
def test_argparse_errors_in_the_users_language(capsys, args, english, chinese):
    assert main([*args, "--lang", "en"]) == 2
    assert _one_line(capsys.readouterr().err) == f"dms: {english}"
    done = _dms(*args, "--lang", "zh_CN")
    assert done.returncode == 2 and _one_line(done.stderr) == f"dms: {chinese}"


def test_a_closed_pipe_is_one_line(demo_orders_db):
    """`dms demo | head`: the reader has gone; no BrokenPipeError traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _dms("demo", "--url", _url(demo_orders_db), stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 2
    assert _one_line(done.stderr) == ("dms: The output was closed before the command had "
                                      "written all of it.")


def test_a_bug_is_one_line_and_a_logged_traceback(monkeypatch, tmp_path, capsys):
    from dms import cli_errors

    log = tmp_path / "cli-errors.log"
    monkeypatch.setattr(cli_errors, "crash_log", lambda: log)

    def broken():
        raise ZeroDivisionError("division by zero\nsecond line")

    assert cli_errors.guarded(broken, ["--lang", "en"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line == f"dms: Unexpected error (ZeroDivisionError: division by zero); details in {log}."
    assert "Traceback" in log.read_text(encoding="utf-8")
