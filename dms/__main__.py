"""Command line: `dms` opens the application; `dms db upgrade`, `dms demo`, `dms init`,
`dms passwd`, `dms user unlock|reset NAME`, `dms backup FILE`, `dms restore FILE [--force]`,
`dms lounge [--store CODE]` (the lounge board: no sign-in, it shows masked data only);
documents, exports, reports and imports live in `dms.cli_reports`. Every command that reads
personal data or writes signs in (`dms.cli_auth`): DMS_USER/DMS_PASSWORD or a prompt."""

from __future__ import annotations

import argparse
import sys

from dms import __version__, cli_errors, cli_reports
from dms.errors import DomainError


def _parser() -> argparse.ArgumentParser:
    common = cli_errors.Parser(add_help=False)
    # SUPPRESS: a subcommand without its own --url keeps the one given before it (no --url at
    # all leaves no attribute). The action is shared by every parser: no set_defaults here.
    common.add_argument("--url", default=argparse.SUPPRESS,
                        help="database URL (default: DMS_DATABASE_URL, the settings file, or the "
                             "embedded SQLite file)")
    parser = cli_errors.Parser(prog="dms", parents=[common],
                                     description="After-sales DMS for 4S dealerships.")
    parser.add_argument("--version", action="version", version=f"dms {__version__}")
    parser.add_argument("--no-demo", action="store_true",
                        help="do not load the demo dealership into an empty database")
    sub = parser.add_subparsers(dest="command")
    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command",
                                                                         required=True)
    db.add_parser("upgrade", parents=[common], help="create or upgrade the schema in place")
    sub.add_parser("demo", parents=[common], help="load the demo dealership (once)")
    init = sub.add_parser("init", parents=[common],
                          help="create the store and its first manager in a new database "
                               "(password: asked, or DMS_NEW_PASSWORD)")
    init.add_argument("--store-code", required=True)
    init.add_argument("--store-name", required=True)
    init.add_argument("--manager", required=True, help="the manager's user name")
    init.add_argument("--display-name", help="the manager's name as shown (default: the user name)")
    sub.add_parser("passwd", parents=[common], help="change your password")
    user = sub.add_parser("user", help="accounts (a manager)").add_subparsers(
        dest="user_command", required=True)
    unlock = user.add_parser("unlock", parents=[common], help="clear failed sign-ins of NAME")
    unlock.add_argument("name")
    reset = user.add_parser("reset", parents=[common],
                            help="set a temporary password for NAME, changed at their next sign-in")
    reset.add_argument("name")
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
    lounge = sub.add_parser("lounge", parents=[common],
                            help="the customer lounge board, full screen, no sign-in (masked "
                                 "plates, steps and times only)")
    lounge.add_argument("--store", help="the store's code (default: the database's only store)")
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
    if result.resumed:
        print(f"Demo store {result.store_code} was cut short by an earlier run; finished: "
              f"{result.counts['work orders']} more work orders.")
    elif result.loaded:
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


def first_start(db, load_demo_if_empty: bool, url: str | None) -> bool:
    """Schema up to date; True when the demo was loaded. Only an empty embedded default
    database is the trial that gets the demo, whose passwords are published. Any other empty
    database starts empty: `dms init`, or the window, creates its store and first manager."""
    from dms.db import default_sqlite_url, resolve_url
    from dms.demo import is_empty
    from dms.migrate import upgrade

    upgrade(db.engine)
    if load_demo_if_empty and resolve_url(url) == default_sqlite_url() and is_empty(db):
        from dms.demo.load import load_demo

        load_demo(db)
        return True
    return False


def cmd_run(db, load_demo_if_empty: bool, url: str | None) -> int:
    if first_start(db, load_demo_if_empty, url):
        print("First start: demo dealership loaded (sign in as advisor1 / demo123).")
    from dms.app import run

    return run(db)


def cmd_init(db, args) -> None:
    from dms.cli_auth import ask_new_password
    from dms.migrate import upgrade
    from dms.users import init_database

    upgrade(db.engine)
    manager = init_database(db, args.store_code, args.store_name, args.manager,
                            args.display_name or args.manager, ask_new_password())
    print(f"Store {args.store_code} created with its manager {manager.username}; sign in as "
          f"{manager.username} to add the staff.")


def cmd_accounts(db, args) -> None:
    from dms import users
    from dms.auth import authenticate
    from dms.cli_auth import ask_new_password, credentials, sign_in

    if args.command == "passwd":  # the one command a password set by someone else allows
        name, old = credentials()
        users.change_password(db, authenticate(db, name, old), old, ask_new_password())
        print("Password changed.")
    elif args.user_command == "unlock":
        users.unlock(db, sign_in(db), args.name)
        print(f"{args.name} may sign in again.")
    else:
        manager = sign_in(db)
        users.reset_password(db, manager, args.name, ask_new_password("Temporary password: "))
        print(f"{args.name} has a temporary password and must change it at the next sign-in.")


def _sign_in_for(db, action: str):
    """A manager's sign-in for backup and restore; a database without users (a new server
    being restored) has nobody to sign in as, so nothing is checked there."""
    from dms.cli_auth import sign_in
    from dms.migrate import current_revision
    from dms.permissions import require
    from dms.users import is_initialised

    if current_revision(db.engine) is not None and is_initialised(db):
        actor = sign_in(db)
        with db.reading() as s:
            require(s, actor, action)


def main(argv: list[str] | None = None) -> int:
    """The exit code; every failure is one line on stderr (`dms.cli_errors`)."""
    argv = sys.argv[1:] if argv is None else argv
    return cli_errors.guarded(lambda: _command(_parser().parse_args(argv)), argv)


def _command(args) -> int:
    db = _database(getattr(args, "url", None))
    if args.command == "db":
        cmd_upgrade(db)
    elif args.command == "demo":
        cmd_demo(db)
    elif args.command == "init":
        cmd_init(db, args)
    elif args.command in ("passwd", "user"):
        cmd_accounts(db, args)
    elif args.command == "backup":
        from dms.backup import backup

        _sign_in_for(db, "database.backup")
        print(backup(db, args.file))
    elif args.command == "restore":
        from dms.backup import restore

        _sign_in_for(db, "database.restore")
        print(restore(db, args.file, force=args.force).summary())
    elif args.command == "lounge":
        from dms.app import run_lounge
        from dms.migrate import is_current

        from dms.workshop.lounge import lounge_board

        if not is_current(db.engine):
            raise DomainError("db.not_upgraded", "The database schema is not current: run "
                              "`dms db upgrade` first.")
        lounge_board(db, args.store)  # an unknown store: one line now, not a blank wall screen
        return run_lounge(db, args.store)
    elif args.command == "housekeeping":
        _sign_in_for(db, "housekeeping.run")
        cmd_housekeeping(db)
    elif args.command is None:
        return cmd_run(db, not args.no_demo, getattr(args, "url", None))
    else:
        return cli_reports.run(db, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
