"""The method of the Guidelines (Smernice): normalisation, weights, composite index, location
quotient, ranks, the prioritisation matrix, sensitivity and the worked example.

Everything here is a pure function of plain data (the parsed ``data/valorization.yaml`` and
``data/sectors.yaml``); nothing imports MkDocs. One concern per module:

* :mod:`.params` — the method's parameters as one plain dictionary (shared with the browser
  script and the spreadsheet calculator);
* :mod:`.scores` — normalisation, dimension scores, composite index, ranks;
* :mod:`.lq` — location quotient and concentration score;
* :mod:`.matrix` — panel levels, potential, readiness, quadrants;
* :mod:`.calculator` — the whole method on one set of inputs (the reference implementation);
* :mod:`.sensitivity` — weight sets and matrix parameters varied;
* :mod:`.example` — the worked example from the data;
* :mod:`.numbers` — rounding that JavaScript and spreadsheets share;
* :mod:`.checks` — rules of the data that a JSON Schema cannot express.
"""

from kgo.methods.valorization.calculator import calculate, index_results, sector_results
from kgo.methods.valorization.checks import KD_CODE_RE, all_codes, validate_sectors, validate_valorization
from kgo.methods.valorization.example import Example, compute_example, example_sectors, example_units
from kgo.methods.valorization.lq import concentration_score, location_quotient, lq_band
from kgo.methods.valorization.matrix import level_to_score, quadrant
from kgo.methods.valorization.numbers import fixed, round_half_up
from kgo.methods.valorization.params import QUADRANTS, TOLERANCE, method_params, with_changes
from kgo.methods.valorization.scores import SCALE, min_max, rank, weighted_sum
from kgo.methods.valorization.sensitivity import weight_sets

__all__ = [
    "KD_CODE_RE",
    "QUADRANTS",
    "SCALE",
    "TOLERANCE",
    "Example",
    "all_codes",
    "calculate",
    "compute_example",
    "concentration_score",
    "example_sectors",
    "example_units",
    "fixed",
    "index_results",
    "level_to_score",
    "location_quotient",
    "lq_band",
    "method_params",
    "min_max",
    "quadrant",
    "rank",
    "round_half_up",
    "sector_results",
    "validate_sectors",
    "validate_valorization",
    "weight_sets",
    "weighted_sum",
    "with_changes",
]
