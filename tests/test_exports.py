"""Excel exports on the demo dealership: re-read with openpyxl, compared with the database."""

import subprocess
import time as _time
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.errors import DomainError, Forbidden, ValidationError
from dms.models import (Appointment, Complaint, Customer, Fee, FollowUp, LabourLine, Part,
                        PartLine, Payment, Settlement, Stock, StockMovement, Vehicle, WorkOrder)
from dms.reports import excel, headers
from dms.reports.excel import EXPORTS, export
from dms.reports.imports import import_file


@pytest.fixture(autouse=True)
def beijing_time(monkeypatch):
    """Local time = Asia/Shanghai, so the UTC → local conversion is visible in the cells."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()


@pytest.fixture
def manager(demo_orders_db):
    return authenticate(demo_orders_db, "admin", "admin123")


def read(path):
    return openpyxl.load_workbook(path)


def count(db, stmt):
    with db.reading() as s:
        return s.scalar(stmt)


def local(value: datetime) -> datetime:
    return value.astimezone().replace(tzinfo=None, microsecond=0)


def data_rows(ws):
    return list(ws.iter_rows(min_row=2, values_only=True))


def expected_counts(db) -> dict[str, tuple[int, ...]]:
    n = lambda model: count(db, select(func.count()).select_from(model))  # noqa: E731
    parts_without_stock = count(db, select(func.count(Part.id)).where(
        Part.id.not_in(select(Stock.part_id))))
    lines = n(LabourLine) + n(PartLine) + n(Fee)
    return {"customers": (n(Customer),), "vehicles": (n(Vehicle),), "appointments": (n(Appointment),),
            "workorders": (n(WorkOrder), lines), "parts": (n(Stock) + parts_without_stock,),
            "movements": (n(StockMovement),), "settlements": (n(Settlement), n(Payment)),
            "followups": (n(FollowUp),), "complaints": (n(Complaint),)}


def test_every_export_matches_the_database(demo_orders_db, manager, tmp_path):
    expected = expected_counts(demo_orders_db)
    assert set(EXPORTS) == set(expected)
    for name in EXPORTS:
        path = tmp_path / f"{name}.xlsx"
        written = export(demo_orders_db, manager, name, path)
        wb = read(path)
        counts = tuple(len(data_rows(ws)) for ws in wb.worksheets)
        assert counts == expected[name], name
        assert written == sum(counts)
        for ws in wb.worksheets:
            assert ws.freeze_panes == "A2", name
            assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
            assert ws.column_dimensions["A"].width >= 8
            assert ws["A1"].font.b


def test_workorders_spot_checks_money_and_local_dates(demo_orders_db, manager, tmp_path):
    export(demo_orders_db, manager, "workorders", tmp_path / "wo.xlsx")
    wb = read(tmp_path / "wo.xlsx")
    orders, lines = wb.worksheets
    title = [c.value for c in orders[1]]
    assert title[:4] == ["工单号", "工单状态", "业务类型", "进厂时间"]
    by_number = {row[0]: row for row in data_rows(orders)}
    with demo_orders_db.reading() as s:
        wo = s.scalars(select(WorkOrder).where(WorkOrder.state == "CLOSED").order_by(WorkOrder.id)).first()
        row = by_number[wo.number]
        assert row[1] == "已关闭"  # the state's word, not its code
        assert row[3] == local(wo.entry_at)  # naive local time, 8 h ahead of the stored UTC
        assert row[3] - wo.entry_at.replace(tzinfo=None, microsecond=0) == timedelta(hours=8)
        assert Decimal(str(row[11])) == wo.estimated_amount
        # the lines sheet: the order's approved labour line, money equal to the Decimal in the DB
        line = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo.id)
                         .order_by(LabourLine.seq)).first()
    cell_row = next(r for r in lines.iter_rows(min_row=2) if r[0].value == wo.number
                    and r[3].value == line.code)
    assert cell_row[2].value == "工时"
    assert Decimal(str(cell_row[10].value)) == line.net
    assert cell_row[10].number_format == "#,##0.00"
    assert Decimal(str(cell_row[5].value)) == line.billed_hours
    date_cell = orders.cell(row=2, column=4)
    assert isinstance(date_cell.value, datetime) and date_cell.number_format == "yyyy-mm-dd hh:mm"


def test_settlements_and_payments(demo_orders_db, manager, tmp_path):
    export(demo_orders_db, manager, "settlements", tmp_path / "st.xlsx", lang="en")
    settlements, payments = read(tmp_path / "st.xlsx").worksheets
    assert settlements.title == "Settlements" and payments.title == "Payments"
    assert [c.value for c in settlements[1]][:3] == ["Invoice no.", "Work order", "Plate"]
    with demo_orders_db.reading() as s:
        st = s.scalars(select(Settlement).where(Settlement.state == "settled")
                       .order_by(Settlement.id)).first()
        number = s.get(WorkOrder, st.work_order_id).number
        pays = s.scalars(select(Payment).where(Payment.settlement_id == st.id)).all()
    row = next(r for r in data_rows(settlements) if r[1] == number)
    assert row[0] == st.invoice_no and row[5] == "Settled"
    assert Decimal(str(row[17])) == st.total and Decimal(str(row[22])) == st.received
    assert row[7] == local(st.settled_at)
    paid = [r for r in data_rows(payments) if r[1] == number]
    assert sorted(Decimal(str(r[4])) for r in paid) == sorted(p.amount for p in pays)


def test_headers_in_chinese_and_english(demo_orders_db, manager, tmp_path):
    for lang in ("zh_CN", "en"):
        export(demo_orders_db, manager, "customers", tmp_path / f"c_{lang}.xlsx", lang=lang)
        ws = read(tmp_path / f"c_{lang}.xlsx").active
        assert ws.title == headers.sheet("customers", lang)
        assert [c.value for c in ws[1]][:2] == (["客户编号", "客户名称"] if lang == "zh_CN"
                                               else ["Customer code", "Name"])
    ws = read(tmp_path / "c_en.xlsx").active
    with demo_orders_db.reading() as s:
        c = s.scalars(select(Customer).order_by(Customer.code)).first()
    first = data_rows(ws)[0]
    assert first[0] == c.code and first[1] == c.name and first[14] == local(c.created_at)


def test_parts_with_stock_and_available(demo_orders_db, manager, tmp_path):
    export(demo_orders_db, manager, "parts", tmp_path / "p.xlsx")
    rows = data_rows(read(tmp_path / "p.xlsx").active)
    with demo_orders_db.reading() as s:
        stock = s.scalars(select(Stock).where(Stock.reserved > 0).order_by(Stock.id)).first() \
            or s.scalars(select(Stock).order_by(Stock.id)).first()
        part = s.get(Part, stock.part_id)
    row = next(r for r in rows if r[0] == part.code and Decimal(str(r[14])) == stock.on_hand)
    assert Decimal(str(row[9])) == part.sale_price
    assert Decimal(str(row[16])) == stock.on_hand - stock.reserved


def test_date_range_filters_work_orders_by_entry_time(demo_orders_db, manager, tmp_path):
    with demo_orders_db.reading() as s:
        entries = s.scalars(select(WorkOrder.entry_at)).all()
    day = max(entries).astimezone().date()
    expected = sum(e.astimezone().date() == day for e in entries)
    assert 0 < expected < len(entries)
    out = BytesIO()  # bytes out: a file object works as well as a path
    export(demo_orders_db, manager, "workorders", out, since=day, until=day)
    orders = read(BytesIO(out.getvalue())).worksheets[0]
    assert len(data_rows(orders)) == expected
    assert all(r[3].date() == day for r in data_rows(orders))
    export(demo_orders_db, manager, "workorders", tmp_path / "none.xlsx",
           since=date(2000, 1, 1), until=date(2000, 1, 2))
    assert [len(data_rows(ws)) for ws in read(tmp_path / "none.xlsx").worksheets] == [0, 0]


def test_unknown_export_is_refused(demo_orders_db, manager, tmp_path):
    with pytest.raises(ValidationError) as err:
        export(demo_orders_db, manager, "salaries", tmp_path / "x.xlsx")
    assert err.value.code == "export.unknown"
    assert not (tmp_path / "x.xlsx").exists()


def test_other_store_sees_nothing(demo_orders_db, manager, tmp_path):
    from dataclasses import replace

    stranger = replace(manager, store_id=manager.store_id + 999)  # not who the database says
    with pytest.raises(Forbidden) as err:
        export(demo_orders_db, stranger, "workorders", tmp_path / "o.xlsx")
    assert err.value.code == "forbidden.store"


def test_workbooks_are_written_row_by_row_to_disk(demo_orders_db, manager, tmp_path, monkeypatch):
    calls = []
    real = excel.Workbook

    def spy(path, options):
        calls.append({"options": options})
        return real(path, options)

    monkeypatch.setattr(excel, "Workbook", spy)
    for name in ("parts", "workorders"):
        export(demo_orders_db, manager, name, tmp_path / f"{name}.xlsx")
    assert [c["options"]["constant_memory"] for c in calls] == [True] * 2


def test_libreoffice_opens_every_export(demo_orders_db, manager, tmp_path):
    """One soffice run per backend converts all exports (each conversion is slow)."""
    files = []
    for name in EXPORTS:
        path = tmp_path / f"{name}.xlsx"
        export(demo_orders_db, manager, name, path)
        files.append(path)
    out = tmp_path / "csv"
    profile = tmp_path / "lo_profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for path in files:
        csv = out / (path.stem + ".csv")
        assert csv.exists() and csv.stat().st_size > 0, path.name
    assert "WO20" in (out / "workorders.csv").read_text(encoding="utf-8")


def test_codes_are_words_in_the_users_language_and_numbers_fit(demo_orders_db, manager, tmp_path):
    for lang, closed, body, wechat in (("zh_CN", "已关闭", "钣金喷漆", "微信"),
                                       ("en", "Closed", "Body and paint", "WeChat")):
        export(demo_orders_db, manager, "workorders", tmp_path / f"wo_{lang}.xlsx", lang=lang)
        orders = read(tmp_path / f"wo_{lang}.xlsx").worksheets[0]
        values = {c.value for row in orders.iter_rows(min_row=2) for c in row[1:3]}
        assert closed in values and body in values and "CLOSED" not in values
        assert orders.column_dimensions["A"].width >= 16  # WO2026000001 is not cut
        export(demo_orders_db, manager, "settlements", tmp_path / f"st_{lang}.xlsx", lang=lang)
        payments = read(tmp_path / f"st_{lang}.xlsx").worksheets[1]
        assert wechat in {row[3].value for row in payments.iter_rows(min_row=2)}


def test_progress_is_told_and_a_cancel_writes_nothing(demo_orders_db, manager, tmp_path):
    told = []
    rows = export(demo_orders_db, manager, "workorders", tmp_path / "wo.xlsx", progress=told.append)
    assert told[0] == 0 and told[-1] == rows and told == sorted(told)
    with pytest.raises(DomainError) as err:
        export(demo_orders_db, manager, "workorders", tmp_path / "no.xlsx",
               progress=told.append, cancelled=lambda: True)
    assert err.value.code == "export.cancelled"
    assert not (tmp_path / "no.xlsx").exists()


def test_the_customers_export_reads_back_as_an_update(demo_orders_db, manager, tmp_path):
    for lang in ("zh_CN", "en"):
        path = tmp_path / f"c_{lang}.xlsx"
        export(demo_orders_db, manager, "customers", path, lang=lang)
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        first = next(ws.iter_rows(min_row=2))
        first[1].value = f"改名{lang}"  # the name column
        wb.save(path)
        with demo_orders_db.reading() as s:
            before = s.scalar(select(func.count(Customer.id)))
        result = import_file(demo_orders_db, manager, "customers", path)
        assert result.errors == () and result.rows_imported == before
        with demo_orders_db.reading() as s:
            assert s.scalar(select(func.count(Customer.id))) == before
            assert s.scalar(select(Customer.name).where(Customer.code == first[0].value)) \
                == f"改名{lang}"


# -- the rows' XML is XlsxWriter's own ---------------------------------------------------------

HOSTILE = ["=1+2", "+86 138", "-5", "@SUM(A1)", "\tTab", " lead", "trail ", "a\r\nb", "x\x01y",
           "_x0041_ stays", "<r>not rich</r>", "A & B < C > D", "\ufffe\uffff", "中文 全角　",
           "long " * 7000]


def _reference(path, sheet, rows, lang):
    """The sheet written cell by cell through XlsxWriter's public API, as exports were before
    `_SheetWriter` wrote the rows' XML itself."""
    from xlsxwriter import Workbook

    from dms.reports.cells import risky

    wb = Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                              "strings_to_numbers": False, "strings_to_urls": False})
    formats = {kind: wb.add_format({"num_format": fmt}) for kind, fmt in excel.FORMATS.items()}
    formats["header"] = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "valign": "vcenter"})
    formats["quoted"] = wb.add_format({"quote_prefix": True})
    ws = wb.add_worksheet(headers.sheet(sheet.key, lang)[:31])
    for n, col in enumerate(sheet.columns):
        ws.write_string(0, n, headers.column(col.key, lang), formats["header"])
    r = 0
    for r, row in enumerate(rows, start=1):
        for n, (value, col) in enumerate(zip(row, sheet.columns)):
            fmt = formats.get(col.kind)
            if value is None:
                continue
            value = headers.value(col.key, value, lang)
            if col.kind == "bool":
                ws.write_string(r, n, headers.label("yes" if value else "no", lang))
            elif isinstance(value, str):
                ws.write_string(r, n, value, formats["quoted"] if risky(value) else None)
            elif isinstance(value, datetime):
                ws.write_datetime(r, n, excel.local_naive(value) if value.tzinfo else value,
                                  fmt or formats["datetime"])
            elif isinstance(value, date):
                ws.write_datetime(r, n, value, fmt or formats["date"])
            else:
                ws.write_number(r, n, value, fmt)
    ws.autofilter(0, 0, r, len(sheet.columns) - 1)
    wb.close()


def _written(path, sheet, rows, lang):
    from xlsxwriter import Workbook

    wb = Workbook(str(path), {"constant_memory": True})
    writer = excel._SheetWriter(wb, excel._Formats(wb), sheet, lang)
    for row in rows:
        writer.append(row)
    writer.finish()
    wb.close()


def _parts(path) -> tuple[bytes, bytes]:
    """The sheet's dimension, cells and auto-filter, and the workbook's styles."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        sheet, styles = z.read("xl/worksheets/sheet1.xml"), z.read("xl/styles.xml")
    found = re.search(rb"<dimension [^>]*/>", sheet).group() + re.search(
        rb"<sheetData.*</sheetData>", sheet, re.S).group() + re.search(
        rb"<autoFilter [^>]*/>", sheet).group()
    return found, styles


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_rows_are_written_byte_for_byte_as_xlsxwriter_writes_them(
        demo_orders_db, manager, tmp_path, lang):
    from dms.reports.exports import Scope, SheetDef, cols

    scope = Scope(manager.store_id, None, None)
    sheets = [sheet for name in ("workorders", "parts", "settlements", "customers")
              for sheet in excel.sheets_for(name)]
    with demo_orders_db.reading(streamed=True) as s:
        cases = [(sheet, list(sheet.rows(s, scope))) for sheet in sheets]
    assert all(rows for _sheet, rows in cases)
    hostile = SheetDef("customers", cols("name notes:text:30 birthday:date created_at:datetime "
                                         "quantity:qty added_work:bool state"), None)
    cases.append((hostile, [(text, text[::-1], date(1900, 1, 15), datetime(2026, 3, 1, 8, 30, 15),
                             Decimal("-1.500"), i % 2 == 0, "CLOSED")
                            for i, text in enumerate(HOSTILE)]))
    for n, (sheet, rows) in enumerate(cases):
        ours, theirs = tmp_path / f"ours{n}.xlsx", tmp_path / f"theirs{n}.xlsx"
        _written(ours, sheet, rows, lang)
        _reference(theirs, sheet, rows, lang)
        mine, reference = _parts(ours), _parts(theirs)
        if sheet is hostile:  # XlsxWriter writes a text <r>…</r> as rich text: we escape it
            reference = tuple(x.replace(b"<is><r>not rich</r></is>",
                                        b"<is><t>&lt;r&gt;not rich&lt;/r&gt;</t></is>")
                              for x in reference)
        assert mine == reference, sheet.key


def test_a_sheet_beyond_excels_rows_is_refused_and_nothing_written(
        demo_orders_db, manager, tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "MAX_ROWS", 11)
    with pytest.raises(DomainError) as err:
        export(demo_orders_db, manager, "workorders", tmp_path / "big.xlsx")
    assert err.value.code == "export.too_many_rows" and "10" in str(err.value)
    assert not (tmp_path / "big.xlsx").exists()
