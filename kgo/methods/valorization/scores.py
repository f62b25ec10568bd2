"""Normalisation, dimension scores, the composite index and ranks.

Formulas (as printed in ``docs/*/smernice/bodovanje.md``):

* min-max, positive direction: ``x' = 100 * (x - min) / (max - min)``
* min-max, negative direction: ``x' = 100 * (max - x) / (max - min)``
  where ``min`` and ``max`` are the group's lowest and highest value, or the fixed reference
  values of a base year when they are given; a value beyond the reference values is held at 0
  or 100. Equal bounds give every unit the middle of the scale.
* dimension score: ``D = sum(w_i * x'_i) / sum(w_i)`` over the indicators that have a value; no
  score when they carry less than the minimum share of the dimension's weight (missing data)
* composite index: ``I = sum_d(W_d * D_d)``; no index when a dimension has no score
* rank: competition ranking ("1224") of the index, highest first

Sums run left to right in data order (:func:`add`), exactly as the spreadsheet formulas and the
browser script add, so that the three implementations give the same floating-point numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kgo.methods.valorization.params import REL_TOLERANCE, TOLERANCE

SCALE = 100.0


def add(values: Iterable[float]) -> float:
    """Plain left-to-right sum (Python's ``sum`` of floats compensates rounding since 3.12;
    a spreadsheet and a browser do not)."""
    total = 0.0
    for value in values:
        total = total + value
    return total


def bounds_equal(low: float, high: float) -> bool:
    """True when the bounds do not tell units apart (as ``math.isclose`` with rel_tol 1e-9)."""
    return abs(high - low) <= REL_TOLERANCE * max(abs(high), abs(low))


def scaled(x: float, low: float, high: float, direction: str = "+", scale: float = SCALE) -> float:
    """One value on the 0..scale range between ``low`` and ``high`` (held inside the range)."""
    if direction not in ("+", "-"):
        raise ValueError(f"direction must be '+' or '-', not {direction!r}")
    if bounds_equal(low, high):
        return scale / 2
    value = scale * (x - low) / (high - low) if direction == "+" else scale * (high - x) / (high - low)
    return min(scale, max(0.0, value))


def bounds(values: Sequence[float | None], ref_min: float | None = None,
           ref_max: float | None = None) -> tuple[float, float] | None:
    """(min, max) used to normalise: the reference values when both are given, else the group's."""
    if ref_min is not None and ref_max is not None:
        return float(ref_min), float(ref_max)
    present = [v for v in values if v is not None]
    if not present:
        return None
    return min(present), max(present)


def normalise(values: Sequence[float | None], direction: str = "+", scale: float = SCALE,
              ref_min: float | None = None, ref_max: float | None = None) -> list[float | None]:
    """Normalise one indicator over the units; a missing value (None) stays missing."""
    limits = bounds(values, ref_min, ref_max)
    if limits is None:
        return [None for _ in values]
    return [None if v is None else scaled(v, limits[0], limits[1], direction, scale) for v in values]


def min_max(values: Mapping[str, float], direction: str = "+", scale: float = SCALE) -> dict[str, float]:
    """Rescale ``values`` (unit -> raw value) to 0..scale against the group; the best unit gets
    ``scale``, and every unit gets the middle when all values are equal."""
    if direction not in ("+", "-"):
        raise ValueError(f"direction must be '+' or '-', not {direction!r}")
    units = list(values)
    out = normalise([float(values[u]) for u in units], direction, scale)
    return {u: float(v) for u, v in zip(units, out, strict=True) if v is not None}


def weighted_sum(scores: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """Sum of ``weights[k] * scores[k]``; every weighted key must have a score."""
    missing = sorted(set(weights) - set(scores))
    if missing:
        raise KeyError(f"no score for {', '.join(missing)}")
    return add(w * scores[k] for k, w in weights.items())


def dimension_score(scores: Mapping[str, float | None], weights: Mapping[str, float],
                    min_share: float = 1.0) -> float | None:
    """Weighted mean of the indicators that have a value; None when they carry less than
    ``min_share`` of the dimension's weight."""
    total = add(weights.values())
    available = add(w if scores.get(k) is not None else 0.0 for k, w in weights.items())
    if available <= 0 or available < min_share * total - TOLERANCE:
        return None
    weighted = add(w * scores[k] if scores.get(k) is not None else 0.0 for k, w in weights.items())
    return weighted / available


def composite(scores: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    """``I = sum_d(W_d * D_d)``, or None when a dimension has no score."""
    if any(scores.get(d) is None for d in weights):
        return None
    return add(w * scores[d] for d, w in weights.items())  # type: ignore[operator]


def rank(values: Mapping[str, float | None], descending: bool = True) -> dict[str, int | None]:
    """Competition ranking ("1224"): equal values share a rank, the next rank skips; a unit
    without a value has no rank. Values are compared after rounding to 9 decimals, so that
    floating-point noise makes no tie and no false difference."""
    rounded = {k: round(v, 9) for k, v in values.items() if v is not None}
    ordered = sorted(rounded.values(), reverse=descending)
    return {k: (ordered.index(rounded[k]) + 1 if k in rounded else None) for k in values}
