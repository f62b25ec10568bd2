"""How much the results depend on choices that could have been made otherwise.

* the index and ranks under every weight set of the data (the base weights first);
* the quadrant of every sector when one matrix parameter at a time — the qualitative share ``a``,
  the LQ cap ``g``, the threshold — takes each value listed under ``sensitivity`` in the data.

A rank or a quadrant is stable when it is the same in every variant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kgo.methods.valorization.calculator import index_results, sector_results
from kgo.methods.valorization.params import with_changes

MATRIX_PARAMETERS = ("qualitative_share", "lq_cap", "threshold")


def weight_sets(model: Mapping[str, Any]) -> list[tuple[str, dict[str, float]]]:
    """(id, weights) of the base weights followed by every alternative set in the data."""
    sets = [("base", {d["id"]: float(d["weight"]) for d in model["dimensions"]})]
    for ws in model.get("weight_sets", []):
        sets.append((ws["id"], {k: float(v) for k, v in ws["weights"].items()}))
    return sets


def index_sensitivity(params: Mapping[str, Any], units: Sequence[Mapping[str, Any]],
                      sets: Sequence[tuple[str, Mapping[str, float]]]) -> dict[str, dict[str, list]]:
    """Weight set id -> {"index": [...], "rank": [...]} in the order of ``units``."""
    out = {}
    for set_id, weights in sets:
        result = index_results(with_changes(params, weights=weights), units)
        out[set_id] = {"index": result["index"], "rank": result["rank"]}
    return out


def rank_range(runs: Mapping[str, Mapping[str, list]], position: int) -> tuple[int, int] | None:
    """(best, worst) rank of the unit at ``position`` over every run; None without a rank."""
    ranks = [run["rank"][position] for run in runs.values()]
    if any(r is None for r in ranks):
        return None
    return min(ranks), max(ranks)


def matrix_variants(model: Mapping[str, Any]) -> list[tuple[str, float | None]]:
    """("base", None), then (parameter, value) for every value listed under ``sensitivity``."""
    variants: list[tuple[str, float | None]] = [("base", None)]
    for name in MATRIX_PARAMETERS:
        for value in model.get("sensitivity", {}).get(name, []):
            variants.append((name, float(value)))
    return variants


def matrix_sensitivity(params: Mapping[str, Any], sectors: Mapping[str, Any],
                       variants: Sequence[tuple[str, float | None]]) -> list[list[str | None]]:
    """The quadrant of every sector row (outer list) in every variant (inner list)."""
    runs = []
    for name, value in variants:
        changed = params if value is None else with_changes(params, **{name: value})
        runs.append([row["quadrant"] for row in sector_results(changed, sectors)])
    return [list(column) for column in zip(*runs, strict=True)] if runs and runs[0] else []


def is_stable(values: Sequence[Any]) -> bool:
    return len(set(values)) == 1
