"""Customers, vehicles and the identifiers that name them."""
