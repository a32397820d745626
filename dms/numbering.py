"""Gap-free document numbers per store, kind and year (work orders, invoices, gate passes…).

The counter row is incremented by one upsert inside the caller's transaction: the row lock
serialises concurrent seats, and a rolled-back transaction takes its number back with it.
"""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from dms import clock
from dms.models import NumberSequence

PREFIXES = {"workorder": "WO", "invoice": "INV", "gatepass": "GP", "appointment": "AP",
            "transfer": "TR", "stocktake": "ST", "complaint": "CP", "refund": "RF",
            "pdi": "PDI", "purchase": "PO"}


def _upsert(insert):
    table = NumberSequence.__table__
    return (insert(table).values(store_id=bindparam("store"), kind=bindparam("kind"),
                                 year=bindparam("year"), last_value=1)
            .on_conflict_do_update(index_elements=["store_id", "kind", "year"],
                                   set_={"last_value": table.c.last_value + 1})
            .returning(table.c.last_value))


# Built once per dialect (a check-in, a settlement and a gate pass each take a number).
_UPSERT = {"postgresql": _upsert(pg_insert), "sqlite": _upsert(sqlite_insert)}


def next_value(session: Session, store_id: int, kind: str, year: int) -> int:
    statement = _UPSERT["postgresql" if session.get_bind().dialect.name == "postgresql"
                        else "sqlite"]
    return session.execute(statement, {"store": store_id, "kind": kind,
                                       "year": year}).scalar_one()


def next_number(session: Session, store_id: int, kind: str, year: int | None = None) -> str:
    """E.g. WO2026000123: prefix, year, six-digit counter."""
    year = year or clock.now().astimezone().year
    return f"{PREFIXES[kind]}{year}{next_value(session, store_id, kind, year):06d}"
