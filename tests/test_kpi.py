"""KPIs on a small scenario built through the real services, on days after the demo data.

Local time is Asia/Shanghai; T0 = 2027-01-11 08:00 local (00:00 UTC). The period is
2027-01-11 … 2027-01-12. No member discounts: the vehicles' owners hold no membership.

- A (advisor1 张明, maintenance, from an appointment): BY01 0.5 h × 180.00 = 90.00 and one oil
  filter 26300-35505 at 49.00 → 139.00. tech2 杨志刚 clocks 1.00 h; promised T0+5h, passed
  T0+2h10 (on time); paid, delivered; follow-up scores 5.
- B (advisor2 李娜, repair, walk-in): JX01 0.8 h × 180.00 = 144.00. tech3 赵鹏 clocks 0.50 h,
  fails QC, clocks another 0.50 h; promised T0+3h, passed T0+4h (late); follow-up scores 2,
  which opens a complaint.
- C (advisor1, walk-in): received only.
- Appointments booked for the period: A's (arrived), D (no-show), E (still booked).
"""

import time as _time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal as D

import openpyxl
import pytest
from sqlalchemy import select

from dms import clock
from dms.auth import authenticate
from dms.billing import settlement as billing
from dms.crm import followup
from dms.errors import ValidationError
from dms.models import Bay, LabourLine, Membership, Part, PartBarcode, Vehicle
from dms.parts import picking
from dms.reports import headers
from dms.reports.kpi import kpi_workbook, kpis
from dms.workshop import appointments, dispatch, estimates, qc
from dms.workshop.reception import CheckIn, check_in

T0 = datetime(2027, 1, 11, 0, 0, tzinfo=timezone.utc)
DAY1, DAY2 = date(2027, 1, 11), date(2027, 1, 12)
FILTER = "26300-35505"


@pytest.fixture(autouse=True)
def beijing_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()


class Scenario:
    def __init__(self, db, monkeypatch):
        self.db, self.at = db, T0
        monkeypatch.setattr(clock, "now", lambda: self.at)
        self.u = {n: authenticate(db, n, "demo123") for n in (
            "advisor1", "advisor2", "dispatcher1", "tech2", "tech3", "qc1", "warehouse1",
            "cashier1", "care1")}
        self.manager = authenticate(db, "admin", "admin123")
        with db.reading() as s:
            self.vehicles = s.execute(select(Vehicle.id, Vehicle.mileage).where(
                Vehicle.customer_id.not_in(select(Membership.customer_id)))
                .order_by(Vehicle.id).limit(5)).all()
            self.bays = {b.kind: b.id for b in s.scalars(select(Bay).order_by(Bay.id.desc()))}
            self.barcode = s.scalar(select(PartBarcode.barcode).join(Part).where(Part.code == FILTER)
                                    .order_by(PartBarcode.id).limit(1))
            self.cost = s.scalar(select(Part.avg_cost).where(Part.code == FILTER))

    def when(self, hours=0.0):
        self.at = T0 + timedelta(hours=hours)

    def check_in(self, n, advisor, business, promised_h=None, appointment=None):
        vehicle_id, mileage = self.vehicles[n]
        data = CheckIn(vehicle_id=vehicle_id, mileage=(mileage or 0) + 500, fuel_level=4,
                       complaint="保养", business_type=business,
                       promised_at=T0 + timedelta(hours=promised_h) if promised_h else None)
        if appointment:
            return appointments.arrive(self.db, self.u[advisor], appointment, data).id
        return check_in(self.db, self.u[advisor], data).id

    def authorise(self, wo, advisor, op, tech, bay, part=False):
        estimates.add_labour(self.db, self.u[advisor], wo, op)
        if part:
            estimates.add_part(self.db, self.u[advisor], wo, FILTER, D("1"))
        estimates.issue_estimate(self.db, self.u[advisor], wo)
        estimates.approve_estimate(self.db, self.u[advisor], wo, "车主本人", "signature")
        with self.db.reading() as s:
            job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo))
        dispatch.assign_job(self.db, self.u["dispatcher1"], job, self.bays[bay], self.u[tech].id)
        if part:
            picking.issue_scan(self.db, self.u["warehouse1"], wo, self.barcode, 1,
                               received_by="技师")
        return job

    def work(self, tech, job, wo, on_h, off_h):
        self.when(on_h)
        dispatch.clock_on(self.db, self.u[tech], job)
        self.when(off_h)
        dispatch.clock_off(self.db, self.u[tech], job, done=True)
        dispatch.finish_repair(self.db, self.u[tech], wo, self_check_ok=True)

    def bill_and_deliver(self, wo, advisor, method, at_h):
        self.when(at_h)
        share = billing.presettle(self.db, self.u[advisor], wo).customer_share
        billing.settle(self.db, self.u["cashier1"], wo,
                       [billing.PaymentIn(method, share, None if method == "cash" else "REF1")])
        billing.issue_gate_pass(self.db, self.u["cashier1"], wo)
        return billing.deliver(self.db, self.u[advisor], wo).follow_up_id

    def book(self, n, hours):
        vehicle_id, _ = self.vehicles[n]
        return appointments.book(self.db, self.u["advisor1"], appointments.Booking(
            vehicle_id=vehicle_id, channel="phone", requested_work="保养",
            booked_for=T0 + timedelta(hours=hours))).changed.id

    def run(self):
        self.when(-24)  # the day before: three appointments booked
        appt_a, appt_d = self.book(0, 0.5), self.book(3, 6)
        self.book(4, 26)  # E: still booked at the end
        self.when(0.25)
        self.b = self.check_in(1, "advisor2", "repair", promised_h=3)
        job_b = self.authorise(self.b, "advisor2", "JX01", "tech3", "mechanical")
        self.when(0.5)
        self.a = self.check_in(0, "advisor1", "maintenance", promised_h=5, appointment=appt_a)
        job_a = self.authorise(self.a, "advisor1", "BY01", "tech2", "maintenance", part=True)
        self.work("tech2", job_a, self.a, 1, 2)  # 1.00 h
        self.work("tech3", job_b, self.b, 1, 1.5)  # 0.50 h
        self.when(2)
        qc.final_inspection(self.db, self.u["qc1"], self.b, False, reason="异响未消除",
                            rework_owner_id=self.u["tech3"].id)
        self.when(2 + 1 / 6)
        qc.final_inspection(self.db, self.u["qc1"], self.a, True)
        self.work("tech3", job_b, self.b, 2.25, 2.75)  # another 0.50 h
        self.when(4)
        qc.final_inspection(self.db, self.u["qc1"], self.b, True, delay_reason="返工")
        fu_a = self.bill_and_deliver(self.a, "advisor1", "wechat", 3 + 1 / 6)
        fu_b = self.bill_and_deliver(self.b, "advisor2", "cash", 5)
        self.when(5.5)
        self.c = self.check_in(2, "advisor1", "maintenance")
        self.when(7)
        appointments.no_show(self.db, self.u["advisor1"], appt_d)
        self.when(28)
        followup.record_follow_up(self.db, self.u["care1"], fu_a, "满意", 5)
        self.when(30)
        followup.record_follow_up(self.db, self.u["care1"], fu_b, "客户对等待时间不满", 2,
                                  issue="交车晚于承诺时间")
        return self


@pytest.fixture
def scenario(demo_db, monkeypatch):
    return Scenario(demo_db, monkeypatch).run()


def test_kpis_of_the_scenario(scenario):
    k = kpis(scenario.db, scenario.manager, DAY1, DAY2)
    assert k["period"] == {"from": DAY1, "to": DAY2, "days": 2}

    rev = k["revenue"]
    a_total, b_total = D("90.00") + D("49.00"), D("0.8") * D("180.00")  # 139.00, 144.00
    assert (rev["orders"], rev["total"]) == (2, a_total + b_total) == (2, D("283.00"))
    assert rev["by_day"] == [(DAY1, 2, D("283.00")), (DAY2, 0, D("0.00"))]
    assert rev["by_business_type"] == [("maintenance", 1, a_total), ("repair", 1, b_total)]
    assert dict(rev["by_payer"]) == {"customer": D("283.00"), "insurance": 0, "warranty": 0,
                                     "internal": 0}

    advisors = {a["advisor"]: a for a in k["advisors"]}
    assert advisors["张明"] == {"advisor": "张明", "orders": 2, "settled": 1,  # A and C; A settled
                               "revenue": D("139.00"), "average_ticket": D("139.00")}
    assert advisors["李娜"] == {"advisor": "李娜", "orders": 1, "settled": 1,
                               "revenue": D("144.00"), "average_ticket": D("144.00")}

    techs = {t["technician"]: t for t in k["technicians"]}
    assert techs["杨志刚"] == {"technician": "杨志刚", "billed_hours": D("0.50"),
                             "actual_hours": D("1.00"), "efficiency": D("0.5000")}  # 0.5 / 1.0
    assert techs["赵鹏"] == {"technician": "赵鹏", "billed_hours": D("0.80"),
                            "actual_hours": D("1.00"), "efficiency": D("0.8000")}  # 0.8 / (0.5 + 0.5)

    on_time = k["on_time"]
    assert {key: on_time[key] for key in ("completed", "with_promise", "on_time", "late", "rate")} \
        == {"completed": 2, "with_promise": 2, "on_time": 1, "late": 1, "rate": D("0.5000")}
    (late,) = on_time["late_orders"]
    assert late[1:] == (T0 + timedelta(hours=3), T0 + timedelta(hours=4), "返工")

    # A, B and C received; A and B reached QC; B went through REWORK: 1 / 2
    assert k["rework"] == {"inspected": 2, "reworked": 1, "rate": D("0.5000")}

    # 1 of 3 orders from an appointment; of A, D, E booked: 1 arrived, 1 no-show, 1 pending
    assert k["appointments"] == {
        "orders": 3, "from_appointment": 1, "appointment_rate": D("0.3333"), "booked": 3,
        "arrived": 1, "no_show": 1, "cancelled": 0, "pending": 1, "no_show_rate": D("0.5000")}

    parts = k["parts"]
    assert parts["parts_revenue"] == D("49.00")
    assert parts["cost_of_parts"] == scenario.cost == D("33.88")  # one filter at its average cost
    assert parts["stock_start"] - parts["stock_end"] == D("33.88")
    assert parts["stock_average"] == (parts["stock_start"] + parts["stock_end"]) / 2
    assert parts["turnover"] == (D("33.88") / parts["stock_average"]).quantize(D("0.01"))
    assert parts["turnover_annual"] == (parts["turnover"] * 365 / 2).quantize(D("0.01"))

    # both follow-ups due on day 2 and reached; (5 + 2) / 2 = 3.50; the 2 opened a complaint
    assert k["follow_ups"] == {
        "due": 2, "done": 2, "unreachable": 0, "open": 0, "reach_rate": D("1.0000"),
        "distribution": {1: 0, 2: 1, 3: 0, 4: 0, 5: 1}, "average_satisfaction": D("3.50"),
        "complaints": 1}


def test_day_two_alone_has_no_revenue_but_the_follow_ups(scenario):
    k = kpis(scenario.db, scenario.manager, DAY2, DAY2)
    assert k["revenue"]["total"] == 0 and k["technicians"] == [] and k["on_time"]["completed"] == 0
    assert k["appointments"]["booked"] == 1 and k["follow_ups"]["done"] == 2


def test_period_must_not_end_before_it_starts(demo_db):
    manager = authenticate(demo_db, "admin", "admin123")
    with pytest.raises(ValidationError) as err:
        kpis(demo_db, manager, DAY2, DAY1)
    assert err.value.code == "kpi.period"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_workbook_has_a_sheet_per_kpi_and_charts(scenario, tmp_path, lang):
    path = tmp_path / "kpi.xlsx"
    kpi_workbook(scenario.db, scenario.manager, DAY1, DAY2, path, lang=lang)
    wb = openpyxl.load_workbook(path)
    keys = ("kpi_revenue", "kpi_advisors", "kpi_technicians", "kpi_on_time", "kpi_rework",
            "kpi_appointments", "kpi_parts", "kpi_follow_ups")
    assert wb.sheetnames == [headers.sheet(key, lang) for key in keys]
    charted = {ws.title for ws in wb.worksheets if ws._charts}
    assert {headers.sheet(k, lang) for k in ("kpi_revenue", "kpi_technicians",
                                             "kpi_follow_ups")} <= charted
    revenue = wb[headers.sheet("kpi_revenue", lang)]
    label_row = next(c.row for c in revenue["A"][2:] if c.value == headers.label("revenue", lang))
    total = revenue.cell(row=label_row, column=2)
    assert D(str(total.value)) == D("283.00") and total.number_format == "#,##0.00"
