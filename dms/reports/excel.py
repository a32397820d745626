"""Excel exports (DESIGN §7): every list to .xlsx with translated headers, number and date
formats, a frozen header row, an auto-filter and sensible column widths.

Workbooks are written by XlsxWriter in constant-memory mode (each row to disk as it comes;
openpyxl's write-only mode took twice the time, most of it building and writing cells) and
fed by the chunked queries of `dms.reports.exports`, so a dealership-sized export never holds a
table in memory. Times are
stored as aware UTC; Excel has no time zones, so cells get naive local time.
"""

from __future__ import annotations

import errno
import os
import tempfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from openpyxl.styles import Font, PatternFill
from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError

from dms.errors import DomainError, ValidationError
from dms.permissions import require
from dms.reports import headers
from dms.reports.cells import risky
from dms.reports.exports import DEFINITIONS, Scope, SheetDef

EXPORTS: tuple[str, ...] = tuple(DEFINITIONS)

FORMATS = {
    "money": "#,##0.00",
    "cost": "#,##0.0000",
    "hours": "0.00",
    "datetime": "yyyy-mm-dd hh:mm",
    "date": "yyyy-mm-dd",
}
WIDTHS = {"money": 14, "cost": 14, "hours": 10, "qty": 10, "int": 10, "datetime": 17,
          "date": 12, "bool": 8, "text": 12}
# Numbers as printed (WO2026000001): a default text column of 12 cuts them.
NUMBERS = {"work_order_number": 16, "appointment_number": 16, "complaint_number": 16,
           "invoice_no": 16}
CHUNK = 1000  # rows between two progress reports (and cancel checks)
HEADER_FONT = Font(bold=True)  # the day-end workbook's (openpyxl) header, as the exports'
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def local_naive(value: datetime) -> datetime:
    """Aware (UTC) → the machine's local wall-clock time without tzinfo, to the second."""
    return value.astimezone().replace(tzinfo=None, microsecond=0)


def local_bound(value: date | datetime | None, end: bool = False) -> datetime | None:
    """A date means that local day (`end`: up to the end of it); a naive datetime is local."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        if not isinstance(value, date):
            raise ValidationError("export.bad_date", "Not a date: {value}", value=value)
        value = datetime.combine(value + timedelta(days=1) if end else value, time.min)
    return value.astimezone() if value.tzinfo is None else value


def display_width(text: str) -> int:
    """Columns a header needs: CJK characters are two wide."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


class _SheetWriter:
    """One sheet of an XlsxWriter workbook in constant-memory mode (rows go to disk as they
    come): header, formats per kind, widths, frozen header row, auto-filter."""

    def __init__(self, wb, formats: dict, sheet: SheetDef, lang: str):
        self.columns, self.lang, self.formats = sheet.columns, lang, formats
        self.ws = wb.add_worksheet(headers.sheet(sheet.key, lang)[:31])
        self.yes, self.no = headers.label("yes", lang), headers.label("no", lang)
        titles = [headers.column(c.key, lang) for c in self.columns]
        for n, (col, title) in enumerate(zip(self.columns, titles)):
            words = headers.VALUES.get(col.key, {}).values()
            width = max(col.width or NUMBERS.get(col.key) or WIDTHS.get(col.kind, 12),
                        display_width(title) + 4,
                        *(display_width(w[0 if lang.startswith("zh") else 1]) + 2 for w in words))
            self.ws.set_column(n, n, min(width, 60))
        self.ws.freeze_panes(1, 0)
        for n, title in enumerate(titles):
            self.ws.write_string(0, n, title, formats["header"])
        self.rows = 0
        # per column: how its values are written (the kind's format, a code's word, yes/no)
        self._plan = [(col.key in headers.VALUES, col.kind, formats.get(col.kind))
                      for col in self.columns]

    def append(self, row: tuple) -> None:
        self.rows += 1
        ws, r = self.ws, self.rows
        for n, (value, (coded, kind, fmt)) in enumerate(zip(row, self._plan)):
            if value is None:
                continue
            if coded:  # a code (CLOSED, body_paint, wechat): its word
                value = headers.value(self.columns[n].key, value, self.lang)
            if kind == "bool":
                ws.write_string(r, n, self.yes if value else self.no)
            elif isinstance(value, str):  # user text stays text, never a formula (DESIGN §10)
                ws.write_string(r, n, value, self.formats["quoted"] if risky(value) else None)
            elif isinstance(value, datetime):
                ws.write_datetime(r, n, local_naive(value) if value.tzinfo else value,
                                  fmt or self.formats["datetime"])
            elif isinstance(value, date):
                ws.write_datetime(r, n, value, fmt or self.formats["date"])
            elif isinstance(value, (Decimal, int)):
                ws.write_number(r, n, value, fmt)
            else:
                ws.write_string(r, n, str(value))

    def finish(self) -> None:
        self.ws.autofilter(0, 0, self.rows, len(self.columns) - 1)


def _formats(wb) -> dict:
    made = {kind: wb.add_format({"num_format": fmt}) for kind, fmt in FORMATS.items()}
    made["header"] = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "valign": "vcenter"})
    made["quoted"] = wb.add_format({"quote_prefix": True})
    return made


def sheets_for(name: str) -> tuple[SheetDef, ...]:
    try:
        return DEFINITIONS[name]
    except (KeyError, TypeError):
        raise ValidationError("export.unknown", "Unknown export {name}; one of: {known}.",
                              name=name, known=", ".join(EXPORTS)) from None


def export(db, actor, name: str, path, lang: str = "zh_CN", since=None, until=None,
           progress=None, cancelled=None) -> int:
    """Write export `name` of the actor's store to `path` (a file name or a binary file object);
    returns the data rows written over all sheets (headers not counted).

    `since`/`until` (dates: whole local days, both inclusive; datetimes: [since, until)) filter
    by the natural time of each list: customers and vehicles by creation, appointments by
    booked time, work orders (and lines) by entry, movements by time, settlements (and
    payments) by settlement time (pre-settlement time while unsettled), follow-ups by due time,
    complaints by creation. Parts with stock ignore the range.

    `progress(rows)` is told the rows written so far, at the start and every thousand rows
    (from the worker thread: a screen passes a signal's emit); when `cancelled()` turns true
    the export stops there, writes nothing and raises "export.cancelled".
    """
    sheets = sheets_for(name)
    scope = Scope(actor.store_id, local_bound(since), local_bound(until, end=True))
    # A missing folder fails before streaming (`path` may also be a file object).
    if isinstance(path, (str, os.PathLike)) and not Path(path).absolute().parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    # XlsxWriter writes the file only at close(): a refused or cancelled export leaves none;
    # the sheets' rows wait in temporary files of a folder of our own, removed in any case.
    with tempfile.TemporaryDirectory(prefix="dms-export-", ignore_cleanup_errors=True) as tmp:
        wb = Workbook(path, {"constant_memory": True, "tmpdir": tmp,
                             "strings_to_formulas": False, "strings_to_numbers": False,
                             "strings_to_urls": False})
        try:
            total = _write(wb, db, actor, name, sheets, scope, lang, progress, cancelled)
            wb.close()
        except FileCreateError as error:  # the OSError behind it: the window says what it was
            raise error.args[0] from None
        finally:
            for ws in wb.worksheets():  # a sheet's row file stays open until the workbook closes
                if getattr(ws, "row_data_fh", None) is not None and not ws.row_data_fh.closed:
                    ws.row_data_fh.close()
    return total


def _write(wb, db, actor, name, sheets, scope, lang, progress, cancelled) -> int:
    formats, total = _formats(wb), 0
    with db.reading() as s:
        require(s, actor, f"export.{name}")
        for sheet in sheets:
            writer = _SheetWriter(wb, formats, sheet, lang)
            _tell(progress, cancelled, total)
            for row in sheet.rows(s, scope):
                writer.append(row)
                if writer.rows % CHUNK == 0:
                    _tell(progress, cancelled, total + writer.rows)
            writer.finish()
            total += writer.rows
    _tell(progress, cancelled, total)
    return total


def _tell(progress, cancelled, rows: int) -> None:
    if cancelled is not None and cancelled():
        raise DomainError("export.cancelled", "The export was cancelled; no file was written.")
    if progress is not None:
        progress(rows)
