"""Administration (DESIGN §9, the manager's): staff accounts and roles, price classes and
labour rates, labour operations, maintenance packages, membership tiers, the store's rules and
standard times learned from the clocks. Every change is one audited transaction, allowed by
`dms.permissions`. No Qt."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Changed:
    """What a command changed: the screens refresh the record (dms.ui.shell.bus.as_changes)."""

    entity: str
    id: int
