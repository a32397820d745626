"""The workshop board: kanban, plan, TV mode, QC desk (DESIGN §9)."""
