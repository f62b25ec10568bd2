"""Reference datasets (districts, municipalities, SDG targets, glossary, funding sources, editions):
the cross-reference checks a JSON Schema cannot express.

:func:`validate_reference` is pure: it takes the parsed datasets (``{name: document}``) and returns
one message per problem, each naming the file, the path inside it, what is wrong and how to fix it.
kgo/rules.py registers the same checks with the data loader, so a build reports them with line
numbers. The helpers their renderers share are in kgo/render/reference.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# --- cross-reference checks -------------------------------------------------------------------


def _ids(records: Iterable[Mapping[str, Any]]) -> list[str]:
    return [str(r.get("id")) for r in records if isinstance(r, Mapping)]


def _duplicates(values: Iterable[str]) -> set[str]:
    return {v for v, n in Counter(values).items() if n > 1}


def check_districts(data: Mapping[str, Any]) -> list[str]:
    """Districts have unique ids and orders, and each has at least one municipality."""
    out: list[str] = []
    districts = data.get("districts", {}).get("districts", [])
    for i, d in enumerate(districts):
        if d["id"] in _duplicates(_ids(districts)):
            out.append(f"districts[{i}].id: duplicate id '{d['id']}'; ids must be unique")
    orders = [d.get("order") for d in districts]
    for i, d in enumerate(districts):
        if orders.count(d.get("order")) > 1:
            out.append(f"districts[{i}].order: order {d.get('order')} is used twice; give each district its own")
    if "municipalities" in data:
        lsgs = data["municipalities"].get("municipalities", [])
        used = {m.get("district") for m in lsgs}
        for i, d in enumerate(districts):
            if d["id"] not in used:
                out.append(f"districts[{i}]: district '{d['id']}' has no municipality in "
                           "data/municipalities.yaml; add one or remove the district")
            else:
                out += _district_sums(i, d, [m for m in lsgs if m.get("district") == d["id"]])
    return out


def _figure(record: Mapping[str, Any], key: str) -> float | None:
    figure = record.get(key)
    return figure.get("value") if isinstance(figure, Mapping) else None


def _district_sums(i: int, district: Mapping[str, Any], lsgs: list[Mapping[str, Any]]) -> list[str]:
    """A district is made up of its LSGs, so its population is the sum of theirs and its area the
    sum of theirs to the whole km². The figures often come from different pages, so a misread number, or
    an estimate in place of a census figure, shows up here. Checked only when all are present."""
    out = []
    for key, rounded in (("population_2022", False), ("area_km2", True)):
        total, parts = _figure(district, key), [_figure(m, key) for m in lsgs]
        if total is None or any(p is None for p in parts):
            continue
        added = sum(parts)
        if abs(added - total) > (0.5 if rounded else 0):
            listed = " + ".join(f"{m.get('id')} {p:g}" for m, p in zip(lsgs, parts, strict=True))
            out.append(f"districts[{i}].{key}: {total:g} for '{district['id']}' is not the sum of its "
                       f"local governments in data/municipalities.yaml ({listed} = {added:g}); "
                       "check each figure against its source")
    return out


def check_municipalities(data: Mapping[str, Any]) -> list[str]:
    """District references, city status and figures that schemas cannot check."""
    out: list[str] = []
    doc = data.get("municipalities", {})
    records = doc.get("municipalities", [])
    district_ids = _ids(data.get("districts", {}).get("districts", []))
    dup = _duplicates(_ids(records))
    for i, m in enumerate(records):
        where = f"municipalities[{i}]"
        if m.get("id") in dup:
            out.append(f"{where}.id: duplicate id '{m['id']}'; ids must be unique")
        if m.get("district") not in district_ids:
            known = ", ".join(district_ids) or "none (data/districts.yaml is missing or empty)"
            out.append(f"{where}.district: '{m.get('district')}' (municipality '{m.get('id')}') is not an id "
                       f"in data/districts.yaml; use one of: {known}")
        if "city_since" in m and m.get("kind") != "city":
            out.append(f"{where}.city_since: only a city has 'city_since', but '{m.get('id')}' has "
                       f"kind '{m.get('kind')}'; remove it or set kind: city")
        for key in ("population_2022", "area_km2", "city_since"):
            figure = m.get(key)
            if not isinstance(figure, Mapping):
                continue
            if figure.get("value") is None and not figure.get("note"):
                out.append(f"{where}.{key}: an unknown value (null) needs a 'note' saying why and where "
                           "to check it")
            if figure.get("value") is not None and figure.get("source", {}).get("url") is None \
                    and not figure.get("source", {}).get("note"):
                out.append(f"{where}.{key}: a known value needs a source with a url or a note on where "
                           "the figure was read")
    return out


def check_sdg_targets(data: Mapping[str, Any], docs_dir: Path | None = None) -> list[str]:
    """Targets belong to a listed goal, and every page they cite has a link text (and exists)."""
    out: list[str] = []
    doc = data.get("sdg_targets", {})
    goals = {g["id"]: g for g in doc.get("goals", [])}
    pages = doc.get("pages", {})
    for i, target in enumerate(doc.get("targets", [])):
        where = f"targets[{i}]"
        goal = target.get("goal")
        if goal not in goals:
            out.append(f"{where}.goal: '{goal}' is not a goal id in data/sdg_targets.yaml; use one of: "
                       f"{', '.join(goals)}")
        elif not str(target.get("id", "")).startswith(f"{goal}."):
            out.append(f"{where}.id: target '{target.get('id')}' does not belong to goal '{goal}'")
        for j, page in enumerate(target.get("addressed_by", [])):
            path = page.partition("#")[0]
            if path not in pages:
                out.append(f"{where}.addressed_by[{j}]: page '{path}' has no link text in 'pages'; add it there")
            if docs_dir is not None:
                for lang in ("sr", "en"):
                    if not (docs_dir / lang / path).exists():
                        out.append(f"{where}.addressed_by[{j}]: docs/{lang}/{path} does not exist; "
                                   "create it or remove it from the list")
    return out


def check_glossary(data: Mapping[str, Any]) -> list[str]:
    """Unique ids and abbreviations; 'see' points to other existing entries."""
    out: list[str] = []
    terms = data.get("glossary", {}).get("terms", [])
    ids = _ids(terms)
    dup = _duplicates(ids)
    for lang in ("sr", "en"):
        # sr and en only (the Cyrillic form follows from sr): a plain text or the language's text
        shorts = [x["abbreviation"] if isinstance(x["abbreviation"], str) else x["abbreviation"][lang]
                  for x in terms if x.get("abbr") and x.get("abbreviation")]
        for short in sorted(_duplicates(shorts)):
            out.append(f"terms: abbreviation '{short}' ({lang}) is defined twice; keep one entry")
    for i, term in enumerate(terms):
        where = f"terms[{i}]"
        if term.get("id") in dup:
            out.append(f"{where}.id: duplicate id '{term['id']}'; ids must be unique")
        if term.get("abbreviation") and not term.get("abbr"):
            out.append(f"{where}.abbr: '{term['id']}' has an abbreviation but no 'abbr: true'; add it")
        for j, other in enumerate(term.get("see", [])):
            if other == term.get("id"):
                out.append(f"{where}.see[{j}]: an entry cannot refer to itself")
            elif other not in ids:
                out.append(f"{where}.see[{j}]: '{other}' is not an id in data/glossary.yaml")
    return out


def check_funding_sources(data: Mapping[str, Any]) -> list[str]:
    """Every type has its label; ids are unique."""
    out: list[str] = []
    doc = data.get("funding_sources", {})
    labels = doc.get("labels", {})
    records = doc.get("funding_sources", [])
    dup = _duplicates(_ids(records))
    for i, f in enumerate(records):
        if f.get("id") in dup:
            out.append(f"funding_sources[{i}].id: duplicate id '{f['id']}'; ids must be unique")
        if f"type_{f.get('type')}" not in labels:
            out.append(f"funding_sources[{i}].type: no label 'type_{f.get('type')}' in 'labels'; add it")
    return out


_CHECKS = {
    "districts": check_districts,
    "municipalities": check_municipalities,
    "sdg_targets": check_sdg_targets,
    "glossary": check_glossary,
    "funding_sources": check_funding_sources,
}


def validate_reference(data: Mapping[str, Any], docs_dir: Path | None = None) -> list[str]:
    """Every cross-reference problem of the reference datasets, as 'data/FILE.yaml: path: message'.

    ``data`` maps dataset names to parsed YAML (only the datasets present are checked);
    ``docs_dir`` (e.g. ``Path("docs")``), when given, also checks that cited pages exist.
    """
    out: list[str] = []
    for name, check in _CHECKS.items():
        if name not in data:
            continue
        found = check_sdg_targets(data, docs_dir) if name == "sdg_targets" else check(data)
        out += [f"data/{name}.yaml: {message}" for message in found]
    return out
