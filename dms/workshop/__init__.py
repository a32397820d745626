"""Work orders: the state machine, estimates, dispatch, clock, QC (no Qt)."""
