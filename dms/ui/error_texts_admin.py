"""Error texts of backup and restore, printed documents, exports, imports and reports. Part
of `dms.ui.messages`, which explains the rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        # backup and restore (dms/backup.py)
        "backup.exists": QCoreApplication.translate(
            "Messages", "{path} already exists; choose a new file name."),
        "backup.no_pg_dump": QCoreApplication.translate(
            "Messages", "pg_dump was not found. Install the PostgreSQL client tools (Debian: "
                        "postgresql-client, Windows: the PostgreSQL installer's command line "
                        "tools) and make sure pg_dump is on PATH."),
        "backup.pg_dump_failed": QCoreApplication.translate("Messages", "pg_dump failed: {error}"),
        "backup.sqlite_path": QCoreApplication.translate(
            "Messages", "Only SQLite databases in a plain file can be backed up."),
        "backup.verify_needs_server": QCoreApplication.translate(
            "Messages", "Verifying a PostgreSQL dump restores it into a temporary database: "
                        "give a PostgreSQL database URL."),
        "restore.bad_manifest": (
            QCoreApplication.translate("Messages", "Cannot read {path}: {error}"),
            QCoreApplication.translate("Messages", "{path} is not a DMS backup manifest.")),
        "restore.newer_data": QCoreApplication.translate(
            "Messages", "The database has newer data than the backup {file} ({reasons}). "
                        "Restoring would lose it; use --force to restore anyway."),
        "restore.no_file": QCoreApplication.translate(
            "Messages", "Backup file {path} does not exist."),
        "restore.no_manifest": QCoreApplication.translate(
            "Messages", "{path} is missing: the backup cannot be verified. Use --force to "
                        "restore it anyway without verification."),
        "restore.no_pg_restore": QCoreApplication.translate(
            "Messages", "pg_restore was not found. Install the PostgreSQL client tools "
                        "(Debian: postgresql-client, Windows: the PostgreSQL installer's "
                        "command line tools) and make sure pg_restore is on PATH."),
        "restore.pg_restore_failed": QCoreApplication.translate(
            "Messages", "pg_restore failed (nothing was changed): {error}"),
        "restore.sqlite_failed": QCoreApplication.translate(
            "Messages", "Restoring {file} failed: {error}"),
        "restore.verify_failed": (
            QCoreApplication.translate(
                "Messages", "Verification of {file} failed {when}: {problems}"),
            QCoreApplication.translate(
                "Messages", "Verification of {file} failed before restoring: the file's "
                            "SHA-256 does not match its manifest (the backup or the manifest "
                            "was changed or damaged).")),
        "restore.wrong_backend": QCoreApplication.translate(
            "Messages", "{path} is a {backup} backup; it cannot be restored into a {backend} "
                        "database."),
        # documents, exports, imports and reports (dms/reports/)
        "documents.font_missing": QCoreApplication.translate(
            "Messages", "No usable Chinese TrueType font was found for printing (tried: "
                        "{tried}). Install WenQuanYi Micro Hei (Debian/Ubuntu: apt-get install "
                        "fonts-wqy-microhei), copy a TrueType (.ttf/.ttc) Chinese font into "
                        "{project}, or set \"cjk_font\" in the settings file to the path of "
                        "one (for example C:\\Windows\\Fonts\\msyh.ttc)."),
        "documents.glyph_missing": QCoreApplication.translate(
            "Messages", "The printing font {font} has no glyph for {chars}; the document was "
                        "not printed. Change the text, or configure a font that has these "
                        "characters (settings key \"cjk_font\")."),
        "documents.no_estimate": QCoreApplication.translate(
            "Messages", "Work order {key} has no estimate yet."),
        "documents.no_gate_pass": QCoreApplication.translate(
            "Messages", "Work order {key} has no gate pass yet."),
        "documents.no_labels": QCoreApplication.translate(
            "Messages", "Name at least one part to print labels for."),
        "documents.unknown_kind": QCoreApplication.translate(
            "Messages", "Unknown document {kind}; one of: {kinds}."),
        "export.bad_date": QCoreApplication.translate("Messages", "Not a date: {value}"),
        "export.cancelled": QCoreApplication.translate(
            "Messages", "The export was cancelled; no file was written."),
        "export.unknown": QCoreApplication.translate(
            "Messages", "Unknown export {name}; one of: {known}."),
        "export.too_many_rows": QCoreApplication.translate(
            "Messages", "More than {limit} rows for one sheet: choose a shorter period."),
        "import.kind": QCoreApplication.translate(
            "Messages", "Unknown import {kind}: use one of {kinds}."),
        "import.unreadable": QCoreApplication.translate(
            "Messages", "Cannot read {path} as an .xlsx workbook: {error}"),
        "kpi.period": QCoreApplication.translate("Messages", "The period ends before it starts."),
        "capitals.negative": QCoreApplication.translate(
            "Messages", "A negative amount ({value}) cannot be written in capitals."),
        "capitals.not_a_number": QCoreApplication.translate(
            "Messages", "{value} is not an amount."),
        "capitals.not_exact": QCoreApplication.translate(
            "Messages", "An amount in capitals needs an exact number, not {value}."),
        "capitals.too_large": QCoreApplication.translate(
            "Messages", "{value} is too large to write in capitals."),
        "query.page": QCoreApplication.translate(
            "Messages", "Bad page: offset {offset}, limit {limit}."),
        # administration (dms/admin/)
        "user.roles": QCoreApplication.translate(
            "Messages", "Give the user at least one role of the list."),
        "user.username": QCoreApplication.translate(
            "Messages", "Enter a user name of 1 to {limit} characters."),
        "user.username_characters": QCoreApplication.translate(
            "Messages", "A user name has no spaces or special characters."),
        "user.display_name": QCoreApplication.translate(
            "Messages", "Enter the name shown, 1 to {limit} characters."),
        "user.taken": QCoreApplication.translate(
            "Messages", "The user name {username} is taken."),
        "user.self": QCoreApplication.translate(
            "Messages", "You cannot take the manager role or the account away from yourself."),
        "catalogue.kind": QCoreApplication.translate("Messages", "Unknown list {kind}."),
        "catalogue.text": QCoreApplication.translate(
            "Messages", "Enter a text of 1 to {limit} characters."),
        "catalogue.value": QCoreApplication.translate(
            "Messages", "{field}: {value} is not a valid value."),
        "catalogue.code_taken": QCoreApplication.translate(
            "Messages", "The code {value} is taken."),
        "store.name": QCoreApplication.translate(
            "Messages", "Enter the store's name, 1 to {limit} characters."),
        "store.logo": QCoreApplication.translate(
            "Messages", "The logo must be a PNG or JPEG file that exists: {path}."),
        "store.tax_id": QCoreApplication.translate(
            "Messages", "The taxpayer ID {value} is not a unified social credit code: 18 digits "
                        "and capital letters (no I, O, S, V or Z)."),
        "store.tax_id_check": QCoreApplication.translate(
            "Messages", "The taxpayer ID {value} has a wrong check character: compare it with "
                        "the business licence."),
        "store.invoice_incomplete": QCoreApplication.translate(
            "Messages", "The invoice details need at least the name and the taxpayer ID."),
        "package.kind": QCoreApplication.translate("Messages", "Unknown item kind {kind}."),
        "package.code": QCoreApplication.translate(
            "Messages", "Enter an item's code, 1 to {limit} characters."),
        "package.qty": QCoreApplication.translate(
            "Messages", "{value} is not a quantity: enter a number above zero."),
        "package.twice": QCoreApplication.translate("Messages", "An item is in the package twice."),
        "package.items": QCoreApplication.translate(
            "Messages", "A package has 1 to {limit} items, at least one of them labour."),
        "package.unknown_code": QCoreApplication.translate(
            "Messages", "Not in the store's catalogue: {codes}."),
        "standard_time.none": QCoreApplication.translate(
            "Messages", "No clocked jobs of {operation} to learn from yet."),
        "setting.unknown": QCoreApplication.translate(
            "Messages", "Unknown setting {key}."),
        "setting.value": QCoreApplication.translate(
            "Messages", "{value} is not a valid value for {key}."),
    }
