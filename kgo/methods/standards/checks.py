"""What the JSON Schema of data/standards.yaml cannot check: references, points and thresholds, the
scheme, conditions, rubrics, legal bases and crosswalks. Registered in kgo/rules.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from kgo.methods.standards.scoring import ID_PREFIX

# --- checks a schema cannot express -----------------------------------------------------------

def _blank(text: Any) -> list[str]:
    """Languages of a bilingual text that are missing or empty."""
    if not isinstance(text, Mapping):
        return ["sr", "en"]
    return [lang for lang in ("sr", "en") if not str(text.get(lang) or "").strip()]


def _duplicates(values: Iterable[Any]) -> set[Any]:
    return {v for v, n in Counter(values).items() if n > 1}


def validate_standards(data: Mapping[str, Any], sdg_ids: Iterable[str]) -> list[str]:
    """Every problem a schema cannot see, as ``"yaml.path: what is wrong; how to fix it"``."""
    errors: list[str] = []
    sdg_ids = set(sdg_ids)
    scoring = data.get("scoring", {})
    areas = data.get("areas", [])
    standards = data.get("standards", [])
    laws = {law.get("id"): law for law in data.get("laws", [])}
    frameworks = {name: {item.get("id") for item in fw.get("items", [])}
                  for name, fw in (data.get("frameworks") or {}).items()}
    errors += _check_scheme(data.get("scheme") or {})

    # Areas: unique ids and numbers.
    area_by_id: dict[str, Mapping[str, Any]] = {}
    for dup in _duplicates(a.get("id") for a in areas):
        first = next(i for i, a in enumerate(areas) if a.get("id") == dup)
        for i, a in enumerate(areas):
            if a.get("id") == dup and i != first:
                errors.append(f"areas[{i}].id: duplicate area id '{dup}' (also areas[{first}]); "
                              "give each area its own id")
    for dup in _duplicates(a.get("number") for a in areas):
        indexes = [i for i, a in enumerate(areas) if a.get("number") == dup]
        for i in indexes[1:]:
            errors.append(f"areas[{i}].number: area number {dup} is also used by areas[{indexes[0]}]; "
                          "number the areas 1, 2, 3, … without repeats")
    for a in areas:
        area_by_id.setdefault(a.get("id"), a)

    # Points allowed per level.
    ranges = scoring.get("points", {})
    for level, rng in ranges.items():
        if rng["min"] > rng["max"]:
            errors.append(f"scoring.points.{level}: min {rng['min']} is greater than max {rng['max']}; swap them")
    level_ids = [lv.get("id") for lv in scoring.get("standard_levels", [])]
    for level in ("mandatory", "recommended"):
        if level not in level_ids:
            errors.append(f"scoring.standard_levels: no entry for level '{level}'; add one with its label")

    # Standards.
    first_index: dict[str, int] = {}
    used_areas = set()
    for i, s in enumerate(standards):
        sid = s.get("id", "")
        if sid in first_index:
            errors.append(f"standards[{i}].id: duplicate id '{sid}' (also standards[{first_index[sid]}]); "
                          "give each standard its own id and never reuse a retired one")
        else:
            first_index[sid] = i
        area = area_by_id.get(s.get("area"))
        if area is None:
            known = ", ".join(a.get("id", "?") for a in areas)
            errors.append(f"standards[{i}].area: unknown area '{s.get('area')}'; use one of: {known}")
        else:
            used_areas.add(area["id"])
            prefix = f"{ID_PREFIX}{area['number']}."
            if not sid.startswith(prefix):
                errors.append(f"standards[{i}].id: '{sid}' belongs to area '{area['id']}' (number "
                              f"{area['number']}); its id must start with '{prefix}' — rename it or change its area")
        for key in ("title", "requirement", "rationale", "indicator"):
            missing = _blank(s.get(key))
            if missing:
                errors.append(f"standards[{i}].{key}: {sid} has no {key} in {', '.join(missing)}; write it")
        errors += _check_conditions(i, s)
        errors += _check_rubric(i, s, answer_ids_of(scoring))
        errors += _check_legal_basis(i, s, laws)
        errors += _check_crosswalk(i, s, frameworks)
        rng = ranges.get(s.get("level"))
        if rng is None:
            errors.append(f"standards[{i}].level: no points range for level '{s.get('level')}' in scoring.points")
        elif not rng["min"] <= s.get("points", 0) <= rng["max"]:
            errors.append(f"standards[{i}].points: {sid} is {s.get('level')} and has {s.get('points')} points; "
                          f"{s.get('level')} standards have {rng['min']}–{rng['max']} points (scoring.points)")
        sdg = s.get("sdg", [])
        for j, target in enumerate(sdg):
            if target not in sdg_ids:
                errors.append(f"standards[{i}].sdg[{j}]: '{target}' is not a target in data/sdg_targets.yaml; "
                              f"use one of: {', '.join(sorted(sdg_ids))} (quoted, e.g. \"16.6\")")
        for dup in _duplicates(sdg):
            errors.append(f"standards[{i}].sdg: '{dup}' is listed twice; list each target once")
    for i, a in enumerate(areas):
        if a.get("id") not in used_areas:
            errors.append(f"areas[{i}]: area '{a.get('id')}' has no standards; add standards or remove the area")

    # Answers and the mandatory rule.
    answers = scoring.get("answers", [])
    answer_ids = [a.get("id") for a in answers]
    for dup in _duplicates(answer_ids):
        errors.append(f"scoring.answers: answer id '{dup}' is listed twice; keep one")
    factor = {a.get("id"): a.get("factor") for a in answers}
    mandatory_answer = scoring.get("mandatory_answer")
    if mandatory_answer not in factor:
        errors.append(f"scoring.mandatory_answer: '{mandatory_answer}' is not an answer id; use one of: "
                      f"{', '.join(map(str, answer_ids))}")
    elif factor[mandatory_answer] != 1:
        errors.append(f"scoring.mandatory_answer: answer '{mandatory_answer}' has factor {factor[mandatory_answer]}; "
                      "the answer that satisfies a mandatory standard must give full points (factor 1)")

    # Threshold and levels.
    threshold = scoring.get("threshold_percent")
    levels = scoring.get("levels", [])
    if levels and threshold is not None and levels[0].get("min_percent") != threshold:
        errors.append(f"scoring.levels[0].min_percent: the lowest level starts at {levels[0].get('min_percent')} "
                      f"but threshold_percent is {threshold}; make them equal (the threshold is the first level)")
    for i in range(1, len(levels)):
        if levels[i].get("min_percent", 0) <= levels[i - 1].get("min_percent", 0):
            errors.append(f"scoring.levels[{i}].min_percent: levels must go from lowest to highest; "
                          f"{levels[i].get('min_percent')} is not above {levels[i - 1].get('min_percent')}")
    level_names = [lv.get("id") for lv in levels] + [scoring.get("not_recognised", {}).get("id")]
    for dup in _duplicates(level_names):
        errors.append(f"scoring.levels: outcome id '{dup}' is used twice (levels and not_recognised); rename one")
    total = sum(s.get("points", 0) for s in standards)
    mandatory_points = sum(s.get("points", 0) for s in standards if s.get("level") == "mandatory")
    if threshold is not None and total and mandatory_points * 100 >= threshold * total:
        errors.append(f"scoring.threshold_percent: mandatory standards alone give {mandatory_points} of {total} "
                      f"points, which already reaches {threshold}%; raise the threshold or lower mandatory "
                      "points, or recommended standards would never matter")
    ceiling = scoring.get("partial_ceiling_percent")
    if ceiling is not None and threshold is not None and ceiling >= threshold:
        errors.append(f"scoring.partial_ceiling_percent: {ceiling} is not below threshold_percent {threshold}; "
                      "the ceiling exists to keep partly met recommended standards away from the threshold")
    factor = {a.get("id"): a.get("factor") for a in scoring.get("answers", [])}
    if ceiling is not None and total and factor:
        below = [f for f in factor.values() if isinstance(f, (int, float)) and 0 < f < 1]
        partial = max(below) if below else 0
        recommended_points = total - mandatory_points
        reached = (mandatory_points + partial * recommended_points) * 100 / total
        if reached > ceiling:
            errors.append(f"scoring.answers: with every mandatory standard met and every recommended one partly "
                          f"met the score is {reached:.1f}%, above partial_ceiling_percent {ceiling}; lower the "
                          "factor of the partial answer")

    # Illustrative examples.
    examples = data.get("examples", [])
    example_index = {e.get("id"): i for i, e in enumerate(examples)}
    standard_ids = set(first_index)
    for i, e in enumerate(examples):
        base = e.get("based_on")
        if base is not None and (base not in example_index or example_index[base] >= i):
            errors.append(f"examples[{i}].based_on: '{base}' is not an earlier example; name an example "
                          "listed above this one")
            continue
        for sid, ans in e.get("answers", {}).items():
            if sid not in standard_ids:
                errors.append(f"examples[{i}].answers.{sid}: no standard has this id; fix the id or remove the line")
            if ans not in factor:
                errors.append(f"examples[{i}].answers.{sid}: unknown answer '{ans}'; use one of: "
                              f"{', '.join(map(str, answer_ids))}")
        for sid in e.get("notes", {}):
            if sid not in standard_ids:
                errors.append(f"examples[{i}].notes.{sid}: no standard has this id; fix the id or remove the note")
        if base is None:
            missing = [s.get("id") for s in standards if s.get("id") not in e.get("answers", {})]
            if missing:
                errors.append(f"examples[{i}].answers: no answer for {', '.join(missing)}; an example answers "
                              "every standard (use not-met where nothing is done)")
    return errors


def answer_ids_of(scoring: Mapping[str, Any]) -> list[str]:
    return [a.get("id") for a in scoring.get("answers", [])]


def _check_scheme(scheme: Mapping[str, Any]) -> list[str]:
    """The change log is newest first and its newest entry is the scheme's version and date."""
    errors = []
    changes = scheme.get("changes") or []
    if changes and (changes[0].get("version"), changes[0].get("date")) != (scheme.get("version"), scheme.get("date")):
        errors.append(f"scheme.changes[0]: the newest change is version {changes[0].get('version')} of "
                      f"{changes[0].get('date')}, but the scheme is version {scheme.get('version')} of "
                      f"{scheme.get('date')}; add the new version at the top of the change log")

    def key(version: Any) -> tuple[int, ...]:
        return tuple(int(part) for part in str(version).split(".") if part.isdigit())

    for i in range(1, len(changes)):
        if key(changes[i].get("version")) >= key(changes[i - 1].get("version")):
            errors.append(f"scheme.changes[{i}]: version {changes[i].get('version')} is listed after "
                          f"{changes[i - 1].get('version')}; list versions newest first")
    return errors


def _check_conditions(i: int, s: Mapping[str, Any]) -> list[str]:
    errors = []
    sid = s.get("id", "")
    conditions = s.get("conditions") or []
    if not conditions:
        errors.append(f"standards[{i}].conditions: {sid} has no conditions; split the requirement into "
                      "numbered conditions, each with the evidence that proves it")
    for j, condition in enumerate(conditions):
        missing = _blank(condition.get("text"))
        if missing:
            errors.append(f"standards[{i}].conditions[{j}].text: empty condition in {', '.join(missing)}; write it")
        evidence = condition.get("evidence") or []
        if not evidence:
            errors.append(f"standards[{i}].conditions[{j}].evidence: condition {j + 1} of {sid} lists no evidence; "
                          "name at least one document that proves it")
        for k, item in enumerate(evidence):
            missing = _blank(item)
            if missing:
                errors.append(f"standards[{i}].conditions[{j}].evidence[{k}]: empty evidence text in "
                              f"{', '.join(missing)}; write it or remove the item")
    return errors


def _check_rubric(i: int, s: Mapping[str, Any], answer_ids: list[str]) -> list[str]:
    errors = []
    sid = s.get("id", "")
    rubric = s.get("rubric") or {}
    for answer in answer_ids:
        missing = _blank(rubric.get(answer))
        if missing:
            errors.append(f"standards[{i}].rubric.{answer}: {sid} does not say what '{answer}' means in "
                          f"{', '.join(missing)}; write it in observable terms")
    for extra in sorted(set(rubric) - set(answer_ids)):
        errors.append(f"standards[{i}].rubric.{extra}: '{extra}' is not an answer id; use one of: "
                      f"{', '.join(answer_ids)}")
    return errors


def _check_legal_basis(i: int, s: Mapping[str, Any], laws: Mapping[str, Mapping[str, Any]]) -> list[str]:
    errors = []
    for j, ref in enumerate(s.get("legal_basis") or []):
        law = laws.get(ref.get("law"))
        if law is None:
            errors.append(f"standards[{i}].legal_basis[{j}].law: '{ref.get('law')}' is not a law id in laws:; "
                          f"use one of: {', '.join(sorted(str(k) for k in laws))}")
            continue
        checked = {a.get("id") for a in law.get("articles", [])}
        for article in (ref.get("article") or "").split(", ") if ref.get("article") else []:
            if article not in checked:
                errors.append(f"standards[{i}].legal_basis[{j}].article: article {article} of '{law.get('id')}' "
                              "is not among its checked articles; add it under laws: with a source, or leave "
                              "the article out")
    if not s.get("legal_basis"):
        errors.append(f"standards[{i}].legal_basis: {s.get('id')} names no law; add at least one")
    return errors


def _check_crosswalk(i: int, s: Mapping[str, Any], frameworks: Mapping[str, set[Any]]) -> list[str]:
    errors = []
    for name, ids in (s.get("crosswalk") or {}).items():
        known = frameworks.get(name, set())
        for j, item in enumerate(ids):
            if item not in known:
                errors.append(f"standards[{i}].crosswalk.{name}[{j}]: '{item}' is not an item of frameworks.{name}; "
                              f"use one of: {', '.join(sorted(str(k) for k in known))}")
    return errors
