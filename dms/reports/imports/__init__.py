"""Parts, customer and vehicle imports from .xlsx (DESIGN §7, identifiers per §8).

The first row holds the headers, in Chinese or English (see `template`). Every row is checked
(required cells, numbers as Decimal, dates, identifiers, duplicates in the file and in the
store, references) before anything is written; one error anywhere and nothing is imported.
A dry run checks the same way in a read-only transaction. Either way a result workbook (the
original rows plus an error column, and a summary sheet) is written next to the file.

    result = import_file(db, actor, "vehicles", "vehicles.xlsx", dry_run=True)
    for e in result.errors: print(e.row, e.column, e.message)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from dms import audit, clock
from dms.errors import ValidationError
from dms.permissions import require
from dms.reports.imports import customers, parts, vehicles
from dms.reports.imports.common import Kind
from dms.reports.imports.sheet import Errors, RowError, read, write_report, write_template

__all__ = ["KINDS", "ImportResult", "RowError", "import_file", "template"]

KINDS = ("parts", "customers", "vehicles")
_KINDS: dict[str, Kind] = {k.name: k for k in (parts.KIND, customers.KIND, vehicles.KIND)}


@dataclass(frozen=True)
class ImportResult:
    kind: str
    rows_read: int
    rows_imported: int  # 0 on a dry run or when any row has an error
    errors: tuple[RowError, ...]
    report_path: Path

    @property
    def ok(self) -> bool:
        return not self.errors


class _Rollback(Exception):
    pass


def _kind(kind: str) -> Kind:
    try:
        return _KINDS[kind]
    except KeyError:
        raise ValidationError("import.kind", "Unknown import {kind}: use one of {kinds}.",
                              kind=kind, kinds=", ".join(KINDS)) from None


def default_report_path(path) -> Path:
    """FILE.xlsx -> FILE.result.xlsx, next to it."""
    path = Path(path)
    return path.with_name(f"{path.stem}.result.xlsx")


def import_file(db, actor, kind: str, path, dry_run: bool = False, report_path=None,
                lang: str | None = None) -> ImportResult:
    """`lang` ("zh_CN", "en"): the language of the row errors and the report; default: the
    language of the file's headers."""
    spec = _kind(kind)
    with db.reading() as s:
        require(s, actor, f"import.{spec.name}")
    path = Path(path)
    report = Path(report_path) if report_path else default_report_path(path)
    short = None if lang is None else ("zh" if lang.lower().startswith("zh") else "en")
    sheet, errors = read(path, spec.columns, lambda found: Errors(short or found))
    sheet.lang = short or sheet.lang
    rows = sheet.rows
    imported = 0
    try:
        with (db.reading() if dry_run else db.transaction()) as s:
            context = spec.check(s, actor, rows, errors)
            if errors.items or dry_run or not rows:
                raise _Rollback
            details = spec.write(s, actor, rows, context)
            audit.record(s, actor, "import", 0, kind, file=path.name, rows=len(rows), **details)
            s.flush()
        imported = len(rows)
    except _Rollback:
        pass
    except IntegrityError:  # another seat wrote the same code, VIN… between check and write
        errors.add(0, "", "import.conflict")

    order = {h: i for i, h in enumerate(sheet.headers)}
    found = tuple(sorted(errors.items, key=lambda e: (e.row, order.get(e.column, len(order)))))
    zh = sheet.lang == "zh"
    summary = [
        ("导入类型" if zh else "Import", spec.title_zh if zh else spec.title_en),
        ("文件" if zh else "File", path.name),
        ("操作员" if zh else "User", actor.display_name),
        ("时间" if zh else "At", clock.now().astimezone().strftime("%Y-%m-%d %H:%M")),
        ("试运行" if zh else "Dry run", ("是" if dry_run else "否") if zh else ("yes" if dry_run else "no")),
        ("读取行数" if zh else "Rows read", len(rows)),
        ("导入行数" if zh else "Rows imported", imported),
        ("错误数" if zh else "Errors", len(found)),
    ]
    write_report(report, sheet, list(found), summary)
    return ImportResult(kind, len(rows), imported, found, report)


def template(kind: str, path, lang: str = "zh_CN") -> Path:
    """An empty workbook with the headers `import_file` expects (required ones in red)."""
    spec = _kind(kind)
    short = "zh" if lang.lower().startswith("zh") else "en"
    path = Path(path)
    write_template(path, spec.columns, short, spec.title_zh if short == "zh" else spec.title_en)
    return path
