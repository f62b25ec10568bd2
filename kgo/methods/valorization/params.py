"""The parameters of the valorisation method, read once from ``data/valorization.yaml``.

:func:`method_params` turns the data into one plain, JSON-ready dictionary. The same dictionary
drives the three implementations of the method — the build-time Python of this package, the
browser script ``docs/assets/js/calculator-method.js`` and the formulas of the spreadsheet calculator
(``kgo/calculator``) — so a weight or a threshold changes in the data and nowhere else.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

# Two numbers closer than this count as equal (weights that must sum to 1, a score at a threshold).
TOLERANCE = 1e-9
# min-max: bounds whose difference is within this share of their size count as equal.
REL_TOLERANCE = 1e-9
# Quadrant ids of the prioritisation matrix (potential x readiness).
QUADRANTS = ("develop", "build-capacity", "maintain", "monitor")


def indicator_range(indicator: Mapping[str, Any]) -> tuple[float, float | None]:
    """The valid range of an indicator's raw value: (lowest, highest or None)."""
    rng = indicator.get("range", {})
    high = rng.get("max")
    return float(rng.get("min", 0)), (None if high is None else float(high))


def method_params(model: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter of the method as plain data (the order of lists is the data's order)."""
    normalisation = model["scales"]["normalisation"]
    rules = model["prioritisation"]
    return {
        "scale": float(normalisation["max"]) - float(normalisation["min"]),
        "dimensions": [{"id": d["id"], "weight": float(d["weight"])} for d in model["dimensions"]],
        "indicators": [{
            "id": i["id"], "dimension": i["dimension"], "direction": i["direction"],
            "weight": float(i["weight"]), "ref_min": None, "ref_max": None,
            "min": indicator_range(i)[0], "max": indicator_range(i)[1],
        } for i in model["indicators"]],
        "criteria": [{"id": c["id"], "group": c["group"]} for c in model["criteria"]],
        "levels": int(model["scales"]["qualitative"]["levels"]),
        "qualitative_share": float(rules["qualitative_share"]),
        "lq_cap": float(rules["lq_cap"]),
        "threshold": float(rules["threshold"]),
        "min_weight_share": float(model["missing_data"]["min_weight_share"]),
    }


def with_changes(params: Mapping[str, Any], weights: Mapping[str, float] | None = None,
                 reference: Mapping[str, tuple[float, float]] | None = None, **values: float) -> dict[str, Any]:
    """A copy of ``params`` with other dimension weights, reference bounds (indicator ->
    (min, max)) or scalar parameters (``qualitative_share=0.5``, ``threshold=55`` …)."""
    out = copy.deepcopy(dict(params))
    unknown = sorted(set(values) - {"qualitative_share", "lq_cap", "threshold", "min_weight_share", "levels"})
    if unknown:
        raise KeyError(f"no method parameter {', '.join(unknown)}")
    out.update({k: float(v) for k, v in values.items()})
    if weights is not None:
        for dim in out["dimensions"]:
            dim["weight"] = float(weights[dim["id"]])
    if reference is not None:
        for ind in out["indicators"]:
            if ind["id"] in reference:
                ind["ref_min"], ind["ref_max"] = (float(v) for v in reference[ind["id"]])
    return out
