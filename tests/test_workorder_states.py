"""The work-order transition table (DESIGN §2), tested without a database."""

import pytest

from dms.errors import Forbidden, InvalidTransition
from dms.models import ROLES
from dms.workshop import states as st

HAPPY_PATH = [  # (action, role, resulting state)
    ("estimate", "advisor", st.ESTIMATED), ("estimate", "advisor", st.ESTIMATED),
    ("approve", "advisor", st.AUTHORIZED), ("dispatch", "dispatcher", st.DISPATCHED),
    ("start", "technician", st.IN_REPAIR), ("pause", "technician", st.PAUSED),
    ("resume", "advisor", st.IN_REPAIR), ("finish", "technician", st.QC),
    ("qc_fail", "qc_inspector", st.REWORK), ("start", "technician", st.IN_REPAIR),
    ("finish", "team_lead", st.QC), ("qc_pass", "qc_inspector", st.READY),
    ("presettle", "advisor", st.PRESETTLED), ("settle", "cashier", st.SETTLED),
    ("deliver", "advisor", st.DELIVERED), ("close", "customer_care", st.CLOSED),
]


def test_the_whole_lifecycle():
    state = st.RECEIVED
    for action, role, expected in HAPPY_PATH:
        state = st.transition(action, state, {role})
        assert state == expected, action


@pytest.mark.parametrize("state", st.STATES)
@pytest.mark.parametrize("action", sorted(st.RULES))
def test_every_illegal_transition_is_refused(action, state):
    roles = st.allowed_roles(action)
    if st.can(action, state):
        assert st.transition(action, state, roles) in st.STATES
    else:
        with pytest.raises(InvalidTransition) as err:
            st.transition(action, state, roles)
        assert err.value.params == {"action": action, "state": state}


def test_cancel_only_before_settlement_and_reopen_only_after():
    for state in st.STATES:
        settled = st.STATES.index(state) >= st.STATES.index(st.SETTLED)
        assert st.can("cancel", state) == (not settled)
    assert [s for s in st.STATES if st.can("reopen", s)] == [st.SETTLED, st.DELIVERED, st.CLOSED]


# Each role's own actions, and nothing else.
OWN_ACTIONS = {
    "advisor": {"estimate", "approve", "parts_ready", "pause", "resume", "presettle", "deliver",
                "cancel"},
    "dispatcher": {"dispatch", "pause", "resume"},
    "technician": {"start", "pause", "resume", "finish"},
    "team_lead": {"start", "pause", "resume", "finish", "qc_fail"},
    "qc_inspector": {"qc_pass", "qc_fail"},
    "warehouse_clerk": set(),
    "cashier": {"settle", "deliver"},
    "customer_care": {"close"},
    "manager": {"cancel", "reopen"},
}


@pytest.mark.parametrize("role", ROLES)
def test_role_by_action(role):
    assert {a for a in st.RULES if role in st.allowed_roles(a)} == OWN_ACTIONS[role]
    for action, rule in st.RULES.items():
        if role not in st.allowed_roles(action):
            with pytest.raises(Forbidden):
                st.transition(action, rule.sources[0], {role})


def test_every_state_action_is_in_the_permission_registry():
    from dms.permissions import ACTIONS

    assert {f"workorder.{a}" for a in st.RULES} <= ACTIONS.keys()


def test_menu_of_next_actions():
    assert st.actions_from(st.QC, {"qc_inspector"}) == ["qc_pass", "qc_fail"]
    assert st.actions_from(st.READY, {"advisor"}) == ["presettle", "cancel"]
