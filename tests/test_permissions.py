"""The permission registry (DESIGN §10): every action × every role on both backends, roles and
the active flag read from the database on every command, every record kept to its store, and
the findings of issue 13 that bypassed the old checks."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import delete, func, select, update

from builders import bay_ids, login, make_order, make_ready, received_order, workshop_users
from dms.crm import lookup
from dms.errors import Forbidden, ValidationError
from dms.models import Customer, Store, User, UserRole, WorkOrder
from dms.models.store import ROLES
from dms.permissions import ACTIONS, may, require
from dms.reports.excel import EXPORTS, export
from dms.reports.documents import KINDS, render
from dms.reports.imports import KINDS as IMPORT_KINDS
from dms.reports.kpi import kpi_workbook
from dms.workshop import dispatch, estimates, states


def test_may_answers_from_the_registry_and_refuses_a_typo():
    assert may({"cashier"}, "workorder.settle") and not may({"technician"}, "workorder.settle")
    assert not may((), "customer.read")
    with pytest.raises(KeyError):
        may({"manager"}, "customer.raed")


def test_every_export_document_import_and_state_action_is_registered():
    assert {f"export.{n}" for n in EXPORTS} <= ACTIONS.keys()
    assert {"document." + k.replace("-", "_") for k in KINDS} <= ACTIONS.keys()
    assert {f"import.{k}" for k in IMPORT_KINDS} <= ACTIONS.keys()
    assert {f"workorder.{a}" for a in states.RULES} <= ACTIONS.keys()
    assert all(roles and roles <= set(ROLES) for roles in ACTIONS.values())


def _set_roles(db, user_id: int, roles) -> None:
    with db.transaction() as s:
        s.execute(delete(UserRole).where(UserRole.user_id == user_id))
        s.add_all(UserRole(user_id=user_id, role=r) for r in roles)


def test_the_whole_registry_role_by_action(demo_db):
    """One user holding each role in turn: require() follows the database, not the roles the
    signed-in copy carries (it claims all of them)."""
    user = replace(login(demo_db, "advisor1"), roles=frozenset(ROLES))
    refused = {}
    for role in ROLES:
        _set_roles(demo_db, user.id, [role])
        with demo_db.reading() as s:
            for action, allowed in ACTIONS.items():
                try:
                    assert require(s, user, action) == {role}
                    assert role in allowed, (role, action)
                except Forbidden as exc:
                    assert role not in allowed, (role, action)
                    assert exc.code == "forbidden" and exc.params == {"action": action}
                    refused.setdefault(role, set()).add(action)
    assert refused["technician"] >= {"export.customers", "report.kpi", "customer.read",
                                     "lookup.search", "document.settlement"}
    assert refused["cashier"] >= {"export.customers", "report.kpi", "document.jobcard"}
    assert "user.manage" not in refused["manager"]


def test_a_disabled_user_is_stopped_at_the_next_command(demo_db):
    advisor = login(demo_db, "advisor1")
    wo = received_order(demo_db, advisor)
    with demo_db.transaction() as s:
        s.execute(update(User).where(User.id == advisor.id).values(active=False))
    with pytest.raises(Forbidden) as refused:
        estimates.add_labour(demo_db, advisor, wo, "JX01")
    assert refused.value.code == "forbidden.inactive"


def test_a_role_taken_away_stops_the_next_command(demo_db):
    advisor = login(demo_db, "advisor1")
    wo = received_order(demo_db, advisor)
    _set_roles(demo_db, advisor.id, ["customer_care"])
    with pytest.raises(Forbidden):
        estimates.add_labour(demo_db, advisor, wo, "JX01")


def test_a_user_moved_to_another_store_cannot_act_for_the_old_one(demo_db):
    advisor = login(demo_db, "advisor1")
    with demo_db.transaction() as s:
        other = Store(code="OTHER", name="Other store")
        s.add(other)
        s.flush()
        s.execute(update(User).where(User.id == advisor.id).values(store_id=other.id))
    with pytest.raises(Forbidden) as refused:
        lookup.search(demo_db, advisor, "京")
    assert refused.value.code == "forbidden.store"


@pytest.mark.parametrize("who", ["tech1", "cashier1", "warehouse1"])
def test_workshop_and_counter_staff_cannot_export_customers_or_kpis(demo_db, tmp_path, who):
    user = login(demo_db, who)
    with pytest.raises(Forbidden):
        export(demo_db, user, "customers", tmp_path / "c.xlsx")
    with pytest.raises(Forbidden):
        kpi_workbook(demo_db, user, date(2026, 1, 1), date(2026, 1, 31), tmp_path / "k.xlsx")
    assert not (tmp_path / "c.xlsx").exists() and not (tmp_path / "k.xlsx").exists()


def test_a_technician_cannot_print_a_settlement(demo_db):
    wo_id = make_ready(demo_db)
    with demo_db.reading() as s:
        number = s.get(WorkOrder, wo_id).number
    with pytest.raises(Forbidden):
        render(demo_db, login(demo_db, "tech1"), "settlement", number)


def test_the_customer_card_needs_a_user_and_a_role(demo_db):
    with demo_db.reading() as s:
        customer_id = s.scalar(select(func.min(Customer.id)))
    assert lookup.customer_card(demo_db, login(demo_db, "advisor1"), customer_id).id == customer_id
    with pytest.raises(Forbidden):
        lookup.customer_card(demo_db, login(demo_db, "tech1"), customer_id)


def test_the_lookup_keeps_to_the_users_store(demo_db):
    advisor = login(demo_db, "advisor1")
    assert lookup.search(demo_db, advisor, "京")
    with demo_db.transaction() as s:
        other = Store(code="OTHER", name="Other store")
        s.add(other)
        s.flush()
        s.execute(update(User).where(User.username == "cashier1").values(store_id=other.id))
    cashier = login(demo_db, "cashier1")
    assert lookup.search(demo_db, cashier, "京") == []


def _dispatched(db, users, technician="tech2"):
    wo, ids = make_order(db, users["advisor1"], lines=1)
    dispatch.assign_job(db, users["dispatcher1"], ids[0], bay_ids(db)["BAY1"],
                        users[technician].id)
    return wo, ids[0]


def test_a_team_lead_clocks_on_a_job_of_their_team(demo_db):
    """The team-lead branch of clock_on was unreachable: the role check wanted a technician."""
    users = workshop_users(demo_db)
    wo, line_id = _dispatched(demo_db, users)
    _set_roles(demo_db, users["tech1"].id, ["team_lead"])
    result = dispatch.clock_on(demo_db, users["tech1"], line_id)
    assert users["tech1"].id in result.on_job


def test_only_a_technician_of_the_order_finishes_it(demo_db):
    users = workshop_users(demo_db)
    wo, line_id = _dispatched(demo_db, users)
    dispatch.clock_on(demo_db, users["tech2"], line_id)
    dispatch.clock_off(demo_db, users["tech2"], line_id, done=True)
    with pytest.raises(Forbidden) as refused:
        dispatch.finish_repair(demo_db, users["tech3"], wo, self_check_ok=True)
    assert refused.value.code == "forbidden.not_assigned"
    assert dispatch.finish_repair(demo_db, users["tech2"], wo, self_check_ok=True).state == states.QC


def test_a_job_is_given_only_to_a_technician(demo_db):
    advisor = login(demo_db, "advisor1")
    wo = received_order(demo_db, advisor)
    cashier = login(demo_db, "cashier1")
    with pytest.raises(ValidationError) as refused:
        estimates.add_labour(demo_db, advisor, wo, "JX01", technician_id=cashier.id)
    assert refused.value.code == "dispatch.technician"
