"""The calculator's CSV files: the templates a user fills in (the same columns as the input
sheets: human labels in the first row, codes in the second), the worked example in those
templates, and the example's results as the page's "Export results as CSV" writes them."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from kgo.calculator.build import example_inputs, names, words
from kgo.calculator.layout import INDEX_CODES, SECTOR_CODES, TOTAL_CODE, UNIT_CODE
from kgo.methods.valorization import calculate, fixed, method_params

EXPORT_DECIMALS = 2


def csv_text(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def plain(value: float | None) -> str:
    """A number as typed into a template: '4.72', '2150'; '' when missing."""
    return "" if value is None else format(float(value), ".15g")


def _heads(model: Mapping[str, Any], sectors: Mapping[str, Any], lang: str, kind: str) -> list[list[str]]:
    word = words(model, lang)
    named = names(model, sectors, lang)
    params = method_params(model)
    if kind == "units":
        ids = [i["id"] for i in params["indicators"]]
        return [[word("unit"), *(named[i] for i in ids)], [UNIT_CODE, *ids]]
    crit = [c["id"] for c in params["criteria"]]
    return [[*(word(f"sector_{c}") for c in SECTOR_CODES), *(named[c] for c in crit)], [*SECTOR_CODES, *crit]]


def units_csv(model, sectors, lang: str, example: bool) -> str:
    rows = _heads(model, sectors, lang, "units")
    if example:
        units, _ = example_inputs(model, sectors, lang)
        ids = rows[1][1:]
        rows += [[u["name"], *(plain(u["values"].get(i)) for i in ids)] for u in units]
    return csv_text(rows)


def sectors_csv(model, sectors, lang: str, example: bool) -> str:
    rows = _heads(model, sectors, lang, "sectors")
    crit = rows[1][len(SECTOR_CODES):]
    if example:
        _, table = example_inputs(model, sectors, lang)
        rows.append([TOTAL_CODE, plain(table["local_total"]), plain(table["region_total"]), *("" for _ in crit)])
        rows += [[r["name"], plain(r["local"]), plain(r["region"]), *(plain(r["levels"].get(c)) for c in crit)]
                 for r in table["rows"]]
    else:
        rows.append([TOTAL_CODE, "", "", *("" for _ in crit)])
        named = names(model, sectors, lang)
        rows += [[named[s["id"]], "", "", *("" for _ in crit)] for s in sectors["sectors"]]
    return csv_text(rows)


def results_rows(params: Mapping[str, Any], units: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """The exported results: unit name, index, rank and one column per dimension code."""
    result = calculate(params, units)
    dims = [d["id"] for d in params["dimensions"]]
    rows = [[UNIT_CODE, *INDEX_CODES, *dims]]
    for i, item in enumerate(units):
        index, rank = result["index"][i], result["rank"][i]
        rows.append([item["name"], "" if index is None else fixed(index, EXPORT_DECIMALS),
                     "" if rank is None else str(rank),
                     *("" if result["dimensions"][i][d] is None else fixed(result["dimensions"][i][d], EXPORT_DECIMALS)
                       for d in dims)])
    return rows


def results_csv(model, sectors, lang: str) -> str:
    units, _ = example_inputs(model, sectors, lang)
    return csv_text(results_rows(method_params(model), units))
