"""Spreadsheet side of the imports: column specs, header matching, cell conversion, the
error list and the result workbook. Nothing here touches the database."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from dms import validators
from dms.errors import ValidationError
from dms.reports.cells import as_text
from dms.reports.imports.messages import message


@dataclass(frozen=True)
class RowError:
    row: int  # spreadsheet row number (1 = the header row, 0 = the whole file)
    column: str  # the header as written in the file ("" for the whole row or file)
    code: str
    message: str


class CellError(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# --- columns ------------------------------------------------------------------------------------

def norm_header(text: Any) -> str:
    """What two spellings of a header have in common: NFKC, lower case, no blanks, marks
    or a trailing "(…)" hint, so "正厂(是/否)", "正厂" and "Part code*" / "part_code" match."""
    s = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    s = re.sub(r"\(.*\)$", "", s)
    return re.sub(r"[\s_\-*:：]", "", s)


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    convert: Callable[[Any], Any]
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 14

    def names(self) -> set[str]:
        return {norm_header(n) for n in (self.zh, self.en, *self.aliases)}

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# The error column of our own result workbook: ignored, so a corrected result file re-imports.
ERROR_HEADERS = {"zh": "导入错误", "en": "Import errors"}
# Our exports' "created" column: set by the system, read back as nothing.
_IGNORED = {norm_header(h) for h in (*ERROR_HEADERS.values(), "建档时间", "Created")}


# --- cell conversion (raise CellError; return None for an empty cell) ------------------------

def _shown(value: Any) -> str:
    return str(value)[:40]


def _number_text(value: Any) -> str:
    """A number cell as the digits a person typed: 13800138000.0 -> "13800138000"."""
    if isinstance(value, bool):
        raise CellError("import.bad_text", value=value)
    if isinstance(value, float):
        d = float_decimal(value)
        return str(d.quantize(Decimal(1))) if d == d.to_integral_value() else str(d)
    return str(value)


def float_decimal(value: float) -> Decimal:
    """The number Excel shows for a float cell, as text -> Decimal (no float arithmetic):
    whole numbers keep every digit, fractions are read to Excel's 15 significant digits, so a
    price computed as 19.99 + 13 (stored 32.98999999999999) is 32.99."""
    d = Decimal(repr(value))
    if d == d.to_integral_value():
        return d
    return Decimal(format(value, ".15g"))


def text(value: Any, max_len: int, *, upper: bool = False) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        value = _number_text(value)
    elif isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    s = unicodedata.normalize("NFKC", str(value)).strip()
    s = " ".join(s.split())
    if not s:
        return None
    if upper:
        s = s.upper()
    if not s.isprintable():
        raise CellError("import.bad_text", value=_shown(s))
    if len(s) > max_len:
        raise CellError("import.too_long", max=max_len)
    return s


def Text(max_len: int, upper: bool = False):  # noqa: N802 - a converter factory
    return lambda v: text(v, max_len, upper=upper)


def decimal(value: Any, places: int, maximum: Decimal = validators.MAX_AMOUNT) -> Decimal | None:
    """A number cell, exact, 0 to `maximum` (dms.validators' bounds): beyond them the database
    would refuse it (an integer overflow in fen), so it is the row's error instead."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError("import.number", value=value)
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = float_decimal(value)
    elif isinstance(value, Decimal):
        d = value
    else:
        s = unicodedata.normalize("NFKC", str(value)).strip()
        s = re.sub(r"^[¥￥]|元$", "", s).replace(",", "").strip()
        if not s:
            return None
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise CellError("import.number", value=_shown(value)) from None
    if not d.is_finite():
        raise CellError("import.number", value=_shown(value))
    if d < 0:
        raise CellError("import.negative", value=_shown(value))
    if d > maximum:  # before quantize, which overflows its precision from about 1e26
        raise CellError("import.too_large", max=maximum, value=_shown(value))
    if d != d.quantize(Decimal(1).scaleb(-places)):
        raise CellError("import.decimals", places=places, value=_shown(value))
    return d.quantize(Decimal(1).scaleb(-places))


def Price(value):  # noqa: N802 - a price of 0 is a typing slip, not a free part
    d = decimal(value, 2)
    if d == 0:
        raise CellError("import.zero_price", value=_shown(value))
    return d


def Qty(value):  # noqa: N802
    return decimal(value, 3, validators.MAX_QUANTITY)


def integer(value: Any, maximum: Decimal = validators.MAX_MILEAGE) -> int | None:
    d = decimal(value, 6, maximum)
    if d is None:
        return None
    if d != d.to_integral_value():
        raise CellError("import.integer", value=_shown(value))
    return int(d)


def day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = unicodedata.normalize("NFKC", value).strip()
        if not s:
            return None
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
        if m:
            try:
                return date(*map(int, m.groups()))
            except ValueError:
                pass
    raise CellError("import.date", value=_shown(value))


_YES = {"是", "y", "yes", "true", "1", "√", "✓", "正厂", "原厂"}
_NO = {"否", "n", "no", "false", "0", "×", "副厂"}


def flag(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    s = unicodedata.normalize("NFKC", _number_text(value) if isinstance(value, (int, float))
                              else str(value)).strip().lower()
    if not s:
        return None
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise CellError("import.bool", value=_shown(value))


def Choice(mapping: dict[str, str], shown: str):  # noqa: N802
    keys = {norm_header(k): v for k, v in mapping.items()}

    def convert(value: Any):
        s = text(value, 40)
        if s is None:
            return None
        if norm_header(s) not in keys:
            raise CellError("import.choice", choices=shown, value=_shown(s))
        return keys[norm_header(s)]

    return convert


# --- reading ------------------------------------------------------------------------------------

@dataclass
class Row:
    number: int
    cells: tuple  # the original values, in file column order
    raw: dict[str, Any]  # key -> original value (matched columns only)
    values: dict[str, Any] = field(default_factory=dict)  # key -> converted value
    bad: set[str] = field(default_factory=set)  # keys whose cells failed


class Errors:
    """The error list, in the file's language, with the headers as the file spells them."""

    def __init__(self, lang: str):
        self.lang = lang
        self.items: list[RowError] = []
        self.headers: dict[str, str] = {}  # key -> header text in the file

    def add(self, row: int, key_or_header: str, code: str, **params) -> None:
        column = self.headers.get(key_or_header, key_or_header)
        self.items.append(RowError(row, column, code, message(code, self.lang, **params)))


@dataclass
class Sheet:
    headers: tuple[str, ...]
    rows: list[Row]
    lang: str


def _lines(path: Path, data_only: bool) -> list[tuple]:
    """The first sheet's rows; a file that is not a readable workbook (a zip, XML or style
    error, also one met half-way through the sheet) is a clear error."""
    try:
        wb = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds: zip, XML, key errors
        raise ValidationError("import.unreadable", "Cannot read {path} as an .xlsx workbook: {error}",
                              path=str(path), error=str(exc)) from None
    try:
        return [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    except Exception as exc:  # damaged sheet XML is only parsed while iterating
        raise ValidationError("import.unreadable", "Cannot read {path} as an .xlsx workbook: {error}",
                              path=str(path), error=str(exc)) from None
    finally:
        wb.close()


def _uncalculated(value, formula) -> bool:
    return value is None and isinstance(formula, str) and formula.startswith("=")


def read(path: Path, columns: tuple[Column, ...], errors_for: Callable[[str], Errors]
         ) -> tuple[Sheet, Errors]:
    lines = _lines(path, data_only=True)
    # A formula Excel never calculated has no cached value: read as the formula itself, so it
    # is a row error instead of an empty cell imported silently.
    formulas = _lines(path, data_only=False)
    header = tuple("" if h is None else str(h).strip() for h in (lines[0] if lines else ()))
    while header and not header[-1]:
        header = header[:-1]
    zh = sum(bool(re.search(r"[\u4e00-\u9fff]", h)) for h in header)
    lang = "zh" if zh * 2 >= len([h for h in header if h]) and header else "en"
    errors = errors_for(lang)

    by_name = {name: col for col in columns for name in col.names()}
    positions: dict[str, int] = {}
    for i, h in enumerate(header):
        n = norm_header(h)
        if not n or n in _IGNORED:
            continue
        col = by_name.get(n)
        if col is None:
            errors.add(1, h, "import.unknown_column", column=h)
        elif col.key in positions:
            errors.add(1, h, "import.duplicate_column", column=h)
        else:
            positions[col.key] = i
            errors.headers[col.key] = h
    for col in columns:
        if col.required and col.key not in positions:
            errors.add(1, col.title(lang), "import.missing_column", column=col.title(lang))
        errors.headers.setdefault(col.key, col.title(lang))

    rows = []
    for number, line in enumerate(lines[1:], start=2):
        line = tuple(line[:len(header)]) + (None,) * (len(header) - len(line))
        formula_line = formulas[number - 1] if number - 1 < len(formulas) else ()
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in line) and not any(
                isinstance(f, str) and f.startswith("=") for f in formula_line):
            continue
        raw = {key: line[i] for key, i in positions.items()}
        row = Row(number, line, raw)
        for col in columns:
            i = positions.get(col.key)
            if i is not None and i < len(formula_line) and _uncalculated(line[i], formula_line[i]):
                errors.add(number, col.key, "import.formula", value=_shown(formula_line[i]))
                row.bad.add(col.key)
                continue
            try:
                value = col.convert(raw.get(col.key))
            except CellError as exc:
                errors.add(number, col.key, exc.code, **exc.params)
                row.bad.add(col.key)
                continue
            if value is None and col.required and col.key in positions:
                errors.add(number, col.key, "import.required")
                row.bad.add(col.key)
            row.values[col.key] = value
        rows.append(row)
    return Sheet(header, rows, lang), errors


# --- writing ------------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_RED = PatternFill("solid", fgColor="FFC7CE")


def write_template(path: Path, columns: tuple[Column, ...], lang: str, title: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append([c.title(lang) for c in columns])
    for i, c in enumerate(columns, start=1):
        cell = ws.cell(1, i)
        cell.font = Font(bold=True, color="C00000" if c.required else None)
        ws.column_dimensions[cell.column_letter].width = c.width
    ws.freeze_panes = "A2"
    wb.save(path)


def write_report(path: Path, sheet: Sheet, errors: list[RowError], summary: list[tuple[str, Any]]
                 ) -> None:
    lang = sheet.lang
    wb = Workbook()
    ws = wb.active
    ws.title = "导入结果" if lang == "zh" else "Result"
    ws.append([*sheet.headers, ERROR_HEADERS[lang]])
    for cell in ws[1]:
        cell.font = _BOLD
    by_row: dict[int, list[RowError]] = {}
    for e in errors:
        by_row.setdefault(e.row, []).append(e)
    col_of = {h: i for i, h in enumerate(sheet.headers, start=1)}
    for out, row in enumerate(sheet.rows, start=2):
        found = by_row.get(row.number, [])
        ws.append([*row.cells, "; ".join(f"{e.column}: {e.message}" for e in found) or None])
        for e in found:
            if e.column in col_of:
                ws.cell(out, col_of[e.column]).fill = _RED
        for i, v in enumerate(row.cells, start=1):
            if isinstance(v, (date, datetime)):
                ws.cell(out, i).number_format = "yyyy-mm-dd"
    for line in ws.iter_rows():  # the file's headers and cells, messages quoting them
        for cell in line:
            as_text(cell)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.column_dimensions[ws.cell(1, len(sheet.headers) + 1).column_letter].width = 60

    summary_ws = wb.create_sheet("汇总" if lang == "zh" else "Summary")
    for label, value in summary:
        summary_ws.append([label, value])
    summary_ws.column_dimensions["A"].width = 16
    summary_ws.column_dimensions["B"].width = 40
    summary_ws.append([])
    summary_ws.append(["行" if lang == "zh" else "Row", "列" if lang == "zh" else "Column",
                       "代码" if lang == "zh" else "Code", "说明" if lang == "zh" else "Message"])
    for cell in summary_ws[summary_ws.max_row]:
        cell.font = _BOLD
    for e in errors:
        summary_ws.append([e.row, e.column, e.code, e.message])
    for line in summary_ws.iter_rows():  # the file name is user text too
        for cell in line:
            as_text(cell)
    wb.save(path)
