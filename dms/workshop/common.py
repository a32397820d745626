"""What every work-order service shares: loading with a version check, moving through the
transition table with an audit entry, the order's lines read once per transaction, and the
plain result a command returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session

from dms import audit, clock
from dms.db import conflict
from dms.errors import NotFound
from dms.models import Fee, InsuranceClaim, LabourLine, Part, PartLine, WorkOrder
from dms.permissions import ACCOUNT_COLUMNS, first_with_account, require
from dms.workshop.states import transition


@dataclass(frozen=True)
class Changed:
    """What a command changed, so a screen refreshes just that."""

    entity: str
    id: int
    version: int | None = None
    state: str | None = None


def load_order(session: Session, actor, work_order_id: int,
               expected_version: int | None = None, lock: bool = True,
               permission: str | None = None, also: Mapping | None = None,
               guarded: Mapping | None = None, params: Mapping | None = None) -> WorkOrder:
    """The order of the actor's store; `expected_version` is the version the user looked at.

    Commands lock the row: on PostgreSQL two seats acting on one car queue here instead of the
    second failing on the version counter (SQLite's BEGIN IMMEDIATE already serialises
    writers and ignores FOR UPDATE). The same statement reads the actor's account (DESIGN §10:
    checked on every command); `permission` is checked on it before anything else is (the role
    first: a user without it learns nothing of the order). Read-only queries pass `lock=False`.
    `also`: {key: columns} the command needs that the order's lock does not guard (the
    customer's membership tier, say), read in the same statement; `read_along` has them.
    `guarded`: the same for what commands write under the order's lock (its next job number,
    its gate pass): in the same statement on SQLite (BEGIN IMMEDIATE took the write lock before
    any read), on PostgreSQL in one more once the lock is held (the locking statement sees rows
    as they were before it waited for the lock). Both are constants whose keys name them (the
    statement is built once per combination); `params` gives their bound values.
    """
    serialised = session.get_bind().dialect.name == "sqlite"
    values = {"dms_order": work_order_id, **(params or {})}
    if lock:  # the lock, the load and the account in one statement
        order = _locked(session, actor, None, values,
                        {**(also or {}), **(guarded or {})} if serialised else also)
        if order is not None and guarded and not serialised:
            query = _built(("guarded", tuple(guarded)), lambda: _select_along(
                (WorkOrder.id,), guarded).where(WorkOrder.id == bindparam("dms_order")))
            _note_along(session, order.id, guarded, session.execute(query, values).first(), 1)
    else:
        order = session.get(WorkOrder, work_order_id)
    if permission is not None:
        require(session, actor, permission)
    return _checked(session, actor, work_order_id, order, expected_version)


def load_order_of(session: Session, actor, model, line_id: int,
                  expected_version: int | None = None, permission: str | None = None,
                  guarded: Mapping | None = None):
    """`load_order` for the order a line (`model`: LabourLine, PartLine) belongs to, found and
    locked in one statement: (line, order), or (None, None) when there is no such line.
    `guarded`: as for `load_order`, read with the line (its parameter "dms_line" is the line).

    On SQLite the line comes with the order (BEGIN IMMEDIATE took the write lock before any
    read). On PostgreSQL it is read once the order's lock is held: the locking statement would
    return the line as it was before waiting for the lock, and a command must see what the
    seat it waited for wrote."""
    guarded, values = guarded or {}, {"dms_line": line_id}
    serialised = session.get_bind().dialect.name == "sqlite"
    found = _locked(session, actor, model, values, guarded if serialised else {},
                    joined=serialised)
    if permission is not None:
        require(session, actor, permission)
    if found is None:
        return None, None
    order, line = found if serialised else (found, None)
    order = _checked(session, actor, order.id, order, expected_version)
    if not serialised:
        query = _built(("line", model, tuple(guarded)), lambda: _select_along(
            (model,), guarded).where(model.id == bindparam("dms_line"))
            .execution_options(populate_existing=True))
        row = session.execute(query, values).first()
        line = row[0]
        _note_along(session, order.id, guarded, row, 1)
    return line, order


@dataclass(frozen=True)
class Joined:
    """For `load_order(also=...)`: the row of `entity` joined on the order by `on`, or None."""

    entity: type
    on: object

    def __iter__(self):  # its one column, as a tuple of columns would give them
        return iter((self.entity,))

    def __len__(self) -> int:
        return 1


_BUILT: dict = {}  # shape → statement: built once, bound values given at each execution


def _built(shape, build):
    found = _BUILT.get(shape)
    if found is None:
        found = _BUILT[shape] = build()
    return found


def _locked(session: Session, actor, line_model, values: dict, also: Mapping | None,
            joined: bool = False):
    """The order locked (by its id "dms_order", or found by the line "dms_line" of
    `line_model`, the line joined and returned with it if `joined`), with the actor's account
    and the `also` columns."""
    also = also or {}

    def build(account: bool):
        head = (WorkOrder, line_model) if joined else (WorkOrder,)
        query = _select_along(head, also, ACCOUNT_COLUMNS if account else ())
        if line_model is None:
            query = query.where(WorkOrder.id == bindparam("dms_order"))
        elif joined:
            query = query.join(line_model, line_model.work_order_id == WorkOrder.id) \
                .where(line_model.id == bindparam("dms_line"))
        else:
            query = query.where(WorkOrder.id == select(line_model.work_order_id).where(
                line_model.id == bindparam("dms_line")).scalar_subquery())
        return query.with_for_update(of=WorkOrder)

    queries = _built(("lock", line_model, joined, tuple(also)),
                     lambda: (build(False), build(True)))  # without, with the account
    row = first_with_account(session, actor.id, queries, values)
    if row is None:
        return None
    _note_along(session, row[0].id, also, row, 2 if joined else 1)
    order = row[0]
    session.info.get(_LINES, {}).pop(order.id, None)  # lines read before the lock: again
    return (order, row[1]) if joined else order


_ALONG = "dms_read_along"  # session.info: key → values read with the order (`also`)


def _select_along(head: tuple, also: Mapping, tail: tuple = ()):
    """select(*head, the `also` columns, *tail), with the `also` joins."""
    query = select(*head, *(c for cols in also.values() for c in cols), *tail)
    for joined in (j for j in also.values() if isinstance(j, Joined)):
        query = query.outerjoin(joined.entity, joined.on)
    return query


def _note_along(session: Session, order_id: int, also: Mapping, row, at: int) -> None:
    """The `also` values of `row`, from column `at` on, for `read_along`."""
    for key, cols in also.items():
        session.info.setdefault(_ALONG, {})[key, order_id] = tuple(row[at:at + len(cols)])
        at += len(cols)


def read_along(session: Session, key: str, work_order_id: int):
    """What `load_order(also=...)` read under `key` with the order, in this transaction."""
    return session.info.get(_ALONG, {}).get((key, work_order_id))


def take_along(session: Session, key: str, work_order_id: int):
    """`read_along`, forgotten once taken (a figure the command itself is about to change)."""
    return session.info.get(_ALONG, {}).pop((key, work_order_id), None)


def forget_along(session: Session, key: str) -> None:
    """Drop what was read under `key` with any order: the transaction changed it."""
    along = session.info.get(_ALONG)
    for found in [k for k in along or () if k[0] == key]:
        del along[found]


def _checked(session: Session, actor, work_order_id: int, order: WorkOrder | None,
             expected_version: int | None) -> WorkOrder:
    if order is None or order.store_id != actor.store_id:
        raise NotFound(what="Work order", key=work_order_id)
    if expected_version is not None and order.version != expected_version:
        raise conflict(session, f"Work order {order.number}", order)
    return order


def touch(record, actor) -> None:
    record.updated_at = clock.now()
    record.updated_by_id = actor.id


def move(session: Session, actor, order: WorkOrder, action: str, reason: str | None = None,
         **data) -> str:
    """Apply `action` through the transition table, stamp and audit it; returns the new state."""
    before = order.state
    order.state = transition(action, before, require(session, actor, f"workorder.{action}"))
    touch(order, actor)
    audit.record(session, actor, "work_order", order.id, action, from_state=before,
                 to_state=order.state, reason=reason, **data)
    return order.state


def changed(session: Session, order: WorkOrder) -> Changed:
    session.flush()  # the version counter moves on flush
    return Changed("work_order", order.id, order.version, order.state)


# --- the order's lines, read once per transaction -----------------------------------------

_LINES = "dms_order_lines"  # session.info: order id → (labour, parts, fees, claim)
_ROWS = (LabourLine, PartLine, Fee, InsuranceClaim)


def order_rows(session: Session, work_order_id: int, if_read: bool = False):
    """(labour by seq, parts by id, fees by id, insurance claim or None) of the order.

    Queried, not the relationships (those may not yet hold lines added in this session), and
    kept for the rest of the transaction: the objects are the session's own, so a change to a
    line shows; a line added or deleted makes the next call read again. `if_read`: None
    unless this transaction has them already (for a caller that reads fewer rows itself)."""
    if any(isinstance(obj, _ROWS) for obj in (*session.new, *session.deleted)):
        session.flush()  # pending lines: the flush below forgets what was read
    cache = session.info.setdefault(_LINES, {})
    if work_order_id not in cache:
        if if_read:
            return None
        order = {"dms_order": work_order_id}
        labour, fees = {}, {}  # in the order read, each once (a row per job and fee pair)
        claim = None
        # No autoflush: no line is pending (flushed above), and a change to the order or to a
        # line already read shows in the session's own objects; it is written once, later.
        with session.no_autoflush:
            for job, fee, claim in session.execute(_LABOUR_FEES_CLAIM, order):
                if job is not None:
                    labour[job] = None
                if fee is not None:
                    fees[fee] = None
            parts = _with_names(session, session.execute(_PARTS, order))
        cache[work_order_id] = (list(labour), parts, sorted(fees, key=lambda fee: fee.id), claim)
    return cache[work_order_id]


# The order "dms_order"'s lines, built once: its jobs, fees and claim (one at most) in one read,
# a row per job and fee (an order has a few of each, most orders no fee), or one row of nulls;
# its parts with their codes and names.
_LABOUR_FEES_CLAIM = select(LabourLine, Fee, InsuranceClaim).select_from(WorkOrder) \
    .outerjoin(LabourLine, LabourLine.work_order_id == WorkOrder.id) \
    .outerjoin(Fee, Fee.work_order_id == WorkOrder.id) \
    .outerjoin(InsuranceClaim, InsuranceClaim.work_order_id == WorkOrder.id) \
    .where(WorkOrder.id == bindparam("dms_order")).order_by(LabourLine.seq, Fee.id)
_PARTS = select(PartLine, Part.code, Part.name).join(Part, Part.id == PartLine.part_id) \
    .where(PartLine.work_order_id == bindparam("dms_order")).order_by(PartLine.id)


_NAMES = "dms_part_names"  # session.info: part id → PartName, read with the order's lines


class PartName(NamedTuple):
    id: int
    code: str
    name: str


def _with_names(session: Session, rows) -> list[PartLine]:
    names = session.info.setdefault(_NAMES, {})
    lines = []
    for line, code, name in rows:
        names[line.part_id] = PartName(line.part_id, code, name)
        lines.append(line)
    return lines


def part_name(session: Session, part_id: int) -> PartName | None:
    """A part on an order whose lines this transaction has read."""
    return session.info.get(_NAMES, {}).get(part_id)


@event.listens_for(Session, "after_flush")
def _forget_lines(session: Session, _flush_context) -> None:
    if _LINES in session.info and any(isinstance(obj, _ROWS)
                                      for obj in (*session.new, *session.deleted)):
        del session.info[_LINES]


@event.listens_for(Session, "after_soft_rollback")
def _forget_lines_on_rollback(session: Session, _previous_transaction) -> None:
    session.info.pop(_LINES, None)
