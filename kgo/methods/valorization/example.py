"""The worked example of the Guidelines, computed from ``data/valorization.yaml``.

The example's inputs are read from the data (:func:`example_units`, :func:`example_sectors`) and
run through :func:`.calculator.calculate`, the same function that checks the calculators; every
number of the example in the publication comes from here and is never typed into the prose.

An indicator marked ``derived: employment-share`` is not typed into the example either: it is
computed from the unit's own employment figures (every sector in scope over all employed),
rounded to two decimals as an officer would enter it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kgo.methods.valorization.calculator import calculate
from kgo.methods.valorization.numbers import round_half_up
from kgo.methods.valorization.params import method_params
from kgo.methods.valorization.scores import SCALE, add
from kgo.methods.valorization.sensitivity import (
    index_sensitivity,
    matrix_sensitivity,
    matrix_variants,
    rank_range,
    weight_sets,
)

DERIVED_DECIMALS = 2


@dataclass
class Example:
    """Every number of the worked example."""

    units: list[str]                                   # unit ids in data order
    values: dict[str, dict[str, float]]                # unit -> indicator -> raw value (derived ones included)
    bounds: dict[str, list[float] | None]              # indicator -> [min, max] of the group (base year)
    normalised: dict[str, dict[str, float]]            # indicator -> unit -> 0..100
    dimension_scores: dict[str, dict[str, float]]      # unit -> dimension -> 0..100
    index: dict[str, float]                            # unit -> composite index (base weights)
    ranks: dict[str, int]                              # unit -> rank by the index
    sensitivity: dict[str, dict[str, float]]           # weight set -> unit -> index
    sensitivity_ranks: dict[str, dict[str, int]]       # weight set -> unit -> rank
    rank_range: dict[str, tuple[int, int]]             # unit -> (best, worst) rank over all sets
    lq: dict[str, dict[str, float]] = field(default_factory=dict)        # unit -> sector -> LQ
    matrix: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # unit -> sector -> row
    variants: list[tuple[str, float | None]] = field(default_factory=list)     # matrix sensitivity variants
    quadrants: dict[str, dict[str, list]] = field(default_factory=dict)  # unit -> sector -> quadrant per variant


def employment_share(unit: Mapping[str, Any]) -> float:
    """100 × employed in every sector in scope / all employed, to two decimals."""
    employment = unit["employment"]
    return round_half_up(SCALE * add(float(v) for v in employment["sectors"].values()) / float(employment["total"]),
                         DERIVED_DECIMALS)


def unit_values(model: Mapping[str, Any], unit: Mapping[str, Any]) -> dict[str, float]:
    """The unit's raw value of every indicator, derived ones computed from its employment."""
    values = {}
    for ind in model["indicators"]:
        if ind.get("derived") == "employment-share" and "employment" in unit:
            values[ind["id"]] = employment_share(unit)
        else:
            values[ind["id"]] = float(unit["values"][ind["id"]])
    return values


def example_units(model: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The example's units as calculator input (the name is the unit id)."""
    return [{"name": u["id"], "values": unit_values(model, u)} for u in model["example"]["units"]]


def example_sectors(model: Mapping[str, Any], unit_id: str) -> dict[str, Any]:
    """One unit's sector table as calculator input (the name of a row is the sector id)."""
    unit = next(u for u in model["example"]["units"] if u["id"] == unit_id)
    ref = model["example"]["reference"]["employment"]
    assessment = unit.get("assessment", {})
    return {
        "local_total": float(unit["employment"]["total"]),
        "region_total": float(ref["total"]),
        "rows": [{"name": sector, "local": float(e_i), "region": float(ref["sectors"][sector]),
                  "levels": dict(assessment.get(sector, {}))}
                 for sector, e_i in unit["employment"]["sectors"].items()],
    }


def compute_example(model: Mapping[str, Any]) -> Example:
    """All the numbers of the worked example, from raw values to the prioritisation matrix."""
    params = method_params(model)
    units = example_units(model)
    ids = [u["name"] for u in units]
    result = calculate(params, units)
    runs = index_sensitivity(params, units, weight_sets(model))
    ranges = {uid: rank_range(runs, i) for i, uid in enumerate(ids)}
    example = Example(
        units=ids,
        values={u["name"]: u["values"] for u in units},
        bounds=result["bounds"],
        normalised={ind["id"]: {uid: result["normalised"][i][ind["id"]] for i, uid in enumerate(ids)}
                    for ind in params["indicators"]},
        dimension_scores={uid: result["dimensions"][i] for i, uid in enumerate(ids)},
        index={uid: result["index"][i] for i, uid in enumerate(ids)},
        ranks={uid: result["rank"][i] for i, uid in enumerate(ids)},
        sensitivity={s: dict(zip(ids, run["index"], strict=True)) for s, run in runs.items()},
        sensitivity_ranks={s: dict(zip(ids, run["rank"], strict=True)) for s, run in runs.items()},
        rank_range=ranges,  # type: ignore[arg-type]
        variants=matrix_variants(model),
    )
    for unit in model["example"]["units"]:
        if "employment" not in unit:
            continue
        sectors = example_sectors(model, unit["id"])
        rows = calculate(params, [], sectors)["sectors"]
        example.lq[unit["id"]] = {r["name"]: r["lq"] for r in rows}
        if "assessment" in unit:
            example.matrix[unit["id"]] = {r["name"]: {**r, "levels": dict(unit["assessment"][r["name"]])}
                                          for r in rows if r["quadrant"] is not None}
            by_sector = matrix_sensitivity(params, sectors, example.variants)
            example.quadrants[unit["id"]] = {r["name"]: q for r, q in zip(rows, by_sector, strict=True)
                                             if r["quadrant"] is not None}
    return example
