"""Excel exports (DESIGN §7): every list to .xlsx with translated headers, number and date
formats, a frozen header row, an auto-filter and sensible column widths.

Workbooks are made by XlsxWriter in constant-memory mode, each row's XML written to disk as
it comes (`_SheetWriter`; openpyxl's write-only mode took twice XlsxWriter's time, most of it
building and writing cells), and fed by the chunked queries of `dms.reports.exports`, so a
dealership-sized export never holds a table in memory. Times are stored as aware UTC; Excel
has no time zones, so cells get naive local time.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from openpyxl.styles import Font, PatternFill
from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name

from dms.errors import DomainError, ValidationError
from dms.permissions import require
from dms.reports import headers
from dms.reports.cells import RISKY
from dms.reports.exports import DEFINITIONS, Col, Scope, SheetDef

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
MAX_ROWS = 1_048_576  # rows of an Excel sheet, the header's included
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
    """One sheet of an XlsxWriter workbook in constant-memory mode: XlsxWriter makes the sheet,
    its formats, widths, frozen header row and auto-filter; the rows' XML is written here.

    XlsxWriter's own cell path (a call, a check and a named tuple per cell, then an XML writer
    call per attribute) was 4.3 of the 4.8 s of CPU a month of work orders took (43,000 rows,
    640,000 cells). Each row is now one string, from a writer per column chosen once, appended
    to the worksheet's constant-memory row file exactly as XlsxWriter writes it there: a `<row>`
    of inline strings and numbers, the same escapes, whitespace flag, date serials and style
    indexes (tests/test_exports.py compares the sheet XML with XlsxWriter's own, byte by byte).
    What this relies on of XlsxWriter's insides: the row file (`row_data_fh`), the dimension
    check (`_check_dimensions`) and a format's style index (`_get_xf_index`).
    """

    def __init__(self, wb, formats: _Formats, sheet: SheetDef, lang: str):
        self.columns = sheet.columns
        self.ws = wb.add_worksheet(headers.sheet(sheet.key, lang)[:31])
        zh = lang.startswith("zh")
        titles = [headers.column(c.key, lang) for c in self.columns]
        for n, (col, title) in enumerate(zip(self.columns, titles)):
            words = headers.VALUES.get(col.key, {}).values()
            width = max(col.width or NUMBERS.get(col.key) or WIDTHS.get(col.kind, 12),
                        display_width(title) + 4,
                        *(display_width(w[0 if zh else 1]) + 2 for w in words))
            self.ws.set_column(n, n, min(width, 60))
        self.ws.freeze_panes(1, 0)
        self._write = self.ws.row_data_fh.write
        letters = [xl_col_to_name(n) for n in range(len(self.columns))]
        header = formats.styles[formats["header"]]
        self._write('<row r="1">' + "".join(
            _string(f"{letter}1", title, header) for letter, title in zip(letters, titles))
            + "</row>")
        self.ws._check_dimensions(0, 0)
        self.rows = 0
        yes_no = (headers.label("no", lang), headers.label("yes", lang))
        self._cells = [self._cell(col, letter, formats, zh, yes_no)
                       for col, letter in zip(self.columns, letters)]

    @staticmethod
    def _cell(col: Col, letter: str, formats: _Formats, zh: bool, yes_no: tuple[str, str]):
        """How column `col`'s values become cells: (value, row number) → the cell's XML."""
        if col.kind == "bool":
            return lambda value, r: _string(f"{letter}{r}", yes_no[bool(value)], "")
        style, fmt = formats.styles, formats.get(col.kind)
        quoted = formats["quoted"]
        datetime_fmt, date_fmt = fmt or formats["datetime"], fmt or formats["date"]
        words = {code: names[0 if zh else 1]
                 for code, names in headers.VALUES.get(col.key, {}).items()}

        def cell(value, r):
            if words and isinstance(value, str):  # a code (CLOSED, body_paint, wechat): its word
                value = words.get(value, value)
            if isinstance(value, str):  # user text stays text, never a formula (DESIGN §10)
                return _string(f"{letter}{r}", value,
                               style[quoted] if value.startswith(RISKY) else "")
            if isinstance(value, datetime):
                serial = _serial(local_naive(value) if value.tzinfo else value)
                return f'<c r="{letter}{r}"{style[datetime_fmt]}><v>{serial:.16G}</v></c>'
            if isinstance(value, date):
                serial = _serial(datetime.fromordinal(value.toordinal()))
                return f'<c r="{letter}{r}"{style[date_fmt]}><v>{serial:.16G}</v></c>'
            if isinstance(value, (Decimal, int)):
                return f'<c r="{letter}{r}"{style[fmt]}><v>{value:.16G}</v></c>'
            return _string(f"{letter}{r}", str(value), "")
        return cell

    def append(self, row: tuple) -> None:
        if self.rows + 1 >= MAX_ROWS:
            raise DomainError("export.too_many_rows", "More than {limit} rows for one sheet: "
                              "choose a shorter period.", limit=MAX_ROWS - 1)
        self.rows += 1
        r = self.rows + 1
        self._write(f'<row r="{r}">' + "".join(
            [cell(value, r) for value, cell in zip(row, self._cells) if value is not None])
            + "</row>")

    def finish(self) -> None:
        self.ws._check_dimensions(self.rows, len(self.columns) - 1)
        self.ws.autofilter(0, 0, self.rows, len(self.columns) - 1)


_EPOCH = datetime(1899, 12, 31)
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPED = re.compile(r"(_x[0-9a-fA-F]{4}_)")


def _serial(value: datetime) -> float:
    """Excel's serial date of a naive datetime, as XlsxWriter computes it (Excel counts a 29
    February 1900 that never was)."""
    delta = value - _EPOCH
    serial = delta.days + (float(delta.seconds) + float(delta.microseconds) / 1e6) / 86400
    return serial + 1 if serial > 59 else serial


def _string(ref: str, text: str, style: str) -> str:
    """An inline string cell. Excel's limit of 32,767 UTF-16 units; control characters (and
    text that looks like their escape) as _xHHHH_; & < > escaped; leading or trailing blanks
    kept."""
    if len(text) > 16_383 and len(utf16 := text.encode("utf-16-le", "surrogatepass")) > 65_534:
        text = utf16[:65_534].decode("utf-16-le", "ignore")
    if _SPECIAL.search(text):
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", _ESCAPED.sub(r"_x005F\1", text))
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    else:
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'


class _Styles(dict):
    """Format → the cell attribute naming it (none for None): its style index, given at its
    first use, as XlsxWriter does (a format never used is not in the workbook)."""

    def __missing__(self, fmt) -> str:
        made = self[fmt] = f' s="{fmt._get_xf_index()}"'
        return made


class _Formats(dict):
    """The workbook's formats by kind; `styles[format]` is a cell's attribute for one."""

    def __init__(self, wb):
        super().__init__({kind: wb.add_format({"num_format": fmt})
                          for kind, fmt in FORMATS.items()})
        self["header"] = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "valign": "vcenter"})
        self["quoted"] = wb.add_format({"quote_prefix": True})
        self.styles = _Styles({None: ""})


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
    formats, total = _Formats(wb), 0
    with db.reading(streamed=True) as s:
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
