"""The whole method on one set of inputs: the reference implementation of the calculator.

:func:`calculate` takes the parameters (:func:`.params.method_params`), the units with their raw
indicator values and, optionally, one municipality's sector table, and returns every result as
plain data. ``docs/assets/js/calculator-method.js`` (``computeResults``) and the spreadsheet formulas of
``kgo/calculator`` implement the same steps; the tests compare them with this function on random
inputs.

Inputs::

    units   = [{"name": "Opština Primer", "values": {"eco-entities": 4.8, "eco-new": None, …}}, …]
    sectors = {"local_total": 9400, "region_total": 182000,
               "rows": [{"name": "…", "local": 84, "region": 410,
                         "levels": {"authenticity": 4, …}}, …]}

A missing value is ``None`` (an empty cell): it is never read as zero (see ``missing_data`` in
``data/valorization.yaml``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kgo.methods.valorization.lq import concentration_score, lq_or_none
from kgo.methods.valorization.matrix import position
from kgo.methods.valorization.scores import bounds, composite, dimension_score, normalise, rank


def _share(part: float | None, whole: float | None, scale: float) -> float | None:
    if part is None or whole is None or whole <= 0:
        return None
    return scale * part / whole


def index_results(params: Mapping[str, Any], units: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Bounds, normalised values, dimension scores, index and rank of every unit."""
    scale = float(params["scale"])
    normalised: list[dict[str, float | None]] = [{} for _ in units]
    used_bounds: dict[str, list[float] | None] = {}
    for ind in params["indicators"]:
        raw = [u["values"].get(ind["id"]) for u in units]
        raw = [None if v is None else float(v) for v in raw]
        limits = bounds(raw, ind.get("ref_min"), ind.get("ref_max"))
        used_bounds[ind["id"]] = None if limits is None else [limits[0], limits[1]]
        column = normalise(raw, ind["direction"], scale, ind.get("ref_min"), ind.get("ref_max"))
        for row, value in zip(normalised, column, strict=True):
            row[ind["id"]] = value
    dimensions: list[dict[str, float | None]] = []
    for row in normalised:
        scores = {}
        for dim in params["dimensions"]:
            weights = {i["id"]: float(i["weight"]) for i in params["indicators"] if i["dimension"] == dim["id"]}
            scores[dim["id"]] = dimension_score(row, weights, float(params["min_weight_share"]))
        dimensions.append(scores)
    weights = {d["id"]: float(d["weight"]) for d in params["dimensions"]}
    index = [composite(scores, weights) for scores in dimensions]
    ranks = rank({str(i): v for i, v in enumerate(index)})
    return {"bounds": used_bounds, "normalised": normalised, "dimensions": dimensions, "index": index,
            "rank": [ranks[str(i)] for i in range(len(units))]}


def sector_results(params: Mapping[str, Any], sectors: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Shares, LQ and the matrix position of every row of one municipality's sector table."""
    scale = float(params["scale"])
    e, big_e = sectors.get("local_total"), sectors.get("region_total")
    out = []
    for row in sectors.get("rows", []):
        e_i, big_e_i = row.get("local"), row.get("region")
        lq = lq_or_none(e_i, e, big_e_i, big_e)
        where = position(params, row.get("levels", {}), lq)
        out.append({
            "name": row["name"],
            "local_share": _share(e_i, e, scale),
            "region_share": _share(big_e_i, big_e, scale),
            "lq": lq,
            "concentration": None if lq is None else concentration_score(lq, float(params["lq_cap"])),
            "qualitative_potential": None if where is None else where["qualitative_potential"],
            "potential": None if where is None else where["potential"],
            "readiness": None if where is None else where["readiness"],
            "quadrant": None if where is None else where["quadrant"],
        })
    return out


def calculate(params: Mapping[str, Any], units: Sequence[Mapping[str, Any]],
              sectors: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every result of the method for these inputs (lists follow the order of the inputs)."""
    result = index_results(params, units)
    result["sectors"] = sector_results(params, sectors) if sectors is not None else []
    return result
