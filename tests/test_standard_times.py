"""Standard times learned from the clocks: median and 80th percentile of the last jobs,
rework and outliers left out; adopting one (audited) changes the next estimate."""

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from dms import clock
from dms.admin import standard_times as st
from dms.auth import authenticate
from dms.errors import Forbidden, ValidationError
from dms.models import AuditLog, LabourLine, LabourOperation, Vehicle
from dms.workshop import estimates
from dms.workshop.reception import CheckIn, check_in


@pytest.fixture
def manager(demo_orders_db):
    return authenticate(demo_orders_db, "admin", "admin123")


def test_percentiles_and_outliers():
    values = [D(v) for v in ("1.0", "1.2", "1.1", "0.9", "6.0")]
    assert st.percentile(values, D("0.5")) == D("1.1")
    assert st.percentile([D(1), D(2)], D("0.8")) == D("1.8")
    assert st.typical(values) == [D("1.0"), D("1.2"), D("1.1"), D("0.9")]  # the 6 h job is out
    assert st.typical(values[:3]) == values[:3]  # too few to call anything an outlier


def test_learned_times_beside_the_book_time(demo_orders_db, manager):
    learned = st.learned_times(demo_orders_db, manager)
    with demo_orders_db.reading() as s:
        ops = {o.id: o for o in s.scalars(select(LabourOperation))}
    assert {t.operation_id for t in learned} == {o.id for o in ops.values()
                                                 if o.store_id == manager.store_id}
    known = [t for t in learned if t.jobs]
    assert known, "the demo's completed orders have clocked jobs"
    for t in known:
        assert t.book_hours == ops[t.operation_id].standard_hours
        assert D(0) < t.median <= t.p80


def test_adopting_the_median_changes_the_next_estimate(demo_orders_db, manager):
    learned = next(t for t in st.learned_times(demo_orders_db, manager)
                   if t.jobs and t.median != t.book_hours)
    st.adopt(demo_orders_db, manager, learned.operation_id, "median")
    with demo_orders_db.reading() as s:
        entry = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    assert (entry.entity, entry.entity_id, entry.action) == (
        "labour_operation", learned.operation_id, "standard_time_adopted")
    assert str(learned.median) in entry.data and entry.user_id == manager.id
    advisor = authenticate(demo_orders_db, "advisor1", "demo123")
    order = check_in(demo_orders_db, advisor, CheckIn(
        vehicle_id=vehicle.id, mileage=(vehicle.mileage or 0) + 1000, fuel_level=4,
        complaint="保养", business_type="maintenance"))
    estimates.add_labour(demo_orders_db, advisor, order.id, learned.code)
    with demo_orders_db.reading() as s:
        line = s.scalars(select(LabourLine).where(LabourLine.work_order_id == order.id)).one()
    assert line.standard_hours == line.billed_hours == learned.median


def test_reworked_orders_are_left_out_and_no_jobs_is_refused(demo_orders_db, manager):
    with demo_orders_db.reading() as s:
        before = st._samples(s, manager.store_id, 1000)
    op_id = max(before, key=lambda k: len(before[k]))
    with demo_orders_db.transaction() as s:  # every order with the operation went to rework
        for order_id in set(s.scalars(select(LabourLine.work_order_id)
                                      .where(LabourLine.operation_id == op_id))):
            s.add(AuditLog(store_id=manager.store_id, at=clock.now(), user_id=manager.id,
                           entity="work_order", entity_id=order_id, action="qc_fail",
                           from_state="QC", to_state="REWORK"))
    with demo_orders_db.reading() as s:
        after = st._samples(s, manager.store_id, 1000)
    assert op_id not in after and before[op_id]
    assert sum(map(len, after.values())) < sum(map(len, before.values()))
    with pytest.raises(ValidationError) as err:
        st.adopt(demo_orders_db, manager, op_id)
    assert err.value.code == "standard_time.none"


def test_only_a_manager_adopts(demo_orders_db, manager):
    advisor = authenticate(demo_orders_db, "advisor1", "demo123")
    learned = next(t for t in st.learned_times(demo_orders_db, manager) if t.jobs)
    with pytest.raises(Forbidden):
        st.adopt(demo_orders_db, advisor, learned.operation_id)
