"""The print preview on the real widgets: pages rendered and counted, zoom, printing to the
printer saved for the document kind (a PDF-file QPrinter stands in for the device), the page
size remembered per kind, save as PDF, a missing printer as a message, never a crash, and the
rendering and the printing off the GUI thread."""

import io
import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdfium2 as pdfium
import pytest
import shiboken6
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QPageLayout, QPageSize
from PySide6.QtWidgets import QWidget
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from dms.ui.common import pdf_pages, printing
from dms.ui.common.printing import MemoryStore, PreviewDialog, print_document, show_document
import pdf_printers as pdf_printer_files


class Store:
    def __init__(self, settings=None):
        self.settings = settings or {}

    def load(self):
        return dict(self.settings)

    def save(self, settings):
        self.settings = dict(settings)


def _pdf(pages: int, size=A4) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=size)
    for number in range(1, pages + 1):
        sheet.rect(10, 10, size[0] - 20, size[1] - 20, fill=1)  # black: visibly rendered
        sheet.drawString(20, size[1] - 30, f"page {number}")
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


@pytest.fixture
def pdf_printers(monkeypatch, tmp_path):
    """The workstation has the printers named; each "prints" to a PDF file in tmp_path."""
    return lambda *names: pdf_printer_files.install(monkeypatch, tmp_path, *names)


def _preview(qtbot, parent) -> PreviewDialog:
    """The preview once its pages are on screen (they render off the GUI thread)."""
    qtbot.waitUntil(lambda: parent.findChild(PreviewDialog) is not None)
    dialog = parent.findChild(PreviewDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.is_rendered)
    return dialog


def _sent(qtbot) -> None:
    """Every print job sent so far has been printed and answered."""
    qtbot.waitUntil(lambda: not printing.print_lane().busy)


def _printed(path) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(path)
    sizes = [tuple(round(v / 72 * 25.4) for v in doc.get_page_size(i)) for i in range(len(doc))]
    doc.close()
    return sizes


def test_preview_shows_the_pages_and_zooms(qtbot, parent):
    show_document(parent, "settlement", "INV-1", _pdf(3), store=Store())
    dialog = _preview(qtbot, parent)
    assert not dialog.isModal()
    assert dialog.page_label.text() == "Page 1 of 3"
    assert len(dialog.page_views) == 3
    image = dialog.page_views[0].pixmap().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor("black")
    assert not dialog.previous_button.isEnabled()
    width = dialog.page_views[0].width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(0.5))
    assert dialog.page_views[0].width() < width * 0.75  # the sheet at once, its image after
    qtbot.waitUntil(dialog.is_rendered)
    assert dialog.page_views[0].pixmap().deviceIndependentSize().width() < width * 0.75
    dialog.next_button.click()
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Page 3 of 3")
    assert not dialog.next_button.isEnabled()


def test_print_goes_to_the_kinds_printer_on_its_saved_page(qtbot, parent, pdf_printers):
    made = pdf_printers("Office A4", "Roll 80")
    store = Store({"printers": {"settlement-receipt": {"printer": "Roll 80", "width_mm": 80,
                                                       "height_mm": 200, "landscape": False}}})
    show_document(parent, "settlement-receipt", "INV-2", _pdf(2, (80 * mm, 150 * mm)),
                  store=store)
    dialog = _preview(qtbot, parent)
    assert "Roll 80" in dialog.printer_label.text()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.message_bar.text().endswith(": 2."))
    assert dialog.message_bar.level == "info"
    assert made[-1][0] == "Roll 80"
    assert _printed(made[-1][1]) == [(80, 200), (80, 200)]


def test_without_a_saved_page_the_document_prints_on_its_own(qtbot, parent, pdf_printers):
    made = pdf_printers("Office A4")
    store = Store({"printers": {"gatepass": {"printer": "Office A4"}}})
    print_document(parent, "gatepass", "GP-1", _pdf(1), store=store)
    _sent(qtbot)
    assert parent.findChild(PreviewDialog) is None  # straight to the printer, no preview
    assert _printed(made[-1][1]) == [(210, 297)]


def test_the_choice_is_remembered_per_kind(qtbot, parent):
    store = Store({"printers": {"settlement": {"printer": "Office A4", "width_mm": 210,
                                               "height_mm": 297, "landscape": False}}})
    label = QPageLayout(QPageSize(QSizeF(60, 40), QPageSize.Unit.Millimeter),
                        QPageLayout.Orientation.Landscape, QMarginsF())
    printing.remember_choice(store, "labels", "Label 60", label)
    choices = store.settings["printers"]
    assert choices["settlement"]["printer"] == "Office A4"  # the other kind is untouched
    assert choices["labels"] == {"printer": "Label 60", "width_mm": 40, "height_mm": 60,
                                 "landscape": True}
    layout = printing.page_layout(choices["labels"], printing.PdfPages(_pdf(1)))
    assert layout.fullRect(QPageLayout.Unit.Millimeter).size() == QSizeF(60, 40)


def test_a_missing_printer_is_a_message(qtbot, parent, pdf_printers):
    made = pdf_printers("Office A4")
    store = Store({"printers": {"settlement": {"printer": "Counter HP"}}})
    print_document(parent, "settlement", "INV-3", _pdf(1), store=store)
    dialog = _preview(qtbot, parent)  # the preview opens instead, saying why
    assert dialog.message_bar.level == "error"
    assert "Counter HP" in dialog.message_bar.text()
    assert "Settlement slip" in dialog.message_bar.text()
    dialog.message_bar.clear()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "Counter HP" in dialog.message_bar.text())
    assert dialog.message_bar.level == "error"
    assert not any(os.path.exists(path) for _name, path in made)


def test_no_printer_at_all_asks_for_one(qtbot, parent, pdf_printers, monkeypatch):
    pdf_printers()
    monkeypatch.setattr(printing.QPrinterInfo, "defaultPrinterName", staticmethod(lambda: ""))
    show_document(parent, "labels", "Labels", _pdf(1), store=Store())
    dialog = _preview(qtbot, parent)
    assert "No printer chosen" in dialog.printer_label.text()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.findChild(QWidget, "printDialog") is not None)
    dialog.findChild(QWidget, "printDialog").reject()


def test_save_as_pdf_writes_the_document(qtbot, parent, tmp_path):
    pdf = _pdf(2)
    store = Store()
    show_document(parent, "refund", "RF/1", pdf, store=store)
    dialog = _preview(qtbot, parent)
    dialog.save_button.click()
    file_dialog = dialog.findChild(QWidget, "saveDialog")
    assert file_dialog.selectedFiles()[0].endswith("RF_1.pdf")
    file_dialog.reject()
    assert dialog.save_to(str(tmp_path / "refund.pdf"))
    assert (tmp_path / "refund.pdf").read_bytes() == pdf
    assert store.settings["print_folder"] == str(tmp_path)
    assert not dialog.save_to(str(tmp_path / "no" / "such" / "folder.pdf"))
    assert dialog.message_bar.level == "error"


def test_the_main_windows_store_is_used(qtbot, open_window, demo_db):
    from dms.auth import authenticate

    store = Store()
    window = open_window(demo_db, authenticate(demo_db, "cashier1", "demo123"), store)
    assert printing.settings_store(window.centralWidget()) is store
    assert isinstance(printing.settings_store(None), MemoryStore)


def test_the_pages_render_off_the_gui_thread_one_at_a_time(qtbot, parent, monkeypatch):
    calls, active, most = [], [0], [0]
    opened = pdf_pages.pdfium.PdfDocument

    def counted(*args, **kwargs):  # every PDFium document opened: which thread, how many at once
        active[0] += 1
        most[0] = max(most[0], active[0])
        calls.append(threading.get_ident())
        try:
            return opened(*args, **kwargs)
        finally:
            active[0] -= 1

    monkeypatch.setattr(pdf_pages.pdfium, "PdfDocument", counted)
    for number in (1, 2, 3):  # three previews at once, as the cashier's documents open
        show_document(parent, "settlement", f"INV-{number}", _pdf(2), store=Store())
    qtbot.waitUntil(lambda: len(parent.findChildren(PreviewDialog)) == 3)
    dialogs = parent.findChildren(PreviewDialog)
    qtbot.waitUntil(lambda: all(dialog.is_rendered() for dialog in dialogs))
    assert all(dialog.page_label.text() == "Page 1 of 2" for dialog in dialogs)
    assert len(calls) == 3 * (1 + 2)  # each: its pages read, then each page rendered
    assert threading.get_ident() not in calls and len(set(calls)) == 1 and most[0] == 1


def test_rendering_shows_in_place_and_closing_before_the_end_is_safe(qtbot, parent, monkeypatch):
    release = threading.Event()
    images = pdf_pages.PdfPages.images

    def slow(self, dpi):  # the render lane held up until the test lets it go
        release.wait(10)
        return images(self, dpi)

    monkeypatch.setattr(pdf_pages.PdfPages, "images", slow)
    show_document(parent, "settlement", "INV-4", _pdf(2), store=Store())
    dialog = parent.findChild(PreviewDialog)
    qtbot.waitUntil(lambda: len(dialog.page_views) == 2)
    assert all(view.text() == "Rendering..." and view.pixmap().isNull()
               for view in dialog.page_views)
    assert dialog.page_views[0].width() > 300  # the sheet already has its size
    assert dialog.page_label.text() == "Page 1 of 2" and dialog.print_button.isEnabled()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(0.5))  # the window answers meanwhile
    dialog.close()  # deleted on close, its images still on the way
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    release.set()
    qtbot.waitUntil(lambda: not printing.render_lane().busy)  # both renders delivered: no crash
    show_document(parent, "settlement", "INV-5", _pdf(1), store=Store())
    assert _preview(qtbot, parent).page_label.text() == "Page 1 of 1"  # the lane still works


def test_printing_runs_off_the_gui_thread_and_draws_each_page_in_bands(qtbot, parent,
                                                                        pdf_printers,
                                                                        monkeypatch):
    made = pdf_printers("Office A4")
    threads = []
    print_pages = printing.print_pages

    def counted(pages, printer):
        threads.append(threading.get_ident())
        return print_pages(pages, printer)

    monkeypatch.setattr(printing, "print_pages", counted)
    store = Store({"printers": {"gatepass": {"printer": "Office A4"},
                                "settlement": {"printer": "Office A4"}}})
    print_document(parent, "settlement", "INV-6", _pdf(2), store=store)  # the cashier's pair
    print_document(parent, "gatepass", "GP-6", _pdf(1), store=store)
    _sent(qtbot)
    assert len(threads) == 2 and threading.get_ident() not in threads
    assert [_printed(path) for _name, path in made] == [[(210, 297)] * 2, [(210, 297)]]
    doc = pdfium.PdfDocument(made[0][1])
    page = doc[1]
    bands = list(page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
    assert len(bands) > 10  # each a few ms of the interpreter lock
    image = page.render(scale=1).to_pil().convert("L")
    width, height = image.size
    # the black sheet of `_pdf` printed whole: the top, the middle and the bottom band
    assert all(image.getpixel((width // 2, round(height * y))) < 64 for y in (0.05, 0.5, 0.95))
    page.close()
    doc.close()


def test_a_printer_that_does_not_start_or_fails_is_a_message(qtbot, parent, pdf_printers,
                                                             monkeypatch):
    pdf_printers("Office A4")
    monkeypatch.setattr(printing, "print_pages", lambda pages, printer: False)
    store = Store({"printers": {"settlement": {"printer": "Office A4"}}})
    print_document(parent, "settlement", "INV-7", _pdf(1), store=store)
    dialog = _preview(qtbot, parent)  # the preview, saying why
    assert dialog.message_bar.level == "error"
    assert "could not be started" in dialog.message_bar.text()

    def broken(pages, printer):
        raise OSError("the spool is full")

    monkeypatch.setattr(printing, "print_pages", broken)
    dialog.message_bar.clear()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "the spool is full" in dialog.message_bar.text())
    assert dialog.message_bar.text().startswith("The document could not be printed")
    assert dialog.message_bar.level == "error"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_document_kind_has_a_name(request, qapp, language):
    """The preview's printer lines name the document, never its code (transfer, jobcard...)."""
    from dms.reports.documents import KINDS

    if language == "zh_CN":
        request.getfixturevalue("zh_cn")
    assert all(printing.kind_name(kind) != kind for kind in KINDS)
    assert printing.kind_name("transfer") == {"en": "Transfer note", "zh_CN": "调拨单"}[language]
