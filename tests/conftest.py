"""Fixtures: every database test runs on SQLite and, when DMS_TEST_PG_URL is set, PostgreSQL.

Each test gets its own database, copied from a template migrated once per session (a file
copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so tests stay independent and fast.
If DMS_TEST_PG_URL is set and the server is unreachable, the PostgreSQL tests error out
instead of being skipped.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dms import auth
from dms.db import Database, make_engine
from dms.migrate import upgrade

from builders import qt_tool

# The product hashes at scrypt N=2^17 (0.3-0.5 s a sign-in); the suite signs in hundreds of
# times, so it sets a cheap cost here, explicitly. tests/test_auth.py checks the product's.
PRODUCT_SCRYPT_N = auth.N
auth.N = 2**10

PG_URL = os.environ.get("DMS_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


class PgServer:
    """Creates and drops databases on the test server through an autocommit connection."""

    def __init__(self, url: str):
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.prefix = f"dms_t{os.getpid()}_"
        self.created: list[str] = []

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        name = self.prefix + uuid.uuid4().hex[:10]
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        self.created.append(name)
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        for name in self.created:
            self.drop(name)
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server():
    if not PG_URL:
        pytest.skip("DMS_TEST_PG_URL is not set")
    server = PgServer(PG_URL)
    yield server
    server.close()


@pytest.fixture(scope="session")
def templates(tmp_path_factory, request):
    """{(backend, demo): template} built lazily, once per session. `demo` is False, "base"
    (the dealership without work orders: tests start from an empty workshop) or "orders"."""
    made: dict = {}

    def get(backend: str, demo: bool | str):
        key = (backend, demo)
        if key not in made:
            if backend == "sqlite":
                path = tmp_path_factory.mktemp("tmpl") / f"template_{demo}.db"
                url = f"sqlite:///{path}"
                made[key] = path
            else:
                server = request.getfixturevalue("pg_server")
                name = server.create()
                url = server.url_for(name)
                made[key] = name
            db = Database(url)
            upgrade(db.engine)
            if demo:
                from dms.demo.load import load_demo

                load_demo(db, with_orders=demo == "orders")
            db.dispose()
        return made[key]

    return get


def _database(request, tmp_path, templates, demo: bool | str):
    backend = request.param
    template = templates(backend, demo)
    if backend == "sqlite":
        path = tmp_path / "dms.db"
        shutil.copy(template, path)
        db = Database(engine=make_engine(f"sqlite:///{path}"))
    else:
        server = request.getfixturevalue("pg_server")
        db = Database(engine=make_engine(server.url_for(server.create(template))))
    yield db
    db.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request):
    """The backend name, for tests that build their own database."""
    return request.param


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path, templates):
    """An empty database at the current schema."""
    yield from _database(request, tmp_path, templates, demo=False)


@pytest.fixture(params=BACKENDS)
def demo_db(request, tmp_path, templates):
    """A database with the demo dealership loaded, its workshop still empty."""
    yield from _database(request, tmp_path, templates, demo="base")


@pytest.fixture(params=BACKENDS)
def demo_orders_db(request, tmp_path, templates):
    """The demo dealership with its work orders in every state."""
    yield from _database(request, tmp_path, templates, demo="orders")


def pytest_sessionfinish(session):
    """`make efficiency`: the counted tasks (tests/robot.py) as JSON, one entry per run."""
    out = os.environ.get("DMS_EFFICIENCY_JSON")
    if not out:
        return
    import json

    from robot import RESULTS

    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps({"tasks": RESULTS}, ensure_ascii=False, indent=1),
                         encoding="utf-8")


def pytest_terminal_summary(terminalreporter):
    """Say plainly how many tests ran against PostgreSQL, so CI output shows that half ran."""
    stats = terminalreporter.stats
    ran = {outcome: sum("[postgresql" in r.nodeid for r in stats.get(outcome, []) if r.when == "call")
           for outcome in ("passed", "failed", "error")}
    if PG_URL:
        terminalreporter.write_line(
            f"PostgreSQL backend ({make_url(PG_URL).render_as_string()}): "
            f"{ran['passed']} tests passed there, {ran['failed']} failed")
    else:
        terminalreporter.write_line("PostgreSQL backend: not tested (DMS_TEST_PG_URL is not set)")


@pytest.fixture
def clerk(demo_db):
    """The demo warehouse clerk, signed in."""
    from dms.auth import authenticate

    return authenticate(demo_db, "warehouse1", "demo123")


# --- translations ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory):
    """The catalogues (zh_CN, and en's plural forms) compiled from the committed .ts (the .qm
    files are not committed)."""
    out = tmp_path_factory.mktemp("qm")
    for ts in (Path(__file__).resolve().parents[1] / "resources" / "translations").glob("*.ts"):
        subprocess.run([str(qt_tool("pyside6-lrelease")), str(ts), "-qm",
                        str(out / ts.with_suffix(".qm").name)], check=True, capture_output=True)
    return out


@pytest.fixture
def zh_cn(qapp, qm_dir):
    from dms.ui import i18n

    assert i18n.install_translators("zh_CN", qm_dir)
    yield
    i18n.remove_translators()


# --- the signed-in window -------------------------------------------------------------------

@pytest.fixture
def open_window(qtbot):
    """`open_window(db, user)` → the main window signed in as `user`, shown at 1366×768 in
    English, as every workspace test opens it; runners are shut down at the end. A second call
    is a second seat (give it its own `Database` for a second connection)."""
    from dms.ui import i18n
    from dms.ui.shell.main_window import MainWindow
    from dms.ui.tasks import TaskRunner

    i18n.remove_translators()
    runners = []

    def open_(db, user, settings_store=None):
        runner = TaskRunner()
        runners.append(runner)
        window = MainWindow(db, user, runner, settings_store)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        return window

    yield open_
    for runner in runners:
        runner.shutdown()
