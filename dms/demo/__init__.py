"""Deterministic demo content for a fresh installation (`dms.demo.load`).

`is_empty` lives here, not beside the loader: every start asks it, and importing the loader
(the demo content and the services it goes through) would cost that start a fifth of a second.
"""

from __future__ import annotations


def is_empty(db) -> bool:
    """No store yet: a brand-new database (the first start loads the demo into it)."""
    from dms.migrate import has_store

    return not has_store(db)
