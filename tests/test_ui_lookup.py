"""The front desk's search against the demo dealership: search as you type, paging, the card."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from builders import as_user
from dms.auth import authenticate
from dms.crm import lookup
from dms.crm.find import front_desk_search
from dms.errors import NotFound
from dms.ui import i18n
from dms.ui.common.table import PagedTableModel
from dms.ui.shell.main_window import MainWindow
from dms.ui.shell.palette import found_columns
from dms.ui.tasks import TaskRunner

PLATE, VIN, CUSTOMER = 0, 1, 3


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _search_page(qtbot, db, runner):
    window = MainWindow(db, authenticate(db, "advisor1", "demo123"), runner)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    return window.workspace("frontdesk").search_page


@pytest.fixture
def workspace(qtbot, demo_db, runner, qm_dir):
    assert i18n.install_translators("en", qm_dir)  # English, with its plural forms
    yield _search_page(qtbot, demo_db, runner)
    i18n.remove_translators()


def _model(db, runner, text=None, page_size=20):
    user = authenticate(db, "advisor1", "demo123")
    model = PagedTableModel(runner, found_columns(), key=lambda r: r.key, page_size=page_size)
    model.set_query = lambda text: model.set_fetch(
        lambda offset, limit: front_desk_search(db, user, text, offset, limit))
    return model


@pytest.fixture
def sample(demo_db):
    """A demo vehicle with a Beijing (京) plate, straight from the service."""
    for prefix in ("京", "京A", "京N", "京E"):
        rows = [r for r in lookup.search(demo_db, as_user(demo_db, "advisor1"), prefix) if r.plate]
        if rows:
            return rows[0]
    pytest.fail("the demo data has no 京 plates")


def _long_query(db) -> tuple[str, int]:
    """A query with many matches (common surnames), and how many."""
    counts = {text: len(lookup.search(db, as_user(db, "advisor1"), text, 0, 1000))
              for text in ("张", "王", "李", "刘", "陈", "京A")}
    return max(counts.items(), key=lambda item: item[1])


def _type(qtbot, widget, text):
    """Type like a user: Chinese characters arrive through the input method (QTest.keyClicks
    only knows ASCII), the rest as key presses."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def _plates(model):
    return [model.index(r, PLATE).data() for r in range(model.rowCount())]


def test_typing_a_plate_fragment_finds_the_vehicle_and_shows_its_owner(qtbot, workspace,
                                                                       sample):
    fragment = sample.plate[:-1]
    _type(qtbot, workspace.search, fragment)
    assert workspace.search.text() == fragment
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0 and not workspace.model.loading,
                    timeout=10_000)
    plates = _plates(workspace.model)
    assert sample.plate in plates
    assert all(fragment in p for p in plates if p)
    row = plates.index(sample.plate)
    model = workspace.model
    assert model.index(row, CUSTOMER).data() == sample.customer_name
    assert model.index(row, VIN).data() == sample.vin

    workspace.table.selectRow(row)
    qtbot.waitUntil(lambda: workspace.card.values["name"].text() == sample.customer_name,
                    timeout=10_000)
    card = workspace.card.card
    assert card.id == sample.customer_id
    assert workspace.card.values["code"].text() == sample.customer_code
    vehicles = workspace.card.vehicle_model
    assert sample.plate in [vehicles.index(r, 0).data() for r in range(vehicles.rowCount())]
    selected = workspace.card.vehicles.selectionModel().selectedRows()
    assert [vehicles.index(i.row(), 0).data() for i in selected] == [sample.plate]
    assert re.fullmatch(r"\d+ results?(, scroll down for more|; Enter opens the vehicle file)",
                        workspace.status.text())


def test_one_result_is_counted_in_the_singular(qtbot, workspace, sample):
    _type(qtbot, workspace.search, sample.vin)
    qtbot.waitUntil(lambda: workspace.status.text() == "1 result; Enter opens the vehicle file",
                    timeout=10_000)


def test_typing_is_debounced_into_one_search(qtbot, demo_db, runner, monkeypatch, sample):
    calls = []
    real_search = lookup.search

    def counting_search(db, actor, text, offset=0, limit=50):
        calls.append((text, offset))
        return real_search(db, actor, text, offset, limit)

    monkeypatch.setattr(lookup, "search", counting_search)
    workspace = _search_page(qtbot, demo_db, runner)
    _type(qtbot, workspace.search, sample.plate)
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    assert calls == [(sample.plate, 0)]


def test_clearing_the_field_clears_results_and_card(qtbot, workspace, sample):
    workspace.search.setText(sample.plate)
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    workspace.table.selectRow(0)
    qtbot.waitUntil(lambda: workspace.card.card is not None, timeout=10_000)
    workspace.search.clear()
    workspace.run_search()
    assert workspace.model.rowCount() == 0
    assert workspace.card.card is None


def test_no_match_says_so(qtbot, workspace):
    workspace.search.setText("ZZZZZZZZ")
    workspace.run_search()
    qtbot.waitUntil(lambda: not workspace.model.loading, timeout=10_000)
    assert workspace.model.rowCount() == 0
    assert "No customer, vehicle or work order matches" in workspace.status.text()


def test_model_pages_through_a_long_result(qtbot, demo_db, runner, qtmodeltester):
    text, expected = _long_query(demo_db)
    assert expected > 20, "the demo data should have a common surname"
    model = _model(demo_db, runner, page_size=20)
    model.set_query(text)
    qtbot.waitUntil(lambda: model.rowCount() == 20 and not model.loading, timeout=10_000)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == min(40, expected) and not model.loading,
                    timeout=10_000)
    qtmodeltester.check(model)  # the tester itself may ask for the next page
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert model.rowCount() == expected
    ids = [(model.row_at(r).customer_id, model.row_at(r).vehicle_id)
           for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids), "pages overlap"


def test_model_tester_on_the_workspace_model(qtbot, workspace, sample, qtmodeltester):
    qtmodeltester.check(workspace.model)  # empty
    workspace.search.setText(sample.plate[:3])
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(workspace.model)
    assert workspace.model.headerData(0, Qt.Orientation.Horizontal) == "Plate"
    assert workspace.model.columnCount() == 6


def test_superseded_answers_are_dropped(qtbot, demo_db, runner, sample):
    model = _model(demo_db, runner, page_size=50)
    model.set_query(_long_query(demo_db)[0])
    model.set_query(sample.plate)  # before the first answer arrives
    qtbot.waitUntil(lambda: not model.loading and not runner.busy, timeout=10_000)
    assert sample.plate in _plates(model)
    assert all(sample.plate in p for p in _plates(model) if p), _plates(model)


def test_card_error_is_shown_in_the_message_bar(qtbot, workspace, sample, monkeypatch):
    def missing(db, actor, customer_id):
        raise NotFound(what="Customer", key=customer_id)

    monkeypatch.setattr(lookup, "customer_card", missing)
    workspace.search.setText(sample.plate)
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    workspace.table.selectRow(0)
    desk = workspace.window().workspace("frontdesk")
    qtbot.waitUntil(lambda: desk.message_bar.isVisible(), timeout=10_000)
    assert f"Customer {sample.customer_id} was not found." in desk.message_bar.text()


def test_up_from_the_first_row_and_escape_return_to_the_search(qtbot, workspace, sample):
    workspace.search.setText(sample.plate[:3])
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 1, timeout=10_000)
    qtbot.keyClick(workspace.search, Qt.Key.Key_Down)
    assert workspace.table.hasFocus()
    qtbot.keyClick(workspace.table, Qt.Key.Key_Up)
    assert workspace.search.hasFocus()
    qtbot.keyClick(workspace.search, Qt.Key.Key_Down)
    qtbot.keyClick(workspace.table, Qt.Key.Key_Escape)
    assert workspace.search.hasFocus()


def test_down_key_moves_from_the_search_into_the_results(qtbot, workspace, sample):
    workspace.search.setText(sample.plate[:3])
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    qtbot.keyClick(workspace.search, Qt.Key.Key_Down)
    assert workspace.table.selectionModel().selectedRows()[0].row() == 0
