"""The one place the application asks for the time.

Tests patch `now`; the demo loader replays past days with `frozen_at`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

_fixed: datetime | None = None


def now() -> datetime:
    return _fixed or datetime.now(timezone.utc)


@contextmanager
def frozen_at(moment: datetime) -> Iterator[None]:
    """Make `now()` return `moment` (an aware datetime) inside the block; not thread-safe."""
    global _fixed
    previous, _fixed = _fixed, moment
    try:
        yield
    finally:
        _fixed = previous
