"""Step 7's added work on both backends: proposed during repair, priced, then approved or
declined by the customer while the order waits.

Demo price classes: A 标准 180.00/h; tier diamond 10 % labour / 5 % parts. Catalogue: JX01
更换前刹车片 0.8 h, JX04 更换前减震器 1.5 h (class A).
"""

from decimal import Decimal as D

import pytest

from dms.auth import authenticate
from dms.errors import Forbidden, ValidationError
from dms.models import WorkOrder
from dms.money import money
from dms.workshop.added_work import (AddedWorkPrice, approve_added_work, price_added_work,
                                     propose_added_work)
from dms.workshop.lines import billable_lines, order_lines
from dms.workshop.reception import vehicle_history

from builders import OIL_FILTER, estimate_snapshot, in_repair_order, sale_price


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def in_repair(demo_db, advisor):
    """An authorised order taken to IN_REPAIR through the transition table with the proper
    users; `move` stands in for the dispatch and clock services other engineers are writing."""
    return in_repair_order(demo_db, advisor)


def _propose_and_price(db, advisor, wo, tech):
    propose_added_work(db, tech, wo, "左前减震器漏油", operation_code="JX04",
                       part_codes=[(OIL_FILTER, 1)])
    lines = order_lines(db, advisor, wo)
    job, part = lines.labour[-1], lines.parts[-1]  # the newest lines
    assert job.added_work and part.added_work and part.labour_line_id == job.id
    assert (job.approval, job.net, part.approval, part.net) == ("proposed", 0, "proposed", 0)
    price_added_work(db, advisor, wo, [AddedWorkPrice("labour", job.id),
                                       AddedWorkPrice("part", part.id, qty="2")])
    return job, part


def test_added_work_is_priced_approved_and_the_order_resumes(demo_db, advisor, in_repair):
    wo, tech = in_repair
    result = propose_added_work(demo_db, tech, wo, "右前刹车盘磨损严重")
    assert result.state == "PAUSED"  # a second proposal below finds it already paused
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        assert (order.pause_reason, order.paused_from) == ("waiting_approval", "IN_REPAIR")
    free = next(x for x in order_lines(demo_db, advisor, wo).labour if x.added_work)
    with pytest.raises(ValidationError) as err:  # free text has no standard hours to default to
        price_added_work(demo_db, advisor, wo, [AddedWorkPrice("labour", free.id)])
    assert err.value.code == "estimate.hours"
    price_added_work(demo_db, advisor, wo, [AddedWorkPrice("labour", free.id, billed_hours="1")])
    job, part = _propose_and_price(demo_db, advisor, wo, tech)
    with pytest.raises(Forbidden):  # the technician does not speak for the customer
        approve_added_work(demo_db, tech, wo, "王先生", "phone", approve=True)
    with demo_db.transaction() as s:
        billable = billable_lines(s, s.get(WorkOrder, wo))
        assert all(not x.added_work for x in billable[0]) and not billable[1]
    done = approve_added_work(demo_db, advisor, wo, "王先生", "phone", approve=True)
    assert done.changed.state == "IN_REPAIR"
    lines = order_lines(demo_db, advisor, wo)
    priced_job = next(x for x in lines.labour if x.id == job.id)
    # JX04 1.5 h × 180 = 270.00, diamond 10 % off; two filters at 5 % off
    assert (priced_job.approval, priced_job.net) == ("approved", D("243"))
    parts_net = money(sale_price(demo_db) * 2) - money(money(sale_price(demo_db) * 2) * D("0.05"))
    assert lines.totals.total == D("129.6") + D("162") + D("243") + parts_net
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        assert order.state == "IN_REPAIR" and order.pause_reason is None


def test_declined_added_work_becomes_a_recommendation(demo_db, advisor, in_repair):
    wo, tech = in_repair
    job, _part = _propose_and_price(demo_db, advisor, wo, tech)
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        approve_added_work(demo_db, advisor, wo, "王先生", "phone", approve=True,
                           line_ids={"labour": [job.id + 1000]})
    assert err.value.code == "added_work.not_priced" and estimate_snapshot(demo_db, wo) == before
    result = approve_added_work(demo_db, advisor, wo, "王先生", "phone", approve=False)
    assert result.changed.state == "IN_REPAIR" and len(result.recommendation_ids) == 1
    lines = order_lines(demo_db, advisor, wo)
    assert {x.approval for x in lines.labour if x.added_work} == {"declined"}
    assert lines.totals.total == D("129.6")  # only the original job is billed
    with demo_db.reading() as s:
        vehicle_id = s.get(WorkOrder, wo).vehicle_id
    (rec,) = vehicle_history(demo_db, advisor, vehicle_id).recommendations
    assert rec.description.startswith("更换前减震器") and rec.estimated_amount > D("243")

