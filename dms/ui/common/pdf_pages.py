"""The pages of a document PDF as images, for the preview and for a printer.

pypdfium2 (PDFium, the renderer of Chromium) does the rendering: it ships self-contained wheels
for Linux, Windows and macOS, so a workstation needs nothing installed beside the application,
and it renders a page in a few milliseconds in-process (a `pdftoppm` subprocess per page would
be slower and is Debian-only). PySide6's own QtPdf is in PySide6-Addons, which the application
does not otherwise need. PDFium is not thread-safe: every call into it here holds one lock,
whichever thread makes it (the preview renders on its own lane, `printing.render_lane`, and a
printer is fed on `printing.print_lane`).

Qt lets a worker thread paint on a QPrinter or a QImage ("Thread-Support in Qt Modules":
QPainter in threads, one thread per paint device), but PySide6 keeps Python's interpreter lock
through every Qt call, and drawing a whole 300 dpi page on a printer (the PDF engine encodes
it) is one call of 40-130 ms, which the GUI thread would wait out before its next Python slot.
A page is therefore drawn in bands of about `BAND_PIXELS`, each call a few milliseconds.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

POINT_MM = 25.4 / 72
PRINT_DPI = 300  # enough for a barcode on a laser printer; a receipt printer asks for less
BAND_PIXELS = 150_000  # one drawImage call's share of a page: 2-3 ms holding the interpreter lock
_pdfium = threading.Lock()  # held around every use of PDFium, which is not thread-safe


class PdfPages:
    """A PDF held open for rendering; `count`, each page's size in millimetres, its image."""

    def __init__(self, pdf: bytes):
        # opened for each use and closed at once: a preview is closed or deleted with its
        # parent at any time, and PDFium's handles must not outlive it
        self._pdf = bytes(pdf)
        with _pdfium:
            doc = pdfium.PdfDocument(self._pdf)
            try:
                self.count = len(doc)
                self._sizes = [doc.get_page_size(i) for i in range(self.count)]
            finally:
                doc.close()

    def size_mm(self, index: int) -> QSizeF:
        width, height = self._sizes[index]
        return QSizeF(width * POINT_MM, height * POINT_MM)

    def image(self, index: int, dpi: float) -> QImage:
        """Page `index` at `dpi`: a QImage, which (unlike a QPixmap) may be made off the GUI
        thread."""
        with _pdfium:
            doc = pdfium.PdfDocument(self._pdf)
            page = doc[index]
            try:
                bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255),
                                     force_bitmap_format=pdfium_c.FPDFBitmap_BGRx)
                # BGRx in memory is Qt's RGB32 on a little-endian machine; copy() owns the
                # pixels before PDFium frees its buffer
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGB32).copy()
                bitmap.close()
            finally:
                page.close()
                doc.close()
        return image

    def images(self, dpi: float) -> list[QImage]:
        return [self.image(index, dpi) for index in range(self.count)]


def print_pages(pages: PdfPages, printer: QPrinter) -> bool:
    """Every page on `printer`, each scaled to fit its paintable area and kept at the top left
    (a receipt roll is cut after the last line, not centred on a page), drawn in bands of
    whole rows. False if the printer could not be started. Made for a worker thread: the
    printer is this thread's alone until the call returns."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for index in range(pages.count):
            if index:
                printer.newPage()
            image = pages.image(index, dpi)
            area = QRectF(painter.window())
            scale = min(area.width() / image.width(), area.height() / image.height())
            # an image rendered at the printer's own resolution is drawn 1:1, never enlarged
            scale = min(scale, printer.resolution() / dpi)
            rows = max(16, BAND_PIXELS // image.width() // 16 * 16)  # whole blocks of 16 rows
            for top in range(0, image.height(), rows):
                band = QRectF(0, top, image.width(), min(rows, image.height() - top))
                painter.drawImage(QRectF(band.topLeft() * scale, band.size() * scale), image,
                                  band)
    finally:
        painter.end()
    return True
