"""Excel exports (DESIGN §7): every list to .xlsx with translated headers, number and date
formats, a frozen header row, an auto-filter and sensible column widths.

Workbooks are written in openpyxl's write-only mode and fed by the chunked queries of
`dms.reports.exports`, so a dealership-sized export never holds a table in memory. Times are
stored as aware UTC; Excel has no time zones, so cells get naive local time.
"""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dms.errors import DomainError, ValidationError
from dms.permissions import require
from dms.reports import headers
from dms.reports.cells import text_cell
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
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGN = Alignment(vertical="center", wrap_text=False)


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
    """One write-only sheet: header, styled cells, widths set before the first row."""

    def __init__(self, wb: Workbook, sheet: SheetDef, lang: str):
        self.columns, self.lang = sheet.columns, lang
        self.ws = wb.create_sheet(headers.sheet(sheet.key, lang)[:31])
        self.yes, self.no = headers.label("yes", lang), headers.label("no", lang)
        titles = [headers.column(c.key, lang) for c in self.columns]
        for n, (col, title) in enumerate(zip(self.columns, titles), start=1):
            words = headers.VALUES.get(col.key, {}).values()
            width = max(col.width or NUMBERS.get(col.key) or WIDTHS.get(col.kind, 12),
                        display_width(title) + 4,
                        *(display_width(w[0 if lang.startswith("zh") else 1]) + 2 for w in words))
            self.ws.column_dimensions[get_column_letter(n)].width = min(width, 60)
        self.ws.freeze_panes = "A2"  # must be set before rows: write-only writes views first
        self.ws.append([self._styled(t, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN)
                        for t in titles])
        self.rows = 0

    def _styled(self, value, number_format: str | None = None, **style) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=value)
        if number_format:
            cell.number_format = number_format
        for name, val in style.items():
            setattr(cell, name, val)
        return cell

    def _cell(self, value, col):
        if value is None:
            return None
        kind = col.kind
        if col.key in headers.VALUES:  # a code (CLOSED, body_paint, wechat): its word
            value = headers.value(col.key, value, self.lang)
        if kind == "bool":
            return self.yes if value else self.no
        if isinstance(value, datetime):
            value = local_naive(value) if value.tzinfo else value
        fmt = FORMATS.get(kind)
        if fmt and isinstance(value, (Decimal, int, date, datetime)):
            return self._styled(value, fmt)
        return text_cell(self.ws, value)

    def append(self, row: tuple) -> None:
        self.ws.append([self._cell(v, c) for v, c in zip(row, self.columns)])
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


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
    # A missing folder fails before streaming: a save that fails leaves openpyxl's writers
    # open, and they complain at exit. (`path` may also be a file object.)
    if isinstance(path, (str, os.PathLike)) and not Path(path).absolute().parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    wb = Workbook(write_only=True)
    total = 0
    try:
        with db.reading() as s:
            require(s, actor, f"export.{name}")
            for sheet in sheets:
                writer = _SheetWriter(wb, sheet, lang)
                _tell(progress, cancelled, total)
                for row in sheet.rows(s, scope):
                    writer.append(row)
                    if writer.rows % CHUNK == 0:
                        _tell(progress, cancelled, total + writer.rows)
                writer.finish()
                total += writer.rows
    except BaseException:
        for ws in wb.worksheets:  # end the write-only sheets' writers (openpyxl removes
            ws.close()            # their temporary files at exit)
        raise
    _tell(progress, cancelled, total)
    wb.save(path)
    return total


def _tell(progress, cancelled, rows: int) -> None:
    if cancelled is not None and cancelled():
        raise DomainError("export.cancelled", "The export was cancelled; no file was written.")
    if progress is not None:
        progress(rows)
