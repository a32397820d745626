"""`dms backup FILE`: SQLite online backup (other seats may keep working); pg_dump on PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from dms.errors import ConfigError


def backup(db, target: str) -> str:
    """Write a backup of `db` to `target`; returns a one-line description of what was written."""
    path = Path(target)
    if path.exists():
        raise ConfigError("backup.exists", "{path} already exists; choose a new file name.", path=target)
    url = make_url(db.url)
    if db.backend == "sqlite":
        source = sqlite3.connect(url.database)
        dest = sqlite3.connect(path)
        try:
            with dest:
                source.backup(dest)  # consistent snapshot while other connections write
        finally:
            dest.close()
            source.close()
        return f"SQLite backup written to {path}"
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise ConfigError(
            "backup.no_pg_dump",
            "pg_dump was not found. Install the PostgreSQL client tools (Debian: postgresql-client) "
            "or run on the server: pg_dump -Fc -f FILE DBNAME")
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    result = subprocess.run([pg_dump, "-Fc", "-f", str(path), libpq], capture_output=True, text=True)
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        raise ConfigError("backup.pg_dump_failed", "pg_dump failed: {error}", error=result.stderr.strip())
    return f"PostgreSQL custom-format dump written to {path} (restore with pg_restore)"
