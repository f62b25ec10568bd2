"""The prioritisation matrix: where a sector stands on potential and readiness.

* a panel level ``s`` on a scale 1..L becomes ``100 * (s - 1) / (L - 1)``
* qualitative potential ``K``: the mean of the potential criteria so scaled
* potential ``P = a * K + (1 - a) * C`` (``C`` from :mod:`.lq`)
* readiness ``R``: the mean of the readiness criteria so scaled
* quadrant: high potential and high readiness "develop", high potential only "build-capacity",
  high readiness only "maintain", neither "monitor"; a score at the threshold counts as high.

A sector enters the matrix only with a level for every criterion and an LQ (missing data).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.methods.valorization.lq import concentration_score
from kgo.methods.valorization.params import TOLERANCE
from kgo.methods.valorization.scores import SCALE, add


def level_to_score(level: float, levels: int) -> float:
    """Scale a qualitative level 1..levels to 0..100 (1 -> 0, levels -> 100)."""
    if levels < 2:
        raise ValueError("a scale needs at least two levels")
    if not 1 <= level <= levels:
        raise ValueError(f"level {level} is outside 1..{levels}")
    return SCALE * (level - 1) / (levels - 1)


def is_high(score: float, threshold: float) -> bool:
    """A score at the threshold (within rounding noise) counts as high."""
    return score >= threshold - TOLERANCE


def quadrant(potential: float, readiness: float, threshold: float = SCALE / 2) -> str:
    """Quadrant of the prioritisation matrix."""
    high_p, high_r = is_high(potential, threshold), is_high(readiness, threshold)
    if high_p and high_r:
        return "develop"
    if high_p:
        return "build-capacity"
    if high_r:
        return "maintain"
    return "monitor"


def _mean(scores: list[float]) -> float:
    return add(scores) / len(scores)


def valid_level(level: Any, levels: int) -> bool:
    return isinstance(level, (int, float)) and not isinstance(level, bool) and float(level).is_integer() \
        and 1 <= level <= levels


def position(params: Mapping[str, Any], levels_by_criterion: Mapping[str, Any], lq: float | None
             ) -> dict[str, Any] | None:
    """Potential, readiness and quadrant of one sector, or None when a level or the LQ is missing."""
    levels = int(params["levels"])
    if lq is None or any(not valid_level(levels_by_criterion.get(c["id"]), levels) for c in params["criteria"]):
        return None
    def scores(group: str) -> list[float]:
        return [level_to_score(levels_by_criterion[c["id"]], levels) for c in params["criteria"] if c["group"] == group]

    pot, rdy = scores("potential"), scores("readiness")
    share = float(params["qualitative_share"])
    qual = _mean(pot)
    conc = concentration_score(lq, float(params["lq_cap"]))
    potential = share * qual + (1 - share) * conc
    readiness = _mean(rdy)
    return {
        "qualitative_potential": qual,
        "concentration": conc,
        "potential": potential,
        "readiness": readiness,
        "quadrant": quadrant(potential, readiness, float(params["threshold"])),
    }
