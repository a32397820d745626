"""Command line: `dms` opens the application; `dms db upgrade`, `dms demo`, `dms backup FILE`,
`dms restore FILE [--force]`;
documents, exports, reports and imports live in `dms.cli_reports`."""

from __future__ import annotations

import argparse
import sys

from dms import __version__, cli_reports
from dms.errors import DomainError


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand without its own --url keeps the one given before it (no --url at
    # all leaves no attribute). The action is shared by every parser: no set_defaults here.
    common.add_argument("--url", default=argparse.SUPPRESS,
                        help="database URL (default: DMS_DATABASE_URL, the settings file, or the "
                             "embedded SQLite file)")
    parser = argparse.ArgumentParser(prog="dms", parents=[common],
                                     description="After-sales DMS for 4S dealerships.")
    parser.add_argument("--version", action="version", version=f"dms {__version__}")
    parser.add_argument("--no-demo", action="store_true",
                        help="do not load the demo dealership into an empty database")
    sub = parser.add_subparsers(dest="command")
    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command",
                                                                         required=True)
    db.add_parser("upgrade", parents=[common], help="create or upgrade the schema in place")
    sub.add_parser("demo", parents=[common], help="load the demo dealership (once)")
    backup = sub.add_parser("backup", parents=[common], help="back up the database to FILE")
    backup.add_argument("file")
    restore = sub.add_parser("restore", parents=[common],
                             help="restore the database from FILE (made by `dms backup`) and verify it")
    restore.add_argument("file")
    restore.add_argument("--force", action="store_true",
                         help="restore even if the database has newer data than the backup")
    sub.add_parser("housekeeping", parents=[common],
                   help="release what no-show appointments and expired estimates hold; prune "
                        "the change log (the app does this at start and hourly)")
    cli_reports.add_commands(sub, common)
    return parser


def _database(url: str | None):
    from dms.db import Database

    return Database(url)


def cmd_upgrade(db) -> None:
    from dms.migrate import upgrade

    before, after = upgrade(db.engine)
    if before == after:
        print(f"Database {db.engine.url.render_as_string()} is up to date (revision {after}).")
    else:
        print(f"Database {db.engine.url.render_as_string()} upgraded from {before or 'empty'} to {after}.")


def cmd_demo(db) -> None:
    from dms.demo.load import load_demo
    from dms.migrate import is_current

    if not is_current(db.engine):
        raise DomainError("db.not_upgraded", "The database schema is not current: run `dms db upgrade` first.")
    result = load_demo(db)
    if result.loaded:
        print("Demo data loaded: " + ", ".join(f"{n} {k}" for k, n in result.counts.items()) + ".")
    else:
        print(f"Demo store {result.store_code} is already in this database; nothing was changed.")
    print("Demo sign-ins (user / password / roles):")
    for username, password, roles in result.logins:
        print(f"  {username:<12} {password:<10} {roles}")


def cmd_housekeeping(db) -> None:
    from dms.housekeeping import run

    done = run(db)
    print(f"{len(done.no_shows)} no-show appointment(s) and {len(done.estimates_released)} "
          f"expired estimate(s) released; {done.changes_pruned} change-log row(s) pruned.")


def cmd_run(db, load_demo_if_empty: bool) -> int:
    from dms.demo.load import is_empty, load_demo
    from dms.migrate import upgrade

    upgrade(db.engine)
    if load_demo_if_empty and is_empty(db):
        load_demo(db)
        print("First start: demo dealership loaded (sign in as advisor1 / demo123).")
    from dms.app import run

    return run(db)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        db = _database(getattr(args, "url", None))
        if args.command == "db":
            cmd_upgrade(db)
        elif args.command == "demo":
            cmd_demo(db)
        elif args.command == "backup":
            from dms.backup import backup

            print(backup(db, args.file))
        elif args.command == "restore":
            from dms.backup import restore

            print(restore(db, args.file, force=args.force).summary())
        elif args.command == "housekeeping":
            cmd_housekeeping(db)
        elif args.command is None:
            return cmd_run(db, not args.no_demo)
        else:
            return cli_reports.run(db, args)
    except DomainError as exc:
        print(f"dms: {_error_text(exc, args)}", file=sys.stderr)
        return 2
    return 0


def _error_text(exc: DomainError, args) -> str:
    """In the language the window would use: --lang, else the settings', else the system's."""
    from dms.db import load_settings
    from dms.ui.i18n import DEFAULT_LANGUAGE, choose_language

    try:
        language = getattr(args, "lang", None) or choose_language(load_settings())
    except DomainError:  # an unreadable settings file: its own error is what matters
        language = DEFAULT_LANGUAGE
    if language == DEFAULT_LANGUAGE:
        return exc.text()
    from dms.ui.messages import text_in

    return text_in(exc, language)


if __name__ == "__main__":
    sys.exit(main())
