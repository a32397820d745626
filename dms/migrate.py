"""Create or upgrade a database in place with Alembic (never drop and recreate).

Every start asks whether the schema is current. That question is answered without Alembic
(importing it costs a fifth of a second): the database's `alembic_version` row against the
head read from the revision files' `revision`/`down_revision` assignments. Alembic is loaded
only when there is something to migrate, or when the history is not one plain line.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from dms.errors import ConfigError

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _declared_heads() -> set[str]:
    """Revisions no other revision names as its down_revision, read from the files' source."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        values = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = (node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1
                      else node.target if isinstance(node, ast.AnnAssign) else None)
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
        if isinstance(values.get("revision"), str):
            revisions.add(values["revision"])
            down = values.get("down_revision")
            parents.update((down,) if isinstance(down, str) else down or ())
    return revisions - parents


def head_revision() -> str:
    heads = _declared_heads()
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # several heads: Alembic says what is wrong

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
