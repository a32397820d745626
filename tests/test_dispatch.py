"""Step 7: dispatch to bays and technicians, clock on/off, pause/resume, finish with self-check."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from dms.errors import Forbidden, InvalidTransition, ValidationError
from dms.models import (AuditLog, Bay, ClockEvent, DispatchAssignment, LabourLine, PriceClass,
                        QCInspection, User, Vehicle, WorkOrder)
from dms.workshop import dispatch as d
from dms.workshop.board import actual_hours, hours_report, job_board
from dms.workshop.reception import CheckIn, check_in

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


@pytest.fixture
def order(demo_db, users):
    return make_order(demo_db, users["advisor1"])


def order_state(db, wo_id):
    with db.reading() as s:
        return s.get(WorkOrder, wo_id).state


def test_first_assignment_dispatches_and_a_job_can_move_to_another_bay(demo_db, users, bays,
                                                                       order):
    wo_id, (oil, brakes) = order
    disp = users["dispatcher1"]
    start = T0 + timedelta(hours=1)
    result = d.assign_job(demo_db, disp, oil, bays["BAY1"], users["tech2"].id,
                          team_lead_id=users["tech1"].id, planned_start=start,
                          planned_end=start + timedelta(hours=1), equipment="举升机")
    assert result.order.state == "DISPATCHED"
    assert transitions(demo_db, wo_id)[2:] == [("dispatch", "AUTHORIZED", "DISPATCHED")]
    d.assign_job(demo_db, disp, brakes, bays["BAY3"], users["tech3"].id, planned_hours=Decimal("2"))
    moved = d.assign_job(demo_db, disp, brakes, bays["BAY4"], users["tech5"].id)
    assert moved.order.state == "DISPATCHED" and len(transitions(demo_db, wo_id)) == 3
    with demo_db.reading() as s:
        rows = s.scalars(select(DispatchAssignment).order_by(DispatchAssignment.id)
                         .where(DispatchAssignment.labour_line_id == brakes)).all()
        assert [(r.bay_id, r.active) for r in rows] == [(bays["BAY3"], False), (bays["BAY4"], True)]
        line = s.get(LabourLine, brakes)
        assert (line.bay_id, line.technician_id) == (bays["BAY4"], users["tech5"].id)
        assert rows[1].planned_hours == Decimal("1.50")  # defaults to the billed hours
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity == "labour_line",
                                                          AuditLog.entity_id == brakes)).all()
        assert actions == ["assign", "reassign"]
    board = [j for j in job_board(demo_db, disp) if j.work_order_id == wo_id]
    assert [(j.code, j.bay_name, j.technician_name, j.state) for j in board] == [
        ("MISC", "保养工位1", "杨志刚", "waiting"), ("MISC", "机修工位2", "周永军", "waiting")]
    assert board[0].planned_start == start and board[0].order_state == "DISPATCHED"


@pytest.mark.parametrize("who, change, error", [
    ("advisor1", {}, Forbidden), ("tech1", {}, Forbidden),
    ("dispatcher1", {"technician": "advisor1"}, "dispatch.technician"),
    ("dispatcher1", {"team_lead": "tech2"}, "dispatch.team_lead"),
    ("dispatcher1", {"inactive_tech": True}, "dispatch.technician"),
    ("dispatcher1", {"inactive_bay": True}, "dispatch.bay_inactive"),
    ("dispatcher1", {"declined": True}, "dispatch.not_approved"),
    ("dispatcher1", {"planned_end": -1}, "dispatch.planned_times"),
    ("dispatcher1", {"planned_hours": Decimal("0")}, "dispatch.planned_hours"),
])
def test_refused_assignments_change_nothing(demo_db, users, bays, order, who, change, error):
    wo_id, (oil, _) = order
    with demo_db.transaction() as s:
        if change.get("inactive_tech"):
            s.get(User, users["tech2"].id).active = False
        if change.get("inactive_bay"):
            s.get(Bay, bays["BAY1"]).active = False
        declined = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo_id,
                                                        LabourLine.approval == "declined"))
    before = snapshot(demo_db, wo_id)
    kwargs = {"team_lead_id": users[change["team_lead"]].id} if "team_lead" in change else {}
    if "planned_end" in change:
        kwargs.update(planned_start=T0, planned_end=T0 + timedelta(hours=change["planned_end"]))
    if "planned_hours" in change:
        kwargs["planned_hours"] = change["planned_hours"]
    tech = users[change.get("technician", "tech2")].id
    line = declined if change.get("declined") else oil
    with pytest.raises(ValidationError if isinstance(error, str) else error) as err:
        d.assign_job(demo_db, users[who], line, bays["BAY1"], tech, **kwargs)
    if isinstance(error, str):
        assert err.value.code == error
    assert snapshot(demo_db, wo_id) == before


def test_two_technicians_on_one_job_and_actual_hours(demo_db, users, bays, order, now):
    wo_id, (oil, brakes) = order
    d.assign_job(demo_db, users["dispatcher1"], oil, bays["BAY1"], users["tech2"].id,
                 team_lead_id=users["tech1"].id)
    result = d.clock_on(demo_db, users["tech2"], oil)
    assert (result.order.state, result.job_state, result.on_job) == ("IN_REPAIR", "in_progress",
                                                                      (users["tech2"].id,))
    before = snapshot(demo_db, wo_id)
    with pytest.raises(ValidationError) as err:  # not assigned and not a team lead
        d.clock_on(demo_db, users["tech3"], oil)
    assert err.value.code == "clock.not_assigned" and snapshot(demo_db, wo_id) == before
    now.set(minutes=30)
    helper = d.clock_on(demo_db, users["tech1"], oil)  # the team lead lends a hand
    assert set(helper.on_job) == {users["tech1"].id, users["tech2"].id}
    board = job_board(demo_db, users["qc1"])
    assert [j.clocked_on for j in board if j.labour_line_id == oil] == [("杨志刚", "陈建国")]
    now.set(hours=2)
    off = d.clock_off(demo_db, users["tech2"], oil, done=True)
    assert (off.job_state, off.on_job) == ("in_progress", (users["tech1"].id,))  # tech1 still on
    now.set(hours=2, minutes=15)
    assert d.clock_off(demo_db, users["tech1"], oil, done=True).job_state == "done"
    assert actual_hours(demo_db, users["dispatcher1"], wo_id) == {oil: Decimal("3.75"),
                                                                   brakes: Decimal("0.00")}
    report = {j.labour_line_id: j for j in hours_report(demo_db, users["advisor1"], wo_id)}
    assert report[oil].billed == Decimal("1.00")
    assert dict(report[oil].by_technician) == {users["tech2"].id: Decimal("2.00"),
                                               users["tech1"].id: Decimal("1.75")}
    with pytest.raises(ValidationError) as err:
        d.clock_off(demo_db, users["tech1"], oil)
    assert err.value.code == "clock.not_on"


def test_a_technician_is_on_one_job_at_a_time(demo_db, users, bays, now):
    disp, tech = users["dispatcher1"], users["tech2"]
    wo_a, (a1, a2) = make_order(demo_db, users["advisor1"])
    wo_b, (b1, _) = make_order(demo_db, users["advisor1"])
    for line, bay in ((a1, "BAY2"), (a2, "BAY3"), (b1, "BAY1")):
        d.assign_job(demo_db, disp, line, bays[bay], tech.id)
    d.clock_on(demo_db, tech, a1)
    before = snapshot(demo_db, wo_a), snapshot(demo_db, wo_b)
    for line, code in ((a1, "clock.already_on"), (a2, "clock.on_other_job"),
                       (b1, "clock.on_other_job")):
        with pytest.raises(ValidationError) as err:
            d.clock_on(demo_db, tech, line)
        assert err.value.code == code
    assert (snapshot(demo_db, wo_a), snapshot(demo_db, wo_b)) == before
    assert order_state(demo_db, wo_b) == "DISPATCHED"
    before = snapshot(demo_db, wo_a)
    with pytest.raises(ValidationError) as err:  # a moving job must be clocked off first
        d.assign_job(demo_db, disp, a1, bays["BAY1"], users["tech5"].id)
    assert err.value.code == "dispatch.job_clocked_on" and snapshot(demo_db, wo_a) == before
    d.clock_off(demo_db, tech, a1)
    assert d.clock_on(demo_db, tech, b1).order.state == "IN_REPAIR"


def test_pause_clocks_everyone_off_and_resume_goes_back_to_repair(demo_db, users, bays, order, now):
    wo_id, (oil, brakes) = order
    disp = users["dispatcher1"]
    d.assign_job(demo_db, disp, oil, bays["BAY1"], users["tech2"].id)
    d.assign_job(demo_db, disp, brakes, bays["BAY3"], users["tech3"].id)
    d.clock_on(demo_db, users["tech2"], oil)
    d.clock_on(demo_db, users["tech3"], brakes)
    before = snapshot(demo_db, wo_id)
    with pytest.raises(ValidationError) as err:
        d.pause(demo_db, disp, wo_id, "lunch")
    assert err.value.code == "dispatch.pause_reason"
    with pytest.raises(Forbidden):
        d.pause(demo_db, users["cashier1"], wo_id, "waiting_parts")
    assert snapshot(demo_db, wo_id) == before
    now.set(hours=1)
    version = before[1]
    paused = d.pause(demo_db, users["tech3"], wo_id, "waiting_parts", expected_version=version)
    assert paused.state == "PAUSED"
    with demo_db.reading() as s:
        o = s.get(WorkOrder, wo_id)
        assert (o.pause_reason, o.paused_from) == ("waiting_parts", "IN_REPAIR")
        offs = s.scalars(select(ClockEvent).where(ClockEvent.kind == "off")).all()
        assert sorted((e.technician_id, e.reason) for e in offs) == sorted(
            [(users["tech2"].id, "waiting_parts"), (users["tech3"].id, "waiting_parts")])
    with pytest.raises(InvalidTransition):
        d.clock_on(demo_db, users["tech2"], oil)
    assert d.resume(demo_db, users["advisor1"], wo_id).state == "IN_REPAIR"
    with demo_db.reading() as s:
        o = s.get(WorkOrder, wo_id)
        assert (o.pause_reason, o.paused_from) == (None, None)
    assert d.clock_on(demo_db, users["tech2"], oil).job_state == "in_progress"
    assert actual_hours(demo_db, disp, wo_id)[brakes] == Decimal("1.00")
    assert transitions(demo_db, wo_id)[2:] == [
        ("dispatch", "AUTHORIZED", "DISPATCHED"), ("start", "DISPATCHED", "IN_REPAIR"),
        ("pause", "IN_REPAIR", "PAUSED"), ("resume", "PAUSED", "IN_REPAIR")]


def test_finish_needs_every_job_done_nobody_on_and_a_self_check(demo_db, users, bays, order):
    wo_id, (oil, brakes) = order
    d.assign_job(demo_db, users["dispatcher1"], oil, bays["BAY1"], users["tech2"].id)
    d.assign_job(demo_db, users["dispatcher1"], brakes, bays["BAY3"], users["tech2"].id)
    tech = users["tech2"]
    d.clock_on(demo_db, tech, oil)

    def refused(who, error, self_check=True):
        before = snapshot(demo_db, wo_id)
        with pytest.raises(ValidationError if isinstance(error, str) else error) as err:
            d.finish_repair(demo_db, who, wo_id, self_check_ok=self_check)
        assert snapshot(demo_db, wo_id) == before
        return err.value.code

    assert refused(tech, "dispatch.clocked_on") == "dispatch.clocked_on"
    d.clock_off(demo_db, tech, oil, done=True)
    assert refused(tech, "dispatch.jobs_open") == "dispatch.jobs_open"
    d.clock_on(demo_db, tech, brakes)
    d.clock_off(demo_db, tech, brakes, done=True)
    assert refused(tech, ValidationError, self_check=False) == "dispatch.self_check"
    refused(users["advisor1"], Forbidden)
    refused(users["qc1"], Forbidden)
    assert d.finish_repair(demo_db, users["tech1"], wo_id, True, note="试车正常").state == "QC"
    with demo_db.reading() as s:
        check = s.scalars(select(QCInspection).where(QCInspection.work_order_id == wo_id)).one()
        assert (check.level, check.passed, check.inspector_id, check.reason) == (
            "self", True, users["tech1"].id, "试车正常")
    assert transitions(demo_db, wo_id)[-1] == ("finish", "IN_REPAIR", "QC")
    board = [j for j in job_board(demo_db, tech) if j.work_order_id == wo_id]
    assert {j.order_state for j in board} == {"QC"}


def test_jobs_must_be_dispatched_and_orders_authorized(demo_db, users, bays, order):
    wo_id, (oil, _) = order
    with pytest.raises(InvalidTransition):  # AUTHORIZED: nothing dispatched yet
        d.clock_on(demo_db, users["tech2"], oil)
    with pytest.raises(Forbidden):
        d.clock_on(demo_db, users["dispatcher1"], oil)
    d.assign_job(demo_db, users["dispatcher1"], oil, bays["BAY1"], users["tech2"].id)
    _, (other, _) = make_order(demo_db, users["advisor1"])
    with demo_db.transaction() as s:
        s.get(WorkOrder, s.get(LabourLine, other).work_order_id).state = "DISPATCHED"
    with pytest.raises(ValidationError) as err:
        d.clock_on(demo_db, users["tech1"], other)
    assert err.value.code == "clock.not_dispatched"
    received = check_in(demo_db, users["advisor1"], CheckIn(
        vehicle_id=_vehicle(demo_db), mileage=999_999, fuel_level=2, complaint="异响"))
    with demo_db.transaction() as s:
        s.add(LabourLine(work_order_id=received.id, seq=1, code="M", name="检查", trade="mechanical",
                         standard_hours=Decimal(1), billed_hours=Decimal(1),
                         price_class_id=s.scalars(select(PriceClass.id)).first(),
                         rate=Decimal(180), amount=Decimal(180), net=Decimal(180),
                         payer="customer"))
        line = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == received.id))
    with pytest.raises(InvalidTransition):  # RECEIVED: the customer has not approved anything
        d.assign_job(demo_db, users["dispatcher1"], line, bays["BAY1"], users["tech2"].id)


def _vehicle(db):
    with db.reading() as s:
        return s.scalars(select(Vehicle.id).order_by(Vehicle.id.desc())).first()


def test_a_bay_must_be_of_the_jobs_kind_and_free_of_other_cars(demo_db, users, bays):
    """DESIGN §10: the service enforces what the board mirrors; refusals change nothing."""
    disp = users["dispatcher1"]
    wo_a, (oil, brakes, filter_) = make_order(demo_db, users["advisor1"], lines=3)
    wo_b, (b_oil, b_brakes) = make_order(demo_db, users["advisor1"])
    d.assign_job(demo_db, disp, b_oil, bays["BAY1"], users["tech3"].id)
    d.assign_job(demo_db, disp, brakes, bays["BAY3"], users["tech2"].id)  # only dispatched
    d.assign_job(demo_db, disp, b_brakes, bays["BAY3"], users["tech4"].id)
    d.clock_on(demo_db, users["tech3"], b_oil)  # car B in repair in BAY1 and BAY3
    d.clock_on(demo_db, users["tech4"], b_brakes)
    with demo_db.reading() as s:
        plate = s.scalar(select(Vehicle.plate).join(WorkOrder).where(WorkOrder.id == wo_b))
    before = snapshot(demo_db, wo_a), snapshot(demo_db, wo_b)
    for line, bay, code, params in (
            (oil, "BAY3", "dispatch.bay_kind", {"bay_kind": "mechanical",
                                                "needed_kind": "maintenance"}),
            (brakes, "BAY6", "dispatch.bay_kind", {"trade": "mechanical", "bay_kind": "paint"}),
            (oil, "BAY1", "dispatch.bay_busy", {"bay": "保养工位1", "plate": plate})):
        with pytest.raises(ValidationError) as err:
            d.assign_job(demo_db, disp, line, bays[bay], users["tech2"].id)
        assert err.value.code == code and params.items() <= err.value.params.items()
        assert (snapshot(demo_db, wo_a), snapshot(demo_db, wo_b)) == before
    assert d.bay_for(demo_db, disp, oil) == bays["BAY2"]  # BAY1 is busy
    d.assign_job(demo_db, disp, oil, bays["BAY2"], users["tech2"].id)
    d.clock_on(demo_db, users["tech2"], oil)
    # the car's own job in repair there does not keep its other jobs out of the bay
    d.assign_job(demo_db, disp, filter_, bays["BAY2"], users["tech5"].id)
    # a job staying on its bay goes to another technician though car B is in repair there
    d.assign_job(demo_db, disp, brakes, bays["BAY3"], users["tech1"].id)
    # a paused car does not hold its bay (as on the board): BAY1 is free again
    d.pause(demo_db, disp, wo_b, "waiting_parts")
    d.assign_job(demo_db, disp, filter_, bays["BAY1"], users["tech5"].id)
    with demo_db.reading() as s:
        assert [(x.bay_id, x.technician_id) for x in s.scalars(
            select(LabourLine).where(LabourLine.id.in_((oil, brakes, filter_)))
            .order_by(LabourLine.seq))] == [(bays["BAY2"], users["tech2"].id),
                                            (bays["BAY3"], users["tech1"].id),
                                            (bays["BAY1"], users["tech5"].id)]


def test_clocking_on_in_a_bay_another_car_is_in_repair_in_is_refused(demo_db, users, bays):
    """A job may stay on its bay while another car comes into repair there (see above), but
    its technician cannot start it until that car leaves: the bay's rules hold on clock-on as
    on assignment; the refusal changes nothing."""
    disp = users["dispatcher1"]
    wo_a, (oil, _) = make_order(demo_db, users["advisor1"])
    wo_b, (b_oil, _) = make_order(demo_db, users["advisor1"])
    d.assign_job(demo_db, disp, oil, bays["BAY1"], users["tech2"].id)  # A waits in BAY1
    d.assign_job(demo_db, disp, b_oil, bays["BAY1"], users["tech3"].id)  # B is in repair there
    d.clock_on(demo_db, users["tech3"], b_oil)
    with demo_db.reading() as s:
        plate = s.scalar(select(Vehicle.plate).join(WorkOrder).where(WorkOrder.id == wo_b))
    before = snapshot(demo_db, wo_a), snapshot(demo_db, wo_b)
    for who in ("tech2", "tech1"):  # the job's technician, and a team lead
        with pytest.raises(ValidationError) as err:
            d.clock_on(demo_db, users[who], oil)
        assert err.value.code == "dispatch.bay_busy"
        assert err.value.params == {"bay": "保养工位1", "plate": plate}
        assert (snapshot(demo_db, wo_a), snapshot(demo_db, wo_b)) == before
    d.clock_off(demo_db, users["tech3"], b_oil, done=True)  # car B's job is done: the bay is free
    assert d.clock_on(demo_db, users["tech2"], oil).job_state == "in_progress"


def test_a_busy_bay_names_a_car_without_a_plate_by_its_order_number(demo_db, users, bays):
    """An unregistered car (no plate yet) in repair keeps the bay busy too, and the refusal
    names its order, on assignment and on clock-on alike (one read asks the bay and its car)."""
    disp = users["dispatcher1"]
    wo_a, (oil, _) = make_order(demo_db, users["advisor1"])
    wo_b, (b_oil, _) = make_order(demo_db, users["advisor1"])
    d.assign_job(demo_db, disp, oil, bays["BAY1"], users["tech2"].id)
    d.assign_job(demo_db, disp, b_oil, bays["BAY1"], users["tech3"].id)
    d.clock_on(demo_db, users["tech3"], b_oil)
    with demo_db.transaction() as s:
        order_b = s.get(WorkOrder, wo_b)
        s.get(Vehicle, order_b.vehicle_id).plate = None
        number = order_b.number
    _, (other, _) = make_order(demo_db, users["advisor1"])
    for refused in (lambda: d.clock_on(demo_db, users["tech2"], oil),
                    lambda: d.assign_job(demo_db, disp, other, bays["BAY1"], users["tech2"].id)):
        with pytest.raises(ValidationError) as err:
            refused()
        assert err.value.code == "dispatch.bay_busy"
        assert err.value.params == {"bay": "保养工位1", "plate": number}


def test_a_job_given_a_technician_but_no_bay_is_not_dispatched(demo_db, users):
    """Only an assignment puts a job on a bay: a technician named when the job was added does
    not make it one to clock on."""
    wo, _ = make_order(demo_db, users["advisor1"])
    with demo_db.transaction() as s:
        job = LabourLine(work_order_id=wo, seq=9, code="M", name="检查", trade="mechanical",
                         standard_hours=Decimal(1), billed_hours=Decimal(1),
                         price_class_id=s.scalars(select(PriceClass.id)).first(),
                         rate=Decimal(180), amount=Decimal(180), net=Decimal(180),
                         payer="customer", approval="approved",
                         technician_id=users["tech2"].id)
        s.add(job)
        s.flush()
        job_id = job.id
        s.get(WorkOrder, wo).state = "DISPATCHED"
    before = snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        d.clock_on(demo_db, users["tech2"], job_id)
    assert err.value.code == "clock.not_dispatched"
    assert snapshot(demo_db, wo) == before


def test_the_first_assignment_is_audited_before_the_dispatch_it_causes(demo_db, users, bays):
    """The job's entry names its assignment and comes before the order's move to DISPATCHED
    (both written with the command's one flush): ids and times in the order things happened."""
    wo, (oil, brakes) = make_order(demo_db, users["advisor1"])
    first = d.assign_job(demo_db, users["dispatcher1"], oil, bays["BAY1"], users["tech2"].id)
    again = d.assign_job(demo_db, users["dispatcher1"], oil, bays["BAY1"], users["tech3"].id)
    with demo_db.reading() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.id > s.scalar(
            select(AuditLog.id).where(AuditLog.entity == "work_order", AuditLog.entity_id == wo,
                                      AuditLog.action == "approve")))
            .order_by(AuditLog.id)).all()
        assert [(r.entity, r.entity_id, r.action) for r in rows] == [
            ("labour_line", oil, "assign"), ("work_order", wo, "dispatch"),
            ("labour_line", oil, "reassign")]
        assert [json.loads(rows[n].data)["assignment_id"] for n in (0, 2)] == [
            first.assignment_id, again.assignment_id]
        assert rows[0].at <= rows[1].at <= rows[2].at
        assert s.get(DispatchAssignment, first.assignment_id).labour_line_id == oil


def test_a_cars_next_job_goes_to_the_bay_its_other_jobs_are_in():
    """Only the technician chosen: a job goes to the free bay of its kind where the car's other
    jobs are (a car stands in one bay), not the least planned one; the least planned free bay
    when the car has none yet, and never one with another car in repair."""
    from datetime import datetime, timezone

    from dms.workshop.board import BoardJob
    from dms.workshop.kanban import Board, BayInfo, Card, default_bay

    at = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)

    def card(job_id, order, lane, bay=None, hours="1.0"):
        job = BoardJob(order, f"WO{order}", f"京A{order:05d}", "dispatched", 1, None, None,
                       job_id, job_id, "JX01", "保养", "maintenance",
                       "in_progress" if lane == "in_repair" else "pending", Decimal(hours),
                       bay, None, None, None, None, None, None, None, ())
        return Card(job, "", "", Decimal(0), "none", "answered", at, lane, at)

    bays = (BayInfo(1, "M1", "M1", "maintenance"), BayInfo(2, "M2", "M2", "maintenance"),
            BayInfo(3, "M3", "M3", "maintenance"))
    first, other = card(10, 1, "dispatched", bay=2, hours="3.0"), card(20, 2, "waiting")
    second = card(11, 1, "waiting")
    assert default_bay(Board((first, second, other), bays, ()), second) == 2
    assert default_bay(Board((first, second, other), bays, ()), other) == 1  # least planned
    in_m2 = card(30, 3, "in_repair", bay=2)
    assert default_bay(Board((first, second, in_m2), bays, ()), second) == 1  # M2 has a car
