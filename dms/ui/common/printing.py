"""Preview, print and save any document PDF (DESIGN §7) — the one printing path of the app.

    show_document(parent, kind, title, pdf)   # a non-modal preview: pages, zoom, Print, Save
    print_document(parent, kind, title, pdf)  # straight to the kind's printer (the cashier's
                                              # slip and gate pass); the preview, saying why,
                                              # if it cannot print

Each document kind ("settlement", "settlement-receipt", "gatepass", "labels", "refund", ...)
has its own printer, page size and orientation, remembered in the settings store of this
workstation (the settings file, `dms.app.FileSettingsStore`) under "printers": the A4 documents
go to the office printer, the 80 mm receipt to the roll printer, labels to the label printer.
Until a kind has been given one, it goes to the system's default printer on the page size of
the document itself. A printer that is gone is a message in the preview, never a crash.

The preview reads and renders the pages on one render lane (`render_lane`, a single worker
thread: PDFium is not thread-safe), never on the GUI thread; each page shows "Rendering..." in
its place until its image arrives. Printing, the preview's Print as well as `print_document`,
runs on the print lane (`print_lane`): the printer looked up and set up, the pages rendered at
the printer's resolution and drawn on it (`pdf_pages.print_pages`); the GUI thread hears how it
went. Jobs still queued when the application quits are printed before it ends.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QObject, QSizeF, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from dms.ui.common.message_bar import MessageBar
from dms.ui.common.pdf_pages import PdfPages, print_pages
from dms.ui.tasks import TaskRunner

translate = QCoreApplication.translate
SCREEN_DPI = 96
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH, WHOLE_PAGE = 0.0, -1.0
PRINT_AT_QUIT_MS = 30_000  # how long quitting waits for the print jobs still queued
_session_store: dict = {}  # where choices live when no settings store was handed in
_lanes: dict[str, TaskRunner] = {}


def render_lane() -> TaskRunner:
    """The one thread every preview reads and renders its pages on, in the order asked."""
    if "render" not in _lanes:
        lane = _lanes["render"] = TaskRunner(QCoreApplication.instance(), max_threads=1)
        QCoreApplication.instance().aboutToQuit.connect(lane.shutdown)
    return _lanes["render"]


def print_lane() -> TaskRunner:
    """The one thread documents are printed on, in the order sent; a job already sent is
    printed even if the application quits meanwhile."""
    if "print" not in _lanes:
        lane = _lanes["print"] = TaskRunner(QCoreApplication.instance(), max_threads=1)
        QCoreApplication.instance().aboutToQuit.connect(
            lambda: lane.shutdown(PRINT_AT_QUIT_MS, drop_queued=False))
    return _lanes["print"]


class MemoryStore:
    """Settings kept for this session only (a window opened without a settings file)."""

    def load(self) -> dict:
        return dict(_session_store)

    def save(self, settings: dict) -> None:
        _session_store.clear()
        _session_store.update(settings)


def kind_name(kind: str) -> str:
    names = {"settlement": translate("Printing", "Settlement slip"),
             "settlement-receipt": translate("Printing", "Settlement receipt (80 mm)"),
             "gatepass": translate("Printing", "Gate pass"),
             "refund": translate("Printing", "Refund slip"),
             "labels": translate("Printing", "Labels"),
             "estimate": translate("Printing", "Estimate"),
             "checkin": translate("Printing", "Check-in sheet"),
             "jobcard": translate("Printing", "Job card"),
             "picking": translate("Printing", "Picking list"),
             "qc": translate("Printing", "QC sheet"),
             "appointment": translate("Printing", "Appointment slip"),
             "dayend": translate("Printing", "Day-end report"),
             "pdi": translate("Printing", "PDI sheet"),
             "purchase": translate("Printing", "Purchase order"),
             "transfer": translate("Printing", "Transfer note")}
    return names.get(kind, kind)


def available_printers() -> list[str]:
    return QPrinterInfo.availablePrinterNames()


def new_printer(name: str) -> QPrinter:
    """A high-resolution printer on `name` (the seam tests replace with a PDF-file printer)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    return printer


def settings_store(parent: QWidget | None) -> Any:
    """The settings store of the main window `parent` is in, else this session's memory."""
    window = parent.window() if parent is not None else None
    store = getattr(window, "settings_store", None)
    return store if store is not None else MemoryStore()


def saved_choice(store: Any, kind: str) -> dict:
    return dict(store.load().get("printers", {}).get(kind, {}))


def remember_choice(store: Any, kind: str, printer: str, layout: QPageLayout) -> None:
    settings = store.load()
    size = layout.pageSize().size(QPageSize.Unit.Millimeter)
    sides = sorted((round(size.width(), 1), round(size.height(), 1)))  # portrait, turned below
    settings.setdefault("printers", {})[kind] = {
        "printer": printer, "width_mm": sides[0], "height_mm": sides[1],
        "landscape": layout.orientation() == QPageLayout.Orientation.Landscape}
    store.save(settings)


def page_layout(choice: dict, pages: PdfPages) -> QPageLayout:
    """The saved page of `choice`, or the document's own page when none was saved."""
    own = pages.size_mm(0)
    width = choice.get("width_mm", min(own.width(), own.height()))
    height = choice.get("height_mm", max(own.width(), own.height()))
    landscape = choice.get("landscape", own.width() > own.height())
    return QPageLayout(
        QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0))


def configured_printer(choice: dict, pages: PdfPages) -> QPrinter:
    printer = new_printer(choice.get("printer") or QPrinterInfo.defaultPrinterName())
    printer.setPageLayout(page_layout(choice, pages))
    return printer


def choice_text(choice: dict, pages: PdfPages) -> str:
    printer = choice.get("printer") or QPrinterInfo.defaultPrinterName()
    size = page_layout(choice, pages).pageSize()
    mm = size.size(QPageSize.Unit.Millimeter)
    page = (size.name() if size.id() != QPageSize.PageSizeId.Custom
            else f"{round(mm.width()):g} × {round(mm.height()):g} mm")
    if not printer:
        return translate("Printing", "No printer chosen; page {page}").format(page=page)
    return translate("Printing", "{printer}, page {page}").format(printer=printer, page=page)


def missing_printer_text(choice: dict, kind: str) -> str | None:
    """Why `choice` cannot print on this workstation, or None when it can."""
    printer = choice.get("printer") or QPrinterInfo.defaultPrinterName()
    if not printer:
        return translate("Printing", "No printer is chosen for {kind} and this workstation has "
                         "no default printer. Choose one with Printer... or save as PDF."
                         ).format(kind=kind_name(kind))
    if printer not in available_printers():
        return translate("Printing", "The printer \"{printer}\" chosen for {kind} is not "
                         "available on this workstation. Choose another with Printer... or "
                         "save as PDF.").format(printer=printer, kind=kind_name(kind))
    return None


def show_document(parent: QWidget, kind: str, title: str, pdf: bytes, *,
                  store: Any = None, message: str | None = None) -> None:
    """A non-modal preview of `pdf` with Print and Save as PDF; `message` shows in its bar."""
    dialog = PreviewDialog(kind, title, pdf, store or settings_store(parent), parent)
    if message:
        dialog.message_bar.show_message(message, "error")
    dialog.show()


def print_document(parent: QWidget, kind: str, title: str, pdf: bytes, *,
                   store: Any = None) -> None:
    """`pdf` straight to the printer of `kind`, on the print lane. If it cannot print there
    (no usable printer, the printer does not start) the preview opens, saying why, so the user
    can choose another or save the PDF. The job answers to `parent`: gone with it, nothing
    opens."""
    store = store or settings_store(parent)
    job = _PrintJob(parent, kind, title, pdf, store)
    print_lane().submit(print_for_kind, kind, saved_choice(store, kind), pdf,
                        on_result=job.printed, on_error=job.not_printed)


class PrintFailed(Exception):
    """Why a document was not printed, in the user's language."""


def print_for_kind(kind: str, choice: dict, document: PdfPages | bytes) -> tuple[int, str]:
    """On the print lane: `document` (its pages, or the PDF, read here) on the printer and
    page of `choice`, saved for `kind`. Returns how many pages went where; raises
    PrintFailed."""
    problem = missing_printer_text(choice, kind)
    if problem:
        raise PrintFailed(problem)
    pages = document if isinstance(document, PdfPages) else PdfPages(document)
    return print_on(pages, configured_printer(choice, pages))


def print_on(pages: PdfPages, printer: QPrinter) -> tuple[int, str]:
    """On the print lane: every page on `printer`; how many went where (the printer, or the
    file of a print to file). Raises PrintFailed."""
    if not print_pages(pages, printer):
        raise PrintFailed(not_started_text(printer.printerName()))
    return pages.count, printer.outputFileName() or printer.printerName()


def not_printed_text(error: object) -> str:
    """What the user reads when a print job failed: PrintFailed says it; anything else is
    named."""
    if isinstance(error, PrintFailed):
        return str(error)
    return translate("Printing", "The document could not be printed: {reason}").format(
        reason=error)


def not_started_text(printer: str) -> str:
    return translate("Printing", "The printer \"{printer}\" could not be started. Check that "
                     "it is switched on, or save as PDF.").format(
        printer=printer or QPrinterInfo.defaultPrinterName())


class _PrintJob(QObject):
    """A `print_document` job waiting for the print lane, as a child of the widget that sent
    it (deleted with it: the answer is dropped then)."""

    def __init__(self, parent: QWidget, kind: str, title: str, pdf: bytes, store: Any):
        super().__init__(parent)
        self.kind, self.title, self.pdf, self.store = kind, title, pdf, store

    @Slot(int, object)
    def printed(self, _task_id: int, _sent: tuple) -> None:
        self.deleteLater()

    @Slot(int, object)
    def not_printed(self, _task_id: int, error: object) -> None:
        show_document(self.parent(), self.kind, self.title, self.pdf, store=self.store,
                      message=not_printed_text(error))
        self.deleteLater()


class PreviewDialog(QDialog):
    def __init__(self, kind: str, title: str, pdf: bytes, store: Any,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.kind, self.title, self.pdf, self.store = kind, title, bytes(pdf), store
        self.pages: PdfPages | None = None  # read on the render lane
        self._page, self._ratio = 0, 1.0
        self._rendering = self._shown = 0  # the lane's task ids: images asked for, on screen
        self.message_bar = MessageBar()
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.page_label = QLabel()
        self.page_label.setObjectName("previewPage")
        self.zoom = QComboBox()
        self.zoom.setObjectName("previewZoom")
        for factor in (FIT_WIDTH, WHOLE_PAGE, *ZOOMS):
            self.zoom.addItem("", factor)
        self.printer_label = QLabel()
        self.printer_label.setObjectName("previewPrinter")
        self.printer_button, self.print_button = QPushButton(), QPushButton()
        self.save_button, self.close_button = QPushButton(), QPushButton()
        self.print_button.setDefault(True)
        self.printer_button.setEnabled(False)  # until the pages are read
        self.print_button.setEnabled(False)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom.currentIndexChanged.connect(self.render_pages)
        self.printer_button.clicked.connect(self.choose_printer)
        self.print_button.clicked.connect(self.print_now)
        self.save_button.clicked.connect(self.ask_save)
        self.close_button.clicked.connect(self.close)
        for keys, slot in ((QKeySequence.StandardKey.Print, self.print_now),
                           (QKeySequence.StandardKey.Save, self.ask_save),
                           (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1))):
            QShortcut(QKeySequence(keys), self, slot)

        self.sheets = QWidget()
        self.sheets.setObjectName("previewSheets")
        self.sheets.setStyleSheet("#previewSheets { background: #8a8f96; }")
        sheets_layout = QVBoxLayout(self.sheets)
        sheets_layout.setSpacing(12)
        sheets_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_views: list[QLabel] = []
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sheets)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(self.scrolled)
        self._refit = QTimer(self, singleShot=True, interval=60, timeout=self.render_pages)

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button, self.zoom):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.printer_label, self.printer_button, self.print_button,
                       self.save_button, self.close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.resize(960, 720)
        self.retranslate_ui()
        render_lane().submit(PdfPages, self.pdf, on_result=self.pages_read,
                             on_error=self.not_rendered)

    # -- what the dialog shows ----------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("{title} - preview").format(title=self.title))
        self.previous_button.setText(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        for index, text in enumerate((self.tr("Fit width"), self.tr("Whole page"))):
            self.zoom.setItemText(index, text)
        for index, factor in enumerate(ZOOMS, start=2):
            self.zoom.setItemText(index, f"{factor:.0%}")
        self.zoom.setToolTip(self.tr("Zoom (Ctrl++ and Ctrl+-)"))
        self.printer_button.setText(self.tr("Printer..."))
        self.printer_button.setToolTip(
            self.tr("Choose the printer, page size and orientation for {kind} on this "
                    "workstation").format(kind=kind_name(self.kind)))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip("Ctrl+P")
        self.save_button.setText(self.tr("Save as PDF..."))
        self.save_button.setToolTip("Ctrl+S")
        self.close_button.setText(self.tr("Close"))
        for view in self.page_views:
            if view.pixmap().isNull():
                view.setText(self.tr("Rendering..."))
        self.show_choice()
        self.show_page_number()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_choice(self) -> None:
        if self.pages is not None:
            self.printer_label.setText(
                choice_text(saved_choice(self.store, self.kind), self.pages))

    def zoom_factor(self) -> float:
        factor = self.zoom.currentData()
        if factor in (FIT_WIDTH, WHOLE_PAGE):
            widest = max(self.pages.size_mm(i).width() for i in range(self.pages.count))
            tallest = max(self.pages.size_mm(i).height() for i in range(self.pages.count))
            viewport = self.scroll.viewport().size()
            fit = (viewport.width() - 40) / (widest / 25.4 * SCREEN_DPI)
            if factor == WHOLE_PAGE:
                fit = min(fit, (viewport.height() - 24) / (tallest / 25.4 * SCREEN_DPI))
            return max(fit, 0.1)
        return factor

    @Slot(int, object)
    def pages_read(self, _task_id: int, pages: PdfPages) -> None:
        """A sheet per page, "Rendering..." on it until its image comes; Print ready."""
        self.pages = pages
        for _index in range(pages.count):
            view = QLabel(self.tr("Rendering..."))
            view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            view.setContentsMargins(0, 96, 0, 0)  # in sight on a tall page; the image has none
            view.setStyleSheet("background: white; color: #5f6368;")
            self.sheets.layout().addWidget(view)
            self.page_views.append(view)
        self.printer_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
        self.show_choice()
        self.render_pages()

    def render_pages(self) -> None:
        """Each sheet sized for the zoom at once, its image asked of the render lane."""
        if self.pages is None or not self.isVisible():
            return  # showEvent renders: the fit needs the viewport
        self._ratio = self.devicePixelRatioF()
        dpi = SCREEN_DPI * self.zoom_factor()
        for index, view in enumerate(self.page_views):
            size = self.pages.size_mm(index)
            view.setFixedSize(round(size.width() / 25.4 * dpi),
                              round(size.height() / 25.4 * dpi))
        self._rendering = render_lane().submit(self.pages.images, dpi * self._ratio,
                                               on_result=self.rendered,
                                               on_error=self.not_rendered)
        self.show_page_number()

    @Slot(int, object)
    def rendered(self, task_id: int, images: list) -> None:
        if task_id != self._rendering:
            return  # the zoom or the size changed since: newer images are coming
        for view, image in zip(self.page_views, images):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self._ratio)
            view.setContentsMargins(0, 0, 0, 0)
            view.setPixmap(pixmap)
            view.setFixedSize(pixmap.deviceIndependentSize().toSize())
        self._shown = task_id

    def is_rendered(self) -> bool:
        """Every page on screen as the zoom and the size ask now."""
        return self._rendering != 0 and self._shown == self._rendering

    @Slot(int, object)
    def not_rendered(self, _task_id: int, error: object) -> None:
        self.message_bar.show_message(self.tr("The pages cannot be shown: {reason}").format(
            reason=error), "error")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render_pages()  # fitted to the viewport, known only now

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible() and self.zoom.currentData() in (FIT_WIDTH, WHOLE_PAGE):
            self._refit.start()

    def step_zoom(self, step: int) -> None:
        self.zoom.setCurrentIndex(max(0, min(self.zoom.count() - 1,
                                             self.zoom.currentIndex() + step)))

    def page_tops(self) -> list[int]:
        # from the sizes, not the geometry: right before the layout has run too
        layout = self.sheets.layout()
        top, tops = layout.contentsMargins().top(), []
        for view in self.page_views:
            tops.append(top)
            top += view.height() + layout.spacing()
        return tops

    def current_page(self) -> int:
        return self._page

    def scrolled(self) -> None:
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        self._page = max([i for i, top in enumerate(self.page_tops()) if top <= middle],
                         default=0)
        self.show_page_number()

    def go_to(self, index: int) -> None:
        """Page `index` at the top, as far as the scroll bar goes: with all pages in view,
        the page counter still follows Next and Previous."""
        if self.pages is None:
            return
        index = max(0, min(self.pages.count - 1, index))
        self.scroll.verticalScrollBar().setValue(self.page_tops()[index] - 6)
        self._page = index
        self.show_page_number()

    def show_page_number(self) -> None:
        count = self.pages.count if self.pages is not None else 0
        self.page_label.setText(self.tr("Page {page} of {count}").format(
            page=self._page + 1, count=count) if count else self.tr("Rendering..."))
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < count - 1)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.go_to(self.current_page() + (1 if event.key() == Qt.Key.Key_PageDown else -1))
            return
        super().keyPressEvent(event)

    # -- printing and saving ------------------------------------------------------------------
    def print_now(self) -> None:
        """To the printer of this kind; without one, the printer dialog first."""
        if self.pages is None:
            return  # Print is greyed until the pages are read (Ctrl+P too)
        choice = saved_choice(self.store, self.kind)
        if not (choice.get("printer") or QPrinterInfo.defaultPrinterName()):
            self.choose_printer()
            return
        print_lane().submit(print_for_kind, self.kind, choice, self.pages,
                            on_result=self.printed, on_error=self.not_printed)

    def choose_printer(self) -> None:
        """The system's print dialog on this kind's printer and page; what is chosen there is
        remembered for the kind, and the document printed."""
        if self.pages is None:
            return
        self._printer = configured_printer(saved_choice(self.store, self.kind), self.pages)
        dialog = QPrintDialog(self._printer, self)
        dialog.setObjectName("printDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.printer_chosen)
        QDialog.open(dialog)  # PySide's QPrintDialog.open wants a receiver

    def printer_chosen(self) -> None:
        native = self._printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        # "print to file" chosen in the dialog: keep the page, not a printer that is none
        name = (self._printer.printerName() if native
                else saved_choice(self.store, self.kind).get("printer", ""))
        remember_choice(self.store, self.kind, name, self._printer.pageLayout())
        self.show_choice()
        print_lane().submit(print_on, self.pages, self._printer, on_result=self.printed,
                            on_error=self.not_printed)

    @Slot(int, object)
    def printed(self, _task_id: int, sent: tuple[int, str]) -> None:
        count, where = sent
        self.message_bar.show_message(self.tr("Pages sent to {printer}: {count}.").format(
            printer=where, count=count))

    @Slot(int, object)
    def not_printed(self, _task_id: int, error: object) -> None:
        self.message_bar.show_message(not_printed_text(error), "error")

    def ask_save(self) -> None:
        folder = self.store.load().get("print_folder") or str(Path.home())
        name = re.sub(r'[\\/:*?"<>|]+', "_", self.title).strip() or self.kind
        dialog = QFileDialog(self, self.tr("Save as PDF"), str(Path(folder) / f"{name}.pdf"),
                             self.tr("PDF documents (*.pdf)"))
        dialog.setObjectName("saveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_to)
        dialog.open()

    def save_to(self, path: str) -> bool:
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            self.message_bar.show_message(self.tr("Could not save {path}: {reason}").format(
                path=path, reason=exc.strerror or exc), "error")
            return False
        settings = self.store.load()
        settings["print_folder"] = str(Path(path).parent)
        self.store.save(settings)
        self.message_bar.show_message(self.tr("Saved to {path}.").format(path=path))
        return True

