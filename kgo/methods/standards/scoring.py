"""Scoring and checks of the Standards publication (data/standards.yaml).

Everything here is a pure function of plain data; nothing imports MkDocs. The renderers in
``kgo/render/renderers/standards.py`` call :func:`score` at build time, and the browser script
``docs/assets/js/self-assessment.js`` applies the same rules to the rules object made by
:func:`client_rules`, so the rules live only in the data.

The scoring rule (as printed in ``docs/*/standardi/bodovanje.md``):

* each answer has a factor (met = 1, partly met = 0.25, not met = 0 in the data); a standard earns
  ``factor * points``; an unanswered standard earns nothing;
* ``percent = 100 * earned / maximum``, where ``maximum`` is the sum of all standards' points;
* a level is reached when ``earned * 100 >= min_percent * maximum`` (no rounding) and, if the
  level requires it, every mandatory standard has the mandatory answer (``met``);
* the outcome is the highest level reached, otherwise the "not recognised" outcome.

The partial factor is small on purpose: with every mandatory standard met and every recommended
one only partly met, the score must stay at or below ``scoring.partial_ceiling_percent``, which is
below the threshold (:func:`reference_cases` computes that case; :func:`validate_standards`
enforces it). Whether an answer is "met", "partly met" or "not met" is decided by each standard's
``rubric`` against its numbered ``conditions``; an expired time limit is always "not met".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

ID_PREFIX = "ki-"


@dataclass(frozen=True)
class AreaScore:
    """Subtotal of one area."""

    id: str
    earned: float
    maximum: int
    percent: float
    mandatory_missing: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """Outcome of a self-assessment. ``level`` is a level id or the "not recognised" id."""

    earned: float
    maximum: int
    percent: float
    mandatory_met: bool
    mandatory_missing: tuple[str, ...]
    level: str
    recognised: bool
    areas: tuple[AreaScore, ...]
    unanswered: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain dict with the same keys as the browser script's ``computeScore`` result."""
        out = asdict(self)
        out["mandatory_missing"] = list(self.mandatory_missing)
        out["unanswered"] = list(self.unanswered)
        out["areas"] = {a.id: {"earned": a.earned, "maximum": a.maximum, "percent": a.percent,
                               "mandatory_missing": list(a.mandatory_missing)} for a in self.areas}
        return out


def display_code(standard_id: str) -> str:
    """'ki-4.2' -> 'KI-4.2', the form printed in the publication."""
    return standard_id.upper()


def evidence_of(standard: Mapping[str, Any]) -> list[tuple[int, Mapping[str, str]]]:
    """Every piece of evidence of a standard as (condition number, text), in condition order."""
    return [(n, item) for n, condition in enumerate(standard.get("conditions") or [], start=1)
            for item in condition.get("evidence") or []]


def _percent(earned: float, maximum: float) -> float:
    return earned / maximum * 100 if maximum else 0.0


def _reaches(earned: float, maximum: float, min_percent: float) -> bool:
    return maximum > 0 and earned * 100 >= min_percent * maximum


def score(standards_data: Mapping[str, Any], answers: Mapping[str, str]) -> Result:
    """Score a self-assessment: ``answers`` maps standard ids to answer ids.

    Unanswered standards earn nothing and are listed in ``unanswered``. An unknown standard id
    or answer id raises ``ValueError`` (a typo must not silently lower a score).
    """
    scoring = standards_data["scoring"]
    factors = {a["id"]: float(a["factor"]) for a in scoring["answers"]}
    standards = standards_data["standards"]
    known = {s["id"] for s in standards}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"answers for unknown standards: {', '.join(unknown)}")
    bad = sorted(f"{k}={v}" for k, v in answers.items() if v not in factors)
    if bad:
        raise ValueError(f"unknown answers {', '.join(bad)}; use one of: {', '.join(factors)}")

    mandatory_answer = scoring["mandatory_answer"]
    earned_by_area: dict[str, float] = {a["id"]: 0.0 for a in standards_data["areas"]}
    max_by_area: dict[str, int] = {a["id"]: 0 for a in standards_data["areas"]}
    missing_by_area: dict[str, list[str]] = {a["id"]: [] for a in standards_data["areas"]}
    unanswered = []
    for s in standards:
        answer = answers.get(s["id"])
        if answer is None:
            unanswered.append(s["id"])
        earned_by_area[s["area"]] += factors.get(answer, 0.0) * s["points"]
        max_by_area[s["area"]] += s["points"]
        if s["level"] == "mandatory" and answer != mandatory_answer:
            missing_by_area[s["area"]].append(s["id"])

    earned = sum(earned_by_area.values())
    maximum = sum(max_by_area.values())
    missing = tuple(sid for area in missing_by_area.values() for sid in area)
    mandatory_met = not missing
    level = scoring["not_recognised"]["id"]
    for candidate in scoring["levels"]:  # lowest first: the last one reached wins
        if _reaches(earned, maximum, candidate["min_percent"]) and (
                mandatory_met or not candidate["requires_mandatory"]):
            level = candidate["id"]
    areas = tuple(
        AreaScore(a_id, earned_by_area[a_id], max_by_area[a_id],
                  _percent(earned_by_area[a_id], max_by_area[a_id]), tuple(missing_by_area[a_id]))
        for a_id in earned_by_area
    )
    return Result(earned, maximum, _percent(earned, maximum), mandatory_met, missing, level,
                  level != scoring["not_recognised"]["id"], areas, tuple(unanswered))


@dataclass(frozen=True)
class ReferenceCases:
    """The cases that show what partial credit is worth, computed from the data.

    ``mandatory_only``: every mandatory standard met, nothing else; ``all_partial``: every
    mandatory standard met and every recommended one only partly met; ``needed_rest_partial`` and
    ``needed_rest_none``: the fewest points of fully met recommended standards that reach the
    threshold when the remaining recommended standards are partly met or not met (whole standards,
    smallest first, so the figure is a lower bound any real answer set has to reach).
    """

    maximum: int
    recommended_points: int
    mandatory_only: Result
    all_partial: Result
    ceiling_percent: float
    needed_rest_partial: int | None
    needed_rest_none: int | None


def _partial_id(scoring: Mapping[str, Any]) -> str:
    """The answer between "met" and "not met": the one with the largest factor below 1."""
    below = [a for a in scoring["answers"] if 0 < float(a["factor"]) < 1]
    return max(below, key=lambda a: float(a["factor"]))["id"] if below else scoring["mandatory_answer"]


def _needed(standards_data: Mapping[str, Any], rest: str | None) -> int | None:
    """Fewest recommended points fully met that reach the threshold, the others answered ``rest``."""
    scoring = standards_data["scoring"]
    met = scoring["mandatory_answer"]
    mandatory = {s["id"]: met for s in standards_data["standards"] if s["level"] == "mandatory"}
    recommended = sorted((s for s in standards_data["standards"] if s["level"] != "mandatory"),
                         key=lambda s: (-s["points"], s["id"]))
    threshold = scoring["threshold_percent"]
    best: int | None = None
    # Recommended points come in small integers: try every reachable sum, from the smallest.
    sums: dict[int, list[str]] = {0: []}
    for s in recommended:
        for total, ids in list(sums.items()):
            sums.setdefault(total + s["points"], ids + [s["id"]])
    for total in sorted(sums):
        answers = dict(mandatory)
        for s in recommended:
            answers[s["id"]] = met if s["id"] in sums[total] else rest
        answers = {k: v for k, v in answers.items() if v is not None}
        result = score(standards_data, answers)
        if _reaches(result.earned, result.maximum, threshold):
            best = total
            break
    return best


def reference_cases(standards_data: Mapping[str, Any]) -> ReferenceCases:
    """The reference cases of the scoring rule (see :class:`ReferenceCases`)."""
    scoring = standards_data["scoring"]
    met = scoring["mandatory_answer"]
    partial = _partial_id(scoring)
    standards = standards_data["standards"]
    mandatory = {s["id"]: met for s in standards if s["level"] == "mandatory"}
    all_partial = {**{s["id"]: partial for s in standards}, **mandatory}
    return ReferenceCases(
        maximum=sum(s["points"] for s in standards),
        recommended_points=sum(s["points"] for s in standards if s["level"] != "mandatory"),
        mandatory_only=score(standards_data, mandatory),
        all_partial=score(standards_data, all_partial),
        ceiling_percent=float(scoring["partial_ceiling_percent"]),
        needed_rest_partial=_needed(standards_data, partial),
        needed_rest_none=_needed(standards_data, None),
    )


def example_answers(standards_data: Mapping[str, Any], example_id: str) -> dict[str, str]:
    """The full answer set of an example; ``based_on`` examples overlay their earlier one."""
    examples = {e["id"]: e for e in standards_data.get("examples", [])}
    if example_id not in examples:
        raise KeyError(f"no example id={example_id!r} in data/standards.yaml; known: {', '.join(examples)}")
    chain, seen = [], set()
    current: str | None = example_id
    while current is not None:
        if current in seen or current not in examples:
            raise ValueError(f"example {example_id!r}: based_on chain is broken at {current!r}")
        seen.add(current)
        chain.append(examples[current])
        current = examples[current].get("based_on")
    answers: dict[str, str] = {}
    for example in reversed(chain):
        answers.update(example["answers"])
    return answers


def changed_answers(standards_data: Mapping[str, Any], example_id: str) -> dict[str, tuple[str | None, str]]:
    """For a ``based_on`` example: standard id -> (answer before, answer after)."""
    example = next(e for e in standards_data["examples"] if e["id"] == example_id)
    if not example.get("based_on"):
        return {}
    before = example_answers(standards_data, example["based_on"])
    return {sid: (before.get(sid), ans) for sid, ans in example["answers"].items() if before.get(sid) != ans}


def client_rules(standards_data: Mapping[str, Any]) -> dict[str, Any]:
    """The rules as a JSON-ready object for the browser script (language-neutral ids only)."""
    scoring = standards_data["scoring"]
    return {
        "threshold_percent": scoring["threshold_percent"],
        "mandatory_answer": scoring["mandatory_answer"],
        "not_recognised": scoring["not_recognised"]["id"],
        "answers": [{"id": a["id"], "factor": a["factor"]} for a in scoring["answers"]],
        "levels": [{"id": lv["id"], "min_percent": lv["min_percent"],
                    "requires_mandatory": lv["requires_mandatory"]} for lv in scoring["levels"]],
        "areas": [a["id"] for a in standards_data["areas"]],
        "standards": [{"id": s["id"], "area": s["area"], "level": s["level"], "points": s["points"]}
                      for s in standards_data["standards"]],
    }
