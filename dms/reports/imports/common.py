"""What the three kinds share: the kind description, in-file duplicates and chunked look-ups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dms.reports.imports.sheet import Column, Errors, Row

CHUNK = 500  # keeps IN lists well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class Kind:
    name: str
    title_zh: str
    title_en: str  # who may import: the action "import.<name>" of dms.permissions
    columns: tuple[Column, ...]
    # check(session, actor, rows, errors) -> context for write; adds errors, never writes
    check: Callable[[Session, Any, list[Row], Errors], Any]
    # write(session, actor, rows, context) -> audit details
    write: Callable[[Session, Any, list[Row], Any], dict]


def duplicates(rows: list[Row], key: str, errors: Errors, values=None) -> dict[str, int]:
    """Report every repeat of a value of `key` after its first row; value -> first row.
    `values(row)` yields several values per row (barcodes); default: the row's one value."""
    seen: dict[str, int] = {}
    for row in rows:
        if key in row.bad:
            continue
        found = values(row) if values else [row.values.get(key)]
        for value in found:
            if value is None:
                continue
            if value in seen:
                errors.add(row.number, key, "import.duplicate_in_file", value=value, first=seen[value])
                row.bad.add(key)
            else:
                seen[value] = row.number
    return seen


def lookup(s: Session, columns, key_column, values: Iterable, *where) -> list:
    """Rows of `columns` whose `key_column` is one of `values`, asked in chunks."""
    values = sorted(set(values))
    out = []
    for i in range(0, len(values), CHUNK):
        out.extend(s.execute(select(*columns).where(key_column.in_(values[i:i + CHUNK]), *where)).all())
    return out


def in_database(s: Session, rows: list[Row], key: str, errors: Errors, key_column, *where) -> None:
    """Refuse rows whose `key` value is already in `key_column`."""
    wanted = {r.values[key] for r in rows if r.values.get(key) is not None and key not in r.bad}
    taken = {v for (v,) in lookup(s, (key_column,), key_column, wanted, *where)}
    for row in rows:
        value = row.values.get(key)
        if value in taken and key not in row.bad:
            errors.add(row.number, key, "import.duplicate_in_db", value=value)
            row.bad.add(key)
