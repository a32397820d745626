"""Photos at the check-in on the real widgets: two photos attached from the file dialog in 3
actions, shown as thumbnails, saved with the order and shown on the work order and in the
vehicle file, opened in full; a file that is no photo is refused at once and nothing is
added."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from dms.auth import authenticate
from dms.models import CheckinPhoto, Vehicle, WorkOrder
from builders import photo_file
from robot import Robot

SHOWN_MS = 10_000


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


@pytest.fixture
def page(qtbot, window, demo_db):
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.mileage > 1000)
                            .order_by(Vehicle.id)).first()
    desk = window.workspace("frontdesk")
    desk.check_in(vehicle.id, vehicle.mileage)
    page = desk.checkin_page
    qtbot.waitUntil(lambda: page.file is not None and page.draft.promised is not None,
                    timeout=SHOWN_MS)
    page.complaint.setPlainText("左前门有凹陷，拍照留底")
    page.mileage.setValue(vehicle.mileage + 300)
    page.fuel.set_value(5)
    page.no_damage.setChecked(True)
    page.valuables["none"].setChecked(True)
    return page


def _file_dialog(qtbot, page, folder):
    qtbot.waitUntil(lambda: page.photos.file_dialog is not None
                    and page.photos.file_dialog.isVisible(), timeout=SHOWN_MS)
    dialog = page.photos.file_dialog
    dialog.setDirectory(str(folder))  # the camera card's folder, where the advisor looks
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    dialog.activateWindow()  # as it opens on a desktop, the file name field focused
    name.setFocus()
    qtbot.waitUntil(name.hasFocus, timeout=SHOWN_MS)
    return dialog, name


@pytest.mark.efficiency
def test_two_photos_attached_in_three_actions_and_kept_with_the_order(qtbot, window, demo_db,
                                                                     page, tmp_path):
    photo_file(tmp_path / "左前门.jpg")
    photo_file(tmp_path / "轮毂.png", (900, 1200), "PNG")
    desk = window.workspace("frontdesk")
    robot = Robot(qtbot)
    robot.click(page.photos.add_button)
    dialog, name = _file_dialog(qtbot, page, tmp_path)
    robot.type(name, '"左前门.jpg" "轮毂.png"')
    robot.key(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.photos.strip.count() == 2, timeout=SHOWN_MS)
    robot.done("check-in: attach two photos from the file dialog", "advisor", 3)
    strip = page.photos.strip
    assert not strip.item(0).icon().isNull() and strip.item(1).toolTip().endswith("轮毂.png")
    page.submit()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.order_page, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).order_by(WorkOrder.id.desc())).first()
        saved = s.scalars(select(CheckinPhoto).where(CheckinPhoto.work_order_id == order.id)
                          .order_by(CheckinPhoto.id)).all()
        assert [(p.filename, p.media_type) for p in saved] == [("左前门.jpg", "image/jpeg"),
                                                               ("轮毂.png", "image/png")]
    editor = desk.order_page
    qtbot.waitUntil(lambda: editor.photos.count() == 2 and editor.photos_box.isVisible(),
                    timeout=SHOWN_MS)
    editor.photos.setCurrentRow(1)
    qtbot.keyClick(editor.photos, Qt.Key.Key_Return)  # the oldest: 左前门, in full
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.objectName() == "photoViewer"
                    and desk.dialog.shown_name == "左前门.jpg", timeout=SHOWN_MS)
    assert desk.dialog.image.pixmap().width() == 800  # 1600 × 1200 fitted into the viewer
    desk.dialog.reject()
    desk.open_vehicle(order.vehicle_id)
    file_page = desk.file_page
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is file_page
                    and file_page.photos.count() == 2, timeout=SHOWN_MS)
    assert file_page.boxes["photos"].isVisible()
    assert order.number in file_page.photos.item(0).toolTip()


def test_a_file_that_is_no_photo_is_refused_at_once(qtbot, window, demo_db, page, tmp_path):
    photo_file(tmp_path / "ok.jpg", (64, 48))
    (tmp_path / "发票.jpg").write_bytes(b"\xff\xd8\xff\xe0 a scanned invoice, truncated")
    desk = window.workspace("frontdesk")
    page.photos.add_files([str(tmp_path / "ok.jpg")])
    qtbot.waitUntil(lambda: page.photos.strip.count() == 1, timeout=SHOWN_MS)
    page.photos.add_files([str(tmp_path / "发票.jpg")])
    qtbot.waitUntil(lambda: desk.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "发票.jpg is not a JPEG or PNG photo" in desk.message_bar.text()
    assert page.photos.paths() == (str(tmp_path / "ok.jpg"),)  # nothing added, nothing lost
    page.photos.add_files([str(tmp_path / f"{n}.jpg") for n in range(6)])  # one too many
    qtbot.waitUntil(lambda: "at most 6 photos" in desk.message_bar.text(), timeout=SHOWN_MS)
    assert page.photos.strip.count() == 1
    page.photos.strip.setCurrentRow(0)
    qtbot.keyClick(page.photos.strip, Qt.Key.Key_Delete)  # changed their mind
    assert page.photos.paths() == () and page.draft.photos == ()
    with demo_db.reading() as s:
        assert s.scalar(select(CheckinPhoto.id)) is None


def test_the_photos_stay_with_the_draft_while_the_advisor_serves_someone_else(
        qtbot, window, demo_db, page, tmp_path):
    desk = window.workspace("frontdesk")
    first = page.draft.vehicle_id
    page.photos.add_files([str(photo_file(tmp_path / "a.jpg", (64, 48)))])
    qtbot.waitUntil(lambda: page.draft.photos == (str(tmp_path / "a.jpg"),), timeout=SHOWN_MS)
    with demo_db.reading() as s:
        other = s.scalars(select(Vehicle).where(Vehicle.id != first).order_by(Vehicle.id)).first()
    desk.check_in(other.id, other.mileage)
    assert page.photos.paths() == ()
    desk.check_in(first, None)
    assert page.photos.paths() == (str(tmp_path / "a.jpg"),)
    assert not page.photos.strip.item(0).icon().isNull()  # the thumbnail came back too
