"""Create or upgrade a database in place with Alembic (never drop and recreate).

Every start asks whether the schema is current. That question is answered without Alembic
(importing it costs a fifth of a second): the database's `alembic_version` row against the
head read from the revision files' `revision`/`down_revision` lines. Alembic is loaded only
when there is something to migrate, or when the history is not one plain line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sqlalchemy import Engine, column, inspect, select, table, text

from dms.errors import ConfigError

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


# `revision = '0002'` / `down_revision: Union[...] = '0001'` at the start of a line, as Alembic
# writes them (a whole-file parse of the initial schema alone would cost a tenth of a second).
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


def _declared_head() -> str | None:
    """The one revision no other names as its down_revision, read from the files' source;
    None when that is not plain (several heads, an assignment spread over lines)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        try:
            values = {name: ast.literal_eval(value) for name, value
                      in _ASSIGNMENT.findall(path.read_text(encoding="utf-8"))}
        except (ValueError, SyntaxError):
            return None
        if not isinstance(values.get("revision"), str):
            return None
        revisions.add(values["revision"])
        down = values.get("down_revision")
        parents.update((down,) if isinstance(down, str) else down or ())
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def head_revision() -> str:
    head = _declared_head()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if len(versions) > 1:  # a branched history: Alembic's own error says so
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()
    return versions[0] if versions else None


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Upgrade to `revision`; returns (revision before, revision after)."""
    before = current_revision(engine)
    if before is not None and before == (head_revision() if revision == "head" else revision):
        return before, before
    from alembic import command

    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # A batch rebuild of a parent table with foreign keys ON would cascade-delete every
            # child row (DESIGN §6). The pragma only works outside a transaction, so it goes
            # straight to the driver before SQLAlchemy begins one.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            config.attributes["connection"] = conn
            if not sqlite:
                command.upgrade(config, revision)
            else:
                # With foreign keys off nothing stopped a migration from orphaning rows: the
                # check runs in the migrations' own transaction, so such a migration is undone.
                # It reads the whole database (seconds on a large one), hence only here, after
                # a migration, and never on a start that found the schema current.
                with conn.begin():
                    command.upgrade(config, revision)
                    broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                    if broken:
                        raise ConfigError("db.migration_fk", "Migration left {n} rows with "
                                          "broken references.", n=len(broken))
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
    return before, current_revision(engine)


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def has_store(db) -> bool:
    """Whether the database holds a store yet: a brand-new one does not (the first start).
    Asked through the bare table, not the mapped class, because every start asks it before
    the sign-in dialog is painted and importing the ORM models costs a fifth of a second."""
    with db.reading() as s:
        return s.scalar(select(table("store", column("id")).c.id).limit(1)) is not None
