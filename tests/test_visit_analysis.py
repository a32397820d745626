"""Steps 11–12: the care agent's follow-up and complaint lists with filters, and the visit
analysis checked against a hand computation from the demo follow-ups."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import select

from dms import clock
from dms.crm import analysis as an
from dms.demo.orders import PLAN
from dms.errors import Forbidden, ValidationError
from dms.models import Complaint, FollowUp, User, WorkOrder
from builders import login

CLOSED = dict(PLAN)["CLOSED"]  # each has its follow-up done


@pytest.fixture
def care(demo_orders_db):
    return login(demo_orders_db, "care1")


def done_follow_ups(db):
    """(score, local call day, advisor name, business type) of every scored follow-up."""
    with db.reading() as s:
        return [(f.satisfaction, f.done_at.astimezone().date(), name, o.business_type)
                for f, o, name in s.execute(
                    select(FollowUp, WorkOrder, User.display_name)
                    .join(WorkOrder, WorkOrder.id == FollowUp.work_order_id)
                    .join(User, User.id == WorkOrder.advisor_id)
                    .where(FollowUp.status == "done"))]


def expected(scores):
    """By hand: mean to two places, share of 1s and 2s to four."""
    n = len(scores)
    mean = Decimal(sum(scores)) / n
    low = Decimal(len([x for x in scores if x <= 2])) / n
    return (n, mean.quantize(Decimal("0.01"), ROUND_HALF_UP),
            low.quantize(Decimal("0.0001"), ROUND_HALF_UP))


def test_visit_analysis_matches_a_hand_computation(demo_orders_db, care):
    calls = done_follow_ups(demo_orders_db)
    assert len(calls) == CLOSED
    first, last = min(c[1] for c in calls), max(c[1] for c in calls)
    result = an.visit_analysis(demo_orders_db, care, first, last)
    overall = result.overall
    assert (overall.count, overall.average, overall.low_share) == expected([c[0] for c in calls])

    def table(rows):
        return {r.label: (r.count, r.average, r.low_share) for r in rows}

    by = {}
    for score, day, advisor, business in calls:
        by.setdefault(("advisor", advisor), []).append(score)
        by.setdefault(("type", business), []).append(score)
        by.setdefault(("month", f"{day:%Y-%m}"), []).append(score)
    for name, rows in (("advisor", result.by_advisor), ("type", result.by_business_type),
                       ("month", result.by_month)):
        assert table(rows) == {k: expected(v) for (n, k), v in by.items() if n == name}
    assert sum(r.count for r in result.by_advisor) == CLOSED
    assert [r.key for r in result.by_month] == sorted(r.key for r in result.by_month)

    # the range is by the day of the call, both ends included
    later = [c for c in calls if c[1] > first]
    narrowed = an.visit_analysis(demo_orders_db, care, first + timedelta(days=1), last)
    assert narrowed.overall.count == len(later)
    empty = an.visit_analysis(demo_orders_db, care, last + timedelta(days=1), last + timedelta(days=9))
    assert (empty.overall.count, empty.by_advisor) == (0, ())


def test_follow_up_list_filters(demo_orders_db, care):
    everything = an.follow_up_list(demo_orders_db, care, limit=500)
    with demo_orders_db.reading() as s:
        statuses = {f.id: f.status for f in s.scalars(select(FollowUp))}
    assert {r.id: r.status for r in everything} == statuses
    done = an.follow_up_list(demo_orders_db, care, status="done")
    assert len(done) == CLOSED and all(r.agent and r.done_at for r in done)
    low = an.follow_up_list(demo_orders_db, care, satisfaction=(1, 2))
    assert all(r.satisfaction in (1, 2) for r in low)
    assert len(low) == len([c for c in done_follow_ups(demo_orders_db) if c[0] <= 2])
    advisor_id = done[0].advisor_id
    mine = an.follow_up_list(demo_orders_db, care, advisor_id=advisor_id, limit=500)
    assert mine and {r.advisor_id for r in mine} == {advisor_id}
    today = clock.now().astimezone().date()
    future = an.follow_up_list(demo_orders_db, care, date_from=today + timedelta(days=30))
    assert future == []
    page = an.follow_up_list(demo_orders_db, care, offset=1, limit=2)
    assert [r.id for r in page] == [r.id for r in everything[1:3]]
    with pytest.raises(ValidationError):
        an.follow_up_list(demo_orders_db, care, date_from=today, date_to=today - timedelta(days=1))
    with pytest.raises(Forbidden):
        an.follow_up_list(demo_orders_db, login(demo_orders_db, "tech2"))


def test_complaint_list_filters(demo_orders_db, care):
    with demo_orders_db.reading() as s:
        complaints = s.execute(select(Complaint, WorkOrder.advisor_id)
                               .join(WorkOrder, WorkOrder.id == Complaint.work_order_id)).all()
    assert complaints  # the demo has one raised by a low score
    rows = an.complaint_list(demo_orders_db, care)
    assert {r.id for r in rows} == {c.id for c, _ in complaints}
    assert all(r.satisfaction in (1, 2) and r.source == "follow_up" for r in rows)
    c, advisor_id = complaints[0]
    assert [r.id for r in an.complaint_list(demo_orders_db, care, advisor_id=advisor_id)
            if r.id == c.id] == [c.id]
    assert an.complaint_list(demo_orders_db, care, status="closed") == []
    assert an.complaint_list(demo_orders_db, care, satisfaction=5) == []
    assert {r.id for r in an.complaint_list(demo_orders_db, care, status=("open", "resolved"),
                                            severity=("medium", "high"))} == {
        x.id for x, _ in complaints if x.status in ("open", "resolved")}
