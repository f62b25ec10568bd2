"""Calculations of the Guidelines (Smernice): normalisation, weights, composite index, location
quotient, ranks, sensitivity to weights and the prioritisation matrix.

Everything here is a pure function of plain data (the parsed ``data/valorization.yaml`` and
``data/sectors.yaml``); nothing imports MkDocs. The renderers in ``kgo/render/renderers/valorization.py``
call :func:`compute_example` at build time, so every number of the worked example in the
publication comes from the illustrative dataset and is never typed into the prose.

Formulas (as printed in ``docs/*/smernice/bodovanje.md``):

* min-max, positive direction: ``x' = 100 * (x - min) / (max - min)``
* min-max, negative direction: ``x' = 100 * (max - x) / (max - min)``
* dimension score: ``D_d = sum_i(w_i * x'_i)`` over the indicators of dimension ``d``
* composite index: ``I = sum_d(W_d * D_d)``
* location quotient: ``LQ = (e_i / e) / (E_i / E)``
* qualitative level ``s`` on a scale 1..L scaled to 0..100: ``100 * (s - 1) / (L - 1)``
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

TOLERANCE = 1e-9
SCALE = 100.0
# Shape of a KD 2010 (= NACE Rev. 2) code: division "90", group "90.0" or class "90.01".
KD_CODE_RE = re.compile(r"^\d{2}(\.\d{1,2})?$")

# Quadrant ids of the prioritisation matrix (potential x readiness).
QUADRANTS = ("develop", "build-capacity", "maintain", "monitor")


# --- normalisation and aggregation -------------------------------------------------------------

def min_max(values: Mapping[str, float], direction: str = "+", scale: float = SCALE) -> dict[str, float]:
    """Rescale ``values`` (unit -> raw value) to 0..scale; the best unit gets ``scale``.

    ``direction`` "+" means more is better, "-" means less is better. When every unit has the same
    value the indicator does not tell units apart: each gets the middle of the scale, so that the
    indicator shifts no rank.
    """
    if direction not in ("+", "-"):
        raise ValueError(f"direction must be '+' or '-', not {direction!r}")
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if math.isclose(high, low):
        return {unit: scale / 2 for unit in values}
    span = high - low
    if direction == "+":
        return {unit: scale * (x - low) / span for unit, x in values.items()}
    return {unit: scale * (high - x) / span for unit, x in values.items()}


def weighted_sum(scores: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """Sum of ``weights[k] * scores[k]``; every weighted key must have a score."""
    missing = sorted(set(weights) - set(scores))
    if missing:
        raise KeyError(f"no score for {', '.join(missing)}")
    return sum(w * scores[k] for k, w in weights.items())


def rank(values: Mapping[str, float], descending: bool = True) -> dict[str, int]:
    """Competition ranking ("1224"): equal values share a rank, the next rank skips.

    Values are compared after rounding to 9 decimals so that floating-point noise makes no tie
    or no false difference.
    """
    rounded = {k: round(v, 9) for k, v in values.items()}
    ordered = sorted(rounded.values(), reverse=descending)
    return {k: ordered.index(v) + 1 for k, v in rounded.items()}


def location_quotient(e_i: float, e: float, big_e_i: float, big_e: float) -> float:
    """``LQ = (e_i / e) / (E_i / E)``: the sector's local share of employment over its share in
    the reference area. LQ > 1 means the sector is more concentrated locally than in the reference.
    """
    if e <= 0 or big_e <= 0 or big_e_i <= 0:
        raise ValueError("e, E and E_i must be positive to compute a location quotient")
    return (e_i / e) / (big_e_i / big_e)


def level_to_score(level: float, levels: int) -> float:
    """Scale a qualitative level 1..levels to 0..100 (1 -> 0, levels -> 100)."""
    if levels < 2:
        raise ValueError("a scale needs at least two levels")
    if not 1 <= level <= levels:
        raise ValueError(f"level {level} is outside 1..{levels}")
    return SCALE * (level - 1) / (levels - 1)


def concentration_score(lq: float, cap: float) -> float:
    """Turn an LQ into 0..100: ``100 * min(LQ, cap) / cap`` (an LQ at or above ``cap`` gives 100)."""
    if cap <= 0:
        raise ValueError("the LQ cap must be positive")
    return SCALE * min(lq, cap) / cap


def quadrant(potential: float, readiness: float, threshold: float = SCALE / 2) -> str:
    """Quadrant of the prioritisation matrix; a score equal to the threshold counts as high."""
    high_p, high_r = potential >= threshold, readiness >= threshold
    if high_p and high_r:
        return "develop"
    if high_p:
        return "build-capacity"
    if high_r:
        return "maintain"
    return "monitor"


def lq_band(lq: float, bands: Sequence[Mapping[str, Any]]) -> str:
    """Id of the interpretation band whose [min, max) holds ``lq`` (max may be absent)."""
    for band in bands:
        low = band.get("min", -math.inf)
        high = band.get("max", math.inf)
        if low <= lq < high:
            return band["id"]
    raise ValueError(f"no LQ band holds {lq}")


# --- the worked example ----------------------------------------------------------------------

@dataclass
class Example:
    """Every number of the worked example, computed from ``data/valorization.yaml``."""

    units: list[str]                                   # unit ids in data order
    normalised: dict[str, dict[str, float]]            # indicator -> unit -> 0..100
    dimension_scores: dict[str, dict[str, float]]      # unit -> dimension -> 0..100
    index: dict[str, float]                            # unit -> composite index (base weights)
    ranks: dict[str, int]                              # unit -> rank by the index
    sensitivity: dict[str, dict[str, float]]           # weight set -> unit -> index
    sensitivity_ranks: dict[str, dict[str, int]]       # weight set -> unit -> rank
    rank_range: dict[str, tuple[int, int]]             # unit -> (best, worst) rank over all sets
    lq: dict[str, dict[str, float]] = field(default_factory=dict)        # unit -> sector -> LQ
    matrix: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # unit -> sector -> row


def _units(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(data["example"]["units"])


def dimension_weights(data: Mapping[str, Any]) -> dict[str, float]:
    return {d["id"]: float(d["weight"]) for d in data["dimensions"]}


def normalise_all(data: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """Min-max normalise every indicator across the example units."""
    units = _units(data)
    out = {}
    for ind in data["indicators"]:
        raw = {u["id"]: float(u["values"][ind["id"]]) for u in units}
        out[ind["id"]] = min_max(raw, ind["direction"])
    return out


def dimension_scores(data: Mapping[str, Any], normalised: Mapping[str, Mapping[str, float]]
                     ) -> dict[str, dict[str, float]]:
    """Weighted sum of normalised indicators within each dimension, per unit."""
    out: dict[str, dict[str, float]] = {}
    for unit in _units(data):
        uid = unit["id"]
        out[uid] = {}
        for dim in data["dimensions"]:
            inds = [i for i in data["indicators"] if i["dimension"] == dim["id"]]
            scores = {i["id"]: normalised[i["id"]][uid] for i in inds}
            out[uid][dim["id"]] = weighted_sum(scores, {i["id"]: float(i["weight"]) for i in inds})
    return out


def composite_index(dim_scores: Mapping[str, Mapping[str, float]], weights: Mapping[str, float]
                    ) -> dict[str, float]:
    """``I = sum_d(W_d * D_d)`` for every unit."""
    return {unit: weighted_sum(scores, weights) for unit, scores in dim_scores.items()}


def weight_sets(data: Mapping[str, Any]) -> list[tuple[str, dict[str, float]]]:
    """(id, weights) of the base weights followed by every alternative set in the data."""
    sets = [("base", dimension_weights(data))]
    for ws in data.get("weight_sets", []):
        sets.append((ws["id"], {k: float(v) for k, v in ws["weights"].items()}))
    return sets


def sector_lq(data: Mapping[str, Any], unit_id: str) -> dict[str, float]:
    """LQ of every sector of the example for one unit, against the reference region."""
    unit = next(u for u in _units(data) if u["id"] == unit_id)
    ref = data["example"]["reference"]
    e = float(unit["employment"]["total"])
    big_e = float(ref["employment"]["total"])
    return {
        sector: location_quotient(float(e_i), e, float(ref["employment"]["sectors"][sector]), big_e)
        for sector, e_i in unit["employment"]["sectors"].items()
    }


def sector_matrix(data: Mapping[str, Any], unit_id: str, lqs: Mapping[str, float]
                  ) -> dict[str, dict[str, Any]]:
    """Potential, readiness and quadrant of each assessed sector of one unit.

    potential = a * (mean of the potential criteria, scaled 0..100) + (1 - a) * concentration score
    readiness = mean of the readiness criteria, scaled 0..100
    """
    rules = data["prioritisation"]
    levels = int(data["scales"]["qualitative"]["levels"])
    groups = {c["id"]: c["group"] for c in data["criteria"]}
    share = float(rules["qualitative_share"])
    cap = float(rules["lq_cap"])
    threshold = float(rules["threshold"])
    unit = next(u for u in _units(data) if u["id"] == unit_id)
    out = {}
    for sector, levels_by_criterion in unit.get("assessment", {}).items():
        pot = [level_to_score(v, levels) for c, v in levels_by_criterion.items() if groups[c] == "potential"]
        rdy = [level_to_score(v, levels) for c, v in levels_by_criterion.items() if groups[c] == "readiness"]
        qual = sum(pot) / len(pot)
        conc = concentration_score(lqs[sector], cap)
        potential = share * qual + (1 - share) * conc
        readiness = sum(rdy) / len(rdy)
        out[sector] = {
            "levels": dict(levels_by_criterion),
            "qualitative_potential": qual,
            "concentration": conc,
            "potential": potential,
            "readiness": readiness,
            "quadrant": quadrant(potential, readiness, threshold),
        }
    return out


def compute_example(data: Mapping[str, Any]) -> Example:
    """All the numbers of the worked example, from raw values to the prioritisation matrix."""
    units = [u["id"] for u in _units(data)]
    normalised = normalise_all(data)
    dims = dimension_scores(data, normalised)
    sens, sens_ranks = {}, {}
    for set_id, weights in weight_sets(data):
        sens[set_id] = composite_index(dims, weights)
        sens_ranks[set_id] = rank(sens[set_id])
    index = sens["base"]
    ranks = sens_ranks["base"]
    rank_range = {u: (min(r[u] for r in sens_ranks.values()), max(r[u] for r in sens_ranks.values()))
                  for u in units}
    lq, matrix = {}, {}
    for u in _units(data):
        if "employment" in u:
            lq[u["id"]] = sector_lq(data, u["id"])
            if "assessment" in u:
                matrix[u["id"]] = sector_matrix(data, u["id"], lq[u["id"]])
    return Example(units, normalised, dims, index, ranks, sens, sens_ranks, rank_range, lq, matrix)


# --- validation of what a JSON Schema cannot express ----------------------------------------

def _weights_message(path: str, total: float, what: str) -> str:
    return (f"{path}: weights of {what} sum to {total:.6g}, not 1; "
            "change the weights so that they add up to exactly 1")


def validate_valorization(data: Mapping[str, Any], sectors: Mapping[str, Any] | None = None,
                          check_sector_codes: bool = True) -> list[str]:
    """Every rule of ``data/valorization.yaml`` that the schemas cannot check; with ``sectors``
    (``data/sectors.yaml``) also the sector ids used by the example and, unless
    ``check_sector_codes`` is false, the sector codes themselves. Each message starts with the path
    inside the YAML and says the fix.
    """
    errors: list[str] = []
    dims = list(data.get("dimensions", []))
    indicators = list(data.get("indicators", []))
    dim_ids = [d.get("id") for d in dims]

    total = sum(float(d.get("weight", 0)) for d in dims)
    if abs(total - 1) > TOLERANCE:
        errors.append(_weights_message("dimensions", total, "all dimensions"))

    for i, ind in enumerate(indicators):
        if ind.get("dimension") not in dim_ids:
            errors.append(f"indicators[{i}].dimension: '{ind.get('dimension')}' is not a dimension id; "
                          f"use one of: {', '.join(map(str, dim_ids))}")
        source = ind.get("source")
        if not source or not (isinstance(source, Mapping) and any(str(v).strip() for v in source.values())):
            errors.append(f"indicators[{i}].source: indicator '{ind.get('id')}' has no source of data; "
                          "say where the value comes from (e.g. APR, RZS, local records, survey)")
    for d_index, dim in enumerate(dims):
        members = [ind for ind in indicators if ind.get("dimension") == dim.get("id")]
        if not members:
            errors.append(f"dimensions[{d_index}]: dimension '{dim.get('id')}' has no indicator; "
                          "add one or remove the dimension")
            continue
        subtotal = sum(float(ind.get("weight", 0)) for ind in members)
        if abs(subtotal - 1) > TOLERANCE:
            errors.append(_weights_message(f"dimensions[{d_index}]", subtotal,
                                           f"the indicators of dimension '{dim.get('id')}'"))

    for s_index, ws in enumerate(data.get("weight_sets", [])):
        weights = ws.get("weights", {})
        unknown = sorted(set(weights) - set(dim_ids))
        missing = sorted(set(dim_ids) - set(weights))
        if unknown or missing:
            errors.append(f"weight_sets[{s_index}].weights: weight set '{ws.get('id')}' must give a "
                          f"weight to every dimension and only to them (missing: {', '.join(missing) or '-'}; "
                          f"unknown: {', '.join(unknown) or '-'})")
        subtotal = sum(float(v) for v in weights.values())
        if abs(subtotal - 1) > TOLERANCE:
            errors.append(_weights_message(f"weight_sets[{s_index}].weights", subtotal,
                                           f"weight set '{ws.get('id')}'"))

    levels = int(data.get("scales", {}).get("qualitative", {}).get("levels", 0))
    for c_index, crit in enumerate(data.get("criteria", [])):
        found = sorted(int(d.get("level", 0)) for d in crit.get("descriptors", []))
        if found != list(range(1, levels + 1)):
            errors.append(f"criteria[{c_index}].descriptors: criterion '{crit.get('id')}' must describe "
                          f"every level 1..{levels} once; found levels {found}")

    errors += _validate_example(data, sectors)
    if sectors is not None and check_sector_codes:
        errors += validate_sectors(sectors)
    return errors


def _validate_example(data: Mapping[str, Any], sectors: Mapping[str, Any] | None) -> list[str]:
    errors: list[str] = []
    example = data.get("example", {})
    ind_ids = [i.get("id") for i in data.get("indicators", [])]
    crit_ids = {c.get("id") for c in data.get("criteria", [])}
    levels = int(data.get("scales", {}).get("qualitative", {}).get("levels", 0))
    sector_ids = ({s.get("id") for s in sectors.get("sectors", [])} if sectors is not None else None)
    reference = example.get("reference", {})
    ref_sectors = reference.get("employment", {}).get("sectors", {})

    if reference and not reference.get("illustrative"):
        errors.append("example.reference.illustrative: the reference region is fictional; "
                      "mark it 'illustrative: true'")
    if sector_ids is not None:
        for sector in ref_sectors:
            if sector not in sector_ids:
                errors.append(f"example.reference.employment.sectors.{sector}: '{sector}' is not a sector "
                              "id in data/sectors.yaml; use a sector id")
    sums: dict[str, float] = {}
    for u_index, unit in enumerate(example.get("units", [])):
        where = f"example.units[{u_index}]"
        if not unit.get("illustrative"):
            errors.append(f"{where}.illustrative: '{unit.get('id')}' is a fictional municipality; "
                          "mark it 'illustrative: true' (real places never go into the example)")
        values = unit.get("values", {})
        missing = [i for i in ind_ids if i not in values]
        extra = sorted(set(values) - set(ind_ids))
        if missing:
            errors.append(f"{where}.values: no value for {', '.join(missing)}; give every indicator a value")
        if extra:
            errors.append(f"{where}.values: {', '.join(extra)} is not an indicator id; remove it or fix the id")
        employment = unit.get("employment")
        if employment:
            sect = employment.get("sectors", {})
            if sum(float(v) for v in sect.values()) > float(employment.get("total", 0)):
                errors.append(f"{where}.employment.total: employment in the sectors exceeds the total; "
                              "the total must include every sector")
            for sector, value in sect.items():
                if sector not in ref_sectors:
                    errors.append(f"{where}.employment.sectors.{sector}: the reference region has no value "
                                  f"for '{sector}'; add it under example.reference.employment.sectors")
                sums[sector] = sums.get(sector, 0.0) + float(value)
            sums["total"] = sums.get("total", 0.0) + float(employment.get("total", 0))
        for sector, by_criterion in unit.get("assessment", {}).items():
            if employment and sector not in employment.get("sectors", {}):
                errors.append(f"{where}.assessment.{sector}: no employment for '{sector}', so no LQ; "
                              "add it under employment.sectors")
            missing_c = sorted(crit_ids - set(by_criterion))
            if missing_c:
                errors.append(f"{where}.assessment.{sector}: no level for {', '.join(missing_c)}; "
                              "score every criterion")
            for crit, level in by_criterion.items():
                if crit not in crit_ids:
                    errors.append(f"{where}.assessment.{sector}.{crit}: '{crit}' is not a criterion id")
                elif not 1 <= int(level) <= levels:
                    errors.append(f"{where}.assessment.{sector}.{crit}: level {level} is outside 1..{levels}")
    ref_emp = reference.get("employment", {})
    for key, value in sums.items():
        ref_value = ref_emp.get("total") if key == "total" else ref_sectors.get(key)
        if ref_value is not None and value > float(ref_value):
            path = ("example.reference.employment.total" if key == "total"
                    else f"example.reference.employment.sectors.{key}")
            errors.append(f"{path}: the region is smaller than the sum of its example municipalities "
                          f"({value:g} > {ref_value}); the reference must contain them")
    return errors


def validate_sectors(sectors: Mapping[str, Any]) -> list[str]:
    """KD 2010 codes have the shape of a NACE Rev. 2 code and each is listed once."""
    errors: list[str] = []
    seen: dict[str, str] = {}
    for s_index, sector in enumerate(sectors.get("sectors", [])):
        for c_index, entry in enumerate(sector.get("codes", [])):
            code = str(entry.get("code", ""))
            where = f"sectors[{s_index}].codes[{c_index}].code"
            if not KD_CODE_RE.match(code):
                errors.append(f"{where}: '{code}' is not a KD 2010 code; write it as a quoted string like "
                              "\"90.01\" (two digits, a dot, one or two digits)")
            if code in seen:
                errors.append(f"{where}: code {code} is already listed under '{seen[code]}'; "
                              "a code belongs to one sector only, remove one of them")
            else:
                seen[code] = str(sector.get("id"))
    return errors


def all_codes(sectors: Mapping[str, Any]) -> Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(sector, code entry) for every code, in data order."""
    for sector in sectors.get("sectors", []):
        for entry in sector.get("codes", []):
            yield sector, entry
