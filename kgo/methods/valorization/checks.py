"""Rules of ``data/valorization.yaml`` and ``data/sectors.yaml`` that a JSON Schema cannot express.

Each message starts with the path inside the YAML and says the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from kgo.methods.valorization.params import TOLERANCE, indicator_range

# Shape of a KD 2010 (= NACE Rev. 2) code: division "90", group "90.0" or class "90.01".
KD_CODE_RE = re.compile(r"^\d{2}(\.\d{1,2})?$")


def _weights_message(path: str, total: float, what: str) -> str:
    return (f"{path}: weights of {what} sum to {total:.6g}, not 1; "
            "change the weights so that they add up to exactly 1")


def validate_valorization(data: Mapping[str, Any], sectors: Mapping[str, Any] | None = None,
                          check_sector_codes: bool = True) -> list[str]:
    """Every rule of ``data/valorization.yaml`` that the schemas cannot check; with ``sectors``
    (``data/sectors.yaml``) also the sector ids used by the example and, unless
    ``check_sector_codes`` is false, the sector codes themselves."""
    errors: list[str] = []
    dims = list(data.get("dimensions", []))
    indicators = list(data.get("indicators", []))
    dim_ids = [d.get("id") for d in dims]
    access_ids = {a.get("id") for a in data.get("access", [])}

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
        if "access" in data and ind.get("access") not in access_ids:
            errors.append(f"indicators[{i}].access: '{ind.get('access')}' is not an id under 'access'; "
                          f"use one of: {', '.join(sorted(map(str, access_ids)))}")
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
    groups = {c.get("group") for c in data.get("criteria", [])}
    if data.get("criteria") and groups != {"potential", "readiness"}:
        errors.append("criteria: the matrix needs at least one criterion of group 'potential' and one of "
                      "group 'readiness'")

    errors += _validate_example(data, sectors)
    if sectors is not None and check_sector_codes:
        errors += validate_sectors(sectors)
    return errors


def _validate_values(where: str, unit: Mapping[str, Any], indicators: list[Mapping[str, Any]]) -> list[str]:
    errors = []
    values = unit.get("values", {})
    ids = [i.get("id") for i in indicators]
    has_employment = bool(unit.get("employment"))
    for ind in indicators:
        iid = ind.get("id")
        derived = ind.get("derived") == "employment-share" and has_employment
        if derived and iid in values:
            errors.append(f"{where}.values.{iid}: '{iid}' is computed from the unit's employment figures; "
                          "remove the typed value")
        elif not derived and iid not in values:
            errors.append(f"{where}.values: no value for {iid}; give every indicator a value")
        elif iid in values:
            low, high = indicator_range(ind)
            if not low <= float(values[iid]) <= (high if high is not None else float("inf")):
                errors.append(f"{where}.values.{iid}: {values[iid]} is outside the indicator's range "
                              f"{low:g}..{'' if high is None else f'{high:g}'}")
    extra = sorted(set(values) - set(ids))
    if extra:
        errors.append(f"{where}.values: {', '.join(extra)} is not an indicator id; remove it or fix the id")
    return errors


def _validate_example(data: Mapping[str, Any], sectors: Mapping[str, Any] | None) -> list[str]:
    errors: list[str] = []
    example = data.get("example", {})
    indicators = list(data.get("indicators", []))
    crit_ids = {c.get("id") for c in data.get("criteria", [])}
    levels = int(data.get("scales", {}).get("qualitative", {}).get("levels", 0))
    sector_ids = ([s.get("id") for s in sectors.get("sectors", [])] if sectors is not None else None)
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
        errors += _validate_values(where, unit, indicators)
        employment = unit.get("employment")
        if employment:
            sect = employment.get("sectors", {})
            if sum(float(v) for v in sect.values()) > float(employment.get("total", 0)):
                errors.append(f"{where}.employment.total: employment in the sectors exceeds the total; "
                              "the total must include every sector")
            if sector_ids is not None and sorted(sect) != sorted(sector_ids):
                absent = sorted(set(sector_ids) - set(sect))
                errors.append(f"{where}.employment.sectors: give every sector of data/sectors.yaml (0 when "
                              f"there is none), so that the shares count the whole scope; missing: "
                              f"{', '.join(absent) or '-'}")
            for sector, value in sect.items():
                if sector not in ref_sectors:
                    errors.append(f"{where}.employment.sectors.{sector}: the reference region has no value "
                                  f"for '{sector}'; add it under example.reference.employment.sectors")
                sums[sector] = sums.get(sector, 0.0) + float(value)
            sums["total"] = sums.get("total", 0.0) + float(employment.get("total", 0))
        errors += _validate_assessment(where, unit, crit_ids, levels)
    ref_emp = reference.get("employment", {})
    for key, value in sums.items():
        ref_value = ref_emp.get("total") if key == "total" else ref_sectors.get(key)
        if ref_value is not None and value > float(ref_value):
            path = ("example.reference.employment.total" if key == "total"
                    else f"example.reference.employment.sectors.{key}")
            errors.append(f"{path}: the region is smaller than the sum of its example municipalities "
                          f"({value:g} > {ref_value}); the reference must contain them")
    return errors


def _validate_assessment(where: str, unit: Mapping[str, Any], crit_ids: set, levels: int) -> list[str]:
    errors = []
    employment = unit.get("employment")
    assessment = unit.get("assessment", {})
    not_assessed = unit.get("not_assessed", {})
    for sector, by_criterion in assessment.items():
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
    if assessment and employment:
        for sector in employment.get("sectors", {}):
            if sector not in assessment and sector not in not_assessed:
                errors.append(f"{where}.assessment: sector '{sector}' is neither assessed nor listed under "
                              "not_assessed with the reason; every sector is placed in the matrix or "
                              "left out with a reason")
    for sector in not_assessed:
        if sector in assessment:
            errors.append(f"{where}.not_assessed.{sector}: '{sector}' is also assessed; remove one of them")
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
