"""Step 4 (estimate, member discounts, approval) on both backends; step 7's added work is in
test_added_work.py.

Demo price classes: A 标准 180.00/h, B 钣喷 220.00/h; tiers: platinum 5 % labour / 3 % parts,
diamond 10 % / 5 %. Catalogue: JX01 更换前刹车片 0.8 h, DQ01 更换蓄电池 0.3 h (class A).
"""

import json
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from dms.auth import authenticate
from dms.errors import ConcurrentChange, Forbidden, InvalidTransition, ValidationError
from dms.models import Estimate, EstimateApproval, WorkOrder
from dms.money import money
from dms.workshop import estimates as est
from dms.workshop.lines import order_lines
from dms.workshop.reception import vehicle_history

from builders import OIL_FILTER, as_user, estimate_snapshot, received_order, sale_price


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


def test_catalogue_and_free_text_labour_get_the_member_discount(demo_db, advisor):
    wo = received_order(demo_db, advisor, "diamond")
    est.add_labour(demo_db, advisor, wo, "JX01")  # 0.8 h × 180 = 144.00, 10 % off
    est.add_labour(demo_db, advisor, wo, name="检查底盘异响", trade="mechanical",
                   billed_hours="1.5")  # 270.00, 10 % off
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 2, labour_line_seq=1)
    lines = order_lines(demo_db, advisor, wo)
    op, free = lines.labour
    assert (op.code, op.name, op.standard_hours, op.rate) == ("JX01", "更换前刹车片", D("0.8"), D("180"))
    assert (op.amount, op.discount_pct, op.discount, op.net) == (D("144"), D("10"), D("14.4"), D("129.6"))
    assert (free.code, free.amount, free.net, free.payer) == ("MISC", D("270"), D("243"), "customer")
    part_amount = money(sale_price(demo_db) * 2)
    (part,) = lines.parts
    assert (part.amount, part.net, part.labour_line_id) == (
        part_amount, part_amount - money(part_amount * D("0.05")), op.id)
    assert lines.totals.total == D("372.6") + part.net


def test_no_membership_means_list_price_and_a_manual_discount_is_the_advisors(demo_db, advisor):
    wo = received_order(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "DQ01", discount_pct="10")  # 54.00 - 5.40
    labour = order_lines(demo_db, advisor, wo).labour
    assert [(x.amount, x.discount, x.net) for x in labour] == [
        (D("144"), 0, D("144")), (D("54"), D("5.4"), D("48.6"))]


def test_a_warranty_line_is_billed_to_the_maker_at_list_price(demo_db, advisor):
    wo = received_order(demo_db, advisor, "diamond", business_type="warranty")
    est.add_labour(demo_db, advisor, wo, "JX01", price_class_code="C")  # 0.8 × 150
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    lines = order_lines(demo_db, advisor, wo)
    assert [(x.payer, x.discount, x.net) for x in lines.labour] == [("warranty", 0, D("120"))]
    assert lines.parts[0].payer == "warranty" and lines.parts[0].discount == 0
    assert lines.totals.customer_share == 0
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.add_labour(demo_db, advisor, wo, "DQ01", discount_pct="10")
    assert err.value.code == "estimate.discount_payer" and estimate_snapshot(demo_db, wo) == before


def test_estimate_versions_freeze_the_lines_and_totals(demo_db, advisor):
    wo = received_order(demo_db, advisor, "platinum")
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
    wo = received_order(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "DQ01")
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1, labour_line_seq=2)  # tied to the battery job
    lines = order_lines(demo_db, advisor, wo)
    est.issue_estimate(demo_db, advisor, wo)
    battery = lines.labour[1]
    result = est.approve_estimate(demo_db, advisor, wo, "王先生", "in_person",
                                  declined_line_ids={"labour": [battery.id]})
    assert result.changed.state == "AUTHORIZED" and len(result.recommendation_ids) == 1
    after = order_lines(demo_db, advisor, wo)
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
    wo = received_order(demo_db, advisor, None)
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.issue_estimate(demo_db, advisor, wo)
    assert err.value.code == "estimate.no_lines" and estimate_snapshot(demo_db, wo) == before
    est.add_labour(demo_db, advisor, wo, "JX01")
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(InvalidTransition):  # not estimated yet
        est.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    assert estimate_snapshot(demo_db, wo) == before
    est.issue_estimate(demo_db, advisor, wo)
    line_id = order_lines(demo_db, advisor, wo).labour[0].id
    before = estimate_snapshot(demo_db, wo)
    cashier = as_user(demo_db, "cashier1")  # signing in writes to the audit log itself
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
    assert estimate_snapshot(demo_db, wo) == before


def test_lines_changed_after_the_estimate_need_a_new_version(demo_db, advisor):
    wo = received_order(demo_db, advisor, None)
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
    wo = received_order(demo_db, advisor, None)
    seen = order_lines(demo_db, advisor2, wo).version  # both screens show this version
    est.add_labour(demo_db, advisor, wo, "JX01", expected_version=seen)
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ConcurrentChange) as err:
        est.add_labour(demo_db, advisor2, wo, "DQ01", expected_version=seen)
    assert advisor.display_name in str(err.value) and err.value.params["user"] == "张明"
    assert estimate_snapshot(demo_db, wo) == before


def test_insurance_claim_sets_the_customers_share(demo_db, advisor):
    wo = received_order(demo_db, advisor, "diamond", business_type="insurance")
    est.add_labour(demo_db, advisor, wo, "PQ01")  # 3.0 h × 220 = 660.00, insurer pays list price
    est.set_insurance_claim(demo_db, advisor, wo, "中国人保", "RDAA2025110001", "600", "100")
    result = est.issue_estimate(demo_db, advisor, wo)
    assert result.total == D("660")  # insurer pays min(660, 600) - 100
    assert (result.shares["insurance"], result.customer_share) == (D("500"), D("160"))
    other = received_order(demo_db, advisor, None)
    with pytest.raises(ValidationError) as err:
        est.set_insurance_claim(demo_db, advisor, other, "中国人保", "R1", "600", "100")
    assert err.value.code == "estimate.not_insurance"


def test_lines_are_removed_only_before_authorisation(demo_db, advisor):
    wo = received_order(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "DQ01")
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1, labour_line_seq=2)
    est.add_fee(demo_db, advisor, wo, "auxiliary", "15.5")
    lines = order_lines(demo_db, advisor, wo)
    est.remove_line(demo_db, advisor, wo, "labour", lines.labour[1].id)
    est.remove_line(demo_db, advisor, wo, "fee", lines.fees[0].id)
    after = order_lines(demo_db, advisor, wo)
    assert [x.code for x in after.labour] == ["JX01"] and not after.fees
    assert after.parts[0].labour_line_id is None  # the part stays, untied from the removed job
    est.issue_estimate(demo_db, advisor, wo)
    est.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(InvalidTransition):
        est.remove_line(demo_db, advisor, wo, "part", after.parts[0].id)
    assert estimate_snapshot(demo_db, wo) == before


def test_an_orders_jobs_fees_and_claim_are_read_each_once_in_their_order(demo_db, advisor):
    """`order_rows` reads the jobs, fees and claim in one statement (a row per job and fee):
    each comes back once, jobs by number and fees as added, and the totals count each once."""
    from dms.workshop.common import order_rows

    wo = received_order(demo_db, advisor, None, business_type="insurance")
    for code in ("PQ01", "JX01", "DQ01"):
        est.add_labour(demo_db, advisor, wo, code)
    for kind, amount in (("management", "30"), ("auxiliary", "15.5"), ("rescue", "200")):
        est.add_fee(demo_db, advisor, wo, kind, amount)
    est.set_insurance_claim(demo_db, advisor, wo, "中国人保", "RDAA2025110002", "5000", "0")
    with demo_db.reading() as s:
        labour, parts, fees, claim = order_rows(s, wo)
        assert [x.seq for x in labour] == [1, 2, 3] and len({id(x) for x in labour}) == 3
        assert [(f.kind, f.amount) for f in fees] == [
            ("management", D("30")), ("auxiliary", D("15.5")), ("rescue", D("200"))]
        assert [f.id for f in fees] == sorted(f.id for f in fees)
        assert parts == [] and claim is not None and claim.report_no == "RDAA2025110002"
        labour_net = sum((x.net for x in labour), D(0))
    result = est.issue_estimate(demo_db, advisor, wo)
    assert result.total == labour_net + D("245.5")
    with demo_db.reading() as s:  # an order with no line, fee or claim: nothing, not a null row
        assert order_rows(s, received_order(demo_db, advisor, None)) == ([], [], [], None)


def test_an_added_line_is_named_by_its_audit_entry_and_holds_its_reservation(demo_db, advisor):
    """A job or part line is written with the order in one flush; its audit entry still names
    it, and the stock held for a new part line is held by that line."""
    from dms.models import AuditLog, PartLine, Reservation

    wo = received_order(demo_db, advisor)
    job = est.add_labour(demo_db, advisor, wo, "JX01")
    part = est.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    assert part.version == job.version + 1
    with demo_db.reading() as s:
        entries = s.scalars(select(AuditLog).where(
            AuditLog.entity == "work_order", AuditLog.entity_id == wo,
            AuditLog.action.in_(("add_labour", "add_part"))).order_by(AuditLog.id)).all()
        line = s.scalar(select(PartLine).where(PartLine.work_order_id == wo))
        job_id = order_lines(demo_db, advisor, wo).labour[0].id
        assert [(e.action, json.loads(e.data)["line_id"]) for e in entries] == [
            ("add_labour", job_id), ("add_part", line.id)]
        held = s.scalars(select(Reservation).where(Reservation.part_line_id == line.id)).all()
        assert [(r.qty, r.status) for r in held] == [(D(1), "active")] and line.state == "reserved"
