"""`dms print`, `dms labels`, `dms export`, `dms report kpi`, `dms import`: the paperwork and
spreadsheets from the command line, through the same functions the screens use."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def add_commands(sub, common: argparse.ArgumentParser) -> None:
    # Who acts: DMS_USER and DMS_PASSWORD, else asked on the terminal (dms.cli_auth).
    acting = argparse.ArgumentParser(add_help=False, parents=[common])
    acting.add_argument("--lang", choices=("zh_CN", "en"),
                        help="language of headers and labels (default: the settings, else zh_CN)")

    printing = sub.add_parser("print", parents=[acting], help="print a document to a PDF file")
    printing.add_argument("kind", help="appointment, checkin, estimate, jobcard, picking, qc, "
                                       "settlement, settlement-receipt, gatepass or transfer")
    printing.add_argument("number", help="work-order (appointment, transfer) number as printed")
    printing.add_argument("-o", "--output", required=True)

    labels = sub.add_parser("labels", parents=[acting], help="part and bin labels to a PDF file")
    labels.add_argument("part_codes", nargs="+")
    labels.add_argument("-o", "--output", required=True)

    export = sub.add_parser("export", parents=[acting], help="export a list to .xlsx")
    export.add_argument("name", help="customers, vehicles, appointments, workorders, parts, "
                                     "movements, settlements, followups or complaints")
    export.add_argument("-o", "--output", required=True)
    export.add_argument("--from", dest="date_from", type=date.fromisoformat)
    export.add_argument("--to", dest="date_to", type=date.fromisoformat)

    report = sub.add_parser("report", help="reports").add_subparsers(dest="report", required=True)
    kpi = report.add_parser("kpi", parents=[acting], help="the KPI workbook")
    kpi.add_argument("--from", dest="date_from", type=date.fromisoformat, required=True)
    kpi.add_argument("--to", dest="date_to", type=date.fromisoformat, required=True)
    kpi.add_argument("-o", "--output", required=True)

    imports = sub.add_parser("import", parents=[acting], help="import parts, customers or vehicles")
    imports.add_argument("kind", choices=("parts", "customers", "vehicles"))
    imports.add_argument("file")
    imports.add_argument("--dry-run", action="store_true", help="check every row, change nothing")


def _lang(args) -> str:
    if args.lang:
        return args.lang
    from dms.db import load_settings

    return load_settings().get("language") or "zh_CN"


def run(db, args) -> int:
    """Run one of the commands above; the process exit code."""
    from dms.cli_auth import sign_in

    actor = sign_in(db)
    if args.command == "print":
        from dms.reports.documents import render

        Path(args.output).write_bytes(render(db, actor, args.kind, args.number, _lang(args)))
        print(f"{args.kind} {args.number} → {args.output}")
    elif args.command == "labels":
        from dms.reports.documents import labels

        Path(args.output).write_bytes(labels(db, actor, args.part_codes, _lang(args)))
        print(f"{len(args.part_codes)} label(s) → {args.output}")
    elif args.command == "export":
        from dms.reports.excel import export

        rows = export(db, actor, args.name, args.output, lang=_lang(args),
                      since=args.date_from, until=args.date_to)
        print(f"{rows} row(s) → {args.output}")
    elif args.command == "report":
        from dms.reports.kpi import kpi_workbook

        kpi_workbook(db, actor, args.date_from, args.date_to, args.output, lang=_lang(args))
        print(f"KPI {args.date_from} – {args.date_to} → {args.output}")
    else:
        from dms.reports.imports import import_file

        lang = _lang(args)
        result = import_file(db, actor, args.kind, args.file, dry_run=args.dry_run, lang=lang)
        rows = result.rows_imported if not args.dry_run else result.rows_read
        zh = lang.lower().startswith("zh")
        for error in result.errors:
            print(f"第 {error.row} 行，{error.column}：{error.message}" if zh else
                  f"row {error.row}, {error.column}: {error.message}")
        if zh:
            done = "已检查（试运行）" if args.dry_run else "已导入"
            print(f"{rows} 行{done}；{len(result.errors)} 个错误；报告：{result.report_path}")
        else:
            done = "checked (dry run)" if args.dry_run else "imported"
            print(f"{rows} row(s) {done}; {len(result.errors)} error(s); "
                  f"report: {result.report_path}")
        return 1 if result.errors else 0
    return 0
