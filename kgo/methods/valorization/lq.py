"""The location quotient and what the prioritisation matrix makes of it.

* location quotient: ``LQ = (e_i / e) / (E_i / E)``
* concentration score: ``C = 100 * min(LQ, g) / g`` (``g`` is the cap of the LQ)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from kgo.methods.valorization.scores import SCALE


def location_quotient(e_i: float, e: float, big_e_i: float, big_e: float) -> float:
    """``LQ = (e_i / e) / (E_i / E)``: the sector's local share of employment over its share in
    the reference area. LQ > 1 means the sector is more concentrated locally than in the reference.
    """
    if e <= 0 or big_e <= 0 or big_e_i <= 0:
        raise ValueError("e, E and E_i must be positive to compute a location quotient")
    return (e_i / e) / (big_e_i / big_e)


def lq_or_none(e_i: float | None, e: float | None, big_e_i: float | None, big_e: float | None) -> float | None:
    """The LQ, or None when a figure is missing or cannot be divided by."""
    if None in (e_i, e, big_e_i, big_e):
        return None
    try:
        return location_quotient(float(e_i), float(e), float(big_e_i), float(big_e))  # type: ignore[arg-type]
    except ValueError:
        return None


def concentration_score(lq: float, cap: float) -> float:
    """Turn an LQ into 0..100: ``100 * min(LQ, cap) / cap`` (an LQ at or above ``cap`` gives 100)."""
    if cap <= 0:
        raise ValueError("the LQ cap must be positive")
    return SCALE * min(lq, cap) / cap


def lq_band(lq: float, bands: Sequence[Mapping[str, Any]]) -> str:
    """Id of the interpretation band whose [min, max) holds ``lq`` (max may be absent)."""
    for band in bands:
        low = band.get("min", -math.inf)
        high = band.get("max", math.inf)
        if low <= lq < high:
            return band["id"]
    raise ValueError(f"no LQ band holds {lq}")
