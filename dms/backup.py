"""`dms backup FILE` / `dms restore FILE [--force]`, with a verification manifest.

Backup
    SQLite: the online backup API copies a consistent snapshot while other seats keep
    working; the copy is switched to journal_mode=DELETE so it is one self-contained file.
    PostgreSQL: `pg_dump -Fc`, the password in PGPASSWORD, never on its command line. Backup
    and manifest are created 0600. The manifest is computed inside a REPEATABLE READ transaction
    whose snapshot is exported and handed to `pg_dump --snapshot`, so the dump and the
    manifest describe exactly the same data even while other seats write.

Manifest (`FILE.manifest.json`, written next to the backup)
    backend, schema revision, time, SHA-256 of the backup file, for every table its row
    count and highest id, the latest `audit_log.at` / `change_log.at`, and for every
    "amount table" (each table with a Money or fixed-point column: settlement, payment,
    part_line, labour_line, fee, stock_movement, …) the row count, the sum of each amount
    column computed from the stored integers (fen, scaled quantities) and a SHA-256 of the
    rows `(id, amounts…)` ordered by id.

Freshness rule (restore refuses without `force=True`)
    The live database "has newer data" when any of its tables holds a row whose id is above
    the highest id of the same table in the backup (or a non-empty table the backup does not
    have), or when its latest audit_log / change_log time is later than the backup's. Ids
    never go backwards, so this catches every insert since the backup; updates are caught
    through the audit/change logs the services write. An empty database, or one that is
    exactly the backed-up state, is restored without force.

Restore
    Before anything is touched the backup file's SHA-256 is checked against the manifest (and
    on SQLite the backup's contents are compared to the manifest too).
    SQLite: the backup API runs in reverse, from the backup file into the live file. It takes
    the database's write lock, replaces every page in one transaction and goes through the
    live file's WAL, so seats that stay open simply see the restored data on their next
    read. (Swapping files is not safe: open connections would keep the old inode and its
    -wal/-shm files.)
    PostgreSQL: `pg_restore --clean --if-exists --no-owner -1` into the target database
    (one transaction: a failure leaves the database as it was).
    Afterwards the live database is compared to the manifest; a mismatch raises
    ConfigError("restore.verify_failed").

`verify_backup(file, db=None)` checks a backup without touching any live database: SQLite
backups are read directly (read-only); PostgreSQL dumps are restored into a throwaway
database on `db`'s server, compared and dropped.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import Connection, make_url

from dms.errors import ConfigError

MANIFEST_FORMAT = 1
LOG_TABLES = ("audit_log", "change_log")
# Signing in is audited, and `dms restore` signs in first: those rows are not data a restore
# would lose, so the highest id and latest time of the audit log leave them out.
_NOT_SIGN_IN = "action NOT IN ('sign_in', 'sign_in_failed', 'sign_in_refused')"


# --- manifest ---------------------------------------------------------------------------------

def manifest_path(target: str | Path) -> Path:
    return Path(str(target) + ".manifest.json")


def _amount_columns() -> dict[str, list[str]]:
    """{table: [amount columns]} for every table with a Money or fixed-point (Scaled) column."""
    from dms.models import Base
    from dms.models.base import Money, Scaled

    found = {}
    for table in Base.metadata.sorted_tables:
        columns = [c.name for c in table.c if isinstance(c.type, (Money, Scaled))]
        if columns and "id" in table.c:
            found[table.name] = columns
    return dict(sorted(found.items()))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot(conn: Connection) -> dict:
    """Counts, highest ids, latest log times and amount checksums of the database behind `conn`."""
    from dms.models import Base

    present = set(inspect(conn).get_table_names())
    tables = {}
    for name in sorted(present):
        if name.startswith("sqlite_"):
            continue
        known = Base.metadata.tables.get(name)
        if name == "audit_log":
            rows = conn.execute(text('SELECT count(*) FROM "audit_log"')).scalar_one()
            max_id = conn.execute(text(f'SELECT max(id) FROM "audit_log" WHERE {_NOT_SIGN_IN}')).scalar()
        elif known is not None and "id" in known.c:
            rows, max_id = conn.execute(text(f'SELECT count(*), max(id) FROM "{name}"')).one()
        else:
            rows, max_id = conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one(), None
        tables[name] = {"rows": int(rows), "max_id": None if max_id is None else int(max_id)}
    latest = {}
    for name in LOG_TABLES:
        if name in present:
            query = select(func.max(Base.metadata.tables[name].c.at))
            if name == "audit_log":
                query = query.where(text(_NOT_SIGN_IN))
            at = conn.execute(query).scalar()
            latest[name] = None if at is None else _utc(at).isoformat()
    amounts = {}
    for name, columns in _amount_columns().items():
        if name not in present:
            continue
        digest = hashlib.sha256()
        sums = dict.fromkeys(columns, 0)
        rows = 0
        cols = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(text(f'SELECT id, {cols} FROM "{name}" ORDER BY id')):
            rows += 1
            for column, value in zip(columns, row[1:]):
                if value is not None:
                    sums[column] += int(value)
            digest.update((",".join("" if v is None else str(int(v)) for v in row) + "\n").encode())
        amounts[name] = {"rows": rows, "sums": sums, "sha256": digest.hexdigest()}
    revision = None
    if "alembic_version" in present:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return {"schema_revision": revision, "tables": tables, "latest": latest, "amounts": amounts}


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def compare(manifest: dict, found: dict) -> list[str]:
    """Human-readable differences between a manifest and a snapshot (empty: they match)."""
    problems = []
    expected_tables, found_tables = manifest.get("tables", {}), found["tables"]
    for name in sorted(set(expected_tables) | set(found_tables)):
        want, got = expected_tables.get(name), found_tables.get(name)
        if want is None:
            if got["rows"]:
                problems.append(f"{name}: {got['rows']} rows, not in the backup manifest")
        elif got is None:
            problems.append(f"{name}: table missing (manifest: {want['rows']} rows)")
        elif want["rows"] != got["rows"]:
            problems.append(f"{name}: {got['rows']} rows, manifest says {want['rows']}")
    expected_amounts = manifest.get("amounts", {})
    for name in sorted(set(expected_amounts) | set(found["amounts"])):
        want, got = expected_amounts.get(name), found["amounts"].get(name)
        if want is None or got is None:
            problems.append(f"{name}: amount checksum missing on one side")
            continue
        for column in sorted(set(want["sums"]) | set(got["sums"])):
            if want["sums"].get(column) != got["sums"].get(column):
                problems.append(f"{name}.{column}: sum {got['sums'].get(column)}, "
                                f"manifest says {want['sums'].get(column)}")
        if want["sha256"] != got["sha256"]:
            problems.append(f"{name}: checksum of (id, amounts) differs from the manifest")
    return problems


def newer_data(manifest: dict, live: dict) -> list[str]:
    """Why the live database holds data the backup does not have (empty: nothing newer)."""
    reasons = []
    for name, got in live["tables"].items():
        if not got["rows"]:
            continue
        want = manifest["tables"].get(name)
        if want is None:
            reasons.append(f"{name} has {got['rows']} rows and is not in the backup")
        elif got["max_id"] is not None and got["max_id"] > (want["max_id"] or 0):
            reasons.append(f"{name}: newest id {got['max_id']} > {want['max_id'] or 0} in the backup")
    for name, at in live["latest"].items():
        backed_up = manifest.get("latest", {}).get(name)
        if at is not None and (backed_up is None or datetime.fromisoformat(at) > datetime.fromisoformat(backed_up)):
            reasons.append(f"{name}: latest entry {at} is after the backup's {backed_up or '(none)'}")
    return reasons


def load_manifest(source: str | Path) -> dict:
    path = manifest_path(source)
    if not path.exists():
        raise ConfigError("restore.no_manifest",
                          "{path} is missing: the backup cannot be verified. Use --force to "
                          "restore it anyway without verification.", path=str(path))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError("restore.bad_manifest", "Cannot read {path}: {error}",
                          path=str(path), error=str(exc)) from exc
    if manifest.get("format") != MANIFEST_FORMAT or "tables" not in manifest:
        raise ConfigError("restore.bad_manifest", "{path} is not a DMS backup manifest.", path=str(path))
    return manifest


# --- results ----------------------------------------------------------------------------------

@dataclass
class Verification:
    """What was compared; `problems` empty means the data matches the manifest."""

    file: str
    backend: str
    manifest: dict | None
    found: dict | None = None
    problems: list[str] = field(default_factory=list)
    action: str = "verified"

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.problems

    def summary(self) -> str:
        if self.manifest is None:
            return f"{self.action.capitalize()} {self.file}: NOT verified (no manifest)."
        tables = self.manifest["tables"]
        lines = [f"{self.action.capitalize()} {self.file} ({self.backend}, backup of "
                 f"{self.manifest.get('created_at', '?')}, schema {self.manifest.get('schema_revision')})",
                 f"  tables: {len(tables)}, rows: {sum(t['rows'] for t in tables.values())}"]
        for name, info in self.manifest["amounts"].items():
            if info["rows"]:
                sums = ", ".join(f"{c}={v}" for c, v in info["sums"].items() if v)
                lines.append(f"  {name}: {info['rows']} rows" + (f", {sums}" if sums else "")
                             + f", sha256 {info['sha256'][:12]}")
        if self.problems:
            lines.append("  verification FAILED:")
            lines += [f"    {p}" for p in self.problems]
        else:
            lines.append("  verification passed: row counts and amount checksums match the manifest.")
        return "\n".join(lines)


def _verify_failed(verification: Verification, when: str) -> ConfigError:
    shown = verification.problems[:8]
    more = len(verification.problems) - len(shown)
    return ConfigError("restore.verify_failed",
                       "Verification of {file} failed {when}: {problems}",
                       file=verification.file, when=when,
                       problems="; ".join(shown) + (f"; and {more} more" if more > 0 else ""))


# --- backup -----------------------------------------------------------------------------------

def _pg_tool(name: str, code: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise ConfigError(
            code,
            f"{name} was not found. Install the PostgreSQL client tools (Debian: postgresql-client, "
            f"Windows: the PostgreSQL installer's command line tools) and make sure {name} is on PATH.")
    return tool


def _libpq(url: str) -> tuple[str, dict]:
    """The URL pg_dump and pg_restore get, without the password, and their environment with
    it: a command line is visible to every user of the machine (ps), the environment is not."""
    u = make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    return u.set(drivername="postgresql")._replace(password=None).render_as_string(hide_password=False), env


def run_tool(args: list[str], env: dict) -> subprocess.CompletedProcess:
    """A PostgreSQL client tool that cannot outlive this process. On Linux the tool gets
    SIGKILL when `dms` dies, even by SIGKILL (PR_SET_PDEATHSIG); pg_restore runs as one
    transaction (-1), so a killed restore rolls back instead of finishing unverified."""
    preexec = None
    if sys.platform == "linux":
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork
        preexec = lambda: prctl(1, signal.SIGKILL)  # noqa: E731 - 1: PR_SET_PDEATHSIG
    return subprocess.run(args, capture_output=True, text=True, env=env, preexec_fn=preexec)


def private_file(path: Path) -> Path:
    """Create `path` empty, readable and writable by its owner only (0600): a backup holds
    every customer's data. Refuses an existing file (O_EXCL) like the check before it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise ConfigError("backup.exists", "{path} already exists; choose a new file name.",
                          path=str(path)) from None
    return path


def _sqlite_file(db) -> Path:
    database = make_url(db.url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise ConfigError("backup.sqlite_path", "Only SQLite databases in a plain file can be backed up.")
    return Path(database)


def _readonly_engine(path: Path):
    return create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")


def _write_manifest(target: Path, backend: str, source_url: str, found: dict) -> None:
    manifest = {"format": MANIFEST_FORMAT, "backend": backend,
                "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "source": make_url(source_url).render_as_string(hide_password=True),
                "file": target.name, "file_sha256": _file_sha256(target), **found}
    private_file(manifest_path(target)).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                                   encoding="utf-8")


def backup(db, target: str) -> str:
    """Write a backup of `db` to `target` plus `target.manifest.json`; returns a description."""
    path = Path(target)
    for existing in (path, manifest_path(path)):
        if existing.exists():
            raise ConfigError("backup.exists", "{path} already exists; choose a new file name.",
                              path=str(existing))
    if db.backend == "sqlite":
        # private_file first: a missing folder or no permission is an OSError naming the file
        dest = sqlite3.connect(private_file(path))
        source = sqlite3.connect(_sqlite_file(db))
        try:
            source.backup(dest)  # consistent snapshot while other connections write
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
            source.close()
        engine = _readonly_engine(path)
        try:
            with engine.connect() as conn:  # the copy *is* the snapshot: describe it
                found = snapshot(conn)
        finally:
            engine.dispose()
        _write_manifest(path, "sqlite", db.url, found)
        return f"SQLite backup written to {path} (manifest {manifest_path(path).name})"
    pg_dump = _pg_tool("pg_dump", "backup.no_pg_dump")
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        conn.execute(text("SET TRANSACTION READ ONLY"))
        snapshot_id = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        found = snapshot(conn)
        url, env = _libpq(db.url)
        private_file(path)  # pg_dump truncates it and keeps the mode
        result = run_tool([pg_dump, "-Fc", f"--snapshot={snapshot_id}", "-f", str(path), url], env)
        conn.rollback()
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        raise ConfigError("backup.pg_dump_failed", "pg_dump failed: {error}", error=result.stderr.strip())
    _write_manifest(path, "postgresql", db.url, found)
    return (f"PostgreSQL custom-format dump written to {path} (manifest {manifest_path(path).name}; "
            f"restore with `dms restore` or pg_restore)")


# --- verify and restore -----------------------------------------------------------------------

def _check_file(source: Path, manifest: dict, backend: str | None) -> None:
    if not source.exists():
        raise ConfigError("restore.no_file", "Backup file {path} does not exist.", path=str(source))
    if backend is not None and manifest["backend"] != backend:
        raise ConfigError("restore.wrong_backend",
                          "{path} is a {backup} backup; it cannot be restored into a {backend} database.",
                          path=str(source), backup=manifest["backend"], backend=backend)
    if _file_sha256(source) != manifest.get("file_sha256"):
        raise ConfigError("restore.verify_failed",
                          "Verification of {file} failed before restoring: the file's SHA-256 does "
                          "not match its manifest (the backup or the manifest was changed or damaged).",
                          file=str(source))


def _pg_restore(source: Path, url: str) -> None:
    pg_restore = _pg_tool("pg_restore", "restore.no_pg_restore")
    target, env = _libpq(url)
    result = run_tool([pg_restore, "--clean", "--if-exists", "--no-owner", "-1",
                       "-d", target, str(source)], env)
    if result.returncode != 0:
        raise ConfigError("restore.pg_restore_failed",
                          "pg_restore failed (nothing was changed): {error}", error=result.stderr.strip())


def verify_backup(source: str | Path, db=None) -> Verification:
    """Check a backup against its manifest without touching any live database.

    SQLite: the backup file is opened read-only and compared. PostgreSQL: the dump is restored
    into a throwaway database on `db`'s server (needs CREATE DATABASE), compared, dropped.
    Raises ConfigError("restore.verify_failed") on a mismatch."""
    source = Path(source)
    manifest = load_manifest(source)
    _check_file(source, manifest, None)
    if manifest["backend"] == "sqlite":
        engine = _readonly_engine(source)
        try:
            with engine.connect() as conn:
                found = snapshot(conn)
        finally:
            engine.dispose()
    else:
        if db is None or db.backend != "postgresql":
            raise ConfigError("backup.verify_needs_server",
                              "Verifying a PostgreSQL dump restores it into a temporary database: "
                              "give a PostgreSQL database URL.")
        admin = create_engine(make_url(db.url).set(drivername="postgresql+psycopg"),
                              isolation_level="AUTOCOMMIT")
        name = f"dms_verify_{uuid.uuid4().hex[:12]}"
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            scratch_url = make_url(db.url).set(database=name).render_as_string(hide_password=False)
            try:
                _pg_restore(source, scratch_url)
                scratch = create_engine(make_url(scratch_url).set(drivername="postgresql+psycopg"))
                try:
                    with scratch.connect() as conn:
                        found = snapshot(conn)
                finally:
                    scratch.dispose()
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        finally:
            admin.dispose()
    verification = Verification(str(source), manifest["backend"], manifest, found,
                                compare(manifest, found))
    if verification.problems:
        raise _verify_failed(verification, "(backup against its manifest)")
    return verification


def _live_snapshot(db) -> dict:
    with db.engine.connect() as conn:
        found = snapshot(conn)
        conn.rollback()
    return found


def restore(db, source: str | Path, force: bool = False) -> Verification:
    """Replace the contents of `db` with the backup `source`, then verify against the manifest.

    Refuses with ConfigError("restore.newer_data") when the live database has data the backup
    does not (see the module docstring) unless `force`; a backup without manifest is restored
    only with `force`, unverified."""
    source = Path(source)
    backend = db.backend
    try:
        manifest = load_manifest(source)
    except ConfigError as exc:
        if exc.code != "restore.no_manifest" or not force:
            raise
        manifest = None
    if manifest is not None:
        _check_file(source, manifest, backend)
        if backend == "sqlite":  # cheap: compare the backup's contents before touching anything
            verify_backup(source)
        if not force:
            reasons = newer_data(manifest, _live_snapshot(db))
            if reasons:
                raise ConfigError(
                    "restore.newer_data",
                    "The database has newer data than the backup {file} ({reasons}). "
                    "Restoring would lose it; use --force to restore anyway.",
                    file=str(source), reasons="; ".join(reasons[:5]) + ("; …" if len(reasons) > 5 else ""))
    elif not source.exists():
        raise ConfigError("restore.no_file", "Backup file {path} does not exist.", path=str(source))
    db.engine.dispose()  # no pooled connection of ours holds a lock or a stale snapshot
    if backend == "sqlite":
        live = _sqlite_file(db)
        live.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
        dest = sqlite3.connect(live, timeout=30)
        try:
            src.backup(dest)  # page-by-page into the live file, under its write lock, through its WAL
        except sqlite3.Error as exc:
            raise ConfigError("restore.sqlite_failed", "Restoring {file} failed: {error}",
                              file=str(source), error=str(exc)) from exc
        finally:
            dest.close()
            src.close()
    else:
        _pg_restore(source, db.url)
    db.engine.dispose()
    if manifest is None:
        return Verification(str(source), backend, None, action="restored")
    found = _live_snapshot(db)
    verification = Verification(str(source), backend, manifest, found, compare(manifest, found),
                                action="restored")
    if verification.problems:
        raise _verify_failed(verification, "after restoring (the database now holds the backup's data)")
    return verification
