"""Spreadsheet imports (DESIGN §7, §8): dry run, per-row error report, nothing half-imported,
identifiers normalised and checked, duplicates and references, roles."""

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.crm.identifiers import make_vin, vin_year_code
from dms.errors import Forbidden, ValidationError
from dms.models import (AuditLog, Customer, InsurancePolicy, Part, PartBarcode, Supplier, Vehicle,
                        VehicleOwnership)
from dms.reports.imports import KINDS, import_file, template

from builders import full_width

CUSTOMER_ZH = ["客户编号", "姓名", "类型", "性别", "手机", "住宅电话", "地址", "邮编", "单位", "生日", "邮箱"]
CUSTOMER_EN = ["Customer code", "Name", "Type", "Gender", "Mobile", "Home phone", "Address",
               "Postcode", "Employer", "Birthday", "Email"]
VEHICLE_ZH = ["车牌号", "VIN", "客户编号", "品牌", "车系", "年款", "颜色", "购车日期", "购车里程",
              "保险公司", "保单号", "保险到期"]
VEHICLE_EN = ["Plate", "VIN", "Customer code", "Brand", "Series", "Model year", "Colour",
              "Purchase date", "Purchase mileage", "Insurer", "Policy no", "Insurance expiry"]
PART_ZH = ["配件编码", "条码", "名称", "品牌", "大类", "单位", "正厂(是/否)", "供应商", "销售价", "补货点"]
PART_EN = ["Part code", "Barcode", "Name", "Brand", "Category", "Unit", "Genuine", "Supplier",
           "Sale price", "Reorder point"]


def _user(db, name):
    return authenticate(db, name, "admin123" if name == "admin" else "demo123")


def _xlsx(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def vin(n: int) -> str:
    return make_vin("LPS", "TEST1", vin_year_code(2021), "K", f"{n:06d}")


def bad_check_digit(v: str) -> str:
    wrong = "1" if v[8] != "1" else "2"
    return v[:8] + wrong + v[9:]


def customer_rows(n=100, start=1):
    return [[f"T{i:05d}", f"导入客户{i}", "个人", "男" if i % 2 else "女", f"1990000{i:04d}",
             "010-6512 3456", "北京市朝阳区", 100020, None, date(1980, 1, 1 + i % 28),
             f"u{i}@example.com"] for i in range(start, start + n)]


def vehicle_rows(n=100, start=1):
    return [[f"藏A{i:05d}", vin(i), f"T{i:05d}", "现代", "途胜L", 2021, "白", "2021-05-01", 12,
             "平安保险", f"P{i:06d}", date(2026, 5, 1)] for i in range(start, start + n)]


def part_rows(n=100):
    return [[f"IMP-{i:04d}", f"69{i:011d}", f"导入配件{i}", "现代", "保养", "个", "是" if i % 3 else "否",
             "导入供应商", 19.99 + i, 2] for i in range(1, n + 1)]


def counts(db):
    with db.reading() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m))
                for m in (Customer, Vehicle, VehicleOwnership, InsurancePolicy, Part, PartBarcode,
                          Supplier, AuditLog)}


def _import(db, actor, kind, path, rows, headers, **kw):
    return import_file(db, actor, kind, _xlsx(path, headers, rows), **kw)


# --- one bad row among 100 ----------------------------------------------------------------------

@pytest.mark.parametrize("kind, headers, rows, bad_at, column, value, code", [
    ("customers", CUSTOMER_ZH, customer_rows, 57, "手机", "0105123456", "phone.not_mobile"),
    ("parts", PART_ZH, part_rows, 80, "销售价", "12,3x", "import.number"),
    ("vehicles", VEHICLE_ZH, vehicle_rows, 3, "车牌号", "藏AI2345", "plate.letter_io"),
    ("vehicles", VEHICLE_ZH, vehicle_rows, 100, "VIN", "LPS12345", "vin.length"),
])
def test_one_bad_row_among_100_imports_nothing(demo_db, tmp_path, kind, headers, rows, bad_at,
                                               column, value, code):
    actor = _user(demo_db, "admin")
    if kind == "vehicles":
        _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customer_rows(), CUSTOMER_ZH)
    data = rows(100)
    data[bad_at - 2][headers.index(column)] = value  # spreadsheet row bad_at (row 1 = headers)
    before = counts(demo_db)
    result = _import(demo_db, actor, kind, tmp_path / "in.xlsx", data, headers)
    assert counts(demo_db) == before
    assert (result.rows_read, result.rows_imported) == (100, 0)
    assert [(e.row, e.column, e.code) for e in result.errors] == [(bad_at, column, code)]

    report = load_workbook(result.report_path)
    assert result.report_path == tmp_path / "in.result.xlsx"
    sheet = report.worksheets[0]
    assert [c.value for c in sheet[1]] == headers + ["导入错误"]
    assert sheet.cell(bad_at, len(headers) + 1).value.startswith(column + ":")
    assert sheet.cell(2 if bad_at != 2 else 3, len(headers) + 1).value is None
    assert sheet.max_row == 101
    summary = [tuple(r) for r in report.worksheets[1].iter_rows(values_only=True)]
    assert ("读取行数", 100) in [r[:2] for r in summary] and ("导入行数", 0) in [r[:2] for r in summary]
    assert (bad_at, column, code) in [r[:3] for r in summary]


# --- dry run, import, re-import ----------------------------------------------------------------

@pytest.mark.parametrize("kind, headers, rows", [
    ("customers", CUSTOMER_ZH, customer_rows), ("parts", PART_ZH, part_rows),
    ("vehicles", VEHICLE_ZH, vehicle_rows)])
def test_dry_run_then_import_then_duplicate(demo_db, tmp_path, kind, headers, rows):
    actor = _user(demo_db, "admin")
    if kind == "vehicles":
        _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customer_rows(), CUSTOMER_ZH)
    path = _xlsx(tmp_path / "good.xlsx", headers, rows(100))
    before = counts(demo_db)
    dry = import_file(demo_db, actor, kind, path, dry_run=True)
    assert (dry.rows_read, dry.rows_imported, dry.errors) == (100, 0, ())
    assert counts(demo_db) == before
    assert dry.report_path.exists()

    done = import_file(demo_db, actor, kind, path)
    assert (done.rows_read, done.rows_imported, done.errors) == (100, 100, ())
    after = counts(demo_db)
    model = {"customers": "Customer", "parts": "Part", "vehicles": "Vehicle"}[kind]
    assert after[model] == before[model] + 100
    assert after["AuditLog"] == before["AuditLog"] + 1  # one audit entry per import
    with demo_db.reading() as s:
        entry = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert (entry.entity, entry.action, entry.user_id) == ("import", kind, actor.id)

    again = import_file(demo_db, actor, kind, path)
    if kind == "customers":  # a known code updates its customer (an export re-imports)
        assert (again.rows_imported, again.errors) == (100, ())
        assert counts(demo_db) == {**after, "AuditLog": after["AuditLog"] + 1}
        return
    assert again.rows_imported == 0 and counts(demo_db) == after
    assert {e.code for e in again.errors} == {"import.duplicate_in_db"}
    assert {e.row for e in again.errors} == set(range(2, 102))


def test_parts_are_imported_exactly(demo_db, tmp_path):
    clerk = _user(demo_db, "warehouse1")
    rows = part_rows(3)
    rows[0][1] = "6900000000001, lbl-0001x"  # two barcodes, one lower case
    rows[1][8] = "¥1,234.50"
    rows[2][9] = 2.5
    rows[2][8] = 19.99 + 13  # 32.98999999999999 in the file, 32.99 on screen
    result = _import(demo_db, clerk, "parts", tmp_path / "p.xlsx", rows, PART_ZH)
    assert result.errors == () and result.rows_imported == 3
    with demo_db.reading() as s:
        parts = {p.code: p for p in s.scalars(select(Part).where(Part.code.startswith("IMP-")))}
        assert parts["IMP-0001"].sale_price == Decimal("20.99")  # float 20.99, not 20.989999…
        assert parts["IMP-0002"].sale_price == Decimal("1234.50")
        assert parts["IMP-0003"].reorder_threshold == Decimal("2.5")
        assert parts["IMP-0003"].sale_price == Decimal("32.99")
        assert parts["IMP-0003"].genuine is False and parts["IMP-0001"].genuine is True
        barcodes = set(s.scalars(select(PartBarcode.barcode)
                                 .where(PartBarcode.part_id == parts["IMP-0001"].id)))
        assert barcodes == {"6900000000001", "LBL-0001X"}
        suppliers = s.scalars(select(Supplier).where(Supplier.name == "导入供应商")).all()
        assert len(suppliers) == 1 and {p.supplier_id for p in parts.values()} == {suppliers[0].id}


def test_bad_values_are_reported_by_cell(demo_db, tmp_path):
    clerk = _user(demo_db, "warehouse1")
    rows = part_rows(5)
    rows[0][8] = 1.005  # more than fen
    rows[1][6] = "也许"
    rows[2][2] = None  # name required
    rows[3][0] = "imp-0001"  # same code as row 2 once normalised
    rows[4][1] = "IMP-0002"  # barcode that is another part's code
    result = _import(demo_db, clerk, "parts", tmp_path / "p.xlsx", rows, PART_ZH)
    assert result.rows_imported == 0
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (2, "销售价", "import.decimals"), (3, "正厂(是/否)", "import.bool"),
        (4, "名称", "import.required"), (5, "配件编码", "import.duplicate_in_file"),
        (6, "条码", "import.barcode_is_code")]
    assert "第 2 行" in result.errors[3].message


def test_missing_and_unknown_columns(demo_db, tmp_path):
    actor = _user(demo_db, "admin")
    headers = [h for h in CUSTOMER_ZH if h != "姓名"] + ["爱好"]
    rows = [r[:1] + r[2:] + ["钓鱼"] for r in customer_rows(2)]
    result = _import(demo_db, actor, "customers", tmp_path / "c.xlsx", rows, headers)
    assert result.rows_imported == 0
    assert {(e.row, e.column, e.code) for e in result.errors} == {
        (1, "爱好", "import.unknown_column"), (1, "姓名", "import.missing_column")}


# --- headers in either language ----------------------------------------------------------------

def test_english_headers(demo_db, tmp_path):
    actor = _user(demo_db, "advisor1")
    c = _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customer_rows(3), CUSTOMER_EN)
    v = _import(demo_db, actor, "vehicles", tmp_path / "v.xlsx", vehicle_rows(3), VEHICLE_EN)
    p = _import(demo_db, _user(demo_db, "warehouse1"), "parts", tmp_path / "p.xlsx", part_rows(3),
                PART_EN)
    assert (c.errors, v.errors, p.errors) == ((), (), ())
    assert (c.rows_imported, v.rows_imported, p.rows_imported) == (3, 3, 3)
    with demo_db.reading() as s:
        customer = s.scalars(select(Customer).where(Customer.code == "T00001")).one()
        assert (customer.kind, customer.gender, customer.postcode) == ("person", "M", "100020")
        vehicle = s.scalars(select(Vehicle).where(Vehicle.vin == vin(1))).one()
        assert vehicle.customer_id == customer.id and vehicle.purchase_date == date(2021, 5, 1)
        policy = s.scalars(select(InsurancePolicy).where(InsurancePolicy.vehicle_id == vehicle.id)).one()
        assert (policy.insurer, policy.expiry_date) == ("平安保险", date(2026, 5, 1))
    bad = customer_rows(1, start=9)
    bad[0][4] = "12345"
    result = _import(demo_db, actor, "customers", tmp_path / "e.xlsx", bad, CUSTOMER_EN)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Mobile")]
    assert result.errors[0].message == "Not a mobile number: 12345."


def test_templates_have_the_headers(tmp_path):
    for kind in KINDS:
        for lang in ("zh_CN", "en_US"):
            path = template(kind, tmp_path / f"{kind}_{lang}.xlsx", lang=lang)
            headers = [c.value for c in load_workbook(path).active[1]]
            assert headers and all(headers)
    headers = [c.value for c in load_workbook(tmp_path / "vehicles_zh_CN.xlsx").active[1]]
    assert headers[:3] == ["车牌号", "VIN", "客户编号"] and "VIN校验确认" in headers
    with pytest.raises(ValidationError):
        template("invoices", tmp_path / "x.xlsx")


def test_template_round_trip(demo_db, tmp_path):
    actor = _user(demo_db, "admin")
    path = template("customers", tmp_path / "t.xlsx", lang="en")
    result = import_file(demo_db, actor, "customers", path)
    assert (result.rows_read, result.rows_imported, result.errors) == (0, 0, ())


# --- identifiers ---------------------------------------------------------------------------------

def test_plates_vins_and_mobiles_are_normalised(demo_db, tmp_path):
    actor = _user(demo_db, "advisor1")
    customers = customer_rows(3)
    customers[0][4] = "199 0000 0001"
    customers[1][4] = full_width("+86 19900000002")
    customers[2][4] = 19900000003  # a number cell
    assert _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customers,
                   CUSTOMER_ZH).rows_imported == 3
    vehicles = vehicle_rows(3)
    vehicles[0][0], vehicles[0][1] = "藏a·00001", vin(1).lower()
    vehicles[1][0], vehicles[1][1] = full_width("藏A-00002"), full_width(vin(2))
    vehicles[2][0], vehicles[2][1] = " 藏A 00003 ", f" {vin(3)[:8]}-{vin(3)[8:]} "
    result = _import(demo_db, actor, "vehicles", tmp_path / "v.xlsx", vehicles, VEHICLE_ZH)
    assert result.errors == () and result.rows_imported == 3
    with demo_db.reading() as s:
        rows = s.execute(select(Vehicle.plate, Vehicle.plate_rev, Vehicle.vin, Vehicle.vin_rev,
                                Vehicle.vin_warning_overridden_by_id)
                         .where(Vehicle.vin.in_([vin(1), vin(2), vin(3)])).order_by(Vehicle.plate)).all()
        assert [tuple(r) for r in rows] == [
            (f"藏A0000{i}", f"藏A0000{i}"[::-1], vin(i), vin(i)[::-1], None) for i in (1, 2, 3)]
        mobiles = s.execute(select(Customer.mobile, Customer.mobile_rev)
                            .where(Customer.code.in_(["T00001", "T00002", "T00003"]))
                            .order_by(Customer.code)).all()
        assert [tuple(m) for m in mobiles] == [(f"1990000000{i}", f"1990000000{i}"[::-1])
                                               for i in (1, 2, 3)]
    again = vehicle_rows(1, start=1)
    again[0][0], again[0][1] = "藏A00001", vin(1).lower()
    dup = _import(demo_db, actor, "vehicles", tmp_path / "d.xlsx", again, VEHICLE_ZH)
    assert {(e.column, e.code) for e in dup.errors} == {("车牌号", "import.duplicate_in_db"),
                                                        ("VIN", "import.duplicate_in_db")}


def test_vin_check_digit_needs_the_override(demo_db, tmp_path):
    actor = _user(demo_db, "advisor2")
    _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customer_rows(3), CUSTOMER_ZH)
    rows = vehicle_rows(3)
    wrong = bad_check_digit(vin(2))
    rows[1][1] = wrong
    before = counts(demo_db)
    refused = _import(demo_db, actor, "vehicles", tmp_path / "v.xlsx", rows, VEHICLE_ZH)
    assert [(e.row, e.column, e.code) for e in refused.errors] == [(3, "VIN", "vin.check_digit")]
    assert vin(2)[8] in refused.errors[0].message
    assert counts(demo_db) == before

    headers = VEHICLE_ZH + ["VIN校验确认"]
    rows = [r + [None] for r in rows]
    rows[1][-1] = "否"
    assert _import(demo_db, actor, "vehicles", tmp_path / "v2.xlsx", rows, headers).rows_imported == 0
    rows[1][-1] = "是"
    rows[0][-1] = "是"  # a correct VIN confirmed anyway: nothing to record
    result = _import(demo_db, actor, "vehicles", tmp_path / "v3.xlsx", rows, headers)
    assert result.errors == () and result.rows_imported == 3
    with demo_db.reading() as s:
        overridden = s.execute(select(Vehicle.vin, Vehicle.vin_warning_overridden_by_id,
                                      Vehicle.vin_warning_overridden_at)
                               .where(Vehicle.vin_warning_overridden_by_id.is_not(None),
                                      Vehicle.vin.in_([vin(1), wrong, vin(3)]))).all()
        assert [(v, by) for v, by, _ in overridden] == [(wrong, actor.id)]
        assert overridden[0][2] is not None
        entry = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert wrong in entry.data


def test_english_override_column(demo_db, tmp_path):
    actor = _user(demo_db, "admin")
    _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customer_rows(1), CUSTOMER_EN)
    rows = vehicle_rows(1)
    rows[0][1] = bad_check_digit(vin(1))
    result = _import(demo_db, actor, "vehicles", tmp_path / "v.xlsx", [rows[0] + ["yes"]],
                     VEHICLE_EN + ["VIN override"])
    assert result.errors == () and result.rows_imported == 1


def test_vehicle_references_and_in_file_duplicates(demo_db, tmp_path):
    actor = _user(demo_db, "admin")
    _import(demo_db, actor, "customers", tmp_path / "c.xlsx", customer_rows(3), CUSTOMER_ZH)
    rows = vehicle_rows(4)
    rows[1][2] = "NOBODY"
    rows[2][0] = rows[0][0]
    rows[3][1] = rows[0][1].lower()
    rows[3][2] = "T00003"
    rows[0][10], rows[0][11] = "P1", None  # policy without expiry
    result = _import(demo_db, actor, "vehicles", tmp_path / "v.xlsx", rows, VEHICLE_ZH)
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (2, "保险到期", "import.insurance_incomplete"), (3, "客户编号", "import.owner_unknown"),
        (4, "车牌号", "import.duplicate_in_file"), (5, "VIN", "import.duplicate_in_file")]


def test_duplicate_mobiles_and_codes(demo_db, tmp_path):
    actor = _user(demo_db, "care1")
    with demo_db.reading() as s:
        demo_mobile = s.scalar(select(Customer.mobile).where(Customer.mobile.is_not(None)))
        demo_code = s.scalar(select(Customer.code))
    rows = customer_rows(4)
    rows[1][4] = rows[0][4]
    rows[2][4] = demo_mobile
    rows[3][0] = demo_code  # a known code is an update, not an error
    result = _import(demo_db, actor, "customers", tmp_path / "c.xlsx", rows, CUSTOMER_ZH)
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (3, "手机", "import.duplicate_in_file"), (4, "手机", "import.duplicate_in_db")]


def test_dates_as_cells_or_text(demo_db, tmp_path):
    actor = _user(demo_db, "admin")
    rows = customer_rows(3)
    rows[0][9] = "1990-02-03"
    rows[1][9] = "1990/2/3"
    rows[2][9] = "03.02.1990"
    result = _import(demo_db, actor, "customers", tmp_path / "c.xlsx", rows, CUSTOMER_ZH)
    assert [(e.row, e.column, e.code) for e in result.errors] == [(4, "生日", "import.date")]
    rows[2][9] = date(1990, 2, 3)
    assert _import(demo_db, actor, "customers", tmp_path / "c2.xlsx", rows,
                   CUSTOMER_ZH).rows_imported == 3
    with demo_db.reading() as s:
        assert set(s.scalars(select(Customer.birthday).where(Customer.code.in_(
            ["T00001", "T00002", "T00003"])))) == {date(1990, 2, 3)}


# --- roles ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, user", [("parts", "advisor1"), ("customers", "warehouse1"),
                                        ("vehicles", "tech1"), ("customers", "cashier1")])
def test_wrong_role_is_forbidden(demo_db, tmp_path, kind, user):
    path = _xlsx(tmp_path / "x.xlsx", CUSTOMER_ZH, customer_rows(1))
    actor = _user(demo_db, user)  # signing in is audited: before the counts
    before = counts(demo_db)
    with pytest.raises(Forbidden):
        import_file(demo_db, actor, kind, path, dry_run=True)
    assert counts(demo_db) == before and not (tmp_path / "x.result.xlsx").exists()


def test_unknown_kind_and_unreadable_file(demo_db, tmp_path):
    actor = _user(demo_db, "admin")
    with pytest.raises(ValidationError):
        import_file(demo_db, actor, "invoices", tmp_path / "x.xlsx")
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(ValidationError) as info:
        import_file(demo_db, actor, "customers", junk)
    assert info.value.code == "import.unreadable"
