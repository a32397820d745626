"""The KPIs measured against targets (dms.reports.kpi_rates) on the scenario of test_kpi.py:
same-day delivery, utilisation, the workshop's totals, the parts fill rate; and a part that
had to be ordered lowers the fill rate."""

from decimal import Decimal as D

import openpyxl
import pytest
from sqlalchemy import select

from dms import policy
from dms.models import PartLine, PurchaseNeed, WorkOrder
from dms.reports import headers
from dms.reports.kpi import kpi_workbook, kpis
from dms.reports.kpi_rates import TARGETS
from test_kpi import DAY1, DAY2, T0, Scenario, beijing_time  # noqa: F401 - the fixture is used


@pytest.fixture
def scenario(demo_db, monkeypatch):
    return Scenario(demo_db, monkeypatch).run()


def test_rates_of_the_scenario(scenario):
    k = kpis(scenario.db, scenario.manager, DAY1, DAY2)
    # A and B were delivered on the day they came in; C was not delivered
    assert k["same_day"] == {"delivered": 2, "same_day": 2, "rate": D("1.0000")}
    # each technician clocked 1.00 h on one day of 8 h
    util = {u["technician"]: u for u in k["utilisation"]}
    assert util["杨志刚"] == {"technician": "杨志刚", "clocked_hours": D("1.00"), "days_present": 1,
                           "available_hours": D("8.00"), "utilisation": D("0.1250")}
    assert util["赵鹏"]["clocked_hours"] == D("1.00") and util["赵鹏"]["utilisation"] == D("0.1250")
    assert k["workshop"] == {"billed_hours": D("1.30"), "actual_hours": D("2.00"),
                             "efficiency": D("0.6500"), "clocked_hours": D("2.00"),
                             "available_hours": D("16.00"), "utilisation": D("0.1250")}
    # A's oil filter came from stock
    assert k["fill"] == {"lines": 1, "filled": 1, "rate": D("1.0000")}


def test_a_part_ordered_for_the_order_is_not_filled_and_the_working_day_counts(scenario):
    with scenario.db.transaction() as s:
        line = s.scalars(select(PartLine).join(WorkOrder).where(WorkOrder.entry_at >= T0)).one()
        s.add(PurchaseNeed(store_id=scenario.manager.store_id, part_id=line.part_id, qty=D(1),
                           work_order_id=line.work_order_id))
    policy.set_setting(scenario.db, scenario.manager, "workday_hours", "4")
    k = kpis(scenario.db, scenario.manager, DAY1, DAY2)
    assert k["fill"] == {"lines": 1, "filled": 0, "rate": D("0.0000")}
    assert k["workshop"]["available_hours"] == D("8.00") and k["workshop"]["utilisation"] == D("0.2500")


def test_the_workbook_shows_the_rates_and_their_targets(scenario, tmp_path):
    path = tmp_path / "kpi.xlsx"
    kpi_workbook(scenario.db, scenario.manager, DAY1, DAY2, path, lang="en")
    wb = openpyxl.load_workbook(path)
    cells = {}
    for ws in wb.worksheets:
        for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True):
            cells[(ws.title, a)] = b  # a label's last row: the totals
    on_time = headers.sheet("kpi_on_time", "en")
    assert cells[(on_time, headers.label("same_day_rate", "en"))] == 1
    assert cells[(on_time, headers.label("target", "en"))] == float(TARGETS["same_day"])
    assert cells[(headers.sheet("kpi_parts", "en"), headers.label("fill_rate", "en"))] == 1
    techs = headers.sheet("kpi_technicians", "en")
    assert cells[(techs, headers.label("utilisation", "en"))] == 0.125
