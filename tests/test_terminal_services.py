"""The technician terminal's services: my jobs in order, parts asked for at the counter, photos
of added work; and the lounge board's query, which must never carry a name or a price."""

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import (AddedWorkPhoto, AuditLog, Customer, LabourLine, PartRequest, Vehicle,
                        WorkOrder)
from dms.workshop import dispatch as d
from dms.workshop import estimates as est
from dms.workshop import terminal as term
from dms.workshop.added_work import propose_added_work
from dms.workshop.reception import CheckIn, check_in
from dms.workshop.lounge import STEPS, lounge_board, mask_plate

from builders import OIL_FILTER, bay_ids, login, make_order, workshop_users

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64


@pytest.fixture
def users(demo_db):
    return workshop_users(demo_db)


def dispatched(db, users, tech="tech2"):
    """An order whose two jobs are on `tech`."""
    wo, jobs = make_order(db, users["advisor1"])
    disp = users["dispatcher1"]
    for job in jobs:
        d.assign_job(db, disp, job, d.bay_for(db, disp, job), users[tech].id)
    return wo, jobs


def test_my_jobs_the_one_clocked_on_first_then_by_promise(demo_db, users):
    tech = users["tech2"]
    wo, (oil, brakes) = dispatched(demo_db, users)
    other, _ = dispatched(demo_db, users, tech="tech3")
    assert [j.labour_line_id for j in term.my_jobs(demo_db, tech)] == [oil, brakes]
    d.clock_on(demo_db, tech, brakes)
    jobs = term.my_jobs(demo_db, tech)
    assert [(j.labour_line_id, j.clocked_on, j.state) for j in jobs] == [
        (brakes, True, "in_progress"), (oil, False, "waiting")]
    assert {j.work_order_id for j in jobs} == {wo}  # tech3's car is not on tech2's list
    assert jobs[0].order_state == "IN_REPAIR" and jobs[0].parts == "none"
    d.clock_off(demo_db, tech, brakes, done=True)
    assert [j.state for j in term.my_jobs(demo_db, tech)] == ["waiting", "done"]
    with pytest.raises(Forbidden):
        term.my_jobs(demo_db, users["advisor1"])


def _order_with_part(db, users):
    advisor = users["advisor1"]
    with db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    wo = check_in(db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 100,
                                       fuel_level=4, complaint="保养")).id
    est.add_labour(db, advisor, wo, name="更换机油机滤", trade="maintenance", billed_hours="1")
    est.add_part(db, advisor, wo, OIL_FILTER, 1)
    est.issue_estimate(db, advisor, wo)
    est.approve_estimate(db, advisor, wo, "王先生", "signature")
    with db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
    d.assign_job(db, users["dispatcher1"], job, bay_ids(db)["BAY1"], users["tech2"].id)
    return wo, job


def test_parts_request_reaches_the_counter_once_and_is_served(demo_db, users):
    tech, clerk = users["tech2"], login(demo_db, "warehouse1")
    wo, job = _order_with_part(demo_db, users)
    assert term.my_jobs(demo_db, tech)[0].parts == "waiting"
    term.request_parts(demo_db, tech, job, " 机滤 ")
    assert term.my_jobs(demo_db, tech)[0].request_open
    [request] = term.part_requests(demo_db, clerk)
    assert (request.work_order_id, request.requested_by, request.note, request.job) == (
        wo, tech.display_name, "机滤", "更换机油机滤")
    with pytest.raises(ValidationError) as twice:
        term.request_parts(demo_db, tech, job)
    assert twice.value.code == "parts_request.open"
    with pytest.raises(Forbidden):
        term.serve_part_request(demo_db, tech, request.id)
    term.serve_part_request(demo_db, clerk, request.id)
    assert term.part_requests(demo_db, clerk) == []
    assert [r.id for r in term.part_requests(demo_db, clerk, "served")] == [request.id]
    with pytest.raises(ValidationError) as closed:
        term.serve_part_request(demo_db, clerk, request.id)
    assert closed.value.code == "parts_request.closed"


def test_nothing_to_ask_for_when_the_order_has_no_parts_waiting(demo_db, users):
    _, (oil, _) = dispatched(demo_db, users)
    with demo_db.reading() as s:
        before = s.scalar(select(func.count(PartRequest.id)))
    with pytest.raises(ValidationError) as nothing:
        term.request_parts(demo_db, users["tech2"], oil)
    assert nothing.value.code == "parts_request.nothing_to_pick"
    with pytest.raises(NotFound):
        term.request_parts(demo_db, users["tech2"], 999_999)
    with pytest.raises(Forbidden):
        term.request_parts(demo_db, users["cashier1"], oil)
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(PartRequest.id))) == before


def test_added_work_with_photos_from_files(demo_db, users, tmp_path):
    tech = users["tech2"]
    wo, (oil, _) = dispatched(demo_db, users)
    d.clock_on(demo_db, tech, oil)
    (tmp_path / "刹车盘.png").write_bytes(PNG)
    (tmp_path / "rust.jpg").write_bytes(JPEG)
    (tmp_path / "note.txt").write_text("not a photo")
    with demo_db.reading() as s:
        audits = s.scalar(select(func.count(AuditLog.id)))
    for photos, code in ((["note.txt"], "added_work.photo_type"),
                         (["missing.jpg"], "added_work.photo_unreadable"),
                         (["rust.jpg"] * 7, "added_work.photo_count")):
        with pytest.raises(ValidationError) as refused:
            propose_added_work(demo_db, tech, wo, "前刹车盘磨损",
                               photos=[tmp_path / p for p in photos])
        assert refused.value.code == code
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(AuditLog.id))) == audits
    result = propose_added_work(demo_db, tech, wo, "前刹车盘磨损", part_codes=[OIL_FILTER],
                                photos=[tmp_path / "刹车盘.png", str(tmp_path / "rust.jpg")])
    assert result.state == "PAUSED"
    with demo_db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo,
                                                   LabourLine.added_work.is_(True)))
    photos = term.added_work_photos(demo_db, users["advisor1"], job)
    assert [(p.filename, p.media_type, p.content) for p in photos] == [
        ("刹车盘.png", "image/png", PNG), ("rust.jpg", "image/jpeg", JPEG)]
    with pytest.raises(Forbidden):
        term.added_work_photos(demo_db, users["cashier1"], job)


# -- the lounge board ---------------------------------------------------------------------------

def test_mask_plate():
    assert mask_plate("京AB123X", "x") == "京A·***3X"
    assert mask_plate("京AD12345", "x") == "京A·****45"  # new-energy: 8 characters
    assert mask_plate(None, "LBEHDAFB9RY123457") == "VIN·****3457"


def test_lounge_shows_steps_and_times_but_no_name_number_or_price(demo_orders_db):
    board = lounge_board(demo_orders_db)
    assert board.cars and {c.step for c in board.cars} <= set(STEPS)
    with demo_orders_db.reading() as s:
        orders = s.scalars(select(WorkOrder).where(WorkOrder.id.in_(
            [c.key for c in board.cars]))).all()
        secrets = set()
        for order in orders:
            customer = s.get(Customer, order.customer_id)
            vehicle = s.get(Vehicle, order.vehicle_id)
            secrets |= {customer.name, customer.mobile, order.number, vehicle.plate, vehicle.vin,
                        order.delivered_by_name}
            secrets |= {str(x.net) for x in order.labour_lines if x.net} | {
                str(x.net) for x in order.part_lines if x.net}
    secrets -= {None, "", "0", "0.00"}
    fields = {f.name for f in dataclasses.fields(board.cars[0])}
    assert fields == {"key", "plate", "step", "estimated_at"}
    shown = " ".join(f"{c.plate} {c.step} {c.estimated_at}" for c in board.cars)
    leaked = [x for x in secrets if len(x) >= 4 and x in shown]
    assert leaked == []
    assert all("·" in c.plate and "*" in c.plate for c in board.cars)
    assert not any(isinstance(v, Decimal) for c in board.cars for v in dataclasses.astuple(c))


def test_lounge_of_a_store_by_code_and_an_unknown_store(demo_db, users):
    dispatched(demo_db, users)
    from dms.models import Store
    with demo_db.reading() as s:
        code = s.scalar(select(Store.code))
    [car] = lounge_board(demo_db, code).cars
    assert car.step == "received"
    with pytest.raises(NotFound):
        lounge_board(demo_db, "NOPE")
