"""Deterministic demo content for a fresh installation."""
