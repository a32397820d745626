"""The work-order lifecycle of DESIGN §2 as one pure table: no database, no Qt.

Each action names the states it may start from and the state it leads to; the roles allowed
to perform it are those of the action "workorder.<name>" in `dms.permissions`, the one registry.
Services ask `transition()` and never decide a state change themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from dms.errors import Forbidden, InvalidTransition
from dms.permissions import ACTIONS

RECEIVED, ESTIMATED, AUTHORIZED = "RECEIVED", "ESTIMATED", "AUTHORIZED"
DISPATCHED, IN_REPAIR, PAUSED = "DISPATCHED", "IN_REPAIR", "PAUSED"
QC, REWORK, READY = "QC", "REWORK", "READY"
PRESETTLED, SETTLED, DELIVERED = "PRESETTLED", "SETTLED", "DELIVERED"
CLOSED, CANCELLED = "CLOSED", "CANCELLED"

STATES = (RECEIVED, ESTIMATED, AUTHORIZED, DISPATCHED, IN_REPAIR, PAUSED, QC, REWORK, READY,
          PRESETTLED, SETTLED, DELIVERED, CLOSED, CANCELLED)
OPEN_STATES = STATES[:STATES.index(SETTLED)]  # may still be cancelled
WORKSHOP_STATES = (AUTHORIZED, DISPATCHED, IN_REPAIR, PAUSED, QC, REWORK)  # on the kanban


@dataclass(frozen=True)
class Rule:
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change (e.g. a new estimate version)


def _rule(sources, target) -> Rule:
    return Rule(tuple(sources), target)


RULES: dict[str, Rule] = {
    "estimate": _rule([RECEIVED, ESTIMATED], ESTIMATED),
    "approve": _rule([ESTIMATED], AUTHORIZED),
    "dispatch": _rule([AUTHORIZED], DISPATCHED),
    "start": _rule([DISPATCHED, REWORK], IN_REPAIR),
    "pause": _rule([IN_REPAIR], PAUSED),
    "resume": _rule([PAUSED], IN_REPAIR),
    "finish": _rule([IN_REPAIR], QC),
    "qc_pass": _rule([QC], READY),
    "parts_ready": _rule([AUTHORIZED], READY),  # parts-only / accessory order
    "qc_fail": _rule([QC], REWORK),
    "presettle": _rule([READY], PRESETTLED),
    "settle": _rule([PRESETTLED], SETTLED),
    "deliver": _rule([SETTLED], DELIVERED),
    "close": _rule([DELIVERED], CLOSED),
    "cancel": _rule(OPEN_STATES, CANCELLED),
    "reopen": _rule([SETTLED, DELIVERED, CLOSED], READY),
}


def can(action: str, state: str) -> bool:
    return state in RULES[action].sources


def allowed_roles(action: str) -> frozenset[str]:
    return ACTIONS[f"workorder.{action}"]


def transition(action: str, state: str, roles: frozenset[str] | set[str]) -> str:
    """The state after `action`, or a domain error; checks the role before the state."""
    rule = RULES[action]
    if allowed_roles(action).isdisjoint(roles):
        raise Forbidden(action=f"workorder.{action}")
    if state not in rule.sources:
        raise InvalidTransition(action=action, state=state)
    return rule.target or state


def actions_from(state: str, roles: frozenset[str] | set[str]) -> list[str]:
    """What this user may do next, for menus and buttons."""
    return [a for a, r in RULES.items()
            if state in r.sources and not allowed_roles(a).isdisjoint(roles)]
