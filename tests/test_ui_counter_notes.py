"""The parts counter on the real widgets: a transfer booked in by scanning its note (from any
page, as a USB scanner types it), the note printed, wrong notes refused with nothing changed;
the store's old parts listed, filtered by scan, and a claim's old parts sent back to the maker
together. The clerk's keys are counted (tests/robot.py)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from builders import OIL_FILTER
from dms.models import OldPart, OldPartEvent, Transfer
from dms.parts import old_parts, picking
from dms.parts.transfers import TransferItem, receive_transfer, send_transfer, transfer_note
from robot import Robot
from test_parts_transfers import _second_store
from test_ui_counter import (SHOWN_MS, Scanner, _dialog, advisor, authorized,  # noqa: F401
                             clerk_window, number, snapshot, stocked_parts)
from test_ui_counter_moves import _back, _close_previews, _free, _free_part, _previews


def _full_width(text: str) -> str:
    """What a scanner types through a Chinese input method in full-width mode."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _transfers(db):
    with db.reading() as s:
        return tuple(s.execute(select(Transfer.id, Transfer.status).order_by(Transfer.id)).all())


@pytest.mark.efficiency
def test_a_transfer_booked_in_by_scanning_its_note(qtbot, clerk_window, demo_db, clerk):
    code, _barcode, _supplier = _free_part(demo_db)
    sent = send_transfer(demo_db, clerk, "WH1", "WH2", [TransferItem(code, D(2))])
    note = transfer_note(demo_db, clerk, sent.id)
    wh2 = _free(demo_db, code, "WH2")[0]
    window, counter = clerk_window
    assert counter.tabs.currentWidget() is counter.picking  # the clerk is picking
    robot = Robot(qtbot)
    scanner = Scanner(qtbot, counter.scan_field)
    started = time.perf_counter()
    scanner.scan(_full_width(note.scan_code))  # through a Chinese IME: still read right
    robot.log.append(f"scan {note.scan_code}")
    box = counter.moves.transfer
    qtbot.waitUntil(lambda: box.note is not None and box.note.id == sent.id
                    and counter.feedback.level == "ok", timeout=SHOWN_MS)
    assert time.perf_counter() - started < 1.0  # the transfer on screen within 1 s
    assert counter.tabs.currentWidget() is counter.moves
    assert sent.number in box.title() and "WH1" in box.summary.text()
    assert [r.part_code for r in box.lines.rows] == [code] and box.lines.rows[0].from_bin
    assert "Ctrl+Shift+G" in counter.feedback.text()
    assert QApplication.focusWidget() is counter.scan_field
    robot.shortcut("Ctrl+Shift+G")
    qtbot.waitUntil(lambda: box.note.status == "received", timeout=SHOWN_MS)
    assert "booked in" in counter.feedback.text()
    assert _free(demo_db, code, "WH2")[0] == wh2 + 2
    assert _transfers(demo_db) == ((sent.id, "received"),)
    robot.done("parts counter: book a transfer in by scanning its note", "warehouse_clerk", 1)

    robot = Robot(qtbot)
    robot.shortcut("Ctrl+P")  # its note, now saying booked in
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=SHOWN_MS)
    assert sent.number in _previews()[0].windowTitle()
    qtbot.waitUntil(lambda: _previews()[0].pages is not None, timeout=SHOWN_MS)  # read
    assert _previews()[0].pages.count == 1
    robot.done("parts counter: print a transfer note", "warehouse_clerk", 1)
    _close_previews(qtbot, window)

    before = snapshot(demo_db), _transfers(demo_db)
    robot.shortcut("Ctrl+Shift+G")  # booked in already: nothing happens twice
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert (snapshot(demo_db), _transfers(demo_db)) == before


def test_a_transfer_sent_here_prints_its_note_for_the_road(qtbot, clerk_window, demo_db):
    _code, barcode, _supplier = _free_part(demo_db)
    window, counter = clerk_window
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+T")
    page = counter.moves
    qtbot.waitUntil(lambda: page.warehouse.count() > 0, timeout=SHOWN_MS)
    robot.shortcut("Ctrl+P")  # nothing to print yet: said
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    page.kind.setCurrentIndex(page.kind.findData("transfer"))
    Scanner(qtbot, counter.scan_field).scan(barcode)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: page.transfer.note is not None, timeout=SHOWN_MS)
    assert page.transfer.note.status == "in_transit" and not page.transfer.can_book_in()
    robot.shortcut("Ctrl+P")
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=SHOWN_MS)
    assert page.transfer.note.number in _previews()[0].windowTitle()
    robot.done("parts counter: send a transfer and print its note", "warehouse_clerk", 2)
    _close_previews(qtbot, window)
    before = snapshot(demo_db), _transfers(demo_db)
    robot.shortcut("Ctrl+Shift+G")  # just sent from here: booked in only by its note or the list
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert (snapshot(demo_db), _transfers(demo_db)) == before


def test_wrong_transfer_notes_are_refused_with_nothing_changed(qtbot, clerk_window, demo_db,
                                                               clerk, monkeypatch):
    other = _second_store(demo_db)
    own = send_transfer(demo_db, clerk, "WH1", "WH2", [TransferItem(OIL_FILTER, D(1))])
    away = send_transfer(demo_db, clerk, "WH1", "WH1", [TransferItem(OIL_FILTER, D(3))],
                         to_store_code="BJ02")
    done = send_transfer(demo_db, clerk, "WH1", "WH2", [TransferItem(OIL_FILTER, D(1))])
    receive_transfer(demo_db, clerk, done.id)
    receive_transfer(demo_db, other, away.id)
    back = send_transfer(demo_db, other, "WH1", "WH1", [TransferItem(OIL_FILTER, D(1))],
                         to_store_code="BJ01")  # BJ02's own first number: the same as `own`
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    window, counter = clerk_window
    scanner = Scanner(qtbot, counter.scan_field)
    box = counter.moves.transfer
    scanner.scan(f"{own.number}-BJ01")  # a good one first: it must not stay bookable
    qtbot.waitUntil(lambda: box.can_book_in(), timeout=SHOWN_MS)
    year = own.number[2:6]
    before = snapshot(demo_db), _transfers(demo_db)
    for scanned, says in ((f"TR{year}999999-BJ01", "No transfer has the number"),
                          (f"{done.number}-BJ01", "is already received"),
                          (f"{away.number}-BJ01", "it is booked in there"),
                          (own.number, "scan the barcode on its note")):  # typed: two stores'
        counter.feedback.clear_feedback()
        scanner.type(scanned) if scanned == own.number else scanner.scan(scanned)
        qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
        assert says in counter.feedback.text() and says in counter.message_bar.text()
        assert box.note is None and QApplication.focusWidget() is counter.scan_field
        counter.feedback.clear_feedback()
        Robot(qtbot).shortcut("Ctrl+Shift+G")  # out of habit: nothing to book
        qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
        assert (snapshot(demo_db), _transfers(demo_db)) == before
    assert len(beeps) == 8
    scanner.scan(f"{back.number}-BJ02")  # the other store's, by its note: the right one
    qtbot.waitUntil(lambda: box.can_book_in() and box.note.id == back.id, timeout=SHOWN_MS)
    assert box.note.from_store == "BJ02"


def _old_parts(db, advisor, clerk, dispositions):
    """An order per disposition with its part issued and the old part recorded: the ids."""
    made = []
    for (code, _barcode), disposition in zip(stocked_parts(db, len(dispositions)),
                                             dispositions):
        wo = authorized(db, advisor, [(code, 1)], dispatched=True)
        picking.issue_scan(db, clerk, wo, code, received_by="李师傅")
        line = picking.picking_list(db, clerk, wo).lines[0].part_line_id
        made.append(old_parts.record_old_part(db, clerk, line, disposition, "机修工位").old_part_id)
    return made


def _old(db):
    with db.reading() as s:
        return (s.scalar(select(func.count()).select_from(OldPartEvent)),
                tuple(s.execute(select(OldPart.id, OldPart.status).order_by(OldPart.id)).all()))


@pytest.mark.efficiency
def test_a_claims_old_parts_back_to_the_maker_from_the_store_list(qtbot, clerk_window,
                                                                  demo_db, advisor, clerk):
    first, second, shown = _old_parts(demo_db, advisor, clerk,
                                      ("warranty_return", "warranty_return", "show_customer"))
    for old in (first, second):
        old_parts.move_old_part(demo_db, clerk, old, "intake", "索赔件架")
    window, counter = clerk_window
    page = counter.old_parts
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+O")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=SHOWN_MS)  # in custody
    assert [r.id for r in page.model.rows] == [first, second, shown]
    assert QApplication.focusWidget() is counter.scan_field
    robot.shortcut("Alt+T")
    robot.key(page.status, Qt.Key.Key_Down)
    robot.key(page.status, Qt.Key.Key_Down)  # in the old-part store
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows] == [first, second],
                    timeout=SHOWN_MS)
    robot.shortcut("Alt+L")
    robot.key(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in page.selected()] == [first, second]
    robot.shortcut("Ctrl+Shift+M")
    dialog = _dialog(qtbot, counter, "OldPartMoveDialog")
    assert dialog.location.text() == "索赔件架" and "2" in dialog.windowTitle()
    robot.type(dialog.note, "CLM-2026-0042")
    robot.key(dialog, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not dialog.isVisible(),
                    timeout=SHOWN_MS)
    robot.done("parts counter: a claim's old parts back to the maker", "warehouse_clerk", 9)
    assert "2 old parts: returned to the maker" in counter.message_bar.text()
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(OldPartEvent).where(
            OldPartEvent.action == "return_to_maker", OldPartEvent.note == "CLM-2026-0042")) == 2
    _back(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.scan_field, timeout=SHOWN_MS)

    robot = Robot(qtbot)  # later, the maker asks about the claim: scan its number
    scanner = Scanner(qtbot, counter.scan_field)
    scanner.scan("clm-2026-0042")
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows] == [first, second]
                    and counter.feedback.level == "ok", timeout=SHOWN_MS)
    assert {r.claim for r in page.model.rows} == {"CLM-2026-0042"}
    assert {r.status for r in page.model.rows} == {"returned"}
    robot.done("parts counter: a claim's old parts found by its number", "warehouse_clerk", 0)
    scanner.scan(number(demo_db, page.model.rows[0].work_order_id))  # a job card
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows] == [first], timeout=SHOWN_MS)
    assert page.claim.text() == "" and page.order.text().startswith("WO")
    counter.feedback.clear_feedback()
    scanner.scan("CLM-NOSUCH")
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert "No old part matches" in counter.feedback.text()


def test_old_parts_refused_together_change_nothing(qtbot, clerk_window, demo_db, advisor,
                                                   clerk):
    warranty, shown = _old_parts(demo_db, advisor, clerk, ("warranty_return", "show_customer"))
    old_parts.move_old_part(demo_db, clerk, warranty, "intake", "索赔件架")
    window, counter = clerk_window
    page = counter.old_parts
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+O")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=SHOWN_MS)
    before = _old(demo_db)
    robot.shortcut("Ctrl+Shift+M")  # nothing selected: said
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    page.view.setFocus()
    page.view.selectAll()  # a customer's old part among a claim's: none goes back
    robot.shortcut("Ctrl+Shift+M")
    dialog = _dialog(qtbot, counter, "OldPartMoveDialog")
    robot.key(dialog, Qt.Key.Key_F9)  # no claim number, and a customer's part
    qtbot.waitUntil(lambda: dialog.message_bar.text() != "", timeout=SHOWN_MS)
    assert dialog.isVisible() and _old(demo_db) == before
    robot.type(dialog.note, "CLM-1")
    robot.key(dialog, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "Cannot" in dialog.message_bar.text(), timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.note.text() == "CLM-1" and _old(demo_db) == before
    dialog.reject()
    _back(qtbot, window)

    page.view.setFocus()
    page.view.selectRow(page.model.row_of(shown))
    robot.shortcut("Ctrl+I")  # the customer's part into the store, one key
    qtbot.waitUntil(lambda: page.model.row_at(page.model.row_of(shown)).status == "in_store",
                    timeout=SHOWN_MS)
    assert [r.id for r in page.selected()] == [shown]  # the list merged: the selection stays
    before = _old(demo_db)
    robot.shortcut("Ctrl+I")  # in the store already
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert "Cannot" in counter.message_bar.text() and _old(demo_db) == before


def test_another_seats_old_part_move_reaches_the_list_without_a_reload(qtbot, clerk_window,
                                                                      demo_db, advisor, clerk):
    """A clerk at another counter takes an old part into the store: this counter's list shows
    it in the store, through the live feed, with no F5."""
    from dms.db import Database, make_engine
    from dms.ui.shell.feed import LiveFeed

    (old,) = _old_parts(demo_db, advisor, clerk, ("warranty_return",))
    window, counter = clerk_window
    feed = LiveFeed(Database(engine=make_engine(demo_db.url)), interval_s=0.1)
    feed.changed.connect(window.bus.collect)
    assert feed.wait_ready()
    page = counter.old_parts
    Robot(qtbot).shortcut("Ctrl+O")
    qtbot.waitUntil(lambda: [(r.id, r.status) for r in page.model.rows] == [(old, "pending")],
                    timeout=SHOWN_MS)
    old_parts.move_old_part(demo_db, clerk, old, "intake", "索赔件架")  # the other counter
    qtbot.waitUntil(lambda: [(r.id, r.status) for r in page.model.rows] == [(old, "in_store")],
                    timeout=SHOWN_MS)
    feed.close()
