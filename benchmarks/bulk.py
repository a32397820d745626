"""Bulk writing for the benchmark generator: one raw DBAPI connection, executemany in chunks.

Values are written exactly as the TypeDecorators in `dms.models.base` store them (money as
integer fen, timestamps as naive UTC, booleans as 0/1 on SQLite).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from dms.db import Database

CHUNK = 5_000


class Writer:
    """Backend-neutral bulk writer on one raw DBAPI connection."""

    def __init__(self, conn, backend: str):
        self.conn, self.backend = conn, backend
        self.mark = "?" if backend == "sqlite" else "%s"
        self.rows = 0
        self.tables: set[str] = set()

    def ts(self, value: datetime):  # UTCDateTime: naive UTC
        naive = value.astimezone(timezone.utc).replace(tzinfo=None)
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if self.backend == "sqlite" else naive

    def day(self, value: date | None):
        if value is None:
            return None
        return value.isoformat() if self.backend == "sqlite" else value

    def flag(self, value: bool):
        return int(value) if self.backend == "sqlite" else bool(value)

    def insert(self, table: str, columns: tuple[str, ...], rows) -> int:
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join([self.mark] * len(columns))})")
        cur = self.conn.cursor()
        batch, n = [], 0
        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK:
                cur.executemany(sql, batch)
                n += len(batch)
                batch = []
        if batch:
            cur.executemany(sql, batch)
            n += len(batch)
        cur.close()
        self.rows += n
        self.tables.add(table)
        return n

    def sync_sequences(self) -> None:
        """PostgreSQL: move each written table's id sequence past the ids written explicitly,
        so that the services' own inserts get fresh ids (SQLite takes MAX(rowid) + 1 anyway)."""
        if self.backend == "sqlite":
            return
        cur = self.conn.cursor()
        for table in sorted(self.tables):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) "
                        f"FROM {table} HAVING MAX(id) IS NOT NULL")
        cur.close()

    def scalar(self, sql: str, *args):
        cur = self.conn.cursor()
        cur.execute(sql.replace("?", self.mark), args)
        row = cur.fetchone()
        cur.close()
        return None if row is None else row[0]

    def all(self, sql: str, *args):
        cur = self.conn.cursor()
        cur.execute(sql.replace("?", self.mark), args)
        rows = cur.fetchall()
        cur.close()
        return rows


class Context:
    """What the bulk rows refer to: the demo store, its users, price classes, bays."""

    def __init__(self, w: Writer, seed: int):
        self.w, self.seed = w, seed
        self.store_id = w.scalar("SELECT id FROM store ORDER BY id LIMIT 1")
        users = dict(w.all("SELECT username, id FROM user_account"))
        self.users = users
        self.advisors = [users[u] for u in ("advisor1", "advisor2", "advisor3")]
        self.techs = [users[f"tech{i}"] for i in range(1, 9)]
        self.cashier, self.admin = users["cashier1"], users["admin"]
        rows = w.all("SELECT id, code, hourly_rate FROM price_class WHERE store_id = ?", self.store_id)
        self.class_rate = {code: (pid, int(rate)) for pid, code, rate in rows}
        self.bays = [r[0] for r in w.all("SELECT id FROM bay WHERE store_id = ?", self.store_id)]
        self.warehouse = w.scalar("SELECT id FROM warehouse WHERE store_id = ? ORDER BY id",
                                  self.store_id)
        self.bin = w.scalar("SELECT id FROM bin WHERE warehouse_id = ? ORDER BY id", self.warehouse)
        self.supplier = w.scalar("SELECT id FROM supplier WHERE store_id = ? ORDER BY id",
                                 self.store_id)
        self.now = datetime.now(timezone.utc).replace(microsecond=0)
        self.flag_true = w.flag(True)
        if w.backend == "sqlite":
            w.conn.execute("BEGIN")

    def next_id(self, table: str) -> int:
        return (self.w.scalar(f"SELECT MAX(id) FROM {table}") or 0) + 1


def database_size(db: Database) -> int:
    if db.backend == "sqlite":  # checkpointed first: the database file, not its WAL
        path = make_url(db.url).database
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return Path(path).stat().st_size
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
