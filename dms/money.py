"""Money: `Decimal` in Python, whole fen (integer) in the database (DESIGN §4)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value) -> Decimal:
    """Quantise to the fen, half up. Floats are refused: they have already lost the amount."""
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a str, int or Decimal")
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(value) -> int:
    return int(money(value) * 100)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)
