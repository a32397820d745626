"""Manual discounts (DESIGN §4): kept apart from the member discount, within a per-role limit
that the store sets; above it a manager's approval is recorded with the line."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from dms import policy
from dms.errors import Forbidden, ValidationError
from dms.models import AuditLog, LabourLine, Membership, WorkOrder
from dms.workshop import estimates as est

from builders import estimate_snapshot, login, received_order


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def line(db, wo):
    with db.reading() as s:
        return s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo)
                         .order_by(LabourLine.id.desc())).first()


def test_an_advisor_discounts_up_to_the_limit_and_a_manager_approves_more(demo_db, advisor):
    manager, colleague = login(demo_db, "admin"), login(demo_db, "advisor2")  # sign-ins audit
    wo = received_order(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01", discount_pct="10")
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.add_labour(demo_db, advisor, wo, "JX02", discount_pct="100")
    assert err.value.code == "estimate.discount_limit" and err.value.params["limit"] == 10
    with pytest.raises(ValidationError):  # another advisor is no manager
        est.add_labour(demo_db, advisor, wo, "JX02", discount_pct="30",
                       discount_approved_by=colleague)
    assert estimate_snapshot(demo_db, wo) == before
    est.add_labour(demo_db, advisor, wo, "JX02", discount_pct="30", discount_approved_by=manager)
    approved = line(demo_db, wo)
    assert (approved.manual_discount_pct, approved.discount_approved_by_id) == (D(30), manager.id)
    assert approved.net == approved.amount - approved.discount and approved.discount_pct == 30


def test_the_limit_is_a_store_setting_for_the_manager(demo_db, advisor):
    with pytest.raises(Forbidden):
        policy.set_setting(demo_db, advisor, "discount_limit.advisor", "50")
    manager = login(demo_db, "admin")
    for bad in ("101", "-1", "abc", 1.5):
        with pytest.raises(ValidationError):
            policy.set_setting(demo_db, manager, "discount_limit.advisor", bad)
    assert policy.set_setting(demo_db, manager, "discount_limit.advisor", "20") == 20
    wo = received_order(demo_db, advisor, None)
    est.add_labour(demo_db, advisor, wo, "JX01", discount_pct="20")
    assert line(demo_db, wo).discount_approved_by_id is None
    with demo_db.reading() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "set_setting")).one()


def test_a_lapsed_membership_loses_its_discount_but_the_manual_one_stays(demo_db, advisor):
    wo = received_order(demo_db, advisor, "diamond")
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.add_labour(demo_db, advisor, wo, "JX02", discount_pct="5")
    first = est.issue_estimate(demo_db, advisor, wo)
    with demo_db.transaction() as s:
        customer = s.get(WorkOrder, wo).customer_id
        for card in s.scalars(select(Membership).where(Membership.customer_id == customer)):
            card.valid_until = date.today() - timedelta(days=1)
    again = est.issue_estimate(demo_db, advisor, wo)
    with demo_db.reading() as s:
        jobs = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo)
                         .order_by(LabourLine.seq)).all()
    assert [x.discount_pct for x in jobs] == [0, 5]  # the diamond 15 % is gone, the 5 % stays
    assert again.customer_share > first.customer_share
