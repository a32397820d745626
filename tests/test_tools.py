"""Tools and equipment: catalogue, checkout with borrower and work order, return with a damage
report, maintenance records, overdue loans; roles and bad input refused with nothing changed."""

import pytest
from sqlalchemy import func, select

from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import AuditLog, Tool, ToolCheckout, ToolMaintenance
from dms.policy import set_setting
from dms.workshop import tools as t

from builders import Clock, login, make_order, workshop_users


@pytest.fixture
def users(demo_db):
    return workshop_users(demo_db)


@pytest.fixture
def now(monkeypatch):
    return Clock(monkeypatch)


def tool_id(db, code="T-TQ01"):
    with db.reading() as s:
        return s.scalar(select(Tool.id).where(Tool.code == code))


def counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (Tool, ToolCheckout, ToolMaintenance, AuditLog)), \
            tuple(s.scalars(select(Tool.status).order_by(Tool.id)))


def test_checkout_for_a_car_return_with_damage_then_maintenance_puts_it_back(demo_db, users,
                                                                            now):
    wo, _ = make_order(demo_db, users["advisor1"])
    with demo_db.reading() as s:
        from dms.models import WorkOrder
        number = s.get(WorkOrder, wo).number
    torque, tech = tool_id(demo_db), users["tech2"]
    out = t.check_out(demo_db, tech, torque, number.lower())
    assert (out.entity, out.id, out.state) == ("tool", torque, "out")
    [row] = t.tools(demo_db, tech, "tq01")
    assert (row.status, row.borrower, row.work_order, row.overdue) == (
        "out", tech.display_name, number, False)
    with pytest.raises(ValidationError) as taken:
        t.check_out(demo_db, users["tech3"], torque)
    assert taken.value.code == "tool.not_available"
    with pytest.raises(ValidationError) as other:
        t.return_tool(demo_db, users["tech3"], torque)
    assert other.value.code == "tool.not_yours"
    now.set(hours=2)
    assert t.return_tool(demo_db, tech, torque, "  刻度盘裂了 ").state == "damaged"
    with pytest.raises(ValidationError) as damaged:
        t.check_out(demo_db, tech, torque)
    assert damaged.value.code == "tool.not_available"
    with pytest.raises(Forbidden):
        t.record_maintenance(demo_db, tech, torque, "换表盘", in_service=True)
    lead = users["tech1"]
    now.set(hours=3)
    assert t.record_maintenance(demo_db, lead, torque, "更换表盘并校准",
                                in_service=True).state == "available"
    history = t.tool_history(demo_db, tech, torque)
    assert [(e.kind, e.note) for e in history] == [
        ("maintenance", "更换表盘并校准"), ("in", "刻度盘裂了"), ("out", None)]
    assert history[1].work_order == number and history[1].who == tech.display_name


def test_overdue_after_the_stores_loan_period(demo_db, users, now):
    tech = users["tech2"]
    t.check_out(demo_db, tech, tool_id(demo_db, "T-DG01"))
    now.set(hours=3)
    t.check_out(demo_db, users["tech3"], tool_id(demo_db, "T-MM01"))
    now.set(hours=11)  # the default loan period is 10 h: the first is overdue
    assert [r.code for r in t.overdue_tools(demo_db, tech)] == ["T-DG01"]
    set_setting(demo_db, login(demo_db, "admin"), "tool_loan_hours", 4)
    overdue = t.overdue_tools(demo_db, tech)
    assert [r.code for r in overdue] == ["T-DG01", "T-MM01"]  # longest out first
    assert all(r.overdue for r in overdue)
    t.return_tool(demo_db, tech, tool_id(demo_db, "T-DG01"))
    assert [r.code for r in t.overdue_tools(demo_db, tech)] == ["T-MM01"]


def test_a_team_lead_hands_a_tool_to_a_technician_and_takes_it_back(demo_db, users):
    lead, tech = users["tech1"], users["tech2"]
    spring = tool_id(demo_db, "T-SP01")
    t.check_out(demo_db, lead, spring, borrower_id=tech.id)
    assert t.tools(demo_db, tech, "T-SP01")[0].borrower_id == tech.id
    with pytest.raises(ValidationError) as own:
        t.check_out(demo_db, users["tech3"], tool_id(demo_db, "T-OL01"), borrower_id=tech.id)
    assert own.value.code == "tool.borrower_self"
    with pytest.raises(ValidationError) as staff:
        t.check_out(demo_db, lead, tool_id(demo_db, "T-OL01"), borrower_id=users["cashier1"].id)
    assert staff.value.code == "tool.borrower"
    assert t.return_tool(demo_db, lead, spring).state == "available"


@pytest.mark.parametrize("call, code", [
    (lambda db, u, i: t.check_out(db, u["tech2"], i, "WO1999000001"), "tool.work_order"),
    (lambda db, u, i: t.return_tool(db, u["tech2"], i), "tool.not_out"),
    (lambda db, u, i: t.add_tool(db, u["tech1"], "t-tq01", "重复"), "tool.code_taken"),
    (lambda db, u, i: t.add_tool(db, u["tech1"], "", "空"), "tool.code"),
    (lambda db, u, i: t.add_tool(db, u["tech1"], "X1", "x" * 61), "tool.name"),
    (lambda db, u, i: t.add_tool(db, u["tech1"], "X1", "举升机", "lift"), "tool.kind"),
    (lambda db, u, i: t.record_maintenance(db, u["tech1"], i, "  ", True),
     "tool.maintenance_note"),
    (lambda db, u, i: t.return_tool(db, u["tech2"], i, "\0"), "text.bad_character"),
])
def test_bad_input_is_refused_and_changes_nothing(demo_db, users, call, code):
    torque = tool_id(demo_db)
    before = counts(demo_db)
    with pytest.raises(ValidationError) as refused:
        call(demo_db, users, torque)
    assert refused.value.code == code
    assert counts(demo_db) == before


def test_roles_and_stores(demo_db, users):
    torque = tool_id(demo_db)
    before = counts(demo_db)
    for who in ("advisor1", "cashier1"):
        with pytest.raises(Forbidden):
            t.check_out(demo_db, users[who], torque)
        with pytest.raises(Forbidden):
            t.tools(demo_db, users[who])
    with pytest.raises(Forbidden):
        t.add_tool(demo_db, users["tech2"], "X1", "举升机")
    with pytest.raises(NotFound):
        t.check_out(demo_db, users["tech2"], 999_999)
    assert counts(demo_db) == before
    added = t.add_tool(demo_db, users["tech1"], " t-lift1 ", "举升机 4 号", "equipment")
    assert t.tools(demo_db, users["qc1"], "LIFT")[0].id == added.id
    t.check_out(demo_db, users["qc1"], added.id)
    with pytest.raises(ValidationError) as out:
        t.record_maintenance(demo_db, users["tech1"], added.id, "年检", False)
    assert out.value.code == "tool.is_out"


def test_two_seats_cannot_both_borrow_one_tool(demo_db, users):
    from dms.db import Database, make_engine

    other = Database(engine=make_engine(demo_db.url))
    torque = tool_id(demo_db)
    t.check_out(demo_db, users["tech2"], torque)
    with pytest.raises(ValidationError):
        t.check_out(other, users["tech3"], torque)
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(ToolCheckout.id)).where(
            ToolCheckout.tool_id == torque, ToolCheckout.in_at.is_(None))) == 1
    other.dispose()
