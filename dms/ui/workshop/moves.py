"""Which service call a move on the kanban means (DESIGN §9: a job moves in one drag or two
keys), or why there is none. One place for the drop, the keyboard's "move to..." and the tests.

A target is a lane: a state column of `dms.workshop.kanban.LANES` or, in the plan view, a
technician ("tech:<id>") or "unassigned"; or a bay ("bay:<id>", the bay strip or the "move
to..." menu) for the technician the job already has. What the card shows is checked here first,
with the service's own error (same code, same words), so an illegal move is refused where it is
dropped; the service checks everything again when the move is sent. A bay must be of the kind
the job's trade is done in and not busy (another car in repair there): the service's own rule
(`dms.workshop.dispatch.check_bay`), asked here with what the board shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from dms import permissions
from dms.errors import DomainError, Forbidden, InvalidTransition, ValidationError
from dms.ui import messages
from dms.ui.common import words
from dms.workshop import dispatch, states
from dms.workshop.kanban import Board, BayInfo, Card, default_bay, occupant

translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from
UNASSIGNED = "unassigned"
PAUSES = {"paused_parts": "waiting_parts", "paused_approval": "waiting_approval"}


@dataclass(frozen=True)
class Move:
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict = field(default_factory=dict)


class Refused(Exception):
    """A move with no service call behind it, or one the card already shows will fail."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def _refuse(error: DomainError):
    raise Refused(messages.error_text(error))


def tech_lane(technician_id: int) -> str:
    return f"tech:{technician_id}"


def plan_lane(card: Card) -> str | None:
    """The card's lane in the plan view; cars at QC or ready are no longer planned."""
    if card.lane in ("qc", "ready"):
        return None
    if card.job.technician_id is None:
        return UNASSIGNED
    return tech_lane(card.job.technician_id)


def plan(card: Card, target: str, board: Board, roles) -> Move | None:
    """The move of `card` to `target`: a Move, None when it is already there, or Refused."""
    if target == card.lane or target == plan_lane(card):
        return None
    if target.startswith("tech:"):
        return _assign(card, int(target[5:]), board, roles)
    if target.startswith("bay:"):
        if int(target[4:]) == card.job.bay_id:
            return None
        bay = next((b for b in board.bays if b.id == int(target[4:])), None)
        if bay is None:
            raise Refused(translate("Moves", "This bay is no longer in service."))
        if card.job.technician_id is None:
            raise Refused(translate("Moves", "Choose the technician first, then the bay."))
        return _assign(card, card.job.technician_id, board, roles, bay)
    if target in PAUSES:
        return _pause(card, PAUSES[target], roles)
    if target == "in_repair" and card.lane in PAUSES:
        _allowed(roles, "workorder.resume")
        if card.job.order_state != states.PAUSED:
            _refuse(InvalidTransition(action="resume", state=card.job.order_state))
        return Move(dispatch.resume, (card.job.work_order_id,),
                    {"expected_version": card.job.order_version})
    raise Refused(_why_not(card, target))


def _allowed(roles, action: str) -> None:
    if not permissions.may(roles, action):
        _refuse(Forbidden(action=action))


def bay_lane(bay_id: int) -> str:
    return f"bay:{bay_id}"


def _assign(card: Card, technician_id: int, board: Board, roles,
            bay: BayInfo | None = None) -> Move:
    _allowed(roles, "workorder.dispatch")
    job = card.job
    if job.order_state not in dispatch.ASSIGNABLE:
        _refuse(InvalidTransition(action="assign_job", state=job.order_state))
    if job.state == "done":
        _refuse(ValidationError("dispatch.job_done", job=job.code))
    if job.clocked_on:
        _refuse(ValidationError("dispatch.job_clocked_on", job=job.code))
    bay_id = bay.id if bay is not None else default_bay(board, card)
    if bay_id is None:
        raise Refused(translate("Moves", "The store has no bay in service."))
    target = bay or next((b for b in board.bays if b.id == bay_id), None)
    if target is not None:  # else out of service: the service says so
        _fits(card, target, board)
    return Move(dispatch.assign_job, (job.labour_line_id, bay_id, technician_id),
                {"expected_version": job.order_version})


def _fits(card: Card, bay: BayInfo, board: Board) -> None:
    """The service's bay rules (`dispatch.check_bay`) on what the board shows: a job goes to a
    bay of its trade's kind, and not where another car is in repair (unless it stays there)."""
    there = None if bay.id == card.job.bay_id else occupant(board, bay.id)
    busy = there is not None and there.job.work_order_id != card.job.work_order_id
    try:
        dispatch.check_bay(card.job.code, card.job.trade, bay.name, bay.kind,
                           (there.job.plate or there.job.number) if busy else None)
    except ValidationError as error:
        _refuse(error)


def _pause(card: Card, reason: str, roles) -> Move:
    _allowed(roles, "workorder.pause")
    if card.job.order_state != states.IN_REPAIR:
        _refuse(InvalidTransition(action="pause", state=card.job.order_state))
    return Move(dispatch.pause, (card.job.work_order_id, reason),
                {"expected_version": card.job.order_version})


def _why_not(card: Card, target: str) -> str:
    if target == "dispatched" and card.lane == "waiting":
        return translate("Moves", "Choose the technician: drop the job on a technician in the "
                                  "plan view (Alt+2), or press Ctrl+M there.")
    if target == "in_repair":
        return translate("Moves", "The technician clocks on at the terminal; a paused car "
                                  "resumes here.")
    if target in ("qc", "rework", "ready"):
        return translate("Moves", "Checks are recorded at the QC desk (Alt+3).")
    if target in ("waiting", UNASSIGNED):
        return translate("Moves", "A dispatched job is moved by giving it to another "
                                  "technician.")
    return translate("Moves", "A job in {lane} cannot be moved to {target}.").format(
        lane=lane_title(card.lane), target=lane_title(target))


def lane_titles() -> dict[str, str]:
    return {"waiting": translate("Moves", "Waiting dispatch"),
            "dispatched": translate("Moves", "Dispatched"),
            "in_repair": translate("Moves", "In repair"),
            "paused_parts": translate("Moves", "Paused: parts"),
            "paused_approval": translate("Moves", "Paused: approval"),
            "qc": translate("Moves", "QC"), "rework": translate("Moves", "Rework"),
            "ready": translate("Moves", "Ready"), UNASSIGNED: translate("Moves", "Not assigned")}


def lane_title(lane: str) -> str:
    return lane_titles().get(lane) or words.state_name(lane)
