"""Step 8: team-lead check and final inspection; a fail sends the car back to rework."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from dms.errors import Forbidden, InvalidTransition, ValidationError
from dms.models import AuditLog, LabourLine, QCInspection, WorkOrder
from dms.workshop import dispatch as d
from dms.workshop.board import actual_hours
from dms.workshop.qc import final_inspection, team_lead_check

from builders import T0, Clock, bay_ids, make_order, snapshot, transitions, workshop_users


@pytest.fixture
def now(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def users(demo_db):
    return workshop_users(demo_db)


@pytest.fixture
def bays(demo_db):
    return bay_ids(demo_db)


def to_qc(db, users, bays, now, promised_at=None):
    """An order whose two jobs (tech2: oil, tech3: brakes) are done and self-checked."""
    wo_id, (oil, brakes) = make_order(db, users["advisor1"], promised_at=promised_at)
    for line, bay, tech in ((oil, "BAY1", "tech2"), (brakes, "BAY3", "tech3")):
        d.assign_job(db, users["dispatcher1"], line, bays[bay], users[tech].id)
        d.clock_on(db, users[tech], line)
    now.set(hours=1)
    for line, tech in ((oil, "tech2"), (brakes, "tech3")):
        d.clock_off(db, users[tech], line, done=True)
    d.finish_repair(db, users["tech2"], wo_id, self_check_ok=True)
    return wo_id, oil, brakes


def job_states(db, wo_id):
    with db.reading() as s:
        return [line.state for line in s.get(WorkOrder, wo_id).labour_lines
                if line.approval == "approved"]


def refused(db, wo_id, call, error):
    before = snapshot(db, wo_id)
    with pytest.raises(ValidationError if isinstance(error, str) else error) as err:
        call()
    if isinstance(error, str):
        assert err.value.code == error
    assert snapshot(db, wo_id) == before


def test_final_fail_sends_the_owners_jobs_to_rework_then_the_car_passes(demo_db, users, bays, now):
    wo_id, oil, brakes = to_qc(demo_db, users, bays, now)
    qc, tech2 = users["qc1"], users["tech2"]
    for owner, extra, code in [
            ("tech2", {"reason": None}, "qc.reason"), (None, {}, "qc.rework_owner"),
            ("advisor1", {}, "qc.rework_owner"), ("tech2", {"penalty": "-1"}, "qc.penalty"),
            ("tech4", {}, "qc.rework_owner_jobs")]:  # tech4 never touched this car
        kwargs = {"reason": "刹车异响仍在", "rework_owner_id": owner and users[owner].id, **extra}
        refused(demo_db, wo_id, lambda: final_inspection(demo_db, qc, wo_id, False, **kwargs), code)
    now.set(hours=2)
    result = final_inspection(demo_db, qc, wo_id, False, reason="机油加注过量",
                              rework_owner_id=tech2.id, penalty=Decimal("50"))
    assert result.state == "REWORK" and job_states(demo_db, wo_id) == ["rework", "done"]
    with demo_db.reading() as s:
        fail = s.scalars(select(QCInspection).where(QCInspection.level == "final")).one()
        assert (fail.passed, fail.rework_owner_id, fail.penalty, fail.reason) == (
            False, tech2.id, Decimal("50.00"), "机油加注过量")
    refused(demo_db, wo_id, lambda: d.clock_on(demo_db, users["tech3"], brakes), "clock.job_done")
    now.set(hours=3)
    assert d.clock_on(demo_db, tech2, oil).order.state == "IN_REPAIR"
    now.set(hours=3, minutes=30)
    d.clock_off(demo_db, tech2, oil, done=True)
    assert actual_hours(demo_db, qc, wo_id) == {oil: Decimal("1.50"), brakes: Decimal("1.00")}
    assert d.finish_repair(demo_db, tech2, wo_id, True).state == "QC"
    now.set(hours=4)
    assert final_inspection(demo_db, qc, wo_id, True).state == "READY"
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo_id)
        assert order.completed_at == T0 + timedelta(hours=4) and order.delay_reason is None
        stamps = {a.action: a.at for a in s.scalars(select(AuditLog).where(
            AuditLog.entity == "work_order", AuditLog.entity_id == wo_id))}
        assert stamps["qc_fail"] == T0 + timedelta(hours=2)
        assert stamps["qc_pass"] == order.completed_at
        rework = s.scalars(select(AuditLog).where(AuditLog.entity == "labour_line",
                                                  AuditLog.action == "rework")).one()
        assert (rework.entity_id, rework.from_state, rework.to_state) == (oil, "done", "rework")
    assert transitions(demo_db, wo_id)[2:] == [
        ("dispatch", "AUTHORIZED", "DISPATCHED"), ("start", "DISPATCHED", "IN_REPAIR"),
        ("finish", "IN_REPAIR", "QC"), ("qc_fail", "QC", "REWORK"),
        ("start", "REWORK", "IN_REPAIR"), ("finish", "IN_REPAIR", "QC"), ("qc_pass", "QC", "READY")]


def test_a_late_car_needs_a_delay_reason(demo_db, users, bays, now):
    wo_id, _, _ = to_qc(demo_db, users, bays, now, promised_at=T0 + timedelta(hours=2))
    now.set(hours=3)
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, users["qc1"], wo_id, True,
                                                     delay_reason="  "), "qc.delay_reason")
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, users["qc1"], wo_id, True,
                                                     penalty=Decimal(10)), "qc.pass_with_rework")
    final_inspection(demo_db, users["qc1"], wo_id, True, delay_reason="等待刹车片到货")
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo_id)
        assert (order.state, order.delay_reason) == ("READY", "等待刹车片到货")
        assert order.completed_at == T0 + timedelta(hours=3)


def test_team_lead_check_records_a_pass_and_a_fail_sends_back_to_rework(demo_db, users, bays, now):
    wo_id, oil, brakes = to_qc(demo_db, users, bays, now)
    lead = users["tech1"]
    tech2 = users["tech2"]
    refused(demo_db, wo_id, lambda: team_lead_check(demo_db, tech2, wo_id, True), Forbidden)
    refused(demo_db, wo_id, lambda: team_lead_check(demo_db, lead, wo_id, False), "qc.reason")
    assert team_lead_check(demo_db, lead, wo_id, True).state == "QC"
    result = team_lead_check(demo_db, users["tech5"], wo_id, False, reason="螺栓扭矩未复核")
    assert result.state == "REWORK" and job_states(demo_db, wo_id) == ["rework", "rework"]
    with demo_db.reading() as s:
        checks = s.scalars(select(QCInspection).where(QCInspection.level == "team_lead")
                           .order_by(QCInspection.id)).all()
        assert [(c.inspector_id, c.passed) for c in checks] == [(lead.id, True),
                                                                (users["tech5"].id, False)]
        fail = s.scalars(select(AuditLog).where(AuditLog.action == "qc_fail")).one()
        assert (fail.user_id, fail.from_state, fail.to_state) == (users["tech5"].id, "QC", "REWORK")
    refused(demo_db, wo_id, lambda: team_lead_check(demo_db, lead, wo_id, True), InvalidTransition)
    assert d.clock_on(demo_db, users["tech3"], brakes).order.state == "IN_REPAIR"


@pytest.mark.parametrize("who", ["tech2", "tech1", "advisor1", "dispatcher1"])
def test_only_the_qc_inspector_passes_or_fails(demo_db, users, bays, now, who):
    wo_id, _, _ = to_qc(demo_db, users, bays, now)
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, users[who], wo_id, True), Forbidden)
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, users[who], wo_id, False), Forbidden)
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, users[who], wo_id, False, reason="x",
                                                     rework_owner_id=users["tech2"].id), Forbidden)


def test_inspection_only_in_qc(demo_db, users, bays):
    wo_id, (oil, _) = make_order(demo_db, users["advisor1"])
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, users["qc1"], wo_id, True),
            InvalidTransition)
    with demo_db.reading() as s:
        assert s.get(LabourLine, oil).state == "waiting"


def test_the_rework_owner_may_redo_a_job_reassigned_away_from_them(demo_db, users, bays, now):
    wo_id, (oil,) = make_order(demo_db, users["advisor1"], lines=1)
    disp, tech2, tech3 = users["dispatcher1"], users["tech2"], users["tech3"]
    d.assign_job(demo_db, disp, oil, bays["BAY1"], tech3.id)
    d.clock_on(demo_db, tech3, oil)
    d.clock_off(demo_db, tech3, oil)  # not done: the job moves to tech2
    d.assign_job(demo_db, disp, oil, bays["BAY2"], tech2.id)
    d.clock_on(demo_db, tech2, oil)
    d.clock_off(demo_db, tech2, oil, done=True)
    d.finish_repair(demo_db, tech2, wo_id, True)
    final_inspection(demo_db, users["qc1"], wo_id, False, reason="滤芯未拧紧",
                     rework_owner_id=tech3.id)
    refused(demo_db, wo_id, lambda: d.clock_on(demo_db, users["tech4"], oil), "clock.not_assigned")
    assert d.clock_on(demo_db, tech3, oil).order.state == "IN_REPAIR"


def test_the_inspector_names_the_faulty_job_and_only_it_goes_back(demo_db, users, bays, now):
    """tech2 did the oil change and the filter, tech3 the brakes: the filter is faulty, so only
    it goes back to tech2; naming no job, another technician's job or another car's job is
    refused and changes nothing. Without an owner (a team lead's fail) any job may be named."""
    wo_id, (oil, brakes, filter_) = make_order(demo_db, users["advisor1"], lines=3)
    other_wo, (other_oil, _) = make_order(demo_db, users["advisor1"])
    work = ((oil, "BAY1", "tech2"), (brakes, "BAY3", "tech3"), (filter_, "BAY1", "tech2"))
    for line, bay, tech in work:
        d.assign_job(demo_db, users["dispatcher1"], line, bays[bay], users[tech].id)
    for line, _bay, tech in work:
        d.clock_on(demo_db, users[tech], line)
        d.clock_off(demo_db, users[tech], line, done=True)
    d.finish_repair(demo_db, users["tech2"], wo_id, self_check_ok=True)
    qc, tech2 = users["qc1"], users["tech2"]
    for named in ([], [brakes], [filter_, other_oil]):
        refused(demo_db, wo_id, lambda: final_inspection(
            demo_db, qc, wo_id, False, reason="机滤渗油", rework_owner_id=tech2.id,
            rework_job_ids=named), "qc.rework_jobs")
    refused(demo_db, wo_id, lambda: final_inspection(demo_db, qc, wo_id, True,
                                                     rework_job_ids=[filter_]),
            "qc.pass_with_rework")
    result = final_inspection(demo_db, qc, wo_id, False, reason="机滤渗油",
                              rework_owner_id=tech2.id, rework_job_ids=[filter_])
    assert result.state == "REWORK" and job_states(demo_db, wo_id) == ["done", "done", "rework"]
    with demo_db.reading() as s:
        fail = s.scalars(select(AuditLog).where(AuditLog.entity == "work_order",
                                                AuditLog.action == "qc_fail")).one()
        assert json.loads(fail.data)["jobs"] == [filter_]
    refused(demo_db, wo_id, lambda: d.clock_on(demo_db, tech2, oil), "clock.job_done")
    d.clock_on(demo_db, tech2, filter_)
    d.clock_off(demo_db, tech2, filter_, done=True)
    d.finish_repair(demo_db, tech2, wo_id, self_check_ok=True)
    team_lead_check(demo_db, users["tech1"], wo_id, False, reason="刹车异响",
                    rework_job_ids=[brakes])
    assert job_states(demo_db, wo_id) == ["done", "rework", "done"]
