"""The cashier desk 收银台 (DESIGN §9)."""
