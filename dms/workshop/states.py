"""The work-order lifecycle of DESIGN §2 as one pure table: no database, no Qt.

Each action names the states it may start from, the state it leads to and the roles allowed
to perform it. Services ask `transition()` and never decide a state change themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from dms.errors import Forbidden, InvalidTransition

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
    roles: frozenset[str]


def _rule(sources, target, *roles) -> Rule:
    return Rule(tuple(sources), target, frozenset(roles))


RULES: dict[str, Rule] = {
    "estimate": _rule([RECEIVED, ESTIMATED], ESTIMATED, "advisor"),
    "approve": _rule([ESTIMATED], AUTHORIZED, "advisor"),
    "dispatch": _rule([AUTHORIZED], DISPATCHED, "dispatcher"),
    "start": _rule([DISPATCHED, REWORK], IN_REPAIR, "technician"),
    "pause": _rule([IN_REPAIR], PAUSED, "technician", "dispatcher", "advisor"),
    "resume": _rule([PAUSED], IN_REPAIR, "technician", "dispatcher", "advisor"),
    "finish": _rule([IN_REPAIR], QC, "technician", "team_lead"),
    "qc_pass": _rule([QC], READY, "qc_inspector"),
    "parts_ready": _rule([AUTHORIZED], READY, "advisor"),  # parts-only / accessory order
    "qc_fail": _rule([QC], REWORK, "qc_inspector", "team_lead"),  # team-lead check may fail too
    "presettle": _rule([READY], PRESETTLED, "advisor"),
    "settle": _rule([PRESETTLED], SETTLED, "cashier"),
    "deliver": _rule([SETTLED], DELIVERED, "advisor", "cashier"),
    "close": _rule([DELIVERED], CLOSED, "customer_care"),
    "cancel": _rule(OPEN_STATES, CANCELLED, "advisor", "manager"),
    "reopen": _rule([SETTLED, DELIVERED, CLOSED], READY, "manager"),
}


def can(action: str, state: str) -> bool:
    return state in RULES[action].sources


def allowed_roles(action: str) -> frozenset[str]:
    return RULES[action].roles


def transition(action: str, state: str, roles: frozenset[str] | set[str]) -> str:
    """The state after `action`, or a domain error; checks the role before the state."""
    rule = RULES[action]
    if not rule.roles.intersection(roles):
        raise Forbidden(action=action)
    if state not in rule.sources:
        raise InvalidTransition(action=action, state=state)
    return rule.target or state


def actions_from(state: str, roles: frozenset[str] | set[str]) -> list[str]:
    """What this user may do next, for menus and buttons."""
    return [a for a, r in RULES.items() if state in r.sources and r.roles.intersection(roles)]
