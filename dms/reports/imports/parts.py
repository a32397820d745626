"""Parts catalogue import: codes and barcodes normalised like a scan, suppliers by name."""

from __future__ import annotations

import re

from sqlalchemy import select

from dms.models import Part, PartBarcode, Supplier
from dms.parts.catalogue import normalise_scan
from dms.reports.imports.common import Kind, duplicates, lookup
from dms.reports.imports.sheet import CellError, Column, Price, Qty, Text, flag, text


def _code(value):
    s = text(value, 40)
    return None if s is None else normalise_scan(s)


def _barcodes(value):
    """One or several barcodes (separated by commas, semicolons or blanks), each as scanned."""
    s = text(value, 500)
    if s is None:
        return None
    out = []
    for piece in re.split(r"[,;，；、\s]+", s):
        code = normalise_scan(piece)
        if not code:
            continue
        if len(code) > 60:
            raise CellError("import.too_long", max=60)
        if code not in out:
            out.append(code)
    return tuple(out) or None


COLUMNS = (
    Column("code", "配件编码", "part code", _code, required=True,
           aliases=("配件号", "零件号", "编码", "code", "part no", "part number")),
    Column("barcode", "条码", "barcode", _barcodes, aliases=("条形码", "barcodes"), width=18),
    Column("name", "名称", "name", Text(100), required=True, aliases=("配件名称", "part name"), width=24),
    Column("brand", "品牌", "brand", Text(40)),
    Column("category", "大类", "category", Text(40)),
    Column("subcategory", "小类", "subcategory", Text(40)),
    Column("unit", "单位", "unit", Text(10), required=True),
    Column("fits_models", "适用车型", "fits models", Text(200), aliases=("fits",), width=24),
    Column("genuine", "正厂(是/否)", "genuine", flag, aliases=("正厂", "原厂")),
    Column("origin", "产地", "origin", Text(40)),
    Column("supplier", "供应商", "supplier", Text(100), width=20),
    Column("sale_price", "销售价", "sale price", Price, required=True, aliases=("售价", "price")),
    Column("reorder_threshold", "补货点", "reorder point", Qty,
           aliases=("reorder threshold", "安全库存")),
)


def check(s, actor, rows, errors):
    store = PartBarcode.store_id == actor.store_id
    codes = duplicates(rows, "code", errors)
    duplicates(rows, "barcode", errors, values=lambda r: r.values.get("barcode") or ())
    # A scan must mean one part: a barcode may not be another part's code, nor the reverse.
    barcodes = {b for r in rows for b in (r.values.get("barcode") or ())}
    db_codes = {c for (c,) in lookup(s, (Part.code,), Part.code, set(codes) | barcodes,
                                     Part.store_id == actor.store_id)}
    db_barcodes = dict(lookup(s, (PartBarcode.barcode, Part.code), PartBarcode.barcode,
                              set(codes) | barcodes, store,
                              PartBarcode.part_id == Part.id))
    for row in rows:
        code = row.values.get("code")
        if code and "code" not in row.bad:
            if code in db_codes:
                errors.add(row.number, "code", "import.duplicate_in_db", value=code)
            elif code in db_barcodes:
                errors.add(row.number, "code", "import.code_is_barcode", value=code,
                           part=db_barcodes[code])
        for barcode in row.values.get("barcode") or ():
            if "barcode" in row.bad:
                break
            if barcode in db_barcodes:
                errors.add(row.number, "barcode", "import.duplicate_in_db", value=barcode)
            elif barcode != code and (barcode in db_codes or barcode in codes):
                errors.add(row.number, "barcode", "import.barcode_is_code", value=barcode, part=barcode)
            else:
                continue
            row.bad.add("barcode")
    return None


def _suppliers(s, actor, rows) -> tuple[dict[str, int], list[str]]:
    existing = dict(s.execute(select(Supplier.name, Supplier.id)
                              .where(Supplier.store_id == actor.store_id)).all())
    taken = set(s.scalars(select(Supplier.code).where(Supplier.store_id == actor.store_id)))
    created, n = [], len(taken)
    for row in rows:
        name = row.values.get("supplier")
        if name and name not in existing:
            n += 1
            while f"S{n:03d}" in taken:
                n += 1
            supplier = Supplier(store_id=actor.store_id, code=f"S{n:03d}", name=name)
            s.add(supplier)
            s.flush()
            existing[name] = supplier.id
            created.append(name)
    return existing, created


def write(s, actor, rows, _context) -> dict:
    suppliers, created = _suppliers(s, actor, rows)
    parts = []
    for row in rows:
        v = row.values
        parts.append(Part(
            store_id=actor.store_id, code=v["code"], name=v["name"], brand=v.get("brand"),
            category=v.get("category"), subcategory=v.get("subcategory"), unit=v["unit"],
            fits_models=v.get("fits_models"),
            genuine=True if v.get("genuine") is None else v["genuine"], origin=v.get("origin"),
            supplier_id=suppliers.get(v.get("supplier")) if v.get("supplier") else None,
            sale_price=v["sale_price"], reorder_threshold=v.get("reorder_threshold") or 0))
    s.add_all(parts)
    s.flush()
    barcodes = [PartBarcode(store_id=actor.store_id, part_id=part.id, barcode=b)
                for row, part in zip(rows, parts) for b in (row.values.get("barcode") or ())]
    s.add_all(barcodes)
    s.flush()
    return {"first_id": parts[0].id if parts else None, "last_id": parts[-1].id if parts else None,
            "barcodes": len(barcodes), "suppliers_created": created}


KIND = Kind("parts", "配件", "Parts", COLUMNS, check, write)
