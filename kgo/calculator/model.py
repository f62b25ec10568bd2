"""A workbook as plain data, written by :mod:`kgo.calculator.xlsx` and :mod:`kgo.calculator.ods`.

Cells are addressed (row, column), both from 1. A cell holds a constant, an input value or a
formula in the neutral notation of :mod:`kgo.calculator.formulas`; its style is one of
:data:`STYLES`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# title: sheet title; note: a line of help; label: the human name above a code; code: a column
# code (indicator id, …); input: a cell the user fills in; param: an editable parameter; text: a
# constant; result: a computed number (2 decimals); rank: a computed whole number; check: a
# computed message.
STYLES = ("title", "note", "label", "code", "input", "param", "text", "result", "rank", "check")


@dataclass
class Cell:
    value: Any = None
    formula: str | None = None
    style: str = "text"
    validation: str | None = None   # key of the sheet's validations

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown cell style {self.style!r}")


@dataclass
class Validation:
    kind: str                     # "decimal" or "whole"
    low: float
    high: float | None            # None: no upper bound
    title: str
    message: str


@dataclass
class Sheet:
    code: str                     # ASCII name used in formulas (input, params, …)
    title: str                    # the tab's name in the edition's language
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)        # column -> width in characters
    validations: dict[str, Validation] = field(default_factory=dict)
    hidden_columns: set[int] = field(default_factory=set)

    def put(self, row: int, col: int, value: Any = None, style: str = "text", formula: str | None = None,
            validation: str | None = None) -> None:
        self.cells[(row, col)] = Cell(value, formula, style, validation)

    @property
    def size(self) -> tuple[int, int]:
        rows = max((r for r, _ in self.cells), default=0)
        cols = max((c for _, c in self.cells), default=0)
        return rows, cols


@dataclass
class Workbook:
    title: str
    lang: str                     # BCP 47 tag of the edition
    sheets: list[Sheet] = field(default_factory=list)

    def titles(self) -> dict[str, str]:
        return {s.code: s.title for s in self.sheets}

    def sheet(self, code: str) -> Sheet:
        return next(s for s in self.sheets if s.code == code)
