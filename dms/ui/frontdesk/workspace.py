"""The front desk 前台接待 workspace (DESIGN §9): the advisor's day starts here.

Pages: search (the entry) → vehicle file → check-in (Ctrl+N, or an arriving appointment) →
the work order (estimate editor, approvals: Enter on an open order, or after the check-in);
the appointment book (F3). Every write is one command in the workspace's lane; every dialog
and the check-in keep what was typed when the service refuses.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

from dms.crm.vehicle_file import vehicle_file
from dms.ui import i18n
from dms.ui.common.photos import PhotoViewer
from dms.ui.common.printing import kind_name, show_document
from dms.ui.frontdesk.appointments import AppointmentBook
from dms.ui.frontdesk.approvals import AddedWorkQueue
from dms.ui.frontdesk.booking import BookingDialog
from dms.ui.frontdesk.checkin import CheckInPage
from dms.ui.frontdesk.dialogs import CustomerDialog, OwnerDialog, VehicleDialog
from dms.ui.frontdesk.estimate_editor import EstimateEditor
from dms.ui.frontdesk.order_actions import OrderActions
from dms.ui.frontdesk.search import SearchPage
from dms.ui.frontdesk.vehicle_file import VehicleFilePage
from dms.ui.shell.workspace import Workspace
from dms.workshop.desk import order_document

ENTITIES = {"customer", "vehicle", "work_order", "appointment", "complaint"}


class FrontDesk(Workspace):
    id = "frontdesk"
    roles = frozenset({"advisor", "customer_care"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("FrontDesk", "Front desk")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._file_task: int | None = None
        self._file_shows = False  # the file being read was asked for (not a refresh)
        self._printing: dict[int, str] = {}  # read task → the document kind it renders
        self.search_page = SearchPage(self)
        self.file_page = VehicleFilePage(self)
        self.book_page = AppointmentBook(self)
        self.checkin_page = CheckInPage(self)
        self.order_page = EstimateEditor(self)
        self.queue_page = AddedWorkQueue(self)
        self.pages = QStackedWidget()
        for page in (self.search_page, self.file_page, self.book_page, self.checkin_page,
                     self.order_page, self.queue_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.search_page.open_vehicle.connect(self.open_vehicle)
        self.search_page.open_customer.connect(self.edit_customer)
        self.checkin_page.saved.connect(self._checked_in)
        self.file_page.photos.opened.connect(self.show_photo)
        self.order_page.photos.opened.connect(self.show_photo)

        make = ctx.actions.make
        self.search_action = make("frontdesk.search", self, self.show_search)
        self.back_action = make("frontdesk.back", self.file_page, self.show_search)
        self.book_page.addAction(make("frontdesk.back", self.book_page, self.show_search))
        self.appointments_action = make("frontdesk.appointments", self, self.show_book)
        self.new_customer_action = make("frontdesk.new_customer", self, self.new_customer)
        self.walk_in_action = make("frontdesk.walk_in", self.file_page, self.walk_in)
        self.book_action = make("frontdesk.book", self.file_page, self.book)
        self.take_up_action = make("frontdesk.add_recommendation", self.file_page, self.take_up)
        self.edit_vehicle_action = make("frontdesk.edit_vehicle", self.file_page,
                                        self.edit_vehicle)
        self.edit_customer_action = make("frontdesk.edit_customer", self.file_page,
                                         lambda: self.edit_customer(self.file_page.file.customer_id))
        self.new_vehicle_action = make("frontdesk.new_vehicle", self.file_page,
                                       lambda: self.new_vehicle(self.file_page.file.customer_id))
        self.change_owner_action = make("frontdesk.change_owner", self.file_page,
                                        self.change_owner)
        self.open_file_action = make("frontdesk.open_file", self.search_page,
                                     lambda: self.search_page.open_row(
                                         self.search_page._selected_number()))
        self.checkin_page.addActions([make("checkin.save", self.checkin_page,
                                           self.checkin_page.submit),
                                      make("frontdesk.back", self.checkin_page, self.back_to_file)])
        self.checkin_page.back_button.clicked.connect(self.back_to_file)
        self.order_actions = OrderActions(self, self.order_page)
        self.order_page.addAction(make("frontdesk.back", self.order_page, self.back_to_file))
        queue = self.queue_page
        queue.addActions([make("addedwork.price", queue, queue.price),
                          make("addedwork.agree", queue, queue.agree),
                          make("addedwork.decline", queue, queue.refuse),
                          make("frontdesk.back", queue, self.show_search)])
        queue.view.activated.connect(lambda _index: self._open_queued())
        self.added_work_action = make("frontdesk.added_work", self, self.show_queue)
        self.addAction(self.added_work_action)
        self.open_order_action = make("frontdesk.open_order", self.file_page,
                                      self.open_selected_order)
        self.file_page.open_view.activated.connect(self.open_selected_order)
        self.file_page.open_view.addAction(self.open_order_action)
        for action in (self.search_action, self.appointments_action, self.new_customer_action):
            self.addAction(action)
        file_actions = (self.walk_in_action, self.book_action, self.take_up_action,
                        self.edit_vehicle_action, self.edit_customer_action,
                        self.new_vehicle_action, self.change_owner_action, self.back_action)
        self.file_page.addActions(file_actions)
        # Right-click menus from the same actions: what the keys do, the mouse can reach.
        self.file_page.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.search_page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.search_page.table.addActions([self.open_file_action, self.new_customer_action])
        for action in (self.walk_in_action, self.book_action, self.edit_vehicle_action,
                       self.edit_customer_action, self.back_action):
            self.file_page.add_button(action)

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        page = self.pages.currentWidget()
        if page is self.search_page:
            return self.search_page.search
        if page is self.book_page:
            return self.book_page.focus_widget()
        if page is self.checkin_page:
            return self.checkin_page.complaint
        if page is self.order_page:
            return self.order_page.add
        if page is self.queue_page:
            return self.queue_page.view
        return self.file_page.open_view

    def can_leave(self) -> bool:
        return not self.checkin_page.has_input()

    def wants(self, changes) -> bool:
        return any(c.entity in ENTITIES for c in changes)

    def apply_changes(self, changes) -> None:
        self.search_page.refresh()
        self.book_page.refresh()
        file = self.file_page.file
        if file is not None and self.pages.currentWidget() is self.file_page:
            self._load_file(file.id)
        if self.pages.currentWidget() is self.checkin_page:
            self.checkin_page.reload()
        if self.pages.currentWidget() is self.order_page:
            self.order_page.reload()
        if self.pages.currentWidget() is self.queue_page:
            self.queue_page.refresh()

    def refresh(self) -> None:
        self.apply_changes([])

    def open_target(self, entity: str, key: int) -> bool:
        if entity == "vehicle":
            self.open_vehicle(key)
            return True
        if entity == "customer":
            self.edit_customer(key)
            return True
        if entity == "work_order":
            self.open_order(key)
            return True
        return False

    # -- pages ------------------------------------------------------------------------------
    @Slot()
    def show_search(self) -> None:
        self.pages.setCurrentWidget(self.search_page)
        self.search_page.search.setFocus()
        self.search_page.search.selectAll()

    @Slot()
    def show_queue(self) -> None:
        self.pages.setCurrentWidget(self.queue_page)
        self.queue_page.refresh()
        self.queue_page.view.setFocus()

    def _open_queued(self) -> None:
        row = self.queue_page.selected()
        if row is not None:
            self.open_order(row.work_order_id)

    @Slot()
    def show_book(self) -> None:
        self.pages.setCurrentWidget(self.book_page)
        self.book_page.show_day()

    @Slot(int)
    def open_vehicle(self, vehicle_id: int) -> None:
        self._load_file(vehicle_id, show=True)

    def _load_file(self, vehicle_id: int, show: bool = False) -> None:
        """Read the car's file; `show`: the advisor asked for it, so it comes to the front.
        A refresh (another seat's change, a dialog's save) only updates it: the advisor may
        have gone to another page meanwhile and stays there."""
        self._file_shows = show or (self._file_task is not None and self._file_shows)
        self._file_task = self.read(vehicle_file, vehicle_id, on_result=self._on_file)

    @Slot(int, object)
    def _on_file(self, task_id: int, file) -> None:
        if task_id != self._file_task:
            return
        self._file_task = None
        self.file_page.show_file(file)
        if self._file_shows and self.pages.currentWidget() is not self.file_page:
            self.pages.setCurrentWidget(self.file_page)
            self.file_page.open_view.setFocus()
        self._file_shows = False

    # -- dialogs: each ends in one command ------------------------------------------------------
    def _reload_file(self) -> None:
        if self.file_page.file is not None:
            self._load_file(self.file_page.file.id)

    @Slot()
    def walk_in(self) -> None:
        file = self.file_page.file
        if file is not None:
            self.check_in(file.id, file.mileage)

    def check_in(self, vehicle_id: int, last_mileage: int | None, appointment=None,
                 taken_up: tuple[int, ...] = (), complaint: str = "") -> None:
        """The check-in page for this car: its draft if the advisor started one before."""
        self._file_shows = False
        self.checkin_page.open_car(vehicle_id, last_mileage, appointment, taken_up, complaint)
        self.pages.setCurrentWidget(self.checkin_page)
        self.checkin_page.complaint.setFocus()

    @Slot()
    def back_to_file(self) -> None:
        """Esc on the check-in or the order: back to the car's file (or the search); a
        check-in draft stays."""
        draft, header = self.checkin_page.draft, self.order_page.header
        on_screen = self.pages.currentWidget()
        vehicle_id = (draft.vehicle_id if on_screen is self.checkin_page and draft is not None
                      else header.vehicle_id if on_screen is self.order_page and header else None)
        if vehicle_id is None:
            self.show_search()
        elif self.file_page.file is not None and self.file_page.file.id == vehicle_id:
            self.pages.setCurrentWidget(self.file_page)
            self.file_page.open_view.setFocus()
            self._load_file(vehicle_id)
        else:
            self.open_vehicle(vehicle_id)

    @Slot(int)
    def _checked_in(self, work_order_id: int) -> None:
        self.message_bar.show_message(
            self.tr("Work order opened: it is listed under the open work orders."), "info")
        self.open_order(work_order_id)
        self.print_order("checkin", work_order_id)

    def open_order(self, work_order_id: int) -> None:
        self._file_shows = False
        self.order_page.open_order(work_order_id)
        self.pages.setCurrentWidget(self.order_page)
        self.order_page.add.setFocus()

    @Slot()
    def open_selected_order(self, *_args) -> None:
        rows = self.file_page.open_view.selectionModel().selectedRows()
        if rows:
            self.open_order(self.file_page.open_orders.row_at(rows[0].row()).id)

    def print_order(self, kind: str, work_order_id: int) -> None:
        """The order's document `kind` in the print preview (non-modal: work goes on)."""
        task = self.read(order_document, work_order_id, kind, i18n.current_language(),
                         on_result=self._preview)
        self._printing[task] = kind

    @Slot(int, object)
    def _preview(self, task_id: int, found) -> None:
        kind = self._printing.pop(task_id)
        number, pdf = found
        show_document(self, kind, f"{kind_name(kind)} {number}", pdf)

    @Slot(object)
    def show_photo(self, photo_id: int) -> None:
        self.open_dialog(PhotoViewer(self, photo_id))

    @Slot()
    def take_up(self) -> None:
        file = self.file_page.file
        if file is not None:
            self.check_in(file.id, file.mileage, taken_up=self.file_page.selected_declined())

    @Slot()
    def book(self) -> None:
        file = self.file_page.file
        if file is not None:
            self.open_dialog(BookingDialog(self, file), self._reload_file)

    @Slot()
    def new_customer(self) -> None:
        dialog = CustomerDialog(self)
        self.open_dialog(dialog, lambda: self.new_vehicle(dialog.saved.id))

    @Slot(int)
    def edit_customer(self, customer_id: int) -> None:
        self.open_dialog(CustomerDialog(self, customer_id), self._after_customer)

    def _after_customer(self) -> None:
        self.search_page.reload_card()
        self._reload_file()

    def new_vehicle(self, customer_id: int) -> None:
        dialog = VehicleDialog(self, customer_id)
        self.open_dialog(dialog, lambda: self.open_vehicle(dialog.saved.id))

    @Slot()
    def change_owner(self) -> None:
        file = self.file_page.file
        if file is not None:
            self.open_dialog(OwnerDialog(self, file.id, f"{file.customer_name} {file.customer_code}"),
                       self._reload_file)

    @Slot()
    def edit_vehicle(self) -> None:
        file = self.file_page.file
        if file is not None:
            self.open_dialog(VehicleDialog(self, file.customer_id, file.id), self._reload_file)

    def retranslate_ui(self) -> None:
        self.search_page.retranslate_ui()
        self.file_page.retranslate_ui()
