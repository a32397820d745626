"""Deterministic demo content for a fresh installation (`dms.demo.load`).

`is_empty` lives here, not beside the loader: every start asks it, and importing the loader
(the demo content and the services it goes through) would cost that start a fifth of a second.
"""

from __future__ import annotations


def is_empty(db) -> bool:
    """No store yet: a brand-new database (the first start loads the demo into it)."""
    from sqlalchemy import select

    from dms.models import Store

    # The table, not the mapped class: the first ORM query configures every mapper (a tenth of
    # a second), which the start can leave to the sign-in.
    with db.reading() as s:
        return s.scalar(select(Store.__table__.c.id).limit(1)) is None
