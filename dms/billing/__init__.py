"""Billing: settlement pricing of repair orders (pure arithmetic, DESIGN §4)."""
