"""The calculator workbook of one edition, as a :class:`kgo.calculator.model.Workbook`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.calculator import inputs, results
from kgo.calculator.layout import SHEETS, Layout
from kgo.calculator.model import Workbook
from kgo.editions.model import edition
from kgo.methods.valorization import example_sectors, example_units, method_params
from kgo.text import t

SHEET_TITLE_MAX = 31   # Excel's limit on a sheet's name
EXAMPLE_UNIT = "primer"


def words(model: Mapping[str, Any], lang: str):
    """The calculator's words of an edition (``calculator.labels`` of data/valorization.yaml)."""
    labels = model["calculator"]["labels"]

    def word(key: str) -> str:
        if key not in labels:
            raise KeyError(f"label {key!r} is missing from calculator.labels in data/valorization.yaml")
        return t(labels[key], lang)

    return word


def names(model: Mapping[str, Any], sectors: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Id -> name in the edition, for dimensions, indicators, criteria, units and sectors."""
    out: dict[str, str] = {}
    for key in ("dimensions", "indicators", "criteria"):
        out.update({item["id"]: t(item["name"], lang) for item in model[key]})
    out.update({u["id"]: t(u["name"], lang) for u in model["example"]["units"]})
    out.update({s["id"]: t(s["name"], lang) for s in sectors["sectors"]})
    return out


def example_inputs(model: Mapping[str, Any], sectors: Mapping[str, Any], lang: str
                   ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The worked example as the calculator's inputs, with names in the edition's language."""
    named = names(model, sectors, lang)
    units = [{"name": named[u["name"]], "values": u["values"]} for u in example_units(model)]
    table = example_sectors(model, EXAMPLE_UNIT)
    table = {**table, "rows": [{**row, "name": named[row["name"]]} for row in table["rows"]]}
    return units, table


def sheet_titles(model: Mapping[str, Any], lang: str) -> dict[str, str]:
    word = words(model, lang)
    titles = {code: word(f"sheet_{code}") for code in SHEETS}
    for code, title in titles.items():
        if len(title) > SHEET_TITLE_MAX or any(ch in title for ch in "[]:*?/\\,'"):
            raise ValueError(f"calculator.labels.sheet_{code}: {title!r} cannot name a sheet "
                             f"(at most {SHEET_TITLE_MAX} characters, none of []:*?/\\,')")
    if len(set(titles.values())) != len(titles):
        raise ValueError("calculator.labels: two sheets have the same name")
    return titles


def workbook(model: Mapping[str, Any], sectors: Mapping[str, Any], lang: str,
             inputs_: tuple[Mapping[str, Any], list, Mapping[str, Any]] | None = None) -> Workbook:
    """The workbook of an edition, filled with the worked example; ``inputs_`` = (params, units,
    sector table) fills it with other parameters and inputs instead (the tests use random ones)."""
    params = method_params(model)
    units, table = example_inputs(model, sectors, lang)
    if inputs_ is not None:
        params, units, table = inputs_
    layout = Layout.of(params)
    word = words(model, lang)
    titles = sheet_titles(model, lang)
    named = names(model, sectors, lang)
    quadrants = {k: t(v["name"], lang) for k, v in model["prioritisation"]["quadrants"].items()}
    lines = [t(line, lang) for line in model["calculator"]["instructions"]]
    book = Workbook(word("workbook_title"), edition(lang).lang)
    book.sheets = [
        inputs.info_sheet(titles["info"], lines, word),
        inputs.params_sheet(titles["params"], params, layout, named, word),
        inputs.input_sheet(titles["input"], params, layout, named, units, word),
        inputs.sectors_sheet(titles["sectors"], params, layout, named, table, word),
        inputs.checks_sheet(titles["checks"], params, layout, word),
        results.normalised_sheet(titles["normalised"], params, layout, word),
        results.dimensions_sheet(titles["dimensions"], params, layout, named),
        results.index_sheet(titles["index"], params, layout, named, word),
        results.lq_sheet(titles["lq"], params, layout, word),
        results.matrix_sheet(titles["matrix"], params, layout, quadrants, word),
    ]
    return book
