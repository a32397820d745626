"""The front desk's work-order screens for `benchmarks/ui.py` (issue 15): the check-in opened
from the vehicle file and saved, a 30-line order opened in the estimate editor and a line
added to it. The 30-line orders come from `big_orders.py` (run it on a copy first); without
them those two screens are skipped. Saving check-ins writes orders: use a copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from ui_screens import Screen, _desk, _editor_shown, _to_search, wait_until

LINES = 30


def _file_shown_for(window, vehicle_id: int) -> None:
    desk = window.show_workspace("frontdesk")
    desk.open_vehicle(vehicle_id)
    wait_until(lambda: desk.pages.currentWidget() is desk.file_page
               and desk.file_page.file is not None and desk.file_page.file.id == vehicle_id,
               "the vehicle file")
    desk.file_page.open_view.setFocus()


def _checkin_ready(window, term: str) -> bool:
    desk = _desk(window)
    page = desk.checkin_page
    return (desk.pages.currentWidget() is page and page.draft is not None
            and page.file is not None and page.file.id == int(term.split("|")[0])
            and bool(page.packages) and page.draft.promised is not None)


def _close_previews(window) -> None:
    """The check-in sheet's preview of the last save put away, the window in front again."""
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "printPreview" and widget.isVisible():
            widget.close()
    window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window, "the window in front")


def _filled(window, term: str) -> None:
    """A car's check-in filled in as the advisor does (complaint, mileage, fuel, no damage,
    valuables, a standard job), ready for F9."""
    _close_previews(window)
    vehicle_id, mileage = (int(x) for x in term.split("|"))
    _file_shown_for(window, vehicle_id)
    desk = _desk(window)
    desk.walk_in()
    wait_until(lambda: _checkin_ready(window, term), "the check-in")
    page = desk.checkin_page
    page.complaint.setPlainText("保养，顺便检查空调")
    page.mileage.setValue(mileage + 700)
    page.fuel.set_value(4)
    page.no_damage.setChecked(True)
    page.valuables["none"].setChecked(True)
    if page.draft.package is None:
        page.package_group.button(0).click()
    wait_until(lambda: page.missing() == [], "the check-in complete")
    page.complaint.setFocus()


def _saved(window, term: str) -> bool:
    """The new order's lines on screen and the check-in sheet drawn in the preview for the
    signature (its page renders off the GUI thread and arrives after the dialog)."""
    page = _desk(window).order_page
    return (_desk(window).pages.currentWidget() is page and page.header is not None
            and page.header.vehicle_id == int(term.split("|")[0]) and page.lines is not None
            and page.model.rowCount() > 0
            and any(w.objectName() == "printPreview" and w.isVisible() and w.is_rendered()
                    for w in QApplication.topLevelWidgets()))


def _editor_at_30(window, term: str) -> None:
    """The order in the editor with its 30 lines (the job the last open added removed again,
    untimed) and the add field showing the match for the first job's code."""
    desk = window.show_workspace("frontdesk")
    page = desk.order_page
    if page.work_order_id != int(term) or desk.pages.currentWidget() is not page:
        desk.open_order(int(term))
    wait_until(lambda: _editor_shown(window, term), "the order")
    while page.model.rowCount() > LINES:  # Del on the line the last open added (in the lane)
        count = page.model.rowCount()
        added = next(i for i, r in enumerate(page.model.rows) if r.kind == "labour"
                     and r.id == max(x.id for x in page.model.rows if x.kind == "labour"))
        page.view.selectRow(added)
        desk.order_actions.remove_line()
        wait_until(lambda: page.model.rowCount() < count, "the line removed")
    code = next(r.code for r in page.model.rows if r.kind == "labour")
    page.add.setFocus()
    page.add.setText(code)
    page._search()
    wait_until(lambda: page._searched == code and page.matches.rowCount() > 0, "the match")


def _line_added(window, term: str) -> bool:
    page = _desk(window).order_page
    return page.model.rowCount() == LINES + 1 and not page.add.text()


DESK_SCREENS: dict[str, Screen] = {
    # Ctrl+N on the vehicle file: the check-in page with the car's history, the standard jobs
    # and the promise proposed from the shop's load.
    "checkin_open": Screen(
        prepare=lambda w, t: (_close_previews(w), _file_shown_for(w, int(t.split("|")[0]))),
        act=lambda w, _t: QTest.keyClick(_desk(w).file_page.open_view, Qt.Key.Key_N,
                                         Qt.KeyboardModifier.ControlModifier),
        shown=_checkin_ready, terms=("car",), permission="workorder.open"),
    # F9 on a filled check-in: the order opened with its package, and the check-in sheet in
    # the print preview for the customer's signature.
    "checkin_save": Screen(
        prepare=_filled,
        act=lambda w, _t: QTest.keyClick(_desk(w).checkin_page.complaint, Qt.Key.Key_F9),
        shown=_saved, terms=("car",), permission="workorder.open"),
    # Enter on an open order of 30 lines (15 jobs, 15 parts): the editor with all of them.
    "estimate_editor_30": Screen(
        prepare=_to_search,
        act=lambda w, t: _desk(w).open_order(int(t)),
        shown=lambda w, t: _editor_shown(w, t) and _desk(w).order_page.model.rowCount() >= LINES,
        terms=("order30",)),
    # Enter in the add field of that order: the job added and the 31 lines shown with totals.
    "estimate_add_line": Screen(
        prepare=_editor_at_30,
        act=lambda w, _t: QTest.keyClick(_desk(w).order_page.add, Qt.Key.Key_Return),
        shown=_line_added, terms=("order30",), permission="estimate.edit"),
}


def desk_terms(db, store_id: int, per_kind: int = 50) -> dict[str, list[str]]:
    """Cars with no open order ("id|mileage", for check-ins) and open orders of 30 lines or
    more that may still be edited."""
    with db.engine.connect() as c:
        cars = c.execute(text(
            "SELECT v.id, COALESCE(v.mileage, 0) FROM vehicle v WHERE v.store_id = :store "
            "AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.vehicle_id = v.id AND w.state "
            "NOT IN ('SETTLED', 'DELIVERED', 'CLOSED', 'CANCELLED')) ORDER BY v.id LIMIT :n"),
            {"store": store_id, "n": per_kind}).all()
        orders = c.execute(text(
            "SELECT w.id FROM work_order w WHERE w.store_id = :store AND w.state IN "
            "('RECEIVED', 'ESTIMATED') AND (SELECT COUNT(*) FROM labour_line l WHERE "
            "l.work_order_id = w.id) + (SELECT COUNT(*) FROM part_line p WHERE "
            "p.work_order_id = w.id) >= :lines ORDER BY w.id DESC LIMIT :n"),
            {"store": store_id, "lines": LINES, "n": per_kind}).scalars().all()
    return {"car": [f"{i}|{m}" for i, m in cars], "order30": [str(i) for i in orders]}
