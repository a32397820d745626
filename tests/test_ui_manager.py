"""The manager's KPI dashboard on the real widgets: a month of the demo shows, figure for
figure, what `dms report kpi` computes (`kpis()`, the workbook's source)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import Qt

from dms import clock
from dms.auth import authenticate
from dms.reports.excel import export
from dms.reports.kpi import kpis
from dms.reports.kpi_rates import TARGETS
from dms.ui.common import words
from dms.ui.manager.dashboard import TILES, percent, tile_values
from robot import Robot

SHOWN_MS = 15_000


@pytest.fixture
def manager(demo_orders_db):
    return authenticate(demo_orders_db, "admin", "admin123")


@pytest.fixture
def ws(open_window, demo_orders_db, manager, qtbot):
    window = open_window(demo_orders_db, manager)
    workspace = window.show_workspace("manager")
    qtbot.waitUntil(lambda: workspace.dashboard.result is not None, timeout=SHOWN_MS)
    return workspace


def _month() -> tuple[date, date]:
    """The last 30 days of the demo: its orders span the four weeks up to today."""
    today = clock.now().astimezone().date()
    return today - timedelta(days=29), today


def test_the_dashboard_of_a_month_matches_the_kpi_report(qtbot, ws, demo_orders_db, manager):
    board = ws.dashboard
    date_from, date_to = _month()
    board.period.setCurrentIndex(3)  # chosen dates
    board.set_period(date_from, date_to)
    qtbot.waitUntil(lambda: board.result is not None and board.result["period"]["from"] == date_from,
                    timeout=SHOWN_MS)
    k = kpis(demo_orders_db, manager, date_from, date_to)
    assert board.result == k
    expected = tile_values(k)
    assert set(expected) == set(TILES)
    for key, (_value, text) in expected.items():
        assert board.tiles[key].figure.text() == text, key
    assert k["revenue"]["total"] > 0 and k["technicians"]  # the demo month has figures
    assert board.tiles["revenue"].figure.text() == words.money(k["revenue"]["total"])
    assert board.tiles["on_time"].figure.text() == percent(k["on_time"]["rate"])
    charts = board.charts
    assert charts["advisors"].items == [(a["advisor"], a["revenue"]) for a in k["advisors"]]
    assert charts["efficiency"].items == [(t["technician"], t["efficiency"] or 0)
                                          for t in k["technicians"]]
    assert charts["efficiency"].target == TARGETS["efficiency"]
    assert charts["utilisation"].items == [(t["technician"], t["utilisation"] or 0)
                                           for t in k["utilisation"]]
    assert charts["utilisation"].target == TARGETS["utilisation"]
    types = words.business_types()
    assert charts["business_types"].items == [(types[key], total) for key, _n, total
                                              in k["revenue"]["by_business_type"]]
    assert [v for _, v in charts["revenue_by_day"].items] == [t for _d, _n, t in k["revenue"]["by_day"]]
    assert charts["satisfaction"].items == [(str(n), c) for n, c in k["follow_ups"]["distribution"].items()]
    # each rate against its target: met in green, missed in red
    for key, goal in TARGETS.items():
        value = expected[key][0]
        assert board.tiles[key].met == (None if value is None else value >= goal)
    board.grab()  # paints every chart without error


def test_a_period_that_ends_before_it_starts_is_refused_in_the_message_bar(qtbot, ws):
    board = ws.dashboard
    before = board.result
    board.period.setCurrentIndex(3)
    board.set_period(date(2026, 12, 31), date(2026, 12, 1))
    qtbot.waitUntil(lambda: ws.message_bar.isVisible(), timeout=SHOWN_MS)
    assert board.result is before


def test_f5_recomputes_the_month_shown(qtbot, ws):
    board = ws.dashboard
    first = board.result
    robot = Robot(qtbot)
    board.show_button.setFocus()
    robot.shortcut("F5")
    qtbot.waitUntil(lambda: board.result is not first, timeout=SHOWN_MS)
    assert board.result == first


# -- reports and exports ------------------------------------------------------------------------

def _reports(ws):
    ws.tabs.setCurrentWidget(ws.reports)
    return ws.reports


def test_an_export_from_the_window_writes_the_services_workbook(qtbot, ws, demo_orders_db,
                                                                 manager, tmp_path):
    page = _reports(ws)
    page.select("workorders")
    page.whole.setChecked(True)
    page.path.setText(str(tmp_path / "wo.xlsx"))
    robot = Robot(qtbot)
    page.lists.setFocus()
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: not page.running and page.last_rows is not None, timeout=SHOWN_MS)
    expected = export(demo_orders_db, manager, "workorders", tmp_path / "again.xlsx", lang="en")
    assert page.last_rows == expected > 0
    wb = openpyxl.load_workbook(tmp_path / "wo.xlsx")
    assert wb.worksheets[0].max_row - 1 + wb.worksheets[1].max_row - 1 == expected
    assert str(expected) in page.status.text()
    robot.done("manager: export the work orders of the whole history", "manager", 1)


def test_the_kpi_workbook_from_the_window(qtbot, ws, tmp_path):
    page = _reports(ws)
    page.select("kpi")
    page.path.setText(str(tmp_path / "kpi.xlsx"))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running and (tmp_path / "kpi.xlsx").exists(), timeout=SHOWN_MS)
    assert len(openpyxl.load_workbook(tmp_path / "kpi.xlsx").worksheets) == 8


def test_an_export_shows_progress_and_esc_cancels_it_writing_nothing(qtbot, ws, monkeypatch,
                                                                      tmp_path):
    import dms.ui.manager.reports as reports

    def held(db, user, name, path, progress, cancelled, **kwargs):
        progress(0)
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:  # a long export, until Esc
            time.sleep(0.01)
        return export(db, user, name, path, progress=progress, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(reports, "export", held)
    page = _reports(ws)
    page.select("movements")
    page.path.setText(str(tmp_path / "m.xlsx"))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "0" in page.status.text() and page.running, timeout=SHOWN_MS)
    assert page.bar.maximum() == 0 and not page.start.isEnabled()  # busy, one at a time
    Robot(qtbot).shortcut("Esc")
    qtbot.waitUntil(lambda: not page.running, timeout=SHOWN_MS)
    assert ws.message_bar.isVisible() and not (tmp_path / "m.xlsx").exists()
    assert page.start.isEnabled()


def test_a_folder_that_does_not_exist_is_said_and_nothing_is_written(qtbot, ws, tmp_path):
    page = _reports(ws)
    page.select("customers")
    page.path.setText(str(tmp_path / "missing" / "c.xlsx"))
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running and ws.message_bar.isVisible(), timeout=SHOWN_MS)
    assert page.path.text().endswith("c.xlsx")  # kept as typed
