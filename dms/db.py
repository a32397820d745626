"""Engine factory (SQLite / PostgreSQL), session scopes and the database URL resolution.

Every service opens exactly one transaction through `Database.transaction()`; read-only
queries use `Database.reading()`. On SQLite, writes start with BEGIN IMMEDIATE (DESIGN §6:
a deferred BEGIN that later writes fails with "database is locked" under several seats),
reads keep a plain deferred BEGIN so lookups never queue behind a writer in WAL mode.

What the database layer raises becomes a domain error a user can act on: a broken connection
(PostgreSQL restarted, our backend killed) ends either scope with `ConnectionLost`, a server
that cannot be reached raises `DatabaseUnreachable` (an engine hook), and a versioned row that
another seat changed meanwhile (`StaleDataError`) ends the write scope with `ConcurrentChange`
naming who changed it and when. The PostgreSQL pool checks each connection before handing it
out (`_alive`), so the next action reconnects by itself.
"""

from __future__ import annotations

import functools
import json
import os
import re
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from dms import validators
from dms.errors import ConcurrentChange, ConfigError, ConnectionLost, DatabaseUnreachable

APP_NAME = "dms"
ENV_URL = "DMS_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000
# File systems on which SQLite's WAL (shared memory index) does not work across hosts.
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p",
              "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre"}


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.json"


def load_settings() -> dict:
    path = settings_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(message=f"Cannot read settings file {path}: {exc}") from exc


def save_settings(settings: dict) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # 0600: the file may hold a database URL with its password
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(settings, ensure_ascii=False, indent=2))
    os.chmod(path, 0o600)  # a file made before by an older version


def default_sqlite_url() -> str:
    data_dir = Path(platformdirs.user_data_dir(APP_NAME))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'dms.sqlite3'}"


def resolve_url(url: str | None = None) -> str:
    """`--url` beats `DMS_DATABASE_URL` beats the settings file beats the embedded default."""
    return url or os.environ.get(ENV_URL) or load_settings().get("database_url") or default_sqlite_url()


def is_network_path(path: Path) -> bool:
    """True when `path` lives on a network share (UNC path, mapped network drive, NFS/SMB mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, fields[2]
    return fstype in NETWORK_FS


def _sqlite_path(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


# What a transaction publishes at its commit (`dms.changes`): its audit entries and change_log
# rows. SQLite has no INSERT inside a WITH, so each connection gets a view of its own whose
# INSTEAD OF trigger writes both from JSON arrays (one row an array of these columns), and a
# command writes them with one statement, as on PostgreSQL.
AUDIT_COLUMNS = ("store_id", "at", "user_id", "entity", "entity_id", "action", "from_state",
                 "to_state", "reason", "data")
CHANGE_COLUMNS = ("at", "store_id", "entity", "entity_id")


def _from_json(table: str, columns: tuple[str, ...], array: str) -> str:
    values = ", ".join(f"json_extract(value, '$[{n}]')" for n in range(len(columns)))
    return (f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} "
            f"FROM json_each(NEW.{array}) ORDER BY key;")


PUBLISH_VIEW = (
    "CREATE TEMP VIEW IF NOT EXISTS dms_publish (audit, changes) AS SELECT NULL, NULL",
    "CREATE TEMP TRIGGER IF NOT EXISTS dms_publish INSTEAD OF INSERT ON dms_publish BEGIN "
    f"{_from_json('audit_log', AUDIT_COLUMNS, 'audit')} "
    f"{_from_json('change_log', CHANGE_COLUMNS, 'changes')} END")


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Take transaction control away from the sqlite3 module so "begin" below decides.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        for statement in PUBLISH_VIEW:
            cursor.execute(statement)
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        if conn.get_execution_options().get("dms_read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def _install_postgresql_hooks(engine: Engine) -> None:
    server = f"{engine.url.host or 'localhost'}:{engine.url.port or 5432}/{engine.url.database}"

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_connection, _record, _proxy):
        # Raising makes the pool drop this connection and hand out a new one.
        if not _alive(dbapi_connection):
            raise DisconnectionError("the server closed the pooled connection")

    @event.listens_for(engine, "handle_error")
    def on_error(context):
        # No connection at all (a failed connect, also the reconnect after a dropped one)
        # is the only case without a `connection`; pings and broken connections are left to
        # the pool and to the session scopes.
        if context.connection is None and not context.is_pre_ping and not context.is_disconnect:
            # psycopg: 'connection failed: connection to server at "h", port 5432 failed: FATAL:  …'
            first_line = str(context.original_exception).strip().splitlines()[0]
            reason = first_line.rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip()
            return DatabaseUnreachable(server=server, reason=reason)
        return None


def make_engine(url: str) -> Engine:
    """Engine for a SQLAlchemy URL; SQLite files are checked and tuned per DESIGN §6."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = _sqlite_path(url)
        if path is not None:
            if is_network_path(path.parent if not path.exists() else path):
                raise ConfigError(
                    "db.network_share",
                    "The database file {path} is on a network share. SQLite cannot be shared "
                    "across computers safely; use PostgreSQL for several seats (DMS_DATABASE_URL).",
                    path=str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":  # plain postgresql:// means psycopg 3 here
            url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        # A pooled connection the server dropped (restart, idle kill) is replaced before the
        # next action uses it, instead of failing that action: `_alive`, at each check-out.
        engine = create_engine(url, connect_args={"cursor_factory": _described_cursor()})
        _install_postgresql_hooks(engine)
        return engine
    raise ConfigError("db.unsupported", "Unsupported database URL {url}: use sqlite:/// or postgresql://",
                      url=parsed.render_as_string())


@functools.cache
def _described_cursor():
    """psycopg's cursor whose `description` is plain (name, type code, None × 5) tuples, as
    the DB-API has it. SQLAlchemy reads it once a statement, only to see whether rows come
    (its compiled statements keep their own columns), and psycopg builds a `Column` object per
    column every time, with a type look-up each: 2,000 an order in `lifecycle.py`."""
    import psycopg
    from psycopg.pq import ExecStatus

    rows = (ExecStatus.TUPLES_OK, ExecStatus.SINGLE_TUPLE, ExecStatus.TUPLES_CHUNK)

    class Cursor(psycopg.Cursor):
        @property
        def description(self):
            result = self.pgresult
            if not result or not (result.nfields or result.status in rows):
                return None
            encoding = self.connection.info.encoding
            return [((result.fname(i) or b"?").decode(encoding), result.ftype(i), None, None,
                     None, None, None) for i in range(result.nfields)]

    return Cursor


def _alive(dbapi_connection) -> bool:
    """Whether a pooled psycopg connection, idle between two actions, is still open, without a
    round trip to the server (SQLAlchemy's pre-ping costs one per action): an idle connection
    receives nothing unless the server ends it (a restart or a terminated backend sends its
    FATAL message and closes), so a socket with something to read is one the server has ended,
    or one a notice arrived on: either way a new connection is the safe choice. A peer gone
    without a word (a cable pulled) is found by the first statement (`ConnectionLost`), where a
    ping would have waited as long."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return False
    try:
        return not _readable(dbapi_connection.fileno())
    except (OSError, ValueError):
        return False


def _readable(fd: int) -> bool:
    if hasattr(select, "poll"):  # not select(): it refuses descriptors above 1023
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(0))
    return bool(select.select([fd], [], [], 0)[0])  # Windows: sockets only, as this is


class Database:
    """One engine and the two kinds of session scope every service and query uses."""

    def __init__(self, url: str | None = None, engine: Engine | None = None):
        self.url = resolve_url(url) if engine is None else engine.url.render_as_string(False)
        self.engine = engine or make_engine(self.url)
        # PostgreSQL reads without BEGIN and ROLLBACK (two round trips a read): at READ
        # COMMITTED each statement reads its own snapshot inside a transaction as well. A
        # streamed read keeps its transaction (a server-side cursor lives in one), and so does
        # every SQLite read: one snapshot for all the statements of a read.
        in_transaction = self.engine.execution_options(dms_read_only=True)
        self.read_engine = in_transaction.execution_options(isolation_level="AUTOCOMMIT") \
            if self.backend == "postgresql" else in_transaction
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._streamed = sessionmaker(in_transaction, expire_on_commit=False)
        event.listen(self._write, "before_flush", _note_versions)
        event.listen(self._write, "before_flush", validators.storable_rows)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls everything back on any error."""
        # The change-publishing hooks, registered by importing dms.changes at the first write
        # rather than with this module: that import loads every ORM model, which the start
        # leaves until after the sign-in dialog is painted.
        from dms import changes  # noqa: F401
        session = self._write()
        body_done = False
        try:
            with session, session.begin():
                yield session
                body_done = True
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            # Only the COMMIT itself runs without a statement of ours; lost there, the server
            # may have committed already.
            at_commit = body_done and exc.statement is None
            raise (ConnectionLost.at_commit() if at_commit else ConnectionLost()) from exc
        except StaleDataError as exc:
            raise self._stale(session, exc) from exc

    @contextmanager
    def reading(self, streamed: bool = False) -> Iterator[Session]:
        """A read; `streamed` for one whose rows come in chunks (`yield_per`)."""
        try:
            with (self._streamed if streamed else self._read)() as session, session.begin():
                session.info["dms_streamed"] = streamed
                yield session
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            raise ConnectionLost() from exc

    def select_rows(self, sql: str, params) -> list[tuple]:
        """One driver-level SELECT on a pooled connection: no ORM session and no explicit BEGIN
        and ROLLBACK around it (a single statement reads one consistent snapshot by itself).
        For the advisor's lookup, which runs on every key stroke. Failures read as in the
        session scopes: no server is `DatabaseUnreachable` (engine hook, at check-out), a
        connection that breaks is invalidated and reported as `ConnectionLost`."""
        dialect = self.engine.dialect
        with self.read_engine.connect() as conn:
            cursor = conn.connection.cursor()
            try:
                cursor.execute(sql, params)
                return cursor.fetchall()
            except dialect.loaded_dbapi.Error as exc:
                if not dialect.is_disconnect(exc, conn.connection.dbapi_connection, cursor):
                    raise
                conn.invalidate(exc)
                raise ConnectionLost() from exc
            finally:
                cursor.close()

    def _stale(self, session: Session, exc: StaleDataError) -> ConcurrentChange:
        """Who changed (or deleted) the row this transaction meant to update, read afresh."""
        found = re.search(r"on table '([^']+)'", str(exc))
        table = found.group(1) if found else "?"
        noted = session.info.get("dms_versioned", {})
        candidates = [(key, version) for key, version in noted.items()
                      if key[0].__table__.name == table]
        with self.reading() as s:
            for (cls, ident, *_), version in candidates:
                row = s.get(cls, ident)
                if row is None:
                    return ConcurrentChange(what=f"{_label(cls)} {ident[0]}", user="?", when="?")
                if row.version != version:
                    return conflict(s, _describe(s, row), row)
        return ConcurrentChange(what=table, user="?", when="?")

    def dispose(self) -> None:
        self.engine.dispose()


def conflict(session: Session, what: str, record) -> ConcurrentChange:
    """The error for a versioned record someone else changed: who, and when (local time)."""
    from dms.models import User

    who = session.get(User, record.updated_by_id) if record.updated_by_id else None
    when = record.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if record.updated_at else "?"
    return ConcurrentChange(what=what, user=who.display_name if who else "?", when=when)


def _note_versions(session: Session, _context, _instances) -> None:
    """Remember the version each versioned row had when this transaction first wrote it: after
    a StaleDataError the flush has been rolled back and only this tells which row was stale."""
    noted = session.info.setdefault("dms_versioned", {})
    for obj in (*session.dirty, *session.deleted):
        state = inspect(obj)
        column = state.mapper.version_id_col
        if column is not None and state.key is not None:
            attr = state.mapper.get_property_by_column(column).key
            noted.setdefault(state.key, state.dict.get(attr))


def _label(cls) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).capitalize()  # WorkOrder → Work order


def _describe(session: Session, row) -> str:
    """The record as users know it: "Work order WO…", "Settlement of work order WO…"."""
    from dms.models import WorkOrder

    if getattr(row, "number", None):
        return f"{_label(type(row))} {row.number}"
    if getattr(row, "work_order_id", None):
        order = session.get(WorkOrder, row.work_order_id)
        return f"{_label(type(row))} of work order {order.number}"
    return f"{_label(type(row))} {row.id}"

