"""The technician terminal's reads and its own commands (DESIGN §9). No Qt.

A technician's day: the jobs dispatched to them in the order to do them, whether the parts
are out, and what to do next. Clocking, pausing, finishing and proposing added work are the
services of `dispatch` and `added_work`; here are the list, asking the counter for the order's
parts (a `PartRequest` the counter sees until it serves it) and the photos of added work.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dms import audit, clock, validators
from dms.errors import NotFound, ValidationError
from dms.models import (AddedWorkPhoto, Bay, LabourLine, PartLine, PartRequest, User, Vehicle,
                        WorkOrder)
from dms.permissions import require
from dms.workshop import states
from dms.workshop.common import Changed, changed, load_order
from dms.workshop.dispatch import open_clocks

MY_STATES = (states.DISPATCHED, states.IN_REPAIR, states.PAUSED, states.REWORK, states.QC)
PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
MAX_PHOTOS = 6
MAX_PHOTO_BYTES = 8 * 1024 * 1024  # a phone's photo, not a video


@dataclass(frozen=True)
class MyJob:
    labour_line_id: int
    work_order_id: int
    number: str
    plate: str | None
    model: str
    order_state: str
    order_version: int
    pause_reason: str | None
    promised_at: datetime | None
    code: str
    name: str
    state: str  # the job's: waiting, in_progress, done, rework
    billed_hours: Decimal
    bay_name: str | None
    clocked_on: bool  # the technician asking is on this job now
    parts: str  # none (no parts), issued (all out), waiting
    request_open: bool  # the counter has an open request for this order's parts


@dataclass(frozen=True)
class PartRequestView:
    id: int
    work_order_id: int
    number: str
    plate: str | None
    job: str | None
    requested_by: str
    requested_at: datetime
    note: str | None
    status: str


def _parts_status(lines: list[PartLine]) -> str:
    live = [x for x in lines
            if x.approval == "approved" and x.state not in ("released", "returned")]
    if not live:
        return "none"
    return "issued" if all(x.qty_issued >= x.qty for x in live) else "waiting"


def my_jobs(db, actor) -> tuple[MyJob, ...]:
    """The actor's jobs on cars in the workshop: the one clocked on first, then rework, then
    waiting jobs by promise time (a car promised earlier goes first), done jobs last."""
    with db.reading() as s:
        require(s, actor, "job.clock")
        # The cars in the workshop by the orders' state index, then their jobs; no ORDER BY:
        # SQLite would rather walk the years' orders (by entry time, or all of them) than sort.
        in_workshop = select(WorkOrder.id).where(WorkOrder.store_id == actor.store_id,
                                                 WorkOrder.state.in_(MY_STATES))
        rows = s.execute(
            select(LabourLine, WorkOrder.number, Vehicle.plate, Vehicle.brand, Vehicle.series,
                   WorkOrder.state, WorkOrder.version, WorkOrder.pause_reason,
                   WorkOrder.promised_at, WorkOrder.entry_at, Bay.name)
            .join(WorkOrder, WorkOrder.id == LabourLine.work_order_id)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .outerjoin(Bay, Bay.id == LabourLine.bay_id)
            .where(LabourLine.work_order_id.in_(in_workshop), LabourLine.technician_id == actor.id,
                   LabourLine.approval == "approved")).all()
        rows.sort(key=lambda r: (r.entry_at, r.LabourLine.seq))
        order_ids = {row.LabourLine.work_order_id for row in rows}
        parts: dict[int, list[PartLine]] = defaultdict(list)
        requested: set[int] = set()
        if order_ids:
            for line in s.scalars(select(PartLine).where(PartLine.work_order_id.in_(order_ids))):
                parts[line.work_order_id].append(line)
            requested = set(s.scalars(select(PartRequest.work_order_id).where(
                PartRequest.work_order_id.in_(order_ids), PartRequest.status == "open")))
        on = {e.labour_line_id for e in open_clocks(s, technician_id=actor.id)}
        jobs = [MyJob(r.LabourLine.id, r.LabourLine.work_order_id, r.number, r.plate,
                      " ".join(x for x in (r.brand, r.series) if x), r.state, r.version,
                      r.pause_reason, r.promised_at, r.LabourLine.code, r.LabourLine.name,
                      r.LabourLine.state, r.LabourLine.billed_hours, r.name,
                      r.LabourLine.id in on, _parts_status(parts[r.LabourLine.work_order_id]),
                      r.LabourLine.work_order_id in requested) for r in rows]
        rank = {"in_progress": 1, "rework": 2, "waiting": 3, "done": 4}
        far = datetime.max.replace(tzinfo=clock.now().tzinfo)
        return tuple(sorted(jobs, key=lambda j: (not j.clocked_on, rank.get(j.state, 5),
                                                 j.promised_at or far)))


# -- asking the counter for parts ----------------------------------------------------------------

def request_parts(db, actor, labour_line_id: int, note: str | None = None) -> Changed:
    """The technician asks the counter to bring (or have ready) the order's parts not yet
    issued. Parts the order does not have are added work, proposed with the customer's
    approval (`added_work.propose_added_work`)."""
    note = validators.text(note, "note", 200)
    with db.transaction() as s:
        require(s, actor, "parts.request")
        order_id = s.scalar(select(LabourLine.work_order_id).where(LabourLine.id == labour_line_id))
        if order_id is None:
            raise NotFound(what="Job", key=labour_line_id)
        order = load_order(s, actor, order_id)
        if order.state not in MY_STATES[:-1]:
            raise ValidationError("parts_request.state", "Work order {number} is not in repair.",
                                  number=order.number)
        lines = s.scalars(select(PartLine).where(PartLine.work_order_id == order.id)).all()
        if _parts_status(list(lines)) != "waiting":
            raise ValidationError("parts_request.nothing_to_pick", "Every part of work order "
                                  "{number} is issued; other parts are added work.",
                                  number=order.number)
        if s.scalar(select(PartRequest.id).where(PartRequest.work_order_id == order.id,
                                                 PartRequest.status == "open")):
            raise ValidationError("parts_request.open", "The counter already has a request for "
                                  "work order {number}.", number=order.number)
        request = PartRequest(store_id=actor.store_id, work_order_id=order.id,
                              labour_line_id=labour_line_id, requested_by_id=actor.id, note=note)
        s.add(request)
        s.flush()
        audit.record(s, actor, "work_order", order.id, "request_parts", request_id=request.id,
                     note=note)
        return changed(s, order)


def part_requests(db, actor, status: str = "open", offset: int = 0,
                  limit: int = 50) -> list[PartRequestView]:
    """What the counter is asked for, oldest first."""
    with db.reading() as s:
        require(s, actor, "parts.request_list")
        rows = s.execute(
            select(PartRequest, WorkOrder.number, Vehicle.plate, LabourLine.name,
                   User.display_name)
            .join(WorkOrder, WorkOrder.id == PartRequest.work_order_id)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .join(User, User.id == PartRequest.requested_by_id)
            .outerjoin(LabourLine, LabourLine.id == PartRequest.labour_line_id)
            .where(PartRequest.store_id == actor.store_id, PartRequest.status == status)
            .order_by(PartRequest.id).offset(offset).limit(limit)).all()
        return [PartRequestView(r.PartRequest.id, r.PartRequest.work_order_id, r.number, r.plate,
                                r.name, r.display_name, r.PartRequest.created_at,
                                r.PartRequest.note, r.PartRequest.status) for r in rows]


def serve_part_request(db, actor, request_id: int) -> Changed:
    """The counter has brought the parts (issued through picking) and closes the request."""
    with db.transaction() as s:
        require(s, actor, "parts.request_serve")
        request = s.get(PartRequest, request_id)
        if request is None or request.store_id != actor.store_id:
            raise NotFound(what="Parts request", key=request_id)
        if request.status != "open":
            raise ValidationError("parts_request.closed", "This request is already closed.")
        request.status, request.served_by_id, request.served_at = "served", actor.id, clock.now()
        order = load_order(s, actor, request.work_order_id)
        audit.record(s, actor, "work_order", order.id, "serve_parts_request",
                     request_id=request.id)
        return changed(s, order)


# -- photos of added work -----------------------------------------------------------------------

def read_photos(paths: Iterable[str | Path]) -> list[tuple[str, str, bytes]]:
    """(file name, media type, content) of each JPEG or PNG file, checked before the
    transaction opens (reading a file never holds the database)."""
    paths = list(paths)
    if len(paths) > MAX_PHOTOS:
        raise ValidationError("added_work.photo_count", "Attach at most {limit} photos.",
                              limit=MAX_PHOTOS)
    photos = []
    for path in map(Path, paths):
        try:
            size = path.stat().st_size
            if size > MAX_PHOTO_BYTES:
                raise ValidationError("added_work.photo_size", "{file} is larger than {limit} MB.",
                                      file=path.name, limit=MAX_PHOTO_BYTES // (1024 * 1024))
            content = path.read_bytes()
        except OSError:
            raise ValidationError("added_work.photo_unreadable", "{file} cannot be read.",
                                  file=path.name) from None
        kind = next((t for magic, t in PHOTO_TYPES.items() if content.startswith(magic)), None)
        if kind is None:
            raise ValidationError("added_work.photo_type", "{file} is not a JPEG or PNG photo.",
                                  file=path.name)
        photos.append((validators.text(path.name[-100:], "filename", 100), kind, content))
    return photos


def attach_photos(s: Session, actor, labour_line_id: int,
                  photos: list[tuple[str, str, bytes]]) -> None:
    s.add_all(AddedWorkPhoto(labour_line_id=labour_line_id, filename=name, media_type=kind,
                             content=content, taken_by_id=actor.id)
              for name, kind, content in photos)


@dataclass(frozen=True)
class Photo:
    id: int
    filename: str
    media_type: str
    content: bytes


def added_work_photos(db, actor, labour_line_id: int) -> tuple[Photo, ...]:
    """The photos of a proposed job, for the advisor who shows the customer."""
    with db.reading() as s:
        order_id = s.scalar(select(LabourLine.work_order_id).where(LabourLine.id == labour_line_id))
        if order_id is None:
            raise NotFound(what="Job", key=labour_line_id)
        load_order(s, actor, order_id, lock=False)
        require(s, actor, "addedwork.read")
        rows = s.scalars(select(AddedWorkPhoto).where(
            AddedWorkPhoto.labour_line_id == labour_line_id).order_by(AddedWorkPhoto.id))
        return tuple(Photo(p.id, p.filename, p.media_type, p.content) for p in rows)
