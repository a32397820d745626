"""The manager's KPI dashboard on the real widgets: a month of the demo shows, figure for
figure, what `dms report kpi` computes (`kpis()`, the workbook's source)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from datetime import date, timedelta
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt

from dms import auth, clock
from dms.admin import catalogue, standard_times
from dms.auth import authenticate
from dms.errors import AuthError
from dms.models import LabourOperation
from dms.reports.excel import export
from dms.reports.kpi import kpis
from dms.reports.kpi_rates import TARGETS
from dms.ui.common import words
from dms.ui.manager.admin import SECTIONS
from dms.ui.shell.main_window import MainWindow
from dms.ui.shell.workspace import registry
from dms.ui.tasks import TaskRunner
from dms.ui.manager.dashboard import TILES, percent, tile_values
from robot import Robot

SHOWN_MS = 15_000


@pytest.fixture(autouse=True)
def still_clock():
    """A job clocked on counts its hours until now: the dashboard and `kpis()`, read seconds
    apart, would differ by those seconds (utilisation 27.54 against 27.55 h)."""
    with clock.frozen_at(clock.now()):
        yield


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


# -- administration ------------------------------------------------------------------------------

def _admin(ws, section):
    ws.tabs.setCurrentWidget(ws.admin)
    page = ws.admin
    page.sections.setCurrentRow(SECTIONS.index(section))
    return page


def _rows_loaded(qtbot, page, count=1):
    qtbot.waitUntil(lambda: page.model.rowCount() >= count, timeout=SHOWN_MS)


def test_a_user_created_with_roles_signs_in_with_exactly_those_workspaces(
        qtbot, ws, demo_orders_db, monkeypatch, qtmodeltester):
    monkeypatch.setattr(auth, "N", 2**10)
    page = _admin(ws, "users")
    _rows_loaded(qtbot, page, 5)
    qtmodeltester.check(page.model)
    robot = Robot(qtbot)
    page.table.setFocus()
    robot.shortcut("Ctrl+N")
    dialog = ws.dialog
    qtbot.waitUntil(dialog.isActiveWindow, timeout=SHOWN_MS)  # its F9 is the dialog's
    robot.type(dialog.username, "desk7")
    robot.type(dialog.display_name, "周洁")
    robot.type(dialog.password, "first-pass-7")
    robot.click(dialog.roles["advisor"])
    robot.click(dialog.roles["cashier"])
    robot.key(dialog.roles["cashier"], Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert not dialog.isVisible(), dialog.message_bar.text()
    qtbot.waitUntil(lambda: _id_of(page, "desk7") is not None, timeout=SHOWN_MS)
    robot.done("manager: create a user with two roles", "manager", 8)
    user = authenticate(demo_orders_db, "desk7", "first-pass-7")
    assert user.roles == {"advisor", "cashier"}
    runner = TaskRunner()
    window = MainWindow(demo_orders_db, user, runner)
    qtbot.addWidget(window)
    expected = [s.id for s in registry() if not s.roles.isdisjoint({"advisor", "cashier"})]
    assert [s.id for s in window.specs] == expected and "manager" not in expected
    assert "frontdesk" in expected
    runner.shutdown()


def _id_of(page, username):
    return next((r.id for r in page.model.rows if r.username == username), None)


def test_a_taken_user_name_is_refused_in_the_dialog_which_keeps_the_input(qtbot, ws, monkeypatch):
    monkeypatch.setattr(auth, "N", 2**10)
    page = _admin(ws, "users")
    _rows_loaded(qtbot, page, 5)
    before = len(page.model.rows)
    page.new()
    dialog = ws.dialog
    dialog.username.setText("advisor1")
    dialog.display_name.setText("重名")
    dialog.password.setText("first-pass-7")
    dialog.roles["advisor"].setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.username.text() == "advisor1"
    assert dialog.display_name.text() == "重名"
    page.load()
    qtbot.wait(200)
    assert len(page.model.rows) == before


def test_disable_and_unlock_a_user_from_the_list(qtbot, ws, demo_orders_db):
    page = _admin(ws, "users")
    _rows_loaded(qtbot, page, 5)
    row = page.model.row_of(_id_of(page, "advisor2"))
    page.table.selectRow(row)
    page.toggle_active()
    qtbot.waitUntil(lambda: not page.model.row_at(row).active, timeout=SHOWN_MS)
    with pytest.raises(AuthError):
        authenticate(demo_orders_db, "advisor2", "demo123")
    page.toggle_active()
    qtbot.waitUntil(lambda: page.model.row_at(row).active, timeout=SHOWN_MS)
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(demo_orders_db, "advisor2", "wrong")
    page.load()
    qtbot.waitUntil(lambda: page.model.row_at(row).locked_until is not None, timeout=SHOWN_MS)
    page.unlock()
    qtbot.waitUntil(lambda: page.model.row_at(row).locked_until is None, timeout=SHOWN_MS)
    assert authenticate(demo_orders_db, "advisor2", "demo123")


def test_a_labour_rate_is_changed_and_a_bad_one_refused(qtbot, ws, demo_orders_db, manager,
                                                       qtmodeltester):
    page = _admin(ws, "price_class")
    _rows_loaded(qtbot, page)
    qtmodeltester.check(page.model)
    first = page.model.row_at(0)
    page.table.selectRow(0)
    page.edit()
    dialog = ws.dialog
    rate = dialog.fields["hourly_rate"]
    rate.setText("abc")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert rate.text() == "abc"
    rate.setText("321.5")
    dialog.submit()
    qtbot.waitUntil(lambda: page.model.row_at(0)["hourly_rate"] == Decimal("321.50"),
                    timeout=SHOWN_MS)
    stored = {r["id"]: r for r in catalogue.records(demo_orders_db, manager, "price_class")}
    assert stored[first["id"]]["hourly_rate"] == Decimal("321.50")


@pytest.mark.parametrize("section", ["labour_operation", "maintenance_package",
                                     "membership_tier", "rules"])
def test_each_list_shows_the_stores_records(qtbot, ws, demo_orders_db, manager, section,
                                            qtmodeltester):
    page = _admin(ws, section)
    expected = (catalogue.rules(demo_orders_db, manager) if section == "rules"
                else catalogue.records(demo_orders_db, manager, section))
    _rows_loaded(qtbot, page, len(expected))
    assert page.model.rows == list(expected)
    qtmodeltester.check(page.model)


def test_the_advisors_discount_limit_is_set_from_the_rules(qtbot, ws, demo_orders_db, manager):
    page = _admin(ws, "rules")
    _rows_loaded(qtbot, page)
    row = page.model.row_of("discount_limit.advisor")
    page.table.selectRow(row)
    page.edit()
    ws.dialog.value.setText("15")
    ws.dialog.submit()
    qtbot.waitUntil(lambda: page.model.row_at(row)[1] == Decimal("15"), timeout=SHOWN_MS)
    assert dict(catalogue.rules(demo_orders_db, manager))["discount_limit.advisor"] == Decimal("15")


# -- learned standard times ------------------------------------------------------------------------

def test_adopting_a_learned_time_from_the_list_changes_the_book_time(qtbot, ws, demo_orders_db,
                                                                     manager, qtmodeltester):
    ws.tabs.setCurrentWidget(ws.times)
    page = ws.times
    expected = standard_times.learned_times(demo_orders_db, manager)
    qtbot.waitUntil(lambda: len(page.model.rows) == len(expected), timeout=SHOWN_MS)
    qtmodeltester.check(page.model)
    assert page.model.rows == list(expected)
    target = next(t for t in expected if t.jobs and t.median != t.book_hours)
    row = page.model.row_of(target.operation_id)
    robot = Robot(qtbot)
    page.table.setFocus()
    page.table.selectRow(row)  # one click on the row
    robot.actions += 1
    robot.shortcut("Ctrl+Return")
    qtbot.waitUntil(lambda: page.model.row_at(row).book_hours == target.median, timeout=SHOWN_MS)
    robot.done("manager: adopt a learned standard time", "manager", 2)
    assert "adopted" in ws.message_bar.text()
    with demo_orders_db.reading() as s:
        assert s.get(LabourOperation, target.operation_id).standard_hours == target.median


def test_fewer_jobs_per_operation_are_read_again(qtbot, ws, demo_orders_db, manager):
    ws.tabs.setCurrentWidget(ws.times)
    page = ws.times
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=SHOWN_MS)
    page.last_n.setValue(3)
    expected = standard_times.learned_times(demo_orders_db, manager, 3)
    qtbot.waitUntil(lambda: page.model.rows == list(expected), timeout=SHOWN_MS)
    assert max(t.jobs for t in expected) <= 3
