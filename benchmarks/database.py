"""Set-up shared by the benchmarks: a database to run on, with the demo dealership."""

from __future__ import annotations


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database the URL names when it does not exist (SQLite makes its file)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        return
    admin = create_engine(u.set(drivername="postgresql+psycopg", database="postgres"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                        {"n": u.database}).first() is None:
            conn.execute(text(f'CREATE DATABASE "{u.database}"'))
    admin.dispose()


def prepare(db) -> None:
    """An empty database gets the schema and the demo dealership (without work orders)."""
    from dms.demo import is_empty
    from dms.demo.load import load_demo
    from dms.migrate import is_current, upgrade

    if not is_current(db.engine):
        upgrade(db.engine)
    if is_empty(db):
        load_demo(db, with_orders=False)


def staff(db, username: str):
    """The demo user `username`, without a password: the benchmarks drive the services as the
    demo's staff on a database they made themselves (the product always signs in)."""
    from dms.auth import current, find_user

    with db.reading() as s:
        row = find_user(s, username)
        return current(row.User, row.name)
