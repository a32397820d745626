"""The lookup workspace against the demo dealership: search as you type, paging, the card."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from builders import as_user
from dms.crm import lookup
from dms.errors import NotFound
from dms.ui import i18n
from dms.ui.lookup import LookupWorkspace
from dms.ui.lookup_model import LookupModel
from dms.ui.tasks import TaskRunner


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def workspace(qtbot, demo_db, runner):
    i18n.remove_translators()
    workspace = LookupWorkspace(demo_db, runner, actor=as_user(demo_db, "advisor1"))
    qtbot.addWidget(workspace)
    workspace.resize(1200, 700)
    workspace.show()
    return workspace


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
    return [model.index(r, LookupModel.PLATE).data() for r in range(model.rowCount())]


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
    assert model.index(row, LookupModel.CUSTOMER).data() == sample.customer_name
    assert model.index(row, LookupModel.VIN).data() == sample.vin

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
    assert "results" in workspace.status.text()


def test_typing_is_debounced_into_one_search(qtbot, demo_db, runner, monkeypatch, sample):
    calls = []
    real_search = lookup.search

    def counting_search(db, actor, text, offset=0, limit=50):
        calls.append((text, offset))
        return real_search(db, actor, text, offset, limit)

    monkeypatch.setattr(lookup, "search", counting_search)
    workspace = LookupWorkspace(demo_db, runner, actor=as_user(demo_db, "advisor1"))
    qtbot.addWidget(workspace)
    workspace.show()
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
    assert "No customer or vehicle matches" in workspace.status.text()


def test_model_pages_through_a_long_result(qtbot, demo_db, runner, qtmodeltester):
    text, expected = _long_query(demo_db)
    assert expected > 20, "the demo data should have a common surname"
    model = LookupModel(demo_db, runner, page_size=20, actor=as_user(demo_db, "advisor1"))
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
    assert workspace.model.columnCount() == 5


def test_superseded_answers_are_dropped(qtbot, demo_db, runner, sample):
    model = LookupModel(demo_db, runner, actor=as_user(demo_db, "advisor1"))
    model.set_query(_long_query(demo_db)[0])
    model.set_query(sample.plate)  # before the first answer arrives
    qtbot.waitUntil(lambda: not model.loading and not runner.busy, timeout=10_000)
    assert sample.plate in _plates(model)
    assert all(sample.plate in p for p in _plates(model) if p), _plates(model)


def test_card_error_is_shown_as_a_message(qtbot, workspace, sample, monkeypatch):
    def missing(db, actor, customer_id):
        raise NotFound(what="Customer", key=customer_id)

    monkeypatch.setattr(lookup, "customer_card", missing)
    workspace.search.setText(sample.plate)
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    workspace.table.selectRow(0)

    def box():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()
                     and w.objectName() == "domainErrorBox"), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    assert f"Customer {sample.customer_id} was not found." in box().text()
    box().close()
    assert workspace.card.card is None


def test_down_key_moves_from_the_search_into_the_results(qtbot, workspace, sample):
    workspace.search.setText(sample.plate[:3])
    workspace.run_search()
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=10_000)
    qtbot.keyClick(workspace.search, Qt.Key.Key_Down)
    assert workspace.table.selectionModel().selectedRows()[0].row() == 0
