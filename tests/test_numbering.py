"""Document numbers are unique and gap-free per store, kind and year; a rollback burns none."""

import pytest

from dms.models import Store
from dms.numbering import next_number


def test_numbers_are_gap_free_and_rollbacks_burn_none(db):
    with db.transaction() as s:
        s.add_all([Store(code="A", name="甲店"), Store(code="B", name="乙店")])
    with db.transaction() as s:
        assert next_number(s, 1, "workorder", 2026) == "WO2026000001"
        assert next_number(s, 1, "workorder", 2026) == "WO2026000002"
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            assert next_number(s, 1, "workorder", 2026) == "WO2026000003"
            raise RuntimeError("the action failed after taking a number")
    with db.transaction() as s:
        assert next_number(s, 1, "workorder", 2026) == "WO2026000003"
        assert next_number(s, 2, "workorder", 2026) == "WO2026000001"  # per store
        assert next_number(s, 1, "invoice", 2026) == "INV2026000001"  # per kind
        assert next_number(s, 1, "workorder", 2027) == "WO2027000001"  # per year
