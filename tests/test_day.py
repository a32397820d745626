"""A day in the shop (issue 20): seven seats — advisor, dispatcher, technician, QC inspector,
warehouse clerk, cashier and customer-care agent, each a main window signed in as that role —
take one car from a phone appointment to the follow-up call, each step on its own screen and
counted (`tests/day/steps.py`), each next seat seeing the change without a reload. On SQLite
the windows live in this process, each with its own engine and change feed; on PostgreSQL each
seat is a process of its own, as separate PCs are, and sees another's change within 1 s."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decimal import Decimal

import pytest
from day import script, steps
from day.seat import install_printers
from day.seats import LocalSeat, ProcessSeat, run_day
from robot import RESULTS
from sqlalchemy import func, select

from dms import auth
from dms.models import (
    FollowUp,
    GatePass,
    LabourLine,
    Part,
    PartLine,
    Payment,
    QCInspection,
    Settlement,
    WorkOrder,
)


@pytest.fixture
def seats(demo_db, qtbot, tmp_path, monkeypatch):
    url, made = demo_db.url, {}
    try:
        if url.startswith("sqlite"):
            install_printers(monkeypatch, tmp_path)
            for role, name in script.SEATS.items():
                made[role] = LocalSeat(url, name, qtbot)
        else:
            for role, name in script.SEATS.items():
                made[role] = ProcessSeat(url, name, tmp_path, auth.N)
            for seat in made.values():
                seat.ready()
        yield made
    finally:
        for seat in made.values():
            seat.stop()
        for seat in made.values():
            seat.close()


@pytest.mark.efficiency
def test_one_car_through_every_hand_on_seven_seats(demo_db, seats):
    facts = script.facts(demo_db)
    records = run_day(seats, facts)
    backend = demo_db.backend
    for r in records:  # latency_ms: the watching seat's screen showed it this long after
        RESULTS.append({"task": r["task"], "role": r["seat"], "actions": r["actions"],
                        "target": r["target"], "steps": r["log"], "backend": backend,
                        **({"latency_ms": r["latency_ms"]} if "latency_ms" in r else {})})
    print("\nday:", *[f"{r['n']:2} {r['seat']:10} {r['step']:20} {r['actions']:2}/{r['target']:2} "
                      f"{r.get('watcher') or '':10} {r.get('latency_ms', '')}" for r in records],
          sep="\n")
    over = [f"{r['task']}: {r['actions']} > {r['target']} {r['log']}" for r in records
            if r["actions"] > r["target"]]
    assert not over, over
    limit = 1000 if demo_db.url.startswith("postgresql") else 2000  # SQLite polls every 0.5 s
    late = [(r["step"], r["watcher"], r["latency_ms"]) for r in records
            if r.get("latency_ms", 0) > limit]
    assert not late, late

    with demo_db.reading() as s:
        order = s.get(WorkOrder, facts["order_id"])
        assert order.state == "CLOSED" and order.number == facts["number"]
        jobs = s.scalars(select(LabourLine).where(LabourLine.work_order_id == order.id)).all()
        assert len(jobs) == 3 and sum(j.added_work for j in jobs) == 1
        assert all(j.state == "done" and j.approval == "approved" for j in jobs)
        inspections = s.execute(select(QCInspection.level, QCInspection.passed)
                                .where(QCInspection.work_order_id == order.id)
                                .order_by(QCInspection.id)).all()
        assert [i for i in inspections if i.level == "final"] == [("final", False),
                                                                   ("final", True)]
        assert not s.scalar(select(func.count(PartLine.id)).where(
            PartLine.work_order_id == order.id, PartLine.state != "issued"))
        assert s.scalar(select(func.count(PartLine.id)).join(Part).where(
            PartLine.work_order_id == order.id, Part.code == steps.ADDED_PART)) == 1
        settlement = s.scalars(select(Settlement).where(Settlement.work_order_id == order.id)).one()
        payments = sorted((p.method, p.amount) for p in s.scalars(
            select(Payment).where(Payment.settlement_id == settlement.id)))
        cash = Decimal(script.CASH)
        assert settlement.outstanding == 0 and payments == sorted(
            [("cash", cash), ("wechat", settlement.customer_share - cash)])
        assert s.scalar(select(func.count(GatePass.id)).where(GatePass.work_order_id == order.id))
        follow_up = s.scalars(select(FollowUp).where(FollowUp.work_order_id == order.id)).one()
        assert (follow_up.status, follow_up.satisfaction) == ("done", 5)
