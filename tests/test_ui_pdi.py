"""The PDI desk on the real widgets: the inspector checks a new car with the keys, fails one
item with a note, signs; the failure is fixed; the advisor hands the car over and the vehicle
file with its maintenance plan exists. A bad VIN is refused in the dialog, which keeps it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from dms.changes import Change
from dms.crm.maintenance import vehicle_plan
from dms.models import PdiInspection, Vehicle
from dms.ui.common.printing import PreviewDialog
from dms.workshop import pdi as p
from robot import Robot

from builders import login

SHOWN_MS = 10_000
VIN = "LBEHDAFB9RY123457"


@pytest.fixture
def qc(demo_db):
    return login(demo_db, "qc1")


def _desk(qtbot, open_window, db, user):
    window = open_window(db, user)
    desk = window.show_workspace("pdi")
    _reactivate(qtbot, window)
    return window, desk


def _dialog(qtbot, desk):
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isActiveWindow(),
                    timeout=SHOWN_MS)
    return desk.dialog


def _reactivate(qtbot, window):
    window.activateWindow()  # offscreen, nothing activates the window after a dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=SHOWN_MS)


def sheets(db):
    with db.reading() as s:
        return s.scalar(select(func.count(PdiInspection.id)))


@pytest.mark.efficiency
def test_the_inspector_checks_fails_one_item_and_signs(qtbot, open_window, demo_db, qc):
    window, desk = _desk(qtbot, open_window, demo_db, qc)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+N")
    dialog = _dialog(qtbot, desk)
    robot.type(dialog.vin, VIN.lower())
    robot.type(dialog.colour, "星光白")
    robot.key(dialog.vin, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.sheet is not None and desk.checklist.rowCount() > 10,
                    timeout=SHOWN_MS)
    _reactivate(qtbot, window)
    robot.done("qc inspector: open a new car's PDI sheet", "qc_inspector", 4)

    robot = Robot(qtbot)
    first = desk.items.visualRect(desk.checklist.index(0, 1)).center()
    robot._count("click the first item")
    qtbot.mouseClick(desk.items.viewport(), Qt.MouseButton.LeftButton, pos=first)
    robot.shortcut("F7")  # failed: the note cell opens for what is wrong
    editor = desk.items.focusWidget() if desk.items.state() == desk.items.State.EditingState \
        else None
    assert editor is not None
    robot.type(editor, "左前门漆面划痕")
    robot.key(editor, Qt.Key.Key_Return)
    robot.shortcut("F8")  # the rest OK
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: desk.sheet.unchecked == 0 and desk.sheet.failures == 1,
                    timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: desk.actions["pdi.sign"].isEnabled(), timeout=SHOWN_MS)
    robot.shortcut("Ctrl+S")
    qtbot.waitUntil(lambda: desk.sheet.state == "signed", timeout=SHOWN_MS)
    robot.done("qc inspector: check every item (one failure with a note) and sign",
               "qc_inspector", 7)
    assert desk.sheet.items[0].note == "左前门漆面划痕" and desk.sheet.inspector == qc.display_name
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+P")
    qtbot.waitUntil(lambda: desk.findChild(PreviewDialog) is not None, timeout=SHOWN_MS)
    robot.done("qc inspector: print the signed PDI sheet (preview)", "qc_inspector", 1)
    preview = desk.findChild(PreviewDialog)
    assert desk.sheet.number in preview.windowTitle()
    preview.close()
    _reactivate(qtbot, window)
    assert not desk.actions["pdi.hand_over"].isEnabled()  # not the inspector's, and a failure

    qtbot.waitUntil(lambda: desk.actions["pdi.fix"].isEnabled(), timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+R")
    fix = _dialog(qtbot, desk)
    robot.type(fix.note, "抛光处理")
    robot.key(fix.note, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.sheet.failures == 0, timeout=SHOWN_MS)
    robot.done("record a PDI failure as fixed", "qc_inspector", 3)


@pytest.mark.efficiency
def test_the_advisor_hands_the_car_over_and_its_file_exists(qtbot, open_window, demo_db, qc):
    started = p.start_pdi(demo_db, qc, VIN, series="途胜L")
    sheet = p.pdi_sheet(demo_db, qc, started.id)
    p.record_results(demo_db, qc, sheet.id, {i.id: ("ok", None) for i in sheet.items})
    p.sign_off(demo_db, qc, sheet.id)
    advisor = login(demo_db, "advisor1")
    window, desk = _desk(qtbot, open_window, demo_db, advisor)
    qtbot.waitUntil(lambda: desk.sheet is not None and desk.sheet.state == "signed",
                    timeout=SHOWN_MS)
    assert not desk.actions["pdi.all_ok"].isEnabled()  # the advisor does not inspect
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+H")
    dialog = _dialog(qtbot, desk)
    robot.type(dialog.name, "林晓")
    robot.type(dialog.mobile, "13912345678")
    robot.type(dialog.plate, "京AD8866")
    robot.key(dialog.plate, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.sheet.state == "handed_over", timeout=SHOWN_MS)
    robot.done("advisor: hand a new car over (customer, vehicle file, plan)", "advisor", 5)
    with demo_db.reading() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.vin == VIN)).one()
        assert (car.plate, car.owner.name, car.series) == ("京AD8866", "林晓", "途胜L")
    assert vehicle_plan(demo_db, advisor, car.id)


def test_a_bad_vin_is_refused_in_the_dialog_which_keeps_it(qtbot, open_window, demo_db, qc):
    window, desk = _desk(qtbot, open_window, demo_db, qc)
    desk.new_sheet()
    dialog = desk.dialog
    dialog.vin.setText(VIN[:-1])
    dialog.colour.setText("星光白")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.text() != "", timeout=SHOWN_MS)
    assert VIN[:-1] in dialog.message_bar.text() and dialog.isVisible()
    assert dialog.vin.text() == VIN[:-1] and dialog.colour.text() == "星光白"
    assert sheets(demo_db) == 0


def test_another_seats_sheet_appears_and_unsaved_answers_stay(qtbot, qtmodeltester, open_window,
                                                              demo_db, qc):
    first = p.start_pdi(demo_db, qc, VIN)
    window, desk = _desk(qtbot, open_window, demo_db, qc)
    qtbot.waitUntil(lambda: desk.sheet is not None and desk.sheet.id == first.id,
                    timeout=SHOWN_MS)
    desk.items.selectRow(2)
    desk._mark("ok")
    assert desk.checklist.changes() and not desk.can_leave()
    other = p.start_pdi(demo_db, login(demo_db, "qc1"), "LBEHDAFB0RY123458")
    resets = []
    desk.list_model.modelReset.connect(lambda: resets.append(1))
    window.bus.collect([Change(0, "pdi", other.id, None)])
    qtbot.waitUntil(lambda: desk.list_model.rowCount() == 2, timeout=SHOWN_MS)
    assert not resets and desk.sheet.id == first.id
    assert desk.checklist.answer(2)[0] == "ok"  # still there, not saved yet
    qtmodeltester.check(desk.checklist)
    qtmodeltester.check(desk.list_model)
