"""Step 4 (estimate, member discounts, approval) and step 7 (added work) on both backends.

Demo price classes: A 标准 180.00/h, B 钣喷 220.00/h; tiers: platinum 5 % labour / 3 % parts,
diamond 10 % / 5 %. Catalogue: JX01 更换前刹车片 0.8 h, DQ01 更换蓄电池 0.3 h (class A).
"""

import json
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.errors import ConcurrentChange, Forbidden, InvalidTransition, ValidationError
from dms.models import (AuditLog, Estimate, EstimateApproval, LabourLine, Membership,
                        MembershipTier, Part, PartLine, Recommendation, Vehicle, WorkOrder)
from dms.money import money
from dms.workshop import estimates as est
from dms.workshop.common import load_order, move
from dms.workshop.reception import CheckIn, check_in, vehicle_history

OIL_FILTER = "26300-35505"


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


def _vehicle(db, tier: str | None) -> Vehicle:
    """A vehicle whose owner holds an active membership of `tier` (None: no membership)."""
    with db.reading() as s:
        members = select(Membership.customer_id).join(MembershipTier).where(
            Membership.status == "active", Membership.valid_until >= date.today(),
            *([MembershipTier.code == tier] if tier else []))
        where = Vehicle.customer_id.in_(members) if tier else Vehicle.customer_id.not_in(
            select(Membership.customer_id))
        return s.scalars(select(Vehicle).where(where).order_by(Vehicle.id)).first()


def _open(db, advisor, tier="diamond", business_type="repair") -> int:
    vehicle = _vehicle(db, tier)
    return check_in(db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=(vehicle.mileage or 0) + 100,
                                         fuel_level=4, complaint="刹车异响",
                                         business_type=business_type)).id


def _snapshot(db, wo_id):
    """Row counts and the order's version: a refused call must change none of them."""
    with db.reading() as s:
        counts = tuple(s.scalar(select(func.count(m.id))) for m in (
            LabourLine, PartLine, Estimate, EstimateApproval, Recommendation, AuditLog))
        order = s.get(WorkOrder, wo_id)
        return counts, order.version, order.state


def _sale_price(db, code=OIL_FILTER) -> D:
    with db.reading() as s:
        return s.scalar(select(Part.sale_price).where(Part.code == code))


def _authorized(db, advisor, tier="diamond") -> int:
    wo = _open(db, advisor, tier)
    est.add_labour(db, advisor, wo, "JX01")
    est.issue_estimate(db, advisor, wo)
    est.approve_estimate(db, advisor, wo, "王先生", "signature")
    return wo


@pytest.fixture
def in_repair(demo_db, advisor):
    """An authorised order taken to IN_REPAIR through the transition table with the proper
    users; `move` stands in for the dispatch and clock services other engineers are writing."""
    wo = _authorized(demo_db, advisor)
    dispatcher = authenticate(demo_db, "dispatcher1", "demo123")
    tech = authenticate(demo_db, "tech2", "demo123")
    with demo_db.transaction() as s:
        order = load_order(s, dispatcher, wo)
        move(s, dispatcher, order, "dispatch")
        move(s, tech, order, "start")
    return wo, tech


def test_catalogue_and_free_text_labour_get_the_member_discount(demo_db, advisor):
    wo = _open(demo_db, advisor, "diamond")
    est.add_labour(demo_db, advisor, wo, "JX01")  # 0.8 h × 180 = 144.00, 10 % off
    est.add_labour(demo_db, advisor, wo, name="检查底盘异响", trade="mechanical",
                   billed_hours="1.5")  # 270.00, 10 % off
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 2, labour_line_seq=1)
    lines = est.order_lines(demo_db, advisor, wo)
    op, free = lines.labour
    assert (op.code, op.name, op.standard_hours, op.rate) == ("JX01", "更换前刹车片", D("0.8"), D("180"))
    assert (op.amount, op.discount_pct, op.discount, op.net) == (D("144"), D("10"), D("14.4"), D("129.6"))
    assert (free.code, free.amount, free.net, free.payer) == ("MISC", D("270"), D("243"), "customer")
    part_amount = money(_sale_price(demo_db) * 2)
    (part,) = lines.parts
    assert (part.amount, part.net, part.labour_line_id) == (
        part_amount, part_amount - money(part_amount * D("0.05")), op.id)
    assert lines.totals.total == D("372.6") + part.net


def test_no_membership_means_list_price_and_a_manual_discount_is_the_advisors(demo_db, advisor):
    wo = _open(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "DQ01", discount_pct="20")  # 54.00 - 10.80
    labour = est.order_lines(demo_db, advisor, wo).labour
    assert [(x.amount, x.discount, x.net) for x in labour] == [
        (D("144"), 0, D("144")), (D("54"), D("10.8"), D("43.2"))]


def test_a_warranty_line_is_billed_to_the_maker_at_list_price(demo_db, advisor):
    wo = _open(demo_db, advisor, "diamond", business_type="warranty")
    est.add_labour(demo_db, advisor, wo, "JX01", price_class_code="C")  # 0.8 × 150
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    lines = est.order_lines(demo_db, advisor, wo)
    assert [(x.payer, x.discount, x.net) for x in lines.labour] == [("warranty", 0, D("120"))]
    assert lines.parts[0].payer == "warranty" and lines.parts[0].discount == 0
    assert lines.totals.customer_share == 0
    before = _snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.add_labour(demo_db, advisor, wo, "DQ01", discount_pct="10")
    assert err.value.code == "estimate.discount_payer" and _snapshot(demo_db, wo) == before


def test_estimate_versions_freeze_the_lines_and_totals(demo_db, advisor):
    wo = _open(demo_db, advisor, "platinum")
    est.add_labour(demo_db, advisor, wo, "JX01")  # 144.00 - 7.20 = 136.80
    first = est.issue_estimate(demo_db, advisor, wo)
    assert (first.version, first.total, first.customer_share) == (1, D("136.8"), D("136.8"))
    assert first.changed.state == "ESTIMATED"
    est.add_fee(demo_db, advisor, wo, "management", "30", description="管理费")
    second = est.issue_estimate(demo_db, advisor, wo, valid_days=3)
    assert (second.version, second.total, second.shares["customer"]) == (2, D("166.8"), D("166.8"))
    with demo_db.reading() as s:
        rows = s.scalars(select(Estimate).where(Estimate.work_order_id == wo)
                         .order_by(Estimate.version)).all()
        assert [(e.version, e.total, e.fees_total) for e in rows] == [(1, D("136.8"), 0),
                                                                      (2, D("166.8"), D("30"))]
        snapshot = json.loads(rows[1].lines)
        assert snapshot["labour"][0]["net"] == "136.8" and snapshot["fees"][0]["amount"] == "30"
        assert s.get(WorkOrder, wo).estimated_amount == D("166.8")


def test_a_declined_line_is_not_billed_and_is_recommended_next_visit(demo_db, advisor):
    wo = _open(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "DQ01")
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1, labour_line_seq=2)  # tied to the battery job
    lines = est.order_lines(demo_db, advisor, wo)
    est.issue_estimate(demo_db, advisor, wo)
    battery = lines.labour[1]
    result = est.approve_estimate(demo_db, advisor, wo, "王先生", "in_person",
                                  declined_line_ids={"labour": [battery.id]})
    assert result.changed.state == "AUTHORIZED" and len(result.recommendation_ids) == 1
    after = est.order_lines(demo_db, advisor, wo)
    assert [x.approval for x in after.labour] == ["approved", "declined"]
    assert after.parts[0].approval == "declined"  # the job's part goes with it
    assert after.totals.total == D("144")
    with demo_db.reading() as s:
        approval = s.scalars(select(EstimateApproval)).one()
        assert (approval.approved_by_name, approval.method) == ("王先生", "in_person")
        assert json.loads(approval.declined_lines)["labour"] == [battery.id]
        vehicle_id = s.get(WorkOrder, wo).vehicle_id
    (rec,) = vehicle_history(demo_db, advisor, vehicle_id).recommendations
    assert rec.description == "更换蓄电池"
    assert rec.estimated_amount == battery.net + lines.parts[0].net


def test_refused_calls_change_nothing(demo_db, advisor):
    wo = _open(demo_db, advisor, None)
    before = _snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.issue_estimate(demo_db, advisor, wo)
    assert err.value.code == "estimate.no_lines" and _snapshot(demo_db, wo) == before
    est.add_labour(demo_db, advisor, wo, "JX01")
    before = _snapshot(demo_db, wo)
    with pytest.raises(InvalidTransition):  # not estimated yet
        est.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    assert _snapshot(demo_db, wo) == before
    est.issue_estimate(demo_db, advisor, wo)
    line_id = est.order_lines(demo_db, advisor, wo).labour[0].id
    before = _snapshot(demo_db, wo)
    cashier = authenticate(demo_db, "cashier1", "demo123")
    with pytest.raises(Forbidden):
        est.approve_estimate(demo_db, cashier, wo, "王先生", "signature")
    with pytest.raises(Forbidden):
        est.add_labour(demo_db, cashier, wo, "DQ01")
    with pytest.raises(ValidationError) as err:
        est.approve_estimate(demo_db, advisor, wo, "王先生", "signature",
                             declined_line_ids={"labour": [line_id]})
    assert err.value.code == "estimate.all_declined"
    for bad in ({"method": "email"}, {"approved_by_name": " "}):
        args = {"approved_by_name": "王先生", "method": "phone"} | bad
        with pytest.raises(ValidationError):
            est.approve_estimate(demo_db, advisor, wo, **args)
    assert _snapshot(demo_db, wo) == before


def test_lines_changed_after_the_estimate_need_a_new_version(demo_db, advisor):
    wo = _open(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.issue_estimate(demo_db, advisor, wo)
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    with pytest.raises(ValidationError) as err:
        est.approve_estimate(demo_db, advisor, wo, "王先生", "phone")
    assert err.value.code == "estimate.stale"
    assert est.issue_estimate(demo_db, advisor, wo).version == 2
    assert est.approve_estimate(demo_db, advisor, wo, "王先生", "phone").changed.state == "AUTHORIZED"
    with pytest.raises(InvalidTransition):  # after authorisation only added work changes lines
        est.add_labour(demo_db, advisor, wo, "DQ01")


def test_the_second_advisor_with_a_stale_version_is_told_who_changed_it(demo_db, advisor):
    advisor2 = authenticate(demo_db, "advisor2", "demo123")
    wo = _open(demo_db, advisor, None)
    seen = est.order_lines(demo_db, advisor2, wo).version  # both screens show this version
    est.add_labour(demo_db, advisor, wo, "JX01", expected_version=seen)
    before = _snapshot(demo_db, wo)
    with pytest.raises(ConcurrentChange) as err:
        est.add_labour(demo_db, advisor2, wo, "DQ01", expected_version=seen)
    assert advisor.display_name in str(err.value) and err.value.params["user"] == "张明"
    assert _snapshot(demo_db, wo) == before


def test_insurance_claim_sets_the_customers_share(demo_db, advisor):
    wo = _open(demo_db, advisor, "diamond", business_type="insurance")
    est.add_labour(demo_db, advisor, wo, "PQ01")  # 3.0 h × 220 = 660.00, insurer pays list price
    est.set_insurance_claim(demo_db, advisor, wo, "中国人保", "RDAA2025110001", "600", "100")
    result = est.issue_estimate(demo_db, advisor, wo)
    assert result.total == D("660")  # insurer pays min(660, 600) - 100
    assert (result.shares["insurance"], result.customer_share) == (D("500"), D("160"))
    other = _open(demo_db, advisor, None)
    with pytest.raises(ValidationError) as err:
        est.set_insurance_claim(demo_db, advisor, other, "中国人保", "R1", "600", "100")
    assert err.value.code == "estimate.not_insurance"


def _propose_and_price(db, advisor, wo, tech):
    est.propose_added_work(db, tech, wo, "左前减震器漏油", operation_code="JX04",
                           part_codes=[(OIL_FILTER, 1)])
    lines = est.order_lines(db, advisor, wo)
    job, part = lines.labour[-1], lines.parts[-1]  # the newest lines
    assert job.added_work and part.added_work and part.labour_line_id == job.id
    assert (job.approval, job.net, part.approval, part.net) == ("proposed", 0, "proposed", 0)
    est.price_added_work(db, advisor, wo, [est.AddedWorkPrice("labour", job.id),
                                           est.AddedWorkPrice("part", part.id, qty="2")])
    return job, part


def test_added_work_is_priced_approved_and_the_order_resumes(demo_db, advisor, in_repair):
    wo, tech = in_repair
    result = est.propose_added_work(demo_db, tech, wo, "右前刹车盘磨损严重")
    assert result.state == "PAUSED"  # a second proposal below finds it already paused
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        assert (order.pause_reason, order.paused_from) == ("waiting_approval", "IN_REPAIR")
    free = next(x for x in est.order_lines(demo_db, advisor, wo).labour if x.added_work)
    with pytest.raises(ValidationError) as err:  # free text has no standard hours to default to
        est.price_added_work(demo_db, advisor, wo, [est.AddedWorkPrice("labour", free.id)])
    assert err.value.code == "estimate.hours"
    est.price_added_work(demo_db, advisor, wo, [est.AddedWorkPrice("labour", free.id, billed_hours="1")])
    job, part = _propose_and_price(demo_db, advisor, wo, tech)
    with pytest.raises(Forbidden):  # the technician does not speak for the customer
        est.approve_added_work(demo_db, tech, wo, "王先生", "phone", approve=True)
    with demo_db.transaction() as s:
        billable = est.billable_lines(s, s.get(WorkOrder, wo))
        assert all(not x.added_work for x in billable[0]) and not billable[1]
    done = est.approve_added_work(demo_db, advisor, wo, "王先生", "phone", approve=True)
    assert done.changed.state == "IN_REPAIR"
    lines = est.order_lines(demo_db, advisor, wo)
    priced_job = next(x for x in lines.labour if x.id == job.id)
    # JX04 1.5 h × 180 = 270.00, diamond 10 % off; two filters at 5 % off
    assert (priced_job.approval, priced_job.net) == ("approved", D("243"))
    parts_net = money(_sale_price(demo_db) * 2) - money(money(_sale_price(demo_db) * 2) * D("0.05"))
    assert lines.totals.total == D("129.6") + D("162") + D("243") + parts_net
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        assert order.state == "IN_REPAIR" and order.pause_reason is None


def test_declined_added_work_becomes_a_recommendation(demo_db, advisor, in_repair):
    wo, tech = in_repair
    job, _part = _propose_and_price(demo_db, advisor, wo, tech)
    before = _snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.approve_added_work(demo_db, advisor, wo, "王先生", "phone", approve=True,
                               line_ids={"labour": [job.id + 1000]})
    assert err.value.code == "added_work.not_priced" and _snapshot(demo_db, wo) == before
    result = est.approve_added_work(demo_db, advisor, wo, "王先生", "phone", approve=False)
    assert result.changed.state == "IN_REPAIR" and len(result.recommendation_ids) == 1
    lines = est.order_lines(demo_db, advisor, wo)
    assert {x.approval for x in lines.labour if x.added_work} == {"declined"}
    assert lines.totals.total == D("129.6")  # only the original job is billed
    with demo_db.reading() as s:
        vehicle_id = s.get(WorkOrder, wo).vehicle_id
    (rec,) = vehicle_history(demo_db, advisor, vehicle_id).recommendations
    assert rec.description.startswith("更换前减震器") and rec.estimated_amount > D("243")


def test_lines_are_removed_only_before_authorisation(demo_db, advisor):
    wo = _open(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "DQ01")
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1, labour_line_seq=2)
    est.add_fee(demo_db, advisor, wo, "auxiliary", "15.5")
    lines = est.order_lines(demo_db, advisor, wo)
    est.remove_line(demo_db, advisor, wo, "labour", lines.labour[1].id)
    est.remove_line(demo_db, advisor, wo, "fee", lines.fees[0].id)
    after = est.order_lines(demo_db, advisor, wo)
    assert [x.code for x in after.labour] == ["JX01"] and not after.fees
    assert after.parts[0].labour_line_id is None  # the part stays, untied from the removed job
    est.issue_estimate(demo_db, advisor, wo)
    est.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    before = _snapshot(demo_db, wo)
    with pytest.raises(InvalidTransition):
        est.remove_line(demo_db, advisor, wo, "part", after.parts[0].id)
    assert _snapshot(demo_db, wo) == before
