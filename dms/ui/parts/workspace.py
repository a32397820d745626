"""The parts counter 配件前台 workspace (DESIGN §9): the warehouse clerk with a USB scanner.

One scan field sits above every page and has the focus whenever the counter is shown; what a
scan means depends on the page: picking (a job card opens its order, a part issues one unit),
parts (the part's card), receipts (one more unit on the receipt), stocktake (one more counted).
Feedback follows every scan: green, or red with a beep and the reason in the message bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout

from dms.errors import DomainError
from dms.parts import counter, old_parts
from dms.ui import messages
from dms.ui.common.scan_field import ScanField
from dms.ui.parts.dialogs import ExchangeDialog, OldPartDialog, ReturnDialog
from dms.ui.parts.feedback import ScanFeedback
from dms.ui.parts.picking import PickingPage
from dms.ui.shell.workspace import Workspace

ENTITIES = {"work_order", "stock"}


class PartsCounter(Workspace):
    id = "counter"
    roles = frozenset({"warehouse_clerk"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("PartsCounter", "Parts counter")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.dialog = None  # the dialog open now (tests drive it)
        self.undo_stack: list[tuple[int, list[int]]] = []  # (order, issue movements) per scan
        self.scan_field = ScanField()
        self.scan_field.setObjectName("scanField")
        self.scan_field.submitted.connect(self.scan)
        self.scan_label = QLabel()
        self.scan_label.setBuddy(self.scan_field)
        self.feedback = ScanFeedback()
        top = QHBoxLayout()
        top.addWidget(self.scan_label)
        top.addWidget(self.scan_field, 1)

        self.picking = PickingPage(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("counterPages")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.picking, "")
        self.tabs.currentChanged.connect(self._on_page)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.tabs, 1)

        make = ctx.actions.make
        self.picking_action = make("counter.picking", self, self.show_picking)
        self.back_action = make("counter.back", self.picking.order_page, self.picking_back)
        self.undo_action = make("counter.undo", self.picking.order_page, self.undo)
        self.return_action = make("counter.return", self.picking.order_page, self.return_part)
        self.exchange_action = make("counter.exchange", self.picking.order_page,
                                    self.exchange_part)
        self.old_part_action = make("counter.old_part", self.picking.order_page, self.old_part)
        self.intake_action = make("counter.intake", self.picking.order_page, self.intake)
        self.addAction(self.picking_action)
        order_actions = (self.undo_action, self.return_action, self.exchange_action,
                         self.old_part_action, self.intake_action, self.back_action)
        self.picking.order_page.addActions(order_actions)
        self.picking.order_page.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setFocusProxy(self.scan_field)
        self.retranslate_ui()

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        return self.scan_field

    def wants(self, changes) -> bool:
        return any(c.entity in ENTITIES for c in changes)

    def apply_changes(self, changes) -> None:
        self.tabs.currentWidget().refresh()

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()

    def open_target(self, entity: str, key: int) -> bool:
        if entity == "work_order":
            self.show_picking()
            self.picking.open_order(key)
            return True
        return False

    # -- scans and their feedback -----------------------------------------------------------
    @Slot(str, bool)
    def scan(self, text: str, scanned: bool) -> None:
        self.tabs.currentWidget().scan(text, scanned)

    def focus_scan(self) -> None:
        self.scan_field.setFocus()

    def confirm(self, text: str) -> None:
        self.feedback.ok(text)

    def refuse(self, text: str) -> None:
        self.feedback.refused(text)
        self.message_bar.show_message(text, "error")
        self.focus_scan()

    @Slot(int, object)
    def scan_refused(self, _task_id: int, error: object) -> None:
        if isinstance(error, DomainError):
            self.refuse(messages.error_text(error))
        else:
            self.feedback.refused("")
            self.message_bar.show_error(error)

    def lines_shown(self, listing) -> None:
        """The order's lines are on screen (after a scan: the end of its feedback)."""

    def push_undo(self, order_id: int, movement_ids: list[int]) -> None:
        if movement_ids:
            self.undo_stack.append((order_id, movement_ids))

    # -- picking ------------------------------------------------------------------------------
    @Slot()
    def show_picking(self) -> None:
        self.tabs.setCurrentWidget(self.picking)
        self.focus_scan()

    @Slot()
    def picking_back(self) -> None:
        self.picking.show_queue()
        self.focus_scan()

    @Slot()
    def undo(self) -> None:
        if not self.undo_stack:
            self.refuse(self.tr("There is no scan to undo."))
            return
        order_id, movements = self.undo_stack[-1]
        self.command(counter.undo_scan, movements, on_result=self._on_undone,
                     on_error=self.scan_refused)

    @Slot(int, object)
    def _on_undone(self, _task_id: int, result) -> None:
        order_id, _movements = self.undo_stack.pop()
        self.confirm(self.tr("The last scan is undone: the part is back in stock."))
        self.picking.open_order(order_id)

    def _line_or_say(self):
        line = self.picking.selected_line()
        if line is None:
            self.refuse(self.tr("Select a line of the order first."))
        return line

    @Slot()
    def return_part(self) -> None:
        line = self._line_or_say()
        if line is not None:
            self._open(ReturnDialog(self, line))

    @Slot()
    def exchange_part(self) -> None:
        line = self._line_or_say()
        if line is not None:
            self._open(ExchangeDialog(self, line, self.picking.taker.text()))

    @Slot()
    def old_part(self) -> None:
        line = self._line_or_say()
        if line is not None:
            self._open(OldPartDialog(self, line))

    @Slot()
    def intake(self) -> None:
        old = self.picking.selected_old_part()
        if old is None:
            self.refuse(self.tr("Select an old part of the order first."))
            return
        self.command(old_parts.move_old_part, old.id, "intake",
                     on_result=self._on_intake, on_error=self.scan_refused)

    @Slot(int, object)
    def _on_intake(self, _task_id: int, result) -> None:
        self.confirm(self.tr("The old part is in the old-part store."))
        self.picking.reload()

    def _open(self, dialog) -> None:
        """Window-modal, non-blocking; the scan field has the focus again when it closes."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(self.picking.reload)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    @Slot()
    def _dialog_closed(self) -> None:
        self.window().activateWindow()
        self.focus_scan()

    @Slot(int)
    def _on_page(self, _index: int) -> None:
        self.focus_scan()

    def retranslate_ui(self) -> None:
        self.scan_label.setText(self.tr("&Scan:"))
        self.scan_field.setPlaceholderText(self.tr(
            "Scan a job card, then its parts (or type a code and press Enter)"))
        self.tabs.setTabText(self.tabs.indexOf(self.picking), self.tr("Picking"))
        self.picking.retranslate_ui()
