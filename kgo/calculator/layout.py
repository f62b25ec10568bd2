"""Where everything sits in the calculator workbook; the sheets, the writers and the tests all
read positions from here.

Sheets, in order: instructions, parameters, indicator inputs, sector inputs, checks, normalised
values, dimension scores, index and rank, LQ, matrix. On every input and result sheet row 3
holds the human labels, row 4 the codes (the indicator ids exactly as in the data), and the
units or sectors start on row 5; column A holds the unit's or sector's name. In the sector sheet
row 5 is the ``total`` row (all employed, ``e`` and ``E``) and the sectors start on row 6.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_UNITS = 40      # rows for units (municipalities, or one municipality over several years)
MAX_SECTORS = 20    # rows for sectors
LABEL_ROW, CODE_ROW, FIRST_ROW = 3, 4, 5
UNIT_CODE = "unit"                       # code of column A of the indicator sheet
SECTOR_CODES = ("sector", "local", "region")
TOTAL_CODE = "total"                     # the sector sheet's row of all employed
INDEX_CODES = ("index", "rank")          # columns B and C of the index sheet (then the dimensions)
LQ_CODES = ("sector", "local_share", "region_share", "lq", "concentration")
MATRIX_CODES = ("sector", "qualitative_potential", "concentration", "potential", "readiness", "quadrant", "field")
SHEETS = ("info", "params", "input", "sectors", "checks", "normalised", "dimensions", "index", "lq", "matrix")


@dataclass(frozen=True)
class Layout:
    dimensions: tuple[str, ...]
    indicators: tuple[str, ...]
    criteria: tuple[str, ...]

    @classmethod
    def of(cls, params: Mapping[str, Any]) -> Layout:
        return cls(tuple(d["id"] for d in params["dimensions"]), tuple(i["id"] for i in params["indicators"]),
                   tuple(c["id"] for c in params["criteria"]))

    # --- rows of units and sectors ---
    @property
    def unit_rows(self) -> range:
        return range(FIRST_ROW, FIRST_ROW + MAX_UNITS)

    @property
    def total_row(self) -> int:
        return FIRST_ROW

    @property
    def sector_rows(self) -> range:
        """Rows of the sector input sheet (the LQ and matrix sheets use :attr:`result_sector_rows`)."""
        return range(FIRST_ROW + 1, FIRST_ROW + 1 + MAX_SECTORS)

    @property
    def result_sector_rows(self) -> range:
        return range(FIRST_ROW, FIRST_ROW + MAX_SECTORS)

    # --- columns ---
    def indicator_col(self, indicator: str) -> int:
        """Column of an indicator on the input, checks and normalised sheets."""
        return 2 + self.indicators.index(indicator)

    @property
    def check_message_col(self) -> int:
        return 2 + len(self.indicators)

    def dimension_col(self, dimension: str) -> int:
        """Column of a dimension on the dimension sheet."""
        return 2 + self.dimensions.index(dimension)

    def index_dimension_col(self, dimension: str) -> int:
        """Column of a dimension on the index sheet (after the unit, index and rank)."""
        return 4 + self.dimensions.index(dimension)

    @property
    def index_helper_col(self) -> int:
        """Hidden column of the index rounded to 9 decimals, which the rank compares."""
        return 4 + len(self.dimensions)

    def criterion_col(self, criterion: str) -> int:
        """Column of a criterion on the sector input sheet (after sector, local and region)."""
        return 4 + self.criteria.index(criterion)

    # --- the parameter sheet ---
    @property
    def dimension_param_rows(self) -> range:
        return range(5, 5 + len(self.dimensions))

    @property
    def dimension_sum_row(self) -> int:
        return 5 + len(self.dimensions)

    @property
    def indicator_header_row(self) -> int:
        return self.dimension_sum_row + 2

    @property
    def indicator_param_rows(self) -> range:
        start = self.indicator_header_row + 1
        return range(start, start + len(self.indicators))

    def indicator_param_row(self, indicator: str) -> int:
        return self.indicator_param_rows.start + self.indicators.index(indicator)

    def dimension_param_row(self, dimension: str) -> int:
        return self.dimension_param_rows.start + self.dimensions.index(dimension)

    @property
    def rule_header_row(self) -> int:
        return self.indicator_param_rows.stop + 1

    RULES = ("qualitative_share", "lq_cap", "threshold", "levels", "min_weight_share")

    def rule_row(self, name: str) -> int:
        return self.rule_header_row + 1 + self.RULES.index(name)


# Columns of the parameter sheet.
P_NAME, P_CODE, P_WEIGHT, P_CHECK = 1, 2, 3, 4           # dimensions: name, code, weight, check
P_DIM, P_DIRECTION, P_IWEIGHT, P_REF_MIN, P_REF_MAX, P_LOW, P_HIGH = 3, 4, 5, 6, 7, 8, 9   # indicators
P_VALUE = 3                                               # rules: name, symbol, value
