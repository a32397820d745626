"""Old parts (旧件): the chain of custody, and a warranty order that cannot be settled until the
claimed old part is in the old-part store."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.billing import settlement as billing
from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import AuditLog, LabourLine, OldPart, OldPartEvent, PartLine, Settlement, WorkOrder
from dms.parts import old_parts, picking
from dms.workshop import dispatch, estimates as est, qc

from builders import OIL_FILTER, bay_ids, login, received_order


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "warehouse1", "dispatcher1", "tech1",
                                           "qc1", "cashier1", "admin")}


def issued_order(db, users, business_type="repair"):
    """An order in repair with one oil filter issued; returns (order, part line, job)."""
    adv = users["advisor1"]
    wo = received_order(db, adv, business_type=business_type)
    est.add_labour(db, adv, wo, "JX01")
    est.add_part(db, adv, wo, OIL_FILTER, D(1))
    est.issue_estimate(db, adv, wo)
    est.approve_estimate(db, adv, wo, "王先生", "signature")
    with db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
        line = s.scalar(select(PartLine.id).where(PartLine.work_order_id == wo))
    dispatch.assign_job(db, users["dispatcher1"], job, bay_ids(db)["BAY3"], users["tech1"].id)
    dispatch.clock_on(db, users["tech1"], job)
    picking.issue_scan(db, users["warehouse1"], wo, OIL_FILTER, received_by="陈建国")
    return wo, line, job


def snapshot(db):
    with db.reading() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(m))
                       for m in (OldPart, OldPartEvent, AuditLog, Settlement))
        return counts, tuple(s.execute(select(OldPart.id, OldPart.status, OldPart.location)
                                       .order_by(OldPart.id)).all())


def test_an_old_part_keeps_its_chain_of_custody(demo_db, users):
    db, clerk, tech = demo_db, users["warehouse1"], users["tech1"]
    wo, line, _ = issued_order(db, users)
    before = snapshot(db)
    refusals = [
        (lambda: old_parts.record_old_part(db, tech, line, "keep", "工位"), ValidationError,
         "old_part.disposition"),
        (lambda: old_parts.record_old_part(db, tech, line, "scrap", " "), ValidationError,
         "old_part.location"),
        (lambda: old_parts.record_old_part(db, tech, 999_999, "scrap", "工位"), NotFound,
         "not_found"),
        (lambda: old_parts.record_old_part(db, users["cashier1"], line, "scrap", "工位"),
         Forbidden, "forbidden"),
    ]
    for call, error, code in refusals:
        with pytest.raises(error) as caught:
            call()
        assert caught.value.code == code and snapshot(db) == before

    made = old_parts.record_old_part(db, tech, line, "show_customer", "机修工位1")
    assert made.status == "pending"
    with pytest.raises(ValidationError) as caught:
        old_parts.record_old_part(db, tech, line, "scrap", "机修工位1")
    assert caught.value.code == "old_part.exists"
    before = snapshot(db)
    for action, actor, code in (("return_to_maker", clerk, "old_part.invalid_action"),
                                ("melt", clerk, "old_part.action")):
        with pytest.raises(ValidationError) as caught:
            old_parts.move_old_part(db, actor, made.old_part_id, action)
        assert caught.value.code == code and snapshot(db) == before
    with pytest.raises(Forbidden):
        old_parts.move_old_part(db, tech, made.old_part_id, "intake", "旧件库")
    old_parts.move_old_part(db, clerk, made.old_part_id, "intake", "旧件库 A-1")
    old_parts.move_old_part(db, users["advisor1"], made.old_part_id, "hand_over",
                            note="交车时交客户")
    [view] = old_parts.old_parts_of(db, users["advisor1"], wo)
    assert (view.part_code, view.qty, view.disposition, view.status, view.location) == (
        OIL_FILTER, D(1), "show_customer", "handed_over", "旧件库 A-1")
    assert [(e.action, e.location) for e in view.events] == [
        ("record", "机修工位1"), ("intake", "旧件库 A-1"), ("hand_over", "旧件库 A-1")]
    assert all(e.user for e in view.events)


def test_an_old_part_needs_an_issued_line(demo_db, users):
    db, adv = demo_db, users["advisor1"]
    wo = received_order(db, adv)
    est.add_part(db, adv, wo, OIL_FILTER, D(1))
    with db.reading() as s:
        line = s.scalar(select(PartLine.id).where(PartLine.work_order_id == wo))
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        old_parts.record_old_part(db, users["tech1"], line, "scrap", "工位")
    assert caught.value.code == "old_part.not_issued" and snapshot(db) == before


def test_a_warranty_order_waits_for_its_old_part_in_store(demo_db, users):
    db, clerk, adv, tech = demo_db, users["warehouse1"], users["advisor1"], users["tech1"]
    wo, line, job = issued_order(db, users, business_type="warranty")
    dispatch.clock_off(db, tech, job, done=True)
    dispatch.finish_repair(db, tech, wo, self_check_ok=True)
    qc.final_inspection(db, users["qc1"], wo, True)

    def refused():
        before = snapshot(db)
        with pytest.raises(ValidationError) as caught:
            billing.presettle(db, adv, wo)
        assert caught.value.code == "settlement.old_parts_missing"
        assert OIL_FILTER in caught.value.params["parts"] and snapshot(db) == before

    refused()  # no old part recorded at all
    with pytest.raises(ValidationError) as caught:  # a warranty part goes back to the maker
        old_parts.record_old_part(db, tech, line, "show_customer", "机修工位1")
    assert caught.value.code == "old_part.warranty_line"
    made = old_parts.record_old_part(db, tech, line, "warranty_return", "机修工位1")
    refused()  # recorded, still at the bay
    for action, code in (("hand_over", "old_part.warranty_kept"),
                         ("scrap", "old_part.warranty_kept")):
        with pytest.raises(ValidationError) as caught:
            old_parts.move_old_part(db, users["admin"] if action == "scrap" else clerk,
                                    made.old_part_id, action)
        assert caught.value.code == code
    assert old_parts.move_old_part(db, clerk, made.old_part_id, "intake",
                                   "索赔件库").status == "in_store"
    result = billing.presettle(db, adv, wo)
    assert result.customer_share == 0
    old_parts.move_old_part(db, clerk, made.old_part_id, "return_to_maker", note="厂家回收")
    settled = billing.settle(db, users["cashier1"], wo, [])
    assert settled.state == "settled"
    with db.reading() as s:
        assert s.get(WorkOrder, wo).state == "SETTLED"


def _recorded(db, users, disposition, intake=True):
    """An issued order's old part recorded (and taken into the old-part store): its id."""
    _, line, job = issued_order(db, users)
    dispatch.clock_off(db, users["tech1"], job, done=True)  # the bay free for the next car
    made = old_parts.record_old_part(db, users["tech1"], line, disposition, "机修工位1")
    if intake:
        old_parts.move_old_part(db, users["warehouse1"], made.old_part_id, "intake", "旧件库")
    return made.old_part_id


def test_the_store_wide_list_and_a_claims_old_parts_back_to_the_maker(demo_db, users,
                                                                       monkeypatch):
    db, clerk = demo_db, users["warehouse1"]
    first, second = (_recorded(db, users, "warranty_return") for _ in range(2))
    shown = _recorded(db, users, "show_customer", intake=False)
    with db.reading() as s:
        recorded = s.get(OldPart, first).created_at
    later = recorded + timedelta(days=3, hours=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    rows = old_parts.old_part_list(db, clerk)  # in custody, the longest held first
    assert [r.id for r in rows] == [first, second, shown]
    assert [r.status for r in rows] == ["in_store", "in_store", "pending"]
    assert rows[0].age_days == 3 and rows[0].claim is None and rows[0].part_code == OIL_FILTER
    assert rows[0].order_number.startswith("WO") and rows[0].plate
    assert [r.id for r in old_parts.old_part_list(db, clerk, ("pending",))] == [shown]
    assert [r.id for r in old_parts.old_part_list(db, clerk, (), None,
                                                  rows[1].order_number.lower())] == [second]

    before = snapshot(db)
    refusals = [  # a customer's old part among them: none goes back
        (lambda: old_parts.move_old_parts(db, clerk, [first, shown], "return_to_maker",
                                          note="CLM-0042"), ValidationError, "old_part.invalid_action"),
        (lambda: old_parts.move_old_parts(db, clerk, [first, second], "return_to_maker",
                                          note=" "), ValidationError, "old_part.claim_required"),
        (lambda: old_parts.move_old_parts(db, clerk, [], "return_to_maker", note="CLM-0042"),
         ValidationError, "old_part.none_chosen"),
        (lambda: old_parts.move_old_parts(db, clerk, [first, 999_999], "return_to_maker",
                                          note="CLM-0042"), NotFound, "not_found"),
        (lambda: old_parts.move_old_parts(db, users["tech1"], [first], "return_to_maker",
                                          note="CLM-0042"), Forbidden, "forbidden"),
        (lambda: old_parts.old_part_list(db, users["cashier1"]), Forbidden, "forbidden"),
        (lambda: old_parts.old_part_list(db, clerk, ("lost",)), ValidationError,
         "old_part.status"),
    ]
    for call, error, code in refusals:
        with pytest.raises(error) as caught:
            call()
        assert caught.value.code == code and snapshot(db) == before

    back = recorded + timedelta(days=5, hours=2)
    monkeypatch.setattr(clock, "now", lambda: back)
    moved = old_parts.move_old_parts(db, clerk, [first, second], "return_to_maker",
                                     location="顺丰 SF123", note="CLM-0042")
    assert [(m.old_part_id, m.status) for m in moved.moved] == [(first, "returned"),
                                                               (second, "returned")]
    monkeypatch.setattr(clock, "now", lambda: recorded + timedelta(days=30))
    returned = old_parts.old_part_list(db, clerk, ("returned",), "clm-00")
    assert [(r.id, r.claim, r.location) for r in returned] == [
        (first, "CLM-0042", "顺丰 SF123"), (second, "CLM-0042", "顺丰 SF123")]
    assert returned[0].age_days == 5  # held until it went back, not until today
    assert old_parts.old_part_list(db, clerk, ("returned",), "CLM-9") == []
    assert [r.id for r in old_parts.old_part_list(db, clerk, ())] == [first, second, shown]
    assert [r.id for r in old_parts.old_part_list(db, clerk)] == [shown]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(OldPartEvent).where(
            OldPartEvent.action == "return_to_maker", OldPartEvent.note == "CLM-0042")) == 2


def test_an_old_part_goes_back_to_the_maker_under_a_claim_number(demo_db, users):
    db = demo_db
    old = _recorded(db, users, "warranty_return")
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        old_parts.move_old_part(db, users["warehouse1"], old, "return_to_maker")
    assert caught.value.code == "old_part.claim_required" and snapshot(db) == before
