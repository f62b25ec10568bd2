"""Rounding that every implementation does the same way.

Python's ``round`` and ``format`` round a tie to even; JavaScript's ``toFixed`` and spreadsheet
``ROUND`` round it away from zero. Printed results, exported CSV and derived example values use
:func:`fixed` / :func:`round_half_up`, which round the exact binary value half up, like
``Number.prototype.toFixed`` for the non-negative numbers the method produces.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fixed(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` digits after a point, as JavaScript's ``value.toFixed(decimals)``."""
    quantum = Decimal(1).scaleb(-decimals)
    text = str(Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP))
    return "0" + text[2:] if text.startswith("-0") and set(text[2:]) <= {".", "0"} else text


def round_half_up(value: float, decimals: int) -> float:
    return float(fixed(value, decimals))
