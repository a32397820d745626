"""Printed documents: every kind rendered from a closed demo order (all 12 steps behind it) and a
booked appointment, checked with poppler (pdftotext, pdffonts, pdftoppm) and zbarimg: Chinese
text, plate, amounts and 大写 present, the CJK font embedded, the Code 128 readable."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dms import fonts as font_files
from dms.auth import authenticate
from dms.billing.queries import settlement_view
from dms.errors import ConfigError, Forbidden, NotFound, ValidationError
from dms.models import Appointment, Payment, PartBarcode, Part, Settlement, WorkOrder
from dms.reports import documents, fonts
from dms.reports.capitals import amount_in_capitals
from dms.reports.documents.base import money

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm", "zbarimg")),
    reason="poppler-utils and zbar-tools are needed")

TITLES = {"appointment": "预约确认单", "checkin": "接车单", "estimate": "维修估价单",
          "jobcard": "派工单", "picking": "领料单", "qc": "质量检验单", "settlement": "结算单",
          "settlement-receipt": "结算单", "gatepass": "出门证"}
ORDER_KINDS = tuple(k for k in documents.KINDS if k != "transfer")  # a transfer's note: its own
SIGNED = {"appointment": "客户确认：", "checkin": "客户签字：", "estimate": "客户签字：",
          "jobcard": "维修技师：", "picking": "领料人：", "qc": "终检员：", "settlement": "客户签字：",
          "settlement-receipt": "客户签字：", "gatepass": "门卫："}


def _text(tmp_path: Path, pdf: bytes) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return "".join(out.split())  # table cells and wrapped lines: compare without whitespace


def _fonts(tmp_path: Path, pdf: bytes) -> list[tuple[str, str]]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in out]  # (name, emb)


def _barcodes(tmp_path: Path, pdf: bytes) -> set[str]:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / "scan")],
                   check=True)
    found: set[str] = set()
    for png in sorted(tmp_path.glob("scan*.png")):
        run = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
        found |= {line.strip() for line in run.stdout.splitlines() if line.strip()}
        png.unlink()
    return found


@pytest.fixture
def manager(demo_orders_db):
    return authenticate(demo_orders_db, "admin", "admin123")


@pytest.fixture
def closed(demo_orders_db):
    """The closed order with the most payments (a split or later collection, if any)."""
    with demo_orders_db.reading() as s:
        return s.execute(
            select(WorkOrder.id, WorkOrder.number).join(Settlement)
            .outerjoin(Payment, Payment.settlement_id == Settlement.id)
            .where(WorkOrder.state == "CLOSED").group_by(WorkOrder.id, WorkOrder.number)
            .order_by(func.count(Payment.id).desc(), WorkOrder.id).limit(1)).one()


def _mark_damage(db, wo_id):
    with db.transaction() as s:
        order = s.get(WorkOrder, wo_id)
        order.damage_marks = json.dumps([
            {"zone": "front_bumper", "kind": "scratch", "note": "左下角约5厘米"},
            {"zone": "right_rear_door", "kind": "dent", "note": "小凹坑"}], ensure_ascii=False)
        order.valuables = "行车记录仪一台"


def test_every_kind_from_a_closed_order(demo_orders_db, manager, closed, tmp_path):
    db = demo_orders_db
    wo_id, number = closed
    _mark_damage(db, wo_id)
    view = settlement_view(db, manager, wo_id)
    with db.reading() as s:
        appointment = s.scalar(select(Appointment.number).where(Appointment.status == "booked")
                               .order_by(Appointment.id).limit(1))
        store = s.scalar(select(func.min(WorkOrder.store_id)))
        assert store == manager.store_id
    assert set(ORDER_KINDS) == set(TITLES)  # (test_parts_transfers prints the transfer note)
    for kind in ORDER_KINDS:
        key = appointment if kind == "appointment" else number
        pdf = documents.render(db, manager, kind, key)
        assert pdf.startswith(b"%PDF"), kind
        text = _text(tmp_path, pdf)
        for needle in (TITLES[kind], "北京京华现代汽车4S店", "东四环北路168号", "010-84571234",
                       key, "第1页/共1页"):
            assert needle in text, (kind, needle)
        if kind != "appointment":
            assert view.plate in text, kind
        used = _fonts(tmp_path, pdf)
        assert used and all(emb == "yes" for _, emb in used), (kind, used)
        assert any("WenQuanYi" in name or "Hei" in name or "Ming" in name for name, _ in used)
        assert key in _barcodes(tmp_path, pdf), kind
        if kind in ("settlement", "settlement-receipt"):
            _check_slip(text, view, kind)
        if kind == "checkin":
            for needle in ("前保险杠", "划痕", "右后门", "凹陷", "行车记录仪一台", "客户签字"):
                assert needle in text, needle
        assert SIGNED[kind] in text, kind


def _check_slip(text: str, view, kind: str) -> None:
    amounts = [view.labour_receivable, view.labour_net, view.material_receivable,
               view.material_net, view.total, view.received, view.outstanding,
               view.customer_share, *(a for _, a in view.fees), *(p.amount for p in view.payments)]
    for line in view.lines:
        amounts += [line.unit_price, line.net]
    for amount in amounts:
        assert money(amount) in text, (kind, amount)
    for label in ("应收工时费", "实收工时费", "应收材料费", "实收材料费", "管理费", "辅料费", "包工费",
                  "施救费", "其他费用", "合计金额", "已收金额", "欠收金额", "本次收款", "客户签字"):
        assert label in text, (kind, label)
    assert amount_in_capitals(view.total) in text, kind
    assert view.invoice_no in text
    for line in view.lines:
        assert line.name.replace(" ", "") in text, line.name


ENGLISH_TITLES = {"appointment": "Appointment confirmation", "checkin": "Check-in sheet",
                  "estimate": "Repair estimate", "jobcard": "Job card", "picking": "Picking list",
                  "qc": "QC sheet", "settlement": "Settlement slip",
                  "settlement-receipt": "Settlement slip", "gatepass": "Gate pass"}


def test_every_kind_in_english(demo_orders_db, manager, closed, tmp_path):
    """--lang en: the documents' own words in English; what the store typed stays as typed."""
    from dms.reports.documents.words import EN

    with demo_orders_db.reading() as s:
        appointment = s.scalar(select(Appointment.number).where(Appointment.status == "booked")
                               .order_by(Appointment.id).limit(1))
    own = {zh for zh in EN if "{" not in zh and len(zh) >= 3}  # fixed texts, long enough
    for kind in ORDER_KINDS:  # not to occur by chance inside the data
        key = appointment if kind == "appointment" else closed[1]
        text = _text(tmp_path, documents.render(demo_orders_db, manager, kind, key, lang="en"))
        assert ENGLISH_TITLES[kind].replace(" ", "") in text, kind
        assert "北京京华现代汽车4S店" in text and key in text, kind
        left = sorted(zh for zh in own if zh.replace(" ", "") in text)
        assert not left, (kind, left)
    labels = _text(tmp_path, documents.labels(demo_orders_db, manager, ["26300-35505"], lang="en"))
    assert "Code:" in labels and "26300-35505" in labels and "编号" not in labels


def test_receipt_is_80_mm_wide_and_as_tall_as_its_content(demo_orders_db, manager, closed,
                                                          tmp_path):
    pdf = documents.render(demo_orders_db, manager, "settlement-receipt", closed[1])
    (tmp_path / "r.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True,
                          text=True).stdout if shutil.which("pdfinfo") else ""
    if info:
        size = next(line for line in info.splitlines() if line.startswith("Page size"))
        width, height = (float(x) for x in size.split(":")[1].split("pts")[0].split(" x "))
        assert abs(width - 226.77) < 0.1  # 80 mm
        assert 300 < height < 2000
        pages = next(line for line in info.splitlines() if line.startswith("Pages:"))
        assert pages.split()[-1] == "1"


def test_labels_scan_back_to_the_parts(demo_orders_db, manager, tmp_path):
    with demo_orders_db.reading() as s:
        rows = s.execute(select(Part.code, func.min(PartBarcode.barcode)).join(PartBarcode)
                         .group_by(Part.code).order_by(Part.code).limit(3)).all()
    pdf = documents.labels(demo_orders_db, manager, [code for code, _ in rows])
    scanned = _barcodes(tmp_path, pdf)
    text = _text(tmp_path, pdf)
    for code, barcode in rows:
        assert barcode in scanned and code in text
    assert "库位" in text
    assert all(emb == "yes" for _, emb in _fonts(tmp_path, pdf))
    with pytest.raises(NotFound):
        documents.labels(demo_orders_db, manager, ["NO-SUCH-PART"])
    with pytest.raises(ValidationError) as err:
        documents.labels(demo_orders_db, manager, [])
    assert err.value.code == "documents.no_labels"


def test_every_order_state_prints_what_it_has(demo_orders_db, manager):
    """Documents of orders in every state render, or refuse with a stable code."""
    with demo_orders_db.reading() as s:
        orders = s.execute(select(WorkOrder.number, WorkOrder.state)).all()
    for number, state in orders:
        for kind in ("checkin", "jobcard", "picking", "qc"):
            assert documents.render(demo_orders_db, manager, kind, number)
        if state == "RECEIVED":
            with pytest.raises(NotFound) as err:
                documents.render(demo_orders_db, manager, "estimate", number)
            assert err.value.code == "documents.no_estimate"
        else:
            assert documents.render(demo_orders_db, manager, "estimate", number)
        if state in ("PRESETTLED", "SETTLED", "DELIVERED", "CLOSED"):
            assert documents.render(demo_orders_db, manager, "settlement", number)
        if state not in ("DELIVERED", "CLOSED"):
            with pytest.raises(NotFound) as err:
                documents.render(demo_orders_db, manager, "gatepass", number)
            assert err.value.code == "documents.no_gate_pass"


def test_the_invoice_number_finds_the_order(demo_orders_db, manager, closed, tmp_path):
    """The cashier and the customer hold the invoice number (INV…), not the WO…."""
    invoice = settlement_view(demo_orders_db, manager, closed[0]).invoice_no
    for kind in ("settlement", "jobcard"):
        text = _text(tmp_path, documents.render(demo_orders_db, manager, kind, invoice.lower()))
        assert closed[1] in text, kind
    stranger = replace(manager, store_id=manager.store_id + 999)  # signed in to another store
    with pytest.raises(Forbidden):
        documents.render(demo_orders_db, stranger, "settlement", invoice)


def test_unknown_number_kind_and_other_store(demo_orders_db, manager, closed):
    with pytest.raises(NotFound) as err:
        documents.render(demo_orders_db, manager, "jobcard", "WO1999999999")
    assert err.value.code == "not_found"
    with pytest.raises(NotFound):
        documents.render(demo_orders_db, manager, "appointment", "AP1999999999")
    with pytest.raises(ValidationError) as err:
        documents.render(demo_orders_db, manager, "invoice", closed[1])
    assert err.value.code == "documents.unknown_kind"
    stranger = replace(manager, store_id=manager.store_id + 999)  # not who the database says
    with pytest.raises(Forbidden) as err:
        documents.render(demo_orders_db, stranger, "settlement", closed[1])
    assert err.value.code == "forbidden.store"


def test_a_missing_font_is_a_clear_error(demo_orders_db, manager, closed, monkeypatch, tmp_path):
    empty = tmp_path / "fonts"
    empty.mkdir()
    monkeypatch.setattr(font_files, "PROJECT_FONTS", empty)
    monkeypatch.setattr(font_files, "SYSTEM_CANDIDATES", ())
    monkeypatch.setattr(fonts, "load_settings", lambda: {})
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SystemRoot", raising=False)
    with pytest.raises(ConfigError) as err:
        documents.render(demo_orders_db, manager, "settlement", closed[1])
    assert err.value.code == "documents.font_missing"
    message = str(err.value)
    assert "fonts-wqy-microhei" in message and "cjk_font" in message and str(empty) in message
    # A configured file that is not a font is named with its reason.
    monkeypatch.setattr(fonts, "load_settings", lambda: {"cjk_font": str(tmp_path / "x.ttf")})
    with pytest.raises(ConfigError) as err:
        documents.labels(demo_orders_db, manager, ["26300-35505"])
    assert "x.ttf (not there)" in str(err.value)


def test_the_configured_font_comes_first(monkeypatch):
    system = next((p for p in font_files.system_candidates() if p.is_file()), None)
    if system is None:
        pytest.skip("no system CJK font")
    monkeypatch.setattr(fonts, "load_settings", lambda: {"cjk_font": str(system)})
    assert fonts.candidates()[0] == system
    assert fonts.cjk_font() == fonts.cjk_font()  # registered once, same name


def test_a_character_outside_the_font_is_named(demo_orders_db, manager, closed):
    with demo_orders_db.transaction() as s:
        s.get(WorkOrder, closed[0]).complaint = "刹车异响🚗"
    with pytest.raises(ValidationError) as err:
        documents.render(demo_orders_db, manager, "checkin", closed[1])
    assert err.value.code == "documents.glyph_missing"
    assert "🚗" in str(err.value) and "U+1F697" in str(err.value)
    # Documents without that text still print.
    assert documents.render(demo_orders_db, manager, "settlement", closed[1])


SYMBOLS = "-25℃ ±0.5 2×4 №3 ①②⑩ ，。：！（）【】《》“” ¥12 ￥12 ✗"


def test_the_symbols_of_a_4s_document_print(demo_orders_db, manager, closed, tmp_path):
    """℃ and the like, which the Chinese font lacks or leaves empty, print in the symbol font."""
    with demo_orders_db.transaction() as s:
        s.get(WorkOrder, closed[0]).complaint = f"冷却液冰点 {SYMBOLS}"
    pdf = documents.render(demo_orders_db, manager, "checkin", closed[1])
    assert SYMBOLS.replace(" ", "") in _text(tmp_path, pdf)
    used = dict(_fonts(tmp_path, pdf))
    assert any("DejaVu" in name for name in used) and all(e == "yes" for e in used.values())
    with demo_orders_db.reading() as s:
        code = s.scalar(select(Part.code).where(Part.name.like("%℃%")).limit(1))
    label = documents.labels(demo_orders_db, manager, [code])
    assert "℃" in _text(tmp_path, label)  # pdftotext reads it even from an empty glyph:
    assert any("DejaVu" in name for name, _ in _fonts(tmp_path, label))  # drawn in DejaVu


def test_without_a_symbol_font_an_empty_glyph_is_refused(demo_orders_db, manager, closed,
                                                         monkeypatch):
    """WenQuanYi maps ℃ to a glyph without an outline: printed, it would vanish silently."""
    monkeypatch.setattr(fonts, "SYMBOL_CANDIDATES", ())
    monkeypatch.setattr(fonts, "_symbols", [])
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SystemRoot", raising=False)
    if not any("WenQuanYi" in str(p) or "wqy" in str(p) for p in fonts.candidates()[:1]):
        pytest.skip("the check is about WenQuanYi Micro Hei's empty ℃")
    with demo_orders_db.transaction() as s:
        s.get(WorkOrder, closed[0]).complaint = "冰点 -25℃"
    with pytest.raises(ValidationError) as err:
        documents.render(demo_orders_db, manager, "checkin", closed[1])
    assert err.value.code == "documents.glyph_missing" and "U+2103" in str(err.value)


def test_render_is_warm_fast(demo_orders_db, manager, closed):
    documents.render(demo_orders_db, manager, "settlement", closed[1])
    start = time.perf_counter()
    for _ in range(3):
        documents.render(demo_orders_db, manager, "settlement", closed[1])
    assert (time.perf_counter() - start) / 3 < 1.0


def test_the_sellers_invoice_details_on_the_slips(demo_orders_db, manager, closed, tmp_path):
    """Entered in the store's record, they name the seller on the settlement slip (a block of
    its own), the receipt (the invoice name and the taxpayer ID) and in English too."""
    from dms.admin import store

    db, number = demo_orders_db, closed[1]
    a4 = _text(tmp_path, documents.render(db, manager, "settlement", number))
    assert "销售方" not in a4 and "纳税人识别号" not in a4  # none entered: none printed
    info = store.store_info(db, manager)
    invoice = store.InvoiceDetails("北京京华现代汽车销售服务有限公司", "91350100M000100Y43",
                                   "东四环北路168号 010-84571234", "工商银行朝阳支行 0200001234567890")
    store.save_store(db, manager, info.name, info.address, info.phone, info.logo_path, invoice)
    a4 = _text(tmp_path, documents.render(db, manager, "settlement", number))
    for needle in ("销售方（开票信息）", "名称：", invoice.name, "纳税人识别号：", invoice.tax_id,
                   "地址、电话：", "东四环北路168号010-84571234", "开户行及账号：",
                   "工商银行朝阳支行0200001234567890"):
        assert needle in a4, needle
    roll = _text(tmp_path, documents.render(db, manager, "settlement-receipt", number))
    assert invoice.name in roll and f"纳税人识别号：{invoice.tax_id}" in roll
    english = _text(tmp_path, documents.render(db, manager, "settlement", number, lang="en"))
    for needle in ("Seller(invoicedetails)", "TaxpayerID:", invoice.tax_id, "Bankandaccount:",
                   invoice.name):
        assert needle in english, needle
    assert "纳税人识别号" not in english
